package io.cemkit.benchmarks;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The data every benchmark of this module reads: {@value #COUNT} survey answers, each a score 0–10
 * and a branch key 0 to {@value #GROUPS} − 1, as two parallel {@code int[]} columns. Uniform and
 * seeded, so every run and every engine sees exactly the same rows.
 *
 * <p>A JMH state shared by all threads of a benchmark, generated once per trial.
 */
@State(Scope.Benchmark)
public class Rows {
  /** Rows per benchmark invocation: 10 M, the size of the research's performance anchor. */
  public static final int COUNT = 10_000_000;
  /** Distinct branch keys. */
  public static final int GROUPS = 100;
  /** Fixed so that results are comparable between runs and machines. */
  static final long SEED = 20261122L;

  /** Branch of each row, {@code 0 <= key < GROUPS}. */
  public int[] keys;
  /** Score of each row, 0–10. */
  public int[] scores;

  /** Creates the state; JMH calls {@link #generate()} before the first measurement. */
  public Rows() {
    // Filled by generate(): JMH instantiates states reflectively.
  }

  /** Generates the rows from the fixed seed. */
  @Setup(Level.Trial)
  public void generate() {
    SplittableRandom random = new SplittableRandom(SEED);
    keys = new int[COUNT];
    scores = new int[COUNT];
    for (int i = 0; i < COUNT; i++) {
      keys[i] = random.nextInt(GROUPS);
      scores[i] = random.nextInt(11);
    }
  }
}
