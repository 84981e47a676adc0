package io.cemkit.journey;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One step of a measured {@link Funnel}.
 *
 * <p>Time to convert is measured per customer who reached the step: from the s0 event that starts the
 * sequence to the first event that completes step i, the start being the latest s0 from which that event
 * completes it (within the window, if any). It is empty at step 0 and when nobody reached the step. A time
 * to convert longer than 2<sup>63</sup> − 1 nanoseconds (about 292 years) counts as that, also against the
 * window. The median of an even number of times is the mean of the two middle ones.
 *
 * <p>Drop-off: the customers who reached the previous step but not this one. What they did next is the
 * touchpoint of the event right after the one that completed their last step, or {@code (end)} when it was
 * their last event.
 *
 * @param stage the step's stage code
 * @param customers the customers who reached it
 * @param conversion customers here / customers at the previous step (1 at step 0, 0 when the previous step
 *     had none)
 * @param overallConversion customers here / customers at step 0 (0 when step 0 had none)
 * @param dropOff the customers at the previous step who did not reach this one (0 at step 0)
 * @param medianSecondsToConvert the median time to convert, in seconds
 * @param meanSecondsToConvert the mean time to convert, in seconds
 * @param nextAfterDropOff what the dropped customers did next: touchpoint code (or {@code (end)}) to count,
 *     most frequent first, ties by code
 */
public record FunnelStep(String stage, long customers, double conversion, double overallConversion, long dropOff,
    OptionalDouble medianSecondsToConvert, OptionalDouble meanSecondsToConvert, Map<String, Long> nextAfterDropOff) {
  /** What "did next" says when the customer had no further event. */
  public static final String END = "(end)";

  /**
   * Copies the map, keeping its order.
   *
   * @param stage the stage
   * @param customers the customers
   * @param conversion the step conversion
   * @param overallConversion the overall conversion
   * @param dropOff the drop-off
   * @param medianSecondsToConvert the median
   * @param meanSecondsToConvert the mean
   * @param nextAfterDropOff the next actions
   */
  public FunnelStep {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(medianSecondsToConvert, "medianSecondsToConvert");
    Objects.requireNonNull(meanSecondsToConvert, "meanSecondsToConvert");
    nextAfterDropOff = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
        Objects.requireNonNull(nextAfterDropOff, "nextAfterDropOff")));
  }
}
