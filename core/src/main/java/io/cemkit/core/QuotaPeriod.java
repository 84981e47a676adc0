package io.cemkit.core;

/**
 * The period over which an entitlement's quota is counted.
 */
public enum QuotaPeriod {
  /** The agreement's current term. */
  TERM,
  /** The calendar month, in the agreement's time zone. */
  MONTH,
  /** The calendar year, in the agreement's time zone. */
  YEAR
}
