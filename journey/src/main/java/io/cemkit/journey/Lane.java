package io.cemkit.journey;

/**
 * A lane of the service blueprint below the customer's line. The customer's touchpoints form the
 * frontstage; {@link BlueprintStep}s sit in one of these lanes.
 */
public enum Lane {
  /** Employee actions the customer sees (above the line of visibility), besides the touchpoints themselves. */
  FRONTSTAGE,
  /** Employee actions the customer does not see (below the line of visibility). */
  BACKSTAGE,
  /** Systems, rules and other departments' processes that back the front and back stage. */
  SUPPORT
}
