package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * A distribution of durations (W5): how many, their sum, the smallest, the median, the 90th
 * percentile and the largest. All are zero when the count is zero.
 *
 * <p>Percentiles are exact, by linear interpolation between closest ranks, the method numpy uses by
 * default (Hyndman and Fan's type 7): for sorted values {@code x[0..n-1]} and a percentile
 * {@code p}, the position is {@code h = (n - 1) * p / 100}; the result is
 * {@code x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)])}, rounded down to the
 * nanosecond. So the median of an even count is the mean of the two middle values, and the p90 of
 * {@code 1..10} minutes is 9 min 6 s.
 *
 * <p>JSON: the components by name, durations as ISO-8601 text:
 * {@code {"count": 3, "max": "PT7M", "median": "PT5M", "min": "PT2M", "p90": "PT6M36S", "total": "PT14M"}}.
 *
 * @param count how many durations
 * @param total their sum
 * @param min the smallest
 * @param median the 50th percentile
 * @param p90 the 90th percentile
 * @param max the largest
 */
public record Distribution(@JsonProperty(required = true) long count, @JsonProperty(required = true) Duration total,
    @JsonProperty(required = true) Duration min, @JsonProperty(required = true) Duration median,
    @JsonProperty(required = true) Duration p90, @JsonProperty(required = true) Duration max) {

  /** The distribution of nothing. */
  public static final Distribution EMPTY = new Distribution(0, Duration.ZERO, Duration.ZERO, Duration.ZERO,
      Duration.ZERO, Duration.ZERO);

  /**
   * Checks the parts.
   *
   * @param count the count
   * @param total the sum
   * @param min the smallest
   * @param median the median
   * @param p90 the 90th percentile
   * @param max the largest
   * @throws IllegalArgumentException if the count is negative or the values are out of order
   */
  public Distribution {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(median, "median");
    Objects.requireNonNull(p90, "p90");
    Objects.requireNonNull(max, "max");
    if (count < 0) {
      throw new IllegalArgumentException("Distribution.count must be at least 0, was " + count);
    }
    if (min.compareTo(median) > 0 || median.compareTo(p90) > 0 || p90.compareTo(max) > 0) {
      throw new IllegalArgumentException("Distribution values must satisfy min <= median <= p90 <= max, were "
          + min + ", " + median + ", " + p90 + ", " + max);
    }
  }

  /**
   * The distribution of some durations.
   *
   * @param durations the durations, none negative
   * @return the distribution
   * @throws IllegalArgumentException if a duration is negative
   */
  public static Distribution of(Collection<Duration> durations) {
    Objects.requireNonNull(durations, "durations");
    long[] nanos = new long[durations.size()];
    int i = 0;
    for (Duration d : durations) {
      Objects.requireNonNull(d, "durations[" + i + "]");
      if (d.isNegative()) {
        throw new IllegalArgumentException("durations[" + i + "] must not be negative, was " + d);
      }
      nanos[i++] = d.toNanos();
    }
    return ofNanos(nanos);
  }

  /** Sorts the array it is given. */
  static Distribution ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      return EMPTY;
    }
    Arrays.sort(nanos);
    long total = 0;
    for (long n : nanos) {
      total = Math.addExact(total, n);
    }
    return new Distribution(nanos.length, Duration.ofNanos(total), Duration.ofNanos(nanos[0]),
        Duration.ofNanos(percentile(nanos, 50)), Duration.ofNanos(percentile(nanos, 90)),
        Duration.ofNanos(nanos[nanos.length - 1]));
  }

  /**
   * The percentile of sorted values by linear interpolation (numpy's default), rounded down.
   *
   * @param sorted the values, ascending, at least one
   * @param percent the percentile, 0 to 100
   * @return the value
   */
  static long percentile(long[] sorted, int percent) {
    // h = (n - 1) * percent / 100, kept as a whole part and a remainder in hundredths: exact.
    long scaled = (long) (sorted.length - 1) * percent;
    int below = (int) (scaled / 100);
    long hundredths = scaled % 100;
    if (hundredths == 0) {
      return sorted[below];
    }
    BigInteger gap = BigInteger.valueOf(sorted[below + 1]).subtract(BigInteger.valueOf(sorted[below]));
    return sorted[below]
        + gap.multiply(BigInteger.valueOf(hundredths)).divide(BigInteger.valueOf(100)).longValueExact();
  }
}
