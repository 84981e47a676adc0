package io.cemkit.journey;

import io.cemkit.core.Channel;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Touchpoint;
import java.time.Duration;
import java.util.List;

/** Small maps for tests. */
final class Fixtures {
  static final JourneyStage BUY = JourneyStage.of("buy");
  static final JourneyStage USE = JourneyStage.of("use");
  static final Persona PERSONA = Persona.of("Noa", "Get a working phone line");

  private Fixtures() {}

  /** A controlled touchpoint. */
  static ImmutableMapTouchpoint.Builder tp(String id, JourneyStage stage, String owner, String emotion) {
    return MapTouchpoint.builder().id(Touchpoint.of(id)).stage(stage).name("Touchpoint " + id)
        .channel(Channel.PHONE).owner(owner).emotion(emotion);
  }

  /** An uncontrolled touchpoint without an owner. */
  static ImmutableMapTouchpoint.Builder outside(String id, JourneyStage stage, String emotion) {
    return MapTouchpoint.builder().id(Touchpoint.of(id)).stage(stage).name("Outside " + id)
        .channel(Channel.SOCIAL).controlled(false).emotion(emotion);
  }

  /** A map with a title and a persona, nothing else. */
  static ImmutableJourneyMap.Builder bare() {
    return JourneyMap.builder().title("Phone line").persona(PERSONA);
  }

  /** A map with two stages, buy and use. */
  static ImmutableJourneyMap.Builder twoStages() {
    return bare().stages(List.of(Stage.of(BUY, "Buy"), Stage.of(USE, "Use")));
  }

  static Duration days(long n) {
    return Duration.ofDays(n);
  }
}
