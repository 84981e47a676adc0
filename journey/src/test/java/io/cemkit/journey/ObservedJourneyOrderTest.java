package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass path (a log that arrived in each customer's time order, read as it is) against the regrouping
 * path (any other log): the same events in several arrival orders, ties of a customer kept in one order,
 * must give the same answer to every analysis, to the last bit.
 */
class ObservedJourneyOrderTest {

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0x0bdeL * 1_000 + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("in time order, interleaved, shuffled and regrouped logs of the same events agree")
  void arrivalOrderDoesNotMatter(long seed) {
    RandomJourneys r = new RandomJourneys(seed);
    EventLog inTimeOrder = EventLog.of(r.inTimeOrder());
    List<JourneyEvent> interleavedEvents = r.interleaved();
    EventLog interleaved = EventLog.of(interleavedEvents);
    List<JourneyEvent> shuffledEvents = r.shuffled();
    EventLog shuffled = EventLog.of(shuffledEvents);

    ObservedJourney fast = inTimeOrder.observe();
    assertThat(fast.inArrivalOrder()).as("a log in time order is read as it is").isTrue();
    ObservedJourney regrouped = new ObservedJourney(inTimeOrder, true);
    assertThat(regrouped.inArrivalOrder()).isFalse();
    ObservedJourney perCustomer = interleaved.observe();
    assertThat(perCustomer.inArrivalOrder()).as("each customer's events in order").isTrue();
    ObservedJourney general = shuffled.observe();
    assertThat(general.inArrivalOrder()).isEqualTo(eachCustomerInOrder(shuffledEvents));

    String expected = RandomJourneys.describe(fast);
    assertThat(RandomJourneys.describe(regrouped)).isEqualTo(expected);
    assertThat(RandomJourneys.describe(perCustomer)).isEqualTo(expected);
    assertThat(RandomJourneys.describe(general)).isEqualTo(expected);

    int extra = (int) (seed % 3);
    assertThat(RandomJourneys.describe(RandomJourneys.columns(shuffledEvents, extra).observe()))
        .as("code columns, with customers that have no event")
        .isEqualTo(RandomJourneys.describe(RandomJourneys.columns(interleavedEvents, extra).observe()));
  }

  @ParameterizedTest(name = "{0} customers")
  @org.junit.jupiter.params.provider.ValueSource(ints = {1_025, 5_000})
  @DisplayName("regrouping many customers (buckets of several customers each) agrees with the log in order")
  void manyCustomers(int customers) {
    RandomJourneys r = new RandomJourneys(customers, customers);
    EventLog inTimeOrder = EventLog.of(r.inTimeOrder());
    EventLog shuffled = EventLog.of(r.shuffled());
    ObservedJourney general = shuffled.observe();
    assertThat(general.inArrivalOrder()).isFalse();
    String expected = RandomJourneys.describe(inTimeOrder.observe());
    assertThat(RandomJourneys.describe(general)).isEqualTo(expected);
    assertThat(RandomJourneys.describe(new ObservedJourney(inTimeOrder, true))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  @DisplayName("an empty log, and customers without events, answer every analysis with nothing")
  void emptyLogs() {
    EventLog empty = EventLog.of(List.of());
    EventLog noEvents = EventLog.ofColumns(3, new long[0], new int[0], new int[0], new int[0], new int[0],
        RandomJourneys.TOUCHPOINTS, RandomJourneys.STAGES, RandomJourneys.CHANNELS);
    for (ObservedJourney o : List.of(empty.observe(), new ObservedJourney(empty, true), noEvents.observe(),
        new ObservedJourney(noEvents, true))) {
      assertThat(o.transitions()).isEmpty();
      assertThat(o.stageTransitions()).isEmpty();
      assertThat(o.variants(5)).isEmpty();
      assertThat(o.feedback()).isEmpty();
      assertThat(o.touchpoints()).isEmpty();
      assertThat(o.channelSwitches()).isEqualTo(new ChannelSwitches(0, 0, Map.of()));
      assertThat(o.funnelCounts(Funnel.of("s0", "s1").strictly())).containsExactly(0, 0);
      assertThat(o.funnel(Funnel.of("s0", "s1").within(java.time.Duration.ofSeconds(1))).steps())
          .extracting(FunnelStep::customers, FunnelStep::conversion).containsExactly(
              org.assertj.core.groups.Tuple.tuple(0L, 0.0), org.assertj.core.groups.Tuple.tuple(0L, 0.0));
      assertThat(o.attribution("purchase")).isEqualTo(new Attribution(0, 0, 0.0, List.of()));
      assertThat(RandomJourneys.describe(o)).isNotEmpty();
    }
  }

  private static boolean eachCustomerInOrder(List<JourneyEvent> events) {
    Map<String, JourneyEvent> last = new HashMap<>();
    for (JourneyEvent e : events) {
      JourneyEvent before = last.put(e.customer(), e);
      if (before != null && e.at().isBefore(before.at())) {
        return false;
      }
    }
    return true;
  }
}
