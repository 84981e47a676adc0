package io.cemkit.nps;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A two-sample comparison of NPS: group or period {@code a} against {@code b}, with the signed
 * difference a − b (never its absolute value), its standard error, z, the two-sided p-value and
 * the interval of the difference. With the adjusted-Wald method the difference, error, z, p and
 * interval come from the augmented counts of each sample while {@link #npsA()} and
 * {@link #npsB()} stay the observed scores. Against a fixed benchmark value {@link #nB()} is 0.
 * Made by {@link NpsStatistics#compare}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableNpsComparison.class)
@JsonDeserialize(as = ImmutableNpsComparison.class)
// Empty figures are written as null, not left out: "nps": null says "undefined" explicitly.
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"a", "b", "nA", "nB", "npsA", "npsB", "difference", "standardError", "z", "pValue",
    "interval"})
public abstract class NpsComparison {
  NpsComparison() {}

  /**
   * The label of the first sample.
   *
   * @return the label
   */
  @JsonProperty("a")
  public abstract String a();

  /**
   * The label of the second sample (or benchmark).
   *
   * @return the label
   */
  @JsonProperty("b")
  public abstract String b();

  /**
   * Answers in a.
   *
   * @return n of a
   */
  @JsonProperty("nA")
  public abstract long nA();

  /**
   * Answers in b; 0 for a fixed benchmark value.
   *
   * @return n of b
   */
  @JsonProperty("nB")
  public abstract long nB();

  /**
   * The observed score of a.
   *
   * @return the score
   */
  @JsonProperty("npsA")
  public abstract double npsA();

  /**
   * The observed score of b, or the benchmark value.
   *
   * @return the score
   */
  @JsonProperty("npsB")
  public abstract double npsB();

  /**
   * The signed difference a − b in points.
   *
   * @return the difference
   */
  @JsonProperty("difference")
  public abstract double difference();

  /**
   * The standard error of the difference in points.
   *
   * @return the standard error
   */
  @JsonProperty("standardError")
  public abstract double standardError();

  /**
   * difference / standardError; empty when the error is 0 and the difference is not (both samples
   * all in one category each).
   *
   * @return z
   */
  @JsonProperty("z")
  public abstract Optional<Double> z();

  /**
   * The two-sided p-value 2·(1 − Φ(|z|)).
   *
   * @return the p-value
   */
  @JsonProperty("pValue")
  public abstract double pValue();

  /**
   * difference ± z·standardError at the requested confidence.
   *
   * @return the interval
   */
  @JsonProperty("interval")
  public abstract Interval interval();

  /**
   * Whether the difference is significant: p below 1 − confidence.
   *
   * @param confidence the confidence level, for example 0.95
   * @return true if significant
   */
  public boolean isSignificant(double confidence) {
    return pValue() < 1 - confidence;
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableNpsComparison.Builder builder() {
    return ImmutableNpsComparison.builder();
  }

  @Value.Check
  void check() {
    Checks.check(nA() > 0 && nB() >= 0, "NpsComparison needs nA > 0 and nB >= 0, was %d and %d", nA(), nB());
    Checks.check(pValue() >= 0 && pValue() <= 1, "NpsComparison.pValue must be 0 to 1, was %s", pValue());
    Checks.check(standardError() >= 0, "NpsComparison.standardError must not be negative, was %s",
        standardError());
  }
}
