package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.CsvFormatException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObservedJourneyTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final Funnel FUNNEL = Funnel.of("awareness", "consideration", "purchase");

  private static JourneyEvent at(String customer, long seconds, String touchpoint, String stage, String channel) {
    return JourneyEvent.of(customer, T0.plusSeconds(seconds), touchpoint, stage, channel);
  }

  /** Two customers, out of order, with a tie (site before checkout at 100 s) kept in arrival order. */
  private static List<JourneyEvent> small() {
    return List.of(
        at("a", 400, "site", "consideration", "branch"),
        at("b", 50, "ad", "awareness", "web"),
        at("a", 0, "ad", "awareness", "web"),
        at("a", 100, "site", "consideration", "web"),
        at("b", 0, "ad", "awareness", "app"),
        at("a", 100, "checkout", "purchase", "app"),
        at("b", 250, "site", "consideration", "web"));
  }

  /** {@link #small()} and a customer with three web events 10 s apart: touchpoint, stage, touchpoint, stage… */
  private static List<JourneyEvent> smallAnd(String customer, String... touchpointsAndStages) {
    List<JourneyEvent> events = new ArrayList<>(small());
    for (int i = 0; i < touchpointsAndStages.length; i += 2) {
      events.add(at(customer, 5L * i, touchpointsAndStages[i], touchpointsAndStages[i + 1], "web"));
    }
    return events;
  }

  @Test
  @DisplayName("transitions: counts, mean and median gaps, self-transitions included, ties in arrival order")
  void transitions() {
    ObservedJourney o = EventLog.of(small()).observe();
    assertThat(o.events()).isEqualTo(7);
    assertThat(o.customers()).isEqualTo(2);
    assertThat(o.transitions()).containsExactly(
        new Transition("ad", "site", 2, 150, 150),
        new Transition("ad", "ad", 1, 50, 50),
        new Transition("checkout", "site", 1, 300, 300),
        new Transition("site", "checkout", 1, 0, 0));
  }

  @Test
  @DisplayName("median of an even count is the mean of the two middle gaps; odd takes the middle one")
  void medians() {
    List<JourneyEvent> events = new ArrayList<>();
    long[] gaps = {10, 40, 20, 1000};
    for (int c = 0; c < gaps.length; c++) {
      events.add(at("c" + c, 0, "x", "s", "web"));
      events.add(at("c" + c, gaps[c], "y", "s", "web"));
    }
    Transition t = EventLog.of(events).observe().transitions().get(0);
    assertThat(t.medianGapSeconds()).isEqualTo(30.0);
    assertThat(t.meanGapSeconds()).isEqualTo(267.5);
    events.add(at("c9", 0, "x", "s", "web"));
    events.add(at("c9", 15, "y", "s", "web"));
    assertThat(EventLog.of(events).observe().transitions().get(0).medianGapSeconds()).isEqualTo(20.0);
  }

  @Test
  @DisplayName("gaps keep nanoseconds")
  void nanosecondGaps() {
    List<JourneyEvent> events = List.of(JourneyEvent.of("a", T0, "x", "s", "web"),
        JourneyEvent.of("a", T0.plusNanos(1_500_000_001L), "y", "s", "web"));
    assertThat(EventLog.of(events).observe().transitions().get(0).meanGapSeconds()).isEqualTo(1.500000001);
  }

  @Test
  @DisplayName("channel switches, and resumptions of one stage in another channel")
  void channelSwitches() {
    ChannelSwitches s = EventLog.of(small()).observe().channelSwitches();
    assertThat(s).isEqualTo(new ChannelSwitches(3, 1, Map.of("awareness", 1L)));
  }

  @Test
  @DisplayName("ordered funnel: counts, conversion, time to convert from the latest start, drop-off and next action")
  void orderedFunnel() {
    FunnelReport r = EventLog.of(small()).observe().funnel(FUNNEL);
    List<FunnelStep> steps = r.steps();
    assertSoftly(s -> {
      s.assertThat(steps).extracting(FunnelStep::customers).containsExactly(2L, 2L, 1L);
      s.assertThat(steps).extracting(FunnelStep::dropOff).containsExactly(0L, 0L, 1L);
      s.assertThat(steps.get(2).conversion()).isEqualTo(0.5);
      s.assertThat(steps.get(2).overallConversion()).isEqualTo(0.5);
      s.assertThat(steps.get(0).medianSecondsToConvert()).isEmpty();
      // a: 100 s from ad; b: 250 - 50 s, from the later of its two awareness events
      s.assertThat(steps.get(1).medianSecondsToConvert().getAsDouble()).isEqualTo(150.0);
      s.assertThat(steps.get(1).meanSecondsToConvert().getAsDouble()).isEqualTo(150.0);
      s.assertThat(steps.get(2).medianSecondsToConvert().getAsDouble()).isEqualTo(100.0);
      s.assertThat(steps.get(2).nextAfterDropOff()).containsExactly(Map.entry(FunnelStep.END, 1L));
      s.assertThat(r.droppedAt(2)).containsExactly("b");
      s.assertThat(r.stepsReached("a")).isEqualTo(3);
      s.assertThat(r.stepsReached("nobody")).isZero();
    });
  }

  @Test
  @DisplayName("window: each step must come within the window after the s0 that starts the sequence")
  void windowFunnel() {
    ObservedJourney o = EventLog.of(small()).observe();
    assertThat(o.funnel(FUNNEL.within(Duration.ofSeconds(150))).steps()).extracting(FunnelStep::customers)
        .containsExactly(2L, 1L, 1L);
    assertThat(o.funnel(FUNNEL.within(Duration.ofSeconds(200))).steps()).extracting(FunnelStep::customers)
        .as("inclusive").containsExactly(2L, 2L, 1L);
    assertThat(o.funnelCounts(FUNNEL.within(Duration.ofSeconds(150)))).containsExactly(2, 1, 1);
  }

  @Test
  @DisplayName("strict: steps must be consecutive stage visits, timed by their first event")
  void strictFunnel() {
    List<JourneyEvent> events = smallAnd("c", "ad", "awareness", "help", "service", "site", "consideration");
    ObservedJourney o = EventLog.of(events).observe();
    assertThat(o.funnel(FUNNEL).steps()).extracting(FunnelStep::customers).containsExactly(3L, 3L, 1L);
    FunnelReport strict = o.funnel(FUNNEL.strictly());
    assertThat(strict.steps()).extracting(FunnelStep::customers).containsExactly(3L, 2L, 1L);
    // b's awareness visit starts at 0 s: strict time is from the visit's first event
    assertThat(strict.steps().get(1).medianSecondsToConvert().getAsDouble()).isEqualTo(175.0);
    assertThat(strict.steps().get(1).nextAfterDropOff()).containsExactly(Map.entry("help", 1L));
  }

  @Test
  @DisplayName("variants: most common paths first, then by path")
  void variants() {
    List<JourneyEvent> events = smallAnd("c", "ad", "awareness", "ad", "awareness", "site", "consideration");
    assertThat(EventLog.of(events).observe().variants(5)).containsExactly(
        new Variant(List.of("ad", "ad", "site"), 2),
        new Variant(List.of("ad", "site", "checkout", "site"), 1));
    assertThat(EventLog.of(events).observe().variants(1)).hasSize(1);
  }

  @Test
  @DisplayName("time between stages and stage durations from stage visits")
  void stages() {
    ObservedJourney o = EventLog.of(small()).observe();
    assertThat(o.stageTransitions()).containsExactly(
        new Transition("awareness", "consideration", 2, 175, 175),
        new Transition("consideration", "purchase", 1, 0, 0),
        new Transition("purchase", "consideration", 1, 300, 300));
    assertThat(o.stageDurations().get("awareness")).isEqualTo(
        new Transition("awareness", "awareness", 2, 175, 175));
  }

  @Test
  @DisplayName("sentiment and NPS per touchpoint")
  void feedback() {
    List<JourneyEvent> events = List.of(at("a", 0, "x", "s", "web").withSentiment(0.5).withNps(10),
        at("b", 0, "x", "s", "web").withSentiment(-0.25).withNps(3), at("c", 0, "x", "s", "web").withNps(8),
        at("c", 1, "y", "s", "web"));
    List<TouchpointFeedback> f = EventLog.of(events).observe().feedback();
    assertThat(f.get(0)).isEqualTo(new TouchpointFeedback("x", 3, 2, java.util.OptionalDouble.of(0.125), 3, 1, 1,
        1, java.util.OptionalDouble.of(0.0)));
    assertThat(f.get(1).meanSentiment()).isEmpty();
    assertThat(f.get(1).nps()).isEmpty();
  }

  @Test
  @DisplayName("mean sentiment is the exact sum over the count, whatever the arrival order, to the last bit")
  void feedbackDoesNotDependOnArrivalOrder() {
    // Summed in arrival order, 1 + 1e-16 - 1 is 0 but 1 - 1 + 1e-16 is 1e-16.
    double[] values = {1.0, 1e-16, -1.0};
    int[][] orders = {{0, 1, 2}, {0, 2, 1}, {2, 1, 0}, {1, 0, 2}};
    for (int[] order : orders) {
      List<JourneyEvent> events = new ArrayList<>();
      for (int i : order) {
        events.add(at("c" + i, i, "x", "s", "web").withSentiment(values[i]));
      }
      assertThat(EventLog.of(events).observe().feedback().get(0).meanSentiment().getAsDouble())
          .as("order %s", java.util.Arrays.toString(order)).isEqualTo(1e-16 / 3);
    }
  }

  @Test
  @DisplayName("gaps and windows between events more than 292 years apart do not overflow")
  void gapsBeyondALong() {
    Instant early = Instant.parse("1700-01-01T00:00:00Z");
    Instant late = Instant.parse("2200-01-01T00:00:00Z");
    ObservedJourney o = EventLog.of(List.of(JourneyEvent.of("a", early, "x", "s0", "web"),
        JourneyEvent.of("a", late, "y", "s1", "web"))).observe();
    double longest = Long.MAX_VALUE / 1e9;
    assertThat(o.transitions()).containsExactly(new Transition("x", "y", 1, longest, longest));
    assertThat(o.transitions(GapMedian.APPROXIMATE).get(0).meanGapSeconds()).isEqualTo(longest);
    assertThat(o.stageTransitions()).containsExactly(new Transition("s0", "s1", 1, longest, longest));
    Funnel f = Funnel.of("s0", "s1");
    assertThat(o.funnelCounts(f.within(Duration.ofDays(1)))).as("window").containsExactly(1, 0);
    assertThat(o.funnelCounts(f.strictly().within(Duration.ofDays(1)))).as("strict window").containsExactly(1, 0);
    assertThat(o.funnelCounts(f)).containsExactly(1, 1);
    assertThat(o.funnel(f).steps().get(1).meanSecondsToConvert().getAsDouble()).isEqualTo(longest);
    assertThat(o.funnel(f.within(Duration.ofDays(1))).steps()).extracting(FunnelStep::customers)
        .containsExactly(1L, 0L);
  }

  @Test
  @DisplayName("touchpoints and feedback list only touchpoints with an event, also for code columns")
  void touchpointsWithoutEvents() {
    long t = EventLog.nanos(T0);
    EventLog log = EventLog.ofColumns(1, new long[] {t}, new int[] {0}, new int[] {1}, new int[] {0},
        new int[] {0}, List.of("unused", "x"), List.of("s"), List.of("web"));
    assertThat(log.observe().touchpoints()).containsExactly("x");
    assertThat(log.observe().feedback()).extracting(TouchpointFeedback::touchpoint).containsExactly("x");
  }

  @Test
  @DisplayName("Markov removal effect: a touchpoint on every converting path takes all the credit")
  void attribution() {
    List<JourneyEvent> events = List.of(at("a", 0, "x", "s", "web").withOutcome("purchase"),
        at("b", 0, "y", "s", "web"), at("c", 0, "y", "s", "web"), at("c", 5, "x", "s", "web").withOutcome("purchase"),
        at("c", 9, "z", "s", "web"));
    Attribution a = EventLog.of(events).observe().attribution("purchase");
    assertThat(a.paths()).isEqualTo(3);
    assertThat(a.conversions()).isEqualTo(2);
    // start -> x 1/3 (converts), start -> y 2/3, y -> x 1/2 (converts), y -> null 1/2: P = 1/3 + 2/3 * 1/2
    assertThat(a.conversionProbability()).isCloseTo(2.0 / 3, within(1e-12));
    Attribution.AttributedTouchpoint x = a.touchpoints().get(0);
    assertThat(x.touchpoint()).isEqualTo("x");
    assertThat(x.removalEffect()).isCloseTo(1.0, within(1e-12));
    // without y: only 1/3 converts, RE = 1/2; shares 2/3 and 1/3
    assertThat(a.touchpoints().get(1).removalEffect()).isCloseTo(0.5, within(1e-12));
    assertThat(a.touchpoints().get(1).conversions()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(a.touchpoints()).extracting(Attribution.AttributedTouchpoint::touchpoint).containsExactly("x", "y");
    assertThat(EventLog.of(events).observe().attribution("refund").conversionProbability()).isZero();
  }

  @Test
  @DisplayName("CSV: offsets, Z and local times are the same instant; optional columns; bad rows name their line")
  void csv() {
    EventLog log = EventLog.readCsv(new StringReader("channel,customer_id,timestamp,touchpoint,stage,sentiment,nps\n"
        + "web,a,2026-03-01T09:00:00Z,x,s,0.5,\n"
        + "web,a,2026-03-01T11:00:10+02:00,y,s,,9\n"
        + "web,a,2026-03-01 09:00:20,z,s,,\n"));
    ObservedJourney o = log.observe();
    assertThat(o.transitions()).extracting(Transition::meanGapSeconds).containsExactly(10.0, 10.0);
    assertThat(o.feedback().get(1).promoters()).isEqualTo(1);
    assertThatThrownBy(() -> EventLog.readCsv(new StringReader(
        "customer_id,timestamp,touchpoint,stage,channel,nps\na,2026-03-01T09:00:00Z,x,s,web,11\n")))
        .isInstanceOf(CsvFormatException.class).hasMessage("line 2: nps '11' is not an integer from 0 to 10");
  }

  @Test
  @DisplayName("events are checked: blank codes, sentiment and NPS ranges")
  void eventChecks() {
    assertThatThrownBy(() -> JourneyEvent.of(" ", T0, "x", "s", "web")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customer");
    assertThatThrownBy(() -> at("a", 0, "x", "s", "web").withSentiment(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[-1, 1], was 1.5");
    assertThatThrownBy(() -> at("a", 0, "x", "s", "web").withNps(11)).hasMessageContaining("0..10, was 11");
    assertThatThrownBy(() -> Funnel.of(List.of())).hasMessageContaining("at least one");
  }

  // ---------------------------------------------------------------- seeded-random invariants

  private static List<JourneyEvent> random(long seed, int customers) {
    Random r = new Random(seed);
    String[] stages = {"s0", "s1", "s2", "s3"};
    List<JourneyEvent> out = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      long t = 0;
      int n = 1 + r.nextInt(40);
      for (int i = 0; i < n; i++) {
        t += 1 + r.nextInt(1000);
        int st = r.nextInt(stages.length);
        out.add(at("c" + c, t, "t" + r.nextInt(6), stages[st], r.nextBoolean() ? "web" : "app"));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  @DisplayName("invariants: transitions sum to events - customers; funnels never increase; window and strict only lower")
  void invariants(long seed) {
    ObservedJourney o = EventLog.of(random(seed, 60)).observe();
    assertThat(o.transitions().stream().mapToLong(Transition::count).sum()).isEqualTo(o.events() - o.customers());
    Funnel f = Funnel.of("s0", "s1", "s2", "s3");
    long[] ordered = o.funnelCounts(f);
    long[] windowed = o.funnelCounts(f.within(Duration.ofSeconds(1500)));
    long[] strict = o.funnelCounts(f.strictly());
    for (int i = 0; i < ordered.length; i++) {
      if (i > 0) {
        assertThat(ordered[i]).isLessThanOrEqualTo(ordered[i - 1]);
        assertThat(strict[i]).isLessThanOrEqualTo(strict[i - 1]);
      }
      assertThat(windowed[i]).isLessThanOrEqualTo(ordered[i]);
      assertThat(strict[i]).isLessThanOrEqualTo(ordered[i]);
    }
    assertThat(o.funnel(f).steps()).extracting(FunnelStep::customers).containsExactly(ordered[0], ordered[1],
        ordered[2], ordered[3]);
    long dropped = o.funnel(f).steps().get(2).nextAfterDropOff().values().stream().mapToLong(Long::longValue).sum();
    assertThat(dropped).isEqualTo(ordered[1] - ordered[2]);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  @DisplayName("arrival order does not matter (distinct times per customer)")
  void orderIndependence(long seed) {
    List<JourneyEvent> events = random(seed, 40);
    List<JourneyEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(seed));
    ObservedJourney a = EventLog.of(events).observe();
    ObservedJourney b = EventLog.of(shuffled).observe();
    Funnel f = Funnel.of("s0", "s1", "s2").within(Duration.ofSeconds(3000));
    assertThat(b.transitions()).isEqualTo(a.transitions());
    assertThat(b.stageTransitions()).isEqualTo(a.stageTransitions());
    assertThat(b.variants(10)).isEqualTo(a.variants(10));
    assertThat(b.funnel(f).steps()).isEqualTo(a.funnel(f).steps());
    assertThat(b.channelSwitches()).isEqualTo(a.channelSwitches());
    assertThat(b.attribution(f)).isEqualTo(a.attribution(f));
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22})
  @DisplayName("approximate medians are within 1 % of the exact ones, counts and means equal")
  void approximateMedians(long seed) {
    ObservedJourney o = EventLog.of(random(seed, 200)).observe();
    List<Transition> exact = o.transitions(GapMedian.EXACT);
    List<Transition> approx = o.transitions(GapMedian.APPROXIMATE);
    assertThat(approx).hasSameSizeAs(exact);
    for (int i = 0; i < exact.size(); i++) {
      assertThat(approx.get(i).count()).isEqualTo(exact.get(i).count());
      assertThat(approx.get(i).meanGapSeconds()).isEqualTo(exact.get(i).meanGapSeconds());
      assertThat(approx.get(i).medianGapSeconds()).isCloseTo(exact.get(i).medianGapSeconds(),
          within(0.0101 * exact.get(i).medianGapSeconds()));
    }
  }

  @Test
  @DisplayName("bulk columns give the same results as events, and bad codes are refused")
  void columns() {
    long t = EventLog.nanos(T0);
    EventLog log = EventLog.ofColumns(2, new long[] {t + 5_000_000_000L, t, t}, new int[] {0, 0, 1},
        new int[] {1, 0, 0}, new int[] {0, 0, 0}, new int[] {0, 0, 0}, List.of("x", "y"), List.of("s"), List.of("web"));
    assertThat(log.observe().transitions()).containsExactly(new Transition("x", "y", 1, 5, 5));
    assertThatThrownBy(() -> EventLog.ofColumns(1, new long[] {t}, new int[] {1}, new int[] {0}, new int[] {0},
        new int[] {0}, List.of("x"), List.of("s"), List.of("web"))).hasMessageContaining("customers[0]");
    // Long.MIN_VALUE is before 1678; strict funnels also took it for "no sequence" and missed the event.
    assertThatThrownBy(() -> EventLog.ofColumns(1, new long[] {t, Long.MIN_VALUE}, new int[] {0, 0},
        new int[] {0, 0}, new int[] {0, 0}, new int[] {0, 0}, List.of("x"), List.of("s"), List.of("web")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epochNanos[1]")
        .hasMessageContaining(Long.toString(Long.MIN_VALUE));
  }
}
