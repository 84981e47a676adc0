package io.cemkit.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The around-the-clock calendar behind {@link BusinessCalendar#always()}. */
final class AlwaysCalendar implements BusinessCalendar {
  static final AlwaysCalendar INSTANCE = new AlwaysCalendar();

  private AlwaysCalendar() {}

  @Override
  public Instant plus(Instant from, Duration workingTime) {
    CalendarArguments.plus(from, workingTime);
    return from.plus(workingTime);
  }

  @Override
  public Duration between(Instant from, Instant to) {
    CalendarArguments.between(from, to);
    return Duration.between(from, to);
  }

  @Override
  public boolean isWorking(Instant at) {
    Objects.requireNonNull(at, "at");
    return true;
  }

  @Override
  public String toString() {
    return "BusinessCalendar.always()";
  }
}
