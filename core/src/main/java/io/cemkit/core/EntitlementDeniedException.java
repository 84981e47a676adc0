package io.cemkit.core;

import java.util.Objects;

/**
 * A service was used that the customer is not entitled to at that moment. {@link #check()} says
 * why (not covered, suspended, quota exhausted, …).
 */
public final class EntitlementDeniedException extends CemkitException {
  private static final long serialVersionUID = 1L;

  private final transient EntitlementCheck check;

  /**
   * Creates the exception.
   *
   * @param check the denied check
   */
  public EntitlementDeniedException(EntitlementCheck check) {
    super(Objects.requireNonNull(check, "check").message());
    this.check = check;
  }

  /**
   * The check that denied the service.
   *
   * @return the check
   */
  public EntitlementCheck check() {
    return check;
  }
}
