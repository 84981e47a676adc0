package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link FeeRule} decided for an agreement on a date, and why: the rule's id, the outcome,
 * the amount charged or waived, a sentence an agent can read to the customer, and the facts behind
 * it.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFeeAssessment.class)
@JsonDeserialize(as = ImmutableFeeAssessment.class)
public abstract class FeeAssessment {
  FeeAssessment() {}

  /**
   * The rule that decided.
   *
   * @return the rule's id
   */
  public abstract String rule();

  /**
   * The agreement assessed.
   *
   * @return the agreement's id
   */
  public abstract AgreementId agreement();

  /**
   * The date assessed.
   *
   * @return the date
   */
  public abstract LocalDate date();

  /**
   * Charged, waived or not applicable.
   *
   * @return the outcome
   */
  public abstract FeeOutcome outcome();

  /**
   * The amount charged, or the amount waived; empty when not applicable.
   *
   * @return the amount
   */
  public abstract Optional<Money> amount();

  /**
   * Why, in a sentence without personal data.
   *
   * @return the explanation
   */
  public abstract String explanation();

  /**
   * The facts the decision rests on, by name (e.g. {@code cardsHeld=2}).
   *
   * @return the facts
   */
  public abstract Map<String, String> facts();

  /**
   * The assets the decision rests on (e.g. the cards counted), so that a caller can tell whether a
   * fee comes from items the provider sent by mistake.
   *
   * @return the assets' ids
   */
  public abstract java.util.List<AssetId> assets();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableFeeAssessment.Builder builder() {
    return ImmutableFeeAssessment.builder();
  }

  @Value.Check
  void check() {
    Checks.code("FeeAssessment.rule", rule());
    Checks.text("FeeAssessment.explanation", explanation(), 2000);
    Checks.check(amount().isPresent() == (outcome() != FeeOutcome.NOT_APPLICABLE),
        "FeeAssessment by %s is %s; an amount is required for, and only for, CHARGED and WAIVED", rule(), outcome());
    amount().ifPresent(a -> Checks.check(!a.isNegative(), "FeeAssessment by %s amount must not be negative, was %s",
        rule(), a));
  }

  /** E.g. {@code second-card-fee CHARGED 15.00 ILS on 2026-03-01}. */
  @Override
  public String toString() {
    return rule() + " " + outcome() + amount().map(a -> " " + a).orElse("") + " on " + date() + ": " + explanation();
  }
}
