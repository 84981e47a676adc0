package io.cemkit.journey;

/** Whom a journey map is drawn for: people who already are customers, or prospects who are not yet. */
public enum Audience {
  /** Existing customers. */
  CUSTOMER,
  /** Non-customers on their way to choosing a company (this one or another). */
  PROSPECT
}
