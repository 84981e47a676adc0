package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Example-based checks of {@link NpsTally} and {@link NpsScale}; the algebra is in {@link NpsTallyAlgebraTest}. */
class NpsTallyTest {

  @Test
  void classicScaleCategorisesEveryPoint() {
    NpsScale classic = NpsScale.classic();
    for (int answer = 0; answer <= 6; answer++) {
      assertThat(classic.categoryOf(answer)).as("%d", answer).isEqualTo(NpsCategory.DETRACTOR);
    }
    assertThat(classic.categoryOf(7)).isEqualTo(NpsCategory.PASSIVE);
    assertThat(classic.categoryOf(8)).isEqualTo(NpsCategory.PASSIVE);
    assertThat(classic.categoryOf(9)).isEqualTo(NpsCategory.PROMOTER);
    assertThat(classic.categoryOf(10)).isEqualTo(NpsCategory.PROMOTER);
    assertThat(classic).isEqualTo(NpsScale.of(0, 10, 7, 9));
    assertThat(classic.toString()).isEqualTo("0–10 (detractors 0–6, passives 7–8, promoters 9–10)");
    assertThat(NpsCategory.DETRACTOR.sign()).isEqualTo(-1);
    assertThat(NpsCategory.PASSIVE.sign()).isEqualTo(0);
    assertThat(NpsCategory.PROMOTER.sign()).isEqualTo(1);
  }

  @Test
  void countsSharesScoreAndMeanOfAClassicTally() {
    NpsTally tally = NpsTally.of(0, 5, 7, 8, 9, 10, 10, 3, 9, 9);
    assertThat(tally.n()).isEqualTo(10L);
    assertThat(tally.detractors()).isEqualTo(3L);
    assertThat(tally.passives()).isEqualTo(2L);
    assertThat(tally.promoters()).isEqualTo(5L);
    assertThat(tally.count(9)).isEqualTo(3L);
    assertThat(tally.counts()).containsExactly(1, 0, 0, 1, 0, 1, 0, 1, 1, 3, 2);
    assertThat(tally.share(NpsCategory.PROMOTER)).isEqualTo(OptionalDouble.of(0.5));
    assertThat(tally.nps()).isEqualTo(OptionalDouble.of(20.0));
    assertThat(tally.mean()).isEqualTo(OptionalDouble.of(7.0));
    assertThat(tally.toString()).isEqualTo("NpsTally[n=10, D=3, A=2, P=5, invalid=0, nps=20.0]");
    // counts() is a copy.
    tally.counts()[0] = 99;
    assertThat(tally.count(0)).isEqualTo(1L);
  }

  @Test
  void ofCountsBuildsTheHistogramAndChecksIt() {
    NpsScale five = NpsScale.of(1, 5, 4, 5);
    NpsTally tally = NpsTally.ofCounts(five, 1, 2, 3, 4, 5);
    assertThat(tally.detractors()).isEqualTo(6L);
    assertThat(tally.passives()).isEqualTo(4L);
    assertThat(tally.promoters()).isEqualTo(5L);
    assertThat(tally.nps().getAsDouble()).isCloseTo(100.0 * (5 - 6) / 15, within(1e-12));
    assertThatThrownBy(() -> NpsTally.ofCounts(five, 1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 5 counts")
        .hasMessageEndingWith("got 3");
    assertThatThrownBy(() -> NpsTally.ofCounts(five, 1, 2, -3, 4, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsTally count of answer 3 must not be negative, was -3");
  }

  @Test
  void strictRecordNamesTheValueAndItsPosition() {
    NpsTally tally = NpsTally.of(9, 10, 4);
    InvalidScoreException e = catchThrowableOfType(InvalidScoreException.class, () -> tally.record(11));
    assertThat(e.value()).isEqualTo(11L);
    assertThat(e.position()).isEqualTo(3L);
    assertThat(e).hasMessage("Score 11 at position 3 is not on the 0–10 (detractors 0–6, passives 7–8, "
        + "promoters 9–10) scale; expected an integer from 0 to 10");
    assertThat(tally.n()).isEqualTo(3L);
    InvalidScoreException weighted = catchThrowableOfType(InvalidScoreException.class, () -> tally.record(-1, 2.0));
    assertThat(weighted.value()).isEqualTo(-1L);
    assertThat(weighted.position()).isEqualTo(3L);
    assertThat(tally.isWeighted()).isFalse();
    assertThat(catchThrowableOfType(InvalidScoreException.class, () -> tally.count(12)).value()).isEqualTo(12L);
  }

  @Test
  void scalesThatDifferCannotBeCombined() {
    NpsTally classic = NpsTally.of(9, 10);
    NpsTally five = NpsTally.strict(NpsScale.of(1, 5, 4, 5));
    five.record(5);
    NpsTally shifted = NpsTally.strict(NpsScale.of(0, 10, 7, 10));
    shifted.record(9);
    String message = "Cannot combine a tally on the 0–10 (detractors 0–6, passives 7–8, promoters 9–10) scale "
        + "with one on the 1–5 (detractors 1–3, passives 4–4, promoters 5–5) scale";
    assertThatThrownBy(() -> classic.add(five)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> classic.subtract(five)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> NpsTally.merged(classic, five)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    // Same range, different categories: also refused.
    assertThatThrownBy(() -> classic.add(shifted)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("promoters 10–10");
    assertThat(classic).isEqualTo(NpsTally.of(9, 10));
    assertThat(NpsScale.of(0, 10, 7, 10)).isNotEqualTo(NpsScale.classic());
  }

  @Test
  void scalesAreValidated() {
    assertThatThrownBy(() -> NpsScale.of(0, 11, 7, 9)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsScale must span 1 to 11 points, was 0 to 11");
    assertThatThrownBy(() -> NpsScale.of(1, 5, 1, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsScale needs min < passiveFrom <= promoterFrom <= max, was min 1, passiveFrom 1, "
            + "promoterFrom 5, max 5");
    assertThatThrownBy(() -> NpsScale.of(1, 5, 4, 6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NpsScale.ofPoints(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsScale must have 1 to 11 points, had 0");
    assertThatThrownBy(() -> NpsScale.ofPoints(0, NpsCategory.DETRACTOR, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsScale category of point 1 is null");
    // No passives: 1–3 detractors, 4–5 promoters.
    NpsScale noPassives = NpsScale.of(1, 5, 4, 4);
    assertThat(noPassives.categoryOf(3)).isEqualTo(NpsCategory.DETRACTOR);
    assertThat(noPassives.categoryOf(4)).isEqualTo(NpsCategory.PROMOTER);
    assertThat(noPassives.toString()).isEqualTo("1–5 (detractors 1–3, promoters 4–5)");
    // A scale given point by point need not be monotone.
    NpsScale odd = NpsScale.ofPoints(-2, NpsCategory.PROMOTER, NpsCategory.DETRACTOR, NpsCategory.PASSIVE);
    NpsTally tally = NpsTally.strict(odd);
    tally.recordAll(new int[] {-2, -2, -1, 0});
    assertThat(tally.promoters()).isEqualTo(2L);
    assertThat(tally.detractors()).isEqualTo(1L);
    assertThat(tally.passives()).isEqualTo(1L);
    assertThat(tally.nps()).isEqualTo(OptionalDouble.of(25.0));
    assertThat(odd.toString()).startsWith("-2–0 (");
  }

  /**
   * {@link NpsScale#ofPoints} names each point by the first letter of its category, and PASSIVE and
   * PROMOTER both start with P: {@code ofPoints(-2, PROMOTER, DETRACTOR, PASSIVE)} prints
   * "-2–0 (P D P)", so two different scales print the same and the "Cannot combine a tally on the X
   * scale with one on the X scale" and InvalidScoreException messages cannot tell them apart.
   */
  @Test
  void pointByPointScalesThatDifferPrintDifferently() {
    NpsScale promoterPassive = NpsScale.ofPoints(0, NpsCategory.PROMOTER, NpsCategory.PASSIVE);
    NpsScale promoterPromoter = NpsScale.ofPoints(0, NpsCategory.PROMOTER, NpsCategory.PROMOTER);
    assertThat(promoterPassive).isNotEqualTo(promoterPromoter);
    assertThat(promoterPassive.toString()).isNotEqualTo(promoterPromoter.toString());
    assertThat(NpsScale.ofPoints(-2, NpsCategory.PROMOTER, NpsCategory.DETRACTOR, NpsCategory.PASSIVE).toString())
        .isEqualTo("-2–0 (P D A)");
  }

  @Test
  void byKeyChecksKeysAndLengths() {
    assertThatThrownBy(() -> NpsTally.byKey(new int[] {0, 1}, new int[] {5}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsTally.byKey needs one key per score, got 2 keys and 1 scores");
    assertThatThrownBy(() -> NpsTally.byKey(new int[] {0, 2}, new int[] {5, 6}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsTally.byKey key at index 1 must be 0 to 1, was 2");
    assertThatThrownBy(() -> NpsTally.byKey(new int[] {-1}, new int[] {5}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsTally.byKey key at index 0 must be 0 to 1, was -1");
    assertThatThrownBy(() -> NpsTally.byKey(new int[0], new int[0], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("NpsTally.byKey groups must be 1 to");
    NpsTally[] groups = NpsTally.byKey(new int[] {1, 1, 0, 2}, new int[] {10, 0, 8, 9}, 4);
    assertThat(groups[0]).isEqualTo(NpsTally.of(8));
    assertThat(groups[1]).isEqualTo(NpsTally.of(10, 0));
    assertThat(groups[2]).isEqualTo(NpsTally.of(9));
    assertThat(groups[3]).isEqualTo(NpsTally.strict());
    assertThat(groups[3].nps()).isEqualTo(OptionalDouble.empty());
  }

  @Test
  void recordAllRangeIsChecked() {
    NpsTally tally = NpsTally.strict();
    assertThatThrownBy(() -> tally.recordAll(new int[] {1, 2, 3}, 2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> tally.recordAll(new int[] {1, 2, 3}, 2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(tally.n()).isEqualTo(0L);
  }

  @Test
  void equalityIgnoresTheModeButNotTheWeights() {
    NpsTally strict = NpsTally.of(3, 9);
    NpsTally lenient = NpsTally.lenient();
    lenient.recordAll(new int[] {3, 9});
    assertThat(lenient).isEqualTo(strict);
    assertThat(lenient.hashCode()).isEqualTo(strict.hashCode());
    NpsTally weighted = NpsTally.strict();
    weighted.record(3, 1.0);
    weighted.record(9, 1.0);
    // Same counts and the same weight sums, but recorded with explicit weights.
    assertThat(weighted.weightSum(NpsCategory.DETRACTOR)).isEqualTo(strict.weightSum(NpsCategory.DETRACTOR));
    assertThat(weighted.isWeighted()).isTrue();
    assertThat(weighted).isNotEqualTo(strict);
    assertThat(NpsTally.merged(lenient, strict).isStrict()).isFalse();
    assertThat(NpsTally.merged(strict, lenient).isStrict()).isTrue();
  }

  @Test
  void subtractLeavesExactZerosWhenTheLastWeightedAnswerGoes() {
    NpsTally tally = NpsTally.strict();
    tally.record(10, 0.1);
    tally.record(10, 0.2);
    NpsTally part = NpsTally.strict();
    part.record(10, 0.1);
    part.record(10, 0.2);
    NpsTally whole = tally.copy();
    NpsTally rest = whole.subtract(part);
    assertThat(rest.weightSum(NpsCategory.PROMOTER)).isEqualTo(0.0);
    assertThat(rest.weightSquareSum(NpsCategory.PROMOTER)).isEqualTo(0.0);
    assertThat(rest).isEqualTo(NpsTally.strict());
  }

  /**
   * A tally holding one promoter with weight 2 and no unweighted promoter. Subtracting one
   * <em>unweighted</em> promoter passes every check (the bin count 1 ≥ 1, the weighted count 0 ≤ 1),
   * so the result has n = 0 but still one "weighted" promoter: its weightSum(PROMOTER) becomes
   * (0 − 1) + 2 = 1, its weightSquareSum (0 − 1) + 4 = 3, and {@link NpsStatistics#estimate} of this
   * empty tally reports a weighted NPS of 100 with n_eff = 1/3. The Javadoc promises an
   * IllegalArgumentException when the part "has more answers of some kind than this tally", and the
   * mirror case (a weighted part from an unweighted tally) is rejected.
   */
  @Test
  void subtractRejectsUnweightedAnswersTheTallyHoldsOnlyAsWeighted() {
    NpsTally tally = NpsTally.strict();
    tally.record(10, 2.0);
    NpsTally before = tally.copy();
    assertThatThrownBy(() -> tally.subtract(NpsTally.of(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unweighted PROMOTER");
    assertThat(tally).isEqualTo(before);
    assertThat(NpsStatistics.estimate(tally).weighted().orElseThrow().nps()).isEqualTo(100.0);
  }
}
