package io.cemkit.journey.internal;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Counts, mean and median gaps of keyed transitions: the numbers behind the transition graph and the time
 * between stages. Keys are dense ints ({@code from * n + to}). Exact mode keeps every gap (8 bytes each, in
 * a growing array per key) and selects each key's median; approximate mode keeps a logarithmic histogram
 * per key with 1 % relative accuracy. Both visit the transitions once. Not supported API.
 */
public final class GapStats {
  /** The relative accuracy of approximate medians. */
  public static final double ACCURACY = 0.01;
  private static final double GAMMA = (1 + ACCURACY) / (1 - ACCURACY);
  private static final double LOG_GAMMA = Math.log(GAMMA);
  private static final int BUCKETS = (int) Math.ceil(Math.log(Long.MAX_VALUE) / LOG_GAMMA) + 2;

  private final int keys;
  private final long[] count;
  private final long[] sumSeconds;
  private final long[] sumNanos;

  private GapStats(int keys) {
    this.keys = keys;
    this.count = new long[keys];
    this.sumSeconds = new long[keys];
    this.sumNanos = new long[keys];
  }

  /** Where the gaps come from: {@code n} transitions, each with a key (or -1 to skip) and a gap. */
  public interface Source {
    /**
     * Visits every transition.
     *
     * @param sink receives key and gap in nanoseconds
     */
    void forEach(Sink sink);
  }

  /** Receives one transition. */
  @FunctionalInterface
  public interface Sink {
    /**
     * One transition.
     *
     * @param key its key, 0 to keys - 1
     * @param gapNanos its gap, zero or more
     */
    void accept(int key, long gapNanos);
  }

  /** Result per key: count, mean and median gap in seconds. */
  public record Result(long[] count, double[] meanSeconds, double[] medianSeconds) {}

  /**
   * Counts, means and exact medians.
   *
   * @param keys the number of keys
   * @param source the transitions; visited once
   * @return the figures per key
   */
  public static Result exact(int keys, Source source) {
    Gaps gaps = new Gaps(keys);
    source.forEach(gaps::add);
    GapStats s = new GapStats(keys);
    double[] median = new double[keys];
    long[] values = new long[gaps.largest()];
    for (int k = 0; k < keys; k++) {
      int n = gaps.copy(k, values);
      s.addAll(k, values, n);
      if (n > 0) {
        // Selection, not a sort: the lower middle by quickselect, the upper middle as the least of
        // what lies above it (equal to it for an odd count).
        int lower = (n - 1) / 2;
        long a = select(values, 0, n, lower);
        long b = a;
        if (n % 2 == 0) {
          b = Long.MAX_VALUE;
          for (int i = lower + 1; i < n; i++) {
            b = Math.min(b, values[i]);
          }
        }
        median[k] = (a + (b - a) / 2.0) / 1e9;
      }
    }
    return new Result(s.count, s.means(), median);
  }

  /**
   * Each key's gaps in blocks: a key's first block doubles from 8 values up to {@value #BLOCK}, then full
   * blocks are chained. Small keys stay small, and no array larger than a block is copied or allocated
   * while gaps come in (growing one array per key spent half the time of the 10 M-event benchmark in
   * copying and allocating large arrays).
   */
  private static final class Gaps {
    private static final int BLOCK = 1 << 13;
    /** Per key, the block being filled; null before the first gap. */
    private final long[][] open;
    /** Per key, the values in its open block. */
    private final int[] fill;
    /** Per key, the full blocks before the open one; null until the first is full. */
    private final long[][][] full;
    private final int[] fullCount;

    Gaps(int keys) {
      open = new long[keys][];
      fill = new int[keys];
      full = new long[keys][][];
      fullCount = new int[keys];
    }

    void add(int key, long gap) {
      long[] block = open[key];
      int i = fill[key];
      if (block == null || i == block.length) {
        block = grow(key);
        i = fill[key];
      }
      block[i] = gap;
      fill[key] = i + 1;
    }

    private long[] grow(int key) {
      long[] block = open[key];
      if (block == null) {
        block = new long[8];
      } else if (block.length < BLOCK) {
        block = Arrays.copyOf(block, 2 * block.length);
      } else {
        if (full[key] == null || fullCount[key] == full[key].length) {
          full[key] = Arrays.copyOf(full[key] == null ? new long[0][] : full[key], Math.max(4, 2 * fullCount[key]));
        }
        full[key][fullCount[key]++] = block;
        block = new long[BLOCK];
        fill[key] = 0;
      }
      open[key] = block;
      return block;
    }

    int size(int key) {
      return Math.addExact(Math.multiplyExact(fullCount[key], BLOCK), fill[key]);
    }

    int largest() {
      int max = 0;
      for (int k = 0; k < open.length; k++) {
        max = Math.max(max, size(k));
      }
      return max;
    }

    /** Copies the key's gaps to the start of {@code into} and lets go of its blocks. */
    int copy(int key, long[] into) {
      int n = 0;
      for (int b = 0; b < fullCount[key]; b++) {
        System.arraycopy(full[key][b], 0, into, n, BLOCK);
        n += BLOCK;
      }
      if (open[key] != null) {
        System.arraycopy(open[key], 0, into, n, fill[key]);
        n += fill[key];
      }
      full[key] = null;
      open[key] = null;
      return n;
    }
  }

  /**
   * The k-th smallest value of {@code a[from, to)} (k an absolute index), leaving every value after
   * position k no smaller and every value before it no larger: quickselect with a median-of-three pivot,
   * falling back to a sort of what is left after a bounded number of rounds, so it is O(n) in practice and
   * O(n log n) at worst. Each round partitions without a branch on the values (a swap on every element and
   * a conditional step), which runs twice as fast as a branching partition on gaps in random order; when k
   * is not among the smaller values, a second such pass sets the values equal to the pivot apart, so many
   * equal gaps cost nothing.
   */
  static long select(long[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    int rounds = 2 * (32 - Integer.numberOfLeadingZeros(to - from)) + 8;
    while (hi > lo) {
      if (rounds-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return a[k];
      }
      long x = a[lo];
      long y = a[(lo + hi) >>> 1];
      long z = a[hi];
      long pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
      int less = partition(a, lo, hi, pivot, false);
      if (k < less) {
        hi = less - 1;
        continue;
      }
      int equal = partition(a, less, hi, pivot, true);
      if (k < equal) {
        return pivot;
      }
      lo = equal;
    }
    return a[k];
  }

  /**
   * Moves the values of {@code a[lo, hi]} below the pivot (or, with {@code orEqual}, equal to it; then
   * none is below) to the front, and returns where the rest begins.
   */
  private static int partition(long[] a, int lo, int hi, long pivot, boolean orEqual) {
    int j = lo;
    for (int i = lo; i <= hi; i++) {
      long v = a[i];
      a[i] = a[j];
      a[j] = v;
      j += (orEqual ? v == pivot : v < pivot) ? 1 : 0;
    }
    return j;
  }

  /**
   * Counts, means and medians within {@link #ACCURACY}.
   *
   * @param keys the number of keys
   * @param source the transitions; visited once
   * @return the figures per key
   */
  public static Result approximate(int keys, Source source) {
    GapStats s = new GapStats(keys);
    int[][] histogram = new int[keys][];
    source.forEach((key, gap) -> {
      s.add(key, gap);
      if (histogram[key] == null) {
        histogram[key] = new int[BUCKETS];
      }
      histogram[key][bucket(gap)]++;
    });
    double[] median = new double[keys];
    for (int k = 0; k < keys; k++) {
      if (s.count[k] > 0) {
        double a = valueAt(histogram[k], (s.count[k] - 1) / 2);
        double b = valueAt(histogram[k], s.count[k] / 2);
        median[k] = (a + b) / 2 / 1e9;
      }
    }
    return new Result(s.count, s.means(), median);
  }

  private static int bucket(long gap) {
    return gap == 0 ? 0 : 1 + Math.max(0, (int) Math.ceil(Math.log(gap) / LOG_GAMMA));
  }

  private static double valueAt(int[] histogram, long rank) {
    long seen = 0;
    for (int b = 0; b < histogram.length; b++) {
      seen += histogram[b];
      if (seen > rank) {
        return b == 0 ? 0 : 2 * Math.pow(GAMMA, b - 1) / (GAMMA + 1);
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond the histogram");
  }

  /**
   * Adds a key's gaps at once, summed exactly in two 32-bit halves (no division per gap); the totals are
   * what adding them one by one gives.
   */
  private void addAll(int key, long[] gaps, int n) {
    long high = 0;
    long low = 0;
    for (int i = 0; i < n; i++) {
      high += gaps[i] >> 32;
      low += gaps[i] & 0xFFFF_FFFFL;
    }
    BigInteger[] split = BigInteger.valueOf(high).shiftLeft(32).add(BigInteger.valueOf(low))
        .divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
    count[key] += n;
    sumSeconds[key] += split[0].longValueExact();
    sumNanos[key] += split[1].longValueExact();
  }

  private void add(int key, long gap) {
    count[key]++;
    sumSeconds[key] += gap / 1_000_000_000L;
    sumNanos[key] += gap % 1_000_000_000L;
  }

  private double[] means() {
    double[] mean = new double[keys];
    for (int k = 0; k < keys; k++) {
      if (count[k] > 0) {
        long seconds = sumSeconds[k] + sumNanos[k] / 1_000_000_000L;
        long nanos = sumNanos[k] % 1_000_000_000L;
        mean[k] = (seconds + nanos / 1e9) / count[k];
      }
    }
    return mean;
  }
}
