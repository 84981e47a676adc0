package io.cemkit.workflow;

/** Where a process instance stands. */
public enum InstanceStatus {
  /** Waiting at a human or partner step for its work item to be completed. */
  WAITING,
  /** An automated step's handler failed; the instance waits, visibly, for a retry. */
  FAILED,
  /** The process ended. Final. */
  COMPLETED,
  /** The instance was cancelled before it ended (the customer withdrew, the case was void). Final. */
  CANCELLED;

  /**
   * Whether the instance has ended, completed or cancelled: it waits for nothing and is kept only
   * for its retention.
   *
   * @return true for {@link #COMPLETED} and {@link #CANCELLED}
   */
  public boolean ended() {
    return this == COMPLETED || this == CANCELLED;
  }
}
