package io.cemkit.journey;

import static io.cemkit.journey.Fixtures.BUY;
import static io.cemkit.journey.Fixtures.USE;
import static io.cemkit.journey.Fixtures.tp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DesignedVsObservedTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private static JourneyMap map() {
    return Fixtures.twoStages().addAllTouchpoints(List.of(
        tp("a", BUY, "Sales", "happy").expectedDuration(Duration.ofHours(1)).build(),
        tp("b", BUY, "Billing", "angry").build(),
        tp("c", USE, "Billing", "indifferent").build(),
        tp("d", USE, "Billing", "happy").build())).build();
  }

  private static ObservedJourney observed() {
    return EventLog.of(List.of(
        JourneyEvent.of("c1", T0, "a", "buy", "web").withSentiment(0.5),
        JourneyEvent.of("c1", T0.plusSeconds(7200), "c", "use", "web"),
        JourneyEvent.of("c2", T0, "a", "buy", "web"),
        JourneyEvent.of("c2", T0.plusSeconds(1800), "b", "buy", "phone").withNps(2),
        JourneyEvent.of("c2", T0.plusSeconds(10800), "z", "use", "phone"))).observe();
  }

  @Test
  @DisplayName("unused and unmapped touchpoints, and transitions the map does not have")
  void paths() {
    DesignedVsObserved d = DesignedVsObserved.of(map(), observed());
    assertThat(d.unusedTouchpoints()).containsExactly("d");
    assertThat(d.unmappedTouchpoints()).containsExactly("z");
    assertThat(d.unexpectedTransitions()).extracting(t -> t.from() + ">" + t.to()).containsExactly("a>c", "b>z");
  }

  @Test
  @DisplayName("a map touchpoint that code columns name but no event uses is unused")
  void unusedWithCodeColumns() {
    long t = EventLog.nanos(T0);
    EventLog log = EventLog.ofColumns(1, new long[] {t, t + 1}, new int[] {0, 0}, new int[] {0, 1},
        new int[] {0, 0}, new int[] {0, 0}, List.of("a", "b", "c", "d"), List.of("buy"), List.of("web"));
    assertThat(DesignedVsObserved.of(map(), log.observe()).unusedTouchpoints()).containsExactly("c", "d");
  }

  @Test
  @DisplayName("a stage whose median visit exceeds the sum of its touchpoints' expected durations")
  void slowStages() {
    assertThat(DesignedVsObserved.of(map(), observed()).slowStages())
        .containsExactly(new DesignedVsObserved.SlowStage("buy", 3600, 9000, 2));
  }

  @Test
  @DisplayName("designed emotion against observed sentiment and NPS; loss at the handoff")
  void emotionsAndHandoffs() {
    DesignedVsObserved d = DesignedVsObserved.of(map(), observed());
    DesignedVsObserved.EmotionGap a = d.emotions().get(0);
    assertThat(a.touchpoint()).isEqualTo("a");
    assertThat(a.gap().getAsDouble()).isCloseTo(0.5 - 0.7, within(1e-12));
    assertThat(d.emotions().get(1).nps().getAsDouble()).isEqualTo(-100.0);
    assertThat(d.emotions().get(1).gap()).isEmpty();
    assertThat(d.handoffLosses()).containsExactly(new DesignedVsObserved.HandoffLoss("a", "b", 2, 1, 0.5));
  }

  @Test
  @DisplayName("HTML: the map's page with the observed sentiment as a second layer")
  void html() {
    String html = DesignedVsObserved.of(map(), observed()).html(map());
    assertThat(html).contains("data-layer=\"Designed emotion\"", "data-layer=\"Observed sentiment\"",
        "class=\"curve-observed\"");
  }
}
