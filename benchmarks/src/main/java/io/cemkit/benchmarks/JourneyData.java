package io.cemkit.benchmarks;

import io.cemkit.journey.EventLog;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The seeded observed-journey events of {@link JourneyBenchmark} and {@link JourneyFootprint}, as five
 * columns: {@value #EVENTS} events of {@value #CUSTOMERS} customers (1 to 19 events each), 20 touchpoints
 * in 6 stages, 5 channels, each customer's times strictly increasing, whole seconds.
 */
final class JourneyData {
  static final int EVENTS = 10_000_000;
  static final int CUSTOMERS = 1_000_000;
  static final List<String> TOUCHPOINTS = IntStream.range(0, 20).mapToObj(i -> "t" + i).toList();
  static final List<String> STAGES = IntStream.range(0, 6).mapToObj(i -> "s" + i).toList();
  static final List<String> CHANNELS = List.of("web", "app", "phone", "branch", "email");
  /** The bytes of the five raw columns per event: int customer, long time, int touchpoint, stage, channel. */
  static final int RAW_BYTES_PER_EVENT = 4 + 8 + 4 + 4 + 4;

  final int[] customer;
  final long[] time;
  final int[] touchpoint;
  final int[] stage;
  final int[] channel;

  private JourneyData(int[] customer, long[] time, int[] touchpoint, int[] stage, int[] channel) {
    this.customer = customer;
    this.time = time;
    this.touchpoint = touchpoint;
    this.stage = stage;
    this.channel = channel;
  }

  /** The events in global time order (customers interleaved), as a log is written; ties by customer. */
  static JourneyData inTimeOrder() {
    SplittableRandom random = new SplittableRandom(42);
    int[] cust = new int[EVENTS];
    long[] ts = new long[EVENTS];
    int[] tp = new int[EVENTS];
    int[] st = new int[EVENTS];
    int[] ch = new int[EVENTS];
    int e = 0;
    for (int c = 0; c < CUSTOMERS && e < EVENTS; c++) {
      int n = c == CUSTOMERS - 1 ? EVENTS - e : Math.min(EVENTS - e - (CUSTOMERS - 1 - c), 1 + random.nextInt(19));
      long t = random.nextLong(30L * 86_400) * 1_000_000_000L;
      int stage = random.nextInt(10) == 0 ? 1 + random.nextInt(2) : 0;
      int channel = random.nextInt(5);
      for (int i = 0; i < n; i++, e++) {
        t += (1 + random.nextLong(3_600)) * 1_000_000_000L;
        if (i > 0 && random.nextInt(3) == 0 && stage < 5) {
          stage++;
        }
        if (random.nextInt(4) == 0) {
          channel = random.nextInt(5);
        }
        cust[e] = c;
        ts[e] = t;
        st[e] = stage;
        tp[e] = stage < 5 ? stage * 3 + random.nextInt(3) : 15 + random.nextInt(5);
        ch[e] = channel;
      }
    }
    long[] key = new long[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      key[i] = (ts[i] / 1_000_000_000L) << 24 | i;
    }
    Arrays.sort(key);
    int[] order = new int[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      order[i] = (int) (key[i] & 0xFFFFFF);
    }
    return new JourneyData(cust, ts, tp, st, ch).permuted(order);
  }

  /** The same events in a seeded random order: no customer's events in time order any more. */
  JourneyData shuffled(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = IntStream.range(0, customer.length).toArray();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return permuted(order);
  }

  private JourneyData permuted(int[] order) {
    int n = order.length;
    int[] c = new int[n];
    long[] t = new long[n];
    int[] tp = new int[n];
    int[] st = new int[n];
    int[] ch = new int[n];
    for (int i = 0; i < n; i++) {
      int from = order[i];
      c[i] = customer[from];
      t[i] = time[from];
      tp[i] = touchpoint[from];
      st[i] = stage[from];
      ch[i] = channel[from];
    }
    return new JourneyData(c, t, tp, st, ch);
  }

  /** The columns as a log: {@link EventLog#ofColumns} takes the arrays as they are (it checks the codes). */
  EventLog log() {
    return EventLog.ofColumns(CUSTOMERS, time, customer, touchpoint, stage, channel, TOUCHPOINTS, STAGES, CHANNELS);
  }
}
