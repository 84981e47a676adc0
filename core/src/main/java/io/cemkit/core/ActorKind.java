package io.cemkit.core;

/**
 * The kind of party that performs a change or an interaction.
 */
public enum ActorKind {
  /** The customer or their representative. */
  CUSTOMER,
  /** A human employee. */
  AGENT,
  /** A chatbot or voice bot. */
  BOT,
  /** An external performer (installer, courier, collection agency). */
  PARTNER,
  /** An automated process. */
  SYSTEM
}
