package io.cemkit.core;

/**
 * Why the company wants to contact the customer or use their data.
 */
public enum ConsentPurpose {
  /** Service messages about what the customer already has. */
  SERVICE,
  /** Invoices, reminders and collection notices. */
  BILLING_COLLECTION,
  /** Offers and promotions. */
  MARKETING,
  /** Analytics and profiling of the customer's behaviour. */
  PROFILING,
  /** Sharing the customer's data with partners. */
  THIRD_PARTY_SHARING,
  /** Feedback questions such as NPS surveys. */
  SURVEYS
}
