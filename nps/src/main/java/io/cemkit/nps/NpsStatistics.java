package io.cemkit.nps;

import io.cemkit.nps.internal.Normal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The statistics of NPS, all from the category counts (and weight sums) of a {@link NpsTally}.
 * Scores, errors and intervals are in points (−100 to +100). Notation: D, A, P the detractor,
 * passive and promoter counts, n = D + A + P, p = P/n, d = D/n, σ² = p + d − (p − d)² (the
 * variance of one answer scored −1, 0, +1), z = Φ⁻¹((1 + confidence)/2).
 *
 * <ul>
 *   <li>Standard error: 100·√(σ²/n).
 *   <li>Wald: NPS ± z·SE, not clamped.
 *   <li>Adjusted Wald (Rocks 2016; the default): n' = n + 3, p' = (P + ¾)/n', d' = (D + ¾)/n',
 *       interval 100·((p' − d') ± z·√(σ'²/n')) clamped to [−100, 100].
 *   <li>Score: {Δ : |P − D − nΔ| ≤ z·√(n(2q + Δ(1 − Δ)))} with q the constrained maximum-likelihood
 *       detractor share, the larger root of 2n q² + (−D − P + (2n + D − P)Δ) q − DΔ(1 − Δ) = 0.
 *   <li>Two samples: Δ = NPS_a − NPS_b, SE = 100·√(σ_a²/n_a + σ_b²/n_b), z = Δ/SE,
 *       p = 2(1 − Φ(|z|)), interval Δ ± z·SE; the adjusted variant uses each sample's augmented
 *       counts.
 *   <li>Weighted: NPS_w = 100·(Σw_P − Σw_D)/Σw, Kish n_eff = (Σw)²/Σw², SE on n_eff.
 *   <li>Sample size: n = z²σ²/E² − 3 for a margin E; per group n = (z + z_β)²(σ_a² + σ_b²)/Δ² − 3
 *       to detect a difference Δ; rounded up.
 * </ul>
 *
 * <p>Confidence levels must lie strictly between 0 and 1; 0.95 is the default. Tests and
 * intervals use the category counts; only {@link #weighted} and {@link #linearizedStandardError}
 * use the weights (so {@link #compare}, {@link #impact} and {@link NpsBreakdown#trend} are
 * unweighted even on a weighted tally).
 */
public final class NpsStatistics {
  /** The default confidence level. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  private static final double PSEUDO_DETRACTORS = 0.75;
  private static final double PSEUDO_PASSIVES = 1.5;
  private static final double PSEUDO_PROMOTERS = 0.75;

  private NpsStatistics() {}

  /**
   * The full estimate at 95% confidence.
   *
   * @param tally the answers
   * @return the estimate
   */
  public static NpsEstimate estimate(NpsTally tally) {
    return estimate(tally, DEFAULT_CONFIDENCE);
  }

  /**
   * The full estimate: counts, score, standard error, the three intervals, and the weighted
   * figures when the tally is weighted.
   *
   * @param tally the answers
   * @param confidence the confidence level
   * @return the estimate
   * @throws IllegalArgumentException if the confidence is not strictly between 0 and 1
   */
  public static NpsEstimate estimate(NpsTally tally, double confidence) {
    Objects.requireNonNull(tally, "tally");
    double z = z(confidence);
    long d = tally.detractors();
    long a = tally.passives();
    long p = tally.promoters();
    ImmutableNpsEstimate.Builder builder = NpsEstimate.builder().n(d + a + p).detractors(d).passives(a)
        .promoters(p);
    if (d + a + p > 0) {
      builder.nps(100.0 * (p - d) / (d + a + p))
          .standardError(standardError(d, a, p))
          .intervals(NpsIntervals.builder()
              .wald(wald(d, a, p, z))
              .adjustedWald(adjustedWald(d, a, p, z))
              .score(score(d, a, p, z))
              .build());
    }
    if (tally.isWeighted()) {
      weightedAt(tally, z).ifPresent(builder::weighted);
    }
    return builder.build();
  }

  /**
   * The standard error of the score.
   *
   * @param tally the answers
   * @return 100·√(σ²/n) in points, empty when n = 0
   */
  public static OptionalDouble standardError(NpsTally tally) {
    Objects.requireNonNull(tally, "tally");
    long n = tally.n();
    return n == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(standardError(tally.detractors(), tally.passives(), tally.promoters()));
  }

  /**
   * The variance σ² = p + d − (p − d)² of one answer scored −1, 0, +1 (0 to 1).
   *
   * @param tally the answers
   * @return the variance, empty when n = 0
   */
  public static OptionalDouble variance(NpsTally tally) {
    Objects.requireNonNull(tally, "tally");
    long n = tally.n();
    return n == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(variance((double) tally.promoters() / n, (double) tally.detractors() / n));
  }

  /**
   * A confidence interval of the score.
   *
   * @param tally the answers
   * @param method the method
   * @param confidence the confidence level
   * @return the interval in points, empty when n = 0
   * @throws IllegalArgumentException if the confidence is not strictly between 0 and 1
   */
  public static Optional<Interval> interval(NpsTally tally, IntervalMethod method, double confidence) {
    Objects.requireNonNull(tally, "tally");
    return interval(tally.detractors(), tally.passives(), tally.promoters(), method, confidence);
  }

  /**
   * A confidence interval from category counts.
   *
   * @param detractors D
   * @param passives A
   * @param promoters P
   * @param method the method
   * @param confidence the confidence level
   * @return the interval in points, empty when n = 0
   * @throws IllegalArgumentException if a count is negative or the confidence is out of range
   */
  public static Optional<Interval> interval(long detractors, long passives, long promoters,
      IntervalMethod method, double confidence) {
    Objects.requireNonNull(method, "method");
    checkCounts(detractors, passives, promoters);
    double z = z(confidence);
    if (detractors + passives + promoters == 0) {
      return Optional.empty();
    }
    return Optional.of(switch (method) {
      case WALD -> wald(detractors, passives, promoters, z);
      case ADJUSTED_WALD -> adjustedWald(detractors, passives, promoters, z);
      case SCORE -> score(detractors, passives, promoters, z);
    });
  }

  /**
   * The weighted figures at a confidence level.
   *
   * @param tally the answers with their weights
   * @param confidence the confidence level
   * @return the weighted score, Kish n_eff, its standard error and interval; empty when Σw = 0
   */
  public static Optional<WeightedNps> weighted(NpsTally tally, double confidence) {
    Objects.requireNonNull(tally, "tally");
    return weightedAt(tally, z(confidence));
  }

  private static Optional<WeightedNps> weightedAt(NpsTally tally, double z) {
    double wd = tally.weightSum(NpsCategory.DETRACTOR);
    double wp = tally.weightSum(NpsCategory.PROMOTER);
    double w = wd + tally.weightSum(NpsCategory.PASSIVE) + wp;
    double w2 = tally.weightSquareSum(NpsCategory.DETRACTOR) + tally.weightSquareSum(NpsCategory.PASSIVE)
        + tally.weightSquareSum(NpsCategory.PROMOTER);
    if (!(w > 0) || !(w2 > 0)) {
      return Optional.empty();
    }
    double pw = wp / w;
    double dw = wd / w;
    double nps = clampFraction(pw - dw);
    double effective = w * w / w2;
    double se = 100 * Math.sqrt(variance(pw, dw) / effective);
    return Optional.of(WeightedNps.builder().nps(100 * nps).effectiveSampleSize(effective).standardError(se)
        .interval(Interval.of(100 * nps - z * se, 100 * nps + z * se)).build());
  }

  /**
   * The linearised (Taylor) standard error of the weighted score, as R's
   * {@code survey::svymean} computes it for a single-stage design:
   * 100·√(n/(n − 1)·Σ w_i²(x_i − r)²/(Σw)²), from the per-category weight sums.
   *
   * @param tally the answers with their weights
   * @return the standard error in points, empty when n &lt; 2 or Σw = 0
   */
  public static OptionalDouble linearizedStandardError(NpsTally tally) {
    Objects.requireNonNull(tally, "tally");
    long n = tally.n();
    double w = 0;
    double signed = 0;
    for (NpsCategory c : NpsCategory.values()) {
      w += tally.weightSum(c);
      signed += c.sign() * tally.weightSum(c);
    }
    if (n < 2 || !(w > 0)) {
      return OptionalDouble.empty();
    }
    double r = signed / w;
    double sum = 0;
    for (NpsCategory c : NpsCategory.values()) {
      sum += (c.sign() - r) * (c.sign() - r) * tally.weightSquareSum(c);
    }
    return OptionalDouble.of(100 * Math.sqrt((double) n / (n - 1) * sum / (w * w)));
  }

  /**
   * Compares two samples (groups or periods).
   *
   * @param a the label of the first sample
   * @param tallyA its answers
   * @param b the label of the second sample
   * @param tallyB its answers
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @param confidence the confidence level of the interval
   * @return the comparison of a − b
   * @throws IllegalArgumentException if a sample is empty, the method is
   *     {@link IntervalMethod#SCORE}, or the confidence is out of range
   */
  public static NpsComparison compare(String a, NpsTally tallyA, String b, NpsTally tallyB,
      IntervalMethod method, double confidence) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(tallyA, "tallyA");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(tallyB, "tallyB");
    Objects.requireNonNull(method, "method");
    double z = z(confidence);
    if (method == IntervalMethod.SCORE) {
      throw new IllegalArgumentException("compare supports WALD and ADJUSTED_WALD, not SCORE");
    }
    long nA = tallyA.n();
    long nB = tallyB.n();
    if (nA == 0 || nB == 0) {
      throw new IllegalArgumentException("compare needs answers in both samples, had " + nA + " in '" + a
          + "' and " + nB + " in '" + b + "'");
    }
    double[] sa = shares(tallyA, method);
    double[] sb = shares(tallyB, method);
    double difference = 100 * ((sa[1] - sa[0]) - (sb[1] - sb[0]));
    double se = 100 * Math.sqrt(variance(sa[1], sa[0]) / sa[2] + variance(sb[1], sb[0]) / sb[2]);
    return comparison(a, b, nA, nB, tallyA.nps().getAsDouble(), tallyB.nps().getAsDouble(), difference, se,
        z);
  }

  /**
   * Compares a sample with a fixed benchmark score (a competitor's or industry figure given as a
   * value): a one-sample test of NPS = benchmark.
   *
   * @param label the sample's label
   * @param tally its answers
   * @param benchmark the benchmark score, −100 to +100
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @param confidence the confidence level
   * @return the comparison, with b = "benchmark" and nB = 0
   * @throws IllegalArgumentException if the sample is empty, the benchmark is out of range, the
   *     method is {@link IntervalMethod#SCORE} or the confidence is out of range
   */
  public static NpsComparison compareWithBenchmark(String label, NpsTally tally, double benchmark,
      IntervalMethod method, double confidence) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(tally, "tally");
    Objects.requireNonNull(method, "method");
    double z = z(confidence);
    if (!(benchmark >= -100 && benchmark <= 100)) {
      throw new IllegalArgumentException("benchmark NPS must be -100 to 100, was " + benchmark);
    }
    if (method == IntervalMethod.SCORE) {
      throw new IllegalArgumentException("compareWithBenchmark supports WALD and ADJUSTED_WALD, not SCORE");
    }
    long n = tally.n();
    if (n == 0) {
      throw new IllegalArgumentException("compareWithBenchmark needs answers, '" + label + "' has none");
    }
    double[] s = shares(tally, method);
    double difference = 100 * (s[1] - s[0]) - benchmark;
    double se = 100 * Math.sqrt(variance(s[1], s[0]) / s[2]);
    return comparison(label, "benchmark", n, 0, tally.nps().getAsDouble(), benchmark, difference, se, z);
  }

  private static NpsComparison comparison(String a, String b, long nA, long nB, double npsA, double npsB,
      double difference, double se, double zCritical) {
    ImmutableNpsComparison.Builder builder = NpsComparison.builder().a(a).b(b).nA(nA).nB(nB).npsA(npsA)
        .npsB(npsB).difference(difference).standardError(se)
        .interval(Interval.of(difference - zCritical * se, difference + zCritical * se));
    if (se > 0) {
      double z = difference / se;
      builder.z(z).pValue(Math.min(1, 2 * Normal.upperTail(Math.abs(z))));
    } else if (difference == 0) {
      builder.z(0.0).pValue(1);
    } else {
      builder.pValue(0);
    }
    return builder.build();
  }

  /** {detractor share, promoter share, n}, augmented for the adjusted method. */
  private static double[] shares(NpsTally tally, IntervalMethod method) {
    double d = tally.detractors();
    double a = tally.passives();
    double p = tally.promoters();
    if (method == IntervalMethod.ADJUSTED_WALD) {
      d += PSEUDO_DETRACTORS;
      a += PSEUDO_PASSIVES;
      p += PSEUDO_PROMOTERS;
    }
    double n = d + a + p;
    return new double[] {d / n, p / n, n};
  }

  /**
   * The answers needed for a margin of error at 95% confidence in the worst case (σ² = 1).
   *
   * @param marginPoints the half-width of the interval, in points (0 to 200)
   * @return the sample size
   */
  public static long sampleSizeForMargin(double marginPoints) {
    return sampleSizeForMargin(marginPoints, DEFAULT_CONFIDENCE, 1);
  }

  /**
   * The answers needed for an adjusted-Wald interval of the given half-width:
   * ⌈z²σ²/E² − 3⌉, at least 1.
   *
   * @param marginPoints the half-width E, in points, positive
   * @param confidence the confidence level
   * @param variance the expected σ² (1 in the worst case, 0.75 typical, from {@link #variance})
   * @return the sample size
   * @throws IllegalArgumentException if the margin is not positive or the variance not in (0, 1]
   */
  public static long sampleSizeForMargin(double marginPoints, double confidence, double variance) {
    double z = z(confidence);
    if (!(marginPoints > 0) || Double.isInfinite(marginPoints)) {
      throw new IllegalArgumentException("margin must be positive points, was " + marginPoints);
    }
    checkVariance("variance", variance);
    double margin = marginPoints / 100;
    return sampleSize(z * z * variance / (margin * margin) - 3);
  }

  /**
   * The answers needed per group to detect a difference between two groups with a two-sided test:
   * ⌈(z_{α/2} + z_β)²(σ_a² + σ_b²)/Δ² − 3⌉, at least 1.
   *
   * @param differencePoints the smallest difference worth detecting, in points, positive
   * @param confidence 1 − α
   * @param power the power 1 − β, strictly between 0 and 1 (0.8 is usual)
   * @param varianceA the expected σ² of group a, in (0, 1]
   * @param varianceB the expected σ² of group b, in (0, 1]
   * @return the sample size per group
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static long sampleSizeForDifference(double differencePoints, double confidence, double power,
      double varianceA, double varianceB) {
    double z = z(confidence);
    if (!(differencePoints > 0) || Double.isInfinite(differencePoints)) {
      throw new IllegalArgumentException("difference must be positive points, was " + differencePoints);
    }
    if (!(power > 0 && power < 1)) {
      throw new IllegalArgumentException("power must be strictly between 0 and 1, was " + power);
    }
    checkVariance("varianceA", varianceA);
    checkVariance("varianceB", varianceB);
    double zPower = Normal.quantile(power);
    double delta = differencePoints / 100;
    return sampleSize((z + zPower) * (z + zPower) * (varianceA + varianceB) / (delta * delta) - 3);
  }

  private static long sampleSize(double exact) {
    if (exact >= Long.MAX_VALUE) {
      throw new IllegalArgumentException("sample size too large to represent: " + exact);
    }
    return Math.max(1, (long) Math.ceil(exact));
  }

  private static void checkVariance(String name, double variance) {
    if (!(variance > 0 && variance <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], was " + variance);
    }
  }

  /**
   * The Dirichlet posterior under Rocks' prior Dirichlet(¾, 1½, ¾), whose mean is the centre of
   * the adjusted-Wald interval.
   *
   * @param tally the answers
   * @return the posterior
   */
  public static NpsPosterior posterior(NpsTally tally) {
    return posterior(tally, PSEUDO_DETRACTORS, PSEUDO_PASSIVES, PSEUDO_PROMOTERS);
  }

  /**
   * The Dirichlet posterior Dirichlet(D + α_D, A + α_A, P + α_P). Its Monte Carlo figures are seeded
   * from the counts and the prior, so they are reproducible.
   *
   * @param tally the answers
   * @param priorDetractors α_D, positive
   * @param priorPassives α_A, positive
   * @param priorPromoters α_P, positive
   * @return the posterior
   * @throws IllegalArgumentException if a prior parameter is not positive and finite
   */
  public static NpsPosterior posterior(NpsTally tally, double priorDetractors, double priorPassives,
      double priorPromoters) {
    Objects.requireNonNull(tally, "tally");
    checkPrior("priorDetractors", priorDetractors);
    checkPrior("priorPassives", priorPassives);
    checkPrior("priorPromoters", priorPromoters);
    double d = tally.detractors() + priorDetractors;
    double a = tally.passives() + priorPassives;
    double p = tally.promoters() + priorPromoters;
    long seed = Objects.hash(d, a, p);
    return new NpsPosterior(d, a, p, seed);
  }

  private static void checkPrior(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
    }
  }

  /**
   * The impact of a segment or topic on the overall score: overall NPS minus the NPS of every
   * answer outside the segment (a leave-one-out contribution; equal to Qualtrics' "NPS impact
   * score" k(T − O)/(N − k)).
   *
   * @param overall all answers
   * @param segment the segment's answers, contained in {@code overall}
   * @return the impact in points, empty when {@code overall} or the rest is empty
   * @throws IllegalArgumentException if the segment is not part of the overall tally
   */
  public static OptionalDouble impact(NpsTally overall, NpsTally segment) {
    Objects.requireNonNull(overall, "overall");
    Objects.requireNonNull(segment, "segment");
    NpsTally rest = overall.copy().subtract(segment);
    if (overall.n() == 0 || rest.n() == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(overall.nps().getAsDouble() - rest.nps().getAsDouble());
  }

  /**
   * z = Φ⁻¹((1 + confidence)/2), the two-sided critical value.
   *
   * @param confidence the confidence level
   * @return z
   * @throws IllegalArgumentException if the confidence is not strictly between 0 and 1
   */
  public static double z(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be strictly between 0 and 1, was " + confidence);
    }
    // From the lower tail: (1 + c)/2 rounds to 1.0 for c just below 1, (1 - c)/2 stays positive.
    return -Normal.quantile((1 - confidence) / 2);
  }

  /**
   * The two-sided p-value of a z statistic, 2·(1 − Φ(|z|)).
   *
   * @param z the statistic
   * @return the p-value
   * @throws IllegalArgumentException if {@code z} is NaN
   */
  public static double twoSidedPValue(double z) {
    if (Double.isNaN(z)) {
      throw new IllegalArgumentException("z must be a number, was NaN");
    }
    return Math.min(1, 2 * Normal.upperTail(Math.abs(z)));
  }

  private static void checkCounts(long d, long a, long p) {
    if (d < 0 || a < 0 || p < 0) {
      throw new IllegalArgumentException("counts must not be negative, were D=" + d + " A=" + a + " P=" + p);
    }
  }

  static double variance(double promoterShare, double detractorShare) {
    double net = promoterShare - detractorShare;
    return Math.max(0, promoterShare + detractorShare - net * net);
  }

  static double standardError(long d, long a, long p) {
    double n = d + a + p;
    return 100 * Math.sqrt(variance(p / n, d / n) / n);
  }

  static Interval wald(long d, long a, long p, double z) {
    double n = d + a + p;
    double nps = 100.0 * (p - d) / n;
    double se = standardError(d, a, p);
    return Interval.of(nps - z * se, nps + z * se);
  }

  static Interval adjustedWald(long d, long a, long p, double z) {
    double n = d + a + p + PSEUDO_DETRACTORS + PSEUDO_PASSIVES + PSEUDO_PROMOTERS;
    double pp = (p + PSEUDO_PROMOTERS) / n;
    double dd = (d + PSEUDO_DETRACTORS) / n;
    double centre = pp - dd;
    double se = Math.sqrt(variance(pp, dd) / n);
    return Interval.of(100 * clampFraction(centre - z * se), 100 * clampFraction(centre + z * se));
  }

  static Interval score(long d, long a, long p, double z) {
    long n = d + a + p;
    double estimate = (double) (p - d) / n;
    double low = d == n ? -1 : solveScore(d, p, n, z, -1, estimate);
    double high = p == n ? 1 : solveScore(d, p, n, -z, estimate, 1);
    return Interval.of(100 * low, 100 * high);
  }

  /** Bisection for S(Δ) = target on [from, to]; S falls as Δ grows. */
  private static double solveScore(long d, long p, long n, double target, double from, double to) {
    double lo = from;
    double hi = to;
    for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
      double mid = 0.5 * (lo + hi);
      if (scoreStatistic(d, p, n, mid) > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  static double scoreStatistic(long d, long p, long n, double delta) {
    double b = -d - p + (2.0 * n + d - p) * delta;
    double c = -d * delta * (1 - delta);
    double q = (-b + Math.sqrt(Math.max(0, b * b - 8.0 * n * c))) / (4.0 * n);
    double variance = 2 * q + delta * (1 - delta);
    double numerator = p - d - n * delta;
    if (variance <= 0) {
      return numerator > 0 ? Double.POSITIVE_INFINITY : numerator < 0 ? Double.NEGATIVE_INFINITY : 0;
    }
    return numerator / Math.sqrt(n * variance);
  }

  private static double clampFraction(double value) {
    return Math.max(-1, Math.min(1, value));
  }
}
