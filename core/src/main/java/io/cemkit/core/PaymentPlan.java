package io.cemkit.core;

import io.cemkit.core.internal.Checks;
import io.cemkit.core.internal.Scheduler;
import io.cemkit.core.spi.ConsumptionMeter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of charges in one currency that can be turned into due payments.
 *
 * <p>{@link #schedule(LocalDate, LocalDate)} returns the payments due on dates in
 * {@code [from, until)}. Occurrences are computed from each charge's start by whole periods (see
 * {@link BillingFrequency#occurrence}); installments sum exactly to the charge's total; a recurring
 * charge without an end of its own runs until {@link #serviceEnd()} if set. Sale charges
 * (one-time or installments) are debts and are never cut by the service end; service and
 * consumption charges stop for periods starting on or after it. There is no proration: a period
 * that starts before the end is due in full.
 *
 * <p>For an agreement with several versions use {@link Agreement#paymentSchedule}, which uses the
 * terms in force for each period.
 */
public final class PaymentPlan {
  private final Currency currency;
  private final List<Charge> charges;
  private final LocalDate defaultStart;
  private final Optional<LocalDate> serviceEnd;

  private PaymentPlan(Currency currency, List<Charge> charges, LocalDate defaultStart, Optional<LocalDate> serviceEnd) {
    this.currency = currency;
    this.charges = charges;
    this.defaultStart = defaultStart;
    this.serviceEnd = serviceEnd;
  }

  /**
   * A plan.
   *
   * @param currency the currency of every charge
   * @param charges the charges
   * @param defaultStart the start of charges that have none of their own
   * @return the plan
   * @throws IllegalArgumentException if a charge is in another currency or two share an id
   */
  public static PaymentPlan of(Currency currency, List<Charge> charges, LocalDate defaultStart) {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(defaultStart, "defaultStart");
    List<Charge> copy = List.copyOf(Objects.requireNonNull(charges, "charges"));
    Checks.unique("PaymentPlan.charges", copy, Charge::id);
    for (Charge charge : copy) {
      Checks.check(charge.amount().currency().equals(currency), "Charge %s is in %s but the plan's currency is %s",
          charge.id(), charge.amount().currency().getCurrencyCode(), currency.getCurrencyCode());
    }
    return new PaymentPlan(currency, copy, defaultStart, Optional.empty());
  }

  /**
   * This plan with service and consumption charges ending before {@code endExclusive}.
   *
   * @param endExclusive no service period starting on or after this date is charged
   * @return the bounded plan
   */
  public PaymentPlan withServiceEnd(LocalDate endExclusive) {
    return new PaymentPlan(currency, charges, defaultStart, Optional.of(Objects.requireNonNull(endExclusive,
        "endExclusive")));
  }

  /**
   * The currency.
   *
   * @return the currency
   */
  public Currency currency() {
    return currency;
  }

  /**
   * The charges.
   *
   * @return the charges
   */
  public List<Charge> charges() {
    return charges;
  }

  /**
   * The exclusive end of service, if bounded.
   *
   * @return the end
   */
  public Optional<LocalDate> serviceEnd() {
    return serviceEnd;
  }

  /**
   * The payments due in {@code [from, until)}, for a plan without consumption charges.
   *
   * @param from the first due date included
   * @param until the first due date excluded
   * @return the schedule
   * @throws IllegalArgumentException if {@code until} is before {@code from}
   * @throws IllegalStateException if a consumption charge has a period to rate in the range (use the
   *     overload with a meter)
   */
  public PaymentSchedule schedule(LocalDate from, LocalDate until) {
    return schedule(from, until, ConsumptionMeter.none());
  }

  /**
   * The payments due in {@code [from, until)}, rating consumption with {@code meter}.
   *
   * @param from the first due date included
   * @param until the first due date excluded
   * @param meter reads consumption per charge and period
   * @return the schedule
   * @throws IllegalArgumentException if {@code until} is before {@code from}
   */
  public PaymentSchedule schedule(LocalDate from, LocalDate until, ConsumptionMeter meter) {
    Scheduler.Window window = Scheduler.window(from, until);
    Objects.requireNonNull(meter, "meter");
    List<DueItem> items = new ArrayList<>();
    for (Charge charge : charges) {
      Scheduler.occurrences(charge, Scheduler.Series.from(charge.start().orElse(defaultStart)), null, null,
          serviceEnd.orElse(null), false, window, meter, Optional.empty(), items);
    }
    return Scheduler.schedule(window, currency, items);
  }
}
