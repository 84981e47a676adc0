package io.cemkit.benchmarks;

import io.cemkit.nps.NpsTally;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * How fast {@link NpsTally} counts answers held in a primitive {@code int[]}, on one core: the bulk
 * {@link NpsTally#recordAll(int[])}, the streaming {@link NpsTally#record(int)} one answer at a
 * time, and the grouped {@link NpsTally#byKey(int[], int[], int)} over {@value Rows#GROUPS}
 * branches. Each is set beside the hand-written loop a user would write instead (an 11-bin
 * {@code int[]} histogram, {@code h[key * 11 + score]++} when grouped), which has no validation
 * and no API around it and so is the ceiling.
 *
 * <p>Every invocation tallies all {@value Rows#COUNT} rows of {@link Rows}; the score is in
 * answers (rows) per second. Targets (research note, section 4): {@code recordAll} ≥ 500 M/s,
 * {@code record} ≥ 100 M/s.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TallyBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}
 * after {@code mvn -B clean verify -pl benchmarks -am -DskipTests}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TallyBenchmark {

  /** Creates the benchmark; JMH instantiates it. */
  public TallyBenchmark() {
    // Stateless: the data is in Rows.
  }

  /**
   * The bulk path: one validation pass and one counting pass over the array.
   *
   * @param rows the data
   * @return the tally, so the work cannot be eliminated
   */
  @Benchmark
  @OperationsPerInvocation(Rows.COUNT)
  public NpsTally recordAll(Rows rows) {
    NpsTally tally = NpsTally.strict();
    tally.recordAll(rows.scores);
    return tally;
  }

  /**
   * The streaming path: one {@code record(score)} call per answer, as a consumer of a stream or
   * a message queue would make.
   *
   * @param rows the data
   * @return the tally
   */
  @Benchmark
  @OperationsPerInvocation(Rows.COUNT)
  public NpsTally record(Rows rows) {
    NpsTally tally = NpsTally.strict();
    for (int score : rows.scores) {
      tally.record(score);
    }
    return tally;
  }

  /**
   * The ceiling for both: a plain 11-bin histogram with no range check of its own (an answer off
   * the scale throws {@code ArrayIndexOutOfBoundsException}).
   *
   * @param rows the data
   * @return the histogram
   */
  @Benchmark
  @OperationsPerInvocation(Rows.COUNT)
  public int[] handWrittenHistogram(Rows rows) {
    int[] histogram = new int[11];
    for (int score : rows.scores) {
      histogram[score]++;
    }
    return histogram;
  }

  /**
   * The grouped path: one tally per branch from two parallel columns.
   *
   * @param rows the data
   * @return the tallies
   */
  @Benchmark
  @OperationsPerInvocation(Rows.COUNT)
  public NpsTally[] byKey(Rows rows) {
    return NpsTally.byKey(rows.keys, rows.scores, Rows.GROUPS);
  }

  /**
   * The ceiling for {@link #byKey(Rows)}: {@code h[key * 11 + score]++} without validation.
   *
   * @param rows the data
   * @return the histograms, 11 bins per branch
   */
  @Benchmark
  @OperationsPerInvocation(Rows.COUNT)
  public int[] handWrittenGroupedHistogram(Rows rows) {
    int[] keys = rows.keys;
    int[] scores = rows.scores;
    int[] histogram = new int[Rows.GROUPS * 11];
    for (int i = 0; i < keys.length; i++) {
      histogram[keys[i] * 11 + scores[i]]++;
    }
    return histogram;
  }
}
