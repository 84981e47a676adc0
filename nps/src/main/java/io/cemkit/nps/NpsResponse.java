package io.cemkit.nps;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.Actor;
import io.cemkit.core.Channel;
import io.cemkit.core.CustomerId;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionId;
import io.cemkit.core.PersonalData;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.internal.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One answer to the recommendation question (N7): the score, when it was given, and what it is
 * linked to — the customer, the interaction it followed, the touchpoint, the channel and the agent
 * (or driver, branch, partner) who served — plus free dimensions (branch, competitor, business
 * line …), a survey weight and the comment, which is personal data and never printed.
 *
 * <p>The score is the raw answer; a {@link FeedbackLoop} checks it against its {@link NpsScale}.
 * {@link #forInteraction} fills the links from a core {@link Interaction}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableNpsResponse.class)
@JsonDeserialize(as = ImmutableNpsResponse.class)
public abstract class NpsResponse {
  /** The dimension names that refer to fields rather than to {@link #dimensions()}. */
  public static final java.util.Set<String> FIELD_DIMENSIONS = java.util.Set.of("touchpoint", "channel",
      "agent", "customer");

  NpsResponse() {}

  /**
   * The response's id.
   *
   * @return the id
   */
  @JsonProperty("id")
  public abstract ResponseId id();

  /**
   * The answer.
   *
   * @return the score as given
   */
  @JsonProperty("score")
  public abstract int score();

  /**
   * When it was given.
   *
   * @return the instant
   */
  @JsonProperty("at")
  public abstract Instant at();

  /**
   * Who answered; empty for an anonymous survey.
   *
   * @return the customer
   */
  @JsonProperty("customer")
  public abstract Optional<CustomerId> customer();

  /**
   * The interaction the question followed.
   *
   * @return the interaction's id
   */
  @JsonProperty("interaction")
  public abstract Optional<InteractionId> interaction();

  /**
   * The touchpoint it is about.
   *
   * @return the touchpoint
   */
  @JsonProperty("touchpoint")
  public abstract Optional<Touchpoint> touchpoint();

  /**
   * The channel it was given in (or the interaction's channel).
   *
   * @return the channel
   */
  @JsonProperty("channel")
  public abstract Optional<Channel> channel();

  /**
   * Who served the customer: an agent, a driver (partner), a bot.
   *
   * @return the performer
   */
  @JsonProperty("agent")
  public abstract Optional<Actor> agent();

  /**
   * Further dimensions to break down by, such as {@code branch} or {@code competitor}. Names must
   * not clash with {@link #FIELD_DIMENSIONS}.
   *
   * @return the dimensions
   */
  @JsonProperty("dimensions")
  public abstract Map<String, String> dimensions();

  /**
   * The survey weight (1 unless the survey is weighted).
   *
   * @return the weight, finite and not negative
   */
  @JsonProperty("weight")
  @Value.Default
  public double weight() {
    return 1;
  }

  /**
   * The free-text comment, masked in {@code toString()}.
   *
   * @return the comment
   */
  @JsonProperty("comment")
  public abstract Optional<PersonalData> comment();

  /**
   * The value of a dimension: {@code touchpoint}, {@code channel}, {@code agent} and
   * {@code customer} read the fields, any other name reads {@link #dimensions()}.
   *
   * @param name the dimension
   * @return its value, empty if the response has none
   */
  public Optional<String> dimension(String name) {
    Objects.requireNonNull(name, "name");
    return switch (name) {
      case "touchpoint" -> touchpoint().map(Touchpoint::code);
      case "channel" -> channel().map(Channel::name);
      case "agent" -> agent().map(Actor::id);
      case "customer" -> customer().map(CustomerId::value);
      default -> Optional.ofNullable(dimensions().get(name));
    };
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableNpsResponse.Builder builder() {
    return ImmutableNpsResponse.builder();
  }

  /**
   * A builder pre-filled from the interaction the question followed: its customer, id, touchpoint,
   * channel and performer (as the agent).
   *
   * @param id the response's id
   * @param interaction the interaction
   * @param score the answer
   * @param at when it was given
   * @return the builder, to add dimensions, a weight or a comment
   */
  public static ImmutableNpsResponse.Builder forInteraction(ResponseId id, Interaction interaction, int score,
      Instant at) {
    Objects.requireNonNull(interaction, "interaction");
    ImmutableNpsResponse.Builder builder = builder().id(id).score(score).at(at)
        .customer(interaction.customer()).interaction(interaction.id()).channel(interaction.channel())
        .agent(interaction.performer());
    interaction.touchpoint().ifPresent(builder::touchpoint);
    return builder;
  }

  @Value.Check
  void check() {
    Checks.check(weight() >= 0 && Double.isFinite(weight()),
        "NpsResponse.weight must be finite and not negative, was %s", weight());
    for (Map.Entry<String, String> e : dimensions().entrySet()) {
      Checks.code("NpsResponse dimension name", e.getKey());
      Checks.check(!FIELD_DIMENSIONS.contains(e.getKey()),
          "NpsResponse dimension '%s' clashes with the field of that name; use the field", e.getKey());
      Checks.text("NpsResponse dimension " + e.getKey(), e.getValue(), 256);
    }
  }
}
