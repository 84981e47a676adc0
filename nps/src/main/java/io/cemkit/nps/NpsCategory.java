package io.cemkit.nps;

/**
 * The three NPS categories. On the classic 0–10 scale detractors answer 0–6, passives 7–8 and
 * promoters 9–10; {@link NpsScale} maps other scales.
 */
public enum NpsCategory {
  /** An unhappy customer who may damage the brand; counts −1 towards the score. */
  DETRACTOR,
  /** A satisfied but unenthusiastic customer; counts 0. */
  PASSIVE,
  /** A loyal enthusiast who recommends; counts +1. */
  PROMOTER;

  /**
   * The category's contribution to a respondent's score: −1, 0 or +1.
   *
   * @return the sign
   */
  public int sign() {
    return ordinal() - 1;
  }
}
