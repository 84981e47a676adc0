package io.cemkit.core;

/**
 * Where a customer stands with the company.
 */
public enum CustomerStatus {
  /** Not yet a customer: no signed agreement. */
  PROSPECT,
  /** A customer. */
  ACTIVE,
  /** A former customer; kept for history. */
  CLOSED
}
