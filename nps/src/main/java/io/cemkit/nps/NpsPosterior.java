package io.cemkit.nps;

import io.cemkit.core.internal.Checks;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Bayesian view of an NPS: the Dirichlet posterior of the category shares given a tally and a
 * Dirichlet prior. Mean and standard deviation are exact; the credible interval and the
 * probabilities come from seeded Monte Carlo draws (Gamma variates), so the same inputs always give
 * the same figures. Made by {@link NpsStatistics#posterior}. Immutable.
 */
public final class NpsPosterior {
  /** Monte Carlo draws used by the credible interval and the probabilities. */
  public static final int DRAWS = 200_000;

  private final double alphaDetractor;
  private final double alphaPassive;
  private final double alphaPromoter;
  private final long seed;
  private double[] sorted;

  NpsPosterior(double alphaDetractor, double alphaPassive, double alphaPromoter, long seed) {
    this.alphaDetractor = alphaDetractor;
    this.alphaPassive = alphaPassive;
    this.alphaPromoter = alphaPromoter;
    this.seed = seed;
  }

  /**
   * The posterior Dirichlet parameters (detractor, passive, promoter).
   *
   * @return a copy of the three parameters
   */
  public double[] alpha() {
    return new double[] {alphaDetractor, alphaPassive, alphaPromoter};
  }

  /**
   * The posterior mean of NPS in points: 100·(α_P − α_D)/α₀.
   *
   * @return the mean
   */
  public double mean() {
    return 100 * (alphaPromoter - alphaDetractor) / total();
  }

  /**
   * The posterior standard deviation in points: 100·√((m_P + m_D − (m_P − m_D)²)/(α₀ + 1)).
   *
   * @return the standard deviation
   */
  public double standardDeviation() {
    double mp = alphaPromoter / total();
    double md = alphaDetractor / total();
    return 100 * Math.sqrt((mp + md - (mp - md) * (mp - md)) / (total() + 1));
  }

  private double total() {
    return alphaDetractor + alphaPassive + alphaPromoter;
  }

  /**
   * The equal-tailed credible interval: the posterior's (1 − level)/2 and (1 + level)/2 quantiles.
   *
   * @param level the credibility, strictly between 0 and 1
   * @return the interval in points
   * @throws IllegalArgumentException if the level is out of range
   */
  public Interval credibleInterval(double level) {
    Checks.check(level > 0 && level < 1, "credible level must be strictly between 0 and 1, was %s", level);
    double[] draws = draws();
    return Interval.of(quantile(draws, (1 - level) / 2), quantile(draws, (1 + level) / 2));
  }

  /**
   * The posterior probability that NPS exceeds a value.
   *
   * @param nps a score in points
   * @return P(NPS &gt; nps)
   * @throws IllegalArgumentException if {@code nps} is NaN
   */
  public double probabilityAbove(double nps) {
    Checks.check(!Double.isNaN(nps), "probabilityAbove needs a score, was NaN");
    double[] draws = draws();
    int firstAbove = upperBound(draws, nps);
    return (double) (draws.length - firstAbove) / draws.length;
  }

  /**
   * The posterior probability that this NPS exceeds another's, the two being independent.
   *
   * @param other the other posterior
   * @return P(this &gt; other)
   */
  public double probabilityGreaterThan(NpsPosterior other) {
    SplittableRandom a = new SplittableRandom(seed);
    SplittableRandom b = new SplittableRandom(other.seed ^ 0x9E3779B97F4A7C15L);
    long wins = 0;
    for (int i = 0; i < DRAWS; i++) {
      if (draw(a) > other.draw(b)) {
        wins++;
      }
    }
    return (double) wins / DRAWS;
  }

  private synchronized double[] draws() {
    if (sorted == null) {
      SplittableRandom random = new SplittableRandom(seed);
      double[] values = new double[DRAWS];
      for (int i = 0; i < DRAWS; i++) {
        values[i] = draw(random);
      }
      Arrays.sort(values);
      sorted = values;
    }
    return sorted;
  }

  private double draw(SplittableRandom random) {
    double d = gamma(alphaDetractor, random);
    double a = gamma(alphaPassive, random);
    double p = gamma(alphaPromoter, random);
    return 100 * (p - d) / (d + a + p);
  }

  /** Marsaglia and Tsang's method; shapes below 1 via the Gamma(α + 1)·U^(1/α) boost. */
  static double gamma(double shape, SplittableRandom random) {
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(shape + 1, random) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = gaussian(random);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = random.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  private static double gaussian(SplittableRandom random) {
    // Polar Box–Muller; one value per call keeps the stream simple and reproducible.
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }

  private static double quantile(double[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  private static int upperBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] <= value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The parameters and the mean, for example {@code NpsPosterior[Dirichlet(2.75, 3.5, 5.75), mean=25.0]}. */
  @Override
  public String toString() {
    return "NpsPosterior[Dirichlet(" + alphaDetractor + ", " + alphaPassive + ", " + alphaPromoter + "), mean="
        + mean() + "]";
  }
}
