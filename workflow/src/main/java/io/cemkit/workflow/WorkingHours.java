package io.cemkit.workflow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The standard {@link BusinessCalendar}: working intervals of local time for each day of the week,
 * read on the wall clock of one time zone, with holidays (no working time) and special days (their
 * own intervals instead of the weekday's, such as a short day before a holiday).
 *
 * <pre>{@code
 * WorkingHours office = WorkingHours.builder(ZoneId.of("Europe/Berlin"))
 *     .mondayToFriday(LocalTime.of(9, 0), LocalTime.of(13, 0))
 *     .mondayToFriday(LocalTime.of(14, 0), LocalTime.of(18, 0))
 *     .holiday(LocalDate.of(2026, 12, 25))
 *     .specialDay(LocalDate.of(2026, 12, 24), LocalTime.of(9, 0), LocalTime.of(12, 0))
 *     .build();
 * }</pre>
 *
 * <h2>Intervals</h2>
 *
 * <p>An interval {@code [start, end)} includes its start and excludes its end. An end of
 * {@link LocalTime#MIDNIGHT} (00:00) means 24:00, the end of the day, so
 * {@code hours(SATURDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)} is the whole of Saturday. An
 * interval never crosses midnight: a night shift from 22:00 to 06:00 is 22:00–24:00 on one day and
 * 00:00–06:00 on the next. A day's intervals are added in order; intervals that touch
 * (09:00–13:00 and 13:00–18:00) are joined into one.
 *
 * <h2>Time zones and daylight saving</h2>
 *
 * <p>An interval on a date covers the instants from the first moment the zone's wall clock
 * reaches its start on that date until the first moment the wall clock reaches its end. With no
 * offset change in between, that is simply the local times converted at the day's offset. Where
 * the clock jumps:
 *
 * <ul>
 *   <li>spring forward (a gap): a local time inside the gap is reached when the gap ends, at the
 *       transition. An interval spanning the gap is shorter by the gap (09:00 to 17:00 when the
 *       clocks skip 02:00–03:00 is unaffected, but 01:00–04:00 that night holds two hours of
 *       working time); an interval wholly inside the gap is empty;
 *   <li>fall back (an overlap): a local time inside the repeated hour is reached at its first
 *       occurrence (the earlier offset). An interval spanning the overlap is longer by it
 *       (01:00–04:00 holds four hours); an interval that starts before the repeated hour and ends in
 *       it stops at the end's first occurrence, and one that starts in it and ends after it includes
 *       the whole second pass.
 * </ul>
 *
 * <p>Days follow the same rule: a date runs from the first moment its wall clock reads 00:00 to the
 * first moment the next date's does.
 *
 * <h2>Cost and bounds</h2>
 *
 * <p>{@link #plus(Instant, Duration)} and {@link #between(Instant, Instant)} step a day at a time
 * only near holidays, special days and offset changes, and skip the weeks in between by
 * arithmetic, so their cost does not grow with the working time asked for. {@code plus} looks at
 * most 100 years ahead of {@code from}: if the working time asked for is not reached by then (for
 * example, holidays cover every day), it throws {@link IllegalStateException}.
 *
 * <p>Instances are immutable and thread-safe; two are equal when they have the same zone, weekly
 * hours, holidays and special days.
 */
public final class WorkingHours implements BusinessCalendar {
  /** How far {@link #plus} looks ahead before it gives up. */
  static final int SEARCH_YEARS = 100;

  private static final long NANOS_PER_DAY = 86_400_000_000_000L;
  private static final Duration NO_BUDGET = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Span>> week;
  private final NavigableSet<LocalDate> holidays;
  private final NavigableMap<LocalDate, List<Span>> specialDays;
  /** Holidays and special days: the dates a week-long skip must not jump over. */
  private final NavigableSet<LocalDate> irregular;
  /** The working time of a week without irregular dates or offset changes. */
  private final Duration weekly;
  private final ZoneRules rules;
  private final ZoneOffset fixedOffset;

  private WorkingHours(Builder builder) {
    this.zone = builder.zone;
    EnumMap<DayOfWeek, List<Span>> days = new EnumMap<>(DayOfWeek.class);
    Duration total = Duration.ZERO;
    for (DayOfWeek day : DayOfWeek.values()) {
      List<Span> spans = List.copyOf(builder.week.getOrDefault(day, List.of()));
      days.put(day, spans);
      for (Span span : spans) {
        total = total.plus(span.length());
      }
    }
    this.week = Collections.unmodifiableMap(days);
    this.weekly = total;
    this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(builder.holidays));
    TreeMap<LocalDate, List<Span>> special = new TreeMap<>();
    builder.specialDays.forEach((date, spans) -> special.put(date, List.copyOf(spans)));
    this.specialDays = Collections.unmodifiableNavigableMap(special);
    TreeSet<LocalDate> dates = new TreeSet<>(holidays);
    dates.addAll(specialDays.keySet());
    this.irregular = Collections.unmodifiableNavigableSet(dates);
    this.rules = zone.getRules();
    this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
  }

  /**
   * Starts a calendar.
   *
   * @param zone the zone whose wall clock the hours are read on
   * @return a builder
   * @throws NullPointerException if {@code zone} is null
   */
  public static Builder builder(ZoneId zone) {
    return new Builder(zone);
  }

  /**
   * Monday to Friday from {@code start} to {@code end}, no holidays.
   *
   * @param zone the zone
   * @param start the daily start
   * @param end the daily end ({@link LocalTime#MIDNIGHT} for 24:00)
   * @return the calendar
   * @throws IllegalArgumentException if {@code end} is not after {@code start}
   */
  public static WorkingHours mondayToFriday(ZoneId zone, LocalTime start, LocalTime end) {
    return builder(zone).mondayToFriday(start, end).build();
  }

  /**
   * The zone whose wall clock the hours are read on.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The holidays: dates without working time.
   *
   * @return the dates, sorted, unmodifiable
   */
  public SortedSet<LocalDate> holidays() {
    return holidays;
  }

  /**
   * The dates that have their own intervals instead of their weekday's.
   *
   * @return the dates, sorted, unmodifiable
   */
  public SortedSet<LocalDate> specialDays() {
    return specialDays.navigableKeySet();
  }

  @Override
  public Instant plus(Instant from, Duration workingTime) {
    return plus(from, workingTime, new Stepping(true));
  }

  @Override
  public Duration between(Instant from, Instant to) {
    return between(from, to, new Stepping(true));
  }

  @Override
  public boolean isWorking(Instant at) {
    Objects.requireNonNull(at, "at");
    LocalDate day = dayOf(at);
    for (Piece piece : workingOn(day, startOf(day), startOf(day.plusDays(1)))) {
      if (at.isBefore(piece.start)) {
        return false;
      }
      if (at.isBefore(piece.end)) {
        return true;
      }
    }
    return false;
  }

  Instant plus(Instant from, Duration workingTime, Stepping stepping) {
    CalendarArguments.plus(from, workingTime);
    if (workingTime.isZero()) {
      return from;
    }
    return walk(from, workingTime, null, stepping).cursor;
  }

  Duration between(Instant from, Instant to, Stepping stepping) {
    CalendarArguments.between(from, to);
    return walk(from, NO_BUDGET, to, stepping).worked;
  }

  /**
   * Counts working time from {@code from} until {@code budget} of it has passed (the cursor then
   * stops where it ran out) or {@code until} is reached, whichever comes first.
   */
  private Walk walk(Instant from, Duration budget, Instant until, Stepping stepping) {
    Walk walk = new Walk(from, dayOf(from));
    LocalDate limit = until == null ? LocalDate.ofInstant(from, zone).plusYears(SEARCH_YEARS) : null;
    while (until == null || walk.cursor.isBefore(until)) {
      if (limit != null && walk.day.isAfter(limit)) {
        throw new IllegalStateException("plus(" + from + ", " + budget + ") is more than " + SEARCH_YEARS
            + " years away on " + this + "; check its holidays and special days");
      }
      Instant dayStart = startOf(walk.day);
      if (stepping.skipWeeks && walk.cursor.equals(dayStart) && skipWeeks(walk, budget, until, limit, stepping)) {
        continue;
      }
      stepping.days++;
      Instant dayEnd = startOf(walk.day.plusDays(1));
      for (Piece piece : workingOn(walk.day, dayStart, dayEnd)) {
        Instant start = max(piece.start, walk.cursor);
        Instant end = until != null && until.isBefore(piece.end) ? until : piece.end;
        if (!start.isBefore(end)) {
          continue;
        }
        Duration length = Duration.between(start, end);
        Duration left = budget.minus(walk.worked);
        if (left.compareTo(length) <= 0) {
          walk.cursor = start.plus(left);
          walk.worked = budget;
          return walk;
        }
        walk.worked = walk.worked.plus(length);
      }
      walk.day = walk.day.plusDays(1);
      walk.cursor = dayEnd;
    }
    return walk;
  }

  /**
   * Jumps over whole weeks from the start of the walk's day while each holds exactly
   * {@link #weekly} working time: no holiday or special day, no offset change, and the budget and
   * {@code until} lie beyond them. Returns whether it moved.
   */
  private boolean skipWeeks(Walk walk, Duration budget, Instant until, LocalDate limit, Stepping stepping) {
    LocalDate next = irregular.ceiling(walk.day);
    long weeks = next == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(walk.day, next) / 7;
    ZoneOffset offset = rules.getOffset(walk.cursor);
    // A change at the very start of the day (a gap at midnight) shortens that day too.
    ZoneOffsetTransition transition = rules.nextTransition(walk.cursor.minusNanos(1));
    // With one offset throughout, date D + 7k starts no later than an instant whose local date at
    // that offset is D + 7k or later. The date before a change is kept out of the skip: when the
    // clock falls back across midnight (Santiago), that date runs on past the change.
    if (transition != null) {
      weeks = Math.min(weeks, (ChronoUnit.DAYS.between(walk.day, localDate(transition.getInstant(), offset)) - 1) / 7);
    }
    if (until != null) {
      weeks = Math.min(weeks, ChronoUnit.DAYS.between(walk.day, localDate(until, offset)) / 7);
    }
    if (limit != null) {
      weeks = Math.min(weeks, ChronoUnit.DAYS.between(walk.day, limit) / 7 + 1);
    }
    if (!weekly.isZero()) {
      // Leave some budget, so that the answer is found inside a day and is the earliest instant.
      weeks = Math.min(weeks, budget.minus(walk.worked).minusNanos(1).dividedBy(weekly));
    }
    if (weeks <= 0) {
      return false;
    }
    walk.worked = walk.worked.plus(weekly.multipliedBy(weeks));
    walk.day = walk.day.plusDays(7 * weeks);
    walk.cursor = startOf(walk.day);
    stepping.weeks += weeks;
    return true;
  }

  private static LocalDate localDate(Instant instant, ZoneOffset offset) {
    return instant.atOffset(offset).toLocalDate();
  }

  /** The working pieces of a date as instants, sorted and within the date's own span. */
  private List<Piece> workingOn(LocalDate day, Instant dayStart, Instant dayEnd) {
    List<Span> spans = spansOn(day);
    List<Piece> pieces = new ArrayList<>(spans.size());
    for (Span span : spans) {
      Instant start = max(resolve(day.atTime(span.start)), dayStart);
      Instant end = span.untilMidnight() ? dayEnd : min(resolve(day.atTime(span.end)), dayEnd);
      if (start.isBefore(end)) {
        pieces.add(new Piece(start, end));
      }
    }
    return pieces;
  }

  private List<Span> spansOn(LocalDate day) {
    List<Span> special = specialDays.get(day);
    if (special != null) {
      return special;
    }
    return holidays.contains(day) ? List.of() : week.get(day.getDayOfWeek());
  }

  /** The date an instant belongs to (see the class comment on days). */
  private LocalDate dayOf(Instant at) {
    LocalDate day = LocalDate.ofInstant(at, zone);
    // After a fall-back across midnight the wall clock shows the old date once the new one has begun.
    while (!at.isBefore(startOf(day.plusDays(1)))) {
      day = day.plusDays(1);
    }
    return day;
  }

  private Instant startOf(LocalDate day) {
    return resolve(day.atStartOfDay());
  }

  /** The first instant at which the wall clock reaches {@code local}. */
  private Instant resolve(LocalDateTime local) {
    if (fixedOffset != null) {
      return local.toInstant(fixedOffset);
    }
    ZoneOffsetTransition transition = rules.getTransition(local);
    if (transition == null) {
      return local.toInstant(rules.getOffset(local));
    }
    return transition.isGap() ? transition.getInstant() : local.toInstant(transition.getOffsetBefore());
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WorkingHours that && zone.equals(that.zone) && week.equals(that.week)
        && holidays.equals(that.holidays) && specialDays.equals(that.specialDays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, week, holidays, specialDays);
  }

  /**
   * The zone and the week, with days of equal hours grouped, and how many holidays and special days
   * there are, for example
   * {@code WorkingHours[Asia/Jerusalem MON-THU 08:30-17:00, FRI 08:30-12:30, SUN 08:30-17:00; 9 holidays]}.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("WorkingHours[").append(zone);
    DayOfWeek[] days = DayOfWeek.values();
    String separator = " ";
    for (int i = 0; i < days.length; i++) {
      List<Span> spans = week.get(days[i]);
      if (spans.isEmpty()) {
        continue;
      }
      int last = i;
      while (last + 1 < days.length && week.get(days[last + 1]).equals(spans)) {
        last++;
      }
      text.append(separator).append(abbreviation(days[i]));
      if (last > i) {
        text.append('-').append(abbreviation(days[last]));
      }
      for (Span span : spans) {
        text.append(' ').append(span);
      }
      separator = ", ";
      i = last;
    }
    if (weekly.isZero()) {
      text.append(" no weekly hours");
    }
    appendCount(text, holidays.size(), "holiday");
    appendCount(text, specialDays.size(), "special day");
    return text.append(']').toString();
  }

  private static String abbreviation(DayOfWeek day) {
    return day.name().substring(0, 3);
  }

  private static void appendCount(StringBuilder text, int count, String noun) {
    if (count > 0) {
      text.append("; ").append(count).append(' ').append(noun).append(count == 1 ? "" : "s");
    }
  }

  /** Builds {@link WorkingHours}; not thread-safe. */
  public static final class Builder {
    private final ZoneId zone;
    private final Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays = new TreeSet<>();
    private final Map<LocalDate, List<Span>> specialDays = new TreeMap<>();

    private Builder(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Adds a working interval to a day of the week. Call it again for a second interval the same
     * day, later than the first (for example 09:00–13:00, then 14:00–18:00).
     *
     * @param day the day of the week
     * @param start the interval's first working time
     * @param end the interval's end, excluded; {@link LocalTime#MIDNIGHT} means 24:00
     * @return this builder
     * @throws IllegalArgumentException if the interval is empty, ends before it starts, overlaps
     *     or precedes one the day already has
     */
    public Builder hours(DayOfWeek day, LocalTime start, LocalTime end) {
      Objects.requireNonNull(day, "day");
      add(week, day, day.toString(), start, end);
      return this;
    }

    /**
     * Adds the same working interval to several days of the week.
     *
     * @param days the days of the week
     * @param start the interval's first working time
     * @param end the interval's end, excluded; {@link LocalTime#MIDNIGHT} means 24:00
     * @return this builder
     * @throws IllegalArgumentException as {@link #hours(DayOfWeek, LocalTime, LocalTime)}
     */
    public Builder hours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
      Objects.requireNonNull(days, "days");
      Set<DayOfWeek> sorted = EnumSet.noneOf(DayOfWeek.class);
      sorted.addAll(days);
      for (DayOfWeek day : sorted) {
        hours(day, start, end);
      }
      return this;
    }

    /**
     * Adds a working interval to Monday through Friday.
     *
     * @param start the interval's first working time
     * @param end the interval's end, excluded; {@link LocalTime#MIDNIGHT} means 24:00
     * @return this builder
     * @throws IllegalArgumentException as {@link #hours(DayOfWeek, LocalTime, LocalTime)}
     */
    public Builder mondayToFriday(LocalTime start, LocalTime end) {
      return hours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end);
    }

    /**
     * Adds a working interval to Sunday through Thursday, the working week in Israel (where Friday
     * is often a short day: add it with {@link #hours(DayOfWeek, LocalTime, LocalTime)}).
     *
     * @param start the interval's first working time
     * @param end the interval's end, excluded; {@link LocalTime#MIDNIGHT} means 24:00
     * @return this builder
     * @throws IllegalArgumentException as {@link #hours(DayOfWeek, LocalTime, LocalTime)}
     */
    public Builder sundayToThursday(LocalTime start, LocalTime end) {
      hours(DayOfWeek.SUNDAY, start, end);
      return hours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), start, end);
    }

    /**
     * Makes a date a holiday: no working time at all that day.
     *
     * @param date the date
     * @return this builder
     */
    public Builder holiday(LocalDate date) {
      holidays.add(Objects.requireNonNull(date, "date"));
      return this;
    }

    /**
     * Makes dates holidays.
     *
     * @param dates the dates
     * @return this builder
     */
    public Builder holidays(Collection<LocalDate> dates) {
      Objects.requireNonNull(dates, "dates");
      dates.forEach(this::holiday);
      return this;
    }

    /**
     * Adds a working interval to a special day, whose intervals replace those of its day of the week
     * (for example a short day before a holiday). Call it again for a second interval that day.
     *
     * @param date the date
     * @param start the interval's first working time
     * @param end the interval's end, excluded; {@link LocalTime#MIDNIGHT} means 24:00
     * @return this builder
     * @throws IllegalArgumentException as {@link #hours(DayOfWeek, LocalTime, LocalTime)}
     */
    public Builder specialDay(LocalDate date, LocalTime start, LocalTime end) {
      Objects.requireNonNull(date, "date");
      add(specialDays, date, "special day " + date, start, end);
      return this;
    }

    /**
     * Builds the calendar.
     *
     * @return the calendar
     * @throws IllegalArgumentException if a date is both a holiday and a special day, or if the
     *     calendar has no working time at all
     */
    public WorkingHours build() {
      for (LocalDate date : specialDays.keySet()) {
        if (holidays.contains(date)) {
          throw new IllegalArgumentException("WorkingHours " + zone + ": " + date
              + " is both a holiday and a special day; keep one");
        }
      }
      if (week.isEmpty() && specialDays.isEmpty()) {
        throw new IllegalArgumentException("WorkingHours " + zone
            + " has no working time: add hours to a day of the week or a special day");
      }
      return new WorkingHours(this);
    }

    private <K> void add(Map<K, List<Span>> days, K key, String owner, LocalTime start, LocalTime end) {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      Span span = new Span(start, end);
      String prefix = "WorkingHours " + zone + " " + owner + ": interval " + span;
      if (span.endNanos() <= span.startNanos()) {
        throw new IllegalArgumentException(prefix + (start.equals(end) ? " is empty" : " ends before it starts")
            + "; an interval to the end of the day ends at LocalTime.MIDNIGHT (24:00)");
      }
      List<Span> spans = days.get(key);
      if (spans == null) {
        days.put(key, new ArrayList<>(List.of(span)));
        return;
      }
      Span last = spans.get(spans.size() - 1);
      if (span.startNanos() < last.startNanos()) {
        throw new IllegalArgumentException(prefix + " comes before " + last + "; add a day's intervals in order");
      }
      if (span.startNanos() < last.endNanos()) {
        throw new IllegalArgumentException(prefix + " overlaps " + last);
      }
      if (span.startNanos() == last.endNanos()) {
        spans.set(spans.size() - 1, new Span(last.start, span.end));
      } else {
        spans.add(span);
      }
    }
  }

  /** Counts the work of one call, so tests can see that long spans are not walked day by day. */
  static final class Stepping {
    final boolean skipWeeks;
    long days;
    long weeks;

    Stepping(boolean skipWeeks) {
      this.skipWeeks = skipWeeks;
    }
  }

  /** Where a walk has got to: the date, the instant, and the working time counted so far. */
  private static final class Walk {
    Instant cursor;
    LocalDate day;
    Duration worked = Duration.ZERO;

    Walk(Instant cursor, LocalDate day) {
      this.cursor = cursor;
      this.day = day;
    }
  }

  /** A working interval of local time; an end of {@link LocalTime#MIDNIGHT} is 24:00. */
  private record Span(LocalTime start, LocalTime end) {
    boolean untilMidnight() {
      return end.equals(LocalTime.MIDNIGHT);
    }

    long startNanos() {
      return start.toNanoOfDay();
    }

    long endNanos() {
      return untilMidnight() ? NANOS_PER_DAY : end.toNanoOfDay();
    }

    Duration length() {
      return Duration.ofNanos(endNanos() - startNanos());
    }

    @Override
    public String toString() {
      return start + "-" + (untilMidnight() ? "24:00" : end);
    }
  }

  /** A working interval of instants. */
  private record Piece(Instant start, Instant end) {}
}
