package io.cemkit.core;

/**
 * Who caused an asset problem (a wrong item delivered, a broken device).
 */
public enum FaultParty {
  /** Nobody: an ordinary event. */
  NONE,
  /** The provider, e.g. it sent the wrong item. */
  PROVIDER,
  /** The customer. */
  CUSTOMER
}
