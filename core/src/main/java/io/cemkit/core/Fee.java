package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import org.immutables.value.Value;

/**
 * A conditional fee the customer agreed to: which {@link FeeRule} decides when it is due, and how
 * much. The amount is part of the agreement's terms, so it changes only by amendment, with the
 * customer's consent; the rule holds only the condition. A rule charges nothing for an agreement
 * whose terms in force do not list its fee.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFee.class)
@JsonDeserialize(as = ImmutableFee.class)
public abstract class Fee {
  Fee() {}

  /**
   * The id of the rule that decides when the fee is due.
   *
   * @return the rule's id, e.g. {@code second-card-fee}
   */
  public abstract String rule();

  /**
   * A description for statements, e.g. "Monthly fee per additional card".
   *
   * @return the description
   */
  public abstract String description();

  /**
   * The amount each time the rule finds it due (per month, per extra card, …, as the rule defines).
   *
   * @return the amount, positive
   */
  public abstract Money amount();

  /**
   * A fee.
   *
   * @param rule the deciding rule's id
   * @param description the description
   * @param amount the amount, positive
   * @return the fee
   */
  public static Fee of(String rule, String description, Money amount) {
    return ImmutableFee.builder().rule(rule).description(description).amount(amount).build();
  }

  @Value.Check
  void check() {
    Checks.code("Fee.rule", rule());
    Checks.text("Fee.description", description(), 200);
    Checks.check(!amount().isNegative() && !amount().isZero(), "Fee %s amount must be positive, was %s", rule(),
        amount());
  }
}
