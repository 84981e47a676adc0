package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A span of calendar days from {@code start} to {@code end}, both inclusive; an empty end means
 * open-ended. An agreement's term, an entitlement's validity, a charge's service period.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDateRange.class)
@JsonDeserialize(as = ImmutableDateRange.class)
public abstract class DateRange {
  DateRange() {}

  /**
   * The first day.
   *
   * @return the start
   */
  @Value.Parameter
  public abstract LocalDate start();

  /**
   * The last day (inclusive); empty if open-ended.
   *
   * @return the end
   */
  @Value.Parameter
  public abstract Optional<LocalDate> end();

  /**
   * The days from {@code start} to {@code end}, inclusive.
   *
   * @param start the first day
   * @param end the last day, not before {@code start}
   * @return the range
   * @throws IllegalArgumentException if {@code end} is before {@code start}
   */
  public static DateRange of(LocalDate start, LocalDate end) {
    return ImmutableDateRange.of(start, Optional.of(Objects.requireNonNull(end, "end")));
  }

  /**
   * An open-ended range.
   *
   * @param start the first day
   * @return the range
   */
  public static DateRange from(LocalDate start) {
    return ImmutableDateRange.of(start, Optional.empty());
  }

  /**
   * The day after the last day; empty if open-ended.
   *
   * @return the exclusive end
   */
  public Optional<LocalDate> endExclusive() {
    return end().map(d -> d.plusDays(1));
  }

  /**
   * Whether {@code date} lies within the range.
   *
   * @param date the date
   * @return true if {@code start <= date <= end}
   */
  public boolean contains(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return !date.isBefore(start()) && end().map(e -> !date.isAfter(e)).orElse(true);
  }

  @Value.Check
  void check() {
    end().ifPresent(e -> Checks.check(!e.isBefore(start()), "DateRange end %s is before its start %s", e, start()));
  }

  /** {@code start..end}, or {@code start..} when open. */
  @Override
  public String toString() {
    return start() + ".." + end().map(LocalDate::toString).orElse("");
  }
}
