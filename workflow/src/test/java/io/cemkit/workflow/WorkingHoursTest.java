package io.cemkit.workflow;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");
  private static final LocalTime NINE = LocalTime.of(9, 0);
  private static final LocalTime FIVE_PM = LocalTime.of(17, 0);

  private static final WorkingHours OFFICE = WorkingHours.mondayToFriday(BERLIN, NINE, FIVE_PM);
  private static final WorkingHours LUNCH_BREAK = BusinessCalendar.workingHours(BERLIN)
      .mondayToFriday(NINE, LocalTime.of(13, 0))
      .mondayToFriday(LocalTime.of(14, 0), LocalTime.of(18, 0))
      .build();
  /** Sunday to Thursday with a short Friday, as at an Israeli bank branch. */
  private static final WorkingHours BRANCH = BusinessCalendar.workingHours(JERUSALEM)
      .sundayToThursday(LocalTime.of(8, 30), FIVE_PM)
      .hours(FRIDAY, LocalTime.of(8, 30), LocalTime.of(12, 30))
      .holiday(LocalDate.of(2026, 9, 21))
      .build();

  static Instant at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  private static Instant berlin(String local) {
    return at(local, BERLIN);
  }

  @Test
  @DisplayName("Friday 16:30 plus one working hour is Monday 09:30")
  void overTheWeekend() {
    assertThat(OFFICE.plus(berlin("2026-01-09T16:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-01-12T09:30"));
    assertThat(OFFICE.between(berlin("2026-01-09T16:00"), berlin("2026-01-12T10:00"))).isEqualTo(Duration.ofHours(2));
  }

  @Test
  @DisplayName("the answer is the earliest instant: an interval's end, not the next day's start")
  void earliestInstant() {
    assertThat(OFFICE.plus(berlin("2026-01-09T16:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-01-09T17:00"));
    assertThat(OFFICE.plus(berlin("2026-01-05T09:00"), Duration.ofHours(40))).isEqualTo(berlin("2026-01-09T17:00"));
  }

  @Test
  @DisplayName("from outside working time: counting starts at the next working moment; zero returns from")
  void fromInAGap() {
    assertThat(OFFICE.plus(berlin("2026-01-10T12:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-01-12T10:00"));
    assertThat(OFFICE.plus(berlin("2026-01-12T07:15"), Duration.ofMinutes(1))).isEqualTo(berlin("2026-01-12T09:01"));
    assertThat(LUNCH_BREAK.plus(berlin("2026-01-12T13:30"), Duration.ofMinutes(30)))
        .isEqualTo(berlin("2026-01-12T14:30"));
    assertThat(OFFICE.plus(berlin("2026-01-10T12:00"), Duration.ZERO)).isEqualTo(berlin("2026-01-10T12:00"));
    assertThat(OFFICE.plus(berlin("2026-01-12T10:00"), Duration.ZERO)).isEqualTo(berlin("2026-01-12T10:00"));
    assertThat(OFFICE.between(berlin("2026-01-10T00:00"), berlin("2026-01-12T09:00"))).isZero();
  }

  @Test
  @DisplayName("a lunch break is skipped; between counts both intervals of a day")
  void lunchBreak() {
    assertThat(LUNCH_BREAK.plus(berlin("2026-01-12T12:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-01-12T15:00"));
    assertThat(LUNCH_BREAK.plus(berlin("2026-01-12T12:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-01-12T13:00"));
    assertThat(LUNCH_BREAK.between(berlin("2026-01-12T08:00"), berlin("2026-01-12T19:00")))
        .isEqualTo(Duration.ofHours(8));
    assertThat(LUNCH_BREAK.isWorking(berlin("2026-01-12T13:00"))).isFalse();
    assertThat(LUNCH_BREAK.isWorking(berlin("2026-01-12T14:00"))).isTrue();
    assertThat(LUNCH_BREAK.isWorking(berlin("2026-01-12T12:59:59.999999999"))).isTrue();
  }

  @Test
  @DisplayName("an interval includes its start and excludes its end")
  void halfOpen() {
    assertSoftly(softly -> {
      softly.assertThat(OFFICE.isWorking(berlin("2026-01-12T09:00"))).isTrue();
      softly.assertThat(OFFICE.isWorking(berlin("2026-01-12T08:59:59.999999999"))).isFalse();
      softly.assertThat(OFFICE.isWorking(berlin("2026-01-12T16:59:59.999999999"))).isTrue();
      softly.assertThat(OFFICE.isWorking(berlin("2026-01-12T17:00"))).isFalse();
      softly.assertThat(OFFICE.isWorking(berlin("2026-01-10T12:00"))).isFalse();
    });
  }

  @Test
  @DisplayName("a holiday has no working time")
  void holiday() {
    WorkingHours calendar = BusinessCalendar.workingHours(BERLIN).mondayToFriday(NINE, FIVE_PM)
        .holiday(LocalDate.of(2026, 1, 12))
        .build();
    assertThat(calendar.plus(berlin("2026-01-09T16:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-01-13T09:30"));
    assertThat(calendar.isWorking(berlin("2026-01-12T10:00"))).isFalse();
    assertThat(calendar.between(berlin("2026-01-09T00:00"), berlin("2026-01-14T00:00"))).isEqualTo(Duration.ofHours(16));
  }

  @Test
  @DisplayName("a special half day before a holiday replaces its weekday's hours")
  void specialDay() {
    WorkingHours calendar = BusinessCalendar.workingHours(BERLIN).mondayToFriday(NINE, FIVE_PM)
        .specialDay(LocalDate.of(2026, 12, 24), NINE, LocalTime.NOON)
        .holiday(LocalDate.of(2026, 12, 25))
        .build();
    assertThat(calendar.plus(berlin("2026-12-24T11:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-12-28T10:00"));
    assertThat(calendar.isWorking(berlin("2026-12-24T13:00"))).isFalse();
    assertThat(calendar.between(berlin("2026-12-21T00:00"), berlin("2026-12-28T00:00"))).isEqualTo(Duration.ofHours(27));
    assertThat(calendar.specialDays()).containsExactly(LocalDate.of(2026, 12, 24));
    assertThat(calendar.holidays()).containsExactly(LocalDate.of(2026, 12, 25));
  }

  @Test
  @DisplayName("a special day may work on a weekend, with two intervals")
  void specialWeekendDay() {
    WorkingHours calendar = BusinessCalendar.workingHours(BERLIN).mondayToFriday(NINE, FIVE_PM)
        .specialDay(LocalDate.of(2026, 1, 10), LocalTime.of(10, 0), LocalTime.of(11, 0))
        .specialDay(LocalDate.of(2026, 1, 10), LocalTime.of(15, 0), LocalTime.of(16, 0))
        .build();
    assertThat(calendar.plus(berlin("2026-01-09T16:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-01-10T10:30"));
    assertThat(calendar.plus(berlin("2026-01-09T16:30"), Duration.ofHours(2))).isEqualTo(berlin("2026-01-10T15:30"));
  }

  @Test
  @DisplayName("Israel: Sunday to Thursday, a short Friday, Saturday off, holidays")
  void israel() {
    assertThat(BRANCH.plus(at("2026-01-08T16:00", JERUSALEM), Duration.ofHours(3)))
        .isEqualTo(at("2026-01-09T10:30", JERUSALEM));
    assertThat(BRANCH.plus(at("2026-01-09T12:00", JERUSALEM), Duration.ofHours(1)))
        .isEqualTo(at("2026-01-11T09:00", JERUSALEM));
    assertThat(BRANCH.isWorking(at("2026-01-10T10:00", JERUSALEM))).isFalse();
    assertThat(BRANCH.between(at("2026-01-04T00:00", JERUSALEM), at("2026-01-11T00:00", JERUSALEM)))
        .isEqualTo(Duration.ofMinutes(46 * 60 + 30));
    // 2026-09-21 (Yom Kippur) is a Monday holiday: Sunday's last hour, then Tuesday.
    assertThat(BRANCH.plus(at("2026-09-20T16:00", JERUSALEM), Duration.ofHours(2)))
        .isEqualTo(at("2026-09-22T09:30", JERUSALEM));
  }

  @Test
  @DisplayName("an interval may end at 24:00 (LocalTime.MIDNIGHT); the whole day is MIDNIGHT to MIDNIGHT")
  void untilMidnight() {
    WorkingHours calendar = BusinessCalendar.workingHours(BERLIN)
        .hours(SATURDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT)
        .hours(SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
        .build();
    assertThat(calendar.plus(berlin("2026-01-10T23:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-01-11T00:30"));
    assertThat(calendar.between(berlin("2026-01-10T00:00"), berlin("2026-01-12T00:00"))).isEqualTo(Duration.ofHours(26));
    assertThat(calendar.plus(berlin("2026-01-11T12:00"), Duration.ofHours(12))).isEqualTo(berlin("2026-01-12T00:00"));
    assertThat(calendar.plus(berlin("2026-01-11T12:00"), Duration.ofHours(13))).isEqualTo(berlin("2026-01-17T23:00"));
    assertThat(calendar).hasToString("WorkingHours[Europe/Berlin SAT 22:00-24:00, SUN 00:00-24:00]");
  }

  @Test
  @DisplayName("always() is plain arithmetic")
  void always() {
    BusinessCalendar always = BusinessCalendar.always();
    Instant from = Instant.parse("2026-03-29T00:30:00Z");
    assertThat(always.plus(from, Duration.ofHours(5))).isEqualTo(from.plus(Duration.ofHours(5)));
    assertThat(always.between(from, from.plusSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    assertThat(always.isWorking(from)).isTrue();
    assertThat(always).hasToString("BusinessCalendar.always()");
  }

  @Test
  @DisplayName("5,000 working hours are reached by skipping weeks, not by walking 875 days")
  void longDurationsSkipWeeks() {
    Instant from = berlin("2026-01-09T16:30");
    WorkingHours.Stepping skipping = new WorkingHours.Stepping(true);
    WorkingHours.Stepping walking = new WorkingHours.Stepping(false);
    Instant due = OFFICE.plus(from, Duration.ofHours(5000), skipping);
    assertThat(OFFICE.plus(from, Duration.ofHours(5000), walking)).isEqualTo(due);
    // 125 weeks of 40 hours; the last hour is on Friday 2028-06-02 (summer time, UTC+2).
    assertThat(due).isEqualTo(berlin("2028-06-02T16:30"));
    // Only the weeks around the five offset changes and the first and last days are walked.
    assertThat(skipping.days).isLessThan(80);
    assertThat(skipping.weeks).isGreaterThan(110);
    assertThat(walking.days).isGreaterThan(870);

    WorkingHours.Stepping counting = new WorkingHours.Stepping(true);
    assertThat(OFFICE.between(from, due, counting)).isEqualTo(Duration.ofHours(5000));
    assertThat(counting.days).isLessThan(80);
  }

  @Test
  @DisplayName("a fixed-offset zone without holidays reaches 100,000 hours in one jump")
  void fixedOffsetJumpsAtOnce() {
    WorkingHours utc = WorkingHours.mondayToFriday(ZoneId.of("UTC"), NINE, FIVE_PM);
    WorkingHours.Stepping stepping = new WorkingHours.Stepping(true);
    Instant due = utc.plus(Instant.parse("2026-01-05T09:00:00Z"), Duration.ofHours(100_000), stepping);
    assertThat(due).isEqualTo(Instant.parse("2073-12-01T17:00:00Z"));
    assertThat(stepping.days).isLessThanOrEqualTo(8);
  }

  @Test
  @DisplayName("plus gives up after 100 years when holidays or the lack of hours leave too little working time")
  void searchIsBounded() {
    LocalDate first = LocalDate.of(2026, 1, 1);
    List<LocalDate> everyDay = first.datesUntil(first.plusYears(101)).toList();
    WorkingHours closed = BusinessCalendar.workingHours(BERLIN).mondayToFriday(NINE, FIVE_PM).holidays(everyDay).build();
    assertThatThrownBy(() -> closed.plus(berlin("2026-01-01T00:00"), Duration.ofHours(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("plus(2025-12-31T23:00:00Z, PT1H) is more than 100 years away on WorkingHours[")
        .hasMessageEndingWith("; check its holidays and special days");

    WorkingHours oneDay = BusinessCalendar.workingHours(BERLIN)
        .specialDay(LocalDate.of(2026, 6, 1), NINE, FIVE_PM)
        .build();
    assertThat(oneDay.plus(berlin("2026-01-01T00:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-06-01T17:00"));
    assertThat(oneDay.between(berlin("2020-01-01T00:00"), berlin("2090-01-01T00:00"))).isEqualTo(Duration.ofHours(8));
    assertThatThrownBy(() -> oneDay.plus(berlin("2026-01-01T00:00"), Duration.ofHours(9)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PT9H) is more than 100 years away");
  }

  @Test
  @DisplayName("null arguments are named; a negative working time and a reversed range are refused with their values")
  void badArguments() {
    Instant now = berlin("2026-01-12T10:00");
    for (BusinessCalendar calendar : List.of(OFFICE, BusinessCalendar.always())) {
      assertThatThrownBy(() -> calendar.plus(null, Duration.ZERO)).isInstanceOf(NullPointerException.class)
          .hasMessage("from");
      assertThatThrownBy(() -> calendar.plus(now, null)).isInstanceOf(NullPointerException.class)
          .hasMessage("workingTime");
      assertThatThrownBy(() -> calendar.plus(now, Duration.ofMinutes(-90)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("workingTime must not be negative, was PT-1H-30M");
      assertThatThrownBy(() -> calendar.between(null, now)).isInstanceOf(NullPointerException.class)
          .hasMessage("from");
      assertThatThrownBy(() -> calendar.between(now, null)).isInstanceOf(NullPointerException.class)
          .hasMessage("to");
      assertThatThrownBy(() -> calendar.between(now, now.minusSeconds(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("to (2026-01-12T08:59:59Z) must not be before from (2026-01-12T09:00:00Z)");
      assertThatThrownBy(() -> calendar.isWorking(null)).isInstanceOf(NullPointerException.class).hasMessage("at");
    }
  }

  @Test
  @DisplayName("bad intervals are refused with the day and the times")
  void badIntervals() {
    WorkingHours.Builder builder = BusinessCalendar.workingHours(BERLIN).hours(MONDAY, NINE, LocalTime.of(13, 0));
    assertThatThrownBy(() -> builder.hours(MONDAY, LocalTime.of(12, 0), LocalTime.of(18, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WorkingHours Europe/Berlin MONDAY: interval 12:00-18:00 overlaps 09:00-13:00");
    assertThatThrownBy(() -> builder.hours(MONDAY, LocalTime.of(7, 0), LocalTime.of(8, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WorkingHours Europe/Berlin MONDAY: interval 07:00-08:00 comes before 09:00-13:00; "
            + "add a day's intervals in order");
    assertThatThrownBy(() -> builder.hours(FRIDAY, NINE, NINE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WorkingHours Europe/Berlin FRIDAY: interval 09:00-09:00 is empty; "
            + "an interval to the end of the day ends at LocalTime.MIDNIGHT (24:00)");
    assertThatThrownBy(() -> builder.hours(FRIDAY, FIVE_PM, NINE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("WorkingHours Europe/Berlin FRIDAY: interval 17:00-09:00 ends before it starts;");
    assertThatThrownBy(() -> builder.specialDay(LocalDate.of(2026, 12, 24), NINE, LocalTime.of(8, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("WorkingHours Europe/Berlin special day 2026-12-24: interval 09:00-08:00 ends before");
    assertThatThrownBy(() -> builder.hours(SATURDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
        .hours(SATURDAY, LocalTime.NOON, LocalTime.of(13, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WorkingHours Europe/Berlin SATURDAY: interval 12:00-13:00 overlaps 00:00-24:00");
    assertThatThrownBy(() -> builder.hours(MONDAY, null, NINE)).isInstanceOf(NullPointerException.class)
        .hasMessage("start");
    assertThatThrownBy(() -> builder.hours((DayOfWeek) null, NINE, FIVE_PM))
        .isInstanceOf(NullPointerException.class).hasMessage("day");
    assertThatThrownBy(() -> builder.holiday(null)).isInstanceOf(NullPointerException.class).hasMessage("date");
    assertThatThrownBy(() -> WorkingHours.builder(null)).isInstanceOf(NullPointerException.class).hasMessage("zone");
  }

  @Test
  @DisplayName("build refuses a calendar without working time and a date that is both holiday and special day")
  void badCalendars() {
    assertThatThrownBy(() -> BusinessCalendar.workingHours(BERLIN).holiday(LocalDate.of(2026, 1, 1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WorkingHours Europe/Berlin has no working time: add hours to a day of the week or a special day");
    assertThatThrownBy(() -> BusinessCalendar.workingHours(BERLIN).hours(Set.of(), NINE, FIVE_PM).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no working time");
    assertThatThrownBy(() -> BusinessCalendar.workingHours(BERLIN).mondayToFriday(NINE, FIVE_PM)
        .holiday(LocalDate.of(2026, 12, 24))
        .specialDay(LocalDate.of(2026, 12, 24), NINE, LocalTime.NOON)
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WorkingHours Europe/Berlin: 2026-12-24 is both a holiday and a special day; keep one");
  }

  @Test
  @DisplayName("equal zone, week, holidays and special days make equal calendars; touching intervals are joined")
  void valueSemantics() {
    WorkingHours joined = BusinessCalendar.workingHours(BERLIN)
        .hours(EnumSet.range(MONDAY, FRIDAY), NINE, LocalTime.of(13, 0))
        .mondayToFriday(LocalTime.of(13, 0), FIVE_PM)
        .build();
    assertThat(joined).isEqualTo(OFFICE).hasSameHashCodeAs(OFFICE);
    assertThat(OFFICE).isNotEqualTo(WorkingHours.mondayToFriday(ZoneId.of("Europe/Vienna"), NINE, FIVE_PM));
    assertThat(OFFICE).isNotEqualTo(BusinessCalendar.workingHours(BERLIN).mondayToFriday(NINE, FIVE_PM)
        .holiday(LocalDate.of(2026, 1, 1)).build());
    assertThat(OFFICE).isNotEqualTo(BusinessCalendar.workingHours(BERLIN).mondayToFriday(NINE, FIVE_PM)
        .specialDay(LocalDate.of(2026, 1, 1), NINE, LocalTime.NOON).build());
    assertThat(OFFICE).isNotEqualTo(LUNCH_BREAK).isNotEqualTo(BusinessCalendar.always());
    assertThat(OFFICE.zone()).isEqualTo(BERLIN);

    assertThat(OFFICE).hasToString("WorkingHours[Europe/Berlin MON-FRI 09:00-17:00]");
    assertThat(LUNCH_BREAK).hasToString("WorkingHours[Europe/Berlin MON-FRI 09:00-13:00 14:00-18:00]");
    assertThat(BRANCH)
        .hasToString("WorkingHours[Asia/Jerusalem MON-THU 08:30-17:00, FRI 08:30-12:30, SUN 08:30-17:00; 1 holiday]");
    assertThat(BusinessCalendar.workingHours(BERLIN).specialDay(LocalDate.of(2026, 1, 1), NINE, FIVE_PM)
        .specialDay(LocalDate.of(2026, 1, 2), NINE, FIVE_PM)
        .holidays(List.of(LocalDate.of(2026, 1, 3), LocalDate.of(2026, 1, 4))).build())
        .hasToString("WorkingHours[Europe/Berlin no weekly hours; 2 holidays; 2 special days]");
  }
}
