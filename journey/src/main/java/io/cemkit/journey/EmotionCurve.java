package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * The customer's emotion from touchpoint to touchpoint, in journey order (J2), with its low points — the
 * moments of truth — and its drops.
 *
 * <p>A <em>low point</em> is a touchpoint whose valence is below zero (worse than indifferent) and that lies
 * in a valley: it belongs to a run of equal valences whose neighbours on both sides are higher, or that
 * reaches the start or the end of the journey. Each touchpoint of such a run is a low point, so two angry
 * moments in a row are both reported. A <em>drop</em> is a fall from one touchpoint to the next.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEmotionCurve.class)
@JsonDeserialize(as = ImmutableEmotionCurve.class)
public abstract class EmotionCurve {
  /** Low points have a valence below this. */
  public static final double MOMENT_OF_TRUTH_BELOW = 0.0;

  EmotionCurve() {}

  /**
   * The points, in journey order.
   *
   * @return the points, indexed 0, 1, 2 …
   */
  @JsonProperty("points")
  public abstract List<CurvePoint> points();

  /**
   * A curve.
   *
   * @param points the points in journey order, indexed 0, 1, 2 …
   * @return the curve
   * @throws IllegalArgumentException if the indexes do not count up from 0
   */
  public static EmotionCurve of(List<CurvePoint> points) {
    return ImmutableEmotionCurve.builder().addAllPoints(Objects.requireNonNull(points, "points")).build();
  }

  /**
   * The moments of truth: the valleys below zero, as defined on this class.
   *
   * @return the low points, in journey order
   */
  public List<CurvePoint> lowPoints() {
    List<CurvePoint> points = points();
    List<CurvePoint> low = new ArrayList<>();
    int i = 0;
    while (i < points.size()) {
      double v = points.get(i).valence();
      int j = i;
      while (j + 1 < points.size() && points.get(j + 1).valence() == v) {
        j++;
      }
      boolean valley = (i == 0 || points.get(i - 1).valence() > v) && (j == points.size() - 1
          || points.get(j + 1).valence() > v);
      if (valley && v < MOMENT_OF_TRUTH_BELOW) {
        low.addAll(points.subList(i, j + 1));
      }
      i = j + 1;
    }
    return low;
  }

  /**
   * Every fall from one touchpoint to the next.
   *
   * @return the drops, in journey order
   */
  public List<EmotionDrop> drops() {
    List<EmotionDrop> drops = new ArrayList<>();
    for (int i = 1; i < points().size(); i++) {
      if (points().get(i).valence() < points().get(i - 1).valence()) {
        drops.add(EmotionDrop.of(points().get(i - 1), points().get(i)));
      }
    }
    return drops;
  }

  /**
   * The largest drops, largest first; equal drops in journey order.
   *
   * @param limit how many at most
   * @return up to {@code limit} drops
   * @throws IllegalArgumentException if the limit is negative
   */
  public List<EmotionDrop> largestDrops(int limit) {
    Checks.atLeast("limit", limit, 0);
    return drops().stream()
        .sorted(Comparator.comparingDouble(EmotionDrop::size).reversed()
            .thenComparingInt(d -> d.from().index()))
        .limit(limit)
        .toList();
  }

  /**
   * The lowest valence on the curve.
   *
   * @return the minimum, or 0 for an empty curve
   */
  public double minimum() {
    return points().stream().mapToDouble(CurvePoint::valence).min().orElse(0);
  }

  /**
   * The mean valence.
   *
   * @return the mean, or 0 for an empty curve
   */
  public double mean() {
    return points().stream().mapToDouble(CurvePoint::valence).average().orElse(0);
  }

  @Value.Check
  void check() {
    for (int i = 0; i < points().size(); i++) {
      Checks.check(points().get(i).index() == i, "EmotionCurve.points[%d] must have index %d, was %d", i, i,
          points().get(i).index());
    }
  }
}
