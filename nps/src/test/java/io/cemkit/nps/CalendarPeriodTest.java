package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarPeriodTest {

  @ParameterizedTest
  @CsvSource({
      "DAY, 2025-03-14, 2025-03-14, 2025-03-14, 2025-03-15",
      "WEEK, 2025-03-14, 2025-W11, 2025-03-10, 2025-03-17",
      // 29 Dec 2025 is in ISO week 1 of 2026; 1 Jan 2027 in week 53 of 2026.
      "WEEK, 2025-12-29, 2026-W01, 2025-12-29, 2026-01-05",
      "WEEK, 2027-01-01, 2026-W53, 2026-12-28, 2027-01-04",
      "MONTH, 2025-03-14, 2025-03, 2025-03-01, 2025-04-01",
      "QUARTER, 2025-11-30, 2025-Q4, 2025-10-01, 2026-01-01",
      "QUARTER, 2025-01-01, 2025-Q1, 2025-01-01, 2025-04-01",
      "YEAR, 0999-06-01, 0999, 0999-01-01, 1000-01-01"})
  @DisplayName("ISO keys, first days and next periods")
  void keysAndBounds(CalendarPeriod period, LocalDate date, String key, LocalDate start, LocalDate next) {
    assertThat(period.keyOf(date)).isEqualTo(key);
    assertThat(period.start(date)).isEqualTo(start);
    assertThat(period.next(date)).isEqualTo(next);
  }

  @Test
  @DisplayName("parse accepts any case and names the choices when it fails")
  void parse() {
    assertThat(CalendarPeriod.parse(" Month ")).isEqualTo(CalendarPeriod.MONTH);
    assertThatThrownBy(() -> CalendarPeriod.parse("fortnight")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be one of day, week, month, quarter, year; was 'fortnight'");
  }
}
