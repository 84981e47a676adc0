package io.cemkit.journey;

/** How the median gap of a transition is found. */
public enum GapMedian {
  /**
   * Exactly: every gap is kept (8 bytes each) and each transition's median selected; memory grows with the
   * events.
   */
  EXACT,
  /**
   * Within 1 % relative error, from a logarithmic histogram per transition (the DDSketch idea); memory grows
   * with the transitions only, for very large logs. Deterministic.
   */
  APPROXIMATE
}
