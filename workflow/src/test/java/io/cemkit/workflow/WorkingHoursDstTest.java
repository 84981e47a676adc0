package io.cemkit.workflow;

import static io.cemkit.workflow.WorkingHoursTest.at;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rule of {@link WorkingHours}: an interval runs from the first moment the wall clock reaches
 * its start to the first moment it reaches its end. In a gap that moment is the transition; in an
 * overlap it is the first pass.
 */
class WorkingHoursDstTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalTime ONE = LocalTime.of(1, 0);
  private static final LocalTime FOUR = LocalTime.of(4, 0);

  private static WorkingHours sundayNights(ZoneId zone) {
    return BusinessCalendar.workingHours(zone).hours(SUNDAY, ONE, FOUR).build();
  }

  private static WorkingHours allSunday(ZoneId zone) {
    return BusinessCalendar.workingHours(zone).hours(SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build();
  }

  private static WorkingHours special(ZoneId zone, LocalDate date, String start, String end) {
    return BusinessCalendar.workingHours(zone).hours(SATURDAY, ONE, FOUR)
        .specialDay(date, LocalTime.parse(start), LocalTime.parse(end)).build();
  }

  private static Duration on(WorkingHours calendar, LocalDate date) {
    ZoneId zone = calendar.zone();
    return calendar.between(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
  }

  private static Instant utc(String instant) {
    return Instant.parse(instant);
  }

  @Test
  @DisplayName("Berlin, spring forward 2026-03-29 (02:00 CET -> 03:00 CEST): 01:00-04:00 holds two hours")
  void berlinSpringForward() {
    WorkingHours calendar = sundayNights(BERLIN);
    LocalDate day = LocalDate.of(2026, 3, 29);
    assertThat(on(calendar, day)).isEqualTo(Duration.ofHours(2));
    Instant start = at("2026-03-29T01:00", BERLIN);
    assertThat(start).isEqualTo(utc("2026-03-29T00:00:00Z"));
    assertThat(calendar.plus(start, Duration.ofHours(1))).isEqualTo(utc("2026-03-29T01:00:00Z"))
        .isEqualTo(at("2026-03-29T03:00", BERLIN));
    assertThat(calendar.plus(start, Duration.ofMinutes(90))).isEqualTo(at("2026-03-29T03:30", BERLIN));
    assertThat(calendar.plus(start, Duration.ofHours(2))).isEqualTo(at("2026-03-29T04:00", BERLIN));
    assertThat(calendar.isWorking(utc("2026-03-29T00:59:59Z"))).isTrue();
    assertThat(calendar.isWorking(utc("2026-03-29T02:00:00Z"))).isFalse();

    assertThat(on(allSunday(BERLIN), day)).isEqualTo(Duration.ofHours(23));
  }

  @Test
  @DisplayName("Berlin, spring forward: a time inside the gap is reached at the transition, so an interval inside it is empty")
  void berlinGapBoundaries() {
    LocalDate day = LocalDate.of(2026, 3, 29);
    assertThat(on(special(BERLIN, day, "02:15", "02:45"), day)).isZero();
    WorkingHours intoSummerTime = special(BERLIN, day, "02:30", "03:30");
    assertThat(on(intoSummerTime, day)).isEqualTo(Duration.ofMinutes(30));
    assertThat(intoSummerTime.plus(at("2026-03-29T00:00", BERLIN), Duration.ofMinutes(10)))
        .isEqualTo(utc("2026-03-29T01:10:00Z"));
    WorkingHours fromGap = special(BERLIN, day, "02:30", "04:00");
    assertThat(fromGap.isWorking(utc("2026-03-29T01:00:00Z"))).isTrue();
    assertThat(fromGap.isWorking(utc("2026-03-29T00:59:59.999999999Z"))).isFalse();
  }

  @Test
  @DisplayName("Berlin, fall back 2026-10-25 (03:00 CEST -> 02:00 CET): 01:00-04:00 holds four hours")
  void berlinFallBack() {
    WorkingHours calendar = sundayNights(BERLIN);
    LocalDate day = LocalDate.of(2026, 10, 25);
    assertThat(on(calendar, day)).isEqualTo(Duration.ofHours(4));
    Instant start = at("2026-10-25T01:00", BERLIN);
    assertThat(start).isEqualTo(utc("2026-10-24T23:00:00Z"));
    assertThat(calendar.plus(start, Duration.ofHours(2))).isEqualTo(utc("2026-10-25T01:00:00Z"));
    assertThat(calendar.plus(start, Duration.ofHours(4))).isEqualTo(utc("2026-10-25T03:00:00Z"))
        .isEqualTo(at("2026-10-25T04:00", BERLIN));
    // 02:30 CET, the second pass through the repeated hour, is inside 01:00-04:00.
    assertThat(calendar.isWorking(utc("2026-10-25T01:30:00Z"))).isTrue();

    assertThat(on(allSunday(BERLIN), day)).isEqualTo(Duration.ofHours(25));
  }

  @Test
  @DisplayName("Berlin, fall back: a time inside the repeated hour is reached on its first pass")
  void berlinOverlapBoundaries() {
    LocalDate day = LocalDate.of(2026, 10, 25);
    WorkingHours inside = special(BERLIN, day, "02:15", "02:45");
    assertThat(on(inside, day)).isEqualTo(Duration.ofMinutes(30));
    assertThat(inside.isWorking(utc("2026-10-25T00:30:00Z"))).as("02:30 CEST").isTrue();
    assertThat(inside.isWorking(utc("2026-10-25T01:30:00Z"))).as("02:30 CET").isFalse();
    assertThat(on(special(BERLIN, day, "01:00", "02:30"), day)).isEqualTo(Duration.ofMinutes(90));
    WorkingHours fromOverlap = special(BERLIN, day, "02:30", "04:00");
    assertThat(on(fromOverlap, day)).isEqualTo(Duration.ofMinutes(150));
    assertThat(fromOverlap.isWorking(utc("2026-10-25T01:10:00Z"))).as("02:10 CET").isTrue();
  }

  @Test
  @DisplayName("New York, spring forward 2026-03-08 and fall back 2026-11-01")
  void newYork() {
    WorkingHours calendar = sundayNights(NEW_YORK);
    assertThat(on(calendar, LocalDate.of(2026, 3, 8))).isEqualTo(Duration.ofHours(2));
    assertThat(calendar.plus(utc("2026-03-08T06:00:00Z"), Duration.ofHours(1))).isEqualTo(utc("2026-03-08T07:00:00Z"));
    assertThat(on(special(NEW_YORK, LocalDate.of(2026, 3, 8), "02:30", "04:00"), LocalDate.of(2026, 3, 8)))
        .isEqualTo(Duration.ofHours(1));

    LocalDate fallBack = LocalDate.of(2026, 11, 1);
    WorkingHours night = special(NEW_YORK, fallBack, "00:00", "03:00");
    assertThat(on(night, fallBack)).isEqualTo(Duration.ofHours(4));
    assertThat(night.plus(utc("2026-11-01T04:00:00Z"), Duration.ofHours(3))).isEqualTo(utc("2026-11-01T07:00:00Z"))
        .isEqualTo(at("2026-11-01T02:00", NEW_YORK));
    WorkingHours acrossOverlap = special(NEW_YORK, fallBack, "01:30", "02:30");
    assertThat(on(acrossOverlap, fallBack)).isEqualTo(Duration.ofHours(2));
    assertThat(acrossOverlap.isWorking(utc("2026-11-01T06:45:00Z"))).as("01:45 EST").isTrue();
  }

  @Test
  @DisplayName("office hours are untouched by a night-time change; a week with a change is one hour shorter or longer in UTC")
  void officeHoursAcrossChanges() {
    WorkingHours office = WorkingHours.mondayToFriday(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0));
    assertThat(office.between(at("2026-03-27T00:00", BERLIN), at("2026-03-31T00:00", BERLIN)))
        .isEqualTo(Duration.ofHours(16));
    assertThat(office.plus(at("2026-03-27T16:00", BERLIN), Duration.ofHours(2)))
        .isEqualTo(at("2026-03-30T10:00", BERLIN)).isEqualTo(utc("2026-03-30T08:00:00Z"));
    assertThat(Duration.between(at("2026-03-23T00:00", BERLIN), at("2026-03-30T00:00", BERLIN)))
        .isEqualTo(Duration.ofHours(167));
  }

  @Test
  @DisplayName("a change at midnight: Santiago's Saturday 2026-04-04 has 25 hours, Sunday 2026-09-06 has 23")
  void midnightChanges() {
    ZoneId santiago = ZoneId.of("America/Santiago");
    WorkingHours weekends = BusinessCalendar.workingHours(santiago)
        .hours(SATURDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
        .hours(SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
        .build();
    assertThat(on(weekends, LocalDate.of(2026, 4, 4))).isEqualTo(Duration.ofHours(25));
    assertThat(weekends.between(utc("2026-04-04T03:00:00Z"), utc("2026-04-06T04:00:00Z"))).isEqualTo(Duration.ofHours(49));
    // The second pass through Saturday 23:00-24:00 belongs to Saturday.
    assertThat(weekends.plus(utc("2026-04-04T03:00:00Z"), Duration.ofHours(25))).isEqualTo(utc("2026-04-05T04:00:00Z"));
    assertThat(on(weekends, LocalDate.of(2026, 9, 6))).isEqualTo(Duration.ofHours(23));
    assertThat(weekends.between(utc("2026-09-05T04:00:00Z"), utc("2026-09-07T03:00:00Z"))).isEqualTo(Duration.ofHours(47));
  }

  @Test
  @DisplayName("a date the zone skipped entirely (Apia, 2011-12-30) has no working time")
  void skippedDate() {
    ZoneId apia = ZoneId.of("Pacific/Apia");
    WorkingHours office = WorkingHours.mondayToFriday(apia, LocalTime.of(9, 0), LocalTime.of(17, 0));
    assertThat(office.plus(at("2011-12-29T16:00", apia), Duration.ofHours(2))).isEqualTo(at("2012-01-02T10:00", apia));
    assertThat(office.between(at("2011-12-29T00:00", apia), at("2012-01-03T00:00", apia))).isEqualTo(Duration.ofHours(16));
  }
}
