package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A payment the customer owes under an agreement, and whether it is paid or overdue. */
@Value.Immutable
@JsonSerialize(as = ImmutableObligation.class)
@JsonDeserialize(as = ImmutableObligation.class)
public abstract class Obligation {
  Obligation() {}

  /**
   * The agreement.
   *
   * @return its id
   */
  public abstract AgreementId agreement();

  /**
   * The payment.
   *
   * @return the due item
   */
  public abstract DueItem item();

  /**
   * Whether it was paid, as the billing system knows it.
   *
   * @return the settlement state
   */
  public abstract SettlementState settlement();

  /**
   * Whether it is past its due date and known to be unpaid.
   *
   * @return true if overdue
   */
  public abstract boolean overdue();

  /**
   * An obligation.
   *
   * @param agreement the agreement
   * @param item the payment
   * @param settlement whether it was paid
   * @param overdue whether it is overdue
   * @return the obligation
   */
  public static Obligation of(AgreementId agreement, DueItem item, SettlementState settlement, boolean overdue) {
    return ImmutableObligation.builder().agreement(agreement).item(item).settlement(settlement).overdue(overdue)
        .build();
  }

  @Value.Check
  void check() {
    io.cemkit.core.internal.Checks.check(!overdue() || settlement() == SettlementState.OPEN,
        "Obligation %s of %s can be overdue only when known to be unpaid (was %s)", item(), agreement(), settlement());
  }
}
