package io.cemkit.benchmarks;

import io.cemkit.nps.NpsTally;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * How much memory one {@link NpsTally} takes, checked two ways against the requirement "a tally is
 * a few hundred bytes regardless of n" (no JOL: it is not a dependency of this project).
 *
 * <ul>
 *   <li>JMH: {@link #newTally()} allocates one empty tally; run it with the GC profiler and read
 *       {@code gc.alloc.rate.norm}, the bytes allocated per operation:
 *       {@code java -jar benchmarks/target/benchmarks.jar TallyFootprintBenchmark -prof gc -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 *   <li>Heap delta: {@link #main(String[])} keeps {@value #TALLIES} tallies alive, once empty and
 *       once each holding {@value #ANSWERS_PER_TALLY} answers, and divides the growth of the used
 *       heap by their number:
 *       {@code java -cp benchmarks/target/benchmarks.jar io.cemkit.benchmarks.TallyFootprintBenchmark}.
 * </ul>
 *
 * <p>Expected layout with compressed oops and class pointers (the default below 32 GB of heap):
 * the object (12-byte header, 5 references, a long and a boolean: 41 bytes, padded to 48),
 * {@code long[11]} counts (16 + 88 = 104 bytes), {@code long[3]} weighted counts (40 bytes) and two
 * {@code double[3]} weight sums (40 bytes each): 272 bytes whatever n is, since every count is a
 * fixed {@code long}; the scale is shared. Measured on 2026-11-22 (JDK 17): 272 B/op allocated,
 * 273–279 bytes retained per tally, empty or holding 1,000 answers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class TallyFootprintBenchmark {
  static final int TALLIES = 100_000;
  static final int ANSWERS_PER_TALLY = 1_000;

  /** Creates the benchmark; JMH instantiates it. */
  public TallyFootprintBenchmark() {
    // Stateless.
  }

  /**
   * Allocates one empty tally; with {@code -prof gc}, {@code gc.alloc.rate.norm} is its size.
   *
   * @return the tally, so that it escapes and is really allocated
   */
  @Benchmark
  public NpsTally newTally() {
    return NpsTally.strict();
  }

  /**
   * Prints the retained heap per tally, empty and with answers.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    SplittableRandom random = new SplittableRandom(Rows.SEED);
    int[] answers = new int[ANSWERS_PER_TALLY];
    for (int i = 0; i < answers.length; i++) {
      answers[i] = random.nextInt(11);
    }
    for (boolean filled : new boolean[] {false, true}) {
      NpsTally[] tallies = new NpsTally[TALLIES];
      long before = Heap.used();
      for (int i = 0; i < tallies.length; i++) {
        tallies[i] = NpsTally.strict();
        if (filled) {
          tallies[i].recordAll(answers);
        }
      }
      long after = Heap.used();
      long n = filled ? tallies[TALLIES - 1].n() : 0;
      System.out.printf("%,d tallies with n = %,d each: %.1f bytes per tally (heap delta %,d bytes)%n",
          tallies.length, n, (double) (after - before) / tallies.length, after - before);
    }
  }
}
