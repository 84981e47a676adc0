package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.LocalDate;
import java.time.YearMonth;
import org.immutables.value.Value;

/**
 * When an occurrence of a charge falls due, given its service period {@code [start, end)}.
 *
 * <ul>
 *   <li>{@link #inAdvance()}: on the first day of the period.
 *   <li>{@link #inArrears()}: on the day after the period ends.
 *   <li>{@link #daysAfterIssue(int) daysAfterIssue(n)}: issued on the first day of the period, due
 *       {@code n} days later (net {@code n}).
 *   <li>{@link #dayOfMonth(int) dayOfMonth(d)}: on the first day {@code d} of a month on or after the
 *       period's first day; in shorter months day {@code d} is the month's last day (31 means the
 *       end of the month). In a series billed every N months, later occurrences fall on day
 *       {@code d} of every N-th month after the first due date, so a monthly charge is due once a
 *       month even when its periods start at month-ends; weekly periods all fall on the next day
 *       {@code d} (collected once a month).
 * </ul>
 *
 * <p>JSON: an object with a {@code "type"} of {@code "in-advance"}, {@code "in-arrears"},
 * {@code "days-after-issue"} (with {@code "days"}) or {@code "day-of-month"} (with {@code "day"}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DueRule.InAdvance.class, name = "in-advance"),
  @JsonSubTypes.Type(value = DueRule.InArrears.class, name = "in-arrears"),
  @JsonSubTypes.Type(value = DueRule.DaysAfterIssue.class, name = "days-after-issue"),
  @JsonSubTypes.Type(value = DueRule.DayOfMonth.class, name = "day-of-month")
})
public sealed interface DueRule permits DueRule.InAdvance, DueRule.InArrears, DueRule.DaysAfterIssue,
    DueRule.DayOfMonth {

  /**
   * The due date of an occurrence whose service period is {@code [start, endExclusive)}.
   *
   * @param start the period's first day
   * @param endExclusive the day after the period's last day
   * @return the due date
   */
  LocalDate dueDate(LocalDate start, LocalDate endExclusive);

  /**
   * Due on the period's first day.
   *
   * @return the rule
   */
  static DueRule inAdvance() {
    return ImmutableInAdvance.builder().build();
  }

  /**
   * Due on the day after the period.
   *
   * @return the rule
   */
  static DueRule inArrears() {
    return ImmutableInArrears.builder().build();
  }

  /**
   * Due {@code days} after the period's first day.
   *
   * @param days 0 to 366
   * @return the rule
   */
  static DueRule daysAfterIssue(int days) {
    return ImmutableDaysAfterIssue.of(days);
  }

  /**
   * Due on a fixed day of the month, clamped to the month's end.
   *
   * @param day 1 to 31
   * @return the rule
   */
  static DueRule dayOfMonth(int day) {
    return ImmutableDayOfMonth.of(day);
  }

  /** Due on the period's first day. */
  @Value.Immutable
  @JsonTypeName("in-advance")
  @JsonSerialize(as = ImmutableInAdvance.class)
  @JsonDeserialize(as = ImmutableInAdvance.class)
  abstract non-sealed class InAdvance implements DueRule {
    InAdvance() {}

    @Override
    public LocalDate dueDate(LocalDate start, LocalDate endExclusive) {
      return start;
    }

    @Override
    public String toString() {
      return "in advance";
    }
  }

  /** Due on the day after the period. */
  @Value.Immutable
  @JsonTypeName("in-arrears")
  @JsonSerialize(as = ImmutableInArrears.class)
  @JsonDeserialize(as = ImmutableInArrears.class)
  abstract non-sealed class InArrears implements DueRule {
    InArrears() {}

    @Override
    public LocalDate dueDate(LocalDate start, LocalDate endExclusive) {
      return endExclusive;
    }

    @Override
    public String toString() {
      return "in arrears";
    }
  }

  /** Due a number of days after the period's first day. */
  @Value.Immutable
  @JsonTypeName("days-after-issue")
  @JsonSerialize(as = ImmutableDaysAfterIssue.class)
  @JsonDeserialize(as = ImmutableDaysAfterIssue.class)
  abstract non-sealed class DaysAfterIssue implements DueRule {
    DaysAfterIssue() {}

    /**
     * Days between issue and due date.
     *
     * @return 0 to 366
     */
    @Value.Parameter
    public abstract int days();

    @Override
    public LocalDate dueDate(LocalDate start, LocalDate endExclusive) {
      return start.plusDays(days());
    }

    @Value.Check
    void check() {
      Checks.check(days() >= 0 && days() <= 366, "DueRule days-after-issue must be 0 to 366, was %d", days());
    }

    @Override
    public String toString() {
      return "net " + days() + " days";
    }
  }

  /** Due on a fixed day of the month. */
  @Value.Immutable
  @JsonTypeName("day-of-month")
  @JsonSerialize(as = ImmutableDayOfMonth.class)
  @JsonDeserialize(as = ImmutableDayOfMonth.class)
  abstract non-sealed class DayOfMonth implements DueRule {
    DayOfMonth() {}

    /**
     * The day of the month.
     *
     * @return 1 to 31
     */
    @Value.Parameter
    public abstract int day();

    @Override
    public LocalDate dueDate(LocalDate start, LocalDate endExclusive) {
      LocalDate candidate = clamp(YearMonth.from(start));
      return candidate.isBefore(start) ? clamp(YearMonth.from(start).plusMonths(1)) : candidate;
    }

    private LocalDate clamp(YearMonth month) {
      return month.atDay(Math.min(day(), month.lengthOfMonth()));
    }

    @Value.Check
    void check() {
      Checks.check(day() >= 1 && day() <= 31, "DueRule day-of-month must be 1 to 31, was %d", day());
    }

    @Override
    public String toString() {
      return "on day " + day() + " of the month";
    }
  }
}
