package io.cemkit.workflow;

import io.cemkit.core.CemkitException;

/** A claim that would give a performer more work items than their capacity allows. */
public final class CapacityExceededException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /**
   * The exception.
   *
   * @param performer who tried to claim
   * @param inHand how many items they hold
   * @param capacity how many they may hold
   */
  public CapacityExceededException(String performer, int inHand, int capacity) {
    super("Performer " + performer + " holds " + inHand + " work item(s), their capacity is " + capacity
        + "; complete or release one first");
  }
}
