package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DueRuleTest {
  private static LocalDate d(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  @Test
  @DisplayName("in advance: due on the period's first day")
  void inAdvance() {
    assertSoftly(s -> {
      s.assertThat(DueRule.inAdvance().dueDate(d(2026, 1, 1), d(2026, 2, 1))).isEqualTo(d(2026, 1, 1));
      s.assertThat(DueRule.inAdvance().dueDate(d(2026, 1, 31), d(2026, 2, 28))).isEqualTo(d(2026, 1, 31));
    });
  }

  @Test
  @DisplayName("in arrears: due on the day after the period's last day")
  void inArrears() {
    assertSoftly(s -> {
      s.assertThat(DueRule.inArrears().dueDate(d(2026, 1, 1), d(2026, 2, 1))).isEqualTo(d(2026, 2, 1));
      s.assertThat(DueRule.inArrears().dueDate(d(2026, 1, 31), d(2026, 2, 28))).isEqualTo(d(2026, 2, 28));
    });
  }

  @Test
  @DisplayName("days after issue: n days after the period's first day, 0 being the first day itself")
  void daysAfterIssue() {
    assertSoftly(s -> {
      s.assertThat(DueRule.daysAfterIssue(0).dueDate(d(2026, 1, 10), d(2026, 2, 10))).isEqualTo(d(2026, 1, 10));
      s.assertThat(DueRule.daysAfterIssue(14).dueDate(d(2026, 1, 10), d(2026, 2, 10))).isEqualTo(d(2026, 1, 24));
      s.assertThat(DueRule.daysAfterIssue(30).dueDate(d(2026, 2, 1), d(2026, 3, 1))).isEqualTo(d(2026, 3, 3));
      s.assertThat(DueRule.daysAfterIssue(366).dueDate(d(2028, 1, 1), d(2028, 2, 1))).isEqualTo(d(2029, 1, 1));
    });
  }

  @ParameterizedTest(name = "day {0} for a period starting {1}: due {2}")
  @CsvSource({
      // day, period start, due
      "31, 2026-01-01, 2026-01-31",
      "31, 2026-02-01, 2026-02-28", // non-leap February: the month's last day
      "31, 2028-02-01, 2028-02-29", // leap February
      "31, 2026-04-01, 2026-04-30", // 30-day month
      "30, 2026-02-01, 2026-02-28",
      "29, 2027-02-01, 2027-02-28",
      "29, 2028-02-01, 2028-02-29",
      "15, 2026-03-01, 2026-03-15",
      "15, 2026-03-15, 2026-03-15", // the period starts on day d: due that day
      "15, 2026-03-16, 2026-04-15", // the period starts after day d: the next month
      "10, 2026-12-20, 2027-01-10", // ... across the year end
      "31, 2026-01-31, 2026-01-31",
      "1, 2026-01-02, 2026-02-01",
      "1, 2026-01-01, 2026-01-01",
      "30, 2026-01-31, 2026-02-28", // day 30 of January is past; February has no 30th: its last day
      "31, 2028-02-29, 2028-02-29",
  })
  @DisplayName("day of month: the first day d on or after the period's start, clamped to the month's end")
  void dayOfMonth(int day, LocalDate start, LocalDate due) {
    assertThat(DueRule.dayOfMonth(day).dueDate(start, start.plusMonths(1))).isEqualTo(due);
  }

  @Test
  @DisplayName("day of month ignores the period's end")
  void dayOfMonthIgnoresEnd() {
    assertThat(DueRule.dayOfMonth(20).dueDate(d(2026, 1, 25), d(2026, 1, 26))).isEqualTo(d(2026, 2, 20));
  }

  @Test
  @DisplayName("day of month must be 1 to 31")
  void dayOfMonthBounds() {
    assertThatThrownBy(() -> DueRule.dayOfMonth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 31")
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> DueRule.dayOfMonth(32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 31")
        .hasMessageContaining("was 32");
    assertThat(DueRule.dayOfMonth(1).dueDate(d(2026, 5, 1), d(2026, 6, 1))).isEqualTo(d(2026, 5, 1));
    assertThat(DueRule.dayOfMonth(31).dueDate(d(2026, 5, 1), d(2026, 6, 1))).isEqualTo(d(2026, 5, 31));
  }

  @Test
  @DisplayName("days after issue must be 0 to 366")
  void daysAfterIssueBounds() {
    assertThatThrownBy(() -> DueRule.daysAfterIssue(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 to 366")
        .hasMessageContaining("was -1");
    assertThatThrownBy(() -> DueRule.daysAfterIssue(367))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 to 366")
        .hasMessageContaining("was 367");
  }

  @Test
  @DisplayName("rules are values: equal when their parameters are equal")
  void equality() {
    assertSoftly(s -> {
      s.assertThat(DueRule.dayOfMonth(5)).isEqualTo(DueRule.dayOfMonth(5)).isNotEqualTo(DueRule.dayOfMonth(6));
      s.assertThat(DueRule.daysAfterIssue(5)).isEqualTo(DueRule.daysAfterIssue(5))
          .isNotEqualTo(DueRule.dayOfMonth(5));
      s.assertThat(DueRule.inAdvance()).isEqualTo(DueRule.inAdvance()).isNotEqualTo(DueRule.inArrears());
    });
  }
}
