package io.cemkit.core.internal;

import io.cemkit.core.Charge;
import io.cemkit.core.Periodicity;

/**
 * What an amendment or renewal may change about a charge that continues under the same id. A
 * recurring charge may change its amount, due rule, end and frequency (the new schedule continues
 * where the old one's last period ends); its basis, start and kind of periodicity are fixed, and an
 * installment plan cannot be re-split. To change those, end the charge and add a new one. Not
 * supported API.
 */
public final class ChargeContinuity {
  private ChargeContinuity() {}

  /**
   * Verifies that {@code after} may continue {@code before}.
   *
   * @param agreement the agreement's id, for messages
   * @param before the charge in the earlier version
   * @param after the charge with the same id in the later version
   * @throws IllegalArgumentException naming what may not change
   */
  public static void check(String agreement, Charge before, Charge after) {
    String what = "Agreement " + agreement + " charge " + after.id();
    Checks.check(before.basis() == after.basis(), "%s cannot change its basis (%s → %s); end it and add a new charge",
        what, before.basis(), after.basis());
    Checks.check(before.start().equals(after.start()), "%s cannot change its start (%s → %s); end it and add a new "
        + "charge", what, before.start().map(Object::toString).orElse("the agreement's"),
        after.start().map(Object::toString).orElse("the agreement's"));
    Periodicity p = before.periodicity();
    Periodicity q = after.periodicity();
    Checks.check(p.getClass().equals(q.getClass()), "%s cannot change from %s to %s; end it and add a new charge",
        what, p, q);
    if (p instanceof Periodicity.Installments) {
      Checks.check(p.equals(q) && before.amount().equals(after.amount()),
          "%s is paid in installments (%s of %s); its plan cannot change once agreed, end it and add a new charge",
          what, p, before.amount());
    }
  }
}
