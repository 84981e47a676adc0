package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Dirichlet posterior against section {@code [posterior]} of
 * {@code src/test/resources/reference/nps_reference.py}: mean and standard deviation of
 * 100·(π_P − π_D) from {@code scipy.stats.dirichlet(alpha).mean()} and {@code .cov()} (SciPy 1.17.1,
 * so not from the closed form the Java uses), credible intervals and probabilities from 40 M NumPy
 * Dirichlet draws. Each Monte Carlo tolerance is 5 × (the Monte Carlo standard error of a
 * {@value NpsPosterior#DRAWS}-draw estimate + that of the 40 M-draw reference): for a quantile
 * √(q(1 − q)/N)/f(x_q) with the density f estimated from the reference draws, for a probability
 * √(P(1 − P)/N). The Java draws are seeded, so these tests are deterministic; the tolerance says how
 * far an honest sampler may be from the truth, not how far this one happened to be.
 */
class NpsPosteriorReferenceTest {

  private static NpsTally counts(long d, long a, long p) {
    return NpsTally.ofCounts(NpsScale.classic(), d, 0, 0, 0, 0, 0, 0, a, 0, p, 0);
  }

  @ParameterizedTest(name = "D={0} A={1} P={2}")
  @CsvSource({
      // D, A, P, mean, sd (scipy.stats.dirichlet), 95% low (tol), 95% high (tol), 80% low (tol), 80% high (tol),
      // P(>0) (tol), P(>50) (tol); prior Dirichlet(0.75, 1.5, 0.75)
      "2, 3, 5, 23.076923076923077, 20.712172335132706, -19.4947, 0.716, 61.2337, 0.525, -4.1710, 0.461, 49.3659, 0.378, 0.86341, 0.0041, 0.09411, 0.0035",
      "0, 0, 5, 62.5, 21.650635094610966, 11.2865, 1.089, 93.6875, 0.227, 32.9754, 0.616, 87.3520, 0.241, 0.98893, 0.0013, 0.74947, 0.0052",
      "40, 25, 35, -4.854368932038833, 8.437336647017617, -21.2872, 0.262, 11.7349, 0.269, -15.6728, 0.170, 6.0019, 0.173, 0.28273, 0.0054, 0.0, 0.0001",
      "0, 0, 0, 0.0, 35.35533905932738, -70.8030, 0.949, 70.8276, 0.954, -47.0842, 0.800, 47.0880, 0.798, 0.50005, 0.0060, 0.08745, 0.0034",
      "5, 0, 0, -62.5, 21.650635094610966, -93.6913, 0.227, -11.2645, 1.087, -87.3527, 0.239, -32.9562, 0.609, 0.01110, 0.0013, 0.00006, 0.0001",
  })
  void posteriorMatchesScipyAndMonteCarlo(long d, long a, long p, double mean, double sd, double low95,
      double tolLow95, double high95, double tolHigh95, double low80, double tolLow80, double high80,
      double tolHigh80, double aboveZero, double tolAboveZero, double aboveFifty, double tolAboveFifty) {
    NpsPosterior posterior = NpsStatistics.posterior(counts(d, a, p));
    SoftAssertions.assertSoftly(s -> {
      s.assertThat(posterior.alpha()).containsExactly(d + 0.75, a + 1.5, p + 0.75);
      s.assertThat(posterior.mean()).isCloseTo(mean, within(1e-12));
      s.assertThat(posterior.standardDeviation()).isCloseTo(sd, within(1e-12));
      Interval c95 = posterior.credibleInterval(0.95);
      s.assertThat(c95.low()).isCloseTo(low95, within(tolLow95));
      s.assertThat(c95.high()).isCloseTo(high95, within(tolHigh95));
      Interval c80 = posterior.credibleInterval(0.80);
      s.assertThat(c80.low()).isCloseTo(low80, within(tolLow80));
      s.assertThat(c80.high()).isCloseTo(high80, within(tolHigh80));
      s.assertThat(posterior.probabilityAbove(0)).isCloseTo(aboveZero, within(tolAboveZero));
      s.assertThat(posterior.probabilityAbove(50)).isCloseTo(aboveFifty, within(tolAboveFifty));
    });
  }

  @Test
  void theDefaultPosteriorMeanIsTheCentreOfTheAdjustedWaldInterval() {
    // Rocks' NPS' = (P + ¾ − D − ¾)/(n + 3): 3/13 for D=2 A=3 P=5, the midpoint of the adjusted interval.
    NpsTally tally = counts(2, 3, 5);
    Interval adjusted = NpsStatistics.interval(tally, IntervalMethod.ADJUSTED_WALD, 0.95).orElseThrow();
    assertThat(NpsStatistics.posterior(tally).mean()).isCloseTo((adjusted.low() + adjusted.high()) / 2, within(1e-9));
    // research/nps.md: SE'² = posterior variance × (n' + 1)/n'.
    double se = (adjusted.high() - adjusted.low()) / 2 / NpsStatistics.z(0.95);
    double sd = NpsStatistics.posterior(tally).standardDeviation();
    assertThat(se * se).isCloseTo(sd * sd * 14 / 13, within(1e-9));
  }

  @Test
  void otherPriorsUseTheirParameters() {
    // scipy.stats.dirichlet([2.5, 3.5, 5.5]) and ([0.5, 0.5, 5.5]) (prior 0.5, 0.5, 0.5).
    NpsPosterior jeffreys = NpsStatistics.posterior(counts(2, 3, 5), 0.5, 0.5, 0.5);
    assertThat(jeffreys.mean()).isCloseTo(26.086956521739136, within(1e-12));
    assertThat(jeffreys.standardDeviation()).isCloseTo(22.40712822039152, within(1e-12));
    NpsPosterior promoters = NpsStatistics.posterior(counts(0, 0, 5), 0.5, 0.5, 0.5);
    assertThat(promoters.mean()).isCloseTo(76.92307692307692, within(1e-12));
    assertThat(promoters.standardDeviation()).isCloseTo(21.019386186583795, within(1e-12));
    assertThatThrownBy(() -> NpsStatistics.posterior(counts(1, 1, 1), 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("priorDetractors must be positive and finite, was 0.0");
    assertThatThrownBy(() -> NpsStatistics.posterior(counts(1, 1, 1), 1, Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("priorPassives must be positive and finite, was Infinity");
    assertThatThrownBy(() -> NpsStatistics.posterior(counts(1, 1, 1), 1, 1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("priorPromoters must be positive and finite, was NaN");
  }

  @Test
  void probabilityThatOneScoreBeatsAnotherMatchesMonteCarlo() {
    // nps_reference.py: P((40,25,35) > (2,3,5)) = 0.11005 (tol 0.0037); P((2,3,5) > (0,0,5)) = 0.09722 (tol 0.0035).
    NpsPosterior large = NpsStatistics.posterior(counts(40, 25, 35));
    NpsPosterior small = NpsStatistics.posterior(counts(2, 3, 5));
    NpsPosterior promoters = NpsStatistics.posterior(counts(0, 0, 5));
    assertThat(large.probabilityGreaterThan(small)).isCloseTo(0.11005, within(0.0037));
    assertThat(small.probabilityGreaterThan(promoters)).isCloseTo(0.09722, within(0.0035));
    // The complement, from independent streams: P(b > a) ≈ 1 − P(a > b) (ties have probability 0).
    assertThat(small.probabilityGreaterThan(large)).isCloseTo(1 - 0.11005, within(0.0037));
  }

  @Test
  void monteCarloFiguresAreReproducible() {
    Interval first = NpsStatistics.posterior(counts(2, 3, 5)).credibleInterval(0.95);
    Interval second = NpsStatistics.posterior(counts(2, 3, 5)).credibleInterval(0.95);
    assertThat(second).isEqualTo(first);
    assertThat(NpsStatistics.posterior(counts(2, 3, 5)).probabilityAbove(10))
        .isEqualTo(NpsStatistics.posterior(counts(2, 3, 5)).probabilityAbove(10));
  }

  @Test
  void credibleLevelMustBeStrictlyBetweenZeroAndOne() {
    NpsPosterior posterior = NpsStatistics.posterior(counts(2, 3, 5));
    for (double level : new double[] {0, 1, -0.5, Double.NaN}) {
      assertThatThrownBy(() -> posterior.credibleInterval(level))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("credible level must be strictly between 0 and 1, was " + level);
    }
  }
}
