package io.cemkit.nps;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A closed interval of NPS points (or of a difference in points), written to JSON as
 * {@code [low, high]}.
 *
 * @param low the lower bound
 * @param high the upper bound, not below {@code low}
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"low", "high"})
public record Interval(@JsonProperty("low") double low, @JsonProperty("high") double high) {

  /**
   * Validates the bounds.
   *
   * @param low the lower bound
   * @param high the upper bound
   * @throws IllegalArgumentException if a bound is not finite or {@code low > high}
   */
  @JsonCreator
  public Interval {
    if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
      throw new IllegalArgumentException("Interval needs finite bounds with low <= high, was [" + low + ", "
          + high + "]");
    }
  }

  /**
   * The interval between two bounds.
   *
   * @param low the lower bound
   * @param high the upper bound
   * @return the interval
   */
  public static Interval of(double low, double high) {
    return new Interval(low, high);
  }

  /**
   * Whether the value lies inside (bounds included).
   *
   * @param value the value
   * @return true if {@code low <= value <= high}
   */
  public boolean contains(double value) {
    return low <= value && value <= high;
  }

  /**
   * The width, high − low.
   *
   * @return the width
   */
  public double width() {
    return high - low;
  }

  /**
   * Half the width: the margin of error of a symmetric interval.
   *
   * @return (high − low) / 2
   */
  public double margin() {
    return (high - low) / 2;
  }

  /** As {@code [low, high]}. */
  @Override
  public String toString() {
    return "[" + low + ", " + high + "]";
  }
}
