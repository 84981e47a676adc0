package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass analyses against their definitions, computed the slow way on each customer's events in time
 * order (ties in arrival order): funnels by dynamic programming over all event sequences (ordered, window,
 * strict), transitions and stage transitions by sorting each edge's gaps, channel switches pair by pair.
 */
class ObservedJourneyReferenceTest {
  private static final long NONE = Long.MIN_VALUE;

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0x4efL * 1_000 + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("funnels, transitions and channel switches agree with their definitions")
  void analysesMatchTheirDefinitions(long seed) {
    RandomJourneys r = new RandomJourneys(seed);
    List<List<JourneyEvent>> customers = r.customers;
    ObservedJourney o = EventLog.of(r.shuffled()).observe();
    for (Funnel f : RandomJourneys.FUNNELS) {
      FunnelReport report = o.funnel(f);
      List<FunnelStep> expected = funnel(customers, f);
      for (int i = 0; i < expected.size(); i++) {
        FunnelStep want = expected.get(i);
        FunnelStep got = report.steps().get(i);
        String at = f + " step " + i;
        assertThat(got.customers()).as(at).isEqualTo(want.customers());
        assertThat(got.dropOff()).as(at).isEqualTo(want.dropOff());
        assertThat(got.nextAfterDropOff()).as(at).containsExactlyEntriesOf(want.nextAfterDropOff());
        assertThat(got.medianSecondsToConvert()).as(at).isEqualTo(want.medianSecondsToConvert());
        assertThat(got.meanSecondsToConvert().isPresent()).as(at).isEqualTo(want.meanSecondsToConvert().isPresent());
        if (want.meanSecondsToConvert().isPresent()) {
          assertThat(got.meanSecondsToConvert().getAsDouble()).as(at)
              .isCloseTo(want.meanSecondsToConvert().getAsDouble(), within(1e-9));
        }
      }
      assertThat(o.funnelCounts(f)).as(f.toString())
          .containsExactly(expected.stream().mapToLong(FunnelStep::customers).toArray());
    }
    assertEdges(o.transitions(), transitions(customers, false));
    assertEdges(o.stageTransitions(), transitions(customers, true));
    long switches = 0;
    long resumptions = 0;
    for (List<JourneyEvent> events : customers) {
      for (int p = 1; p < events.size(); p++) {
        if (!events.get(p).channel().equals(events.get(p - 1).channel())) {
          switches++;
          resumptions += events.get(p).stage().equals(events.get(p - 1).stage()) ? 1 : 0;
        }
      }
    }
    assertThat(o.channelSwitches().switches()).isEqualTo(switches);
    assertThat(o.channelSwitches().resumptions()).isEqualTo(resumptions);
  }

  private static void assertEdges(List<Transition> got, Map<String, List<Long>> expected) {
    assertThat(got).hasSize(expected.size());
    for (Transition t : got) {
      long[] gaps = expected.get(t.from() + ">" + t.to()).stream().mapToLong(Long::longValue).sorted().toArray();
      assertThat(t.count()).as(t.toString()).isEqualTo(gaps.length);
      assertThat(t.medianGapSeconds()).as(t.toString()).isEqualTo(median(gaps).getAsDouble());
      assertThat(t.meanGapSeconds()).as(t.toString())
          .isCloseTo(LongStream.of(gaps).sum() / 1e9 / gaps.length, within(1e-9));
    }
  }

  /** Per edge "from>to", its gaps in nanoseconds: between consecutive events, or stage visits. */
  private static Map<String, List<Long>> transitions(List<List<JourneyEvent>> customers, boolean stages) {
    Map<String, List<Long>> out = new HashMap<>();
    for (List<JourneyEvent> events : customers) {
      List<JourneyEvent> steps = stages ? visits(events) : events;
      for (int p = 1; p < steps.size(); p++) {
        JourneyEvent a = steps.get(p - 1);
        JourneyEvent b = steps.get(p);
        String key = stages ? a.stage() + ">" + b.stage() : a.touchpoint() + ">" + b.touchpoint();
        out.computeIfAbsent(key, k -> new ArrayList<>()).add(EventLog.nanos(b.at()) - EventLog.nanos(a.at()));
      }
    }
    return out;
  }

  /** The first event of each stage visit (a maximal run of events with one stage). */
  private static List<JourneyEvent> visits(List<JourneyEvent> events) {
    List<JourneyEvent> out = new ArrayList<>();
    for (JourneyEvent e : events) {
      if (out.isEmpty() || !out.get(out.size() - 1).stage().equals(e.stage())) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The funnel by its definition: per customer, {@code start[i][p]} is the latest s0 time of a sequence that
   * completes step i at position p (NONE if none does); in strict mode positions are stage visits and a
   * sequence is consecutive visits. Step i is first completed at the least such p.
   */
  private static List<FunnelStep> funnel(List<List<JourneyEvent>> customers, Funnel f) {
    int k = f.stages().size();
    long window = f.window().map(java.time.Duration::toNanos).orElse(Long.MAX_VALUE);
    long[] reached = new long[k];
    List<List<Long>> times = new ArrayList<>();
    List<Map<String, Long>> next = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      times.add(new ArrayList<>());
      next.add(new TreeMap<>());
    }
    for (List<JourneyEvent> all : customers) {
      List<Integer> positions = new ArrayList<>();
      for (int p = 0; p < all.size(); p++) {
        if (!f.strict() || p == 0 || !all.get(p).stage().equals(all.get(p - 1).stage())) {
          positions.add(p);
        }
      }
      List<JourneyEvent> events = positions.stream().map(all::get).toList();
      int n = events.size();
      long[][] start = new long[k][n];
      int level = 0;
      int lastCompletion = -1;
      for (int i = 0; i < k; i++) {
        Arrays.fill(start[i], NONE);
        for (int p = 0; p < n; p++) {
          JourneyEvent e = events.get(p);
          long t = EventLog.nanos(e.at());
          if (!e.stage().equals(f.stages().get(i))) {
            continue;
          }
          if (i == 0) {
            start[0][p] = t;
            continue;
          }
          for (int q = f.strict() ? p - 1 : 0; q < p && q >= 0; q++) {
            if (start[i - 1][q] != NONE && t - start[i - 1][q] <= window) {
              start[i][p] = Math.max(start[i][p], start[i - 1][q]);
            }
          }
        }
        int first = -1;
        for (int p = 0; p < n && first < 0; p++) {
          first = start[i][p] != NONE ? p : -1;
        }
        if (first < 0) {
          break;
        }
        level = i + 1;
        reached[i]++;
        lastCompletion = positions.get(first);
        if (i > 0) {
          times.get(i).add(EventLog.nanos(events.get(first).at()) - start[i][first]);
        }
      }
      if (level > 0 && level < k) {
        String did = lastCompletion + 1 < all.size() ? all.get(lastCompletion + 1).touchpoint() : FunnelStep.END;
        next.get(level).merge(did, 1L, Long::sum);
      }
    }
    List<FunnelStep> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      long[] ttc = times.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
      Map<String, Long> did = new LinkedHashMap<>();
      next.get(i).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
          .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder()))).forEach(e -> did.put(e.getKey(),
          e.getValue()));
      out.add(new FunnelStep(f.stages().get(i), reached[i], 0, 0, i == 0 ? 0 : reached[i - 1] - reached[i],
          median(ttc), ttc.length == 0 ? java.util.OptionalDouble.empty()
          : java.util.OptionalDouble.of(LongStream.of(ttc).sum() / 1e9 / ttc.length), did));
    }
    return out;
  }

  private static java.util.OptionalDouble median(long[] sorted) {
    if (sorted.length == 0) {
      return java.util.OptionalDouble.empty();
    }
    long a = sorted[(sorted.length - 1) / 2];
    long b = sorted[sorted.length / 2];
    return java.util.OptionalDouble.of((a + (b - a) / 2.0) / 1e9);
  }
}
