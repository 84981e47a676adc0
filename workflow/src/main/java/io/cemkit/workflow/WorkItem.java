package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cemkit.core.ProcessInstanceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a work item: one human or partner step of one instance, waiting in its queue (the
 * performer's code) until someone claims and completes it. Completion needs the item's token, which
 * the claimer receives; {@code toString()} never shows it.
 *
 * @param id the item's id
 * @param instance the instance it belongs to
 * @param step the step
 * @param performer the queue or partner it waits for
 * @param createdAt when it was created
 * @param claimedBy who holds it, if claimed
 * @param claimedAt when it was claimed
 * @param token the completion token
 */
public record WorkItem(@JsonProperty(required = true) WorkItemId id,
    @JsonProperty(required = true) ProcessInstanceId instance, @JsonProperty(required = true) String step,
    @JsonProperty(required = true) Performer performer, @JsonProperty(required = true) Instant createdAt,
    @JsonProperty Optional<String> claimedBy, @JsonProperty Optional<Instant> claimedAt,
    @JsonProperty(required = true) String token) {

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
   */
  public WorkItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(performer, "performer");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(token, "token");
  }

  /** Id, instance, step and holder; never the token. */
  @Override
  public String toString() {
    return "WorkItem[" + id + ", " + instance + " at " + step + ", " + performer
        + claimedBy.map(c -> ", held by " + c).orElse(", unclaimed") + "]";
  }
}
