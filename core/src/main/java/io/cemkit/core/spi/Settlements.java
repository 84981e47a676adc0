package io.cemkit.core.spi;

import io.cemkit.core.AgreementId;
import io.cemkit.core.DueItem;
import io.cemkit.core.SettlementState;

/**
 * Tells whether a due payment has been paid, from the host's billing system; the customer context
 * uses it to tell due from overdue.
 *
 * <p>Contract: answer for any due item of any agreement, {@link SettlementState#UNKNOWN} when the
 * billing system does not know it; never throw for an unknown item; wrap storage failures in
 * {@link io.cemkit.core.StorageException}.
 */
@FunctionalInterface
public interface Settlements {

  /**
   * Whether a due item was paid.
   *
   * @param agreement the agreement
   * @param item the due item
   * @return settled, open or unknown
   */
  SettlementState stateOf(AgreementId agreement, DueItem item);

  /**
   * No billing system: every item is {@link SettlementState#UNKNOWN}, so nothing is reported
   * overdue that might have been paid.
   *
   * @return the source
   */
  static Settlements unknown() {
    return (agreement, item) -> SettlementState.UNKNOWN;
  }
}
