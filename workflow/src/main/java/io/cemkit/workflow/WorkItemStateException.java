package io.cemkit.workflow;

import io.cemkit.core.CemkitException;

/**
 * A work item action its state does not allow: claiming an item someone else holds, releasing an
 * item one does not hold, acting on a completed item.
 */
public final class WorkItemStateException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /**
   * The exception.
   *
   * @param message what was refused and why
   */
  public WorkItemStateException(String message) {
    super(message);
  }
}
