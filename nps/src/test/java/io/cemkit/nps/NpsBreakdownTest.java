package io.cemkit.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cemkit.core.Actor;
import io.cemkit.core.Channel;
import io.cemkit.core.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpsBreakdownTest {
  private static final Instant T0 = Instant.parse("2025-03-31T21:30:00Z");
  private int sequence;

  private NpsResponse response(int score, Instant at, String branch) {
    return NpsResponse.builder().id(ResponseId.of("R-" + sequence++)).score(score).at(at)
        .putDimensions("branch", branch).channel(Channel.APP).touchpoint(Touchpoint.of("checkout"))
        .agent(Actor.agent("A1")).build();
  }

  @Test
  @DisplayName("by dimensions: one tally per combination, keyed in the given order, missing values under \"\"")
  void byDimensions() {
    List<NpsResponse> responses = List.of(
        response(10, T0, "north"), response(3, T0, "north"), response(8, T0, "south"),
        NpsResponse.builder().id(ResponseId.of("X")).score(9).at(T0).build());
    Map<Map<String, String>, NpsTally> tallies = NpsBreakdown.byDimensions(responses, List.of("branch", "channel"));
    assertThat(tallies).containsOnlyKeys(Map.of("branch", "north", "channel", "APP"),
        Map.of("branch", "south", "channel", "APP"), Map.of("branch", "", "channel", ""));
    assertThat(new ArrayList<>(tallies.keySet()).get(0).keySet()).containsExactly("branch", "channel");
    NpsTally north = tallies.get(Map.of("branch", "north", "channel", "APP"));
    assertThat(north.n()).isEqualTo(2);
    assertThat(north.nps().getAsDouble()).isEqualTo(0.0);
    assertThat(tallies.get(Map.of("branch", "", "channel", "")).promoters()).isEqualTo(1);
    assertThatThrownBy(() -> NpsBreakdown.byDimensions(responses, List.of("branch", "branch")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[branch, branch]");
    assertThatThrownBy(() -> NpsBreakdown.byDimensions(responses, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("by period: the zone's calendar decides the month; keys sort in time order")
  void byPeriod() {
    // 21:30 UTC on 31 March is already 1 April in Jerusalem (UTC+3 in summer time).
    List<NpsResponse> responses = List.of(response(10, T0, "n"), response(0, T0.minus(Duration.ofDays(40)), "n"),
        response(9, T0.plus(Duration.ofDays(1)), "n"));
    SortedMap<String, NpsTally> utc = NpsBreakdown.byPeriod(responses, CalendarPeriod.MONTH, ZoneId.of("UTC"));
    assertThat(utc.keySet()).containsExactly("2025-02", "2025-03", "2025-04");
    SortedMap<String, NpsTally> jerusalem = NpsBreakdown.byPeriod(responses, CalendarPeriod.MONTH,
        ZoneId.of("Asia/Jerusalem"));
    assertThat(jerusalem.keySet()).containsExactly("2025-02", "2025-04");
    assertThat(jerusalem.get("2025-04").n()).isEqualTo(2);
  }

  @Test
  @DisplayName("an invalid score in a response names the response")
  void invalidScore() {
    List<NpsResponse> responses = List.of(response(11, T0, "n"));
    assertThatThrownBy(() -> NpsBreakdown.byPeriod(responses, CalendarPeriod.DAY, ZoneId.of("UTC")))
        .isInstanceOf(InvalidScoreException.class).hasMessageStartingWith("Score 11 of response R-0 is not on");
  }

  @Test
  @DisplayName("weighted responses keep their weights in the group tallies")
  void weighted() {
    NpsResponse heavy = NpsResponse.builder().id(ResponseId.of("W")).score(10).at(T0).weight(3).build();
    NpsResponse light = NpsResponse.builder().id(ResponseId.of("L")).score(0).at(T0).build();
    NpsTally tally = NpsBreakdown.byPeriod(List.of(heavy, light), CalendarPeriod.YEAR, ZoneId.of("UTC")).get("2025");
    assertThat(tally.isWeighted()).isTrue();
    // Σw = 4, promoters 3, detractors 1 → weighted NPS 50.
    assertThat(NpsStatistics.weighted(tally, 0.95).orElseThrow().nps()).isCloseTo(50.0, within(1e-12));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  @DisplayName("rolling windows equal a fresh tally of the responses inside each window (seeded)")
  void rollingMatchesBruteForce(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<NpsResponse> responses = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      responses.add(response(random.nextInt(11), T0.plusSeconds(random.nextLong(30 * 86_400L)), "b"));
    }
    Duration window = Duration.ofDays(1 + random.nextInt(7));
    Duration step = Duration.ofHours(1 + random.nextInt(200));
    Instant from = T0.minus(Duration.ofDays(2));
    Instant to = T0.plus(Duration.ofDays(33));
    List<NpsWindow> windows = NpsBreakdown.rolling(responses, from, to, window, step);
    assertThat(windows).isNotEmpty();
    assertThat(windows.get(0).start()).isEqualTo(from);
    for (NpsWindow w : windows) {
      NpsTally expected = NpsTally.strict();
      responses.stream().filter(r -> !r.at().isBefore(w.start()) && r.at().isBefore(w.end()))
          .forEach(r -> expected.record(r.score()));
      assertThat(w.tally()).as("window %s", w.start()).isEqualTo(expected);
      assertThat(w.end()).isEqualTo(w.start().plus(window));
      assertThat(w.end()).isBeforeOrEqualTo(to);
    }
    assertThat(windows.get(windows.size() - 1).end().plus(step)).isAfter(to);
  }

  @Test
  @DisplayName("rolling refuses non-positive durations, a range shorter than a window and too many windows")
  void rollingArguments() {
    List<NpsResponse> none = List.of();
    assertThatThrownBy(() -> NpsBreakdown.rolling(none, T0, T0.plusSeconds(10), Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
    assertThatThrownBy(() -> NpsBreakdown.rolling(none, T0, T0.plusSeconds(10), Duration.ofSeconds(11),
        Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
    assertThatThrownBy(() -> NpsBreakdown.rolling(none, T0, T0.plus(Duration.ofDays(365)), Duration.ofSeconds(1),
        Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windows");
  }

  @Test
  @DisplayName("trend compares each period with the previous non-empty one, later minus earlier")
  void trend() {
    Map<String, NpsTally> months = new LinkedHashMap<>();
    months.put("2025-01", NpsTally.of(10, 10, 0, 8));
    months.put("2025-02", NpsTally.strict());
    months.put("2025-03", NpsTally.of(10, 0, 0, 0));
    List<NpsChange<String>> changes = NpsBreakdown.trend(months, IntervalMethod.WALD, 0.95);
    assertThat(changes).hasSize(1);
    NpsChange<String> change = changes.get(0);
    assertThat(change.from()).isEqualTo("2025-01");
    assertThat(change.to()).isEqualTo("2025-03");
    // NPS 25 → −50: difference −75.
    assertThat(change.comparison().difference()).isCloseTo(-75.0, within(1e-9));
    assertThat(change.comparison().a()).isEqualTo("2025-03");
  }

  @Test
  @DisplayName("groups carry estimates and the minimum-sample flag")
  void groups() {
    Map<String, NpsTally> tallies = new LinkedHashMap<>();
    tallies.put("big", NpsTally.of(new int[40]));
    tallies.put("small", NpsTally.of(9, 9));
    List<NpsGroup<String>> groups = NpsBreakdown.groups(tallies, 0.9, MinimumSample.ofDefaults());
    assertThat(groups).extracting(NpsGroup::key).containsExactly("big", "small");
    assertThat(groups).extracting(NpsGroup::sufficient).containsExactly(true, false);
    assertThat(groups.get(0).estimate().nps()).contains(-100.0);
    assertThat(groups.get(1).estimate().n()).isEqualTo(2);
  }

  @Test
  @DisplayName("impacts: overall minus the score without each segment")
  void impacts() {
    Map<String, NpsTally> topics = new LinkedHashMap<>();
    topics.put("price", NpsTally.of(0, 0, 0, 10));   // NPS −50, n 4
    topics.put("staff", NpsTally.of(10, 10, 9, 9, 8, 0)); // NPS 50, n 6
    Map<String, Double> impacts = NpsBreakdown.impacts(topics);
    // Overall: P 5, D 4, n 10 → 10. Without price: 50 → impact −40. Without staff: −50 → impact 60.
    assertThat(impacts.get("price")).isCloseTo(-40.0, within(1e-12));
    assertThat(impacts.get("staff")).isCloseTo(60.0, within(1e-12));
  }

  @Test
  @DisplayName("generic tally by key checks scores with the item's index")
  void genericTally() {
    Map<Integer, NpsTally> byParity = NpsBreakdown.tally(List.of(1, 2, 3, 4, 10), i -> i % 2, i -> i,
        NpsScale.classic());
    assertThat(byParity.get(0).n()).isEqualTo(3);
    assertThat(byParity.get(1).n()).isEqualTo(2);
    assertThatThrownBy(() -> NpsBreakdown.tally(List.of(1, 12), i -> 0, i -> i, NpsScale.classic()))
        .isInstanceOf(InvalidScoreException.class).hasMessageStartingWith("Score 12 at position 1");
  }
}
