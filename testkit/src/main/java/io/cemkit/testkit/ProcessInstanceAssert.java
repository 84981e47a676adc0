package io.cemkit.testkit;

import io.cemkit.workflow.InstanceStatus;
import io.cemkit.workflow.ProcessInstance;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ProcessInstance}, in the spirit of camunda-bpm-assert. Obtain through
 * {@link CemkitAssertions#assertThat(ProcessInstance)}. Variable values are not printed on failure:
 * they may be personal data.
 */
public class ProcessInstanceAssert extends AbstractAssert<ProcessInstanceAssert, ProcessInstance> {

  /**
   * Creates the assertion.
   *
   * @param actual the instance
   */
  public ProcessInstanceAssert(ProcessInstance actual) {
    super(actual, ProcessInstanceAssert.class);
  }

  /**
   * Verifies that the instance waits at a step (for its work item).
   *
   * @param step the step's id
   * @return this assertion
   */
  public ProcessInstanceAssert isWaitingAt(String step) {
    isNotNull();
    if (!actual.isWaitingAt(step)) {
      failWithMessage("Expected instance %s to be waiting at %s but it is %s%s", actual.id(), step, actual.status(),
          actual.step().map(s -> " at " + s).orElse(""));
    }
    return this;
  }

  /**
   * Verifies that the instance has completed.
   *
   * @return this assertion
   */
  public ProcessInstanceAssert isCompleted() {
    isNotNull();
    if (actual.status() != InstanceStatus.COMPLETED) {
      failWithMessage("Expected instance %s to be completed but it is %s%s", actual.id(), actual.status(),
          actual.step().map(s -> " at " + s).orElse(""));
    }
    return this;
  }

  /**
   * Verifies that the instance was cancelled at a step.
   *
   * @param step the step's id
   * @return this assertion
   */
  public ProcessInstanceAssert isCancelledAt(String step) {
    isNotNull();
    if (actual.status() != InstanceStatus.CANCELLED || !actual.step().filter(step::equals).isPresent()) {
      failWithMessage("Expected instance %s to be cancelled at <%s> but it is %s%s", actual.id(), step,
          actual.status(), actual.step().map(s -> " at " + s).orElse(""));
    }
    return this;
  }

  /**
   * Verifies that the instance failed at a step.
   *
   * @param step the step's id
   * @return this assertion
   */
  public ProcessInstanceAssert hasFailedAt(String step) {
    isNotNull();
    if (actual.status() != InstanceStatus.FAILED || !actual.step().filter(step::equals).isPresent()) {
      failWithMessage("Expected instance %s to have failed at %s but it is %s%s", actual.id(), step, actual.status(),
          actual.step().map(s -> " at " + s).orElse(""));
    }
    return this;
  }

  /**
   * Verifies that the instance runs on a definition version.
   *
   * @param version the version
   * @return this assertion
   */
  public ProcessInstanceAssert isPinnedTo(int version) {
    isNotNull();
    if (actual.version() != version) {
      failWithMessage("Expected instance %s to run on version %s but it runs on %s", actual.id(), version,
          actual.version());
    }
    return this;
  }

  /**
   * Verifies a variable's value.
   *
   * @param name the variable
   * @param expected its value
   * @return this assertion
   */
  public ProcessInstanceAssert hasVariable(String name, Object expected) {
    isNotNull();
    if (!Objects.equals(actual.variables().get(name), expected)) {
      failWithMessage("Expected instance %s to have variable %s with the expected value, but %s", actual.id(), name,
          actual.variables().containsKey(name) ? "it differs" : "it is not set");
    }
    return this;
  }
}
