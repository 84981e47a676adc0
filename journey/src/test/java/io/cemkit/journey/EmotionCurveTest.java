package io.cemkit.journey;

import static io.cemkit.journey.Fixtures.BUY;
import static io.cemkit.journey.Fixtures.USE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cemkit.core.JourneyStage;
import io.cemkit.core.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EmotionCurveTest {

  /** A curve of the named or ad-hoc emotions with these valences. */
  private static EmotionCurve curve(double... valences) {
    List<CurvePoint> points = new ArrayList<>();
    for (int i = 0; i < valences.length; i++) {
      points.add(CurvePoint.of(i, Touchpoint.of("t" + i), BUY, Emotion.of("e" + i, valences[i])));
    }
    return EmotionCurve.of(points);
  }

  private static List<Integer> lowIndexes(EmotionCurve curve) {
    return curve.lowPoints().stream().map(CurvePoint::index).toList();
  }

  @Test
  @DisplayName("the map's curve follows journey order with each touchpoint's emotion")
  void fromMap() {
    JourneyMap map = Fixtures.twoStages().addTouchpoints(
        Fixtures.tp("u", USE, "Ops", "angry").build(), Fixtures.tp("b", BUY, "Sales", "happy").build(),
        Fixtures.outside("f", USE, "bored").build()).build();
    EmotionCurve curve = map.curve();
    assertThat(curve.points()).extracting(p -> p.touchpoint().code(), CurvePoint::stage, CurvePoint::emotion)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("b", BUY, Emotion.HAPPY),
            org.assertj.core.groups.Tuple.tuple("u", USE, Emotion.ANGRY),
            org.assertj.core.groups.Tuple.tuple("f", USE, Emotion.BORED));
    assertThat(curve.lowPoints()).extracting(p -> p.touchpoint().code()).containsExactly("u");
    assertThat(curve.drops()).singleElement().satisfies(d -> {
      assertThat(d.from().touchpoint().code()).isEqualTo("b");
      assertThat(d.size()).isCloseTo(1.7, within(1e-12));
    });
    assertThat(curve.minimum()).isEqualTo(-1.0);
    assertThat(curve.mean()).isCloseTo((0.7 - 1 - 0.2) / 3, within(1e-12));
  }

  @Test
  @DisplayName("low points: negative valleys, whole plateaus, the ends count; positive valleys do not")
  void lowPoints() {
    assertThat(lowIndexes(curve(0.7, -0.6, -0.4, -1, -1, -0.7, -0.4))).containsExactly(1, 3, 4);
    assertThat(lowIndexes(curve(-0.5, 0.2, 0.1, 0.5))).as("start and a positive valley").containsExactly(0);
    assertThat(lowIndexes(curve(1, 0.5, -0.2))).as("the end").containsExactly(2);
    assertThat(lowIndexes(curve(-0.3, -0.3, -0.3))).as("all flat below zero").containsExactly(0, 1, 2);
    assertThat(lowIndexes(curve(0, 0, 0))).as("indifferent is not a low point").isEmpty();
    assertThat(lowIndexes(curve(-0.2, -0.5, -0.5, -0.4, -0.6))).as("a plateau then a lower end")
        .containsExactly(1, 2, 4);
    assertThat(lowIndexes(curve())).isEmpty();
  }

  @Test
  @DisplayName("drops are every fall in journey order; the largest come first, ties in journey order")
  void drops() {
    EmotionCurve curve = curve(1, 0.2, 0.5, -0.3, -0.3, -1, 0);
    assertThat(curve.drops()).extracting(d -> d.from().index()).containsExactly(0, 2, 4);
    assertThat(curve.largestDrops(2)).extracting(d -> d.from().index()).containsExactly(0, 2);
    assertThat(curve.largestDrops(10)).extracting(EmotionDrop::size)
        .containsExactly(0.8, 0.8, 0.7);
    assertThat(curve.largestDrops(0)).isEmpty();
    assertThatThrownBy(() -> curve.largestDrops(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be at least 0, was -1");
  }

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 25).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("seeded random curves: every low point is negative and no neighbour is lower; drops add up")
  void invariants(long seed) {
    Random random = new Random(seed);
    double[] v = IntStream.range(0, 1 + random.nextInt(30))
        .mapToDouble(i -> Emotion.named().get(random.nextInt(8)).valence()).toArray();
    EmotionCurve curve = curve(v);
    for (CurvePoint p : curve.lowPoints()) {
      int i = p.index();
      assertThat(v[i]).isNegative();
      assertThat(i == 0 || v[i - 1] >= v[i]).isTrue();
      assertThat(i == v.length - 1 || v[i + 1] >= v[i]).isTrue();
    }
    if (curve.minimum() < 0) {
      assertThat(curve.lowPoints()).as("the global minimum is a low point")
          .anyMatch(p -> p.valence() == curve.minimum());
    }
    double fallen = curve.drops().stream().mapToDouble(EmotionDrop::size).sum();
    double expected = 0;
    for (int i = 1; i < v.length; i++) {
      expected += Math.max(0, v[i - 1] - v[i]);
    }
    assertThat(fallen).isCloseTo(expected, within(1e-9));
  }

  @Test
  @DisplayName("curve values refuse broken invariants")
  void checks() {
    CurvePoint a = CurvePoint.of(0, Touchpoint.of("a"), BUY, Emotion.HAPPY);
    CurvePoint b = CurvePoint.of(1, Touchpoint.of("b"), BUY, Emotion.ANGRY);
    CurvePoint c = CurvePoint.of(2, Touchpoint.of("c"), JourneyStage.of("x"), Emotion.ANGRY);
    assertThatThrownBy(() -> EmotionCurve.of(List.of(a, c))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("EmotionCurve.points[1] must have index 1, was 2");
    assertThatThrownBy(() -> EmotionDrop.of(b, a)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("EmotionDrop.to must directly follow from (index 1), was index 0");
    assertThatThrownBy(() -> EmotionDrop.of(b, c)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("EmotionDrop.to must be lower than from (angry (-1.00)), was angry (-1.00)");
    assertThatThrownBy(() -> CurvePoint.of(-1, Touchpoint.of("a"), BUY, Emotion.HAPPY))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("CurvePoint.index must be at least 0, was -1");
  }
}
