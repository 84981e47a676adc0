package io.cemkit.testkit;

import io.cemkit.core.AgreementId;
import io.cemkit.core.Direction;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionClass;
import io.cemkit.core.Sentiment;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an {@link Interaction}. Obtain through {@link CemkitAssertions#assertThat(Interaction)}. */
public class InteractionAssert extends AbstractAssert<InteractionAssert, Interaction> {

  /**
   * Creates the assertion.
   *
   * @param actual the interaction
   */
  public InteractionAssert(Interaction actual) {
    super(actual, InteractionAssert.class);
  }

  /**
   * Verifies the interaction has ended.
   *
   * @return this assertion
   */
  public InteractionAssert isClosed() {
    isNotNull();
    if (!actual.isClosed()) {
      failWithMessage("Expected interaction %s to be closed but it is open", actual.id());
    }
    return this;
  }

  /**
   * Verifies the interaction has not ended.
   *
   * @return this assertion
   */
  public InteractionAssert isOpen() {
    isNotNull();
    if (actual.isClosed()) {
      failWithMessage("Expected interaction %s to be open but it ended at %s", actual.id(), actual.endedAt().get());
    }
    return this;
  }

  /**
   * Verifies who started it.
   *
   * @param expected the direction
   * @return this assertion
   */
  public InteractionAssert hasDirection(Direction expected) {
    isNotNull();
    if (actual.direction() != expected) {
      failWithMessage("Expected interaction %s to be %s but it is %s", actual.id(), expected, actual.direction());
    }
    return this;
  }

  /**
   * Verifies the class.
   *
   * @param expected the class's code, e.g. {@code billing.dispute}
   * @return this assertion
   */
  public InteractionAssert hasClassification(String expected) {
    isNotNull();
    if (!actual.classification().equals(InteractionClass.of(expected))) {
      failWithMessage("Expected interaction %s to be classified %s but it is %s", actual.id(), expected,
          actual.classification());
    }
    return this;
  }

  /**
   * Verifies the outcome.
   *
   * @param expected the outcome's code
   * @return this assertion
   */
  public InteractionAssert hasOutcome(String expected) {
    isNotNull();
    if (!actual.outcome().equals(Optional.of(expected))) {
      failWithMessage("Expected interaction %s to end with outcome %s but it has %s", actual.id(), expected,
          actual.outcome().orElse("none"));
    }
    return this;
  }

  /**
   * Verifies the sentiment's band.
   *
   * @param expected the label
   * @return this assertion
   */
  public InteractionAssert hasSentiment(Sentiment.Label expected) {
    isNotNull();
    Optional<Sentiment.Label> label = actual.sentiment().map(Sentiment::label);
    if (!label.equals(Optional.of(expected))) {
      failWithMessage("Expected interaction %s to have a %s sentiment but it has %s", actual.id(), expected,
          actual.sentiment().map(Object::toString).orElse("none"));
    }
    return this;
  }

  /**
   * Verifies the agreement link.
   *
   * @param expected the agreement
   * @return this assertion
   */
  public InteractionAssert isLinkedTo(AgreementId expected) {
    isNotNull();
    if (!actual.agreement().equals(Optional.of(expected))) {
      failWithMessage("Expected interaction %s to link agreement %s but it links %s", actual.id(), expected,
          actual.agreement().map(Object::toString).orElse("none"));
    }
    return this;
  }
}
