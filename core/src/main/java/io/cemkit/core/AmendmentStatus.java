package io.cemkit.core;

/**
 * Where an amendment is. See {@link Amendment#lifecycle()} for the transitions.
 */
public enum AmendmentStatus {
  /** Waiting for the customer's decision. */
  PROPOSED,
  /** Accepted with recorded evidence; applied on its effective date. */
  ACCEPTED,
  /** Rejected by the customer. Final. */
  REJECTED,
  /** Withdrawn by its initiator. Final. */
  WITHDRAWN,
  /** Not accepted in time. Final. */
  EXPIRED,
  /** In force as a new agreement version. Final. */
  APPLIED
}
