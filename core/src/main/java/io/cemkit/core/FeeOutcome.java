package io.cemkit.core;

/** The result of assessing a {@link FeeRule}. */
public enum FeeOutcome {
  /** The fee is due. */
  CHARGED,
  /** The fee's condition holds, but an exemption waives it. */
  WAIVED,
  /** The fee's condition does not hold. */
  NOT_APPLICABLE
}
