package io.cemkit.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
}
