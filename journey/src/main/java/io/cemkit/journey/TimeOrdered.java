package io.cemkit.journey;

import java.util.Arrays;

/**
 * The events of an {@link EventLog} in an order where each customer's events are in time order, ties in
 * arrival order; customers may be interleaved. Every analysis of {@link ObservedJourney} is one pass over
 * it that keeps a little state per customer.
 *
 * <p>A log whose arrival order already is that order (any log written as events happen) is used as it is:
 * its own columns, no copy, found by one scan of the times (and, when they are not in global order, a scan
 * of each customer's times). Any other log is regrouped once: a stable counting sort by customer and a
 * stable sort of each customer's events by time, into a copy of the columns the analyses read except the
 * customer's (20 bytes per event, 24 with outcomes), and where each customer's events start (4 bytes per
 * customer): the customer of a position follows from that, so the log and its copy stay within twice the raw
 * columns. Pairs of consecutive events are then found customer by customer; the analyses that need each
 * position's customer get a column made for the pass ({@link #customerColumn()}) and dropped after it.
 */
final class TimeOrdered {
  private static final int INSERTION_SORT_MAX = 32;
  private static final int STEP_CHUNK = 1 << 12;

  final int size;
  final int customers;
  /** In arrival order, the log's customer column; regrouped, null. */
  private final int[] customer;
  /** Regrouped, customer c's events are at start[c] to start[c + 1] - 1; in arrival order, null. */
  private final int[] start;
  final long[] time;
  final int[] touchpoint;
  final int[] stage;
  final int[] channel;
  /** -1 where absent; null when no event has one. */
  final int[] outcome;
  /** Whether these are the log's own columns in arrival order. */
  final boolean arrival;

  private TimeOrdered(int customers, int[] customer, int[] start, long[] time, int[] touchpoint, int[] stage,
      int[] channel, int[] outcome) {
    this.arrival = customer != null;
    this.size = time.length;
    this.customers = customers;
    this.customer = customer;
    this.start = start;
    this.time = time;
    this.touchpoint = touchpoint;
    this.stage = stage;
    this.channel = channel;
    this.outcome = outcome;
  }

  /**
   * The time from one event to a later one, in nanoseconds; {@link Long#MAX_VALUE} (about 292 years) when
   * it is longer, which the difference of two times between the years 1678 and 2261 can be.
   *
   * @param earlier a time
   * @param later a time no earlier
   * @return zero or more
   */
  static long gap(long earlier, long later) {
    long gap = later - earlier;
    return gap < 0 ? Long.MAX_VALUE : gap;
  }

  /**
   * The log's events in a per-customer time order.
   *
   * @param log the log
   * @param regroup whether to regroup even a log that arrived in order (to test one path against the other)
   */
  static TimeOrdered of(EventLog log, boolean regroup) {
    int customers = log.customers.size();
    if (!regroup && arrivedInOrder(log)) {
      return new TimeOrdered(customers, log.customer, null, log.time, log.touchpoint, log.stage, log.channel,
          log.outcome);
    }
    Grouping g = new Grouping(log.customer, customers);
    TimeOrdered grouped = new TimeOrdered(customers, null, g.start, g.group(log.time), g.group(log.touchpoint),
        g.group(log.stage), g.group(log.channel), log.outcome == null ? null : g.group(log.outcome));
    grouped.sortEachByTime();
    return grouped;
  }

  /**
   * Each position's customer: the log's column in arrival order; for a regrouped log, a new column that the
   * caller drops after its pass (4 bytes per event, kept by nobody).
   *
   * @return the customer codes by position
   */
  int[] customerColumn() {
    if (customer != null) {
      return customer;
    }
    int[] out = new int[size];
    for (int c = 0; c < customers; c++) {
      Arrays.fill(out, start[c], start[c + 1], c);
    }
    return out;
  }

  /** Whether each customer's events arrived in time order, ties being in arrival order by definition. */
  private static boolean arrivedInOrder(EventLog log) {
    long[] t = log.time;
    int n = log.size;
    int p = 1;
    while (p < n && t[p - 1] <= t[p]) {
      p++;
    }
    if (p >= n) {
      return true;
    }
    long[] last = new long[log.customers.size()];
    Arrays.fill(last, Long.MIN_VALUE);
    for (int e = 0; e < n; e++) {
      int c = log.customer[e];
      if (t[e] < last[c]) {
        return false;
      }
      last[c] = t[e];
    }
    return true;
  }

  /**
   * A stable counting sort by customer, applied to one column at a time: customer c's values go to positions
   * start[c] to start[c + 1] - 1, in arrival order. Writing every value straight to its place is a random
   * write per value, each a cache and TLB miss once the columns outgrow the cache (10 times slower than a
   * sequential pass on the 10 M-event benchmark). So each column moves twice, both times with few places
   * written at once: into its output, to one of about a thousand buckets of consecutive customer codes (the
   * buckets' ranges are the final ranges of their customers), then, bucket by bucket, from a copy of the
   * bucket (which fits in the cache) to its place in the same range. The only array as long as the log
   * besides the outputs is the customer codes in bucket order, dropped with the grouping.
   */
  private static final class Grouping {
    private static final int BUCKET_BITS = 10;
    final int[] start;
    private final int customers;
    private final int shift;
    private final int[] bucketStart;
    /** The customer codes in bucket order. */
    private final int[] bucketed;
    private final int[] customer;
    /** Per customer, where its next value goes: reset bucket by bucket. */
    private final int[] fill;
    private final int largestBucket;

    Grouping(int[] customer, int customers) {
      this.customer = customer;
      this.customers = customers;
      start = new int[customers + 1];
      for (int c : customer) {
        start[c + 1]++;
      }
      for (int c = 0; c < customers; c++) {
        start[c + 1] += start[c];
      }
      shift = Math.max(0, 32 - Integer.numberOfLeadingZeros(Math.max(1, customers - 1)) - BUCKET_BITS);
      int buckets = ((customers - 1) >> shift) + 1;
      bucketStart = new int[buckets + 1];
      int largest = 0;
      for (int b = 0; b < buckets; b++) {
        bucketStart[b + 1] = start[(int) Math.min(customers, (long) (b + 1) << shift)];
        largest = Math.max(largest, bucketStart[b + 1] - bucketStart[b]);
      }
      largestBucket = largest;
      bucketed = new int[customer.length];
      int[] next = Arrays.copyOf(bucketStart, buckets);
      for (int c : customer) {
        bucketed[next[c >> shift]++] = c;
      }
      fill = new int[customers];
    }

    private int buckets() {
      return bucketStart.length - 1;
    }

    /** Resets where bucket b's customers' values go. */
    private void resetFill(int b) {
      int to = (int) Math.min(customers, (long) (b + 1) << shift);
      System.arraycopy(start, b << shift, fill, b << shift, to - (b << shift));
    }

    int[] group(int[] column) {
      int[] out = new int[column.length];
      int[] next = Arrays.copyOf(bucketStart, buckets());
      for (int e = 0; e < column.length; e++) {
        out[next[customer[e] >> shift]++] = column[e];
      }
      int[] copy = new int[largestBucket];
      for (int b = 0; b < buckets(); b++) {
        int from = bucketStart[b];
        int n = bucketStart[b + 1] - from;
        System.arraycopy(out, from, copy, 0, n);
        resetFill(b);
        for (int k = 0; k < n; k++) {
          out[fill[bucketed[from + k]]++] = copy[k];
        }
      }
      return out;
    }

    long[] group(long[] column) {
      long[] out = new long[column.length];
      int[] next = Arrays.copyOf(bucketStart, buckets());
      for (int e = 0; e < column.length; e++) {
        out[next[customer[e] >> shift]++] = column[e];
      }
      long[] copy = new long[largestBucket];
      for (int b = 0; b < buckets(); b++) {
        int from = bucketStart[b];
        int n = bucketStart[b + 1] - from;
        System.arraycopy(out, from, copy, 0, n);
        resetFill(b);
        for (int k = 0; k < n; k++) {
          out[fill[bucketed[from + k]]++] = copy[k];
        }
      }
      return out;
    }
  }

  /**
   * The touchpoint column grouped by customer, each customer's touchpoints in order: customer c's are
   * {@code touchpoints[start[c]]} to {@code touchpoints[start[c + 1] - 1]}.
   */
  record Paths(int[] start, int[] touchpoints) {}

  Paths paths() {
    if (start != null) {
      return new Paths(start, touchpoint);
    }
    Grouping g = new Grouping(customer, customers);
    return new Paths(g.start, g.group(touchpoint));
  }

  /** Receives two consecutive events of one customer. */
  interface Steps {
    void accept(int previous, int next);
  }

  /**
   * Visits every pair of consecutive events of a customer, by position. Chunk by chunk, in two loops: the
   * first only finds each event's predecessor, so its accesses to per-customer state (at random) do not wait
   * on one another and the processor overlaps their cache misses; the second reads the predecessors in
   * order. On the 10 M-event benchmark this takes a third less time than one loop. A regrouped log's
   * pairs are neighbours within each customer's range.
   */
  void forEachStep(Steps sink) {
    if (start != null) {
      for (int c = 0; c < customers; c++) {
        for (int p = start[c] + 1; p < start[c + 1]; p++) {
          sink.accept(p - 1, p);
        }
      }
      return;
    }
    int[] previous = new int[Math.min(size, STEP_CHUNK)];
    int[] last = new int[customers];
    for (int from = 0; from < size; from += STEP_CHUNK) {
      int to = Math.min(size, from + STEP_CHUNK);
      for (int p = from; p < to; p++) {
        int c = customer[p];
        previous[p - from] = last[c] - 1;
        last[c] = p + 1;
      }
      for (int p = from; p < to; p++) {
        int q = previous[p - from];
        if (q >= 0) {
          sink.accept(q, p);
        }
      }
    }
  }

  /**
   * Visits every pair of consecutive stage visits of a customer (a visit being a maximal run of events with
   * one stage), by the positions of their first events.
   */
  void forEachVisitStep(Steps sink) {
    if (start != null) {
      for (int c = 0; c < customers; c++) {
        int q = start[c];
        for (int p = q + 1; p < start[c + 1]; p++) {
          if (stage[p] != stage[q]) {
            sink.accept(q, p);
            q = p;
          }
        }
      }
      return;
    }
    int[] visit = new int[customers];
    for (int p = 0; p < size; p++) {
      int c = customer[p];
      int q = visit[c] - 1;
      if (q < 0 || stage[p] != stage[q]) {
        visit[c] = p + 1;
        if (q >= 0) {
          sink.accept(q, p);
        }
      }
    }
  }

  /**
   * Sorts each customer's range by time, stably, so that ties keep arrival order: a customer's events are
   * few and contiguous, so the sort and the moves stay in cache.
   */
  private void sortEachByTime() {
    int[] order = new int[0];
    int[] buffer = new int[0];
    long[] moved = new long[0];
    for (int c = 0; c < customers; c++) {
      int from = start[c];
      int to = start[c + 1];
      int n = to - from;
      if (sorted(from, to)) {
        continue;
      }
      if (order.length < n) {
        order = new int[n];
        buffer = new int[n];
        moved = new long[n];
      }
      for (int i = 0; i < n; i++) {
        order[i] = from + i;
      }
      mergeSort(order, 0, n, buffer);
      for (int i = 0; i < n; i++) {
        moved[i] = time[order[i]];
      }
      System.arraycopy(moved, 0, time, from, n);
      permute(touchpoint, from, n, order, buffer);
      permute(stage, from, n, order, buffer);
      permute(channel, from, n, order, buffer);
      if (outcome != null) {
        permute(outcome, from, n, order, buffer);
      }
    }
  }

  private boolean sorted(int from, int to) {
    for (int p = from + 1; p < to; p++) {
      if (time[p] < time[p - 1]) {
        return false;
      }
    }
    return true;
  }

  /** Reorders {@code column[from, from + n)} so that its i-th value is the one at {@code order[i]}. */
  private static void permute(int[] column, int from, int n, int[] order, int[] buffer) {
    for (int i = 0; i < n; i++) {
      buffer[i] = column[order[i]];
    }
    System.arraycopy(buffer, 0, column, from, n);
  }

  private void insertionSort(int[] order, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int e = order[i];
      long t = time[e];
      int j = i - 1;
      while (j >= from && time[order[j]] > t) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = e;
    }
  }

  /** Stable: equal times keep their order. */
  private void mergeSort(int[] order, int from, int to, int[] buffer) {
    if (to - from <= INSERTION_SORT_MAX) {
      insertionSort(order, from, to);
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(order, from, mid, buffer);
    mergeSort(order, mid, to, buffer);
    if (time[order[mid - 1]] <= time[order[mid]]) {
      return;
    }
    System.arraycopy(order, from, buffer, 0, mid - from);
    int i = 0;
    int iEnd = mid - from;
    int j = mid;
    int k = from;
    while (i < iEnd && j < to) {
      order[k++] = time[order[j]] < time[buffer[i]] ? order[j++] : buffer[i++];
    }
    while (i < iEnd) {
      order[k++] = buffer[i++];
    }
  }
}
