package io.cemkit.testkit;

import io.cemkit.core.Channel;
import io.cemkit.core.ChannelSwitch;
import io.cemkit.core.Continuation;
import io.cemkit.core.ContinuationStatus;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Continuation}. Obtain through {@link CemkitAssertions#assertThat(Continuation)}. */
public class ContinuationAssert extends AbstractAssert<ContinuationAssert, Continuation> {

  /**
   * Creates the assertion.
   *
   * @param actual the continuation
   */
  public ContinuationAssert(Continuation actual) {
    super(actual, ContinuationAssert.class);
  }

  /**
   * Verifies the status.
   *
   * @param expected the status
   * @return this assertion
   */
  public ContinuationAssert hasStatus(ContinuationStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage("Expected continuation %s to be %s but it is %s", actual.id(), expected, actual.status());
    }
    return this;
  }

  /**
   * Verifies the step reached.
   *
   * @param expected the step's code
   * @return this assertion
   */
  public ContinuationAssert isAtStep(String expected) {
    isNotNull();
    if (!actual.step().equals(expected)) {
      failWithMessage("Expected continuation %s at step %s but it is at %s", actual.id(), expected, actual.step());
    }
    return this;
  }

  /**
   * Verifies a collected field. The values are not shown on failure: they may be personal data.
   *
   * @param key the field
   * @param value the expected value
   * @return this assertion
   */
  public ContinuationAssert hasProgress(String key, String value) {
    isNotNull();
    if (!value.equals(actual.progress().get(key))) {
      failWithMessage("Expected continuation %s to hold field %s with the given value but %s", actual.id(), key,
          actual.progress().containsKey(key) ? "it holds another value" : "it has no such field");
    }
    return this;
  }

  /**
   * Verifies the channels it moved through, in order, starting with the channel it was started on.
   *
   * @param expected the channels
   * @return this assertion
   */
  public ContinuationAssert movedThrough(Channel... expected) {
    isNotNull();
    List<Channel> path = new java.util.ArrayList<>();
    path.add(actual.startedOn());
    path.addAll(actual.switches().stream().map(ChannelSwitch::to).collect(Collectors.toList()));
    if (!path.equals(Arrays.asList(expected))) {
      failWithMessage("Expected continuation %s to move through %s but it moved through %s", actual.id(),
          Arrays.asList(expected), path);
    }
    return this;
  }
}
