package io.cemkit.journey;

import static io.cemkit.journey.Fixtures.BUY;
import static io.cemkit.journey.Fixtures.USE;
import static io.cemkit.journey.Fixtures.days;
import static io.cemkit.journey.Fixtures.outside;
import static io.cemkit.journey.Fixtures.tp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.Touchpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HandoffTest {

  @Test
  @DisplayName("the risk formula: 0.5 × drop/2 + 0.3 × span/(span + 7 days) + 0.2 × min(1, uncontrolled/2)")
  void formula() {
    assertThat(HandoffFlag.riskOf(0, Duration.ZERO, 0)).isZero();
    assertThat(HandoffFlag.riskOf(2, Duration.ZERO, 0)).isEqualTo(0.5);
    assertThat(HandoffFlag.riskOf(0, days(7), 0)).isEqualTo(0.15);
    assertThat(HandoffFlag.riskOf(0, days(21), 0)).isEqualTo(0.225);
    assertThat(HandoffFlag.riskOf(0, Duration.ZERO, 1)).isEqualTo(0.1);
    assertThat(HandoffFlag.riskOf(0, Duration.ZERO, 5)).isEqualTo(0.2);
    assertThat(HandoffFlag.riskOf(1.3, days(21), 0)).isEqualTo(0.55);
    assertThat(HandoffFlag.riskOf(2, Duration.ofDays(365_000), 9)).isBetween(0.999, 1.0);
    assertThatThrownBy(() -> HandoffFlag.riskOf(2.5, Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HandoffFlag.emotionDrop must be within [0, 2], was 2.5");
    assertThatThrownBy(() -> HandoffFlag.riskOf(0, Duration.ofHours(-1), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("HandoffFlag.span must not be negative, was PT-1H");
    assertThatThrownBy(() -> HandoffFlag.riskOf(0, Duration.ZERO, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HandoffFlag.uncontrolledNearby must be at least 0, was -1");
  }

  @Test
  @DisplayName("every owner change between consecutive controlled touchpoints is flagged, riskiest first")
  void ranked() {
    JourneyMap map = Fixtures.twoStages().addTouchpoints(
        tp("a", BUY, "Sales", "excited").expectedDuration(Duration.ofHours(1)).build(),
        tp("b", BUY, "Sales", "happy").build(),
        tp("c", BUY, "Billing", "happy").expectedDuration(days(2)).build(),
        outside("friend", USE, "bored").build(),
        tp("d", USE, "Support", "angry").expectedDuration(days(5)).build(),
        tp("e", USE, "Billing", "angry").build()).build();
    List<HandoffFlag> flags = map.handoffs();
    assertThat(flags).extracting(f -> f.from().code() + ">" + f.to().code()).containsExactly("c>d", "d>e", "b>c");
    HandoffFlag first = flags.get(0);
    assertSoftly(s -> {
      s.assertThat(first.fromOwner()).isEqualTo("Billing");
      s.assertThat(first.toOwner()).isEqualTo("Support");
      s.assertThat(first.fromStage()).isEqualTo(BUY);
      s.assertThat(first.toStage()).isEqualTo(USE);
      s.assertThat(first.crossesStages()).isTrue();
      s.assertThat(first.emotionDrop()).isEqualTo(1.7);
      s.assertThat(first.span()).isEqualTo(days(7));
      s.assertThat(first.uncontrolledNearby()).as("the friend between them").isEqualTo(1);
      s.assertThat(first.risk()).isEqualTo(HandoffFlag.riskOf(1.7, days(7), 1)).isEqualTo(0.675);
      s.assertThat(flags.get(1).crossesStages()).isFalse();
      s.assertThat(flags.get(1).emotionDrop()).as("no fall").isZero();
      s.assertThat(flags.get(1).uncontrolledNearby()).as("the friend just before d").isEqualTo(1);
      s.assertThat(flags.get(2).uncontrolledNearby()).as("the friend just after c").isEqualTo(1);
    });
  }

  @Test
  @DisplayName("equal risks keep journey order; one owner throughout means no handoff")
  void ties() {
    JourneyMap map = Fixtures.twoStages().addTouchpoints(tp("a", BUY, "A", "happy").build(),
        tp("b", BUY, "B", "happy").build(), tp("c", USE, "A", "happy").build()).build();
    assertThat(map.handoffs()).extracting(f -> f.from().code()).containsExactly("a", "b");
    assertThat(map.handoffs()).extracting(HandoffFlag::risk).containsOnly(0.0);
    JourneyMap one = Fixtures.twoStages().addTouchpoints(tp("a", BUY, "A", "happy").build(),
        outside("x", BUY, "angry").build(), tp("c", USE, "A", "angry").build()).build();
    assertThat(one.handoffs()).isEmpty();
  }

  @Test
  @DisplayName("a flag refuses the same owner on both sides and a risk outside [0, 1]")
  void checks() {
    ImmutableHandoffFlag.Builder base = HandoffFlag.builder().from(Touchpoint.of("a")).to(Touchpoint.of("b"))
        .fromStage(BUY).toStage(BUY).emotionDrop(0).span(Duration.ZERO).uncontrolledNearby(0);
    assertThatThrownBy(() -> base.fromOwner("X").toOwner("X").risk(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HandoffFlag needs two different owners, had 'X' twice");
    assertThatThrownBy(() -> HandoffFlag.builder().from(Touchpoint.of("a")).to(Touchpoint.of("b")).fromStage(BUY)
        .toStage(BUY).emotionDrop(0).span(Duration.ZERO).uncontrolledNearby(0).fromOwner("X").toOwner("Y").risk(1.5)
        .build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HandoffFlag.risk must be within [0, 1], was 1.5");
  }
}
