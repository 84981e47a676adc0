package io.cemkit.testkit;

import io.cemkit.core.DenialReason;
import io.cemkit.core.EntitlementCheck;
import io.cemkit.core.SlaTarget;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link EntitlementCheck}. Obtain through
 * {@link CemkitAssertions#assertThat(EntitlementCheck)}.
 */
public class EntitlementCheckAssert extends AbstractAssert<EntitlementCheckAssert, EntitlementCheck> {

  /**
   * Creates the assertion.
   *
   * @param actual the check
   */
  public EntitlementCheckAssert(EntitlementCheck actual) {
    super(actual, EntitlementCheckAssert.class);
  }

  /**
   * Verifies the service is allowed.
   *
   * @return this assertion
   */
  public EntitlementCheckAssert isAllowed() {
    isNotNull();
    if (!actual.allowed()) {
      failWithMessage("Expected %s to be allowed but it was denied as %s: %s", actual.serviceType(),
          actual.denial().orElseThrow(), actual.message());
    }
    return this;
  }

  /**
   * Verifies the service is denied for a reason.
   *
   * @param reason the expected reason
   * @return this assertion
   */
  public EntitlementCheckAssert isDeniedBecause(DenialReason reason) {
    isNotNull();
    if (!actual.denial().equals(Optional.of(reason))) {
      failWithMessage("Expected %s to be denied as %s but %s", actual.serviceType(), reason,
          actual.allowed() ? "it was allowed" : "it was denied as " + actual.denial().get() + ": " + actual.message());
    }
    return this;
  }

  /**
   * Verifies the SLA that applies.
   *
   * @param expected the SLA targets
   * @return this assertion
   */
  public EntitlementCheckAssert hasSla(SlaTarget expected) {
    isNotNull();
    if (!actual.sla().equals(Optional.of(expected))) {
      failWithMessage("Expected SLA %s but was %s", expected, actual.sla().map(Object::toString).orElse("none"));
    }
    return this;
  }

  /**
   * Verifies the units left in the quota period after this use.
   *
   * @param expected the remaining units
   * @return this assertion
   */
  public EntitlementCheckAssert hasRemaining(int expected) {
    isNotNull();
    if (!actual.remaining().equals(Optional.of(expected))) {
      failWithMessage("Expected %d unit(s) remaining but was %s", expected,
          actual.remaining().map(Object::toString).orElse("no quota"));
    }
    return this;
  }
}
