package io.cemkit.core;

import java.time.LocalDate;
import java.time.Period;

/**
 * How often a recurring charge or an installment falls due.
 *
 * <p>Occurrences are computed from the start date by whole multiples of the period, never by
 * repeated addition, so a monthly charge starting on 31 January falls on 28/29 February and then
 * on 31 March again.
 */
public enum BillingFrequency {
  /** Every 7 days. */
  WEEKLY(Period.ofWeeks(1)),
  /** Every 14 days. */
  BIWEEKLY(Period.ofWeeks(2)),
  /** Every calendar month. */
  MONTHLY(Period.ofMonths(1)),
  /** Every two calendar months. */
  BIMONTHLY(Period.ofMonths(2)),
  /** Every three calendar months. */
  QUARTERLY(Period.ofMonths(3)),
  /** Every six calendar months. */
  SEMIANNUAL(Period.ofMonths(6)),
  /** Every year. */
  ANNUAL(Period.ofYears(1));

  private final Period period;

  BillingFrequency(Period period) {
    this.period = period;
  }

  /**
   * The length of one period.
   *
   * @return the period
   */
  public Period period() {
    return period;
  }

  /**
   * The start of occurrence {@code index} (0-based) of a series starting at {@code start}.
   *
   * @param start the first occurrence's date
   * @param index the occurrence, 0 for the first
   * @return the occurrence's date
   */
  public LocalDate occurrence(LocalDate start, long index) {
    if (period.getDays() != 0) {
      return start.plusDays(period.getDays() * index);
    }
    return start.plusMonths(period.toTotalMonths() * index);
  }
}
