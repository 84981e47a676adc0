package io.cemkit.core;

/**
 * Who asked for a change.
 */
public enum Initiator {
  /** The customer. */
  CUSTOMER,
  /** The provider. */
  PROVIDER
}
