package io.cemkit.core;

import java.util.Optional;

/**
 * An amendment was applied before the customer accepted it. cemkit never changes a signed
 * agreement unilaterally: record the customer's acceptance first
 * ({@link Agreement#acceptAmendment}).
 */
public final class AmendmentConsentRequiredException extends IllegalTransitionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param agreement the agreement
   * @param amendment the amendment, still proposed
   */
  public AmendmentConsentRequiredException(AgreementId agreement, Amendment amendment) {
    super("Amendment", amendment.id() + " of agreement " + agreement, amendment.status(), AmendmentAction.APPLY,
        Amendment.lifecycle().allowedActions(amendment.status()),
        Optional.of("the customer has not accepted it"),
        " — it would change the agreement without the customer's consent: "
            + String.join("; ", amendment.changes()));
  }
}
