package io.cemkit.nps;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import org.immutables.value.Value;

/**
 * A weighted NPS (survey weights): 100·(Σw over promoters − Σw over detractors)/Σw, with Kish's
 * effective sample size (Σw)²/Σw², the standard error on that effective size, and the Wald interval
 * around the weighted score.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWeightedNps.class)
@JsonDeserialize(as = ImmutableWeightedNps.class)
public abstract class WeightedNps {
  WeightedNps() {}

  /**
   * The weighted score, −100 to +100.
   *
   * @return the score
   */
  @JsonProperty("nps")
  public abstract double nps();

  /**
   * Kish's effective sample size (Σw)²/Σw².
   *
   * @return the effective sample size
   */
  @JsonProperty("effectiveSampleSize")
  public abstract double effectiveSampleSize();

  /**
   * 100·√((p_w + d_w − (p_w − d_w)²)/n_eff), in points.
   *
   * @return the standard error
   */
  @JsonProperty("standardError")
  public abstract double standardError();

  /**
   * nps ± z·standardError.
   *
   * @return the interval
   */
  @JsonProperty("interval")
  public abstract Interval interval();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableWeightedNps.Builder builder() {
    return ImmutableWeightedNps.builder();
  }

  @Value.Check
  void check() {
    Checks.check(nps() >= -100 && nps() <= 100, "WeightedNps.nps must be -100 to 100, was %s", nps());
    Checks.check(effectiveSampleSize() > 0 && Double.isFinite(effectiveSampleSize()),
        "WeightedNps.effectiveSampleSize must be positive, was %s", effectiveSampleSize());
    Checks.check(standardError() >= 0 && Double.isFinite(standardError()),
        "WeightedNps.standardError must be finite and not negative, was %s", standardError());
  }
}
