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
 * One transition of one instance, appended to the {@link io.cemkit.workflow.spi.AuditLog} (W3):
 * from which step to which (empty for the start and the end), who performed the step, which actor
 * completed it, when the step was entered and left, and its outcome.
 *
 * <p>JSON, for a host's audit log: the components by name; empty optionals are left out, the kind is
 * its name and the performer is written as on {@link Performer}:
 *
 * <pre>{@code
 * {"actor": "check", "at": "2026-03-02T09:00:00.005Z", "enteredAt": "2026-03-02T09:00:00Z",
 *  "from": "check", "instance": "P-1", "kind": "COMPLETED", "outcome": "ok",
 *  "performer": {"handler": "check"}, "sequence": 2, "to": "confirm"}
 * }</pre>
 *
 * @param instance the instance
 * @param sequence the transition's number within the instance, from 1
 * @param kind what happened
 * @param from the step left, empty at the start
 * @param to the step entered, empty at the end or on a failure
 * @param performer the performer of the step left
 * @param actor who completed it (the claimer, the partner, the handler's name, {@code timer} for an elapsed
 *     timer, or {@code engine})
 * @param enteredAt when the step left was entered (the start time for the first record)
 * @param at when the transition happened
 * @param outcome the outcome of the step left, or the failure message
 * @param claimedAt when the step's work item was claimed, for a human or partner step completed by
 *     its holder (wait time is {@code claimedAt - enteredAt}, work time {@code at - claimedAt})
 * @param sla how the transition stood against the instance's service level, when it has one
 * @param priority the priority of the completed step's work item, on a COMPLETED record (an item
 *     escalated by {@link ProcessDefinition.StepBuilder#raisePriority} shows the priority it was done
 *     at, as an item escalated to another queue shows that queue as its performer); 0 otherwise, and
 *     then left out of the JSON
 */
public record AuditRecord(@JsonProperty(required = true) ProcessInstanceId instance,
    @JsonProperty(required = true) long sequence, @JsonProperty(required = true) Kind kind,
    @JsonProperty Optional<String> from, @JsonProperty Optional<String> to,
    @JsonProperty Optional<Performer> performer, @JsonProperty(required = true) String actor,
    @JsonProperty(required = true) Instant enteredAt, @JsonProperty(required = true) Instant at,
    @JsonProperty Optional<String> outcome, @JsonProperty Optional<Instant> claimedAt,
    @JsonProperty Optional<SlaVerdict> sla,
    @JsonProperty @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) int priority) {

  /**
   * Checks the parts.
   *
   * @param instance the instance
   * @param sequence the number
   * @param kind the kind
   * @param from the step left
   * @param to the step entered
   * @param performer the performer
   * @param actor the actor
   * @param enteredAt the entry time
   * @param at the time
   * @param outcome the outcome
   * @param claimedAt the claim time
   * @param sla the SLA verdict
   * @param priority the completed item's priority
   * @throws IllegalArgumentException if the sequence is below 1, or a record other than COMPLETED has a
   *     priority other than 0
   */
  @JsonCreator
  public AuditRecord {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(enteredAt, "enteredAt");
    Objects.requireNonNull(at, "at");
    from = Objects.requireNonNullElse(from, Optional.empty());
    to = Objects.requireNonNullElse(to, Optional.empty());
    performer = Objects.requireNonNullElse(performer, Optional.empty());
    outcome = Objects.requireNonNullElse(outcome, Optional.empty());
    claimedAt = Objects.requireNonNullElse(claimedAt, Optional.empty());
    sla = Objects.requireNonNullElse(sla, Optional.empty());
    if (sequence < 1) {
      throw new IllegalArgumentException("AuditRecord.sequence must be at least 1, was " + sequence);
    }
    if (priority != 0 && kind != Kind.COMPLETED) {
      throw new IllegalArgumentException("AuditRecord " + instance + " #" + sequence + ": priority " + priority
          + " on a " + kind + " record; only a COMPLETED record carries its work item's priority");
    }
  }

  /**
   * A record without a priority (0), as before priorities existed.
   *
   * @param instance the instance
   * @param sequence the number
   * @param kind the kind
   * @param from the step left
   * @param to the step entered
   * @param performer the performer
   * @param actor the actor
   * @param enteredAt the entry time
   * @param at the time
   * @param outcome the outcome
   * @param claimedAt the claim time
   * @param sla the SLA verdict
   */
  public AuditRecord(ProcessInstanceId instance, long sequence, Kind kind, Optional<String> from,
      Optional<String> to, Optional<Performer> performer, String actor, Instant enteredAt, Instant at,
      Optional<String> outcome, Optional<Instant> claimedAt, Optional<SlaVerdict> sla) {
    this(instance, sequence, kind, from, to, performer, actor, enteredAt, at, outcome, claimedAt, sla, 0);
  }

  /** What a transition was. */
  public enum Kind {
    /** The instance started and entered its first step. */
    STARTED,
    /** A step completed and the instance moved on (or ended). */
    COMPLETED,
    /** An automated step's handler failed; the instance waits for a retry. */
    FAILED,
    /** A failed step is being run again. */
    RETRIED,
    /** The instance was cancelled at its step; the outcome holds the reason. */
    CANCELLED
  }
}
