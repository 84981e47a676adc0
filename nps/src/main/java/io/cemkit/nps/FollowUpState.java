package io.cemkit.nps;

/** Where a follow-up of a response stands. */
public enum FollowUpState {
  /** Opened when the response arrived; nobody has reached the customer yet. */
  OPEN,
  /** Someone reached the customer. */
  CONTACTED,
  /** Closed: the issue was resolved (or the invitation done). Final. */
  RESOLVED
}
