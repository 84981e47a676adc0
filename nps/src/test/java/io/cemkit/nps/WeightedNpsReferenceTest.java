package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Weighted NPS, Kish's effective sample size and both standard errors against section
 * {@code [weighted]} of {@code src/test/resources/reference/nps_reference.py}, computed per
 * observation from the committed raw data {@code reference/weighted_answers.csv} (240 answers,
 * weights with three decimals, made once by {@code make_weighted_data.py}):
 * NPS_w = 100·Σw·x/Σw, n_eff = (Σw)²/Σw², SE_kish = 100·√((p_w + d_w − (p_w − d_w)²)/n_eff), and the
 * {@code survey::svymean} linearisation V = n/(n − 1)·Σ(w_i(x_i − r))²/(Σw)² summed over the 240
 * rows (not over category sums, as the Java does).
 */
class WeightedNpsReferenceTest {
  private static final double EPS = 1e-9;

  record Data(int[] scores, double[] weights) {
    Data head(int n) {
      return new Data(Arrays.copyOf(scores, n), Arrays.copyOf(weights, n));
    }
  }

  static Data load() {
    try (InputStream in = Objects.requireNonNull(
        WeightedNpsReferenceTest.class.getResourceAsStream("/reference/weighted_answers.csv"), "csv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> lines = reader.lines().skip(1).filter(l -> !l.isBlank()).toList();
      int[] scores = new int[lines.size()];
      double[] weights = new double[lines.size()];
      for (int i = 0; i < lines.size(); i++) {
        String[] fields = lines.get(i).split(",");
        scores[i] = Integer.parseInt(fields[0].trim());
        weights[i] = Double.parseDouble(fields[1].trim());
      }
      return new Data(scores, weights);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NpsTally tally(Data data) {
    NpsTally tally = NpsTally.strict();
    tally.recordAll(data.scores(), data.weights());
    return tally;
  }

  private static void assertWeighted(NpsTally tally, double confidence, double nps, double effective, double se,
      double low, double high, double linearized) {
    WeightedNps weighted = NpsStatistics.weighted(tally, confidence).orElseThrow();
    SoftAssertions.assertSoftly(s -> {
      s.assertThat(weighted.nps()).isCloseTo(nps, within(EPS));
      s.assertThat(weighted.effectiveSampleSize()).isCloseTo(effective, within(EPS * effective));
      s.assertThat(weighted.standardError()).isCloseTo(se, within(EPS));
      s.assertThat(weighted.interval().low()).isCloseTo(low, within(EPS));
      s.assertThat(weighted.interval().high()).isCloseTo(high, within(EPS));
      s.assertThat(NpsStatistics.linearizedStandardError(tally).getAsDouble()).isCloseTo(linearized, within(EPS));
    });
  }

  @Test
  void allTwoHundredFortyAnswers() {
    Data data = load();
    assertThat(data.scores()).hasSize(240);
    NpsTally tally = tally(data);
    // sumW = 278.623, sumW2 = 445.958657 (the CSV's weights have three decimals).
    double w = 0;
    double w2 = 0;
    for (NpsCategory c : NpsCategory.values()) {
      w += tally.weightSum(c);
      w2 += tally.weightSquareSum(c);
    }
    assertThat(w).isCloseTo(278.623, within(1e-9));
    assertThat(w2).isCloseTo(445.958657, within(1e-9));
    assertWeighted(tally, 0.95, 3.9889025672683163, 174.07617255650672, 6.248007156032891, -8.25696643370468,
        16.234771568241314, 6.291170748655913);
    assertWeighted(tally, 0.90, 3.9889025672683163, 174.07617255650672, 6.248007156032891, -6.288154664551137,
        14.26595979908777, 6.291170748655913);
    // The estimate carries the weighted figures next to the unweighted ones.
    NpsEstimate estimate = NpsStatistics.estimate(tally);
    assertThat(estimate.weighted().orElseThrow().nps()).isCloseTo(3.9889025672683163, within(EPS));
    assertThat(estimate.n()).isEqualTo(240L);
    // Unweighted score of the same answers (nps_reference.py, "unit weights" row): 2.5.
    assertThat(estimate.nps().orElseThrow()).isCloseTo(2.5, within(EPS));
  }

  @Test
  void firstHundredAnswers() {
    assertWeighted(tally(load().head(100)), 0.95, -2.974026658237185, 72.6364262541871, 9.438660143981899,
        -21.47346060275535, 15.525407286280977, 9.085824733688174);
  }

  @Test
  void unitWeightsGiveTheUnweightedFigures() {
    // Unit weights: n_eff = n = 240, SE_kish = the Wald SE 5.267991658223379, and the linearised SE
    // is that times √(n/(n − 1)) = 5.279001057187355.
    Data data = load();
    double[] ones = new double[data.scores().length];
    Arrays.fill(ones, 1.0);
    NpsTally explicit = tally(new Data(data.scores(), ones));
    assertWeighted(explicit, 0.95, 2.5, 240.0, 5.267991658223379, -7.82507392097526, 12.82507392097526,
        5.279001057187355);
    // An unweighted tally weighs every answer 1 in the same formulas.
    NpsTally plain = NpsTally.of(data.scores());
    assertWeighted(plain, 0.95, 2.5, 240.0, 5.267991658223379, -7.82507392097526, 12.82507392097526,
        5.279001057187355);
    assertThat(NpsStatistics.standardError(plain).getAsDouble()).isCloseTo(5.267991658223379, within(EPS));
    assertThat(NpsStatistics.estimate(plain).weighted().isPresent()).isFalse();
    assertThat(NpsStatistics.estimate(explicit).weighted().isPresent()).isTrue();
  }

  @Test
  void piecesMergedOrOneByOneGiveTheSameFigures() {
    Data data = load();
    NpsTally merged = NpsTally.strict();
    for (int from = 0; from < 240; from += 37) {
      int to = Math.min(240, from + 37);
      merged.add(tally(new Data(Arrays.copyOfRange(data.scores(), from, to),
          Arrays.copyOfRange(data.weights(), from, to))));
    }
    NpsTally oneByOne = NpsTally.strict();
    for (int i = 0; i < 240; i++) {
      oneByOne.record(data.scores()[i], data.weights()[i]);
    }
    for (NpsTally tally : List.of(merged, oneByOne)) {
      assertWeighted(tally, 0.95, 3.9889025672683163, 174.07617255650672, 6.248007156032891, -8.25696643370468,
          16.234771568241314, 6.291170748655913);
    }
    // Taking the first 100 back out leaves the other 140, whose figures match a fresh tally of them.
    NpsTally rest = merged.copy().subtract(tally(data.head(100)));
    NpsTally fresh = tally(new Data(Arrays.copyOfRange(data.scores(), 100, 240),
        Arrays.copyOfRange(data.weights(), 100, 240)));
    WeightedNps a = NpsStatistics.weighted(rest, 0.95).orElseThrow();
    WeightedNps b = NpsStatistics.weighted(fresh, 0.95).orElseThrow();
    assertThat(a.nps()).isCloseTo(b.nps(), within(EPS));
    assertThat(a.effectiveSampleSize()).isCloseTo(b.effectiveSampleSize(), within(EPS * b.effectiveSampleSize()));
    assertThat(a.standardError()).isCloseTo(b.standardError(), within(EPS));
  }

  @Test
  void weightsMustBeFiniteAndNotNegative() {
    NpsTally tally = NpsTally.lenient();
    assertThatThrownBy(() -> tally.record(9, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsTally weight at position 0 must be 0 or from 1.0E-100 to 1.0E100, was -1.0");
    assertThatThrownBy(() -> tally.record(42, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was NaN");
    assertThatThrownBy(() -> tally.recordAll(new int[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsTally needs one weight per score, got 2 scores and 1 weights");
    // A lenient tally counts an off-scale weighted answer as invalid and ignores its weight.
    tally.record(42, 3.0);
    assertThat(tally.invalid()).isEqualTo(1L);
    assertThat(tally.isWeighted()).isFalse();
    assertThat(tally.n()).isEqualTo(0L);
  }
}
