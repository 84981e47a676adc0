package io.cemkit.core;

/** Who started an interaction. */
public enum Direction {
  /** The customer contacted the company. */
  INBOUND,
  /** The company contacted the customer; needs a basis (consent or service relationship). */
  OUTBOUND
}
