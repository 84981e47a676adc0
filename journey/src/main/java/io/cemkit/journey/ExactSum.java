package io.cemkit.journey;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact sums of finite doubles, one per key: every value is added as the whole multiple of 2<sup>-1074</sup>
 * that it is, in 32-bit limbs, so the total does not depend on the order of the values (a floating-point sum
 * does, in its last bits: 1 + 1e-16 - 1 is 0, 1 - 1 + 1e-16 is not). Each limb takes one part below 2<sup>32</sup>
 * per value, so {@link Integer#MAX_VALUE} values never overflow it. A few loads and adds per value.
 */
final class ExactSum {
  /** Bit 0 of limb 0 is 2^-1074; a double's 53 bits start at most at bit 2045 and end below 66 * 32. */
  private static final int LIMBS = 66;
  private static final long LOW = 0xFFFF_FFFFL;
  private static final BigDecimal ULP = new BigDecimal(Double.MIN_VALUE);

  private final long[] limbs;

  /**
   * Sums for keys 0 to {@code keys - 1}, all zero.
   *
   * @param keys the number of keys
   */
  ExactSum(int keys) {
    limbs = new long[Math.multiplyExact(keys, LIMBS)];
  }

  /**
   * Adds a value to a key's sum.
   *
   * @param key the key
   * @param value a finite value
   */
  void add(int key, double value) {
    long bits = Double.doubleToRawLongBits(value);
    int exponent = (int) (bits >>> 52) & 0x7FF;
    long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
    if (exponent == 0x7FF) {
      throw new IllegalArgumentException("ExactSum adds finite values only, was " + value);
    }
    if (exponent == 0) {
      exponent = 1;
    } else {
      mantissa |= 1L << 52;
    }
    int bit = exponent - 1;
    int at = key * LIMBS + (bit >>> 5);
    int shift = bit & 31;
    long low = mantissa << shift;
    long high = mantissa >>> (63 - shift) >>> 1;
    if (bits < 0) {
      limbs[at] -= low & LOW;
      limbs[at + 1] -= low >>> 32;
      limbs[at + 2] -= high;
    } else {
      limbs[at] += low & LOW;
      limbs[at + 1] += low >>> 32;
      limbs[at + 2] += high;
    }
  }

  /**
   * A key's sum rounded to the nearest double.
   *
   * @param key the key
   * @return the sum
   */
  double sum(int key) {
    BigInteger total = BigInteger.ZERO;
    for (int i = LIMBS - 1; i >= 0; i--) {
      total = total.shiftLeft(32).add(BigInteger.valueOf(limbs[key * LIMBS + i]));
    }
    return total.signum() == 0 ? 0.0 : new BigDecimal(total).multiply(ULP).doubleValue();
  }
}
