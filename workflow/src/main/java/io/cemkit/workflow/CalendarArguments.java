package io.cemkit.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The argument checks every shipped {@link BusinessCalendar} makes, so their messages agree. */
final class CalendarArguments {
  private CalendarArguments() {}

  static void plus(Instant from, Duration workingTime) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(workingTime, "workingTime");
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("workingTime must not be negative, was " + workingTime);
    }
  }

  static void between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
    }
  }
}
