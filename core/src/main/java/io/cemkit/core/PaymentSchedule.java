package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The payments due in a date range, ordered by due date, then charge id, then occurrence.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePaymentSchedule.class)
@JsonDeserialize(as = ImmutablePaymentSchedule.class)
public abstract class PaymentSchedule {
  PaymentSchedule() {}

  /**
   * The first due date included.
   *
   * @return the start of the range
   */
  public abstract LocalDate from();

  /**
   * The first due date no longer included.
   *
   * @return the exclusive end of the range
   */
  public abstract LocalDate until();

  /**
   * The currency of every item.
   *
   * @return the currency
   */
  public abstract Currency currency();

  /**
   * The payments.
   *
   * @return the items
   */
  public abstract List<DueItem> items();

  /**
   * The sum of all items.
   *
   * @return the total, zero if there are none
   */
  public Money total() {
    return items().stream().map(DueItem::amount).reduce(Money.zero(currency()), Money::plus);
  }

  /**
   * The items of one charge.
   *
   * @param charge the charge's id
   * @return its items, in order
   */
  public List<DueItem> itemsOf(ChargeId charge) {
    Objects.requireNonNull(charge, "charge");
    return items().stream().filter(i -> i.charge().equals(charge)).collect(Collectors.toUnmodifiableList());
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutablePaymentSchedule.Builder builder() {
    return ImmutablePaymentSchedule.builder();
  }

  @Value.Check
  void check() {
    Checks.check(!until().isBefore(from()), "PaymentSchedule until (%s) is before from (%s)", until(), from());
    for (DueItem item : items()) {
      Checks.check(item.amount().currency().equals(currency()), "PaymentSchedule item %s is not in %s", item,
          currency().getCurrencyCode());
      Checks.check(!item.dueDate().isBefore(from()) && item.dueDate().isBefore(until()),
          "PaymentSchedule item %s is due outside [%s, %s)", item, from(), until());
    }
  }
}
