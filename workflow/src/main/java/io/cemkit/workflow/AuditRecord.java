package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.cemkit.core.ProcessInstanceId;
import java.time.Instant;
import java.util.Arrays;
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
 * <p>An {@link Kind#ESCALATED} record is not a move between steps: the instance stays at its step
 * ({@code from} and {@code to} both name it) while its open work item changes queue, priority or both
 * on an SLA alert. Its {@code outcome} is the alert's name, its {@code performer} the queue the item is
 * in afterwards (the same queue when only the priority rose), its {@code priority} the item's priority
 * afterwards, its {@code actor} {@code engine}, its {@code enteredAt} when the step was entered and its
 * {@code at} when the escalation happened. The queue the item moved from is the {@code performer} of the
 * previous ESCALATED record at the same step, or, for the first, the step's own performer (every item is
 * created in its step's queue):
 *
 * <pre>{@code
 * {"actor": "engine", "at": "2026-03-02T10:02:00Z", "enteredAt": "2026-03-02T09:00:00Z",
 *  "from": "answer", "instance": "P-1", "kind": "ESCALATED", "outcome": "RESPONSE_BREACHED",
 *  "performer": {"queue": "supervisors"}, "priority": 3, "sequence": 3,
 *  "sla": {"deadline": "RESPONSE", "due": "2026-03-02T10:00:00Z", "status": "BREACHED"}, "to": "answer"}
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
 * @param priority the priority of the step's work item: on a COMPLETED record the priority it was done
 *     at (an item escalated by {@link ProcessDefinition.StepBuilder#raisePriority} shows the raised one,
 *     as an item escalated to another queue shows that queue as its performer), on an ESCALATED record
 *     the priority it has after the escalation; 0 on other records, and 0 is left out of the JSON
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
   * @throws IllegalArgumentException if the sequence is below 1, a record other than COMPLETED or
   *     ESCALATED has a priority other than 0, or an ESCALATED record does not name its step (the same
   *     in {@code from} and {@code to}), its performer and its alert ({@code outcome}, an {@link SlaAlert}'s
   *     name)
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
    if (priority != 0 && kind != Kind.COMPLETED && kind != Kind.ESCALATED) {
      throw new IllegalArgumentException("AuditRecord " + instance + " #" + sequence + ": priority " + priority
          + " on a " + kind + " record; only a COMPLETED or ESCALATED record carries its work item's priority");
    }
    if (kind == Kind.ESCALATED) {
      checkEscalated(instance, sequence, from, to, performer, outcome);
    }
  }

  private static void checkEscalated(ProcessInstanceId instance, long sequence, Optional<String> from,
      Optional<String> to, Optional<Performer> performer, Optional<String> outcome) {
    String which = "AuditRecord " + instance + " #" + sequence + " (ESCALATED): ";
    if (from.isEmpty() || !from.equals(to)) {
      throw new IllegalArgumentException(which + "from " + from.orElse("(none)") + " and to " + to.orElse("(none)")
          + " must both name the step the instance stays at");
    }
    if (performer.isEmpty()) {
      throw new IllegalArgumentException(which + "performer is missing; it must name the queue the item is in "
          + "after the escalation");
    }
    String alert = outcome.orElse("(none)");
    if (outcome.isEmpty() || Arrays.stream(SlaAlert.values()).noneMatch(a -> a.name().equals(alert))) {
      throw new IllegalArgumentException(which + "outcome " + alert + " must be the alert's name, one of "
          + Arrays.toString(SlaAlert.values()));
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
    CANCELLED,
    /**
     * The step's open work item was escalated on an SLA alert: moved to another queue (unclaimed, with
     * a new token), its priority raised, or both; the instance stays at its step. The outcome names the
     * alert, the performer the queue the item is in afterwards, the priority its priority afterwards;
     * the queue it moved from is the performer of the previous ESCALATED record at the step, or the
     * step's own performer. Written by {@link WorkflowEngine#checkDeadlines()} in the same write as the
     * alert, once per alert.
     */
    ESCALATED
  }
}
