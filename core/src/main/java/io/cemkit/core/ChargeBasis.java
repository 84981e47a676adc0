package io.cemkit.core;

/**
 * What a charge pays for.
 */
public enum ChargeBasis {
  /** A product sold: one-time or in installments. */
  SALE,
  /** A service rendered over time. */
  SERVICE,
  /** Metered usage, priced per unit. */
  CONSUMPTION
}
