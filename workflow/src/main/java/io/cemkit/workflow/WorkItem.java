package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cemkit.core.ProcessInstanceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a work item: one human or partner step of one instance, waiting in its queue (the
 * performer's code) until someone claims and completes it. Completion needs the item's token, which
 * the claimer receives; {@code toString()} never shows it. A lease is a claim with an end: once it
 * has passed, the holder's token no longer completes the item and
 * {@link WorkflowEngine#expireLeases()} puts it back in its queue.
 *
 * @param id the item's id
 * @param instance the instance it belongs to
 * @param step the step
 * @param performer the queue or partner it waits for
 * @param createdAt when it was created
 * @param claimedBy who holds it, if claimed
 * @param claimedAt when it was claimed
 * @param token the completion token
 * @param leasedUntil when the holder's lease ends, for a leased item
 */
public record WorkItem(@JsonProperty(required = true) WorkItemId id,
    @JsonProperty(required = true) ProcessInstanceId instance, @JsonProperty(required = true) String step,
    @JsonProperty(required = true) Performer performer, @JsonProperty(required = true) Instant createdAt,
    @JsonProperty Optional<String> claimedBy, @JsonProperty Optional<Instant> claimedAt,
    @JsonProperty(required = true) String token, @JsonProperty Optional<Instant> leasedUntil) {

  /**
   * Checks the parts.
   *
   * @param id the id
   * @param instance the instance
   * @param step the step
   * @param performer the performer
   * @param createdAt the creation time
   * @param claimedBy the holder
   * @param claimedAt the claim time
   * @param token the token
   * @param leasedUntil the lease's end
   * @throws IllegalArgumentException if a lease has no holder
   */
  public WorkItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(performer, "performer");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(token, "token");
    claimedBy = Objects.requireNonNullElse(claimedBy, Optional.empty());
    claimedAt = Objects.requireNonNullElse(claimedAt, Optional.empty());
    leasedUntil = Objects.requireNonNullElse(leasedUntil, Optional.empty());
    if (leasedUntil.isPresent() && claimedBy.isEmpty()) {
      throw new IllegalArgumentException("WorkItem " + id + ": leasedUntil " + leasedUntil.get()
          + " without a holder; only a claimed item is leased");
    }
  }

  /**
   * An unclaimed item: in its queue, with a token of its own.
   *
   * @param id the id
   * @param instance the instance
   * @param step the step
   * @param performer the performer
   * @param createdAt the creation time
   * @param token the token
   * @return the item
   */
  public static WorkItem unclaimed(WorkItemId id, ProcessInstanceId instance, String step, Performer performer,
      Instant createdAt, String token) {
    return new WorkItem(id, instance, step, performer, createdAt, Optional.empty(), Optional.empty(), token,
        Optional.empty());
  }

  /**
   * Whether the lease has ended at a time.
   *
   * @param now the time
   * @return true if leased and the lease ended at or before {@code now}
   */
  public boolean leaseEndedAt(Instant now) {
    return leasedUntil.isPresent() && !now.isBefore(leasedUntil.get());
  }

  /** Id, instance, step and holder; never the token. */
  @Override
  public String toString() {
    return "WorkItem[" + id + ", " + instance + " at " + step + ", " + performer
        + claimedBy.map(c -> ", held by " + c).orElse(", unclaimed")
        + leasedUntil.map(u -> " until " + u).orElse("") + "]";
  }
}
