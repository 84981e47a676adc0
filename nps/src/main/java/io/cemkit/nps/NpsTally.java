package io.cemkit.nps;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;

/**
 * The core type of the NPS module: an exact histogram of answers on a {@link NpsScale} (one
 * {@code long} count per point, at most 11), the number of invalid answers, and for weighted
 * answers the sum of weights and of squared weights per category. Every figure the module reports
 * derives from it.
 *
 * <p>A tally is <em>mergeable</em> and <em>subtractable</em>: {@link #add(NpsTally)} is
 * associative and commutative and gives exactly the tally of the concatenated answers, so NPS can
 * be computed in pieces (per thread, machine or day) and combined; {@link #subtract(NpsTally)}
 * removes a piece again (sliding windows, leave-one-out). Counts are exact {@code long}s; weight
 * sums are {@code double}s, exact up to floating-point rounding.
 *
 * <p>In <em>strict</em> mode (the default) an answer off the scale throws
 * {@link InvalidScoreException} naming the value and its position, and nothing of the failing
 * call is recorded. In <em>lenient</em> mode it is counted in {@link #invalid()} and otherwise
 * ignored. Unweighted answers weigh 1.
 *
 * <p>A tally is a small mutable accumulator (a few hundred bytes whatever the number of answers),
 * not thread-safe, like {@link java.util.IntSummaryStatistics}: give each thread its own and merge.
 * Equality compares the scale, the counts and the weight sums, not the mode.
 */
public final class NpsTally implements IntConsumer {
  /** Rows checked, then counted, while they are still in the L1 cache. */
  private static final int BLOCK = 2048;
  /** The most groups {@link #byKey} accepts. */
  public static final int MAX_GROUPS = 1 << 26;
  /** The largest survey weight accepted. */
  public static final double MAX_WEIGHT = 1e100;
  /** The smallest positive survey weight accepted. */
  public static final double MIN_POSITIVE_WEIGHT = 1e-100;

  private final NpsScale scale;
  private final boolean strict;
  private final long[] counts;
  private long invalid;
  // Explicitly weighted answers per category: how many, Σw and Σw². Unweighted answers weigh 1 and
  // are derived from the counts, which keeps record(int) free of floating point.
  private final long[] weightedCount = new long[3];
  private final double[] weightSum = new double[3];
  private final double[] weightSquareSum = new double[3];

  private NpsTally(NpsScale scale, boolean strict) {
    this.scale = Objects.requireNonNull(scale, "scale");
    this.strict = strict;
    this.counts = new long[scale.points()];
  }

  /**
   * An empty strict tally on the classic 0–10 scale.
   *
   * @return a new tally
   */
  public static NpsTally strict() {
    return new NpsTally(NpsScale.classic(), true);
  }

  /**
   * An empty strict tally on the given scale.
   *
   * @param scale the scale
   * @return a new tally
   */
  public static NpsTally strict(NpsScale scale) {
    return new NpsTally(scale, true);
  }

  /**
   * An empty lenient tally on the classic 0–10 scale: invalid answers are counted, not thrown.
   *
   * @return a new tally
   */
  public static NpsTally lenient() {
    return new NpsTally(NpsScale.classic(), false);
  }

  /**
   * An empty lenient tally on the given scale.
   *
   * @param scale the scale
   * @return a new tally
   */
  public static NpsTally lenient(NpsScale scale) {
    return new NpsTally(scale, false);
  }

  /**
   * A strict classic tally of the given answers.
   *
   * @param scores answers 0–10
   * @return the tally
   * @throws InvalidScoreException at the first answer off the scale
   */
  public static NpsTally of(int... scores) {
    NpsTally tally = strict();
    tally.recordAll(scores);
    return tally;
  }

  /**
   * A strict tally from counts per point: {@code counts[i]} answers of {@code scale.min() + i}.
   *
   * @param scale the scale
   * @param counts one non-negative count per point of the scale
   * @return the tally
   * @throws IllegalArgumentException if the number of counts differs from the scale's points or a
   *     count is negative
   */
  public static NpsTally ofCounts(NpsScale scale, long... counts) {
    Objects.requireNonNull(counts, "counts");
    NpsTally tally = strict(scale);
    if (counts.length != scale.points()) {
      throw new IllegalArgumentException("NpsTally needs " + scale.points() + " counts for the " + scale
          + " scale, got " + counts.length);
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("NpsTally count of answer " + (scale.min() + i)
            + " must not be negative, was " + counts[i]);
      }
    }
    long total = 0;
    for (long c : counts) {
      total = addCounts(total, c);
    }
    System.arraycopy(counts, 0, tally.counts, 0, counts.length);
    return tally;
  }

  /**
   * Records one answer (weight 1).
   *
   * @param score the answer
   * @throws InvalidScoreException in strict mode, if the answer is off the scale
   */
  public void record(int score) {
    int bin = score - scale.min();
    if (bin >= 0 && bin < counts.length) {
      counts[bin]++;
    } else {
      rejectOrCount(score, answers());
    }
  }

  /** Same as {@link #record(int)}, so a tally can consume an {@code IntStream}. */
  @Override
  public void accept(int score) {
    record(score);
  }

  /**
   * Records one answer with a survey weight.
   *
   * @param score the answer
   * @param weight its weight: 0, or from {@value #MIN_POSITIVE_WEIGHT} to {@value #MAX_WEIGHT}
   * @throws InvalidScoreException in strict mode, if the answer is off the scale
   * @throws IllegalArgumentException if the weight is out of range or NaN (in either mode)
   */
  public void record(int score, double weight) {
    checkWeight(weight, answers());
    int bin = score - scale.min();
    if (bin < 0 || bin >= counts.length) {
      rejectOrCount(score, answers());
      return;
    }
    counts[bin]++;
    int category = scale.categoryOfBin(bin).ordinal();
    weightedCount[category]++;
    weightSum[category] += weight;
    weightSquareSum[category] += weight * weight;
  }

  /**
   * Records every answer of the array (weight 1). In strict mode the call is all or nothing.
   *
   * @param scores the answers
   * @throws InvalidScoreException in strict mode, at the first answer off the scale (its position
   *     is the array index); nothing is recorded then
   */
  public void recordAll(int[] scores) {
    recordAll(scores, 0, Objects.requireNonNull(scores, "scores").length);
  }

  /**
   * Records the answers {@code scores[from]} to {@code scores[to - 1]} (weight 1). In strict mode
   * the call is all or nothing.
   *
   * @param scores the answers
   * @param from the first index, inclusive
   * @param to the last index, exclusive
   * @throws InvalidScoreException in strict mode, at the first answer off the scale (its position
   *     is the array index); nothing is recorded then
   * @throws IndexOutOfBoundsException if the range is not within the array
   */
  public void recordAll(int[] scores, int from, int to) {
    Objects.checkFromToIndex(from, to, Objects.requireNonNull(scores, "scores").length);
    int min = scale.min();
    // One pass into a scratch histogram. The range check is a branch valid answers never take, so
    // it is nearly free and lets the JIT drop the array's own bounds check; the first answer off
    // the scale abandons the scratch histogram, so a strict call still records nothing. Plain
    // signed comparisons on purpose: C2 does not turn Integer.compareUnsigned into a range check,
    // which halves the speed. score - min cannot wrap into [0, points) because min + points - 1
    // fits in an int. int bins suffice: one call covers at most Integer.MAX_VALUE answers.
    int[] bins = new int[counts.length];
    for (int i = from; i < to; i++) {
      int bin = scores[i] - min;
      if (bin < 0 || bin >= bins.length) {
        recordOneByOne(scores, from, to);
        return;
      }
      bins[bin]++;
    }
    for (int bin = 0; bin < bins.length; bin++) {
      counts[bin] += bins[bin];
    }
  }

  private void recordOneByOne(int[] scores, int from, int to) {
    if (strict) {
      for (int i = from; i < to; i++) {
        if (!scale.isValid(scores[i])) {
          throw new InvalidScoreException(scores[i], i, scale);
        }
      }
    }
    for (int i = from; i < to; i++) {
      int bin = scores[i] - scale.min();
      if (bin >= 0 && bin < counts.length) {
        counts[bin]++;
      } else {
        invalid++;
      }
    }
  }

  /**
   * Records every answer with its weight. In strict mode the call is all or nothing; a bad weight
   * always fails the whole call.
   *
   * @param scores the answers
   * @param weights one weight per answer, each accepted by {@link #isValidWeight}
   * @throws IllegalArgumentException if the arrays differ in length or a weight is bad (its
   *     position is the array index)
   * @throws InvalidScoreException in strict mode, at the first answer off the scale
   */
  public void recordAll(int[] scores, double[] weights) {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(weights, "weights");
    if (scores.length != weights.length) {
      throw new IllegalArgumentException("NpsTally needs one weight per score, got " + scores.length
          + " scores and " + weights.length + " weights");
    }
    for (int i = 0; i < weights.length; i++) {
      checkWeight(weights[i], i);
      if (strict && !scale.isValid(scores[i])) {
        throw new InvalidScoreException(scores[i], i, scale);
      }
    }
    for (int i = 0; i < scores.length; i++) {
      record(scores[i], weights[i]);
    }
  }

  /**
   * Tallies answers grouped by a dense integer key, in one pass over two parallel arrays: the
   * fast path for "NPS per branch" over millions of rows.
   *
   * @param keys the group of each answer, {@code 0 <= key < groups}
   * @param scores the answers on the classic 0–10 scale
   * @param groups the number of groups
   * @return one strict classic tally per group, indexed by key
   * @throws IllegalArgumentException if the arrays differ in length, {@code groups} is not positive
   *     or a key is out of range (with its index)
   * @throws InvalidScoreException at the first answer off the scale
   */
  public static NpsTally[] byKey(int[] keys, int[] scores, int groups) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(scores, "scores");
    if (keys.length != scores.length) {
      throw new IllegalArgumentException("NpsTally.byKey needs one key per score, got " + keys.length
          + " keys and " + scores.length + " scores");
    }
    return byKey(keys, scores, groups, 0, keys.length);
  }

  /**
   * {@link #byKey(int[], int[], int)} over the rows {@code from} to {@code to - 1} only, so a caller
   * can split the rows across threads and merge the tallies.
   *
   * @param keys the group of each answer, {@code 0 <= key < groups}
   * @param scores the answers on the classic 0–10 scale
   * @param groups the number of groups, 1 to {@value #MAX_GROUPS}
   * @param from the first row, inclusive
   * @param to the last row, exclusive
   * @return one strict classic tally per group, indexed by key
   * @throws IllegalArgumentException if {@code groups} is out of range or a key is (with its index)
   * @throws IndexOutOfBoundsException if the range is not within both arrays
   * @throws InvalidScoreException at the first answer off the scale
   */
  public static NpsTally[] byKey(int[] keys, int[] scores, int groups, int from, int to) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(scores, "scores");
    Objects.checkFromToIndex(from, to, Math.min(keys.length, scores.length));
    if (groups <= 0 || groups > MAX_GROUPS) {
      throw new IllegalArgumentException("NpsTally.byKey groups must be 1 to " + MAX_GROUPS + ", was " + groups);
    }
    // One pass; the check is a branch valid rows never take (see recordAll). Nothing is visible to
    // the caller before the loop ends, so throwing from inside it records nothing. The four range
    // conditions are folded into one sign test on int arithmetic (each term is negative exactly when
    // its bound is broken; an overflow only happens for a value that is already out of range), and
    // each group gets 16 bins so the index is a shift, not a multiplication.
    int[] bins = new int[groups << 4];
    int lastKey = groups - 1;
    for (int base = from; base < to; base += BLOCK) {
      int end = Math.min(to, base + BLOCK);
      int outside = 0;
      for (int i = base; i < end; i++) {
        int s = scores[i];
        int k = keys[i];
        outside |= s | k | (10 - s) | (lastKey - k);
      }
      if (outside < 0) {
        for (int i = base; i < end; i++) {
          if ((scores[i] | keys[i] | (10 - scores[i]) | (lastKey - keys[i])) < 0) {
            throw badRow(keys, scores, groups, i);
          }
        }
      }
      for (int i = base; i < end; i++) {
        bins[(keys[i] << 4) + scores[i]]++;
      }
    }
    NpsTally[] tallies = new NpsTally[groups];
    for (int g = 0; g < groups; g++) {
      NpsTally tally = strict();
      for (int b = 0; b < 11; b++) {
        tally.counts[b] = bins[(g << 4) + b];
      }
      tallies[g] = tally;
    }
    return tallies;
  }

  /**
   * {@link #byKey(int[], int[], int)} on several cores: the rows are split into chunks tallied in
   * parallel on the common fork-join pool (the calling thread helps) and the tallies merged, which
   * their algebra makes exact. Below 2<sup>16</sup> rows it runs on the calling thread.
   *
   * @param keys the group of each answer, {@code 0 <= key < groups}
   * @param scores the answers on the classic 0–10 scale
   * @param groups the number of groups
   * @return one strict classic tally per group, indexed by key
   * @throws IllegalArgumentException as {@link #byKey(int[], int[], int)}
   * @throws InvalidScoreException at an answer off the scale (not necessarily the first)
   */
  public static NpsTally[] parallelByKey(int[] keys, int[] scores, int groups) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(scores, "scores");
    if (keys.length != scores.length) {
      throw new IllegalArgumentException("NpsTally.byKey needs one key per score, got " + keys.length
          + " keys and " + scores.length + " scores");
    }
    int rows = keys.length;
    int chunks = Math.min(Runtime.getRuntime().availableProcessors(), Math.max(1, rows >>> 16));
    if (chunks <= 1) {
      return byKey(keys, scores, groups, 0, rows);
    }
    try {
      return java.util.stream.IntStream.range(0, chunks).parallel()
          .mapToObj(c -> byKey(keys, scores, groups, (int) ((long) rows * c / chunks),
              (int) ((long) rows * (c + 1) / chunks)))
          .reduce((a, b) -> {
            for (int g = 0; g < a.length; g++) {
              a[g].add(b[g]);
            }
            return a;
          })
          .orElseThrow();
    } catch (RuntimeException e) {
      // Fork-join rethrows a worker's exception as a new one of the same type wrapping it; hand the
      // caller the original, with its own message.
      if (e.getCause() instanceof RuntimeException cause && cause.getClass() == e.getClass()) {
        throw cause;
      }
      throw e;
    }
  }

  private static RuntimeException badRow(int[] keys, int[] scores, int groups, int i) {
    if (keys[i] < 0 || keys[i] >= groups) {
      return new IllegalArgumentException("NpsTally.byKey key at index " + i + " must be 0 to "
          + (groups - 1) + ", was " + keys[i]);
    }
    return new InvalidScoreException(scores[i], i, NpsScale.classic());
  }

  private void rejectOrCount(long score, long position) {
    if (strict) {
      throw new InvalidScoreException(score, position, scale);
    }
    invalid++;
  }

  private static void checkWeight(double weight, long position) {
    if (!isValidWeight(weight)) {
      throw new IllegalArgumentException("NpsTally weight at position " + position + " must be 0 or from "
          + MIN_POSITIVE_WEIGHT + " to " + MAX_WEIGHT + ", was " + weight);
    }
  }

  /**
   * Whether a survey weight is accepted: 0, or from {@value #MIN_POSITIVE_WEIGHT} to
   * {@value #MAX_WEIGHT}. The bounds keep Σw² finite and non-zero for any realistic n, so the
   * weighted figures never turn into NaN; real survey weights are many orders of magnitude inside.
   *
   * @param weight the weight
   * @return true if accepted
   */
  public static boolean isValidWeight(double weight) {
    return weight == 0 || (weight >= MIN_POSITIVE_WEIGHT && weight <= MAX_WEIGHT);
  }

  /**
   * Adds another tally's answers to this one. Associative and commutative: the result is the
   * tally of both sets of answers.
   *
   * @param other a tally on the same scale
   * @return this tally
   * @throws IllegalArgumentException if the scales differ or the total would exceed
   *     {@code Long.MAX_VALUE} answers; this tally is then unchanged
   */
  public NpsTally add(NpsTally other) {
    checkSameScale(other);
    // Checked before anything changes: if the totals fit, every single count does.
    addCounts(answers(), other.answers());
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    invalid += other.invalid;
    for (int c = 0; c < 3; c++) {
      weightedCount[c] += other.weightedCount[c];
      weightSum[c] += other.weightSum[c];
      weightSquareSum[c] += other.weightSquareSum[c];
    }
    return this;
  }

  /**
   * Removes a part of the answers again: the inverse of {@link #add(NpsTally)}, for sliding
   * windows and leave-one-out figures.
   *
   * @param part a tally on the same scale whose answers this one contains
   * @return this tally
   * @throws IllegalArgumentException if the scales differ or {@code part} has more answers of some
   *     kind than this tally; this tally is then unchanged
   */
  public NpsTally subtract(NpsTally part) {
    checkSameScale(part);
    for (int i = 0; i < counts.length; i++) {
      if (part.counts[i] > counts[i]) {
        throw new IllegalArgumentException("Cannot subtract " + part.counts[i] + " answers of "
            + (scale.min() + i) + " from a tally holding " + counts[i]);
      }
    }
    if (part.invalid > invalid) {
      throw new IllegalArgumentException("Cannot subtract " + part.invalid
          + " invalid answers from a tally holding " + invalid);
    }
    for (NpsCategory category : NpsCategory.values()) {
      int c = category.ordinal();
      if (part.weightedCount[c] > weightedCount[c]) {
        throw new IllegalArgumentException("Cannot subtract " + part.weightedCount[c] + " weighted " + category
            + " answers from a tally holding " + weightedCount[c]);
      }
      long partUnweighted = part.count(category) - part.weightedCount[c];
      long unweighted = count(category) - weightedCount[c];
      if (partUnweighted > unweighted) {
        throw new IllegalArgumentException("Cannot subtract " + partUnweighted + " unweighted " + category
            + " answers from a tally holding " + unweighted);
      }
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] -= part.counts[i];
    }
    invalid -= part.invalid;
    for (int c = 0; c < 3; c++) {
      weightedCount[c] -= part.weightedCount[c];
      // A category with no weighted answers left has sums of exactly zero, not rounding residue; and
      // rounding never leaves a sum below zero (removing weight-0 answers after heavy ones).
      weightSum[c] = weightedCount[c] == 0 ? 0 : Math.max(0, weightSum[c] - part.weightSum[c]);
      weightSquareSum[c] = weightedCount[c] == 0 ? 0 : Math.max(0, weightSquareSum[c] - part.weightSquareSum[c]);
    }
    return this;
  }

  /**
   * The sum of two tallies as a new tally; neither argument changes.
   *
   * @param a a tally
   * @param b a tally on the same scale
   * @return a new tally with both sets of answers, strict if {@code a} is
   */
  public static NpsTally merged(NpsTally a, NpsTally b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return a.copy().add(b);
  }

  /**
   * An independent copy.
   *
   * @return a new tally with the same answers and mode
   */
  public NpsTally copy() {
    return empty().add(this);
  }

  /**
   * An empty tally with this one's scale and mode.
   *
   * @return a new tally
   */
  public NpsTally empty() {
    return new NpsTally(scale, strict);
  }

  /** Forgets every answer (package-private: tallies handed out stay append-only for callers). */
  void clear() {
    Arrays.fill(counts, 0);
    invalid = 0;
    Arrays.fill(weightedCount, 0);
    Arrays.fill(weightSum, 0);
    Arrays.fill(weightSquareSum, 0);
  }

  private void checkSameScale(NpsTally other) {
    Objects.requireNonNull(other, "other");
    if (!scale.equals(other.scale)) {
      throw new IllegalArgumentException("Cannot combine a tally on the " + scale + " scale with one on the "
          + other.scale + " scale");
    }
  }

  /**
   * The scale.
   *
   * @return the scale
   */
  public NpsScale scale() {
    return scale;
  }

  /**
   * Whether invalid answers throw (true) or are counted (false).
   *
   * @return true if strict
   */
  public boolean isStrict() {
    return strict;
  }

  /**
   * How many valid answers were recorded: n.
   *
   * @return the count
   */
  public long n() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /** a + b for counts, refusing an overflow (a tally's total must fit in a long). */
  private static long addCounts(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("NpsTally counts would exceed " + Long.MAX_VALUE + " answers (" + a
          + " + " + b + ")", e);
    }
  }

  /**
   * How many invalid answers a lenient tally counted.
   *
   * @return the count
   */
  public long invalid() {
    return invalid;
  }

  /**
   * Valid and invalid answers together.
   *
   * @return n + invalid
   */
  public long answers() {
    return n() + invalid;
  }

  /**
   * How many times an answer was given.
   *
   * @param answer a point of the scale
   * @return its count
   * @throws InvalidScoreException if the answer is not on the scale
   */
  public long count(int answer) {
    if (!scale.isValid(answer)) {
      throw new InvalidScoreException(answer, "asked for", scale);
    }
    return counts[answer - scale.min()];
  }

  /**
   * The histogram: {@code counts()[i]} answers of {@code scale().min() + i}.
   *
   * @return a copy of the counts
   */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * How many answers fell in a category.
   *
   * @param category the category
   * @return the count
   */
  public long count(NpsCategory category) {
    long n = 0;
    for (int bin = 0; bin < counts.length; bin++) {
      if (scale.categoryOfBin(bin) == category) {
        n += counts[bin];
      }
    }
    return n;
  }

  /**
   * Detractors: D.
   *
   * @return the count
   */
  public long detractors() {
    return count(NpsCategory.DETRACTOR);
  }

  /**
   * Passives: A.
   *
   * @return the count
   */
  public long passives() {
    return count(NpsCategory.PASSIVE);
  }

  /**
   * Promoters: P.
   *
   * @return the count
   */
  public long promoters() {
    return count(NpsCategory.PROMOTER);
  }

  /**
   * A category's share of the valid answers, 0 to 1.
   *
   * @param category the category
   * @return the share, empty when there are no answers
   */
  public OptionalDouble share(NpsCategory category) {
    long n = n();
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count(category) / n);
  }

  /**
   * The Net Promoter Score, 100·(P − D)/n, from −100 to +100.
   *
   * @return the score, empty (never 0) when there are no answers
   */
  public OptionalDouble nps() {
    long n = n();
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * (promoters() - detractors()) / n);
  }

  /**
   * The mean answer on the scale.
   *
   * @return the mean, empty when there are no answers
   */
  public OptionalDouble mean() {
    long n = n();
    if (n == 0) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (int bin = 0; bin < counts.length; bin++) {
      sum += (double) counts[bin] * (scale.min() + bin);
    }
    return OptionalDouble.of(sum / n);
  }

  /**
   * Whether any answer was recorded with an explicit weight.
   *
   * @return true if weighted
   */
  public boolean isWeighted() {
    return weightedCount[0] + weightedCount[1] + weightedCount[2] > 0;
  }

  /**
   * Σw over a category's answers (unweighted answers weigh 1).
   *
   * @param category the category
   * @return the sum of weights
   */
  public double weightSum(NpsCategory category) {
    int c = category.ordinal();
    return (count(category) - weightedCount[c]) + weightSum[c];
  }

  /**
   * Σw² over a category's answers (unweighted answers weigh 1).
   *
   * @param category the category
   * @return the sum of squared weights
   */
  public double weightSquareSum(NpsCategory category) {
    int c = category.ordinal();
    return (count(category) - weightedCount[c]) + weightSquareSum[c];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpsTally t && t.scale.equals(scale) && Arrays.equals(t.counts, counts)
        && t.invalid == invalid && Arrays.equals(t.weightedCount, weightedCount)
        && Arrays.equals(t.weightSum, weightSum) && Arrays.equals(t.weightSquareSum, weightSquareSum);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scale, Arrays.hashCode(counts), invalid, Arrays.hashCode(weightedCount),
        Arrays.hashCode(weightSum), Arrays.hashCode(weightSquareSum));
  }

  /** Counts and score, for example {@code NpsTally[n=10, D=2, A=3, P=5, invalid=0, nps=30.0]}. */
  @Override
  public String toString() {
    OptionalDouble nps = nps();
    return "NpsTally[n=" + n() + ", D=" + detractors() + ", A=" + passives() + ", P=" + promoters()
        + ", invalid=" + invalid + ", nps=" + (nps.isPresent() ? nps.getAsDouble() : "undefined") + "]";
  }
}
