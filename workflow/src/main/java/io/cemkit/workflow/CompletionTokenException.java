package io.cemkit.workflow;

import io.cemkit.core.CemkitException;

/**
 * A completion with a token that is not the work item's. The message names the item, never the
 * token given or the right one.
 */
public final class CompletionTokenException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /**
   * The exception.
   *
   * @param item the work item
   */
  public CompletionTokenException(WorkItemId item) {
    super("Work item " + item + ": the completion token does not match; use the token handed out when the item "
        + "was created or claimed");
  }
}
