package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An interaction as the customer context shows it: everything but the free-text summary, which
 * stays in the interaction log ({@link #hasSummary()} says whether there is one).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInteractionSummary.class)
@JsonDeserialize(as = ImmutableInteractionSummary.class)
public abstract class InteractionSummary {
  InteractionSummary() {}

  /**
   * The interaction.
   *
   * @return its id
   */
  public abstract InteractionId id();

  /**
   * The channel.
   *
   * @return the channel
   */
  public abstract Channel channel();

  /**
   * Who started it.
   *
   * @return the direction
   */
  public abstract Direction direction();

  /**
   * What it was about.
   *
   * @return the class
   */
  public abstract InteractionClass classification();

  /**
   * Where in the journey.
   *
   * @return the touchpoint
   */
  public abstract Optional<Touchpoint> touchpoint();

  /**
   * When it started.
   *
   * @return the instant
   */
  public abstract Instant startedAt();

  /**
   * When it ended.
   *
   * @return the instant, or empty while open
   */
  public abstract Optional<Instant> endedAt();

  /**
   * Who handled it.
   *
   * @return the performer
   */
  public abstract Actor performer();

  /**
   * How it ended.
   *
   * @return the outcome's code
   */
  public abstract Optional<String> outcome();

  /**
   * How the customer felt.
   *
   * @return the sentiment
   */
  public abstract Optional<Sentiment> sentiment();

  /**
   * The agreement it concerned.
   *
   * @return the agreement's id
   */
  public abstract Optional<AgreementId> agreement();

  /**
   * The earlier interaction this one corrects.
   *
   * @return the corrected interaction's id
   */
  public abstract Optional<InteractionId> corrects();

  /**
   * Whether the interaction has a free-text summary in the log.
   *
   * @return true if it has one
   */
  public abstract boolean hasSummary();

  /**
   * The summary of an interaction.
   *
   * @param interaction the interaction
   * @return its summary
   */
  public static InteractionSummary of(Interaction interaction) {
    Interaction i = Objects.requireNonNull(interaction, "interaction");
    return ImmutableInteractionSummary.builder().id(i.id()).channel(i.channel()).direction(i.direction())
        .classification(i.classification()).touchpoint(i.touchpoint()).startedAt(i.startedAt()).endedAt(i.endedAt())
        .performer(i.performer()).outcome(i.outcome()).sentiment(i.sentiment()).agreement(i.agreement())
        .corrects(i.corrects()).hasSummary(i.summary().isPresent()).build();
  }
}
