package io.cemkit.nps;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;

/**
 * A calendar period for breakdowns over time, named by ISO text: a day {@code 2025-03-14}, an ISO
 * week {@code 2025-W11} (weeks start on Monday; the year is the week-based year), a month
 * {@code 2025-03}, a quarter {@code 2025-Q1}, a year {@code 2025}. Keys of one period sort in
 * time order as text.
 */
public enum CalendarPeriod {
  /** A calendar day. */
  DAY,
  /** An ISO-8601 week, Monday to Sunday. */
  WEEK,
  /** A calendar month. */
  MONTH,
  /** A calendar quarter. */
  QUARTER,
  /** A calendar year. */
  YEAR;

  /**
   * The period an instant falls in, in a time zone.
   *
   * @param at the instant
   * @param zone the zone whose calendar counts
   * @return the period's ISO text
   */
  public String keyOf(Instant at, ZoneId zone) {
    return keyOf(LocalDate.ofInstant(Objects.requireNonNull(at, "at"), Objects.requireNonNull(zone, "zone")));
  }

  /**
   * The period a date falls in.
   *
   * @param date the date
   * @return the period's ISO text
   */
  public String keyOf(LocalDate date) {
    // Built by hand rather than with String.format: report tools call this once per row.
    return switch (this) {
      case DAY -> date.toString();
      case WEEK -> year(date.get(IsoFields.WEEK_BASED_YEAR)) + "-W" + twoDigits(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> year(date.getYear()) + "-" + twoDigits(date.getMonthValue());
      case QUARTER -> year(date.getYear()) + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
      case YEAR -> year(date.getYear());
    };
  }

  private static String year(int year) {
    // ISO 8601: four digits, more with a sign outside 0000–9999 (as LocalDate.toString writes them).
    if (year >= 0 && year <= 9999) {
      String digits = Integer.toString(year);
      return "0".repeat(4 - digits.length()) + digits;
    }
    return String.format(Locale.ROOT, "%+05d", year);
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  /**
   * The first day of the period a date falls in.
   *
   * @param date the date
   * @return the first day
   */
  public LocalDate start(LocalDate date) {
    return switch (this) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
      case QUARTER -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
      case YEAR -> date.withDayOfYear(1);
    };
  }

  /**
   * The first day of the next period.
   *
   * @param date a date in the period
   * @return the first day after the period
   */
  public LocalDate next(LocalDate date) {
    LocalDate start = start(date);
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case QUARTER -> start.plusMonths(3);
      case YEAR -> start.plusYears(1);
    };
  }

  /**
   * Parses a name such as {@code month} (any case).
   *
   * @param name the name
   * @return the period
   * @throws IllegalArgumentException if it names none
   */
  public static CalendarPeriod parse(String name) {
    Objects.requireNonNull(name, "name");
    for (CalendarPeriod p : values()) {
      if (p.name().equalsIgnoreCase(name.strip())) {
        return p;
      }
    }
    throw new IllegalArgumentException("period must be one of day, week, month, quarter, year; was '"
        + name + "'");
  }
}
