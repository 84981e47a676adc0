package io.cemkit.core;

/**
 * Why an {@link EntitlementCheck} denied a service. The entitlement-level reasons are ordered from
 * the least to the most specific: when several entitlements of a type all deny, the check reports
 * the one that came closest to allowing.
 */
public enum DenialReason {
  /** The agreement is not in force yet: a draft, waiting for activation, or its terms start later. */
  AGREEMENT_NOT_ACTIVE,
  /** The agreement is suspended. */
  AGREEMENT_SUSPENDED,
  /** The agreement was terminated, cancelled or expired, or its term is over. */
  AGREEMENT_ENDED,
  /** The terms in force have no entitlement of this service type. */
  NOT_COVERED,
  /** The entitlement's validity has not started. */
  NOT_YET_VALID,
  /** The entitlement's validity is over. */
  EXPIRED,
  /** The entitlement does not cover this channel. */
  CHANNEL_NOT_COVERED,
  /** The quota for the current period is used up. */
  QUOTA_EXHAUSTED
}
