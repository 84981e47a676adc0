package io.cemkit.core;

/** Whether a due payment has been paid, as the host's billing knows it. */
public enum SettlementState {
  /** Paid. */
  SETTLED,
  /** Not paid. */
  OPEN,
  /** The billing system was not asked or does not know. */
  UNKNOWN
}
