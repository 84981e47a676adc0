package io.cemkit.core;

/**
 * A continuation could not be resumed with the token presented: no continuation has it, it
 * belongs to another customer, or it is finished or expired. The message never contains the token.
 */
public final class ContinuationTokenException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /** Why the token was refused. */
  public enum Reason {
    /** No continuation has this token. */
    UNKNOWN,
    /** The continuation belongs to another customer. */
    FOREIGN,
    /** The continuation is completed, cancelled or expired. */
    STALE
  }

  /** Why the token was refused. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message what happened, without the token
   */
  public ContinuationTokenException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * Why the token was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
