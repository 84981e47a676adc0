package io.cemkit.testkit;

import io.cemkit.core.Agreement;
import io.cemkit.core.Continuation;
import io.cemkit.core.Customer;
import io.cemkit.core.CustomerView;
import io.cemkit.core.EntitlementCheck;
import io.cemkit.core.FeeAssessment;
import io.cemkit.core.Interaction;
import io.cemkit.core.Money;
import io.cemkit.core.PaymentSchedule;
import org.assertj.core.api.Assertions;

/**
 * The single entry point to cemkit's assertions. It extends AssertJ's {@link Assertions}, so one
 * static import serves both cemkit types and everything AssertJ asserts.
 */
public class CemkitAssertions extends Assertions {

  /** For subclassing by hosts that add their own entry points; use the static methods. */
  protected CemkitAssertions() {}

  /**
   * Assertions on an agreement.
   *
   * @param actual the agreement
   * @return the assertion
   */
  public static AgreementAssert assertThat(Agreement actual) {
    return new AgreementAssert(actual);
  }

  /**
   * Assertions on money.
   *
   * @param actual the money
   * @return the assertion
   */
  public static MoneyAssert assertThat(Money actual) {
    return new MoneyAssert(actual);
  }

  /**
   * Assertions on an entitlement check.
   *
   * @param actual the check
   * @return the assertion
   */
  public static EntitlementCheckAssert assertThat(EntitlementCheck actual) {
    return new EntitlementCheckAssert(actual);
  }

  /**
   * Assertions on a fee assessment.
   *
   * @param actual the assessment
   * @return the assertion
   */
  public static FeeAssessmentAssert assertThat(FeeAssessment actual) {
    return new FeeAssessmentAssert(actual);
  }

  /**
   * Assertions on a payment schedule.
   *
   * @param actual the schedule
   * @return the assertion
   */
  public static PaymentScheduleAssert assertThat(PaymentSchedule actual) {
    return new PaymentScheduleAssert(actual);
  }

  /**
   * Assertions on a customer.
   *
   * @param actual the customer
   * @return the assertion
   */
  public static CustomerAssert assertThat(Customer actual) {
    return new CustomerAssert(actual);
  }

  /**
   * Assertions on an interaction.
   *
   * @param actual the interaction
   * @return the assertion
   */
  public static InteractionAssert assertThat(Interaction actual) {
    return new InteractionAssert(actual);
  }

  /**
   * Assertions on a continuation.
   *
   * @param actual the continuation
   * @return the assertion
   */
  public static ContinuationAssert assertThat(Continuation actual) {
    return new ContinuationAssert(actual);
  }

  /**
   * Assertions on a process instance, for example {@code assertThat(instance).isWaitingAt("verify")}.
   *
   * @param actual the instance
   * @return the assertion
   */
  public static ProcessInstanceAssert assertThat(io.cemkit.workflow.ProcessInstance actual) {
    return new ProcessInstanceAssert(actual);
  }

  /**
   * Assertions on a customer's 360° view.
   *
   * @param actual the view
   * @return the assertion
   */
  public static CustomerViewAssert assertThat(CustomerView actual) {
    return new CustomerViewAssert(actual);
  }
}
