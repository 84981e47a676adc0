package io.cemkit.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When work happens, so that an SLA's durations count working time only (W4): a
 * {@link io.cemkit.core.SlaTarget} names a calendar by id and the workflow module resolves the id to
 * a {@code BusinessCalendar}. {@link #workingHours(ZoneId)} builds the standard one (weekly hours in
 * a time zone, holidays, special days); {@link #always()} counts around the clock; a host may
 * implement the interface itself, for example over its own holiday service.
 *
 * <pre>{@code
 * BusinessCalendar calendar = BusinessCalendar.workingHours(ZoneId.of("Asia/Jerusalem"))
 *     .sundayToThursday(LocalTime.of(8, 30), LocalTime.of(17, 0))
 *     .hours(DayOfWeek.FRIDAY, LocalTime.of(8, 30), LocalTime.of(12, 30))
 *     .holiday(LocalDate.of(2026, 9, 12))
 *     .build();
 * Instant due = calendar.plus(startedAt, Duration.ofHours(8));
 * }</pre>
 *
 * <h2>Contract</h2>
 *
 * <p>An implementation defines its <em>working time</em>: a set of instants on the time-line (not
 * of local times) that is a union of disjoint half-open intervals {@code [start, end)}. How local
 * hours, time zones and daylight-saving changes map to instants is the implementation's business
 * ({@link WorkingHours} documents its rule); the methods only see instants, to the nanosecond. The
 * three methods must agree with that one set:
 *
 * <ul>
 *   <li>{@link #isWorking(Instant) isWorking(t)} is true exactly when {@code t} is in the set, so
 *       the start of a working interval is working and its end is not;
 *   <li>{@link #between(Instant, Instant) between(a, b)} is the total length of the set within
 *       {@code [a, b)}, and zero when {@code a} equals {@code b};
 *   <li>{@link #plus(Instant, Duration) plus(a, d)} is {@code a} when {@code d} is zero, and
 *       otherwise the earliest instant {@code t} with {@code between(a, t)} equal to {@code d}:
 *       counting starts at {@code a}, or at the next working instant if {@code a} is outside working
 *       time, and the answer is a working instant or the end of a working interval, never earlier
 *       than {@code a.plus(d)}.
 * </ul>
 *
 * <p>It follows that, for {@code a <= b <= c} and non-negative {@code d <= e}:
 * {@code between(a, plus(a, d)) == d}; {@code plus(a, d) <= plus(a, e)} and
 * {@code plus(a, d) <= plus(b, d)}; {@code between(a, b) + between(b, c) == between(a, c)}; and
 * {@code between(a, b) <= Duration.between(a, b)}. The workflow module relies on these laws.
 *
 * <p>Implementations are immutable and safe to share between threads. Errors: a {@code null}
 * argument throws {@link NullPointerException} naming the parameter; a negative working time, or
 * {@code to} before {@code from}, throws {@link IllegalArgumentException} naming the values; a
 * calendar that cannot reach the requested working time within its search bound throws
 * {@link IllegalStateException}.
 */
public interface BusinessCalendar {

  /**
   * The instant at which {@code workingTime} of working time has elapsed, counting from {@code from}
   * (or from the next working instant if {@code from} is outside working time).
   *
   * @param from where counting starts
   * @param workingTime how much working time must elapse; zero returns {@code from} unchanged
   * @return the earliest instant {@code t} with {@code between(from, t)} equal to
   *     {@code workingTime}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code workingTime} is negative
   * @throws IllegalStateException if the calendar has too little working time to reach the answer
   *     within its search bound
   */
  Instant plus(Instant from, Duration workingTime);

  /**
   * The working time within the half-open interval {@code [from, to)}.
   *
   * @param from the first instant counted
   * @param to the first instant not counted; not before {@code from}
   * @return the working time, between zero and {@code Duration.between(from, to)}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  Duration between(Instant from, Instant to);

  /**
   * Whether an instant is working time.
   *
   * @param at the instant
   * @return true if {@code at} lies in a working interval (its start included, its end excluded)
   * @throws NullPointerException if {@code at} is null
   */
  boolean isWorking(Instant at);

  /**
   * A calendar that works around the clock: {@code plus(from, d)} is {@code from.plus(d)} and
   * {@code between(from, to)} is {@code Duration.between(from, to)}. This is how an SLA without a
   * calendar counts.
   *
   * @return the calendar, a shared instance
   */
  static BusinessCalendar always() {
    return AlwaysCalendar.INSTANCE;
  }

  /**
   * Starts the standard calendar: weekly working hours in a time zone, with holidays and special
   * days. Same as {@link WorkingHours#builder(ZoneId)}.
   *
   * @param zone the zone whose wall clock the hours are read on
   * @return a builder
   * @throws NullPointerException if {@code zone} is null
   */
  static WorkingHours.Builder workingHours(ZoneId zone) {
    return WorkingHours.builder(zone);
  }
}
