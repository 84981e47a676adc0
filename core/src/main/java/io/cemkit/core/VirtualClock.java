package io.cemkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock that only moves when told to: for tests, demos and simulations of SLAs and follow-ups
 * ("two hours later…"). Thread-safe; {@link #withZone} returns a view that shares the same time.
 */
public final class VirtualClock extends Clock {
  private final ZoneId zone;
  private final Instant[] now;

  private VirtualClock(Instant[] now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at an instant, in UTC.
   *
   * @param start the instant
   * @return the clock
   */
  public static VirtualClock at(Instant start) {
    return new VirtualClock(new Instant[] {Objects.requireNonNull(start, "start")}, ZoneId.of("UTC"));
  }

  /**
   * Moves the clock forward.
   *
   * @param by how far, not negative
   * @return the new instant
   * @throws IllegalArgumentException if {@code by} is negative
   */
  public Instant advance(Duration by) {
    Objects.requireNonNull(by, "by");
    if (by.isNegative()) {
      throw new IllegalArgumentException("VirtualClock moves forward only; advance(" + by + ") is negative");
    }
    synchronized (now) {
      now[0] = now[0].plus(by);
      return now[0];
    }
  }

  @Override
  public Instant instant() {
    synchronized (now) {
      return now[0];
    }
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new VirtualClock(now, Objects.requireNonNull(newZone, "zone"));
  }

  @Override
  public String toString() {
    return "VirtualClock[" + instant() + ", " + zone + "]";
  }
}
