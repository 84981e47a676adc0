package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.cemkit.core.ProcessInstanceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a work item: one human or partner step of one instance, waiting in its queue (the
 * performer's code) until someone claims and completes it. Completion needs the item's token, which
 * the claimer receives; {@code toString()} never shows it. A lease is a claim with an end: once it
 * has passed, the holder's token no longer completes the item and
 * {@link WorkflowEngine#expireLeases()} puts it back in its queue. The item of a {@linkplain Performer.Timer
 * timer} step is in no queue and nobody holds it: it has a due time, and
 * {@link WorkflowEngine#fireTimers()} completes it once that has come.
 *
 * <p>A queue serves its items by {@linkplain #priority() priority}, highest first, then oldest
 * first. An item's priority comes from its instance's {@link StartRequest#priority()} and rises when
 * an SLA alert escalates it ({@link ProcessDefinition.StepBuilder#raisePriority}); a timer's item has
 * none (0).
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
 * @param dueAt when a timer's item falls due, for a timer step's item only (JSON field {@code dueAt})
 * @param priority how urgent it is: a queue serves higher first, 0 by default (JSON field
 *     {@code priority}, left out when 0 and read as 0 when missing)
 */
public record WorkItem(@JsonProperty(required = true) WorkItemId id,
    @JsonProperty(required = true) ProcessInstanceId instance, @JsonProperty(required = true) String step,
    @JsonProperty(required = true) Performer performer, @JsonProperty(required = true) Instant createdAt,
    @JsonProperty Optional<String> claimedBy, @JsonProperty Optional<Instant> claimedAt,
    @JsonProperty(required = true) String token, @JsonProperty Optional<Instant> leasedUntil,
    @JsonProperty Optional<Instant> dueAt,
    @JsonProperty @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) int priority) {

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
   * @param dueAt a timer's due time
   * @param priority the priority
   * @throws IllegalArgumentException if a lease has no holder, or a due time is given without a timer
   *     performer, missing for one, or given with a holder, or a timer's item has a priority other than 0
   */
  @JsonCreator
  public WorkItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(performer, "performer");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(token, "token");
    // A blank step names no step of any definition, and a blank token would let anyone complete the item.
    if (step.isBlank()) {
      throw new IllegalArgumentException("WorkItem " + id + ": step must name a step of the definition, was '"
          + step + "'");
    }
    if (token.isBlank()) {
      throw new IllegalArgumentException("WorkItem " + id + ": token must not be blank, was '" + token + "'");
    }
    claimedBy = Objects.requireNonNullElse(claimedBy, Optional.empty());
    claimedAt = Objects.requireNonNullElse(claimedAt, Optional.empty());
    leasedUntil = Objects.requireNonNullElse(leasedUntil, Optional.empty());
    dueAt = Objects.requireNonNullElse(dueAt, Optional.empty());
    if (leasedUntil.isPresent() && claimedBy.isEmpty()) {
      throw new IllegalArgumentException("WorkItem " + id + ": leasedUntil " + leasedUntil.get()
          + " without a holder; only a claimed item is leased");
    }
    boolean timer = performer instanceof Performer.Timer;
    if (timer != dueAt.isPresent()) {
      throw new IllegalArgumentException("WorkItem " + id + ": " + (timer ? "the item of " + performer
          + " has no dueAt" : "dueAt " + dueAt.get() + " on the item of " + performer + "; only a timer's item "
          + "falls due"));
    }
    if (timer && claimedBy.isPresent()) {
      throw new IllegalArgumentException("WorkItem " + id + ": the item of " + performer + " is held by "
          + claimedBy.get() + "; nobody holds a timer's item");
    }
    if (timer && priority != 0) {
      throw new IllegalArgumentException("WorkItem " + id + ": the item of " + performer + " has priority "
          + priority + "; a timer's item is in no queue, so its priority is 0");
    }
  }

  /**
   * An item with the default priority 0, as before priorities existed.
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
   * @param dueAt a timer's due time
   * @throws IllegalArgumentException as the canonical constructor
   */
  public WorkItem(WorkItemId id, ProcessInstanceId instance, String step, Performer performer, Instant createdAt,
      Optional<String> claimedBy, Optional<Instant> claimedAt, String token, Optional<Instant> leasedUntil,
      Optional<Instant> dueAt) {
    this(id, instance, step, performer, createdAt, claimedBy, claimedAt, token, leasedUntil, dueAt, 0);
  }

  /**
   * An item without a due time (not a timer's) and with the default priority 0, as before timers
   * existed.
   *
   * @param id the id
   * @param instance the instance
   * @param step the step
   * @param performer the performer, not a timer
   * @param createdAt the creation time
   * @param claimedBy the holder
   * @param claimedAt the claim time
   * @param token the token
   * @param leasedUntil the lease's end
   * @throws IllegalArgumentException as the canonical constructor, and if the performer is a timer
   */
  public WorkItem(WorkItemId id, ProcessInstanceId instance, String step, Performer performer, Instant createdAt,
      Optional<String> claimedBy, Optional<Instant> claimedAt, String token, Optional<Instant> leasedUntil) {
    this(id, instance, step, performer, createdAt, claimedBy, claimedAt, token, leasedUntil, Optional.empty(), 0);
  }

  /**
   * An unclaimed item with the default priority 0: in its queue, with a token of its own.
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
    return unclaimed(id, instance, step, performer, createdAt, token, 0);
  }

  /**
   * An unclaimed item: in its queue at a priority, with a token of its own.
   *
   * @param id the id
   * @param instance the instance
   * @param step the step
   * @param performer the performer, not a timer
   * @param createdAt the creation time
   * @param token the token
   * @param priority the priority, higher served first
   * @return the item
   * @throws IllegalArgumentException if the performer is a timer
   */
  public static WorkItem unclaimed(WorkItemId id, ProcessInstanceId instance, String step, Performer performer,
      Instant createdAt, String token, int priority) {
    return new WorkItem(id, instance, step, performer, createdAt, Optional.empty(), Optional.empty(), token,
        Optional.empty(), Optional.empty(), priority);
  }

  /**
   * The item of a timer step: in no queue, due at a time.
   *
   * @param id the id
   * @param instance the instance
   * @param step the step
   * @param timer the timer
   * @param createdAt the creation time (when the step was entered)
   * @param token the token (it completes nothing: only {@link WorkflowEngine#fireTimers()} does)
   * @param dueAt when it falls due
   * @return the item
   */
  public static WorkItem timer(WorkItemId id, ProcessInstanceId instance, String step, Performer.Timer timer,
      Instant createdAt, String token, Instant dueAt) {
    return new WorkItem(id, instance, step, timer, createdAt, Optional.empty(), Optional.empty(), token,
        Optional.empty(), Optional.of(Objects.requireNonNull(dueAt, "dueAt")), 0);
  }

  /**
   * This item at another priority; everything else (holder, token, lease) is kept.
   *
   * @param priority the new priority
   * @return the item
   * @throws IllegalArgumentException if this is a timer's item and the priority is not 0
   */
  public WorkItem withPriority(int priority) {
    return new WorkItem(id, instance, step, performer, createdAt, claimedBy, claimedAt, token, leasedUntil, dueAt,
        priority);
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

  /** Id, instance, step, holder (or due time) and a priority other than 0; never the token. */
  @Override
  public String toString() {
    return "WorkItem[" + id + ", " + instance + " at " + step + ", " + performer
        + dueAt.map(d -> ", due at " + d).orElseGet(() -> claimedBy.map(c -> ", held by " + c).orElse(", unclaimed"))
        + leasedUntil.map(u -> " until " + u).orElse("") + (priority == 0 ? "" : ", priority " + priority) + "]";
  }
}
