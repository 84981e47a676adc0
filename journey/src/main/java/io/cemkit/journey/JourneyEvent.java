package io.cemkit.journey;

import io.cemkit.core.Channel;
import io.cemkit.core.CustomerId;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Touchpoint;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One observed touchpoint event (J6): which customer, when, at which touchpoint, in which stage and channel,
 * and optionally the outcome, the sentiment and an NPS answer given there.
 *
 * <p>Customer, touchpoint, stage and channel are codes compared exactly as written (after stripping
 * surrounding blanks), so logs from any source can be read; the factory that takes core's types uses
 * their codes and the channel's name in lower case ({@code web}, {@code branch}).
 *
 * @param customer the customer's code, not blank
 * @param at when it happened
 * @param touchpoint the touchpoint's code, not blank
 * @param stage the stage's code, not blank
 * @param channel the channel's code, not blank
 * @param outcome what came of it, e.g. {@code purchase}, if known
 * @param sentiment how the customer felt, from -1 to 1, if known
 * @param nps the customer's NPS answer here, 0 to 10, if any
 */
public record JourneyEvent(String customer, Instant at, String touchpoint, String stage, String channel,
    Optional<String> outcome, OptionalDouble sentiment, OptionalInt nps) {
  /**
   * Checks and strips the fields.
   *
   * @param customer the customer
   * @param at the time
   * @param touchpoint the touchpoint
   * @param stage the stage
   * @param channel the channel
   * @param outcome the outcome
   * @param sentiment the sentiment
   * @param nps the NPS answer
   * @throws IllegalArgumentException if a code is blank, the sentiment is outside [-1, 1] or the answer
   *     outside 0..10
   */
  public JourneyEvent {
    customer = code("customer", customer);
    Objects.requireNonNull(at, "at");
    touchpoint = code("touchpoint", touchpoint);
    stage = code("stage", stage);
    channel = code("channel", channel);
    outcome = Objects.requireNonNull(outcome, "outcome").map(o -> code("outcome", o));
    Objects.requireNonNull(sentiment, "sentiment");
    Objects.requireNonNull(nps, "nps");
    if (sentiment.isPresent() && !(sentiment.getAsDouble() >= -1 && sentiment.getAsDouble() <= 1)) {
      throw new IllegalArgumentException("JourneyEvent.sentiment must be within [-1, 1], was "
          + sentiment.getAsDouble());
    }
    if (nps.isPresent() && (nps.getAsInt() < 0 || nps.getAsInt() > 10)) {
      throw new IllegalArgumentException("JourneyEvent.nps must be within 0..10, was " + nps.getAsInt());
    }
  }

  /**
   * An event without outcome, sentiment or NPS answer.
   *
   * @param customer the customer's code
   * @param at when
   * @param touchpoint the touchpoint's code
   * @param stage the stage's code
   * @param channel the channel's code
   * @return the event
   */
  public static JourneyEvent of(String customer, Instant at, String touchpoint, String stage, String channel) {
    return new JourneyEvent(customer, at, touchpoint, stage, channel, Optional.empty(), OptionalDouble.empty(),
        OptionalInt.empty());
  }

  /**
   * An event from core's types.
   *
   * @param customer the customer
   * @param at when
   * @param touchpoint the touchpoint
   * @param stage the stage
   * @param channel the channel, written as its lower-case name
   * @return the event
   */
  public static JourneyEvent of(CustomerId customer, Instant at, Touchpoint touchpoint, JourneyStage stage,
      Channel channel) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(touchpoint, "touchpoint");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(channel, "channel");
    return of(customer.value(), at, touchpoint.code(), stage.code(), channel.name().toLowerCase(Locale.ROOT));
  }

  /**
   * This event with an outcome.
   *
   * @param value the outcome's code
   * @return a copy
   */
  public JourneyEvent withOutcome(String value) {
    return new JourneyEvent(customer, at, touchpoint, stage, channel, Optional.of(value), sentiment, nps);
  }

  /**
   * This event with a sentiment.
   *
   * @param value from -1 to 1
   * @return a copy
   */
  public JourneyEvent withSentiment(double value) {
    return new JourneyEvent(customer, at, touchpoint, stage, channel, outcome, OptionalDouble.of(value), nps);
  }

  /**
   * This event with an NPS answer.
   *
   * @param value 0 to 10
   * @return a copy
   */
  public JourneyEvent withNps(int value) {
    return new JourneyEvent(customer, at, touchpoint, stage, channel, outcome, sentiment, OptionalInt.of(value));
  }

  private static String code(String field, String value) {
    Objects.requireNonNull(value, field);
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException("JourneyEvent." + field + " must not be blank");
    }
    return stripped;
  }
}
