package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sample-size planning against section {@code [size]} of
 * {@code src/test/resources/reference/nps_reference.py} (SciPy 1.17.1): precision
 * n = z²σ²/E² − 3, comparison n = (z_{α/2} + z_β)²(σ_a² + σ_b²)/Δ² − 3 per group.
 *
 * <p>We round <em>up</em> (a plan must reach the margin). research/nps.md mostly rounds to the
 * nearest integer instead: it quotes 1,149 / 381 / 285 for margins where the exact value is
 * 1149.44 / 381.15 / 285.11 (we give 1150 / 382 / 286), and 1,174 / 4,706 for the two-group
 * figures whose exact values are 1174.33 / 4706.33 (we give 1175 / 4707); its 228 for ±10 at
 * σ² = .6 (exact 227.49) is rounded up like ours, so the research is not consistent either way.
 * The tests assert our rounding and only check that the research's number is within 1 of the exact
 * value, rather than bending to it.
 */
class SampleSizeReferenceTest {

  @ParameterizedTest(name = "±{0} points, σ²={1}, {2}: {3} (exact {4})")
  @CsvSource({
      // margin, variance, confidence, ceil(exact), exact (nps_reference.py), research/nps.md figure
      "5,   1.0,  0.95, 1534,  1533.5835282776497,  1534",
      "5,   0.75, 0.95, 1150,  1149.4376462082373,  1149",
      "5,   0.6,  0.95, 919,   918.9501169665898,   919",
      "10,  1.0,  0.95, 382,   381.14588206941244,  381",
      "10,  0.75, 0.95, 286,   285.1094115520593,   285",
      "10,  0.6,  0.95, 228,   227.48752924164745,  228",
      "3,   1.0,  0.95, 4266,  4265.287578549029,   -1",
      "3,   0.75, 0.95, 3199,  3198.215683911771,   -1",
      "1,   1.0,  0.95, 38412, 38411.588206941255,  -1",
      "1,   0.6,  0.95, 23046, 23045.75292416475,   -1",
      "5,   1.0,  0.9,  1080,  1079.2173816381649,  -1",
      "5,   0.75, 0.99, 1988,  1987.4689803063636,  -1",
      "50,  0.6,  0.95, 7,     6.2195011696659,     -1",
      "100, 1.0,  0.95, 1,     0.8414588206941254,  -1",
  })
  void sampleSizeForAMarginIsTheExactValueRoundedUp(double margin, double variance, double confidence,
      long expected, double exact, long research) {
    assertThat(NpsStatistics.sampleSizeForMargin(margin, confidence, variance)).isEqualTo(expected);
    assertThat(expected).isEqualTo(Math.max(1, (long) Math.ceil(exact)));
    if (research > 0) {
      // The research figure is the exact value rounded one way or the other.
      assertThat((double) research).isCloseTo(exact, within(1.0));
    }
  }

  @Test
  void theOneArgumentFormIsTheWorstCaseAtNinetyFivePercent() {
    // research/nps.md: ±5 points needs 1,534 responses when σ² = 1.
    assertThat(NpsStatistics.sampleSizeForMargin(5)).isEqualTo(1534L);
    assertThat(NpsStatistics.sampleSizeForMargin(10)).isEqualTo(382L);
  }

  @ParameterizedTest(name = "Δ={0}, power {1}, σ²={2},{3}, {4}: {5} (exact {6})")
  @CsvSource({
      // difference, power, variance a, variance b, confidence, ceil(exact), exact, research/nps.md figure
      "10, 0.8, 0.75, 0.75, 0.95, 1175, 1174.3319601523629, 1174",
      "5,  0.8, 0.75, 0.75, 0.95, 4707, 4706.327840609451,  4706",
      "10, 0.9, 1.0,  0.6,  0.95, 1679, 1678.1876898304988, -1",
      "5,  0.8, 1.0,  1.0,  0.99, 9341, 9340.174538939342,  -1",
      "20, 0.5, 0.75, 0.75, 0.95, 142,  141.05470577602966, -1",
  })
  void sampleSizeForADifferenceIsTheExactValueRoundedUp(double difference, double power, double varianceA,
      double varianceB, double confidence, long expected, double exact, long research) {
    assertThat(NpsStatistics.sampleSizeForDifference(difference, confidence, power, varianceA, varianceB))
        .isEqualTo(expected);
    assertThat(expected).isEqualTo((long) Math.ceil(exact));
    if (research > 0) {
      assertThat((double) research).isCloseTo(exact, within(1.0));
    }
  }
}
