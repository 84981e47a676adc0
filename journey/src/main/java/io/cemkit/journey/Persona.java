package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The person a journey map follows: a name that brings the persona to life, the goal that drives the
 * journey, and an optional description. A persona is an archetype, not a customer record, so its fields
 * are shown in renderings.
 */
@Value.Immutable
@JsonPropertyOrder({"name", "goal", "description"})
@JsonSerialize(as = ImmutablePersona.class)
@JsonDeserialize(as = ImmutablePersona.class)
public abstract class Persona {
  static final int MAX_NAME = 100;
  static final int MAX_TEXT = 500;

  Persona() {}

  /**
   * The persona's name, e.g. {@code Dana, switching banks}.
   *
   * @return 1 to 100 characters
   */
  @JsonProperty("name")
  public abstract String name();

  /**
   * What the persona wants to achieve on this journey.
   *
   * @return 1 to 500 characters
   */
  @JsonProperty("goal")
  public abstract String goal();

  /**
   * Who the persona is, in a sentence or two.
   *
   * @return up to 500 characters
   */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /**
   * A persona without a description.
   *
   * @param name the name
   * @param goal the goal
   * @return the persona
   * @throws IllegalArgumentException if a text is blank, too long or has control characters
   */
  public static Persona of(String name, String goal) {
    return ImmutablePersona.builder().name(name).goal(goal).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutablePersona.Builder builder() {
    return ImmutablePersona.builder();
  }

  @Value.Check
  void check() {
    Checks.text("Persona.name", name(), MAX_NAME);
    Checks.text("Persona.goal", goal(), MAX_TEXT);
    description().ifPresent(d -> Checks.text("Persona.description", d, MAX_TEXT));
  }
}
