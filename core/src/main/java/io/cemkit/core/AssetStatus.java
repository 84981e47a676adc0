package io.cemkit.core;

/**
 * Where a physical asset is. See {@link Asset#lifecycle()} for the transitions.
 */
public enum AssetStatus {
  /** Ordered for the customer, not yet delivered. */
  ORDERED,
  /** In the customer's hands, not yet in service. */
  DELIVERED,
  /** Installed or in use. */
  IN_SERVICE,
  /** Still with the customer, who must return it. */
  RETURN_PENDING,
  /** Back with the provider. Final. */
  RETURNED,
  /** Lost or stolen. Final. */
  LOST,
  /** Order cancelled before delivery. Final. */
  CANCELLED
}
