package io.cemkit.core;

/**
 * The root of the exceptions cemkit throws for failures a caller can act on: an illegal state
 * transition, a missing consent, a stale amendment, a denied entitlement.
 *
 * <p>Plain argument errors are {@link IllegalArgumentException} and {@link NullPointerException};
 * they are bugs in the calling code rather than situations to handle.
 */
public abstract class CemkitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message what failed, the offending value and what was expected
   */
  protected CemkitException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what failed, the offending value and what was expected
   * @param cause the underlying failure
   */
  protected CemkitException(String message, Throwable cause) {
    super(message, cause);
  }
}
