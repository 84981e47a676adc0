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
 * Everything one NPS figure should carry: n and the category counts, the score, its standard error
 * and its three intervals, and for weighted answers the weighted figures. With no answers the
 * score, the error and the intervals are empty (null in JSON), never 0. Made by
 * {@link NpsStatistics#estimate(NpsTally, double)}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableNpsEstimate.class)
@JsonDeserialize(as = ImmutableNpsEstimate.class)
// Empty figures are written as null, not left out: "nps": null says "undefined" explicitly.
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"n", "promoters", "passives", "detractors", "nps", "standardError", "intervals",
    "weighted"})
public abstract class NpsEstimate {
  NpsEstimate() {}

  /**
   * The number of valid answers.
   *
   * @return n
   */
  @JsonProperty("n")
  public abstract long n();

  /**
   * Promoters.
   *
   * @return P
   */
  @JsonProperty("promoters")
  public abstract long promoters();

  /**
   * Passives.
   *
   * @return A
   */
  @JsonProperty("passives")
  public abstract long passives();

  /**
   * Detractors.
   *
   * @return D
   */
  @JsonProperty("detractors")
  public abstract long detractors();

  /**
   * The score, −100 to +100; empty when n = 0.
   *
   * @return the score
   */
  @JsonProperty("nps")
  public abstract Optional<Double> nps();

  /**
   * The standard error in points, 100·√(σ²/n) with σ² = p + d − (p − d)²; empty when n = 0.
   *
   * @return the standard error
   */
  @JsonProperty("standardError")
  public abstract Optional<Double> standardError();

  /**
   * The intervals; empty when n = 0.
   *
   * @return the intervals
   */
  @JsonProperty("intervals")
  public abstract Optional<NpsIntervals> intervals();

  /**
   * The weighted figures, present only when answers carried weights and their sum is positive.
   *
   * @return the weighted figures
   */
  @JsonProperty("weighted")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<WeightedNps> weighted();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableNpsEstimate.Builder builder() {
    return ImmutableNpsEstimate.builder();
  }

  @Value.Check
  void check() {
    Checks.check(promoters() >= 0 && passives() >= 0 && detractors() >= 0,
        "NpsEstimate counts must not be negative, were P=%d A=%d D=%d", promoters(), passives(), detractors());
    Checks.check(promoters() + passives() + detractors() == n(),
        "NpsEstimate.n must equal promoters + passives + detractors, was %d vs %d", n(),
        promoters() + passives() + detractors());
    Checks.check(nps().isPresent() == (n() > 0) && standardError().isPresent() == (n() > 0)
        && intervals().isPresent() == (n() > 0),
        "NpsEstimate.nps, standardError and intervals must be present exactly when n > 0 (n = %d)", n());
  }
}
