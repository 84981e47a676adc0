package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NpsRankingTest {

  /** A classic tally with the given category counts (answers 0, 7 and 10). */
  private static NpsTally counts(long detractors, long passives, long promoters) {
    long[] bins = new long[11];
    bins[0] = detractors;
    bins[7] = passives;
    bins[10] = promoters;
    return NpsTally.ofCounts(NpsScale.classic(), bins);
  }

  private static Map<String, NpsTally> fleet() {
    Map<String, NpsTally> drivers = new LinkedHashMap<>();
    for (int i = 1; i <= 8; i++) {
      drivers.put("D" + i, counts(20, 30, 50)); // NPS 30, n 100
    }
    drivers.put("BAD", counts(70, 20, 10));   // NPS −60, n 100
    drivers.put("STAR", counts(0, 5, 95));    // NPS 95, n 100
    drivers.put("NEW", counts(0, 0, 4));      // NPS 100 but only 4 rides
    return drivers;
  }

  @Test
  @DisplayName("agents below the minimum are excluded, not ranked, whatever their score")
  void minimumSample() {
    NpsRanking<String> ranking = NpsRanking.rank(fleet());
    assertThat(ranking.excluded()).containsExactly(Map.entry("NEW", 4L));
    assertThat(ranking.ranked()).extracting(RankedAgent::agent).doesNotContain("NEW").hasSize(10);
  }

  @Test
  @DisplayName("ranked by lower bound: the star first, the bad driver last; ranks are 1..K")
  void order() {
    NpsRanking<String> ranking = NpsRanking.rank(fleet());
    assertThat(ranking.ranked().get(0).agent()).isEqualTo("STAR");
    assertThat(ranking.ranked().get(9).agent()).isEqualTo("BAD");
    assertThat(ranking.ranked()).extracting(RankedAgent::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    // Equal drivers tie on the bound and on n, then sort by name.
    assertThat(ranking.ranked().subList(1, 9)).extracting(RankedAgent::agent)
        .containsExactly("D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8");
  }

  @Test
  @DisplayName("only differences that survive the correction are flagged: BAD bottom, STAR top, the rest none")
  void flags() {
    NpsRanking<String> ranking = NpsRanking.rank(fleet());
    assertThat(ranking.bottom()).extracting(RankedAgent::agent).containsExactly("BAD");
    assertThat(ranking.top()).extracting(RankedAgent::agent).containsExactly("STAR");
    RankedAgent<String> bad = ranking.bottom().get(0);
    assertThat(bad.versusRest().orElseThrow().difference()).isNegative();
    assertThat(bad.adjustedPValue()).isLessThan(0.05).isGreaterThanOrEqualTo(bad.versusRest().get().pValue());
    assertThat(ranking.ranked().subList(1, 9)).allSatisfy(a -> assertThat(a.flag()).isEqualTo(RankedAgent.Flag.NONE));
  }

  @Test
  @DisplayName("rank ranges: the equal drivers share 2..9, BAD can only be last, STAR only first")
  void rankRanges() {
    NpsRanking<String> ranking = NpsRanking.rank(fleet());
    assertThat(ranking.ranked().get(0).rankRange()).isEqualTo(new RankedAgent.RankRange(1, 1));
    assertThat(ranking.ranked().get(9).rankRange()).isEqualTo(new RankedAgent.RankRange(10, 10));
    assertThat(ranking.ranked().get(4).rankRange()).isEqualTo(new RankedAgent.RankRange(2, 9));
  }

  @Test
  @DisplayName("one bad driver among few rides is not flagged: the evidence is too thin")
  void thinEvidenceIsNotFlagged() {
    Map<String, NpsTally> drivers = new LinkedHashMap<>();
    drivers.put("A", counts(3, 3, 4));
    drivers.put("B", counts(3, 3, 4));
    drivers.put("C", counts(6, 2, 2));
    NpsRanking<String> ranking = NpsRanking.rank(drivers, NpsRanking.Options.ofDefaults()
        .withMinimum(MinimumSample.of(5)));
    assertThat(ranking.ranked()).extracting(RankedAgent::agent).containsExactly("A", "B", "C");
    assertThat(ranking.bottom()).isEmpty();
    assertThat(ranking.ranked().get(2).rankRange()).isEqualTo(new RankedAgent.RankRange(1, 3));
  }

  @Test
  @DisplayName("shrunken score with a given strength: (P + a·m_P − D − a·m_D)/(n + a)")
  void shrinkage() {
    Map<String, NpsTally> drivers = new LinkedHashMap<>();
    drivers.put("A", counts(0, 0, 10));
    drivers.put("B", counts(10, 0, 0));
    drivers.put("C", counts(0, 20, 0));
    NpsRanking<String> ranking = NpsRanking.rank(drivers, NpsRanking.Options.ofDefaults()
        .withMinimum(MinimumSample.of(1)).withPriorStrength(10).withBasis(NpsRanking.Basis.SHRUNKEN));
    // Pooled: D 10, A 20, P 10 of 40 → m_P = m_D = 0.25, pooled NPS 0.
    // A: (10 + 2.5 − 0 − 2.5)/20 = 50; B: −50; C: (0 + 2.5 − 2.5)/30 = 0.
    assertThat(ranking.priorStrength()).isEqualTo(10.0);
    assertThat(ranking.pooledNps()).hasValue(0.0);
    assertThat(ranking.ranked()).extracting(RankedAgent::agent).containsExactly("A", "C", "B");
    assertThat(ranking.ranked()).extracting(RankedAgent::shrunkenNps)
        .containsExactly(50.0, 0.0, -50.0);
  }

  @Test
  @DisplayName("estimated strength: identical agents shrink fully to the pooled score; one agent not at all")
  void estimatedStrength() {
    Map<String, NpsTally> same = new LinkedHashMap<>();
    same.put("A", counts(20, 30, 50));
    same.put("B", counts(20, 30, 50));
    NpsRanking<String> ranking = NpsRanking.rank(same);
    assertThat(ranking.priorStrength()).isEqualTo(1e9);
    assertThat(ranking.ranked().get(0).shrunkenNps()).isCloseTo(30.0, within(1e-9));
    NpsRanking<String> alone = NpsRanking.rank(Map.of("A", counts(20, 30, 50)));
    assertThat(alone.priorStrength()).isZero();
    assertThat(alone.ranked().get(0).versusRest()).isEmpty();
    assertThat(alone.ranked().get(0).adjustedPValue()).isEqualTo(1.0);
    assertThat(alone.ranked().get(0).rankRange()).isEqualTo(new RankedAgent.RankRange(1, 1));
  }

  @Test
  @DisplayName("nobody eligible: an empty ranking with everyone excluded")
  void nobodyEligible() {
    NpsRanking<String> ranking = NpsRanking.rank(Map.of("A", counts(1, 1, 1)));
    assertThat(ranking.ranked()).isEmpty();
    assertThat(ranking.pooledNps()).isEmpty();
    assertThat(ranking.excluded()).containsEntry("A", 3L);
  }

  @Test
  @DisplayName("Holm and Benjamini–Hochberg adjust p-values as their textbook step procedures")
  void corrections() {
    double[] p = {0.01, 0.04, 0.03, 0.005};
    // Holm by hand: sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 → max so far 0.06.
    assertThat(NpsRanking.correct(p, NpsRanking.Correction.HOLM))
        .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
    // BH by hand: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04; running minimum from the top.
    assertThat(NpsRanking.correct(p, NpsRanking.Correction.BENJAMINI_HOCHBERG))
        .containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-15));
  }

  @Test
  @DisplayName("options reject bad values with the value")
  void options() {
    assertThatThrownBy(() -> NpsRanking.Options.ofDefaults().withPriorStrength(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0");
    assertThatThrownBy(() -> NpsRanking.Options.ofDefaults().withConfidence(1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.0");
    assertThatThrownBy(() -> MinimumSample.of(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
  }
}
