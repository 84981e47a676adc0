package io.cemkit.benchmarks;

import com.sun.management.ThreadMXBean;
import io.cemkit.journey.EventLog;
import io.cemkit.journey.ObservedJourney;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * The memory of observed-journey analytics on the {@value JourneyData#EVENTS} events of
 * {@link JourneyBenchmark}, against the raw event arrays (five columns: int customer, long time, int
 * touchpoint, int stage, int channel: {@value JourneyData#RAW_BYTES_PER_EVENT} bytes per event). The target
 * of issue #8 is at most twice the raw arrays for the log and the analysis structures together.
 *
 * <p>Method: the used heap after repeated {@code System.gc()} before the columns exist, with the columns,
 * with the {@link EventLog} on them, and with an {@link ObservedJourney} after
 * {@link ObservedJourney#transitions()} and {@link ObservedJourney#funnelCounts} (what it keeps); and the
 * bytes the thread allocated during each analysis (an upper bound of its transient peak, since nothing it
 * allocates is freed before it returns; for the shuffled log, the first analysis includes the regrouped
 * copy). Once for the log in time order (read as it is) and once for the same events shuffled (regrouped
 * into a copy that the {@code ObservedJourney} keeps).
 *
 * <p>Run (after {@code mvn -B clean verify -pl benchmarks -am -DskipTests}):
 * {@code java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.cemkit.benchmarks.JourneyFootprint}.
 */
public final class JourneyFootprint {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private JourneyFootprint() {}

  /**
   * Prints the figures.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    long raw = (long) JourneyData.EVENTS * JourneyData.RAW_BYTES_PER_EVENT;
    System.out.printf(Locale.ROOT, "JVM %s, max heap %,d MiB; raw arrays %,d bytes (%d per event)%n",
        Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, raw, JourneyData.RAW_BYTES_PER_EVENT);
    measure("in time order", raw, false);
    measure("shuffled", raw, true);
  }

  private static void measure(String label, long raw, boolean shuffle) {
    long empty = Heap.used();
    JourneyData data = shuffle ? shuffled() : JourneyData.inTimeOrder();
    long columns = Heap.used() - empty;
    EventLog log = data.log();
    data = null;
    long withLog = Heap.used() - empty;
    ObservedJourney observed = log.observe();
    long transitions = allocated(observed::transitions);
    long funnel = allocated(() -> observed.funnelCounts(JourneyBenchmark.FUNNEL));
    long kept = Heap.used() - empty;
    System.out.printf(Locale.ROOT, "%s: columns as measured %,d bytes (%.2f x raw: G1 rounds each large array up"
        + " to whole regions); EventLog %,d; EventLog + ObservedJourney after both analyses %,d (%.2f x raw, %.2f x"
        + " the measured columns); allocated by transitions() %,d (%.1f bytes per event; log + that: at most"
        + " %.2f x raw); by funnelCounts() %,d (%.1f bytes per event)%n", label, columns, (double) columns / raw,
        withLog, kept, (double) kept / raw, (double) kept / columns, transitions,
        (double) transitions / JourneyData.EVENTS, (double) (withLog + transitions) / raw, funnel,
        (double) funnel / JourneyData.EVENTS);
    Reference.reachabilityFence(observed);
  }

  private static JourneyData shuffled() {
    return JourneyData.inTimeOrder().shuffled(JourneyBenchmark.SHUFFLE_SEED);
  }

  private static long allocated(Runnable analysis) {
    long id = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(id);
    analysis.run();
    return THREADS.getThreadAllocatedBytes(id) - before;
  }
}
