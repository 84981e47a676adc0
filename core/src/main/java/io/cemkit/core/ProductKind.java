package io.cemkit.core;

/**
 * The nature of an agreement item.
 */
public enum ProductKind {
  /** A physical product delivered to the customer; becomes assets. */
  PHYSICAL,
  /** A service. */
  SERVICE,
  /** A digital product or licence. */
  DIGITAL
}
