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
 * stable sort of each customer's events by time, into a copy of the columns the analyses read (24 bytes
 * per event, 28 with outcomes).
 */
final class TimeOrdered {
  private static final int INSERTION_SORT_MAX = 32;

  final int size;
  final int customers;
  final int[] customer;
  final long[] time;
  final int[] touchpoint;
  final int[] stage;
  final int[] channel;
  /** -1 where absent; null when no event has one. */
  final int[] outcome;
  /** Whether these are the log's own columns in arrival order. */
  final boolean arrival;

  private TimeOrdered(int customers, int[] customer, long[] time, int[] touchpoint, int[] stage, int[] channel,
      int[] outcome, boolean arrival) {
    this.size = time.length;
    this.customers = customers;
    this.customer = customer;
    this.time = time;
    this.touchpoint = touchpoint;
    this.stage = stage;
    this.channel = channel;
    this.outcome = outcome;
    this.arrival = arrival;
  }

  /**
   * The log's events in a per-customer time order.
   *
   * @param log the log
   * @param regroup whether to regroup even a log that arrived in order (to test one path against the other)
   */
  static TimeOrdered of(EventLog log, boolean regroup) {
    if (!regroup && arrivedInOrder(log)) {
      return new TimeOrdered(log.customers.size(), log.customer, log.time, log.touchpoint, log.stage, log.channel,
          log.outcome, true);
    }
    Groups g = Groups.of(log.customer, log.customers.size());
    g.sortEachByTime(log.time);
    int[] order = g.order;
    return new TimeOrdered(log.customers.size(), gather(log.customer, order), gather(log.time, order),
        gather(log.touchpoint, order), gather(log.stage, order), gather(log.channel, order),
        log.outcome == null ? null : gather(log.outcome, order), false);
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

  private static int[] gather(int[] column, int[] order) {
    int[] out = new int[order.length];
    for (int p = 0; p < order.length; p++) {
      out[p] = column[order[p]];
    }
    return out;
  }

  private static long[] gather(long[] column, int[] order) {
    long[] out = new long[order.length];
    for (int p = 0; p < order.length; p++) {
      out[p] = column[order[p]];
    }
    return out;
  }

  /**
   * The touchpoint column grouped by customer, each customer's touchpoints in order: customer c's are
   * {@code touchpoints[start[c]]} to {@code touchpoints[start[c + 1] - 1]}.
   */
  record Paths(int[] start, int[] touchpoints) {}

  Paths paths() {
    Groups g = Groups.of(customer, customers);
    return new Paths(g.start, gather(touchpoint, g.order));
  }

  /** Receives two consecutive events of one customer. */
  interface Steps {
    void accept(int previous, int next);
  }

  /** Visits every pair of consecutive events of a customer, by position. */
  void forEachStep(Steps sink) {
    int[] last = new int[customers];
    for (int p = 0; p < size; p++) {
      int c = customer[p];
      int q = last[c] - 1;
      last[c] = p + 1;
      if (q >= 0) {
        sink.accept(q, p);
      }
    }
  }

  /**
   * Visits every pair of consecutive stage visits of a customer (a visit being a maximal run of events with
   * one stage), by the positions of their first events.
   */
  void forEachVisitStep(Steps sink) {
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

  /** Event indices grouped by customer: customer c's are {@code order[start[c]]} to {@code order[start[c + 1] - 1]}. */
  private static final class Groups {
    final int[] start;
    final int[] order;

    private Groups(int[] start, int[] order) {
      this.start = start;
      this.order = order;
    }

    /** A stable counting sort: each customer's events keep their order. */
    static Groups of(int[] customer, int customers) {
      int n = customer.length;
      int[] start = new int[customers + 1];
      for (int e = 0; e < n; e++) {
        start[customer[e] + 1]++;
      }
      for (int c = 0; c < customers; c++) {
        start[c + 1] += start[c];
      }
      int[] order = new int[n];
      int[] fill = Arrays.copyOf(start, customers);
      for (int e = 0; e < n; e++) {
        order[fill[customer[e]]++] = e;
      }
      return new Groups(start, order);
    }

    /** Sorts each customer's events by time, stably, so that ties keep arrival order. */
    void sortEachByTime(long[] time) {
      int[] buffer = new int[0];
      for (int c = 0; c < start.length - 1; c++) {
        int from = start[c];
        int to = start[c + 1];
        if (!sorted(time, from, to)) {
          if (buffer.length < to - from) {
            buffer = new int[to - from];
          }
          mergeSort(time, from, to, buffer);
        }
      }
    }

    private boolean sorted(long[] time, int from, int to) {
      for (int p = from + 1; p < to; p++) {
        if (time[order[p]] < time[order[p - 1]]) {
          return false;
        }
      }
      return true;
    }

    private void insertionSort(long[] time, int from, int to) {
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

    private void mergeSort(long[] time, int from, int to, int[] buffer) {
      if (to - from <= INSERTION_SORT_MAX) {
        insertionSort(time, from, to);
        return;
      }
      int mid = (from + to) >>> 1;
      mergeSort(time, from, mid, buffer);
      mergeSort(time, mid, to, buffer);
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
}
