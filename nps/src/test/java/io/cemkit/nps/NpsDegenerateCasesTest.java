package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleConsumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The degenerate cases research/nps.md finding 3 asks to define: no answers, every answer in one
 * category, zero-width Wald, score endpoints at ±100, bad confidence levels and bad comparisons.
 * Expected numbers are closed-form (shown inline) or from {@code nps_reference.py} where named.
 */
class NpsDegenerateCasesTest {
  private static final double EPS = 1e-9;

  @Test
  void anEmptyTallyIsEmptyEverywhereNeverZero() {
    NpsTally empty = NpsTally.strict();
    SoftAssertions.assertSoftly(s -> {
      s.assertThat(empty.n()).isEqualTo(0L);
      s.assertThat(empty.nps()).isEqualTo(OptionalDouble.empty());
      s.assertThat(empty.mean()).isEqualTo(OptionalDouble.empty());
      s.assertThat(empty.share(NpsCategory.PROMOTER)).isEqualTo(OptionalDouble.empty());
      s.assertThat(NpsStatistics.standardError(empty)).isEqualTo(OptionalDouble.empty());
      s.assertThat(NpsStatistics.variance(empty)).isEqualTo(OptionalDouble.empty());
      s.assertThat(NpsStatistics.linearizedStandardError(empty)).isEqualTo(OptionalDouble.empty());
      s.assertThat(NpsStatistics.weighted(empty, 0.95)).isEqualTo(Optional.empty());
      for (IntervalMethod method : IntervalMethod.values()) {
        s.assertThat(NpsStatistics.interval(empty, method, 0.95)).as(method.name()).isEqualTo(Optional.empty());
        s.assertThat(NpsStatistics.interval(0, 0, 0, method, 0.95)).as(method.name()).isEqualTo(Optional.empty());
      }
    });
    NpsEstimate estimate = NpsStatistics.estimate(empty);
    SoftAssertions.assertSoftly(s -> {
      s.assertThat(estimate.n()).isEqualTo(0L);
      s.assertThat(estimate.promoters()).isEqualTo(0L);
      s.assertThat(estimate.passives()).isEqualTo(0L);
      s.assertThat(estimate.detractors()).isEqualTo(0L);
      s.assertThat(estimate.nps()).isEqualTo(Optional.empty());
      s.assertThat(estimate.standardError()).isEqualTo(Optional.empty());
      s.assertThat(estimate.intervals()).isEqualTo(Optional.empty());
      s.assertThat(estimate.weighted()).isEqualTo(Optional.empty());
    });
  }

  @Test
  void aLenientTallyOfOnlyInvalidAnswersIsStillEmpty() {
    NpsTally tally = NpsTally.lenient();
    tally.recordAll(new int[] {-1, 11, 42});
    assertThat(tally.n()).isEqualTo(0L);
    assertThat(tally.invalid()).isEqualTo(3L);
    assertThat(tally.answers()).isEqualTo(3L);
    assertThat(tally.nps()).isEqualTo(OptionalDouble.empty());
    assertThat(NpsStatistics.estimate(tally).nps()).isEqualTo(Optional.empty());
  }

  @Test
  void weightsThatAreAllZeroGiveNoWeightedFigures() {
    NpsTally tally = NpsTally.strict();
    tally.record(10, 0.0);
    tally.record(3, 0.0);
    assertThat(tally.isWeighted()).isTrue();
    assertThat(NpsStatistics.weighted(tally, 0.95)).isEqualTo(Optional.empty());
    assertThat(NpsStatistics.linearizedStandardError(tally)).isEqualTo(OptionalDouble.empty());
    NpsEstimate estimate = NpsStatistics.estimate(tally);
    assertThat(estimate.weighted()).isEqualTo(Optional.empty());
    assertThat(estimate.nps()).isEqualTo(Optional.of(0.0));
  }

  @Test
  void linearizedStandardErrorNeedsTwoAnswers() {
    assertThat(NpsStatistics.linearizedStandardError(NpsTally.of(10))).isEqualTo(OptionalDouble.empty());
    // n = 2, one promoter and one detractor, unit weights: r = 0, Σ(x − r)² = 2, (Σw)² = 4,
    // V = 2/1 · 2/4 = 1 → 100 points.
    assertThat(NpsStatistics.linearizedStandardError(NpsTally.of(10, 0)).getAsDouble())
        .isCloseTo(100.0, within(EPS));
  }

  @ParameterizedTest(name = "every answer {0}")
  @ValueSource(ints = {0, 6, 7, 8, 9, 10})
  void everyAnswerInOneCategoryGivesZeroVarianceAndAZeroWidthWaldInterval(int answer) {
    NpsTally tally = NpsTally.strict();
    for (int i = 0; i < 25; i++) {
      tally.record(answer);
    }
    double nps = answer <= 6 ? -100 : answer >= 9 ? 100 : 0;
    assertThat(tally.nps().getAsDouble()).isEqualTo(nps);
    assertThat(NpsStatistics.variance(tally).getAsDouble()).isEqualTo(0.0);
    assertThat(NpsStatistics.standardError(tally).getAsDouble()).isEqualTo(0.0);
    assertThat(NpsStatistics.interval(tally, IntervalMethod.WALD, 0.95)).isEqualTo(
        Optional.of(Interval.of(nps, nps)));
    assertThat(NpsStatistics.interval(tally, IntervalMethod.WALD, 0.95).orElseThrow().width()).isEqualTo(0.0);
    // The adjusted and score intervals are never degenerate.
    assertThat(NpsStatistics.interval(tally, IntervalMethod.ADJUSTED_WALD, 0.95).orElseThrow().width())
        .isGreaterThan(10);
    assertThat(NpsStatistics.interval(tally, IntervalMethod.SCORE, 0.95).orElseThrow().width())
        .isGreaterThan(10);
  }

  @Test
  void scoreIntervalReachesPlusHundredExactlyWhenEveryAnswerIsAPromoter() {
    // nps_reference.py [score] 0 0 5 0.95: 13.103507043365054 100.0, and 0 0 1: -58.69013712455251 100.0
    assertThat(NpsStatistics.interval(0, 0, 5, IntervalMethod.SCORE, 0.95).orElseThrow().high()).isEqualTo(100.0);
    assertThat(NpsStatistics.interval(0, 0, 5, IntervalMethod.SCORE, 0.95).orElseThrow().low())
        .isCloseTo(13.103507043365054, within(EPS));
    assertThat(NpsStatistics.interval(0, 0, 1, IntervalMethod.SCORE, 0.95).orElseThrow().high()).isEqualTo(100.0);
  }

  @Test
  void scoreIntervalReachesMinusHundredExactlyWhenEveryAnswerIsADetractor() {
    // nps_reference.py [score] 5 0 0 0.95: -100.0 -13.103507043365054
    Interval interval = NpsStatistics.interval(5, 0, 0, IntervalMethod.SCORE, 0.95).orElseThrow();
    assertThat(interval.low()).isEqualTo(-100.0);
    assertThat(interval.high()).isCloseTo(-13.103507043365054, within(EPS));
    assertThat(NpsStatistics.interval(1, 0, 0, IntervalMethod.SCORE, 0.95).orElseThrow().low()).isEqualTo(-100.0);
  }

  @Test
  void scoreIntervalIsSymmetricAndBelowHundredForPassivesOnly() {
    // nps_reference.py [score] 0 7 0 0.95: -35.43304350666874 35.43304350666874
    Interval interval = NpsStatistics.interval(0, 7, 0, IntervalMethod.SCORE, 0.95).orElseThrow();
    assertThat(interval.low()).isCloseTo(-35.43304350666874, within(EPS));
    assertThat(interval.high()).isCloseTo(35.43304350666874, within(EPS));
  }

  @Test
  void adjustedWaldIsClampedToPlusMinusHundred() {
    // research/nps.md: all promoters n = 5 → [17.5, 107.5] before clamping.
    // nps_reference.py [wald] 0 0 5 0.95: adj 17.49145303416897 100.0 (unclamped upper 107.50854696583103)
    Interval promoters = NpsStatistics.interval(0, 0, 5, IntervalMethod.ADJUSTED_WALD, 0.95).orElseThrow();
    assertThat(promoters.low()).isCloseTo(17.49145303416897, within(EPS));
    assertThat(promoters.high()).isEqualTo(100.0);
    Interval detractors = NpsStatistics.interval(5, 0, 0, IntervalMethod.ADJUSTED_WALD, 0.95).orElseThrow();
    assertThat(detractors.low()).isEqualTo(-100.0);
    assertThat(detractors.high()).isCloseTo(-17.49145303416897, within(EPS));
  }

  @Test
  void waldIsNotClampedAndTwoOppositeAnswersSpanPlusMinus138Point6() {
    // research/nps.md: answers {0, 10} → ±138.6; nps_reference.py [wald] 1 0 1 0.95: ±138.59038243496778
    Interval wald = NpsStatistics.interval(NpsTally.of(0, 10), IntervalMethod.WALD, 0.95).orElseThrow();
    assertThat(wald.low()).isCloseTo(-138.59038243496778, within(EPS));
    assertThat(wald.high()).isCloseTo(138.59038243496778, within(EPS));
  }

  static List<DoubleConsumer> confidenceUsers() {
    NpsTally tally = NpsTally.of(0, 7, 9, 10);
    NpsTally weighted = NpsTally.strict();
    weighted.record(9, 2.0);
    NpsTally other = NpsTally.of(3, 10);
    return List.of(
        c -> NpsStatistics.z(c),
        c -> NpsStatistics.estimate(tally, c),
        c -> NpsStatistics.estimate(NpsTally.strict(), c),
        c -> NpsStatistics.interval(tally, IntervalMethod.WALD, c),
        c -> NpsStatistics.interval(tally, IntervalMethod.ADJUSTED_WALD, c),
        c -> NpsStatistics.interval(tally, IntervalMethod.SCORE, c),
        c -> NpsStatistics.interval(0, 0, 0, IntervalMethod.SCORE, c),
        c -> NpsStatistics.weighted(weighted, c),
        c -> NpsStatistics.compare("a", tally, "b", other, IntervalMethod.WALD, c),
        c -> NpsStatistics.compareWithBenchmark("a", tally, 30, IntervalMethod.ADJUSTED_WALD, c),
        c -> NpsStatistics.sampleSizeForMargin(5, c, 1),
        c -> NpsStatistics.sampleSizeForDifference(5, c, 0.8, 0.75, 0.75));
  }

  @ParameterizedTest(name = "confidence {0} is rejected everywhere")
  @ValueSource(doubles = {0, 1, -1, Double.NaN, 1.5, -0.0, Double.POSITIVE_INFINITY})
  void invalidConfidenceIsRejectedWithTheValueInTheMessage(double confidence) {
    List<DoubleConsumer> users = confidenceUsers();
    for (int i = 0; i < users.size(); i++) {
      DoubleConsumer user = users.get(i);
      assertThatThrownBy(() -> user.accept(confidence))
          .as("entry point #%d", i)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("confidence must be strictly between 0 and 1, was " + confidence);
    }
  }

  @Test
  void compareWithAnEmptySampleNamesIt() {
    NpsTally some = NpsTally.of(9, 10, 3);
    assertThatThrownBy(() -> NpsStatistics.compare("March", some, "April", NpsTally.strict(),
        IntervalMethod.WALD, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 in 'March'")
        .hasMessageContaining("0 in 'April'");
    assertThatThrownBy(() -> NpsStatistics.compare("North", NpsTally.strict(), "South", some,
        IntervalMethod.ADJUSTED_WALD, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 in 'North'");
    assertThatThrownBy(() -> NpsStatistics.compareWithBenchmark("Branch 7", NpsTally.strict(), 32,
        IntervalMethod.WALD, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Branch 7' has none");
  }

  @Test
  void scoreMethodIsRejectedByTheTwoSampleTests() {
    NpsTally a = NpsTally.of(9, 10, 3);
    NpsTally b = NpsTally.of(0, 10, 7);
    assertThatThrownBy(() -> NpsStatistics.compare("a", a, "b", b, IntervalMethod.SCORE, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compare supports WALD and ADJUSTED_WALD, not SCORE");
    assertThatThrownBy(() -> NpsStatistics.compareWithBenchmark("a", a, 10, IntervalMethod.SCORE, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compareWithBenchmark supports WALD and ADJUSTED_WALD, not SCORE");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-100.0001, 100.5, Double.NaN, Double.NEGATIVE_INFINITY})
  void benchmarkOutsidePlusMinusHundredIsRejected(double benchmark) {
    assertThatThrownBy(() -> NpsStatistics.compareWithBenchmark("a", NpsTally.of(10), benchmark,
        IntervalMethod.WALD, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("benchmark NPS must be -100 to 100, was " + benchmark);
  }

  @Test
  void twoSamplesWithoutSpreadGiveZeroErrorAndAnEmptyZ() {
    // Both all promoters, Wald: Δ = 0, SE = 0 → z = 0, p = 1.
    NpsComparison same = NpsStatistics.compare("a", NpsTally.of(10, 9), "b", NpsTally.of(9, 9, 10),
        IntervalMethod.WALD, 0.95);
    assertThat(same.difference()).isEqualTo(0.0);
    assertThat(same.standardError()).isEqualTo(0.0);
    assertThat(same.z()).isEqualTo(Optional.of(0.0));
    assertThat(same.pValue()).isEqualTo(1.0);
    assertThat(same.interval()).isEqualTo(Interval.of(0, 0));
    // All promoters against all detractors: Δ = 200, SE = 0 → no z, p = 0.
    NpsComparison opposite = NpsStatistics.compare("a", NpsTally.of(10, 10), "b", NpsTally.of(0, 1),
        IntervalMethod.WALD, 0.95);
    assertThat(opposite.difference()).isEqualTo(200.0);
    assertThat(opposite.standardError()).isEqualTo(0.0);
    assertThat(opposite.z()).isEqualTo(Optional.empty());
    assertThat(opposite.pValue()).isEqualTo(0.0);
    assertThat(opposite.isSignificant(0.95)).isTrue();
    assertThat(opposite.interval()).isEqualTo(Interval.of(200, 200));
  }

  @ParameterizedTest
  @EnumSource(IntervalMethod.class)
  void negativeCountsAreRejected(IntervalMethod method) {
    assertThatThrownBy(() -> NpsStatistics.interval(-1, 2, 3, method, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts must not be negative, were D=-1 A=2 P=3");
  }

  @Test
  void sampleSizesRejectBadArgumentsNamingThem() {
    assertThatThrownBy(() -> NpsStatistics.sampleSizeForMargin(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("margin must be positive points, was 0.0");
    assertThatThrownBy(() -> NpsStatistics.sampleSizeForMargin(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was Infinity");
    assertThatThrownBy(() -> NpsStatistics.sampleSizeForMargin(5, 0.95, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("variance must be in (0, 1], was 0.0");
    assertThatThrownBy(() -> NpsStatistics.sampleSizeForMargin(5, 0.95, 1.01))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("variance must be in (0, 1], was 1.01");
    assertThatThrownBy(() -> NpsStatistics.sampleSizeForDifference(-5, 0.95, 0.8, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("difference must be positive points, was -5.0");
    assertThatThrownBy(() -> NpsStatistics.sampleSizeForDifference(5, 0.95, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("power must be strictly between 0 and 1, was 1.0");
    assertThatThrownBy(() -> NpsStatistics.sampleSizeForDifference(5, 0.95, 0.8, 1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("varianceB must be in (0, 1], was NaN");
    assertThatThrownBy(() -> NpsStatistics.sampleSizeForDifference(5, 0.95, 0.8, -1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("varianceA must be in (0, 1], was -1.0");
  }

  @Test
  void aMarginWiderThanTheScaleNeedsOneAnswer() {
    // z²σ²/E² − 3 < 1 for E = 100 points (nps_reference.py [size]: 0.8414588206941254 → 1).
    assertThat(NpsStatistics.sampleSizeForMargin(100)).isEqualTo(1L);
    assertThat(NpsStatistics.sampleSizeForMargin(150)).isEqualTo(1L);
  }
}
