package io.cemkit.journey;

import io.cemkit.journey.internal.AbsorbingChain;
import io.cemkit.journey.internal.GapStats;
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
 * The analytics of observed journeys on an {@link EventLog} (J6): the transition graph, variants, stage
 * funnels with drop-off, time between stages, channel switches and resumptions, feedback per touchpoint
 * and Markov attribution. {@link DesignedVsObserved} compares it with a designed {@link JourneyMap} (J7).
 * Every analysis reads each customer's events in time order, ties in arrival order.
 *
 * <p>Creating it does no work. The first analysis checks whether the log arrived in that order already,
 * as a log written while events happen does (one scan of the times; when they are not in global order, one
 * more of each customer's times): then every analysis is one pass over the log's own columns in arrival
 * order, customers interleaved, keeping a little state per customer, and nothing is copied. Otherwise the
 * log is regrouped once, for all analyses of this object, by a stable counting sort by customer and a
 * stable sort of each customer's events by time, into a copy of the columns it reads but the customer's
 * (20 bytes per event, 24 when events have outcomes, and 4 per customer), so the log and the copy stay
 * within twice the log's columns; the passes are then the same, and those that need each event's customer
 * make that column for the pass (4 bytes per event, dropped after it).
 *
 * <p>Results do not depend on the order in which customers or their events arrive, only on each customer's
 * own events and the arrival order of their events at equal times, to the last bit: floating-point sums are
 * exact or taken in an order of their own. The one exception is the order (not the content) of
 * {@link FunnelReport#droppedAt}, which lists customers as they first appear in the log. Safe to share
 * between threads.
 */
public final class ObservedJourney {
  private static final int AWAITED = 1;
  private static final int CONVERTED = -1;
  private static final byte SEEN = 1;
  private static final byte AFTER = 2;

  private final EventLog log;
  private final boolean regroup;
  private volatile TimeOrdered ordered;

  ObservedJourney(EventLog log) {
    this(log, false);
  }

  /** With {@code regroup}, regroups even a log that arrived in order: the general path, for tests. */
  ObservedJourney(EventLog log, boolean regroup) {
    this.log = log;
    this.regroup = regroup;
  }

  private TimeOrdered ordered() {
    TimeOrdered o = ordered;
    if (o == null) {
      synchronized (this) {
        o = ordered;
        if (o == null) {
          o = TimeOrdered.of(log, regroup);
          ordered = o;
        }
      }
    }
    return o;
  }

  /** Whether the analyses read the log in arrival order, without regrouping it. */
  boolean inArrivalOrder() {
    return ordered().arrival;
  }

  /**
   * The number of events.
   *
   * @return zero or more
   */
  public int events() {
    return log.size;
  }

  /**
   * The number of customers: those with an event, and for a log from code columns every code below its
   * {@code customerCount}, with events or not.
   *
   * @return zero or more
   */
  public int customers() {
    return log.customers.size();
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
    TimeOrdered o = ordered();
    int[] touchpoint = o.touchpoint;
    long[] time = o.time;
    GapStats.Source source = sink -> o.forEachStep((q, p) -> sink.accept(touchpoint[q] * n + touchpoint[p],
        TimeOrdered.gap(time[q], time[p])));
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
    TimeOrdered o = ordered();
    o.forEachVisitStep((q, p) -> sink.accept(o.stage[q], o.stage[p], TimeOrdered.gap(o.time[q], o.time[p])));
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
    TimeOrdered.Paths paths = ordered().paths();
    int[] start = paths.start();
    int[] touchpoint = paths.touchpoints();
    Map<PathKey, long[]> counts = new HashMap<>();
    for (int c = 0; c < start.length - 1; c++) {
      if (start[c] == start[c + 1]) {
        // a customer of code columns without events has no path
        continue;
      }
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
    TimeOrdered o = ordered();
    int[] channel = o.channel;
    int[] stage = o.stage;
    long[] switched = new long[1];
    long[] resumed = new long[log.stages.size()];
    o.forEachStep((q, p) -> {
      if (channel[p] != channel[q]) {
        switched[0]++;
        if (stage[p] == stage[q]) {
          resumed[stage[p]]++;
        }
      }
    });
    long switches = switched[0];
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
   * Sentiment and NPS per touchpoint. The mean sentiment is the exact sum of the sentiments, rounded once to
   * a double, over their count: the same bits for every arrival order of the events.
   *
   * @return one entry per touchpoint with an event, by code ascending
   */
  public List<TouchpointFeedback> feedback() {
    int n = log.touchpoints.size();
    long[] events = new long[n];
    long[] sentiments = new long[n];
    ExactSum sentimentSum = new ExactSum(n);
    long[][] nps = new long[n][3];
    for (int e = 0; e < log.size; e++) {
      int t = log.touchpoint[e];
      events[t]++;
      if (log.sentiment != null && !Double.isNaN(log.sentiment[e])) {
        sentiments[t]++;
        sentimentSum.add(t, log.sentiment[e]);
      }
      if (log.nps != null && log.nps[e] >= 0) {
        nps[t][log.nps[e] >= 9 ? 0 : log.nps[e] >= 7 ? 1 : 2]++;
      }
    }
    List<TouchpointFeedback> out = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      if (events[t] == 0) {
        // a name that code columns list but no event uses
        continue;
      }
      long answers = nps[t][0] + nps[t][1] + nps[t][2];
      out.add(new TouchpointFeedback(log.touchpoints.name(t), events[t], sentiments[t],
          sentiments[t] == 0 ? OptionalDouble.empty() : OptionalDouble.of(sentimentSum.sum(t) / sentiments[t]),
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
    TimeOrdered o = ordered();
    int k = funnel.stages().size();
    FunnelProgress progress = new FunnelProgress(funnel, log.stages, o.customers, true);
    long[][] ttc = new long[k][16];
    int[] converted = new int[k];
    // Per customer, what they did after the event that completed their last step so far: 0 before any
    // step, AWAITED until their next event, then its touchpoint code + 2.
    int[] next = new int[o.customers];
    int[] customer = o.customerColumn();
    for (int p = 0; p < o.size; p++) {
      int c = customer[p];
      if (next[c] == AWAITED) {
        next[c] = o.touchpoint[p] + 2;
      }
      int step = progress.advance(c, o.stage[p], o.time[p]);
      if (step >= 0) {
        next[c] = AWAITED;
        if (step > 0) {
          if (converted[step] == ttc[step].length) {
            ttc[step] = Arrays.copyOf(ttc[step], 2 * converted[step]);
          }
          ttc[step][converted[step]++] = progress.timeToConvert();
        }
      }
    }
    List<Map<String, Long>> dropped = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      dropped.add(new HashMap<>());
    }
    for (int c = 0; c < o.customers; c++) {
      int level = progress.level[c];
      if (level > 0 && level < k) {
        String did = next[c] == AWAITED ? FunnelStep.END : log.touchpoints.name(next[c] - 2);
        dropped.get(level).merge(did, 1L, Long::sum);
      }
    }
    long[] reached = progress.counts();
    List<FunnelStep> steps = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      long previous = i == 0 ? reached[0] : reached[i - 1];
      double conversion = i == 0 ? 1.0 : previous == 0 ? 0.0 : (double) reached[i] / previous;
      double overall = reached[0] == 0 ? 0.0 : (double) reached[i] / reached[0];
      long[] times = Arrays.copyOf(ttc[i], converted[i]);
      Arrays.sort(times);
      Map<String, Long> did = new LinkedHashMap<>();
      dropped.get(i).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
          .thenComparing(Map.Entry.comparingByKey())).forEach(e -> did.put(e.getKey(), e.getValue()));
      steps.add(new FunnelStep(funnel.stages().get(i), reached[i], i == 0 && reached[0] == 0 ? 0.0 : conversion,
          overall, previous - reached[i], median(times), mean(times), did));
    }
    return new FunnelReport(funnel, steps, progress.level, log.customers);
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
   * How many customers reached each step of a funnel: the counts without time to convert or drop-off, for
   * the fastest path (an ordered funnel without a window keeps one number per customer).
   *
   * @param funnel the funnel
   * @return the customers at each step
   */
  public long[] funnelCounts(Funnel funnel) {
    TimeOrdered o = ordered();
    FunnelProgress progress = new FunnelProgress(funnel, log.stages, o.customers, false);
    int[] customer = o.customerColumn();
    int[] stage = o.stage;
    long[] time = o.time;
    for (int p = 0; p < o.size; p++) {
      progress.advance(customer[p], stage[p], time[p]);
    }
    return progress.counts();
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
    TimeOrdered o = ordered();
    FunnelProgress progress = new FunnelProgress(funnel, log.stages, o.customers, false);
    int last = funnel.stages().size() - 1;
    return attribution(o, (p, c) -> progress.advance(c, o.stage[p], o.time[p]) == last);
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
    TimeOrdered o = ordered();
    return attribution(o, (p, c) -> code >= 0 && o.outcome[p] == code);
  }

  /** Whether an event converts its customer; asked for each event of a customer until one does. */
  private interface Conversion {
    boolean at(int position, int customer);
  }

  private Attribution attribution(TimeOrdered o, Conversion converts) {
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
    // Per customer, the state of their last event on the path: 0 (start) before the first, CONVERTED after
    // the converting one.
    int[] at = new int[o.customers];
    int[] customer = o.customerColumn();
    for (int p = 0; p < o.size; p++) {
      int c = customer[p];
      int from = at[c];
      if (from == CONVERTED) {
        continue;
      }
      int to = state[o.touchpoint[p]];
      onPath[o.touchpoint[p]] = true;
      counts[from][to]++;
      if (converts.at(p, c)) {
        conv[to]++;
        conversions++;
        paths++;
        at[c] = CONVERTED;
      } else {
        at[c] = to;
      }
    }
    for (int c = 0; c < o.customers; c++) {
      if (at[c] > 0) {
        lost[at[c]]++;
        paths++;
      }
    }
    double base = AbsorbingChain.conversion(counts, conv, lost, -1)[0];
    List<Attribution.AttributedTouchpoint> out = new ArrayList<>();
    double[] effect = new double[n];
    double sum = 0;
    // Summed in state order too: codes follow arrival, and a floating-point sum depends on its order.
    for (int t : byName) {
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
   * The touchpoints that appear in the log (at least one event), by code ascending.
   *
   * @return their codes
   */
  public List<String> touchpoints() {
    // Code columns may name touchpoints that no event uses.
    boolean[] used = new boolean[log.touchpoints.size()];
    for (int e = 0; e < log.size; e++) {
      used[log.touchpoint[e]] = true;
    }
    List<String> out = new ArrayList<>();
    for (int t = 0; t < used.length; t++) {
      if (used[t]) {
        out.add(log.touchpoints.name(t));
      }
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
    if (a < 0) {
      return new long[] {0, 0};
    }
    TimeOrdered o = ordered();
    // Per customer: SEEN once at from, then AFTER once at to after that.
    byte[] state = new byte[o.customers];
    int[] customer = o.customerColumn();
    for (int p = 0; p < o.size; p++) {
      int c = customer[p];
      int t = o.touchpoint[p];
      if (state[c] == SEEN && t == b) {
        state[c] = AFTER;
      } else if (state[c] == 0 && t == a) {
        state[c] = SEEN;
      }
    }
    long at = 0;
    long later = 0;
    for (byte s : state) {
      at += s == 0 ? 0 : 1;
      later += s == AFTER ? 1 : 0;
    }
    return new long[] {at, later};
  }

  @Override
  public String toString() {
    return "ObservedJourney[" + events() + " events, " + customers() + " customers]";
  }
}
