package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact sum is the correctly rounded sum of the values, whatever their order. */
class ExactSumTest {

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0xe5aL * 1_000 + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("equals the exact sum rounded once, in any order")
  void exactInAnyOrder(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = random.nextInt(300);
    // Decimals, doubles of any magnitude up to a largest one per seed, subnormals, and now and then the
    // largest double.
    int largest = random.nextInt(-1074, 1000);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(5);
      double v = kind == 0 ? random.nextInt(-100, 101) / 100.0
          : kind == 1 ? Math.scalb(random.nextDouble(), random.nextInt(-1074, largest + 1))
          : kind == 2 ? Double.longBitsToDouble(random.nextLong(1, 1L << 52))
          : kind == 3 ? random.nextDouble(-1, 1) : random.nextInt(100) == 0 ? Double.MAX_VALUE : 1e-16;
      values[i] = random.nextBoolean() ? v : -v;
    }
    BigDecimal exact = BigDecimal.ZERO;
    for (double v : values) {
      exact = exact.add(new BigDecimal(v));
    }
    ExactSum forward = new ExactSum(2);
    ExactSum shuffled = new ExactSum(2);
    for (double v : values) {
      forward.add(1, v);
    }
    double[] other = values.clone();
    for (int i = other.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = other[i];
      other[i] = other[j];
      other[j] = t;
    }
    for (double v : other) {
      shuffled.add(1, v);
    }
    assertThat(forward.sum(1)).as(Arrays.toString(values)).isEqualTo(exact.doubleValue());
    assertThat(shuffled.sum(1)).isEqualTo(forward.sum(1));
    assertThat(forward.sum(0)).isZero();
  }

  @Test
  @DisplayName("refuses what is not finite")
  void finiteOnly() {
    assertThatThrownBy(() -> new ExactSum(1).add(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }
}
