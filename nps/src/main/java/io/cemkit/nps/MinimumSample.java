package io.cemkit.nps;

/**
 * The minimum-sample policy: a group with fewer answers is marked too small to judge (its score is
 * still reported, with its wide interval, but it is not ranked or flagged). Research on NPS
 * precision: ±10 points at 95% needs roughly 230–380 answers, ±5 points 900–1,500; the default of
 * 30 only keeps out groups whose score is mostly noise.
 *
 * @param responses the fewest answers a group needs, at least 1
 */
public record MinimumSample(long responses) {
  /** The default minimum. */
  public static final long DEFAULT = 30;

  /**
   * Validates the minimum.
   *
   * @param responses the minimum
   * @throws IllegalArgumentException if below 1
   */
  public MinimumSample {
    if (responses < 1) {
      throw new IllegalArgumentException("MinimumSample.responses must be at least 1, was " + responses);
    }
  }

  /**
   * A policy.
   *
   * @param responses the minimum
   * @return the policy
   */
  public static MinimumSample of(long responses) {
    return new MinimumSample(responses);
  }

  /**
   * The default policy of {@value #DEFAULT} answers.
   *
   * @return the policy
   */
  public static MinimumSample ofDefaults() {
    return new MinimumSample(DEFAULT);
  }

  /**
   * Whether a tally has enough answers to judge.
   *
   * @param tally the answers
   * @return true if n reaches the minimum
   */
  public boolean isMet(NpsTally tally) {
    return tally.n() >= responses;
  }
}
