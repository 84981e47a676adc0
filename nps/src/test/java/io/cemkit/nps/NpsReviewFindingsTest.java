package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cemkit.core.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bugs found in review of the NPS module. Each test states the behaviour the Javadoc or the issue
 * promises and fails on the current code; they are disabled until fixed.
 */
class NpsReviewFindingsTest {
  private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

  private static long[] classic(long detractors, long passives, long promoters) {
    long[] counts = new long[11];
    counts[0] = detractors;
    counts[7] = passives;
    counts[10] = promoters;
    return counts;
  }

  @Test
  @DisplayName("counts whose sum overflows a long are refused, never wrapped")
  void countOverflowIsRefused() {
    // Long.MAX_VALUE detractors and one promoter: the true NPS is about -100; today n() is
    // Long.MIN_VALUE and nps() is +100.
    assertThatThrownBy(() -> NpsTally.ofCounts(NpsScale.classic(), classic(Long.MAX_VALUE, 0, 1)))
        .isInstanceOfAny(IllegalArgumentException.class, ArithmeticException.class);

    NpsTally full = NpsTally.ofCounts(NpsScale.classic(), classic(0, 0, Long.MAX_VALUE));
    assertThatThrownBy(() -> full.add(NpsTally.of(10)))
        .isInstanceOfAny(IllegalArgumentException.class, ArithmeticException.class);
    assertThat(full.promoters()).as("a refused add leaves the tally unchanged").isEqualTo(Long.MAX_VALUE);
  }

  @Test
  @DisplayName("weights that would overflow Σw² are refused with the value; the largest accepted ones still work")
  void hugeWeights() {
    NpsTally tally = NpsTally.strict();
    assertThatThrownBy(() -> tally.record(9, 1e200)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsTally weight at position 0 must be 0 or from 1.0E-100 to 1.0E100, was 1.0E200");
    assertThat(tally.n()).isZero();
    tally.record(9, NpsTally.MAX_WEIGHT);
    tally.record(3, NpsTally.MAX_WEIGHT);
    WeightedNps weighted = NpsStatistics.estimate(tally).weighted().orElseThrow();
    assertThat(weighted.nps()).isCloseTo(0, within(1e-9));
    assertThat(weighted.effectiveSampleSize()).isCloseTo(2, within(1e-9));
  }

  @Test
  @DisplayName("weights that would underflow Σw² are refused; the smallest accepted ones still give figures")
  void tinyWeights() {
    NpsTally tally = NpsTally.strict();
    assertThatThrownBy(() -> tally.record(9, 1e-170)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 1.0E-170");
    tally.record(9, NpsTally.MIN_POSITIVE_WEIGHT);
    tally.record(3, NpsTally.MIN_POSITIVE_WEIGHT);
    assertThat(NpsStatistics.weighted(tally, 0.95)).hasValueSatisfying(w -> {
      assertThat(w.nps()).isCloseTo(0, within(1e-9));
      assertThat(w.effectiveSampleSize()).isCloseTo(2, within(1e-9));
    });
  }

  @Test
  @DisplayName("rolling windows over weighted responses, some of weight 0, never throw")
  void rollingWithZeroWeights() {
    double[] weights = {15.3, 94.7, 12.4, 70.8, 0, 0};
    List<NpsResponse> responses = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      responses.add(NpsResponse.builder().id(ResponseId.of("R-" + i)).score(9).at(T0.plus(Duration.ofDays(i)))
          .weight(weights[i]).build());
    }
    // Window k holds days k..k+5: every response enters in the first window and leaves one by one.
    assertThatCode(() -> NpsBreakdown.rolling(responses, T0, T0.plus(Duration.ofDays(12)), Duration.ofDays(6),
        Duration.ofDays(1))).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("every confidence strictly below 1 has a finite critical value")
  void confidenceJustBelowOne() {
    assertThat(NpsStatistics.z(Math.nextDown(1.0))).isGreaterThan(8).isFinite();
  }

  @Test
  @DisplayName("a detractor with a 128-character response id gets its follow-up")
  void longResponseIdGetsAFollowUp() {
    FeedbackLoop loop = FeedbackLoop.ofDefaults();
    ResponseId id = ResponseId.of("R" + "x".repeat(127));
    NpsResponse response = NpsResponse.builder().id(id).score(2).at(T0).customer(CustomerId.of("C-1")).build();
    FeedbackLoop.Recorded recorded = loop.record(response);
    assertThat(recorded.followUp()).isPresent();
  }

  @Test
  @DisplayName("every ranked agent's rank lies within its plausible rank range (shrunken basis)")
  void shrunkenRankWithinRankRange() {
    Map<String, NpsTally> agents = new LinkedHashMap<>();
    agents.put("a0", NpsTally.ofCounts(NpsScale.classic(), classic(2, 1, 7)));
    agents.put("a1", NpsTally.ofCounts(NpsScale.classic(), classic(3, 1, 647)));
    agents.put("a2", NpsTally.ofCounts(NpsScale.classic(), classic(0, 0, 1)));
    agents.put("a3", NpsTally.ofCounts(NpsScale.classic(), classic(24, 108, 1527)));
    agents.put("a4", NpsTally.ofCounts(NpsScale.classic(), classic(343, 54, 1484)));
    agents.put("a5", NpsTally.ofCounts(NpsScale.classic(), classic(34, 113, 239)));
    NpsRanking<String> ranking = NpsRanking.rank(agents, NpsRanking.Options.ofDefaults()
        .withMinimum(MinimumSample.of(1)).withBasis(NpsRanking.Basis.SHRUNKEN));
    // a1 (NPS 98.9, n = 651) is significantly above a3 (NPS 90.6, n = 1659); today a3 is ranked 1
    // with the rank range [2, 4].
    for (RankedAgent<String> agent : ranking.ranked()) {
      assertThat(agent.rank()).as("rank of %s", agent.agent())
          .isBetween(agent.rankRange().best(), agent.rankRange().worst());
    }
  }
}
