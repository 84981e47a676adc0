package io.cemkit.core;

/**
 * What can happen to an amendment; each (status, action) pair is allowed or forbidden by {@link Amendment#lifecycle()}.
 */
public enum AmendmentAction {
  /** The customer accepts, with evidence. */
  ACCEPT,
  /** The customer rejects. */
  REJECT,
  /** The initiator withdraws it. */
  WITHDRAW,
  /** Its acceptance deadline passed. */
  EXPIRE,
  /** It becomes a new version of the agreement. */
  APPLY
}
