package io.cemkit.core;

/**
 * Whether and how an agreement renews at the end of its term.
 */
public enum RenewalMode {
  /** It ends (expires) at the end of its term. */
  NONE,
  /** It renews when the customer asks. */
  MANUAL,
  /** It renews unless notice is given. */
  AUTOMATIC
}
