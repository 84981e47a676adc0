package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A column of the journey map: core's {@link JourneyStage} (shared with interactions and NPS responses)
 * with the name shown to people and, optionally, what the customer wants in this stage.
 */
@Value.Immutable
@JsonPropertyOrder({"id", "name", "goal"})
@JsonSerialize(as = ImmutableStage.class)
@JsonDeserialize(as = ImmutableStage.class)
public abstract class Stage {
  static final int MAX_NAME = 100;

  Stage() {}

  /**
   * The stage's code, the key touchpoints and blueprint steps refer to.
   *
   * @return the stage
   */
  @JsonProperty("id")
  public abstract JourneyStage id();

  /**
   * The name shown in renderings; by default the code with its first letter in upper case and
   * {@code -} and {@code _} as spaces ({@code loyalty-advocacy} shows as {@code Loyalty advocacy}).
   *
   * @return 1 to 100 characters
   */
  @JsonProperty("name")
  @Value.Default
  public String name() {
    String code = id().code().replace('-', ' ').replace('_', ' ');
    return code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
  }

  /**
   * What the customer wants in this stage.
   *
   * @return up to 500 characters
   */
  @JsonProperty("goal")
  public abstract Optional<String> goal();

  /**
   * A stage.
   *
   * @param id the stage's code
   * @param name the name shown
   * @return the stage
   * @throws IllegalArgumentException if the name is blank, longer than 100 characters or has control characters
   */
  public static Stage of(JourneyStage id, String name) {
    return ImmutableStage.builder().id(id).name(name).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableStage.Builder builder() {
    return ImmutableStage.builder();
  }

  /**
   * The default stages, in journey order: Awareness, Consideration, Purchase, Onboarding, Service and
   * Loyalty / advocacy, on core's {@link JourneyStage#defaults()}.
   *
   * @return the six default stages
   */
  public static List<Stage> defaults() {
    return List.of(of(JourneyStage.AWARENESS, "Awareness"), of(JourneyStage.CONSIDERATION, "Consideration"),
        of(JourneyStage.PURCHASE, "Purchase"), of(JourneyStage.ONBOARDING, "Onboarding"),
        of(JourneyStage.SERVICE, "Service"), of(JourneyStage.LOYALTY, "Loyalty / advocacy"));
  }

  @Value.Check
  void check() {
    Checks.text("Stage.name", name(), MAX_NAME);
    goal().ifPresent(g -> Checks.text("Stage.goal", g, Persona.MAX_TEXT));
  }
}
