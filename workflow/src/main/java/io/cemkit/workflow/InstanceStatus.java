package io.cemkit.workflow;

/** Where a process instance stands. */
public enum InstanceStatus {
  /** Waiting at a human or partner step for its work item to be completed. */
  WAITING,
  /** An automated step's handler failed; the instance waits, visibly, for a retry. */
  FAILED,
  /** The process ended. Final. */
  COMPLETED
}
