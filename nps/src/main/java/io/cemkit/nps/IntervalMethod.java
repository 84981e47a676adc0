package io.cemkit.nps;

/** How a confidence interval for NPS (or a difference of two) is computed. */
public enum IntervalMethod {
  /**
   * The textbook Wald interval NPS ± z·SE on the multinomial variance. Zero width when every answer
   * falls in one category and poor coverage for small n; may leave [−100, 100]. For reference.
   */
  WALD,
  /**
   * Rocks' adjusted Wald (The American Statistician 70 (2016)): add ¾ detractor, 1½ passive and ¾
   * promoter (n + 3), centre on the adjusted score and clamp to [−100, 100]. The default: best
   * coverage of the closed-form methods.
   */
  ADJUSTED_WALD,
  /**
   * The score (Tango-type, "iterative") interval: every Δ whose score statistic under the
   * constrained maximum-likelihood estimate stays within ±z. Never degenerate, always inside
   * [−100, 100]. One sample only.
   */
  SCORE
}
