package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BillingFrequencyTest {
  private static LocalDate d(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  private static List<LocalDate> series(BillingFrequency frequency, LocalDate start, int count) {
    List<LocalDate> out = new ArrayList<>();
    LongStream.range(0, count).forEach(i -> out.add(frequency.occurrence(start, i)));
    return out;
  }

  @Test
  @DisplayName("a monthly series from 31 January clamps to 28 February and returns to 31 March")
  void monthlyFromJanuary31() {
    assertThat(series(BillingFrequency.MONTHLY, d(2026, 1, 31), 6)).containsExactly(
        d(2026, 1, 31), d(2026, 2, 28), d(2026, 3, 31), d(2026, 4, 30), d(2026, 5, 31), d(2026, 6, 30));
  }

  @Test
  @DisplayName("in a leap year the monthly series from 31 January falls on 29 February")
  void monthlyFromJanuary31LeapYear() {
    assertThat(series(BillingFrequency.MONTHLY, d(2028, 1, 31), 3))
        .containsExactly(d(2028, 1, 31), d(2028, 2, 29), d(2028, 3, 31));
  }

  @Test
  @DisplayName("occurrences are whole multiples of the period from the start, not repeated additions")
  void wholeMultiplesNotRepeatedAddition() {
    LocalDate start = d(2026, 1, 31);
    LocalDate repeated = start.plusMonths(1).plusMonths(1); // 2026-03-28
    assertSoftly(s -> {
      s.assertThat(BillingFrequency.MONTHLY.occurrence(start, 2)).isEqualTo(d(2026, 3, 31)).isNotEqualTo(repeated);
      s.assertThat(BillingFrequency.MONTHLY.occurrence(start, 12)).isEqualTo(d(2027, 1, 31));
      s.assertThat(BillingFrequency.MONTHLY.occurrence(start, 13)).isEqualTo(d(2027, 2, 28));
      s.assertThat(BillingFrequency.MONTHLY.occurrence(start, 25)).isEqualTo(d(2028, 2, 29));
    });
  }

  @Test
  @DisplayName("occurrence 0 is the start itself")
  void indexZero() {
    for (BillingFrequency f : BillingFrequency.values()) {
      assertThat(f.occurrence(d(2026, 8, 31), 0)).as(f.name()).isEqualTo(d(2026, 8, 31));
    }
  }

  @Test
  @DisplayName("weekly and biweekly series count days: 7 and 14 per step")
  void weeklyAndBiweekly() {
    assertSoftly(s -> {
      s.assertThat(series(BillingFrequency.WEEKLY, d(2026, 2, 20), 3))
          .containsExactly(d(2026, 2, 20), d(2026, 2, 27), d(2026, 3, 6));
      s.assertThat(BillingFrequency.WEEKLY.occurrence(d(2026, 1, 1), 52)).isEqualTo(d(2026, 12, 31));
      s.assertThat(series(BillingFrequency.BIWEEKLY, d(2028, 2, 15), 3))
          .containsExactly(d(2028, 2, 15), d(2028, 2, 29), d(2028, 3, 14));
      s.assertThat(BillingFrequency.BIWEEKLY.occurrence(d(2026, 1, 1), 26)).isEqualTo(d(2026, 12, 31));
    });
  }

  @Test
  @DisplayName("bimonthly, quarterly, semiannual and annual series clamp to the month's end without drifting")
  void monthBasedFrequencies() {
    assertSoftly(s -> {
      s.assertThat(series(BillingFrequency.BIMONTHLY, d(2025, 12, 31), 3))
          .containsExactly(d(2025, 12, 31), d(2026, 2, 28), d(2026, 4, 30));
      s.assertThat(series(BillingFrequency.QUARTERLY, d(2027, 11, 30), 4))
          .containsExactly(d(2027, 11, 30), d(2028, 2, 29), d(2028, 5, 30), d(2028, 8, 30));
      s.assertThat(series(BillingFrequency.SEMIANNUAL, d(2026, 8, 31), 3))
          .containsExactly(d(2026, 8, 31), d(2027, 2, 28), d(2027, 8, 31));
      s.assertThat(series(BillingFrequency.ANNUAL, d(2028, 2, 29), 5))
          .containsExactly(d(2028, 2, 29), d(2029, 2, 28), d(2030, 2, 28), d(2031, 2, 28), d(2032, 2, 29));
    });
  }

  @Test
  @DisplayName("each frequency's period")
  void periods() {
    assertSoftly(s -> {
      s.assertThat(BillingFrequency.WEEKLY.period()).isEqualTo(Period.ofDays(7));
      s.assertThat(BillingFrequency.BIWEEKLY.period()).isEqualTo(Period.ofDays(14));
      s.assertThat(BillingFrequency.MONTHLY.period()).isEqualTo(Period.ofMonths(1));
      s.assertThat(BillingFrequency.BIMONTHLY.period()).isEqualTo(Period.ofMonths(2));
      s.assertThat(BillingFrequency.QUARTERLY.period()).isEqualTo(Period.ofMonths(3));
      s.assertThat(BillingFrequency.SEMIANNUAL.period()).isEqualTo(Period.ofMonths(6));
      s.assertThat(BillingFrequency.ANNUAL.period()).isEqualTo(Period.ofYears(1));
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 2L, 3L, 20260101L})
  @DisplayName("occurrence k is k whole periods after the start (clamped day of month), and the series only moves forward")
  void matchesWholeMultiples(long seed) {
    Random random = new Random(seed);
    for (int n = 0; n < 200; n++) {
      BillingFrequency f = BillingFrequency.values()[random.nextInt(BillingFrequency.values().length)];
      LocalDate start = d(2000, 1, 1).plusDays(random.nextInt(365 * 40));
      int k = random.nextInt(500);
      LocalDate actual = f.occurrence(start, k);
      if (f == BillingFrequency.WEEKLY || f == BillingFrequency.BIWEEKLY) {
        long step = f == BillingFrequency.WEEKLY ? 7 : 14;
        assertThat(ChronoUnit.DAYS.between(start, actual)).as("%s from %s, #%d", f, start, k).isEqualTo(step * k);
      } else {
        // month k*m after the start's month, on the start's day of month clamped to that month's length
        YearMonth month = YearMonth.from(start).plusMonths(f.period().toTotalMonths() * k);
        LocalDate expected = month.atDay(Math.min(start.getDayOfMonth(), month.lengthOfMonth()));
        assertThat(actual).as("%s from %s, #%d", f, start, k).isEqualTo(expected);
      }
      assertThat(f.occurrence(start, k + 1L)).as("%s from %s, #%d", f, start, k + 1).isAfter(f.occurrence(start, k));
    }
  }
}
