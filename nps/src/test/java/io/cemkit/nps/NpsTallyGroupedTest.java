package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpsTallyGroupedTest {

  private static int[][] rows(long seed, int n, int groups) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] keys = new int[n];
    int[] scores = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = random.nextInt(groups);
      scores[i] = random.nextInt(11);
    }
    return new int[][] {keys, scores};
  }

  private static NpsTally[] byRecord(int[] keys, int[] scores, int groups, int from, int to) {
    NpsTally[] tallies = new NpsTally[groups];
    Arrays.setAll(tallies, g -> NpsTally.strict());
    for (int i = from; i < to; i++) {
      tallies[keys[i]].record(scores[i]);
    }
    return tallies;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  @DisplayName("byKey, its range form and parallelByKey equal one record call per row (seeded, 300k rows)")
  void sameAsRecord(long seed) {
    int[][] rows = rows(seed, 300_000 + (int) seed * 977, 37);
    int n = rows[0].length;
    assertThat(NpsTally.byKey(rows[0], rows[1], 37)).containsExactly(byRecord(rows[0], rows[1], 37, 0, n));
    assertThat(NpsTally.parallelByKey(rows[0], rows[1], 37)).containsExactly(byRecord(rows[0], rows[1], 37, 0, n));
    assertThat(NpsTally.byKey(rows[0], rows[1], 37, 4097, n - 3))
        .containsExactly(byRecord(rows[0], rows[1], 37, 4097, n - 3));
  }

  @Test
  @DisplayName("a bad score or key anywhere fails the parallel call with the offending value")
  void parallelRefusesBadRows() {
    int[][] rows = rows(9, 200_000, 10);
    rows[1][150_001] = 11;
    assertThatThrownBy(() -> NpsTally.parallelByKey(rows[0], rows[1], 10))
        .isInstanceOf(InvalidScoreException.class).hasMessageStartingWith("Score 11 at position 150001");
    rows[1][150_001] = 10;
    rows[0][70_000] = 10;
    assertThatThrownBy(() -> NpsTally.parallelByKey(rows[0], rows[1], 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NpsTally.byKey key at index 70000 must be 0 to 9, was 10");
    assertThatThrownBy(() -> NpsTally.byKey(rows[0], rows[1], 10, 5, 4))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> NpsTally.byKey(rows[0], rows[1], NpsTally.MAX_GROUPS + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was " + (NpsTally.MAX_GROUPS + 1));
  }
}
