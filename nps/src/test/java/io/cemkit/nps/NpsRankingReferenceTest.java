package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.cemkit.nps.RankedAgent.Flag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Whole rankings against section {@code [ranking]} of {@code src/test/resources/reference/nps_reference.py}
 * (SciPy 1.17.1), written from the definitions: the DerSimonian–Laird prior strength, the shrunken
 * score (P + a₀m_P − D − a₀m_D)/(n + a₀), each agent against the rest pooled (two-sample z test, adjusted
 * Wald unless the method is Wald) with Holm or Benjamini–Hochberg adjusted p-values, flags where the
 * adjusted p is below 1 − confidence, and rank ranges from pairwise tests at the Bonferroni level
 * (1 − confidence)/(K(K − 1)/2). {@link NpsRankingTest} holds the hand-worked cases; this class pins every
 * figure of the options' combinations, so that a changed constant or operator anywhere in the ranking
 * shows.
 */
class NpsRankingReferenceTest {

  /** One ranked agent as the reference prints it. */
  private record Row(String agent, int rank, double shrunken, int best, int worst, double p, double adjusted,
      Flag flag) {}

  private static Row row(String agent, int rank, double shrunken, int best, int worst, double p, double adjusted,
      Flag flag) {
    return new Row(agent, rank, shrunken, best, worst, p, adjusted, flag);
  }

  private static NpsTally counts(long d, long a, long p) {
    return NpsTally.ofCounts(NpsScale.classic(), d, 0, 0, 0, 0, 0, 0, a, 0, p, 0);
  }

  /** Seven agents of 80 to 100 answers: a clear best, a clear worst, a borderline one (G) and four alike. */
  private static Map<String, NpsTally> fleet() {
    Map<String, NpsTally> agents = new LinkedHashMap<>();
    agents.put("A", counts(10, 20, 70));
    agents.put("B", counts(20, 30, 50));
    agents.put("C", counts(15, 25, 40));
    agents.put("D", counts(30, 30, 40));
    agents.put("E", counts(40, 20, 20));
    agents.put("F", counts(25, 25, 50));
    agents.put("G", counts(34, 30, 35));
    return agents;
  }

  private static NpsRanking.Options ofAnySize() {
    return NpsRanking.Options.ofDefaults().withMinimum(MinimumSample.of(1));
  }

  private static void assertRanking(NpsRanking<String> ranking, double strength, double pooled, Row... expected) {
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(ranking.priorStrength()).as("prior strength").isCloseTo(strength, within(1e-9));
    soft.assertThat(ranking.pooledNps().orElseThrow()).as("pooled NPS").isCloseTo(pooled, within(1e-9));
    List<RankedAgent<String>> ranked = ranking.ranked();
    soft.assertThat(ranked).extracting(RankedAgent::agent)
        .containsExactly(Arrays.stream(expected).map(Row::agent).toArray(String[]::new));
    for (int i = 0; i < Math.min(ranked.size(), expected.length); i++) {
      RankedAgent<String> actual = ranked.get(i);
      Row row = expected[i];
      String who = row.agent() + ": ";
      soft.assertThat(actual.rank()).as(who + "rank").isEqualTo(row.rank());
      soft.assertThat(actual.shrunkenNps()).as(who + "shrunken").isCloseTo(row.shrunken(), within(1e-9));
      soft.assertThat(actual.rankRange()).as(who + "rank range")
          .isEqualTo(new RankedAgent.RankRange(row.best(), row.worst()));
      soft.assertThat(actual.flag()).as(who + "flag").isEqualTo(row.flag());
      if (row.p() == 0) {
        soft.assertThat(actual.versusRest().orElseThrow().pValue()).as(who + "p").isZero();
        soft.assertThat(actual.adjustedPValue()).as(who + "adjusted p").isZero();
      } else {
        soft.assertThat(actual.versusRest().orElseThrow().pValue()).as(who + "p")
            .isCloseTo(row.p(), withinPercentage(1e-6));
        soft.assertThat(actual.adjustedPValue()).as(who + "adjusted p").isCloseTo(row.adjusted(), withinPercentage(1e-6));
      }
    }
    soft.assertAll();
  }

  @Test
  @DisplayName("defaults: lower bound, Holm, adjusted Wald at 95 %; the borderline agent is not flagged")
  void defaults() {
    NpsRanking<String> ranking = NpsRanking.rank(fleet(), ofAnySize());
    assertRanking(ranking, 10.105487886064397, 19.878603945371776,
        row("A", 1, 56.31765600801309, 1, 3, 1.1921309705199193e-09, 8.344916793639436e-09, Flag.TOP),
        row("B", 2, 29.071057699449597, 1, 6, 0.18736017495470103, 0.7301819721455436, Flag.NONE),
        row("C", 3, 29.974678065968735, 1, 6, 0.19141278515727078, 0.7301819721455436, Flag.NONE),
        row("F", 4, 24.529957981355675, 2, 6, 0.5416551175852728, 0.7301819721455436, Flag.NONE),
        row("D", 5, 10.906658827073931, 2, 7, 0.1825454930363859, 0.7301819721455436, Flag.NONE),
        row("G", 6, 2.757725547921377, 2, 7, 0.013313465845837978, 0.06656732922918988, Flag.NONE),
        row("E", 7, -19.96678616193834, 5, 7, 2.2889374074874983e-07, 1.373362444492499e-06, Flag.BOTTOM));
    assertThat(ranking.bottom()).extracting(RankedAgent::agent).containsExactly("E");
    assertThat(ranking.top()).extracting(RankedAgent::agent).containsExactly("A");
  }

  @Test
  @DisplayName("Benjamini–Hochberg flags the borderline agent Holm leaves alone; bottom() lists the worst first")
  void benjaminiHochberg() {
    NpsRanking<String> ranking = NpsRanking.rank(fleet(),
        ofAnySize().withCorrection(NpsRanking.Correction.BENJAMINI_HOCHBERG));
    assertRanking(ranking, 10.105487886064397, 19.878603945371776,
        row("A", 1, 56.31765600801309, 1, 3, 1.1921309705199193e-09, 8.344916793639436e-09, Flag.TOP),
        row("B", 2, 29.071057699449597, 1, 6, 0.18736017495470103, 0.22331491601681588, Flag.NONE),
        row("C", 3, 29.974678065968735, 1, 6, 0.19141278515727078, 0.22331491601681588, Flag.NONE),
        row("F", 4, 24.529957981355675, 2, 6, 0.5416551175852728, 0.5416551175852728, Flag.NONE),
        row("D", 5, 10.906658827073931, 2, 7, 0.1825454930363859, 0.22331491601681588, Flag.NONE),
        row("G", 6, 2.757725547921377, 2, 7, 0.013313465845837978, 0.031064753640288614, Flag.BOTTOM),
        row("E", 7, -19.96678616193834, 5, 7, 2.2889374074874983e-07, 8.011280926206244e-07, Flag.BOTTOM));
    assertThat(ranking.bottom()).extracting(RankedAgent::agent).containsExactly("E", "G");
  }

  @Test
  @DisplayName("Wald at 90 % by shrunken score: C passes B, A's range narrows to 1–2, G is flagged at α = 0.10")
  void waldAtNinetyByShrunkenScore() {
    NpsRanking<String> ranking = NpsRanking.rank(fleet(), ofAnySize().withBasis(NpsRanking.Basis.SHRUNKEN)
        .withMethod(IntervalMethod.WALD).withConfidence(0.90));
    assertRanking(ranking, 10.105487886064397, 19.878603945371776,
        row("A", 1, 56.31765600801309, 1, 2, 3.10115680875544e-10, 2.170809766128808e-09, Flag.TOP),
        row("C", 2, 29.974678065968735, 1, 6, 0.16233372410490676, 0.649334896419627, Flag.NONE),
        row("B", 3, 29.071057699449597, 2, 6, 0.16400303117019455, 0.649334896419627, Flag.NONE),
        row("F", 4, 24.529957981355675, 2, 6, 0.5024157028496343, 0.649334896419627, Flag.NONE),
        row("D", 5, 10.906658827073931, 2, 7, 0.1963640202665896, 0.649334896419627, Flag.NONE),
        row("G", 6, 2.757725547921377, 2, 7, 0.014502661623769229, 0.07251330811884614, Flag.BOTTOM),
        row("E", 7, -19.96678616193834, 5, 7, 2.2264747410951087e-07, 1.3358848446570653e-06, Flag.BOTTOM));
    assertThat(ranking.ranked()).allSatisfy(agent -> assertThat(agent.interval())
        .isEqualTo(NpsStatistics.interval(fleet().get(agent.agent()), IntervalMethod.WALD, 0.90).orElseThrow()));
  }

  @Test
  @DisplayName("score intervals: the agents' intervals are score intervals, their tests the adjusted Wald")
  void scoreMethod() {
    NpsRanking<String> ranking = NpsRanking.rank(fleet(), ofAnySize().withBasis(NpsRanking.Basis.SHRUNKEN)
        .withMethod(IntervalMethod.SCORE));
    assertRanking(ranking, 10.105487886064397, 19.878603945371776,
        row("A", 1, 56.31765600801309, 1, 3, 1.1921309705199193e-09, 8.344916793639436e-09, Flag.TOP),
        row("C", 2, 29.974678065968735, 1, 6, 0.19141278515727078, 0.7301819721455436, Flag.NONE),
        row("B", 3, 29.071057699449597, 1, 6, 0.18736017495470103, 0.7301819721455436, Flag.NONE),
        row("F", 4, 24.529957981355675, 2, 6, 0.5416551175852728, 0.7301819721455436, Flag.NONE),
        row("D", 5, 10.906658827073931, 2, 7, 0.1825454930363859, 0.7301819721455436, Flag.NONE),
        row("G", 6, 2.757725547921377, 2, 7, 0.013313465845837978, 0.06656732922918988, Flag.NONE),
        row("E", 7, -19.96678616193834, 5, 7, 2.2889374074874983e-07, 1.373362444492499e-06, Flag.BOTTOM));
    assertThat(ranking.ranked()).allSatisfy(agent -> assertThat(agent.interval())
        .isEqualTo(NpsStatistics.interval(fleet().get(agent.agent()), IntervalMethod.SCORE, 0.95).orElseThrow()));
  }

  @Test
  @DisplayName("two agents far apart: each can only hold its own rank")
  void twoAgents() {
    Map<String, NpsTally> agents = new LinkedHashMap<>();
    agents.put("A", counts(10, 30, 60));
    agents.put("B", counts(50, 30, 20));
    assertRanking(NpsRanking.rank(agents), 1.2037687639731711, 10.0,
        row("A", 1, 49.524219787988095, 1, 1, 2.3835451161649553e-14, 4.7670902323299107e-14, Flag.TOP),
        row("B", 2, -29.524219787988095, 2, 2, 2.3835451161649553e-14, 4.7670902323299107e-14, Flag.BOTTOM));
  }

  @Test
  @DisplayName("no spread within agents (Wald): equal agents tie, a different one is apart with p = 0")
  void noSpread() {
    Map<String, NpsTally> agents = new LinkedHashMap<>();
    agents.put("A", counts(0, 0, 40));
    agents.put("B", counts(40, 0, 0));
    agents.put("C", counts(0, 0, 40));
    assertRanking(NpsRanking.rank(agents, NpsRanking.Options.ofDefaults().withMethod(IntervalMethod.WALD)),
        0.0, 100.0 / 3,
        row("A", 1, 100.0, 1, 2, 3.744097384202872e-19, 7.488194768405744e-19, Flag.TOP),
        row("C", 2, 100.0, 1, 2, 3.744097384202872e-19, 7.488194768405744e-19, Flag.TOP),
        row("B", 3, -100.0, 3, 3, 0.0, 0.0, Flag.BOTTOM));
  }

  @Test
  @DisplayName("equal scores: more answers first, then the key's order, whatever the input order")
  void ties() {
    Map<String, NpsTally> agents = new LinkedHashMap<>();
    agents.put("C", counts(5, 5, 10));
    agents.put("A", counts(5, 5, 10));
    agents.put("B", counts(10, 10, 20));
    assertRanking(NpsRanking.rank(agents, ofAnySize().withBasis(NpsRanking.Basis.SHRUNKEN).withPriorStrength(0)),
        0.0, 25.0,
        row("B", 1, 25.0, 1, 3, 1.0, 1.0, Flag.NONE),
        row("A", 2, 25.0, 1, 3, 0.9175013615929767, 1.0, Flag.NONE),
        row("C", 3, 25.0, 1, 3, 0.9175013615929767, 1.0, Flag.NONE));
  }
}
