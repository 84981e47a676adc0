package io.cemkit.testkit;

import io.cemkit.core.FeeAssessment;
import io.cemkit.core.FeeOutcome;
import io.cemkit.core.Money;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link FeeAssessment}. Obtain through
 * {@link CemkitAssertions#assertThat(FeeAssessment)}.
 */
public class FeeAssessmentAssert extends AbstractAssert<FeeAssessmentAssert, FeeAssessment> {

  /**
   * Creates the assertion.
   *
   * @param actual the assessment
   */
  public FeeAssessmentAssert(FeeAssessment actual) {
    super(actual, FeeAssessmentAssert.class);
  }

  /**
   * Verifies the fee is charged at this amount.
   *
   * @param amount the expected amount
   * @return this assertion
   */
  public FeeAssessmentAssert isCharged(Money amount) {
    return hasOutcome(FeeOutcome.CHARGED, Optional.of(amount));
  }

  /**
   * Verifies the fee is waived, and the amount waived.
   *
   * @param amount the expected amount waived
   * @return this assertion
   */
  public FeeAssessmentAssert isWaived(Money amount) {
    return hasOutcome(FeeOutcome.WAIVED, Optional.of(amount));
  }

  /**
   * Verifies the fee does not apply.
   *
   * @return this assertion
   */
  public FeeAssessmentAssert isNotApplicable() {
    return hasOutcome(FeeOutcome.NOT_APPLICABLE, Optional.empty());
  }

  private FeeAssessmentAssert hasOutcome(FeeOutcome outcome, Optional<Money> amount) {
    isNotNull();
    if (actual.outcome() != outcome || !actual.amount().equals(amount)) {
      failWithMessage("Expected %s to be %s%s but was %s%s: %s", actual.rule(), outcome,
          amount.map(a -> " " + a).orElse(""), actual.outcome(), actual.amount().map(a -> " " + a).orElse(""),
          actual.explanation());
    }
    return this;
  }

  /**
   * Verifies the explanation contains a text.
   *
   * @param text the expected fragment
   * @return this assertion
   */
  public FeeAssessmentAssert hasExplanationContaining(String text) {
    isNotNull();
    if (!actual.explanation().contains(text)) {
      failWithMessage("Expected the explanation of %s to contain%n  %s%nbut it was%n  %s", actual.rule(), text,
          actual.explanation());
    }
    return this;
  }

  /**
   * Verifies one of the facts the decision rests on.
   *
   * @param name the fact's name
   * @param value the expected value
   * @return this assertion
   */
  public FeeAssessmentAssert hasFact(String name, String value) {
    isNotNull();
    if (!value.equals(actual.facts().get(name))) {
      failWithMessage("Expected fact %s=%s in %s but the facts were %s", name, value, actual.rule(), actual.facts());
    }
    return this;
  }
}
