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
