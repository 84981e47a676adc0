package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.Channel;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A touchpoint as a journey map describes it (J1): core's {@link Touchpoint} code as its id (the code
 * interactions and NPS responses carry), the {@link JourneyStage} it belongs to, and what the map adds —
 * the channel, the department that owns it, whether the company controls it, how long it is expected to
 * take, what the customer expects, the customer's emotion, pain points, opportunities, and the messages the
 * owner gives the customer here.
 *
 * <p>Touchpoints the company does not control (friends, social networks, the press) are mapped too: they
 * shape the experience. A controlled touchpoint must name its owner; an uncontrolled one may.
 *
 * <p>The emotion is referred to by name: one of {@link Emotion#named()} or one of the map's
 * {@linkplain JourneyMap#customEmotions() custom emotions}; the map checks it.
 */
@Value.Immutable
@JsonPropertyOrder({"id", "stage", "name", "channel", "owner", "controlled", "expectedDuration", "expectation",
    "emotion", "painPoints", "opportunities", "messages"})
@JsonSerialize(as = ImmutableMapTouchpoint.class)
@JsonDeserialize(as = ImmutableMapTouchpoint.class)
public abstract class MapTouchpoint {
  static final int MAX_NAME = 200;
  static final int MAX_OWNER = 100;
  static final int MAX_TEXT = 500;

  MapTouchpoint() {}

  /**
   * The touchpoint's code, unique in the map among touchpoints and blueprint steps.
   *
   * @return the code
   */
  @JsonProperty("id")
  public abstract Touchpoint id();

  /**
   * The stage it belongs to; one of the map's stages.
   *
   * @return the stage's code
   */
  @JsonProperty("stage")
  public abstract JourneyStage stage();

  /**
   * What happens, as the customer would say it, e.g. {@code The credit card arrives — not the one ordered}.
   *
   * @return 1 to 200 characters
   */
  @JsonProperty("name")
  public abstract String name();

  /**
   * Where it happens.
   *
   * @return the channel
   */
  @JsonProperty("channel")
  public abstract Channel channel();

  /**
   * The department (interface) that owns it, e.g. {@code New customers team}. Required when
   * {@link #controlled()}.
   *
   * @return 1 to 100 characters
   */
  @JsonProperty("owner")
  public abstract Optional<String> owner();

  /**
   * Whether the company controls it; friends, social networks and the press are not controlled.
   *
   * @return true by default
   */
  @JsonProperty("controlled")
  @Value.Default
  public boolean controlled() {
    return true;
  }

  /**
   * How long it is expected to take, waiting included.
   *
   * @return a positive duration
   */
  @JsonProperty("expectedDuration")
  public abstract Optional<Duration> expectedDuration();

  /**
   * What the customer expects here.
   *
   * @return up to 500 characters
   */
  @JsonProperty("expectation")
  public abstract Optional<String> expectation();

  /**
   * The customer's emotion, by name.
   *
   * @return a named emotion's name or one of the map's custom emotions
   */
  @JsonProperty("emotion")
  public abstract String emotion();

  /**
   * What hurts here.
   *
   * @return each up to 500 characters
   */
  @JsonProperty("painPoints")
  public abstract List<String> painPoints();

  /**
   * What could be made better here.
   *
   * @return each up to 500 characters
   */
  @JsonProperty("opportunities")
  public abstract List<String> opportunities();

  /**
   * What the owner tells the customer here, by topic (a code such as {@code second-card-fee}). Two
   * departments that speak in the same stage on the same topic must say the same thing (J3).
   *
   * @return the messages by topic, each up to 500 characters
   */
  @JsonProperty("messages")
  public abstract Map<String, String> messages();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableMapTouchpoint.Builder builder() {
    return ImmutableMapTouchpoint.builder();
  }

  @Value.Check
  void check() {
    String where = "Touchpoint " + id();
    Checks.text(where + " name", name(), MAX_NAME);
    owner().ifPresent(o -> Checks.text(where + " owner", o, MAX_OWNER));
    expectedDuration().ifPresent(d -> Checks.check(!d.isNegative() && !d.isZero(),
        "%s expectedDuration must be positive, was %s", where, d));
    expectation().ifPresent(e -> Checks.text(where + " expectation", e, MAX_TEXT));
    Checks.text(where + " emotion", emotion(), MAX_NAME);
    painPoints().forEach(p -> Checks.text(where + " pain point", p, MAX_TEXT));
    opportunities().forEach(p -> Checks.text(where + " opportunity", p, MAX_TEXT));
    messages().forEach((topic, text) -> {
      Checks.code(where + " message topic", topic);
      Checks.text(where + " message on " + topic, text, MAX_TEXT);
    });
  }
}
