package io.cemkit.journey;

import io.cemkit.journey.internal.AbsorbingChain;
import io.cemkit.journey.internal.GapStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * An {@link EventLog} grouped once per customer, each customer's events in time order (ties in arrival
 * order), and the analytics of observed journeys on it (J6): the transition graph, variants, stage funnels
 * with drop-off, time between stages, channel switches and resumptions, feedback per touchpoint and
 * Markov attribution. {@link DesignedVsObserved} compares it with a designed {@link JourneyMap} (J7).
 *
 * <p>The grouping is a stable counting sort by customer followed by a stable sort of each customer's
 * events by time; the grouped columns (time, touchpoint, stage, channel and the permutation) take 24 bytes
 * per event. Every analysis is one pass over them. Results do not depend on the order in which customers
 * arrive, only on each customer's own events. Immutable and safe to share between threads.
 */
public final class ObservedJourney {
  private static final int INSERTION_SORT_MAX = 32;

  private final EventLog log;
  /** Customer c's events are positions start[c] to start[c + 1] - 1. */
  private final int[] start;
  /** The log index of the event at each position. */
  private final int[] order;
  private final long[] time;
  private final int[] touchpoint;
  private final int[] stage;
  private final int[] channel;

  ObservedJourney(EventLog log) {
    this.log = log;
    int n = log.size;
    int customers = log.customers.size();
    start = new int[customers + 1];
    for (int e = 0; e < n; e++) {
      start[log.customer[e] + 1]++;
    }
    for (int c = 0; c < customers; c++) {
      start[c + 1] += start[c];
    }
    order = new int[n];
    int[] fill = Arrays.copyOf(start, customers);
    for (int e = 0; e < n; e++) {
      order[fill[log.customer[e]]++] = e;
    }
    long[] raw = log.time;
    int[] buffer = new int[0];
    for (int c = 0; c < customers; c++) {
      int from = start[c];
      int to = start[c + 1];
      if (!sorted(raw, from, to)) {
        if (to - from <= INSERTION_SORT_MAX) {
          insertionSort(raw, from, to);
        } else {
          if (buffer.length < to - from) {
            buffer = new int[to - from];
          }
          mergeSort(raw, from, to, buffer);
        }
      }
    }
    time = new long[n];
    touchpoint = new int[n];
    stage = new int[n];
    channel = new int[n];
    for (int p = 0; p < n; p++) {
      int e = order[p];
      time[p] = raw[e];
      touchpoint[p] = log.touchpoint[e];
      stage[p] = log.stage[e];
      channel[p] = log.channel[e];
    }
  }

  private boolean sorted(long[] raw, int from, int to) {
    for (int p = from + 1; p < to; p++) {
      if (raw[order[p]] < raw[order[p - 1]]) {
        return false;
      }
    }
    return true;
  }

  private void insertionSort(long[] raw, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int e = order[i];
      long t = raw[e];
      int j = i - 1;
      while (j >= from && raw[order[j]] > t) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = e;
    }
  }

  /** Stable: equal times keep their (arrival) order. */
  private void mergeSort(long[] raw, int from, int to, int[] buffer) {
    if (to - from <= INSERTION_SORT_MAX) {
      insertionSort(raw, from, to);
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(raw, from, mid, buffer);
    mergeSort(raw, mid, to, buffer);
    if (raw[order[mid - 1]] <= raw[order[mid]]) {
      return;
    }
    System.arraycopy(order, from, buffer, 0, mid - from);
    int i = 0;
    int iEnd = mid - from;
    int j = mid;
    int k = from;
    while (i < iEnd && j < to) {
      order[k++] = raw[order[j]] < raw[buffer[i]] ? order[j++] : buffer[i++];
    }
    while (i < iEnd) {
      order[k++] = buffer[i++];
    }
  }

  /**
   * The number of events.
   *
   * @return zero or more
   */
  public int events() {
    return order.length;
  }

  /**
   * The number of customers.
   *
   * @return zero or more
   */
  public int customers() {
    return start.length - 1;
  }

  /**
   * The transition graph between touchpoints with exact medians.
   *
   * @return the edges, by count descending, then from and to ascending
   * @see Transition
   */
  public List<Transition> transitions() {
    return transitions(GapMedian.EXACT);
  }

  /**
   * The transition graph between touchpoints (the directly-follows graph, self-transitions included).
   *
   * @param median exact, or approximate for very large logs
   * @return the edges, by count descending, then from and to ascending
   */
  public List<Transition> transitions(GapMedian median) {
    Objects.requireNonNull(median, "median");
    int n = log.touchpoints.size();
    GapStats.Source source = sink -> {
      for (int c = 0; c < start.length - 1; c++) {
        for (int p = start[c]; p < start[c + 1] - 1; p++) {
          sink.accept(touchpoint[p] * n + touchpoint[p + 1], time[p + 1] - time[p]);
        }
      }
    };
    return edges(median == GapMedian.EXACT ? GapStats.exact(n * n, source) : GapStats.approximate(n * n, source),
        n, log.touchpoints);
  }

  /**
   * The time between stages: the transitions between consecutive stage visits (maximal runs of events with
   * one stage), the gap of each being the time from entering one stage (its first event) to entering the
   * next. A customer's last visit has no transition.
   *
   * @return the edges between stages, by count descending, then from and to ascending; exact medians
   */
  public List<Transition> stageTransitions() {
    int n = log.stages.size();
    GapStats.Source source = sink -> forEachVisitPair((from, to, gap) -> sink.accept(from * n + to, gap));
    return edges(GapStats.exact(n * n, source), n, log.stages);
  }

  /**
   * The observed duration of each stage: per stage visit that is followed by another (see
   * {@link #stageTransitions()}), the time from entering the stage to entering the next one.
   *
   * @return per stage code, ascending: a transition from the stage to itself whose count is the visits
   *     measured and whose gaps are their durations
   */
  public Map<String, Transition> stageDurations() {
    int n = log.stages.size();
    GapStats.Result r = GapStats.exact(n, sink -> forEachVisitPair((from, to, gap) -> sink.accept(from, gap)));
    Map<String, Transition> out = new TreeMap<>();
    for (int s = 0; s < n; s++) {
      if (r.count()[s] > 0) {
        String name = log.stages.name(s);
        out.put(name, new Transition(name, name, r.count()[s], r.meanSeconds()[s], r.medianSeconds()[s]));
      }
    }
    return out;
  }

  private interface VisitPairs {
    void accept(int fromStage, int toStage, long gapNanos);
  }

  private void forEachVisitPair(VisitPairs sink) {
    for (int c = 0; c < start.length - 1; c++) {
      int visit = start[c];
      for (int p = start[c] + 1; p < start[c + 1]; p++) {
        if (stage[p] != stage[p - 1]) {
          sink.accept(stage[visit], stage[p], time[p] - time[visit]);
          visit = p;
        }
      }
    }
  }

  private static List<Transition> edges(GapStats.Result r, int n, EventLog.Codes names) {
    List<Transition> out = new ArrayList<>();
    for (int k = 0; k < n * n; k++) {
      if (r.count()[k] > 0) {
        out.add(new Transition(names.name(k / n), names.name(k % n), r.count()[k], r.meanSeconds()[k],
            r.medianSeconds()[k]));
      }
    }
    out.sort(Comparator.comparingLong(Transition::count).reversed().thenComparing(Transition::from)
        .thenComparing(Transition::to));
    return out;
  }

  /**
   * The most common paths.
   *
   * @param limit the most variants to return, at least 1
   * @return the variants, by customers descending, then path ascending (element by element, a prefix first)
   */
  public List<Variant> variants(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    Map<PathKey, long[]> counts = new HashMap<>();
    for (int c = 0; c < start.length - 1; c++) {
      counts.computeIfAbsent(new PathKey(touchpoint, start[c], start[c + 1]), k -> new long[1])[0]++;
    }
    List<Variant> all = new ArrayList<>(counts.size());
    counts.forEach((key, count) -> {
      List<String> path = new ArrayList<>(key.to - key.from);
      for (int p = key.from; p < key.to; p++) {
        path.add(log.touchpoints.name(touchpoint[p]));
      }
      all.add(new Variant(path, count[0]));
    });
    all.sort(Comparator.comparingLong(Variant::customers).reversed().thenComparing(Variant::path,
        ObservedJourney::comparePaths));
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }

  private static int comparePaths(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** A range of the grouped touchpoint column, compared by content. */
  private static final class PathKey {
    final int[] codes;
    final int from;
    final int to;
    final int hash;

    PathKey(int[] codes, int from, int to) {
      this.codes = codes;
      this.from = from;
      this.to = to;
      int h = 1;
      for (int p = from; p < to; p++) {
        h = 31 * h + codes[p];
      }
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PathKey k && k.hash == hash && Arrays.equals(codes, from, to, k.codes, k.from, k.to);
    }
  }

  /**
   * Channel switches and resumptions.
   *
   * @return the counts
   * @see ChannelSwitches
   */
  public ChannelSwitches channelSwitches() {
    long switches = 0;
    long[] resumed = new long[log.stages.size()];
    for (int c = 0; c < start.length - 1; c++) {
      for (int p = start[c] + 1; p < start[c + 1]; p++) {
        if (channel[p] != channel[p - 1]) {
          switches++;
          if (stage[p] == stage[p - 1]) {
            resumed[stage[p]]++;
          }
        }
      }
    }
    Map<String, Long> byStage = new TreeMap<>();
    long resumptions = 0;
    for (int s = 0; s < resumed.length; s++) {
      if (resumed[s] > 0) {
        byStage.put(log.stages.name(s), resumed[s]);
        resumptions += resumed[s];
      }
    }
    return new ChannelSwitches(switches, resumptions, byStage);
  }

  /**
   * Sentiment and NPS per touchpoint.
   *
   * @return one entry per touchpoint with an event, by code ascending
   */
  public List<TouchpointFeedback> feedback() {
    int n = log.touchpoints.size();
    long[] events = new long[n];
    long[] sentiments = new long[n];
    double[] sentimentSum = new double[n];
    long[][] nps = new long[n][3];
    for (int e = 0; e < log.size; e++) {
      int t = log.touchpoint[e];
      events[t]++;
      if (log.sentiment != null && !Double.isNaN(log.sentiment[e])) {
        sentiments[t]++;
        sentimentSum[t] += log.sentiment[e];
      }
      if (log.nps != null && log.nps[e] >= 0) {
        nps[t][log.nps[e] >= 9 ? 0 : log.nps[e] >= 7 ? 1 : 2]++;
      }
    }
    List<TouchpointFeedback> out = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      long answers = nps[t][0] + nps[t][1] + nps[t][2];
      out.add(new TouchpointFeedback(log.touchpoints.name(t), events[t], sentiments[t],
          sentiments[t] == 0 ? OptionalDouble.empty() : OptionalDouble.of(sentimentSum[t] / sentiments[t]),
          answers, nps[t][0], nps[t][1], nps[t][2],
          answers == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * (nps[t][0] - nps[t][2]) / answers)));
    }
    out.sort(Comparator.comparing(TouchpointFeedback::touchpoint));
    return out;
  }

  /**
   * Measures a stage funnel.
   *
   * @param funnel the stages, window and mode
   * @return the steps
   * @see Funnel
   */
  public FunnelReport funnel(Funnel funnel) {
    Matches m = match(funnel);
    int k = funnel.stages().size();
    long[] reached = new long[k];
    List<List<Long>> ttc = new ArrayList<>();
    List<Map<String, Long>> next = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      ttc.add(new ArrayList<>());
      next.add(new HashMap<>());
    }
    for (int c = 0; c < start.length - 1; c++) {
      int level = m.level[c];
      for (int i = 0; i < level; i++) {
        reached[i]++;
        if (i > 0) {
          ttc.get(i).add(m.ttc[c * k + i]);
        }
      }
      if (level > 0 && level < k) {
        int p = m.position[c * k + level - 1] + 1;
        String did = p < start[c + 1] ? log.touchpoints.name(touchpoint[p]) : FunnelStep.END;
        next.get(level).merge(did, 1L, Long::sum);
      }
    }
    List<FunnelStep> steps = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      long previous = i == 0 ? reached[0] : reached[i - 1];
      double conversion = i == 0 ? 1.0 : previous == 0 ? 0.0 : (double) reached[i] / previous;
      double overall = reached[0] == 0 ? 0.0 : (double) reached[i] / reached[0];
      long[] times = ttc.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
      Map<String, Long> did = new LinkedHashMap<>();
      next.get(i).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
          .thenComparing(Map.Entry.comparingByKey())).forEach(e -> did.put(e.getKey(), e.getValue()));
      steps.add(new FunnelStep(funnel.stages().get(i), reached[i], i == 0 && reached[0] == 0 ? 0.0 : conversion,
          overall, previous - reached[i], median(times), mean(times), did));
    }
    return new FunnelReport(funnel, steps, m.level, log.customers);
  }

  private static OptionalDouble median(long[] sorted) {
    if (sorted.length == 0) {
      return OptionalDouble.empty();
    }
    long a = sorted[(sorted.length - 1) / 2];
    long b = sorted[sorted.length / 2];
    return OptionalDouble.of((a + (b - a) / 2.0) / 1e9);
  }

  private static OptionalDouble mean(long[] values) {
    if (values.length == 0) {
      return OptionalDouble.empty();
    }
    long seconds = 0;
    long nanos = 0;
    for (long v : values) {
      seconds += v / 1_000_000_000L;
      nanos += v % 1_000_000_000L;
    }
    return OptionalDouble.of((seconds + nanos / 1e9) / values.length);
  }

  /**
   * How many steps of a funnel each customer reached, and where: the counts without time to convert or
   * drop-off, for the fastest path.
   *
   * @param funnel the funnel
   * @return the customers at each step
   */
  public long[] funnelCounts(Funnel funnel) {
    int[] level = match(funnel).level;
    long[] reached = new long[funnel.stages().size() + 1];
    for (int l : level) {
      reached[l]++;
    }
    long[] out = new long[funnel.stages().size()];
    long sum = 0;
    for (int i = out.length - 1; i >= 0; i--) {
      sum += reached[i + 1];
      out[i] = sum;
    }
    return out;
  }

  /** Per customer: steps reached; per customer and step: first completing position and time to convert. */
  private record Matches(int[] level, int[] position, long[] ttc) {}

  private Matches match(Funnel funnel) {
    int k = funnel.stages().size();
    int[] fs = funnel.stages().stream().mapToInt(log.stages::find).toArray();
    long window = funnel.window().map(ObservedJourney::nanos).orElse(Long.MAX_VALUE);
    int customers = start.length - 1;
    int[] level = new int[customers];
    int[] position = new int[customers * k];
    long[] ttc = new long[customers * k];
    long[] best = new long[k];
    long[] cur = new long[k];
    boolean[] has = new boolean[k];
    boolean[] hasCur = new boolean[k];
    for (int c = 0; c < customers; c++) {
      Arrays.fill(has, false);
      int reached = 0;
      int base = c * k;
      if (!funnel.strict()) {
        for (int p = start[c]; p < start[c + 1]; p++) {
          int s = stage[p];
          long t = time[p];
          for (int i = k - 1; i >= 1; i--) {
            if (fs[i] == s && has[i - 1] && t - best[i - 1] <= window) {
              if (!has[i]) {
                has[i] = true;
                best[i] = best[i - 1];
                position[base + i] = p;
                ttc[base + i] = t - best[i - 1];
                reached = Math.max(reached, i + 1);
              } else if (best[i - 1] > best[i]) {
                best[i] = best[i - 1];
              }
            }
          }
          if (fs[0] == s) {
            if (!has[0]) {
              has[0] = true;
              position[base] = p;
              reached = Math.max(reached, 1);
            }
            best[0] = t;
          }
        }
      } else {
        Arrays.fill(hasCur, false);
        for (int p = start[c]; p < start[c + 1]; p++) {
          int s = stage[p];
          if (p > start[c] && s == stage[p - 1]) {
            continue;
          }
          long t = time[p];
          for (int i = k - 1; i >= 0; i--) {
            boolean on = fs[i] == s && (i == 0 || hasCur[i - 1] && t - cur[i - 1] <= window);
            long from = i == 0 ? t : cur[i - 1];
            hasCur[i] = on;
            if (on) {
              cur[i] = from;
              if (!has[i]) {
                has[i] = true;
                position[base + i] = p;
                ttc[base + i] = t - from;
                reached = Math.max(reached, i + 1);
              }
            }
          }
        }
      }
      level[c] = reached;
    }
    return new Matches(level, position, ttc);
  }

  private static long nanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Markov removal-effect attribution of the customers who reached the funnel's last step: each path runs
   * up to and including the event that first completed it.
   *
   * @param funnel the funnel whose completion is the conversion
   * @return the attribution
   * @see Attribution
   */
  public Attribution attribution(Funnel funnel) {
    Matches m = match(funnel);
    int k = funnel.stages().size();
    int[] end = new int[start.length - 1];
    for (int c = 0; c < end.length; c++) {
      end[c] = m.level[c] == k ? m.position[c * k + k - 1] : -1;
    }
    return attribution(end);
  }

  /**
   * Markov removal-effect attribution of the customers with an event of the given outcome: each path runs
   * up to and including their first such event.
   *
   * @param outcome the outcome that counts as a conversion, e.g. {@code purchase}
   * @return the attribution
   * @see Attribution
   */
  public Attribution attribution(String outcome) {
    int code = log.outcomes.find(Objects.requireNonNull(outcome, "outcome"));
    int[] end = new int[start.length - 1];
    for (int c = 0; c < end.length; c++) {
      end[c] = -1;
      for (int p = start[c]; p < start[c + 1] && code >= 0; p++) {
        if (log.outcome[order[p]] == code) {
          end[c] = p;
          break;
        }
      }
    }
    return attribution(end);
  }

  /** {@code end[c]}: the converting position of customer c, or -1. */
  private Attribution attribution(int[] end) {
    int n = log.touchpoints.size();
    // States in ascending code order, so elimination order (and the bits) never depend on arrival order.
    Integer[] byName = new Integer[n];
    for (int t = 0; t < n; t++) {
      byName[t] = t;
    }
    Arrays.sort(byName, Comparator.comparing(log.touchpoints::name));
    int[] state = new int[n];
    for (int i = 0; i < n; i++) {
      state[byName[i]] = i + 1;
    }
    int size = n + 1;
    long[][] counts = new long[size][size];
    long[] conv = new long[size];
    long[] lost = new long[size];
    long conversions = 0;
    long paths = 0;
    boolean[] onPath = new boolean[n];
    for (int c = 0; c < end.length; c++) {
      int last = end[c] >= 0 ? end[c] : start[c + 1] - 1;
      if (last < start[c]) {
        continue;
      }
      paths++;
      int from = 0;
      for (int p = start[c]; p <= last; p++) {
        int to = state[touchpoint[p]];
        onPath[touchpoint[p]] = true;
        counts[from][to]++;
        from = to;
      }
      if (end[c] >= 0) {
        conv[from]++;
        conversions++;
      } else {
        lost[from]++;
      }
    }
    double base = AbsorbingChain.conversion(counts, conv, lost, -1)[0];
    List<Attribution.AttributedTouchpoint> out = new ArrayList<>();
    double[] effect = new double[n];
    double sum = 0;
    for (int t = 0; t < n; t++) {
      if (!onPath[t]) {
        continue;
      }
      double without = AbsorbingChain.conversion(counts, conv, lost, state[t])[0];
      effect[t] = base == 0 ? 0 : Math.max(0, 1 - without / base);
      sum += effect[t];
    }
    for (int t = 0; t < n; t++) {
      if (!onPath[t]) {
        continue;
      }
      double share = sum == 0 ? 0 : effect[t] / sum;
      out.add(new Attribution.AttributedTouchpoint(log.touchpoints.name(t), effect[t], share, share * conversions));
    }
    out.sort(Comparator.comparingDouble(Attribution.AttributedTouchpoint::removalEffect).reversed()
        .thenComparing(Attribution.AttributedTouchpoint::touchpoint));
    return new Attribution(paths, conversions, base, out);
  }

  /**
   * The touchpoints that appear in the log, by code ascending.
   *
   * @return their codes
   */
  public List<String> touchpoints() {
    List<String> out = new ArrayList<>();
    for (int t = 0; t < log.touchpoints.size(); t++) {
      out.add(log.touchpoints.name(t));
    }
    out.sort(null);
    return out;
  }

  /**
   * For each customer who was ever at {@code from}: whether they were at {@code to} at a later position.
   *
   * @param from a touchpoint's code
   * @param to a touchpoint's code
   * @return {customers at from, of them later at to}
   */
  public long[] reachedAfter(String from, String to) {
    int a = log.touchpoints.find(from);
    int b = log.touchpoints.find(to);
    long at = 0;
    long later = 0;
    for (int c = 0; c < start.length - 1 && a >= 0; c++) {
      boolean seen = false;
      boolean after = false;
      for (int p = start[c]; p < start[c + 1] && !after; p++) {
        if (seen && touchpoint[p] == b) {
          after = true;
        }
        if (touchpoint[p] == a) {
          seen = true;
        }
      }
      at += seen ? 1 : 0;
      later += after ? 1 : 0;
    }
    return new long[] {at, later};
  }

  @Override
  public String toString() {
    return "ObservedJourney[" + events() + " events, " + customers() + " customers]";
  }
}
