package io.cemkit.workflow.spi;

import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.WorkItem;

/**
 * Hears about instances and work items, synchronously, after the engine has recorded the change.
 * Every method has an empty default. An exception from a listener propagates to the caller; the
 * change stays recorded.
 */
public interface WorkflowListener {

  /**
   * An instance started.
   *
   * @param instance the instance after its first steps
   */
  default void instanceStarted(ProcessInstance instance) {}

  /**
   * A transition was recorded: a step entered at the start, a step completed (and the next
   * entered), a failure, a retry, a cancellation, a work item escalated on an SLA alert. Called once
   * per audit record, in order (an escalation's record before {@link #escalated}).
   *
   * @param record the transition
   */
  default void transitioned(io.cemkit.workflow.AuditRecord record) {}

  /**
   * A work item was created (a human, partner or timer step was entered).
   *
   * @param item the item, with its completion token (hand it to a partner)
   */
  default void workItemCreated(WorkItem item) {}

  /**
   * A work item was claimed.
   *
   * @param item the item
   */
  default void workItemClaimed(WorkItem item) {}

  /**
   * A lease ended without a completion: the item went back to its queue, or to whoever claimed it
   * after the lease's end.
   *
   * @param item the item as it was leased (holder and lease end)
   */
  default void leaseExpired(WorkItem item) {}

  /**
   * A timer step's delay elapsed: {@code WorkflowEngine#fireTimers()} completed its item with the
   * outcome {@link io.cemkit.workflow.Performer.Timer#ELAPSED} and the instance moved on. Heard after
   * the completion's {@link #transitioned} and before the next step's {@link #workItemCreated}.
   *
   * @param item the timer's item as it was (its step, its {@link WorkItem#dueAt() due time})
   */
  default void timerFired(WorkItem item) {}

  /**
   * An instance's service level fell at risk or was breached (W4); raised once per alert.
   *
   * @param instance the instance as stored with the alert
   * @param alert which deadline, at risk or breached
   * @param at when the alert fell due (the warning time or the deadline)
   */
  default void slaAlert(ProcessInstance instance, io.cemkit.workflow.SlaAlert alert, java.time.Instant at) {}

  /**
   * An SLA alert escalated a work item (see {@code ProcessDefinition.StepBuilder#escalate}): it moved
   * to another queue, unclaimed, with a new token (the performers differ), its priority rose
   * ({@link WorkItem#priority()} is higher), or both. An item whose priority alone rose keeps its
   * queue, its holder, its token and its lease.
   *
   * @param from the item as it was (its queue, its holder, its priority)
   * @param to the item as it is now
   * @param alert the alert that escalated it
   */
  default void escalated(WorkItem from, WorkItem to, io.cemkit.workflow.SlaAlert alert) {}

  /**
   * An instance failed at an automated step.
   *
   * @param instance the failed instance
   */
  default void instanceFailed(ProcessInstance instance) {}

  /**
   * An instance ended.
   *
   * @param instance the completed instance
   */
  default void instanceEnded(ProcessInstance instance) {}
}
