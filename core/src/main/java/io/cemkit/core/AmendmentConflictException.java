package io.cemkit.core;

/**
 * An amendment was applied to an agreement whose terms changed since it was proposed (another
 * amendment or a renewal made a newer version). The customer accepted changes to terms that are no
 * longer current, so the amendment must be proposed again against the current version.
 */
public final class AmendmentConflictException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /** The version the amendment was proposed against. */
  private final int baseVersion;
  /** The agreement's current version. */
  private final int currentVersion;

  /**
   * Creates the exception.
   *
   * @param agreement the agreement
   * @param amendment the amendment
   * @param baseVersion the version it was proposed against
   * @param currentVersion the agreement's current version
   */
  public AmendmentConflictException(AgreementId agreement, AmendmentId amendment, int baseVersion,
      int currentVersion) {
    super("Amendment " + amendment + " was proposed against version " + baseVersion + " of agreement " + agreement
        + ", but the current version is " + currentVersion + "; propose it again against version " + currentVersion);
    this.baseVersion = baseVersion;
    this.currentVersion = currentVersion;
  }

  /**
   * The version the amendment was proposed against.
   *
   * @return the base version
   */
  public int baseVersion() {
    return baseVersion;
  }

  /**
   * The agreement's current version.
   *
   * @return the current version
   */
  public int currentVersion() {
    return currentVersion;
  }
}
