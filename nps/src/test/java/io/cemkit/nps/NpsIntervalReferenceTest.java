package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Standard error, Wald, adjusted-Wald and score intervals against figures computed independently in
 * Python from the formulas of research/nps.md section 1, by
 * {@code src/test/resources/reference/nps_reference.py} (NumPy 2.4.6, SciPy 1.17.1, mpmath 1.3.0;
 * its output is committed as {@code nps_reference.out}):
 *
 * <ul>
 *   <li>{@code [wald]}: σ² = p + d − (p − d)², SE = 100·√(σ²/n), Wald NPS ± z·SE with
 *       z = {@code scipy.stats.norm.ppf((1 + c)/2)}; adjusted Wald on D + ¾, A + 1½, P + ¾ centred
 *       on NPS' and clamped to [−100, 100].
 *   <li>{@code [score]}: brute force. The constrained MLE of π_D given Δ = π_P − π_D is found by
 *       bisecting the derivative of the trinomial log-likelihood D·log q + A·log(1 − 2q − Δ) +
 *       P·log(q + Δ) in mpmath at 80 digits (no closed-form quadratic), S(Δ) = (P − D − nΔ)/√(n·(2q
 *       + Δ − Δ²)), and the endpoints {|S| = z} are bisected in mpmath. A second, float-only
 *       solution (scipy {@code minimize_scalar} for the MLE, a 4001-point grid scan and
 *       {@code brentq} on S) agrees within 2e-6 points, the optimiser's own precision.
 * </ul>
 */
class NpsIntervalReferenceTest {
  /** Closed forms are reproduced to rounding; 1e-9 points leaves room for a different but exact order. */
  private static final double EPS = 1e-9;

  @ParameterizedTest(name = "D={0} A={1} P={2} at {3}")
  @CsvSource({
      // D, A, P, confidence, nps, se, sigma², wald low, wald high, adjusted low, adjusted high
      "2, 3, 5, 0.95, 30.0, 24.69817807045694, 0.61, -18.40753950185257, 78.40753950185257, -19.05061537636367, 65.20446153020983",
      "2, 3, 5, 0.9, 30.0, 24.69817807045694, 0.61, -10.62488777828441, 70.6248877782844, -12.277621683085613, 58.43146783693176",
      "2, 3, 5, 0.99, 30.0, 24.69817807045694, 0.61, -33.61829081815183, 93.61829081815182, -32.28804734615539, 78.44189350000154",
      "0, 0, 5, 0.95, 100.0, 0.0, 0.0, 100.0, 100.0, 17.49145303416897, 100.0",
      "0, 0, 5, 0.9, 100.0, 0.0, 0.0, 100.0, 100.0, 24.727636678774946, 100.0",
      "0, 0, 5, 0.99, 100.0, 0.0, 0.0, 100.0, 100.0, 3.348742579343411, 100.0",
      "5, 0, 0, 0.95, -100.0, 0.0, 0.0, -100.0, -100.0, -100.0, -17.49145303416897",
      "5, 0, 0, 0.9, -100.0, 0.0, 0.0, -100.0, -100.0, -100.0, -24.727636678774946",
      "5, 0, 0, 0.99, -100.0, 0.0, 0.0, -100.0, -100.0, -100.0, -3.348742579343411",
      "0, 7, 0, 0.95, 0.0, 0.0, 0.0, 0.0, 0.0, -24.004558381776548, 24.004558381776548",
      "0, 7, 0, 0.9, 0.0, 0.0, 0.0, 0.0, 0.0, -20.145260437986696, 20.145260437986696",
      "0, 7, 0, 0.99, 0.0, 0.0, 0.0, 0.0, 0.0, -31.54733729101684, 31.54733729101684",
      "1, 0, 1, 0.95, 0.0, 70.71067811865476, 1.0, -138.59038243496778, 138.59038243496778, -73.3351372056518, 73.3351372056518",
      "1, 0, 1, 0.9, 0.0, 70.71067811865476, 1.0, -116.30871536766738, 116.30871536766738, -61.54478723444884, 61.54478723444884",
      "1, 0, 1, 0.99, 0.0, 70.71067811865476, 1.0, -182.13863677184494, 182.13863677184494, -96.37870740692519, 96.37870740692519",
      "10, 20, 70, 0.95, 60.0, 6.6332495807108, 0.43999999999999995, 46.99906972134142, 73.00093027865859, 45.26976025384826, 71.2350941150838",
      "10, 20, 70, 0.9, 60.0, 6.6332495807108, 0.43999999999999995, 49.08927536869351, 70.9107246313065, 47.357029637994856, 69.1478247309372",
      "10, 20, 70, 0.99, 60.0, 6.6332495807108, 0.43999999999999995, 42.913881352251664, 77.08611864774834, 41.19031064463168, 75.31454372430038",
      "300, 250, 450, 0.95, 15.000000000000002, 2.6972207918522355, 0.7275, 9.713544389617015, 20.286455610382987, 9.678816535063783, 20.23145265735895",
      "300, 250, 450, 0.9, 15.000000000000002, 2.6972207918522355, 0.7275, 10.563466597832932, 19.436533402167072, 10.527108893552949, 19.383160298869782",
      "300, 250, 450, 0.99, 15.000000000000002, 2.6972207918522355, 0.7275, 8.052419646205644, 21.947580353794358, 8.020877240488758, 21.889391951933977",
      "0, 1, 9, 0.95, 90.0, 9.486832980505138, 0.08999999999999997, 71.40614903086315, 108.59385096913685, 38.079226869568636, 100.0",
      "0, 1, 9, 0.9, 90.0, 9.486832980505138, 0.08999999999999997, 74.39554836373328, 105.60445163626672, 43.08757076277408, 95.37396769876439",
      "0, 1, 9, 0.99, 90.0, 9.486832980505138, 0.08999999999999997, 65.56353761094071, 114.43646238905929, 28.290702832786103, 100.0",
      "1, 0, 999, 0.95, 99.8, 0.19989997498749218, 0.0039959999999999996, 99.40820324851406, 100.19179675148594, 98.93261779043716, 100.0",
      "1, 0, 999, 0.9, 99.8, 0.19989997498749218, 0.0039959999999999996, 99.47119380111431, 100.12880619888568, 99.02407827855825, 99.978912748361",
      "1, 0, 999, 0.99, 99.8, 0.19989997498749218, 0.0039959999999999996, 99.28509178664852, 100.31490821335147, 98.75386345457702, 100.0",
      "3, 4, 3, 0.95, 0.0, 24.49489742783178, 0.6, -48.009116763553095, 48.009116763553095, -41.28909562424209, 41.28909562424209",
      "3, 4, 3, 0.9, 0.0, 24.49489742783178, 0.6, -40.29052087597339, 40.29052087597339, -34.65090135675034, 34.65090135675034",
      "3, 4, 3, 0.99, 0.0, 24.49489742783178, 0.6, -63.09467458203369, 63.09467458203369, -54.263069762944404, 54.263069762944404",
      "1, 0, 0, 0.95, -100.0, 0.0, 0.0, -100.0, -100.0, -98.49864942025202, 48.49864942025203",
      "1, 0, 0, 0.9, -100.0, 0.0, 0.0, -100.0, -100.0, -86.6820110106802, 36.682011010680206",
      "1, 0, 0, 0.99, -100.0, 0.0, 0.0, -100.0, -100.0, -100.0, 71.59359888308376",
  })
  void standardErrorWaldAndAdjustedWaldMatchTheReference(long d, long a, long p, double confidence, double nps,
      double se, double variance, double waldLow, double waldHigh, double adjustedLow, double adjustedHigh) {
    NpsTally tally = NpsTally.ofCounts(NpsScale.classic(), d, 0, 0, 0, 0, 0, 0, a, 0, p, 0);
    NpsEstimate estimate = NpsStatistics.estimate(tally, confidence);
    SoftAssertions.assertSoftly(s -> {
      s.assertThat(tally.nps().getAsDouble()).isCloseTo(nps, within(EPS));
      s.assertThat(NpsStatistics.standardError(tally).getAsDouble()).isCloseTo(se, within(EPS));
      s.assertThat(NpsStatistics.variance(tally).getAsDouble()).isCloseTo(variance, within(1e-12));
      Interval wald = NpsStatistics.interval(d, a, p, IntervalMethod.WALD, confidence).orElseThrow();
      s.assertThat(wald.low()).isCloseTo(waldLow, within(EPS));
      s.assertThat(wald.high()).isCloseTo(waldHigh, within(EPS));
      Interval adjusted = NpsStatistics.interval(tally, IntervalMethod.ADJUSTED_WALD, confidence).orElseThrow();
      s.assertThat(adjusted.low()).isCloseTo(adjustedLow, within(EPS));
      s.assertThat(adjusted.high()).isCloseTo(adjustedHigh, within(EPS));
      // The estimate carries the same figures.
      s.assertThat(estimate.nps().orElseThrow()).isCloseTo(nps, within(EPS));
      s.assertThat(estimate.standardError().orElseThrow()).isCloseTo(se, within(EPS));
      s.assertThat(estimate.intervals().orElseThrow().wald()).isEqualTo(wald);
      s.assertThat(estimate.intervals().orElseThrow().get(IntervalMethod.ADJUSTED_WALD)).isEqualTo(adjusted);
    });
  }

  @ParameterizedTest(name = "D={0} A={1} P={2} at {3}")
  @CsvSource({
      // D, A, P, confidence, score low, score high (mpmath bisection, 80 digits)
      "2, 3, 5, 0.95, -21.65921974903801, 67.52778879882568",
      "0, 0, 5, 0.95, 13.103507043365054, 100.0",
      "5, 0, 0, 0.95, -100.0, -13.103507043365054",
      "0, 7, 0, 0.95, -35.43304350666874, 35.43304350666874",
      "1, 0, 0, 0.95, -100.0, 58.69013712455251",
      "1, 0, 1, 0.95, -81.09375885315386, 81.09375885315386",
      "10, 20, 70, 0.95, 45.216652064728635, 71.27679049267732",
      "300, 250, 450, 0.95, 9.672325989846762, 20.232493474915533",
      "0, 1, 9, 0.95, 37.268768026051056, 98.21237869049271",
      "1, 0, 999, 0.95, 98.87148828040841, 99.96469072587479",
      "3, 4, 3, 0.95, -44.42178090955239, 44.42178090955239",
      "2, 3, 5, 0.9, -13.665937367504052, 63.0729177257703",
      "2, 3, 5, 0.99, -35.75624497278962, 74.65117186435619",
      "10, 20, 70, 0.99, 39.86912978702658, 74.15005914832528",
      "0, 0, 1, 0.95, -58.69013712455251, 100.0",
      "40, 25, 35, 0.8, -15.95252344545815, 6.087667174765369",
      "1, 1000000, 1, 0.95, -0.00047370308583892864, 0.00047370308583892864",
      "123456, 234567, 345678, 0.95, 31.40299208903446, 31.754838729604685",
      "0, 1000, 1, 0.95, -0.2827768296930073, 0.5636943921983616",
  })
  void scoreIntervalMatchesTheBruteForceLikelihoodSolution(long d, long a, long p, double confidence,
      double low, double high) {
    Interval score = NpsStatistics.interval(d, a, p, IntervalMethod.SCORE, confidence).orElseThrow();
    assertThat(score.low()).isCloseTo(low, within(EPS));
    assertThat(score.high()).isCloseTo(high, within(EPS));
    assertThat(score.low()).isGreaterThanOrEqualTo(-100);
    assertThat(score.high()).isLessThanOrEqualTo(100);
    NpsTally tally = NpsTally.ofCounts(NpsScale.classic(), d, 0, 0, 0, 0, 0, 0, a, 0, p, 0);
    assertThat(score.contains(tally.nps().getAsDouble())).isTrue();
    assertThat(NpsStatistics.estimate(tally, confidence).intervals().orElseThrow().score()).isEqualTo(score);
  }

  @ParameterizedTest(name = "z({0}) = {1}")
  @CsvSource({
      // confidence, scipy.stats.norm.ppf((1 + c)/2)
      "0.8,   1.2815515655446004",
      "0.9,   1.6448536269514722",
      "0.95,  1.959963984540054",
      "0.99,  2.5758293035489004",
      "0.999, 3.2905267314919255",
  })
  void criticalValuesMatchScipy(double confidence, double z) {
    // Normal.quantile is within 3e-14 relative of mpmath (NormalReferenceTest): z(0.99) is
    // 2.5758293035488804 against the true 2.57582930354890045.
    assertThat(NpsStatistics.z(confidence)).isCloseTo(z, within(1e-13));
  }

  @Test
  void researchFiguresHold() {
    // research/nps.md: "all-promoters n=5 → [17.5, 107.5]" before the clamp; we clamp to 100.
    Interval allPromoters = NpsStatistics.interval(0, 0, 5, IntervalMethod.ADJUSTED_WALD, 0.95).orElseThrow();
    assertThat(allPromoters.low()).isCloseTo(17.5, within(0.01));
    assertThat(allPromoters.high()).isEqualTo(100.0);
    // "two answers 0 and 10 give ±138.6"
    Interval opposite = NpsStatistics.interval(NpsTally.of(0, 10), IntervalMethod.WALD, 0.95).orElseThrow();
    assertThat(opposite.low()).isCloseTo(-138.6, within(0.01));
    assertThat(opposite.high()).isCloseTo(138.6, within(0.01));
    // σ² is at most 1, at p = d = ½.
    assertThat(NpsStatistics.variance(NpsTally.of(0, 10)).getAsDouble()).isEqualTo(1.0);
  }

  @Test
  void adjustedWaldUsesThreePseudoCountsWhateverTheConfidence() {
    // The centre is NPS' = (P + ¾ − D − ¾)/(n + 3) at every level: for D=2 A=3 P=5,
    // NPS' = 3/13 = 23.076923076923077 points, the midpoint of each unclamped interval.
    for (double confidence : new double[] {0.5, 0.8, 0.95, 0.999}) {
      Interval adjusted = NpsStatistics.interval(2, 3, 5, IntervalMethod.ADJUSTED_WALD, confidence).orElseThrow();
      assertThat((adjusted.low() + adjusted.high()) / 2).isCloseTo(300.0 / 13, within(EPS));
    }
  }

  @Test
  void intervalsWidenWithTheConfidenceLevel() {
    for (IntervalMethod method : IntervalMethod.values()) {
      double previous = 0;
      for (double confidence : new double[] {0.5, 0.8, 0.9, 0.95, 0.99}) {
        double width = NpsStatistics.interval(10, 20, 70, method, confidence).orElseThrow().width();
        assertThat(width).as("%s at %s", method, confidence).isGreaterThan(previous);
        previous = width;
      }
    }
  }
}
