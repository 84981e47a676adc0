package io.cemkit.nps;

import java.time.Instant;
import java.util.Objects;

/**
 * One rolling window: the answers given in {@code [start, end)}.
 *
 * @param start the first instant, inclusive
 * @param end the end, exclusive
 * @param tally the answers in the window
 */
public record NpsWindow(Instant start, Instant end, NpsTally tally) {
  /**
   * Checks the parts.
   *
   * @param start the start
   * @param end the end
   * @param tally the tally
   */
  public NpsWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(tally, "tally");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("NpsWindow start " + start + " must be before end " + end);
    }
  }
}
