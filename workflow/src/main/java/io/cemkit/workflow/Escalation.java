package io.cemkit.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * What an SLA alert does to the work item of an instance waiting at a step (W4): move it to another
 * queue, raise its priority, or both. Configured per alert and step with
 * {@link ProcessDefinition.StepBuilder#escalate(SlaAlert, Escalation)}; the engine applies it when
 * {@link WorkflowEngine#checkDeadlines()} raises the alert.
 *
 * <pre>{@code
 * .step("answer", Performer.queue("agents"), "Answer")
 *     .escalate(SlaAlert.RESPONSE_AT_RISK, Escalation.raisePriority(1))
 *     .escalate(SlaAlert.RESPONSE_BREACHED, Escalation.toQueue("supervisors").andRaisePriority(2))
 * }</pre>
 *
 * <p>In JSON ({@link ProcessDefinitionJson}) an escalation that only moves is the queue's code,
 * {@code "supervisors"}; one that raises is an object, {@code {"raisePriority": 1}} or
 * {@code {"queue": "supervisors", "raisePriority": 2}}. Immutable.
 */
public final class Escalation {
  private final Performer queue;
  private final int priorityRaise;

  private Escalation(Performer queue, int priorityRaise) {
    this.queue = queue;
    this.priorityRaise = priorityRaise;
  }

  /**
   * Moves the work item to another queue, unclaimed and with a new token (whoever held it can no
   * longer complete it); its creation time is kept, so it is among the oldest there.
   *
   * @param queue the queue's code
   * @return the escalation
   * @throws IllegalArgumentException if the queue is not a code
   */
  public static Escalation toQueue(String queue) {
    return new Escalation(Performer.queue(queue), 0);
  }

  /**
   * Raises the work item's priority, so that its queue serves it before items of a lower priority.
   * An unclaimed item moves up in its queue; a claimed one stays with its holder, token and lease
   * unchanged, at the new priority. Raises add up (at risk, then breached); the priority stops at
   * {@link Integer#MAX_VALUE}.
   *
   * @param by how much the priority rises, at least 1
   * @return the escalation
   * @throws IllegalArgumentException if {@code by} is below 1
   */
  public static Escalation raisePriority(int by) {
    return new Escalation(null, positive(by));
  }

  /**
   * This escalation, also raising the priority; for one that moves the item, the item arrives in
   * its new queue at the raised priority.
   *
   * @param by how much the priority rises, at least 1
   * @return the new escalation
   * @throws IllegalArgumentException if {@code by} is below 1, or this escalation raises the priority already
   */
  public Escalation andRaisePriority(int by) {
    if (priorityRaise != 0) {
      throw new IllegalArgumentException("Escalation " + this + " raises the priority already; give the whole "
          + "raise once, e.g. raisePriority(" + (priorityRaise + (long) by) + ")");
    }
    return new Escalation(queue, positive(by));
  }

  private static int positive(int by) {
    if (by < 1) {
      throw new IllegalArgumentException("Escalation priority raise must be at least 1, was " + by);
    }
    return by;
  }

  /**
   * The queue the item moves to.
   *
   * @return the queue, or empty when the item stays in its queue
   */
  public Optional<Performer> queue() {
    return Optional.ofNullable(queue);
  }

  /**
   * How much the item's priority rises.
   *
   * @return the raise, 0 when the priority stays
   */
  public int priorityRaise() {
    return priorityRaise;
  }

  /**
   * A priority raised by this escalation: {@code priority + priorityRaise()}, at most
   * {@link Integer#MAX_VALUE}.
   *
   * @param priority the item's priority
   * @return the raised priority
   */
  int raise(int priority) {
    return (int) Math.min(Integer.MAX_VALUE, (long) priority + priorityRaise);
  }

  /** Equal when both move to the same queue (or none) and raise by the same amount. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Escalation e && Objects.equals(queue, e.queue) && priorityRaise == e.priorityRaise;
  }

  @Override
  public int hashCode() {
    return Objects.hash(queue, priorityRaise);
  }

  /** For example {@code to queue supervisors, priority +2}. */
  @Override
  public String toString() {
    if (queue == null) {
      return "priority +" + priorityRaise;
    }
    return "to " + queue + (priorityRaise == 0 ? "" : ", priority +" + priorityRaise);
  }
}
