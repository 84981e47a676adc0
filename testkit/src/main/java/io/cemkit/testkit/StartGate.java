package io.cemkit.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Runs the writers of a concurrency contract on their own threads, all released at once by a
 * {@link CountDownLatch}, so that they really contend for the same record. There are no sleeps and
 * no timing: each writer runs to completion, and the test's {@code @Timeout} only guards against a
 * store that hangs.
 *
 * <p>A writer catches only the exceptions the contract documents for a lost race; anything else it
 * throws is rethrown here unchanged and fails the test.
 */
final class StartGate {
  /** How many writers race in each concurrency contract. */
  static final int THREADS = 8;

  private StartGate() {}

  /**
   * The revisions that {@link #THREADS} successful updates of a record inserted at revision 1
   * return, in some order.
   *
   * @return 2 to {@code THREADS + 1}
   */
  static List<Long> revisionsOfUpdates() {
    return LongStream.rangeClosed(2, THREADS + 1L).boxed().collect(Collectors.toList());
  }

  /**
   * Runs {@link #THREADS} writers at once.
   *
   * @param writer makes writer {@code i}'s task, for {@code i} from 0
   * @param <T> what a writer returns
   * @return the writers' results, in writer order
   * @throws Exception the first unexpected failure of a writer, unchanged if unchecked
   */
  static <T> List<T> race(IntFunction<Callable<T>> writer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>(THREADS);
      for (int i = 0; i < THREADS; i++) {
        Callable<T> task = writer.apply(i);
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return task.call();
        }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>(THREADS);
      for (Future<T> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          if (cause instanceof Exception) {
            throw (Exception) cause;
          }
          throw e;
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * What one attempt to write produced: the stored record, or the documented refusal.
   *
   * @param <T> the stored type
   */
  static final class Outcome<T> {
    private final T stored;
    private final RuntimeException refusal;

    private Outcome(T stored, RuntimeException refusal) {
      this.stored = stored;
      this.refusal = refusal;
    }

    static <T> Outcome<T> stored(T stored) {
      return new Outcome<>(stored, null);
    }

    static <T> Outcome<T> refused(RuntimeException refusal) {
      return new Outcome<>(null, refusal);
    }

    boolean succeeded() {
      return stored != null;
    }

    T value() {
      return stored;
    }

    RuntimeException refusal() {
      return refusal;
    }

    @Override
    public String toString() {
      return succeeded() ? "stored " + stored : "refused: " + refusal;
    }
  }
}
