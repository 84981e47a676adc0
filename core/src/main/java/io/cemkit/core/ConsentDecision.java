package io.cemkit.core;

/**
 * What the customer decided about a purpose on a channel.
 */
public enum ConsentDecision {
  /** The customer agreed. */
  GRANTED,
  /** The customer was asked and declined. */
  DENIED,
  /** The customer withdrew an earlier agreement. */
  WITHDRAWN
}
