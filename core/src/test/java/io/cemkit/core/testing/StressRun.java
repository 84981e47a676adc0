package io.cemkit.core.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs seeded workers on {@value #THREADS} threads for a bounded time, for the stress tests (issue #10).
 * Shared with the other modules' tests through core's test jar.
 *
 * <p>How long: {@code -Dcemkit.stress.seconds} (default 2; the parent pom's {@code -Psoak} profile sets
 * 300), in rounds of at most {@value #ROUND_SECONDS} seconds: each round starts from fresh stores (or a
 * fresh engine) and ends with the invariant checks, so a long soak checks them again and again and its
 * memory stays bounded.
 * Which seed: {@code -Dcemkit.stress.seed} (default: random, logged). Worker {@code i} of round {@code r}
 * draws its operations from {@code new Random(seed + 1000 * r + i)}, so the mix each thread attempts repeats
 * with the seed; the interleaving of the threads does not, which is what a stress test is for. Every failure
 * message names the seed and the round.
 *
 * <p>The workers start together (a {@link CountDownLatch}), each runs operations until the time is up or
 * one of them fails, and the run waits for them with a generous bound ({@link #HANG_GUARD}): a worker
 * that hangs fails the test with a thread dump excerpt instead of hanging the build. Nothing here asserts
 * on timing; the operation rates go to the log at INFO.
 */
public final class StressRun {
  /** How many workers run at once. */
  public static final int THREADS = 8;
  /** How long the run waits for its workers after the time is up before it declares a hang. */
  public static final Duration HANG_GUARD = Duration.ofSeconds(60);
  /** The longest round. */
  public static final int ROUND_SECONDS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(StressRun.class);
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final String name;
  private final long seed;
  private final Duration budget;
  private final int rounds;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private long elapsedNanos;
  private int round = -1;

  private StressRun(String name, long seed, Duration budget) {
    this.name = name;
    this.seed = seed;
    this.rounds = (int) Math.max(1, (budget.toMillis() + ROUND_SECONDS * 1000L - 1) / (ROUND_SECONDS * 1000L));
    this.budget = budget.dividedBy(rounds);
  }

  /**
   * A run for the configured time and seed.
   *
   * @param name what runs, for the log and the failure messages
   * @param share the share of the configured time this run takes (a class with several runs splits it)
   * @return the run
   */
  public static StressRun of(String name, double share) {
    String seconds = System.getProperty("cemkit.stress.seconds", "2").trim();
    double total;
    try {
      total = Double.parseDouble(seconds.isEmpty() ? "2" : seconds);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cemkit.stress.seconds must be a number of seconds, was '" + seconds + "'",
          e);
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("cemkit.stress.seconds must be positive, was " + seconds);
    }
    Long fixed = Long.getLong("cemkit.stress.seed");
    long seed = fixed != null ? fixed : new Random().nextLong();
    return new StressRun(name, seed, Duration.ofMillis(Math.max(100, Math.round(total * share * 1000))));
  }

  public long seed() {
    return seed;
  }

  /** How long each round runs, in seconds. */
  public double roundSeconds() {
    return budget.toMillis() / 1000.0;
  }

  /** How many rounds the run has. */
  public int rounds() {
    return rounds;
  }

  /** The seed and how to repeat the run's draws, for failure messages. */
  public String seedNote() {
    return name + " (seed " + seed + ", round " + (round + 1) + " of " + rounds + "; rerun with -Dcemkit.stress.seed="
        + seed + ")";
  }

  /** One worker: called again and again with its own random source until the time is up. */
  @FunctionalInterface
  public interface Operation {
    void run(Random random) throws Exception;
  }

  /** Makes worker {@code i}'s operation; called once per worker, on the test's thread. */
  @FunctionalInterface
  public interface Workers {
    Operation worker(int index, StressRun run);
  }

  /**
   * Counts one operation under a kind and outcome, such as {@code claimNext} / {@code empty}.
   *
   * @param kind the operation
   * @param outcome how it ended
   */
  public void count(String kind, String outcome) {
    counts.computeIfAbsent(kind + " " + outcome, k -> new LongAdder()).increment();
  }

  /** How many operations of a kind ended with an outcome. */
  public long count(String kind, String outcome, String... more) {
    long n = sum(kind + " " + outcome);
    for (String other : more) {
      n += sum(kind + " " + other);
    }
    return n;
  }

  private long sum(String key) {
    LongAdder adder = counts.get(key);
    return adder == null ? 0 : adder.sum();
  }

  /** Every operation counted. */
  public long total() {
    long n = 0;
    for (LongAdder adder : counts.values()) {
      n += adder.sum();
    }
    return n;
  }

  /**
   * Runs the next round: the workers until its time is up, then waits for them.
   *
   * @param workers makes each worker's operation
   * @throws AssertionError naming the seed if a worker failed or hung
   */
  public void run(Workers workers) throws InterruptedException {
    round++;
    int runNumber = RUNS.incrementAndGet();
    String prefix = "stress-" + runNumber + "-";
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, prefix + threadNumber.getAndIncrement());
      t.setDaemon(true);
      return t;
    });
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<String> failedWhere = new AtomicReference<>();
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[1];
    try {
      for (int i = 0; i < THREADS; i++) {
        Operation op = workers.worker(i, this);
        Random random = new Random(seed + 1000L * round + i);
        int index = i;
        pool.execute(() -> {
          long done = 0;
          try {
            ready.countDown();
            go.await();
            long deadline = window[0];
            while (failure.get() == null && System.nanoTime() < deadline) {
              op.run(random);
              done++;
            }
          } catch (Throwable e) {
            if (failure.compareAndSet(null, e)) {
              failedWhere.set("worker " + index + " after " + done + " operation(s)");
            }
          }
        });
      }
      ready.await();
      long start = System.nanoTime();
      window[0] = start + budget.toNanos();
      go.countDown();
      pool.shutdown();
      boolean finished = pool.awaitTermination(budget.toMillis() + HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
      elapsedNanos += System.nanoTime() - start;
      if (!finished) {
        throw new AssertionError(seedNote() + ": a worker did not finish within " + HANG_GUARD + " after the run's "
            + budget + "; threads:\n" + dump(prefix));
      }
    } finally {
      pool.shutdownNow();
    }
    Throwable failed = failure.get();
    if (failed != null) {
      throw new AssertionError(seedNote() + ": " + failedWhere.get() + " failed: " + failed, failed);
    }
  }

  /**
   * Checks what must hold once the workers have stopped; a failure names the seed.
   *
   * @param invariants the checks
   */
  public void verify(Runnable invariants) {
    try {
      invariants.run();
    } catch (AssertionError e) {
      AssertionError named = new AssertionError(seedNote() + ": " + e.getMessage(), e);
      throw named;
    }
  }

  /** Logs the operation counts and rates at INFO. */
  public void logReport() {
    LOG.info("{}", report());
  }

  /** The operation counts and rates, one line per kind and outcome. */
  public String report() {
    double seconds = elapsedNanos / 1e9;
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %d threads, %.2f s in %d "
        + "round(s), seed %d: %,d operations (%,.0f/s)", name, THREADS, seconds, round + 1, seed, total(),
        total() / seconds));
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(counts).entrySet()) {
      long n = e.getValue().sum();
      text.append(String.format(Locale.ROOT, "%n  %-42s %,10d %,12.0f/s", e.getKey(), n, n / seconds));
    }
    return text.toString();
  }

  /** The stack of each worker thread still alive, a few frames each. */
  private static String dump(String prefix) {
    List<String> lines = new ArrayList<>();
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      if (!info.getThreadName().startsWith(prefix)) {
        continue;
      }
      lines.add("  \"" + info.getThreadName() + "\" " + info.getThreadState()
          + (info.getLockName() == null ? "" : " on " + info.getLockName())
          + (info.getLockOwnerName() == null ? "" : " held by " + info.getLockOwnerName()));
      StackTraceElement[] stack = info.getStackTrace();
      for (int i = 0; i < Math.min(12, stack.length); i++) {
        lines.add("    at " + stack[i]);
      }
    }
    return String.join("\n", lines);
  }
}
