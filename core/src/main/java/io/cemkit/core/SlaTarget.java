package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The service levels an entitlement promises: time to first response and time to resolution,
 * optionally counted on a named business calendar (working hours, holidays) that the workflow
 * module resolves. Without a calendar the durations run around the clock.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSlaTarget.class)
@JsonDeserialize(as = ImmutableSlaTarget.class)
public abstract class SlaTarget {
  SlaTarget() {}

  /**
   * Time allowed until the first response.
   *
   * @return a positive duration
   */
  public abstract Duration firstResponse();

  /**
   * Time allowed until resolution; at least {@link #firstResponse()}.
   *
   * @return a positive duration
   */
  public abstract Duration resolution();

  /**
   * The business calendar's id, if the durations count working time only.
   *
   * @return the calendar id
   */
  public abstract Optional<String> calendar();

  /**
   * Targets that run around the clock.
   *
   * @param firstResponse time to first response
   * @param resolution time to resolution
   * @return the targets
   */
  public static SlaTarget of(Duration firstResponse, Duration resolution) {
    return ImmutableSlaTarget.builder().firstResponse(firstResponse).resolution(resolution).build();
  }

  /**
   * Targets counted on a business calendar.
   *
   * @param firstResponse time to first response
   * @param resolution time to resolution
   * @param calendar the calendar's id
   * @return the targets
   */
  public static SlaTarget of(Duration firstResponse, Duration resolution, String calendar) {
    return ImmutableSlaTarget.builder().firstResponse(firstResponse).resolution(resolution).calendar(calendar).build();
  }

  @Value.Check
  void check() {
    Checks.check(!firstResponse().isNegative() && !firstResponse().isZero(),
        "SlaTarget.firstResponse must be positive, was %s", firstResponse());
    Checks.check(resolution().compareTo(firstResponse()) >= 0,
        "SlaTarget.resolution (%s) must not be shorter than firstResponse (%s)", resolution(), firstResponse());
    calendar().ifPresent(c -> Checks.code("SlaTarget.calendar", c));
  }
}
