package io.cemkit.nps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A fair ranking of agents by NPS (N5; the taxi-app case: riders rate drivers after each ride;
 * monthly the lowest are flagged for attention and the best rewarded). Raw scores of agents with
 * few answers are mostly noise, so:
 *
 * <ul>
 *   <li>only agents with at least the {@link MinimumSample} are ranked; the others are listed as
 *       excluded with their n;
 *   <li>agents are ordered by the lower bound of their interval (default) or by an empirical-Bayes
 *       shrunken score (Dirichlet prior centred on the pooled shares, its strength estimated by the
 *       method of moments or given);
 *   <li>each agent gets a plausible rank range from Bonferroni-adjusted pairwise tests;
 *   <li>each agent is tested against the rest pooled, and flagged {@code BOTTOM} or {@code TOP}
 *       only when the difference survives the multiple-comparison correction (Holm by default, or
 *       Benjamini–Hochberg).
 * </ul>
 *
 * @param <K> the agent's key type
 */
public final class NpsRanking<K> {
  /** What agents are ordered by. */
  public enum Basis {
    /** The lower bound of the agent's interval: a high rank needs a good score and enough answers. */
    LOWER_BOUND,
    /** The empirical-Bayes shrunken score. */
    SHRUNKEN
  }

  /** The multiple-comparison correction of the flags. */
  public enum Correction {
    /** Holm's step-down procedure: controls the family-wise error rate. */
    HOLM,
    /** Benjamini–Hochberg: controls the false discovery rate (more flags, some false). */
    BENJAMINI_HOCHBERG
  }

  /** The strength used when agents differ no more than sampling noise: complete shrinkage. */
  static final double MAX_STRENGTH = 1e9;

  private final List<RankedAgent<K>> ranked;
  private final Map<K, Long> excluded;
  private final double priorStrength;
  private final double pooledNps;

  private NpsRanking(List<RankedAgent<K>> ranked, Map<K, Long> excluded, double priorStrength, double pooledNps) {
    this.ranked = List.copyOf(ranked);
    this.excluded = java.util.Collections.unmodifiableMap(excluded);
    this.priorStrength = priorStrength;
    this.pooledNps = pooledNps;
  }

  /**
   * Ranks agents with the default options.
   *
   * @param <K> the key type
   * @param agents each agent's answers
   * @return the ranking
   */
  public static <K> NpsRanking<K> rank(Map<K, NpsTally> agents) {
    return rank(agents, Options.ofDefaults());
  }

  /**
   * Ranks agents.
   *
   * @param <K> the key type
   * @param agents each agent's answers (classic or any one scale)
   * @param options the options
   * @return the ranking
   */
  public static <K> NpsRanking<K> rank(Map<K, NpsTally> agents, Options options) {
    Objects.requireNonNull(agents, "agents");
    Objects.requireNonNull(options, "options");
    List<K> keys = new ArrayList<>();
    List<NpsTally> tallies = new ArrayList<>();
    Map<K, Long> excluded = new LinkedHashMap<>();
    agents.forEach((k, t) -> {
      Objects.requireNonNull(k, "agent key");
      Objects.requireNonNull(t, () -> "tally of agent " + k);
      if (options.minimum.isMet(t)) {
        keys.add(k);
        tallies.add(t);
      } else {
        excluded.put(k, t.n());
      }
    });
    int size = keys.size();
    if (size == 0) {
      return new NpsRanking<>(List.of(), excluded, 0, Double.NaN);
    }
    NpsTally pooled = tallies.get(0).copy();
    for (int i = 1; i < size; i++) {
      pooled.add(tallies.get(i));
    }
    double z = NpsStatistics.z(options.confidence);
    double alpha = 1 - options.confidence;
    double md = (double) pooled.detractors() / pooled.n();
    double mp = (double) pooled.promoters() / pooled.n();
    double strength = options.priorStrength.isPresent() ? options.priorStrength.getAsDouble()
        : estimateStrength(tallies, md, mp);

    double[] shrunken = new double[size];
    Interval[] intervals = new Interval[size];
    double[] basis = new double[size];
    List<Optional<NpsComparison>> versusRest = new ArrayList<>();
    double[] pValues = new double[size];
    for (int i = 0; i < size; i++) {
      NpsTally t = tallies.get(i);
      shrunken[i] = 100 * (t.promoters() + strength * mp - t.detractors() - strength * md) / (t.n() + strength);
      intervals[i] = NpsStatistics.interval(t, options.method, options.confidence).orElseThrow();
      basis[i] = options.basis == Basis.LOWER_BOUND ? intervals[i].low() : shrunken[i];
      if (size > 1) {
        NpsTally rest = pooled.copy().subtract(t);
        NpsComparison c = NpsStatistics.compare(String.valueOf(keys.get(i)), t, "rest", rest,
            restMethod(options.method), options.confidence);
        versusRest.add(Optional.of(c));
        pValues[i] = c.pValue();
      } else {
        versusRest.add(Optional.empty());
        pValues[i] = 1;
      }
    }
    double[] adjusted = size > 1 ? correct(pValues, options.correction) : new double[] {1};

    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -basis[i])
        .thenComparingLong(i -> -tallies.get(i).n())
        .thenComparing(i -> String.valueOf(keys.get(i))));

    int[][] aboveBelow = pairwise(tallies, restMethod(options.method), alpha);
    List<RankedAgent<K>> ranked = new ArrayList<>();
    for (int position = 0; position < size; position++) {
      int i = order[position];
      NpsTally t = tallies.get(i);
      RankedAgent.Flag flag = RankedAgent.Flag.NONE;
      if (adjusted[i] < alpha) {
        flag = versusRest.get(i).orElseThrow().difference() < 0 ? RankedAgent.Flag.BOTTOM : RankedAgent.Flag.TOP;
      }
      ranked.add(new RankedAgent<>(keys.get(i), position + 1, t.n(), t.nps().getAsDouble(), intervals[i],
          shrunken[i], new RankedAgent.RankRange(1 + aboveBelow[i][0], size - aboveBelow[i][1]),
          versusRest.get(i), adjusted[i], flag));
    }
    return new NpsRanking<>(ranked, excluded, strength, pooled.nps().getAsDouble());
  }

  private static IntervalMethod restMethod(IntervalMethod method) {
    // The score interval has no two-sample form; its tests use the adjusted Wald.
    return method == IntervalMethod.SCORE ? IntervalMethod.ADJUSTED_WALD : method;
  }

  /**
   * The strength a₀ of the Dirichlet prior from the spread of agents' scores beyond sampling noise,
   * estimated as in a random-effects meta-analysis (DerSimonian–Laird): with x_i an agent's score,
   * v_i = σ²/n_i its sampling variance and w_i = 1/v_i, τ² = max(0, (Q − (K − 1))/(Σw − Σw²/Σw)),
   * Q = Σ w_i (x_i − x̄_w)². Weighting by n keeps one agent with a single answer from swamping the
   * estimate. Under the prior Var = σ²/(a₀ + 1), so a₀ = σ²/τ² − 1.
   */
  private static double estimateStrength(List<NpsTally> tallies, double md, double mp) {
    double sigma2 = NpsStatistics.variance(mp, md);
    if (tallies.size() < 2 || sigma2 == 0) {
      return 0;
    }
    double sumW = 0;
    double sumW2 = 0;
    double sumWx = 0;
    for (NpsTally t : tallies) {
      double w = t.n() / sigma2;
      sumW += w;
      sumW2 += w * w;
      sumWx += w * (t.promoters() - t.detractors()) / t.n();
    }
    double mean = sumWx / sumW;
    double q = 0;
    for (NpsTally t : tallies) {
      double x = (double) (t.promoters() - t.detractors()) / t.n();
      q += t.n() / sigma2 * (x - mean) * (x - mean);
    }
    double tau2 = Math.max(0, (q - (tallies.size() - 1)) / (sumW - sumW2 / sumW));
    if (tau2 <= sigma2 / MAX_STRENGTH) {
      return MAX_STRENGTH;
    }
    return Math.max(0, sigma2 / tau2 - 1);
  }

  static double[] correct(double[] p, Correction correction) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[m];
    if (correction == Correction.HOLM) {
      double running = 0;
      for (int rank = 0; rank < m; rank++) {
        running = Math.max(running, Math.min(1, (m - rank) * p[order[rank]]));
        adjusted[order[rank]] = running;
      }
    } else {
      double running = 1;
      for (int rank = m - 1; rank >= 0; rank--) {
        running = Math.min(running, Math.min(1, (double) m * p[order[rank]] / (rank + 1)));
        adjusted[order[rank]] = running;
      }
    }
    return adjusted;
  }

  /** For each agent: how many are significantly above and below it (Bonferroni over all pairs). */
  private static int[][] pairwise(List<NpsTally> tallies, IntervalMethod method, double alpha) {
    int size = tallies.size();
    int[][] counts = new int[size][2];
    if (size < 2) {
      return counts;
    }
    double[] nps = new double[size];
    double[] var = new double[size];
    for (int i = 0; i < size; i++) {
      NpsTally t = tallies.get(i);
      double d = t.detractors();
      double a = t.passives();
      double p = t.promoters();
      if (method == IntervalMethod.ADJUSTED_WALD) {
        d += 0.75;
        a += 1.5;
        p += 0.75;
      }
      double n = d + a + p;
      nps[i] = (p - d) / n;
      var[i] = NpsStatistics.variance(p / n, d / n) / n;
    }
    double pairs = size * (size - 1) / 2.0;
    double critical = zFor(alpha / pairs);
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        double diff = nps[i] - nps[j];
        double se = Math.sqrt(var[i] + var[j]);
        boolean significant = se == 0 ? diff != 0 : Math.abs(diff) / se > critical;
        if (significant) {
          int higher = diff > 0 ? i : j;
          int lower = diff > 0 ? j : i;
          counts[lower][0]++;
          counts[higher][1]++;
        }
      }
    }
    return counts;
  }

  private static double zFor(double twoSidedAlpha) {
    return io.cemkit.nps.internal.Normal.quantile(1 - twoSidedAlpha / 2);
  }

  /**
   * The ranked agents, best first.
   *
   * @return the ranking
   */
  public List<RankedAgent<K>> ranked() {
    return ranked;
  }

  /**
   * Agents below the minimum sample, with their n, in input order.
   *
   * @return the excluded agents
   */
  public Map<K, Long> excluded() {
    return excluded;
  }

  /**
   * The agents flagged {@code BOTTOM}, worst first.
   *
   * @return the flagged agents
   */
  public List<RankedAgent<K>> bottom() {
    List<RankedAgent<K>> bottom = new ArrayList<>(ranked.stream().filter(a -> a.flag() == RankedAgent.Flag.BOTTOM)
        .toList());
    java.util.Collections.reverse(bottom);
    return bottom;
  }

  /**
   * The agents flagged {@code TOP}, best first.
   *
   * @return the flagged agents
   */
  public List<RankedAgent<K>> top() {
    return ranked.stream().filter(a -> a.flag() == RankedAgent.Flag.TOP).toList();
  }

  /**
   * The strength a₀ of the shrinkage prior (in pseudo-answers) that was used.
   *
   * @return the strength
   */
  public double priorStrength() {
    return priorStrength;
  }

  /**
   * The score of all ranked agents pooled.
   *
   * @return the pooled score, empty when nobody was ranked
   */
  public OptionalDouble pooledNps() {
    return Double.isNaN(pooledNps) ? OptionalDouble.empty() : OptionalDouble.of(pooledNps);
  }

  /** How agents are ranked. Immutable; change with the {@code with…} methods. */
  public static final class Options {
    private final MinimumSample minimum;
    private final Basis basis;
    private final Correction correction;
    private final IntervalMethod method;
    private final double confidence;
    private final OptionalDouble priorStrength;

    private Options(MinimumSample minimum, Basis basis, Correction correction, IntervalMethod method,
        double confidence, OptionalDouble priorStrength) {
      this.minimum = Objects.requireNonNull(minimum, "minimum");
      this.basis = Objects.requireNonNull(basis, "basis");
      this.correction = Objects.requireNonNull(correction, "correction");
      this.method = Objects.requireNonNull(method, "method");
      NpsStatistics.z(confidence);
      this.confidence = confidence;
      this.priorStrength = priorStrength;
    }

    /**
     * At least 30 answers, ordered by the adjusted-Wald lower bound at 95%, Holm-corrected flags,
     * shrinkage strength estimated from the data.
     *
     * @return the default options
     */
    public static Options ofDefaults() {
      return new Options(MinimumSample.ofDefaults(), Basis.LOWER_BOUND, Correction.HOLM,
          IntervalMethod.ADJUSTED_WALD, NpsStatistics.DEFAULT_CONFIDENCE, OptionalDouble.empty());
    }

    /**
     * With another minimum sample.
     *
     * @param minimum the policy
     * @return new options
     */
    public Options withMinimum(MinimumSample minimum) {
      return new Options(minimum, basis, correction, method, confidence, priorStrength);
    }

    /**
     * With another basis.
     *
     * @param basis the basis
     * @return new options
     */
    public Options withBasis(Basis basis) {
      return new Options(minimum, basis, correction, method, confidence, priorStrength);
    }

    /**
     * With another correction.
     *
     * @param correction the correction
     * @return new options
     */
    public Options withCorrection(Correction correction) {
      return new Options(minimum, basis, correction, method, confidence, priorStrength);
    }

    /**
     * With another interval method (the tests use the adjusted Wald when it is
     * {@link IntervalMethod#SCORE}).
     *
     * @param method the method
     * @return new options
     */
    public Options withMethod(IntervalMethod method) {
      return new Options(minimum, basis, correction, method, confidence, priorStrength);
    }

    /**
     * With another confidence level (also the flags' significance level, 1 − confidence).
     *
     * @param confidence the level, strictly between 0 and 1
     * @return new options
     */
    public Options withConfidence(double confidence) {
      return new Options(minimum, basis, correction, method, confidence, priorStrength);
    }

    /**
     * With a fixed shrinkage strength instead of the estimate.
     *
     * @param strength pseudo-answers of the pooled shares added to every agent, finite, not negative
     * @return new options
     */
    public Options withPriorStrength(double strength) {
      if (!(strength >= 0) || Double.isInfinite(strength)) {
        throw new IllegalArgumentException("priorStrength must be finite and not negative, was " + strength);
      }
      return new Options(minimum, basis, correction, method, confidence, OptionalDouble.of(strength));
    }
  }
}
