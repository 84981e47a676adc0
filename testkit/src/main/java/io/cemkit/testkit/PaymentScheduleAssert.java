package io.cemkit.testkit;

import io.cemkit.core.DueItem;
import io.cemkit.core.Money;
import io.cemkit.core.PaymentSchedule;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link PaymentSchedule}. Obtain through
 * {@link CemkitAssertions#assertThat(PaymentSchedule)}.
 */
public class PaymentScheduleAssert extends AbstractAssert<PaymentScheduleAssert, PaymentSchedule> {

  /**
   * Creates the assertion.
   *
   * @param actual the schedule
   */
  public PaymentScheduleAssert(PaymentSchedule actual) {
    super(actual, PaymentScheduleAssert.class);
  }

  /**
   * Verifies the sum of all items.
   *
   * @param expected the total
   * @return this assertion
   */
  public PaymentScheduleAssert hasTotal(Money expected) {
    isNotNull();
    if (!actual.total().equals(expected)) {
      failWithActualExpectedAndMessage(actual.total(), expected, "Expected a total of %s but was %s (items %s)",
          expected, actual.total(), actual.items());
    }
    return this;
  }

  /**
   * Verifies the number of items.
   *
   * @param expected the count
   * @return this assertion
   */
  public PaymentScheduleAssert hasItemCount(int expected) {
    isNotNull();
    if (actual.items().size() != expected) {
      failWithMessage("Expected %d item(s) but was %d: %s", expected, actual.items().size(), actual.items());
    }
    return this;
  }

  /**
   * Verifies the due dates of all items, in order.
   *
   * @param expected the due dates
   * @return this assertion
   */
  public PaymentScheduleAssert hasDueDates(LocalDate... expected) {
    isNotNull();
    List<LocalDate> dates = actual.items().stream().map(DueItem::dueDate).collect(Collectors.toList());
    if (!dates.equals(Arrays.asList(expected))) {
      failWithActualExpectedAndMessage(dates, Arrays.asList(expected), "Expected due dates%n  %s%nbut were%n  %s",
          Arrays.asList(expected), dates);
    }
    return this;
  }
}
