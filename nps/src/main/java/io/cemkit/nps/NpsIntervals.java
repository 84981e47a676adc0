package io.cemkit.nps;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** The three confidence intervals of one NPS, in points, at one confidence level. */
@Value.Immutable
@JsonSerialize(as = ImmutableNpsIntervals.class)
@JsonDeserialize(as = ImmutableNpsIntervals.class)
public abstract class NpsIntervals {
  NpsIntervals() {}

  /**
   * The Wald interval.
   *
   * @return the interval
   */
  @JsonProperty("wald")
  public abstract Interval wald();

  /**
   * The adjusted-Wald interval (the recommended one).
   *
   * @return the interval
   */
  @JsonProperty("adjustedWald")
  public abstract Interval adjustedWald();

  /**
   * The score interval.
   *
   * @return the interval
   */
  @JsonProperty("score")
  public abstract Interval score();

  /**
   * The interval of the given method.
   *
   * @param method the method
   * @return the interval
   */
  public Interval get(IntervalMethod method) {
    return switch (method) {
      case WALD -> wald();
      case ADJUSTED_WALD -> adjustedWald();
      case SCORE -> score();
    };
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableNpsIntervals.Builder builder() {
    return ImmutableNpsIntervals.builder();
  }
}
