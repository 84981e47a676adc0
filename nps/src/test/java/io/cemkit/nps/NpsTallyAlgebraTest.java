package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tally algebra as seeded-random properties: each test runs on 50 seeds of
 * {@link SplittableRandom}, so a failure names the seed that reproduces it. Weights that must add
 * exactly are multiples of 1/8 below 8 (their sums and squares are exact in binary floating
 * point); arbitrary weights are compared within 1e-9 relative.
 */
class NpsTallyAlgebraTest {

  static LongStream seeds() {
    return LongStream.range(0, 50).map(i -> 0x5EED0000L + i);
  }

  /** Answers 0–10, skewed towards the top like real NPS data. */
  private static int[] scores(SplittableRandom random, int maxLength) {
    int[] scores = new int[random.nextInt(maxLength + 1)];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextInt(4) == 0 ? random.nextInt(11) : 6 + random.nextInt(5);
    }
    return scores;
  }

  /** Multiples of 1/8 in [0, 8): every sum of a few hundred of them, and of their squares, is exact. */
  private static double[] dyadicWeights(SplittableRandom random, int length) {
    double[] weights = new double[length];
    for (int i = 0; i < length; i++) {
      weights[i] = random.nextInt(64) / 8.0;
    }
    return weights;
  }

  /** Arbitrary positive weights (log-uniform over two decades). */
  private static double[] realWeights(SplittableRandom random, int length) {
    double[] weights = new double[length];
    for (int i = 0; i < length; i++) {
      weights[i] = Math.exp(random.nextDouble(-2.3, 2.3));
    }
    return weights;
  }

  /**
   * A tally mixing plain answers, weighted answers and (lenient) invalid answers, recorded one by
   * one into {@code sink} as well so the concatenation can be rebuilt.
   */
  private static NpsTally mixedTally(SplittableRandom random, NpsTally... sinks) {
    NpsTally tally = NpsTally.lenient();
    int length = random.nextInt(60);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      int score = kind == 0 ? (random.nextBoolean() ? -1 - random.nextInt(5) : 11 + random.nextInt(5))
          : random.nextInt(11);
      if (kind < 5) {
        tally.record(score);
        for (NpsTally sink : sinks) {
          sink.record(score);
        }
      } else {
        double weight = random.nextInt(64) / 8.0;
        tally.record(score, weight);
        for (NpsTally sink : sinks) {
          sink.record(score, weight);
        }
      }
    }
    return tally;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mergeIsAssociativeCommutativeAndEqualsTheTallyOfTheConcatenatedAnswers(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    NpsTally concatenated = NpsTally.lenient();
    NpsTally a = mixedTally(random, concatenated);
    NpsTally b = mixedTally(random, concatenated);
    NpsTally c = mixedTally(random, concatenated);
    NpsTally aBefore = a.copy();
    NpsTally bBefore = b.copy();

    NpsTally left = NpsTally.merged(NpsTally.merged(a, b), c);
    NpsTally right = NpsTally.merged(a, NpsTally.merged(b, c));
    assertThat(left).isEqualTo(right);
    assertThat(left.hashCode()).isEqualTo(right.hashCode());
    assertThat(NpsTally.merged(a, b)).isEqualTo(NpsTally.merged(b, a));
    assertThat(left).isEqualTo(concatenated);
    assertThat(left.counts()).isEqualTo(concatenated.counts());
    assertThat(left.invalid()).isEqualTo(concatenated.invalid());
    for (NpsCategory category : NpsCategory.values()) {
      assertThat(left.weightSum(category)).isEqualTo(concatenated.weightSum(category));
      assertThat(left.weightSquareSum(category)).isEqualTo(concatenated.weightSquareSum(category));
    }
    assertThat(NpsStatistics.estimate(left)).isEqualTo(NpsStatistics.estimate(concatenated));
    // merged() leaves its arguments alone.
    assertThat(a).isEqualTo(aBefore);
    assertThat(b).isEqualTo(bBefore);
    // The empty tally is the identity.
    assertThat(a.copy().add(a.empty())).isEqualTo(a);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void subtractInvertsAdd(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    NpsTally a = mixedTally(random);
    NpsTally b = mixedTally(random);
    assertThat(a.copy().add(b).subtract(b)).isEqualTo(a);
    assertThat(a.copy().add(b).subtract(a)).isEqualTo(b);
    assertThat(a.copy().subtract(a)).isEqualTo(a.empty());
    assertThat(a.copy().subtract(a).isWeighted()).isFalse();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void subtractInvertsAddWithinRoundingForArbitraryWeights(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] scoresA = scores(random, 80);
    int[] scoresB = scores(random, 80);
    NpsTally a = NpsTally.strict();
    a.recordAll(scoresA, realWeights(random, scoresA.length));
    NpsTally b = NpsTally.strict();
    b.recordAll(scoresB, realWeights(random, scoresB.length));
    NpsTally back = a.copy().add(b).subtract(b);
    assertThat(back.counts()).isEqualTo(a.counts());
    for (NpsCategory category : NpsCategory.values()) {
      assertThat(back.weightSum(category)).isCloseTo(a.weightSum(category), within(1e-9));
      assertThat(back.weightSquareSum(category)).isCloseTo(a.weightSquareSum(category), within(1e-9));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void recordAllEqualsALoopOfRecordAndTheSumOfByKeyGroups(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] scores = scores(random, 400);
    int groups = 1 + random.nextInt(7);
    int[] keys = IntStream.range(0, scores.length).map(i -> random.nextInt(groups)).toArray();

    NpsTally bulk = NpsTally.strict();
    bulk.recordAll(scores);
    NpsTally loop = NpsTally.strict();
    for (int score : scores) {
      loop.record(score);
    }
    NpsTally stream = NpsTally.strict();
    IntStream.of(scores).forEach(stream);
    assertThat(bulk).isEqualTo(loop).isEqualTo(stream).isEqualTo(NpsTally.of(scores));

    NpsTally[] byKey = NpsTally.byKey(keys, scores, groups);
    assertThat(byKey).hasSize(groups);
    NpsTally sum = NpsTally.strict();
    for (int g = 0; g < groups; g++) {
      int group = g;
      int[] own = IntStream.range(0, scores.length).filter(i -> keys[i] == group).map(i -> scores[i]).toArray();
      assertThat(byKey[g]).as("group %d", g).isEqualTo(NpsTally.of(own));
      assertThat(byKey[g].isStrict()).isTrue();
      sum.add(byKey[g]);
    }
    assertThat(sum).isEqualTo(bulk);
    assertThat(sum.n()).isEqualTo(scores.length);

    // A sub-range counts exactly the answers inside it.
    int from = random.nextInt(scores.length + 1);
    int to = from + random.nextInt(scores.length - from + 1);
    NpsTally range = NpsTally.strict();
    range.recordAll(scores, from, to);
    assertThat(range).isEqualTo(NpsTally.of(Arrays.copyOfRange(scores, from, to)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void strictRecordAllIsAllOrNothingAndNamesValueAndPosition(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] scores = scores(random, 200);
    if (scores.length == 0) {
      scores = new int[] {5};
    }
    int position = random.nextInt(scores.length);
    int bad = random.nextBoolean() ? -1 - random.nextInt(1000) : 11 + random.nextInt(1000);
    scores[position] = bad;
    if (position + 1 < scores.length && random.nextBoolean()) {
      scores[position + 1 + random.nextInt(scores.length - position - 1)] = 99; // a later one is not reported
    }
    NpsTally tally = NpsTally.of(3, 9, 10);
    NpsTally before = tally.copy();
    int[] input = scores;

    InvalidScoreException e = catchThrowableOfType(InvalidScoreException.class, () -> tally.recordAll(input));
    assertThat(e.value()).isEqualTo(bad);
    assertThat(e.position()).isEqualTo(position);
    assertThat(e).hasMessageStartingWith("Score " + bad + " at position " + position + " is not on the");
    assertThat(e).hasMessageEndingWith("expected an integer from 0 to 10");
    assertThat(tally).isEqualTo(before);

    // The range variant reports the array index, not the offset in the range.
    InvalidScoreException ranged = catchThrowableOfType(InvalidScoreException.class,
        () -> tally.recordAll(input, position, input.length));
    assertThat(ranged.position()).isEqualTo(position);
    assertThat(tally).isEqualTo(before);

    // With weights: same position, nothing recorded.
    double[] weights = dyadicWeights(random, input.length);
    InvalidScoreException weighted = catchThrowableOfType(InvalidScoreException.class,
        () -> tally.recordAll(input, weights));
    assertThat(weighted.value()).isEqualTo(bad);
    assertThat(weighted.position()).isEqualTo(position);
    assertThat(tally).isEqualTo(before);
    assertThat(tally.isWeighted()).isFalse();

    // byKey: same position.
    int[] keys = new int[input.length];
    InvalidScoreException grouped = catchThrowableOfType(InvalidScoreException.class,
        () -> NpsTally.byKey(keys, input, 1));
    assertThat(grouped.position()).isEqualTo(position);
    assertThat(grouped.value()).isEqualTo(bad);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aBadWeightFailsTheWholeCallInEitherMode(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] scores = scores(random, 100);
    if (scores.length == 0) {
      scores = new int[] {10};
    }
    double[] weights = dyadicWeights(random, scores.length);
    int position = random.nextInt(scores.length);
    double bad = new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}[random.nextInt(3)];
    weights[position] = bad;
    int[] input = scores;
    for (NpsTally tally : new NpsTally[] {NpsTally.strict(), NpsTally.lenient()}) {
      tally.record(7, 1.5);
      NpsTally before = tally.copy();
      assertThatThrownBy(() -> tally.recordAll(input, weights))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("NpsTally weight at position " + position + " must be 0 or from 1.0E-100 to 1.0E100, was " + bad);
      assertThat(tally).isEqualTo(before);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lenientTalliesCountInvalidAnswersAndIgnoreThem(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int length = random.nextInt(300);
    int[] scores = new int[length];
    NpsTally valid = NpsTally.strict();
    long invalid = 0;
    for (int i = 0; i < length; i++) {
      scores[i] = random.nextInt(20) - 5;
      if (scores[i] < 0 || scores[i] > 10) {
        invalid++;
      } else {
        valid.record(scores[i]);
      }
    }
    NpsTally bulk = NpsTally.lenient();
    bulk.recordAll(scores);
    NpsTally loop = NpsTally.lenient();
    for (int score : scores) {
      loop.record(score);
    }
    for (NpsTally tally : new NpsTally[] {bulk, loop}) {
      assertThat(tally.invalid()).isEqualTo(invalid);
      assertThat(tally.n()).isEqualTo(length - invalid);
      assertThat(tally.answers()).isEqualTo(length);
      assertThat(tally.counts()).isEqualTo(valid.counts());
      assertThat(tally.nps()).isEqualTo(valid.nps());
    }
    assertThat(bulk).isEqualTo(loop);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void weightedPiecesMergeToTheFiguresOfTheConcatenatedAnswers(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] scores = scores(random, 500);
    if (scores.length < 2) {
      scores = new int[] {0, 10, 8};
    }
    double[] weights = realWeights(random, scores.length);
    NpsTally whole = NpsTally.strict();
    whole.recordAll(scores, weights);

    NpsTally merged = NpsTally.strict();
    int at = 0;
    while (at < scores.length) {
      int to = Math.min(scores.length, at + 1 + random.nextInt(60));
      NpsTally piece = NpsTally.strict();
      piece.recordAll(Arrays.copyOfRange(scores, at, to), Arrays.copyOfRange(weights, at, to));
      merged = random.nextBoolean() ? merged.add(piece) : piece.add(merged);
      at = to;
    }
    WeightedNps expected = NpsStatistics.weighted(whole, 0.95).orElseThrow();
    WeightedNps actual = NpsStatistics.weighted(merged, 0.95).orElseThrow();
    assertThat(merged.counts()).isEqualTo(whole.counts());
    assertThat(actual.effectiveSampleSize())
        .isCloseTo(expected.effectiveSampleSize(), within(1e-9 * expected.effectiveSampleSize()));
    assertThat(actual.nps()).isCloseTo(expected.nps(), within(1e-9 * Math.max(1, Math.abs(expected.nps()))));
    assertThat(actual.standardError()).isCloseTo(expected.standardError(), within(1e-9 * expected.standardError()));
    double linearized = NpsStatistics.linearizedStandardError(whole).getAsDouble();
    assertThat(NpsStatistics.linearizedStandardError(merged).getAsDouble())
        .isCloseTo(linearized, within(1e-9 * linearized));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void subtractingMoreThanTheTallyHoldsThrowsAndChangesNothing(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    NpsTally tally = mixedTally(random);
    NpsTally before = tally.copy();

    int extra = random.nextInt(11);
    NpsTally tooManyAnswers = tally.copy();
    tooManyAnswers.record(extra);
    assertThatThrownBy(() -> tally.subtract(tooManyAnswers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot subtract " + (tally.count(extra) + 1) + " answers of " + extra
            + " from a tally holding " + tally.count(extra));
    assertThat(tally).isEqualTo(before);

    NpsTally tooManyInvalid = tally.copy();
    tooManyInvalid.record(-7);
    assertThatThrownBy(() -> tally.subtract(tooManyInvalid))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid answers from a tally holding " + tally.invalid());
    assertThat(tally).isEqualTo(before);

    // A weighted answer the tally does not hold as weighted: the counts allow it, the weights do not.
    NpsTally plainPromoters = NpsTally.of(10, 10, 10);
    NpsTally weightedPromoter = NpsTally.strict();
    weightedPromoter.record(10, 2.0);
    NpsTally plainBefore = plainPromoters.copy();
    assertThatThrownBy(() -> plainPromoters.subtract(weightedPromoter))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot subtract 1 weighted PROMOTER answers from a tally holding 0");
    assertThat(plainPromoters).isEqualTo(plainBefore);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void fivePointScaleCategorisesOneToThreeFourAndFive(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    NpsScale five = NpsScale.of(1, 5, 4, 5);
    int[] answers = random.ints(random.nextInt(1, 200), 1, 6).toArray();
    NpsTally tally = NpsTally.strict(five);
    tally.recordAll(answers);
    long detractors = IntStream.of(answers).filter(s -> s <= 3).count();
    long passives = IntStream.of(answers).filter(s -> s == 4).count();
    long promoters = IntStream.of(answers).filter(s -> s == 5).count();
    assertThat(tally.detractors()).isEqualTo(detractors);
    assertThat(tally.passives()).isEqualTo(passives);
    assertThat(tally.promoters()).isEqualTo(promoters);
    assertThat(tally.nps().getAsDouble())
        .isCloseTo(100.0 * (promoters - detractors) / answers.length, within(1e-12));
    assertThat(tally.mean().getAsDouble())
        .isCloseTo(IntStream.of(answers).average().getAsDouble(), within(1e-12));
    assertThat(tally.counts()).hasSize(5);
    // The same scale given point by point is equal and combines.
    NpsScale pointByPoint = NpsScale.ofPoints(1, NpsCategory.DETRACTOR, NpsCategory.DETRACTOR,
        NpsCategory.DETRACTOR, NpsCategory.PASSIVE, NpsCategory.PROMOTER);
    assertThat(pointByPoint).isEqualTo(five);
    NpsTally again = NpsTally.strict(pointByPoint);
    again.recordAll(answers);
    assertThat(again).isEqualTo(tally);
    assertThat(NpsTally.merged(tally, again).n()).isEqualTo(2L * answers.length);
    // 0 and 6 are off this scale.
    int bad = random.nextBoolean() ? 0 : 6;
    InvalidScoreException e = catchThrowableOfType(InvalidScoreException.class, () -> tally.record(bad));
    assertThat(e.value()).isEqualTo(bad);
    assertThat(e.position()).isEqualTo(answers.length);
    assertThat(e).hasMessageEndingWith("expected an integer from 1 to 5");
  }
}
