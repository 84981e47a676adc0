package io.cemkit.nps.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Normal} against SciPy 1.17.1 ({@code scipy.stats.norm.cdf/sf/pdf/ppf}) and mpmath 1.3.0 at
 * 50 digits ({@code mp.ncdf}, quantiles by {@code mp.findroot} on the log cdf). The numbers are the
 * {@code [normal]} section of {@code src/test/resources/reference/nps_reference.py} (its output is
 * committed next to it as {@code nps_reference.out}).
 *
 * <p>Tolerances are relative and follow the accuracy measured against mpmath on a grid (x = 0 to 40
 * step 0.05, p = i/500 and 10^-k; {@link NormalAccuracyTest} on {@code reference/normal_grid.csv}):
 * {@code upperTail} is within 1e-15 for x &lt; 2 and 3 &le; x &lt; 10, but only within 1.1e-13 for
 * 2 &le; x &lt; 3 (the Marsaglia series loses digits to the cancellation 0.5 − φ·Σ just below the
 * switch to the continued fraction), and within x²/2·ε (5.7e-14 at x = 37) in the far tail where
 * exp(−x²/2) carries the rounding of x². {@code quantile} inherits that: within 3e-14 (2e-14 at
 * p = 0.0015). SciPy itself is off by 2.8e-14 at {@code sf(20)} and 1.1e-13 at {@code sf(37)}, so
 * the far tail is also checked against mpmath.
 */
class NormalReferenceTest {

  private static void assertRelative(double actual, double expected, double relative) {
    assertThat(actual).isCloseTo(expected, within(relative * Math.abs(expected)));
  }

  @ParameterizedTest(name = "upperTail({0}) = {1} (scipy), {2} (mpmath)")
  @CsvSource({
      // x, scipy.stats.norm.sf(x), mpmath ncdf(-x) to 17 digits, relative tolerance (see class doc)
      "0,                 0.5,                     0.5,                     1e-15",
      "0.5,               0.3085375387259869,      0.3085375387259869,      1e-15",
      "1,                 0.15865525393145707,     0.15865525393145705,     1e-14",
      "1.959963984540054, 0.025,                   0.025000000000000011,    1e-14",
      "2.5,               0.006209665325776132,    0.0062096653257761352,   2e-13",
      "2.9999,            0.001350341282954925,    0.0013503412829549249,   2e-13",
      "3,                 0.0013498980316300933,   0.0013498980316300945,   2e-15",
      "3.0001,            0.0013494549132607172,   0.0013494549132607172,   2e-15",
      "3.5,               0.00023262907903552502,  0.00023262907903552504,  2e-15",
      "5,                 2.866515718791933e-07,   2.8665157187919391e-7,   5e-15",
      "8,                 6.22096057427174e-16,    6.2209605742717841e-16,  1e-14",
      "10,                7.61985302416047e-24,    7.6198530241605261e-24,  1e-14",
      "20,                2.7536241186061556e-89,  2.7536241186062337e-89,  5e-14",
      "30,                4.906713927147908e-198,  4.9067139271481871e-198, 1e-13",
      "37,                5.7255712225239266e-300, 5.7255712225245768e-300, 1e-13",
  })
  void upperTailMatchesScipyAndMpmathFarIntoTheTail(double x, double scipy, double mpmath, double relative) {
    assertRelative(Normal.upperTail(x), mpmath, relative);
    // SciPy's own error (up to 1.1e-13 here) on top.
    assertRelative(Normal.upperTail(x), scipy, relative + 2e-13);
    // Symmetry: cdf(-x) is the same tail.
    assertThat(Normal.cdf(-x)).isEqualTo(Normal.upperTail(x));
  }

  @ParameterizedTest(name = "cdf({0}) = {1}")
  @CsvSource({
      // x, scipy.stats.norm.cdf(x)
      "-5,   2.866515718791933e-07",
      "-3,   0.0013498980316300933",
      "-1,   0.15865525393145707",
      "-0.5, 0.3085375387259869",
      "0,    0.5",
      "0.5,  0.6914624612740131",
      "1,    0.8413447460685429",
      "2.5,  0.9937903346742238",
      "3,    0.9986501019683699",
      "5,    0.9999997133484281",
      "8,    0.9999999999999993",
      "10,   1.0",
  })
  void cdfMatchesScipy(double x, double scipy) {
    // 5e-15: SciPy's cdf(-5) is itself 2.2e-15 off (mpmath 2.8665157187919391e-7; ours 2.866515718791939e-7).
    assertRelative(Normal.cdf(x), scipy, 5e-15);
    assertThat(Normal.cdf(x) + Normal.upperTail(x)).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void cdfBelowTheDoubleRangeIsZeroAndSubnormalTailsKeepTheirMagnitude() {
    // mpmath: ncdf(-37.5) = 4.6053530095819548e-308 (normal double), ncdf(-38) = 2.885e-316
    // (subnormal: only ~8 significant digits exist), ncdf(-40) = 3.66e-350 (below the range).
    assertRelative(Normal.cdf(-37.5), 4.6053530095819548e-308, 1e-13);
    assertRelative(Normal.cdf(-38), 2.8854283600687843e-316, 1e-7);
    assertThat(Normal.cdf(-40)).isEqualTo(0.0);
    assertThat(Normal.upperTail(40)).isEqualTo(0.0);
    assertThat(Normal.upperTail(1000)).isEqualTo(0.0);
    assertThat(Normal.upperTail(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
    assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(Normal.cdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(Normal.upperTail(-40)).isEqualTo(1.0);
  }

  @Test
  void nanPropagates() {
    assertThat(Normal.upperTail(Double.NaN)).isNaN();
    assertThat(Normal.cdf(Double.NaN)).isNaN();
  }

  @ParameterizedTest(name = "density({0}) = {1}")
  @CsvSource({
      // x, scipy.stats.norm.pdf(x)
      "0,   0.3989422804014327",
      "1,   0.24197072451914337",
      "-1,  0.24197072451914337",
      "3,   0.0044318484119380075",
      "8,   5.052271083536893e-15",
      "20,  5.520948362159764e-88",
      "37,  2.120006551524606e-298",
  })
  void densityMatchesScipy(double x, double scipy) {
    // exp(-x²/2) carries the rounding of x² (x²/2·ε relative), hence 1e-13 at x = 37.
    assertRelative(Normal.density(x), scipy, 1e-13);
  }

  @ParameterizedTest(name = "quantile({0}) = {1}")
  @CsvSource({
      // p, scipy.stats.norm.ppf(p) (mpmath agrees to <= 1.8e-16 relative on every row); ours is within
      // 3e-14 (2.5758293035488804 for 0.995, true 2.57582930354890045)
      "1e-300,       -37.0470962993612",
      "1e-100,       -21.273453560965322",
      "1e-20,        -9.262340089798409",
      "1e-10,        -6.361340902404056",
      "1e-05,        -4.264890793922825",
      "0.001,        -3.090232306167813",
      "0.02,         -2.053748910631823",
      "0.02425,      -1.972961051311885",
      "0.025,        -1.9599639845400545",
      "0.1,          -1.2815515655446004",
      "0.3,          -0.5244005127080409",
      "0.7,          0.5244005127080407",
      "0.8,          0.8416212335729143",
      "0.9,          1.2815515655446004",
      "0.95,         1.6448536269514722",
      "0.975,        1.959963984540054",
      "0.97575,      1.972961051311885",
      "0.99,         2.3263478740408408",
      "0.995,        2.5758293035489004",
      "0.999,        3.090232306167813",
      "0.9999999999, 6.361340889697422",
  })
  void quantileMatchesScipyIncludingExtremeTails(double p, double scipy) {
    // 0.02425 and 0.97575 are the seams of Acklam's approximation.
    assertRelative(Normal.quantile(p), scipy, 3e-14);
  }

  @Test
  void quantileOfOneHalfIsExactlyZero() {
    assertThat(Normal.quantile(0.5)).isEqualTo(0.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-8, -3.2, -1.5, -0.1, 0.3, 1.7, 2.9, 3.1, 6.5})
  void quantileInvertsTheDistributionFunction(double x) {
    double p = Normal.cdf(x);
    // Far in the upper half p itself carries the rounding of 1 − tail; compare on the tail side.
    double back = x > 0 ? -Normal.quantile(Normal.upperTail(x)) : Normal.quantile(p);
    assertThat(back).isCloseTo(x, within(1e-13 * Math.max(1, Math.abs(x))));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.0, -1e-300, Double.NaN, 1.5, Double.POSITIVE_INFINITY})
  void quantileRejectsProbabilitiesOutsideTheOpenUnitInterval(double p) {
    assertThatThrownBy(() -> Normal.quantile(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was " + p);
  }
}
