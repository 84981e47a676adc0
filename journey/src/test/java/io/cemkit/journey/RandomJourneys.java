package io.cemkit.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Seeded random journeys with many equal times, and the same events in several arrival orders that keep
 * each customer's ties in one order, so every order must give the same analytics.
 */
final class RandomJourneys {
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  static final List<String> STAGES = List.of("s0", "s1", "s2", "s3", "s4");
  static final List<String> TOUCHPOINTS = List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6");
  static final List<String> CHANNELS = List.of("web", "app", "phone");
  static final List<Funnel> FUNNELS = List.of(Funnel.of("s0", "s1", "s2"), Funnel.of("s0", "s1", "s2", "s3"),
      Funnel.of("s1", "s0", "s1"), Funnel.of("s0", "s0"), Funnel.of("s2"), Funnel.of("s0", "nowhere", "s1"),
      Funnel.of("s0", "s1", "s2").within(Duration.ofSeconds(40)),
      Funnel.of("s0", "s2", "s3").within(Duration.ofSeconds(1)),
      Funnel.of("s0", "s1", "s2").strictly(), Funnel.of("s0", "s1", "s0", "s1").strictly(),
      Funnel.of("s0", "s1", "s2").strictly().within(Duration.ofSeconds(30)));

  /** One customer's events in their own order: times never decrease, equal times are common. */
  final List<List<JourneyEvent>> customers;
  private final SplittableRandom random;

  RandomJourneys(long seed) {
    this(seed, 0);
  }

  /** With {@code customerCount} customers, or when 0 a random number of them up to 120. */
  RandomJourneys(long seed, int customerCount) {
    random = new SplittableRandom(seed);
    int count = customerCount > 0 ? customerCount : 1 + random.nextInt(random.nextInt(4) == 0 ? 120 : 12);
    int maxEvents = 1 + random.nextInt(25);
    customers = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      List<JourneyEvent> events = new ArrayList<>();
      long t = random.nextLong(100) * 1_000_000_000L;
      int n = 1 + random.nextInt(maxEvents);
      for (int i = 0; i < n; i++) {
        // Ties within a customer and between customers, some gaps of a few nanoseconds.
        int gap = random.nextInt(4);
        t += gap == 0 ? 0 : gap == 1 ? random.nextInt(1, 3) : random.nextLong(1, gap == 2 ? 5 : 60) * 1_000_000_000L;
        String stage = STAGES.get(random.nextInt(STAGES.size()));
        JourneyEvent e = JourneyEvent.of("c" + c, T0.plusNanos(t),
            TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size())), stage, CHANNELS.get(random.nextInt(3)));
        if (random.nextInt(5) == 0) {
          e = e.withOutcome(random.nextBoolean() ? "purchase" : "refund");
        }
        if (random.nextInt(4) == 0) {
          // Decimal sentiments (as a CSV has them) whose floating-point sum depends on the order of adding.
          e = e.withSentiment(random.nextInt(-100, 101) / 100.0).withNps(random.nextInt(11));
        }
        events.add(e);
        if (random.nextInt(4) == 0 && i + 1 < n) {
          events.add(JourneyEvent.of(e.customer(), e.at(), e.touchpoint(), e.stage(), e.channel()));
          i++;
        }
      }
      customers.add(events);
    }
  }

  /** Customers interleaved at random, each customer's events in their order: not in global time order. */
  List<JourneyEvent> interleaved() {
    List<Integer> slots = new ArrayList<>();
    for (int c = 0; c < customers.size(); c++) {
      slots.addAll(Collections.nCopies(customers.get(c).size(), c));
    }
    Collections.shuffle(slots, new java.util.Random(random.nextLong()));
    int[] next = new int[customers.size()];
    List<JourneyEvent> out = new ArrayList<>();
    for (int c : slots) {
      out.add(customers.get(c).get(next[c]++));
    }
    return out;
  }

  /** {@link #interleaved()}, then stably sorted by time: a log written as events happen. */
  List<JourneyEvent> inTimeOrder() {
    List<JourneyEvent> out = interleaved();
    out.sort(Comparator.comparing(JourneyEvent::at));
    return out;
  }

  /**
   * Every event at a random place, except that events of one customer at one time keep their order (the
   * only order the analytics may depend on).
   */
  List<JourneyEvent> shuffled() {
    List<JourneyEvent> all = customers.stream().flatMap(List::stream).collect(Collectors.toList());
    List<Integer> place = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      place.add(i);
    }
    Collections.shuffle(place, new java.util.Random(random.nextLong()));
    Map<String, List<Integer>> ties = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      ties.computeIfAbsent(all.get(i).customer() + "@" + all.get(i).at(), k -> new ArrayList<>()).add(i);
    }
    JourneyEvent[] out = new JourneyEvent[all.size()];
    for (List<Integer> tie : ties.values()) {
      int[] places = tie.stream().mapToInt(place::get).sorted().toArray();
      for (int j = 0; j < places.length; j++) {
        out[places[j]] = all.get(tie.get(j));
      }
    }
    return Arrays.asList(out);
  }

  /**
   * The events as code columns ({@link EventLog#ofColumns}: no outcome, sentiment or NPS), with customers
   * numbered by their index and {@code extra} more customers that have no event.
   */
  static EventLog columns(List<JourneyEvent> events, int extra) {
    int n = events.size();
    long[] time = new long[n];
    int[] customer = new int[n];
    int[] touchpoint = new int[n];
    int[] stage = new int[n];
    int[] channel = new int[n];
    int customers = extra;
    for (int i = 0; i < n; i++) {
      JourneyEvent e = events.get(i);
      time[i] = EventLog.nanos(e.at());
      customer[i] = Integer.parseInt(e.customer().substring(1));
      customers = Math.max(customers, customer[i] + 1 + extra);
      touchpoint[i] = TOUCHPOINTS.indexOf(e.touchpoint());
      stage[i] = STAGES.indexOf(e.stage());
      channel[i] = CHANNELS.indexOf(e.channel());
    }
    return EventLog.ofColumns(customers, time, customer, touchpoint, stage, channel, TOUCHPOINTS, STAGES, CHANNELS);
  }

  /**
   * Everything the analytics answer about a log, as text; customers listed by name, sorted, so logs that
   * code their customers in another order compare equal.
   */
  static String describe(ObservedJourney o) {
    StringBuilder out = new StringBuilder();
    out.append(o.events()).append(' ').append(o.customers()).append('\n');
    out.append(o.transitions()).append('\n');
    out.append(o.transitions(GapMedian.APPROXIMATE)).append('\n');
    out.append(o.stageTransitions()).append('\n');
    out.append(o.stageDurations()).append('\n');
    out.append(o.variants(1_000)).append('\n');
    out.append(o.channelSwitches()).append('\n');
    out.append(o.feedback()).append('\n');
    out.append(o.touchpoints()).append('\n');
    for (String from : TOUCHPOINTS) {
      for (String to : TOUCHPOINTS) {
        out.append(Arrays.toString(o.reachedAfter(from, to)));
      }
    }
    out.append('\n').append(o.attribution("purchase")).append('\n').append(o.attribution("nothing")).append('\n');
    for (Funnel f : FUNNELS) {
      FunnelReport r = o.funnel(f);
      out.append(f).append(": ").append(r.steps()).append(' ').append(Arrays.toString(o.funnelCounts(f)));
      for (int step = 1; step < f.stages().size(); step++) {
        List<String> dropped = new ArrayList<>(r.droppedAt(step));
        dropped.sort(null);
        out.append(" dropped at ").append(step).append(' ').append(dropped);
      }
      out.append('\n').append(o.attribution(f)).append('\n');
    }
    return out.toString();
  }
}
