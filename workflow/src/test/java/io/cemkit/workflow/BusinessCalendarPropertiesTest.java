package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The laws of the {@link BusinessCalendar} contract, checked on random {@link WorkingHours} (random
 * zones with and without daylight saving, one to three intervals a day, holidays, special days) and
 * random instants, many of them near offset changes. Each seed is one case; a failure names it.
 */
class BusinessCalendarPropertiesTest {
  private static final int CASES = 200;
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
      ZoneId.of("America/New_York"), ZoneId.of("Asia/Jerusalem"), ZoneId.of("Europe/London"),
      ZoneId.of("America/Santiago"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"),
      ZoneId.of("Pacific/Chatham"), ZoneId.of("America/Sao_Paulo"));
  private static final Instant EARLIEST = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2028-12-31T00:00:00Z");

  static LongStream seeds() {
    return LongStream.range(0, CASES).map(i -> 0x5EED_0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plusThenBetweenGivesBackTheWorkingTime(long seed) {
    Case c = new Case(seed);
    for (int i = 0; i < 10; i++) {
      Instant from = c.instant();
      Duration d = c.duration();
      assertThat(c.calendar.between(from, c.calendar.plus(from, d))).as("%s from %s plus %s", c, from, d).isEqualTo(d);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plusIsMonotoneInTheDuration(long seed) {
    Case c = new Case(seed);
    for (int i = 0; i < 10; i++) {
      Instant from = c.instant();
      Duration[] ds = {c.duration(), c.duration()};
      Arrays.sort(ds);
      assertThat(c.calendar.plus(from, ds[0])).as("%s from %s plus %s and %s", c, from, ds[0], ds[1])
          .isBeforeOrEqualTo(c.calendar.plus(from, ds[1]));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plusIsMonotoneInFrom(long seed) {
    Case c = new Case(seed);
    for (int i = 0; i < 10; i++) {
      Instant[] froms = c.sortedInstants(2);
      Duration d = c.duration();
      assertThat(c.calendar.plus(froms[0], d)).as("%s from %s and %s plus %s", c, froms[0], froms[1], d)
          .isBeforeOrEqualTo(c.calendar.plus(froms[1], d));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void betweenAddsUp(long seed) {
    Case c = new Case(seed);
    for (int i = 0; i < 10; i++) {
      Instant[] abc = c.sortedInstants(3);
      assertThat(c.calendar.between(abc[0], abc[1]).plus(c.calendar.between(abc[1], abc[2])))
          .as("%s at %s", c, Arrays.toString(abc))
          .isEqualTo(c.calendar.between(abc[0], abc[2]));
      assertThat(c.calendar.between(abc[1], abc[1])).isZero();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void betweenIsAtMostTheElapsedTime(long seed) {
    Case c = new Case(seed);
    for (int i = 0; i < 10; i++) {
      Instant[] ab = c.sortedInstants(2);
      assertThat(c.calendar.between(ab[0], ab[1])).as("%s at %s", c, Arrays.toString(ab))
          .isBetween(Duration.ZERO, Duration.between(ab[0], ab[1]));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plusLandsOnWorkingTimeOrTheEndOfAnInterval(long seed) {
    Case c = new Case(seed);
    for (int i = 0; i < 10; i++) {
      Instant from = c.instant();
      Duration d = c.duration().plusNanos(1);
      Instant due = c.calendar.plus(from, d);
      Instant justBefore = due.minusNanos(1);
      assertThat(c.calendar.isWorking(due) || c.calendar.isWorking(justBefore))
          .as("%s from %s plus %s is %s", c, from, d, due).isTrue();
      assertThat(c.calendar.between(from, justBefore)).as("earliest: %s from %s plus %s", c, from, d)
          .isLessThan(d);
      assertThat(due).isAfterOrEqualTo(from.plus(d));
      assertThat(c.calendar.plus(from, Duration.ZERO)).isEqualTo(from);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void skippingWeeksAgreesWithWalkingEveryDay(long seed) {
    Case c = new Case(seed);
    for (int i = 0; i < 5; i++) {
      Instant from = c.instant();
      Duration d = c.duration();
      Instant due = c.calendar.plus(from, d, new WorkingHours.Stepping(true));
      assertThat(c.calendar.plus(from, d, new WorkingHours.Stepping(false))).as("%s from %s plus %s", c, from, d)
          .isEqualTo(due);
      Instant[] ab = c.sortedInstants(2);
      assertThat(c.calendar.between(ab[0], ab[1], new WorkingHours.Stepping(false)))
          .as("%s at %s", c, Arrays.toString(ab))
          .isEqualTo(c.calendar.between(ab[0], ab[1], new WorkingHours.Stepping(true)));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void betweenCountsTheMinutesThatAreWorking(long seed) {
    Case c = new Case(seed);
    // Interval bounds and offset changes fall on whole minutes, so minutes are fine enough here.
    Instant from = c.instant().truncatedTo(ChronoUnit.MINUTES);
    Instant to = from.plus(Duration.ofHours(c.random.nextInt(49)));
    long working = 0;
    for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
      working += c.calendar.isWorking(minute) ? 1 : 0;
    }
    assertThat(c.calendar.between(from, to)).as("%s from %s to %s", c, from, to).isEqualTo(Duration.ofMinutes(working));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void isWorkingReadsTheWallClockAwayFromOffsetChanges(long seed) {
    Case c = new Case(seed);
    for (int i = 0; i < 50; i++) {
      Instant at = c.instant();
      if (c.nearOffsetChange(at)) {
        continue;
      }
      LocalDateTime local = LocalDateTime.ofInstant(at, c.calendar.zone());
      assertThat(c.calendar.isWorking(at)).as("%s at %s (%s)", c, at, local).isEqualTo(c.expectWorking(local));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void alwaysIsPlainArithmetic(long seed) {
    Case c = new Case(seed);
    BusinessCalendar always = BusinessCalendar.always();
    for (int i = 0; i < 10; i++) {
      Instant[] ab = c.sortedInstants(2);
      Duration d = c.duration();
      assertThat(always.plus(ab[0], d)).isEqualTo(ab[0].plus(d));
      assertThat(always.between(ab[0], ab[1])).isEqualTo(Duration.between(ab[0], ab[1]));
      assertThat(always.isWorking(ab[1])).isTrue();
    }
  }

  /**
   * A random calendar and a source of instants and durations; it keeps what it put in the calendar,
   * as an independent statement of the wall-clock rule.
   */
  private static final class Case {
    final Random random;
    final long seed;
    final WorkingHours calendar;
    private final Map<DayOfWeek, List<LocalTime[]>> week = new EnumMap<>(DayOfWeek.class);
    private final Map<LocalDate, List<LocalTime[]>> special = new HashMap<>();
    private final List<LocalDate> holidays = new ArrayList<>();
    private final List<Instant> changes = new ArrayList<>();

    Case(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      WorkingHours.Builder builder = WorkingHours.builder(zone);
      for (DayOfWeek day : DayOfWeek.values()) {
        if (random.nextInt(4) > 0) {
          List<LocalTime[]> intervals = intervals();
          week.put(day, intervals);
          intervals.forEach(interval -> builder.hours(day, interval[0], interval[1]));
        }
      }
      int holidayCount = random.nextInt(16);
      for (int i = 0; i < holidayCount; i++) {
        LocalDate date = date();
        holidays.add(date);
        builder.holiday(date);
      }
      int specialCount = random.nextInt(6);
      for (int i = 0; i < specialCount; i++) {
        LocalDate date = date();
        if (!holidays.contains(date) && !special.containsKey(date)) {
          List<LocalTime[]> intervals = intervals();
          special.put(date, intervals);
          intervals.forEach(interval -> builder.specialDay(date, interval[0], interval[1]));
        }
      }
      if (week.isEmpty() && special.isEmpty()) {
        LocalTime[] interval = {LocalTime.of(9, 0), LocalTime.of(17, 0)};
        week.put(DayOfWeek.MONDAY, List.<LocalTime[]>of(interval));
        builder.hours(DayOfWeek.MONDAY, interval[0], interval[1]);
      }
      this.calendar = builder.build();
      for (ZoneOffsetTransition t = zone.getRules().nextTransition(EARLIEST.minus(Duration.ofDays(800)));
          t != null && t.getInstant().isBefore(LATEST.plus(Duration.ofDays(800)));
          t = zone.getRules().nextTransition(t.getInstant())) {
        changes.add(t.getInstant());
      }
    }

    /** One to three disjoint intervals on a quarter-hour grid; 96 quarters is 24:00. */
    private List<LocalTime[]> intervals() {
      int count = 1 + random.nextInt(3);
      int[] bounds = random.ints(0, 97).distinct().limit(2L * count).sorted().toArray();
      List<LocalTime[]> intervals = new ArrayList<>();
      for (int i = 0; i < bounds.length; i += 2) {
        intervals.add(new LocalTime[] {quarter(bounds[i]), quarter(bounds[i + 1])});
      }
      return intervals;
    }

    private static LocalTime quarter(int quarter) {
      return quarter == 96 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(quarter * 900L);
    }

    private LocalDate date() {
      return LocalDate.of(2025, 1, 1).plusDays(random.nextInt(4 * 365));
    }

    /** An instant in 2025-2028, every third one within three hours of an offset change if the zone has them. */
    Instant instant() {
      Instant base;
      if (!changes.isEmpty() && random.nextInt(3) == 0) {
        base = changes.get(random.nextInt(changes.size())).plusSeconds(random.nextInt(6 * 3600) - 3 * 3600L);
      } else {
        base = EARLIEST.plusSeconds((long) (random.nextDouble() * Duration.between(EARLIEST, LATEST).getSeconds()));
      }
      return random.nextBoolean() ? base.truncatedTo(ChronoUnit.MINUTES) : base.plusNanos(random.nextInt(1_000_000_000));
    }

    Instant[] sortedInstants(int count) {
      Instant[] instants = new Instant[count];
      for (int i = 0; i < count; i++) {
        instants[i] = instant();
      }
      Arrays.sort(instants);
      return instants;
    }

    /** Zero, minutes, hours, or up to 800 hours; sometimes with nanoseconds. */
    Duration duration() {
      Duration d;
      switch (random.nextInt(4)) {
        case 0 -> d = Duration.ZERO;
        case 1 -> d = Duration.ofMinutes(1 + random.nextInt(600));
        case 2 -> d = Duration.ofSeconds(random.nextInt(100 * 3600));
        default -> d = Duration.ofMinutes(random.nextInt(800 * 60));
      }
      return random.nextInt(4) == 0 ? d.plusNanos(random.nextInt(1_000_000_000)) : d;
    }

    boolean nearOffsetChange(Instant at) {
      return changes.stream().anyMatch(change -> Duration.between(change, at).abs().compareTo(Duration.ofDays(1)) < 0);
    }

    /** The wall-clock rule: the local time lies in an interval of its local date. */
    boolean expectWorking(LocalDateTime local) {
      LocalDate date = local.toLocalDate();
      List<LocalTime[]> intervals = special.containsKey(date) ? special.get(date)
          : holidays.contains(date) ? List.of() : week.getOrDefault(date.getDayOfWeek(), List.of());
      LocalTime time = local.toLocalTime();
      return intervals.stream().anyMatch(interval -> !time.isBefore(interval[0])
          && (interval[1].equals(LocalTime.MIDNIGHT) || time.isBefore(interval[1])));
    }

    @Override
    public String toString() {
      return "seed " + seed + " " + calendar + " holidays " + holidays + " special " + special.keySet();
    }
  }
}
