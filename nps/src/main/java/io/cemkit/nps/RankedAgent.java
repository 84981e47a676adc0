package io.cemkit.nps;

import java.util.Objects;
import java.util.Optional;

/**
 * One agent (driver, branch, team) in an {@link NpsRanking}.
 *
 * @param <K> the agent's key type
 * @param agent the agent
 * @param rank the position by the ranking's basis, 1 = best
 * @param n the agent's answers
 * @param nps the observed score
 * @param interval the confidence interval of the score (the ranking's method)
 * @param shrunkenNps the empirical-Bayes estimate, pulled towards the pooled score the more the
 *     fewer answers the agent has
 * @param rankRange the ranks the agent could plausibly hold: from 1 + the number of agents
 *     significantly above to K − the number significantly below (Bonferroni-adjusted pairwise
 *     tests)
 * @param versusRest the agent against all other ranked agents pooled (empty when it is the only
 *     one)
 * @param adjustedPValue the p-value of {@code versusRest} after the multiple-comparison
 *     correction (1 when there is no test)
 * @param flag {@link Flag#BOTTOM} or {@link Flag#TOP} when the difference from the rest survives
 *     the correction, else {@link Flag#NONE}
 */
public record RankedAgent<K>(K agent, int rank, long n, double nps, Interval interval, double shrunkenNps,
    RankRange rankRange, Optional<NpsComparison> versusRest, double adjustedPValue, Flag flag) {

  /**
   * Checks the parts.
   *
   * @param agent the agent
   * @param rank the rank
   * @param n the answers
   * @param nps the score
   * @param interval the interval
   * @param shrunkenNps the shrunken score
   * @param rankRange the rank range
   * @param versusRest the test against the rest
   * @param adjustedPValue the corrected p-value
   * @param flag the flag
   */
  public RankedAgent {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(rankRange, "rankRange");
    Objects.requireNonNull(versusRest, "versusRest");
    Objects.requireNonNull(flag, "flag");
  }

  /** Whether an agent stands out from the rest. */
  public enum Flag {
    /** Significantly better than the rest: reward. */
    TOP,
    /** Significantly worse than the rest: attention. */
    BOTTOM,
    /** Not distinguishable from the rest. */
    NONE
  }

  /**
   * The plausible ranks of an agent, best (smallest) to worst.
   *
   * @param best the best plausible rank
   * @param worst the worst plausible rank
   */
  public record RankRange(int best, int worst) {
    /**
     * Checks the bounds.
     *
     * @param best the best rank
     * @param worst the worst rank
     */
    public RankRange {
      if (best < 1 || worst < best) {
        throw new IllegalArgumentException("RankRange needs 1 <= best <= worst, was " + best + " to " + worst);
      }
    }
  }
}
