package io.cemkit.core;

/**
 * Where an agreement is in its lifecycle. See {@link Agreement#lifecycle()} for the transitions.
 */
public enum AgreementStatus {
  /** Being prepared; the only state in which terms may be edited directly. */
  DRAFT,
  /** Signed by the customer; waiting for its activation (e.g. installation). */
  PENDING_ACTIVATION,
  /** In force. */
  ACTIVE,
  /** Temporarily not served (customer request, non-payment, fraud, technical). */
  SUSPENDED,
  /** Notice of termination given; ends on the requested date. */
  PENDING_TERMINATION,
  /** Ended before or at its term's end by either party. Final. */
  TERMINATED,
  /** Withdrawn before it was ever activated. Final. */
  CANCELLED,
  /** Ended with its term, not renewed. Final. */
  EXPIRED
}
