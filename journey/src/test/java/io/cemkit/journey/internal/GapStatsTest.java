package io.cemkit.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact median by selection agrees with sorting, whatever the values and their repeats. */
class GapStatsTest {

  static Stream<Long> seeds() {
    return IntStream.range(0, 300).mapToObj(i -> 0x5eedL * 31 + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void selectFindsTheKthSmallest(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 1 + random.nextInt(random.nextBoolean() ? 40 : 3_000);
    int distinct = 1 + random.nextInt(random.nextBoolean() ? 3 : 1_000_000);
    long[] values = new long[n + 10];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(distinct);
    }
    if (random.nextInt(4) == 0) {
      Arrays.sort(values, 5, 5 + n);
    }
    long[] sorted = Arrays.copyOfRange(values, 5, 5 + n);
    Arrays.sort(sorted);
    int k = 5 + random.nextInt(n);
    long[] work = values.clone();
    long kth = GapStats.select(work, 5, 5 + n, k);
    assertThat(kth).isEqualTo(sorted[k - 5]);
    assertThat(work[k]).isEqualTo(kth);
    for (int i = 5; i < k; i++) {
      assertThat(work[i]).isLessThanOrEqualTo(kth);
    }
    for (int i = k + 1; i < 5 + n; i++) {
      assertThat(work[i]).isGreaterThanOrEqualTo(kth);
    }
    assertThat(Arrays.copyOfRange(work, 0, 5)).containsExactly(Arrays.copyOfRange(values, 0, 5));
    long[] rest = Arrays.copyOfRange(work, 5, 5 + n);
    Arrays.sort(rest);
    assertThat(rest).containsExactly(sorted);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void approximateMediansAreWithinTheDocumentedAccuracy(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int keys = 1 + random.nextInt(4);
    int n = random.nextInt(400);
    int[] key = new int[n];
    long[] gap = new long[n];
    int largest = 1 + random.nextInt(63);
    for (int i = 0; i < n; i++) {
      key[i] = random.nextInt(keys);
      // from 0 and 1 ns up to 2^largest ns, about as many of each magnitude, some repeated
      gap[i] = random.nextInt(10) == 0 ? random.nextInt(3) : random.nextLong(1L << random.nextInt(largest))
          + random.nextInt(2);
    }
    GapStats.Source source = sink -> {
      for (int i = 0; i < n; i++) {
        sink.accept(key[i], gap[i]);
      }
    };
    GapStats.Result exact = GapStats.exact(keys, source);
    GapStats.Result approximate = GapStats.approximate(keys, source);
    assertThat(approximate.count()).containsExactly(exact.count());
    for (int k = 0; k < keys; k++) {
      double want = exact.medianSeconds()[k];
      assertThat(approximate.medianSeconds()[k]).as("key %d of %d gaps", k, exact.count()[k])
          .isCloseTo(want, org.assertj.core.api.Assertions.within(GapStats.ACCURACY * want * (1 + 1e-9)));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void exactMedianIsTheMeanOfTheMiddleTwo(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int keys = 1 + random.nextInt(5);
    int n = random.nextInt(500);
    int[] key = new int[n];
    long[] gap = new long[n];
    for (int i = 0; i < n; i++) {
      key[i] = random.nextInt(keys);
      gap[i] = random.nextLong(1, 10_000_000_000_000L);
    }
    GapStats.Source source = sink -> {
      for (int i = 0; i < n; i++) {
        sink.accept(key[i], gap[i]);
      }
    };
    GapStats.Result result = GapStats.exact(keys, source);
    assertThat(result.meanSeconds()).as("means from sums in halves, as from gaps added one by one")
        .containsExactly(GapStats.approximate(keys, source).meanSeconds());
    for (int k = 0; k < keys; k++) {
      int kk = k;
      long[] mine = IntStream.range(0, n).filter(i -> key[i] == kk).mapToLong(i -> gap[i]).sorted().toArray();
      assertThat(result.count()[k]).isEqualTo(mine.length);
      if (mine.length > 0) {
        long a = mine[(mine.length - 1) / 2];
        long b = mine[mine.length / 2];
        assertThat(result.medianSeconds()[k]).isEqualTo((a + (b - a) / 2.0) / 1e9);
      }
    }
  }

  @Test
  void aKeyWithMoreGapsThanABlockKeepsEveryGap() {
    // 20,000 gaps on key 1 fill two blocks of 8,192 and part of a third; key 0 has three, key 2 none.
    SplittableRandom random = new SplittableRandom(7);
    int n = 20_000;
    long[] big = new long[n];
    for (int i = 0; i < n; i++) {
      big[i] = random.nextLong(1, 1_000_000_000_000L);
    }
    GapStats.Source source = sink -> {
      sink.accept(0, 5_000_000_000L);
      for (int i = 0; i < n; i++) {
        sink.accept(1, big[i]);
        if (i == 100 || i == 15_000) {
          sink.accept(0, i == 100 ? 1_000_000_000L : 3_000_000_000L);
        }
      }
    };
    GapStats.Result exact = GapStats.exact(3, source);
    assertThat(exact.count()).containsExactly(3, n, 0);
    long[] sorted = big.clone();
    Arrays.sort(sorted);
    long a = sorted[n / 2 - 1];
    assertThat(exact.medianSeconds()[1]).isEqualTo((a + (sorted[n / 2] - a) / 2.0) / 1e9);
    BigDecimal sum = BigDecimal.ZERO;
    for (long g : big) {
      sum = sum.add(BigDecimal.valueOf(g));
    }
    double mean = sum.divide(BigDecimal.valueOf(n * 1_000_000_000L), MathContext.DECIMAL64).doubleValue();
    assertThat(exact.meanSeconds()[1]).isCloseTo(mean, within(mean * 1e-12));
    assertThat(exact.medianSeconds()).containsExactly(3.0, exact.medianSeconds()[1], 0.0);
    assertThat(exact.meanSeconds()[0]).isEqualTo(3.0);
    assertThat(exact.meanSeconds()[2]).isZero();
    GapStats.Result approximate = GapStats.approximate(3, source);
    assertThat(approximate.count()).containsExactly(3, n, 0);
    assertThat(approximate.meanSeconds()).containsExactly(exact.meanSeconds());
    assertThat(approximate.medianSeconds()[0]).isCloseTo(3.0, within(0.03));
    assertThat(approximate.medianSeconds()[2]).isZero();
  }

  @Test
  void approximateMediansOfTwoGapsAndOfZeroGaps() {
    GapStats.Result r = GapStats.approximate(3, sink -> {
      sink.accept(0, 1_000_000_000L);
      sink.accept(0, 3_000_000_000L);
      sink.accept(1, 0);
      sink.accept(1, 0);
      sink.accept(1, 4_000_000_000L);
      sink.accept(2, 7_000_000_000L);
    });
    assertThat(r.medianSeconds()[0]).isCloseTo(2.0, within(0.02));
    assertThat(r.medianSeconds()[1]).isZero();
    assertThat(r.medianSeconds()[2]).isCloseTo(7.0, within(0.07));
    assertThat(r.meanSeconds()).containsExactly(2.0, 4.0 / 3, 7.0);
  }
}
