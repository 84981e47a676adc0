package io.cemkit.core.internal;

import io.cemkit.core.BillingFrequency;
import io.cemkit.core.Charge;
import io.cemkit.core.ChargeBasis;
import io.cemkit.core.DateRange;
import io.cemkit.core.DueItem;
import io.cemkit.core.DueRule;
import io.cemkit.core.Money;
import io.cemkit.core.PaymentSchedule;
import io.cemkit.core.Periodicity;
import io.cemkit.core.spi.ConsumptionMeter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Expands charges into due items. Not supported API; use {@link io.cemkit.core.PaymentPlan}. */
public final class Scheduler {
  private static final Comparator<DueItem> ORDER = Comparator.comparing(DueItem::dueDate)
      .thenComparing(i -> i.charge().value())
      .thenComparingInt(DueItem::occurrence);

  private Scheduler() {}

  /** A range of due dates {@code [from, until)}. */
  public static final class Window {
    final LocalDate from;
    final LocalDate until;

    private Window(LocalDate from, LocalDate until) {
      this.from = from;
      this.until = until;
    }
  }

  /**
   * Validates a range of due dates.
   *
   * @param from the first due date included
   * @param until the first due date excluded
   * @return the window
   */
  public static Window window(LocalDate from, LocalDate until) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    Checks.check(!until.isBefore(from), "Schedule until (%s) is before from (%s)", until, from);
    return new Window(from, until);
  }

  /**
   * Where a charge's series of occurrences starts, and how many occurrences came before it (when a
   * recurring charge changed its frequency, the new series continues the numbering).
   */
  public static final class Series {
    final LocalDate start;
    final long offset;

    private Series(LocalDate start, long offset) {
      this.start = start;
      this.offset = offset;
    }

    /**
     * A series starting at its charge's first occurrence.
     *
     * @param start the first period's first day
     * @return the series
     */
    public static Series from(LocalDate start) {
      return new Series(start, 0);
    }

    /**
     * The series that continues this one, run with {@code before}, under {@code after} from
     * {@code effective}: unchanged if the frequency is the same, otherwise starting where the last
     * period begun before {@code effective} ends.
     *
     * @param before the charge as it was
     * @param after the charge as it is from {@code effective}
     * @param effective the first day of the new terms
     * @return the continuing series
     */
    public Series continueWith(Charge before, Charge after, LocalDate effective) {
      if (!(before.periodicity() instanceof Periodicity.Recurring)
          || before.periodicity().equals(after.periodicity())) {
        return this;
      }
      BillingFrequency old = ((Periodicity.Recurring) before.periodicity()).frequency();
      if (old == ((Periodicity.Recurring) after.periodicity()).frequency()) {
        return this;
      }
      long k = 0;
      while (old.occurrence(start, k).isBefore(effective)) {
        k++;
      }
      return new Series(old.occurrence(start, k), offset + k);
    }
  }

  /**
   * Adds to {@code out} the occurrences of {@code charge} whose service period starts in
   * {@code [periodFrom, periodUntil)} (null bounds are open) and whose due date is in the window.
   *
   * @param charge the charge
   * @param series where its series starts
   * @param periodFrom the first period start included, or null
   * @param periodUntil the first period start excluded, or null
   * @param serviceEnd the exclusive end of service, or null
   * @param cutSales whether the service end also ends sale charges (a cancellation), not only
   *     service and consumption
   * @param window the due dates
   * @param meter rates consumption
   * @param version the agreement version to record on the items
   * @param out receives the items
   */
  public static void occurrences(Charge charge, Series series, LocalDate periodFrom, LocalDate periodUntil,
      LocalDate serviceEnd, boolean cutSales, Window window, ConsumptionMeter meter, Optional<Integer> version,
      List<DueItem> out) {
    LocalDate start = series.start;
    Periodicity periodicity = charge.periodicity();
    long count;
    BillingFrequency frequency;
    LocalDate ownEnd = null;
    List<Money> parts = null;
    if (periodicity instanceof Periodicity.Installments) {
      Periodicity.Installments installments = (Periodicity.Installments) periodicity;
      count = installments.count();
      frequency = installments.frequency();
      parts = charge.amount().allocate(installments.count());
    } else if (periodicity instanceof Periodicity.Recurring) {
      Periodicity.Recurring recurring = (Periodicity.Recurring) periodicity;
      count = recurring.occurrences().map(n -> Math.max(0, n - series.offset)).orElse(Long.MAX_VALUE);
      frequency = recurring.frequency();
      ownEnd = recurring.endExclusive().orElse(null);
    } else {
      count = 1;
      frequency = null;
    }
    LocalDate cut = charge.basis() == ChargeBasis.SALE && !cutSales ? null : serviceEnd;
    Optional<Integer> total = count == Long.MAX_VALUE ? Optional.empty()
        : Optional.of(Math.toIntExact(count + series.offset));
    LocalDate anchor = null;
    for (long k = 0; k < count; k++) {
      LocalDate periodStart = frequency == null ? start : frequency.occurrence(start, k);
      LocalDate periodEnd = frequency == null ? start.plusDays(1) : frequency.occurrence(start, k + 1);
      if (before(periodStart, ownEnd) || before(periodStart, cut) || before(periodStart, periodUntil)) {
        break;
      }
      LocalDate due;
      if (charge.dueRule() instanceof DueRule.DayOfMonth && frequency != null && frequency.period().getDays() == 0) {
        // Anchor the series on its first due date and step whole months from there, so that a
        // monthly charge is due once a month even when its periods start at month-ends.
        if (anchor == null) {
          anchor = charge.dueRule().dueDate(start, frequency.occurrence(start, 1));
        }
        int day = ((DueRule.DayOfMonth) charge.dueRule()).day();
        YearMonth month = YearMonth.from(anchor).plusMonths(frequency.period().toTotalMonths() * k);
        due = month.atDay(Math.min(day, month.lengthOfMonth()));
      } else {
        due = charge.dueRule().dueDate(periodStart, periodEnd);
      }
      if (!due.isBefore(window.until)) {
        break; // due dates grow with k, so no later occurrence falls in the window
      }
      if ((periodFrom != null && periodStart.isBefore(periodFrom)) || due.isBefore(window.from)) {
        continue;
      }
      DateRange period = DateRange.of(periodStart, periodEnd.minusDays(1));
      var item = DueItem.builder()
          .charge(charge.id())
          .description(charge.description())
          .basis(charge.basis())
          .occurrence(Math.toIntExact(series.offset + k + 1))
          .occurrences(total)
          .servicePeriod(period)
          .dueDate(due)
          .agreementVersion(version);
      if (parts != null) {
        item.amount(parts.get((int) k));
      } else if (charge.basis() == ChargeBasis.CONSUMPTION) {
        BigDecimal quantity = meter.quantity(charge.id(), period);
        if (quantity == null || quantity.signum() < 0) {
          throw new IllegalStateException("ConsumptionMeter returned " + quantity + " for charge " + charge.id()
              + " and period " + period + "; expected a quantity of zero or more");
        }
        item.quantity(quantity).amount(charge.amount().times(quantity, RoundingMode.HALF_EVEN));
      } else {
        item.amount(charge.amount());
      }
      out.add(item.build());
    }
  }

  private static boolean before(LocalDate date, LocalDate exclusiveEnd) {
    return exclusiveEnd != null && !date.isBefore(exclusiveEnd);
  }

  /**
   * Sorts the items into a schedule.
   *
   * @param window the due dates
   * @param currency the currency
   * @param items the items
   * @return the schedule
   */
  public static PaymentSchedule schedule(Window window, Currency currency, List<DueItem> items) {
    items.sort(ORDER);
    return PaymentSchedule.builder().from(window.from).until(window.until).currency(currency).addAllItems(items).build();
  }
}
