package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  @DisplayName("stands still until advanced; a zoned view shares the same time")
  void advances() {
    VirtualClock clock = VirtualClock.at(T0);
    Clock jerusalem = clock.withZone(ZoneId.of("Asia/Jerusalem"));
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.getZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(clock.advance(Duration.ofHours(2))).isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(jerusalem.instant()).isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(jerusalem.getZone()).isEqualTo(ZoneId.of("Asia/Jerusalem"));
  }

  @Test
  @DisplayName("never moves backwards")
  void forwardOnly() {
    VirtualClock clock = VirtualClock.at(T0);
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("VirtualClock moves forward only; advance(PT-1S) is negative");
    assertThat(clock.instant()).isEqualTo(T0);
  }
}
