package io.cemkit.testkit;

import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementSnapshot;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.ContextWarning;
import io.cemkit.core.CustomerView;
import io.cemkit.core.Obligation;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link CustomerView}. Obtain through {@link CemkitAssertions#assertThat(CustomerView)}. */
public class CustomerViewAssert extends AbstractAssert<CustomerViewAssert, CustomerView> {

  /**
   * Creates the assertion.
   *
   * @param actual the view
   */
  public CustomerViewAssert(CustomerView actual) {
    super(actual, CustomerViewAssert.class);
  }

  /**
   * Verifies a warning with the code is shown.
   *
   * @param code the code
   * @return this assertion
   */
  public CustomerViewAssert hasWarning(ContextWarning.Code code) {
    isNotNull();
    if (actual.warnings(code).isEmpty()) {
      failWithMessage("Expected a %s warning for customer %s but the warnings are %s", code, actual.customer().id(),
          codes());
    }
    return this;
  }

  /**
   * Verifies no warning with the code is shown.
   *
   * @param code the code
   * @return this assertion
   */
  public CustomerViewAssert hasNoWarning(ContextWarning.Code code) {
    isNotNull();
    if (!actual.warnings(code).isEmpty()) {
      failWithMessage("Expected no %s warning for customer %s but got: %s", code, actual.customer().id(),
          actual.warnings(code).get(0).message());
    }
    return this;
  }

  /**
   * Verifies which warning comes first (the most severe).
   *
   * @param code the code
   * @return this assertion
   */
  public CustomerViewAssert leadsWith(ContextWarning.Code code) {
    isNotNull();
    if (actual.warnings().isEmpty() || actual.warnings().get(0).code() != code) {
      failWithMessage("Expected the first warning for customer %s to be %s but the warnings are %s",
          actual.customer().id(), code, codes());
    }
    return this;
  }

  /**
   * Verifies an agreement is shown in a status.
   *
   * @param agreement the agreement
   * @param status the expected status
   * @return this assertion
   */
  public CustomerViewAssert showsAgreement(AgreementId agreement, AgreementStatus status) {
    isNotNull();
    Optional<AgreementStatus> shown = actual.agreements().stream().filter(a -> a.id().equals(agreement))
        .map(AgreementSnapshot::status).findFirst();
    if (!shown.equals(Optional.of(status))) {
      failWithMessage("Expected the view to show agreement %s as %s but %s", agreement, status,
          shown.map(s -> "it shows it as " + s).orElse("it does not show it"));
    }
    return this;
  }

  /**
   * Verifies the number of overdue payments.
   *
   * @param expected the count
   * @return this assertion
   */
  public CustomerViewAssert hasOverduePayments(int expected) {
    isNotNull();
    long overdue = actual.obligations().stream().filter(Obligation::overdue).count();
    if (overdue != expected) {
      failWithMessage("Expected %d overdue payment(s) for customer %s but found %d", expected, actual.customer().id(),
          overdue);
    }
    return this;
  }

  private String codes() {
    return actual.warnings().stream().map(w -> w.code().name()).collect(Collectors.joining(", ", "[", "]"));
  }
}
