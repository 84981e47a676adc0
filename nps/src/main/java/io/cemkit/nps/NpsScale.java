package io.cemkit.nps;

import java.util.Arrays;
import java.util.Objects;

/**
 * A rating scale and its categoriser: which integer answers are valid and which category each
 * falls in. The classic NPS question uses 0–10 with detractors 0–6, passives 7–8 and promoters
 * 9–10 ({@link #classic()}); employee NPS (eNPS) uses the same scale. Other scales, such as a
 * 5-point question, are mapped with {@link #of(int, int, int, int)} or point by point with
 * {@link #ofPoints(int, NpsCategory...)}.
 *
 * <p>A scale has at most {@value #MAX_POINTS} consecutive points so that a tally stays a fixed
 * 11-bin histogram. Immutable and thread-safe.
 */
public final class NpsScale {
  /** The most points a scale may have. */
  public static final int MAX_POINTS = 11;

  /** D, A, P: the research notation (PASSIVE and PROMOTER share a first letter). */
  private static final String LETTERS = "DAP";
  private static final NpsScale CLASSIC = of(0, 10, 7, 9);

  private final int min;
  private final NpsCategory[] categories;
  private final String name;

  private NpsScale(int min, NpsCategory[] categories, String name) {
    this.min = min;
    this.categories = categories;
    this.name = name;
  }

  /**
   * The classic 0–10 scale: detractors 0–6, passives 7–8, promoters 9–10.
   *
   * @return the scale
   */
  public static NpsScale classic() {
    return CLASSIC;
  }

  /**
   * A scale from {@code min} to {@code max} where answers below {@code passiveFrom} are
   * detractors, answers from {@code passiveFrom} below {@code promoterFrom} passives, and answers
   * from {@code promoterFrom} promoters. For a 5-point question with 5 as promoter, 4 as passive:
   * {@code NpsScale.of(1, 5, 4, 5)}.
   *
   * @param min the lowest answer
   * @param max the highest answer
   * @param passiveFrom the lowest passive answer ({@code min < passiveFrom <= promoterFrom})
   * @param promoterFrom the lowest promoter answer ({@code promoterFrom <= max})
   * @return the scale
   * @throws IllegalArgumentException if the bounds are out of order or span more than 11 points
   */
  public static NpsScale of(int min, int max, int passiveFrom, int promoterFrom) {
    if (max < min || (long) max - min + 1 > MAX_POINTS) {
      throw new IllegalArgumentException("NpsScale must span 1 to " + MAX_POINTS + " points, was " + min
          + " to " + max);
    }
    if (passiveFrom <= min || passiveFrom > promoterFrom || promoterFrom > max) {
      throw new IllegalArgumentException("NpsScale needs min < passiveFrom <= promoterFrom <= max, was min "
          + min + ", passiveFrom " + passiveFrom + ", promoterFrom " + promoterFrom + ", max " + max);
    }
    NpsCategory[] categories = new NpsCategory[max - min + 1];
    for (int point = min; point <= max; point++) {
      categories[point - min] = point < passiveFrom ? NpsCategory.DETRACTOR
          : point < promoterFrom ? NpsCategory.PASSIVE : NpsCategory.PROMOTER;
    }
    String name = min + "–" + max + " (detractors " + min + "–" + (passiveFrom - 1)
        + (passiveFrom < promoterFrom ? ", passives " + passiveFrom + "–" + (promoterFrom - 1) : "")
        + ", promoters " + promoterFrom + "–" + max + ")";
    return new NpsScale(min, categories, name);
  }

  /**
   * A scale given point by point: {@code categories[i]} is the category of answer {@code min + i}.
   * The categories need not be monotone, but each must be given.
   *
   * @param min the lowest answer
   * @param categories the category of each point, 1 to 11 of them
   * @return the scale
   * @throws IllegalArgumentException if there are no points, more than 11, or a null category
   */
  public static NpsScale ofPoints(int min, NpsCategory... categories) {
    Objects.requireNonNull(categories, "categories");
    if (categories.length == 0 || categories.length > MAX_POINTS) {
      throw new IllegalArgumentException("NpsScale must have 1 to " + MAX_POINTS + " points, had "
          + categories.length);
    }
    if ((long) min + categories.length - 1 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("NpsScale points must fit in an int, min was " + min);
    }
    StringBuilder name = new StringBuilder().append(min).append('–').append(min + categories.length - 1)
        .append(" (");
    for (int i = 0; i < categories.length; i++) {
      if (categories[i] == null) {
        throw new IllegalArgumentException("NpsScale category of point " + (min + i) + " is null");
      }
      name.append(i == 0 ? "" : " ").append(LETTERS.charAt(categories[i].ordinal()));
    }
    return new NpsScale(min, categories.clone(), name.append(')').toString());
  }

  /**
   * The lowest valid answer.
   *
   * @return the lowest answer
   */
  public int min() {
    return min;
  }

  /**
   * The highest valid answer.
   *
   * @return the highest answer
   */
  public int max() {
    return min + categories.length - 1;
  }

  /**
   * The number of points.
   *
   * @return max − min + 1
   */
  public int points() {
    return categories.length;
  }

  /**
   * Whether the answer is a point of this scale.
   *
   * @param answer the answer
   * @return true if valid
   */
  public boolean isValid(long answer) {
    return answer >= min && answer <= max();
  }

  /**
   * The category of a valid answer.
   *
   * @param answer the answer
   * @return its category
   * @throws InvalidScoreException if the answer is not on the scale
   */
  public NpsCategory categoryOf(int answer) {
    if (!isValid(answer)) {
      throw new InvalidScoreException(answer, "given", this);
    }
    return categories[answer - min];
  }

  NpsCategory categoryOfBin(int bin) {
    return categories[bin];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpsScale s && s.min == min && Arrays.equals(s.categories, categories);
  }

  @Override
  public int hashCode() {
    return 31 * min + Arrays.hashCode(categories);
  }

  /** A description such as {@code 0–10 (detractors 0–6, passives 7–8, promoters 9–10)}. */
  @Override
  public String toString() {
    return name;
  }
}
