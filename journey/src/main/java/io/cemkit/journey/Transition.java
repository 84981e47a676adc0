package io.cemkit.journey;

import java.util.Objects;

/**
 * An edge of the observed transition graph (J6), the directly-follows relation of process mining: customers
 * who were at {@code from} and whose next event was at {@code to}. A repeated touchpoint (the same code
 * twice in a row) counts as a self-transition, as in PM4Py's directly-follows graph, so the counts add up to
 * the number of events minus the number of customers with an event.
 *
 * <p>The gap of one transition is the time from the event at {@code from} to the next event, in seconds as
 * a decimal number (nanosecond precision); a gap longer than 2<sup>63</sup> − 1 nanoseconds (about 292
 * years, only possible between times more than 292 years apart) counts as that. The median of an even
 * number of gaps is the mean of the two middle ones; in {@linkplain GapMedian#APPROXIMATE approximate} mode
 * it is within 1 % of the exact one.
 *
 * @param from the touchpoint (or stage) left
 * @param to the touchpoint (or stage) reached next
 * @param count how many times, at least 1
 * @param meanGapSeconds the mean gap
 * @param medianGapSeconds the median gap
 */
public record Transition(String from, String to, long count, double meanGapSeconds, double medianGapSeconds) {
  /**
   * Checks the ends.
   *
   * @param from the touchpoint (or stage) left
   * @param to the touchpoint (or stage) reached next
   * @param count how many times
   * @param meanGapSeconds the mean gap
   * @param medianGapSeconds the median gap
   */
  public Transition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
