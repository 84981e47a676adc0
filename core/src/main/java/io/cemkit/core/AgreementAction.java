package io.cemkit.core;

/**
 * What can be done to an agreement; each (status, action) pair is allowed or forbidden by {@link Agreement#lifecycle()}.
 */
public enum AgreementAction {
  /** Change the terms directly (drafts only). */
  EDIT,
  /** Record the customer's acceptance. */
  SIGN,
  /** Put the agreement in force. */
  ACTIVATE,
  /** Stop serving temporarily. */
  SUSPEND,
  /** Serve again after a suspension. */
  RESUME,
  /** Give notice of termination on a future date. */
  REQUEST_TERMINATION,
  /** Withdraw a notice of termination. */
  REVOKE_TERMINATION,
  /** End the agreement now. */
  TERMINATE,
  /** Withdraw an agreement that was never activated. */
  CANCEL,
  /** End the agreement because its term is over. */
  EXPIRE,
  /** Add a new term under the same terms. */
  RENEW,
  /** Propose or apply an amendment (a new version with the customer's consent). */
  AMEND
}
