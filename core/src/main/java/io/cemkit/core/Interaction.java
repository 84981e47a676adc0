package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One documented contact between the company and a customer, in any channel: a call, a chat with a
 * bot, a branch visit, a letter, a WhatsApp message, an outbound reminder.
 *
 * <p>An interaction is open until it has an {@link #endedAt()}; a closed interaction is never
 * modified, and a correction is a new interaction that {@link #corrects()} the old one. Outbound
 * interactions carry the {@link #purpose()} that gives them a basis (marketing needs the customer's
 * consent for that channel; service and collection messages never go to a channel the customer
 * withdrew); {@link Interactions} checks it. The free-text {@link #summary()} is personal data,
 * masked in {@code toString()}.
 *
 * <p>Links (agreement, amendment, process instance, invoice) must belong to the same customer;
 * {@link Interactions} verifies them against the stores.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInteraction.class)
@JsonDeserialize(as = ImmutableInteraction.class)
public abstract class Interaction {
  Interaction() {}

  /**
   * The interaction's id.
   *
   * @return the id
   */
  public abstract InteractionId id();

  /**
   * The customer.
   *
   * @return the customer's id
   */
  public abstract CustomerId customer();

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
   * What it was about, in the host's taxonomy.
   *
   * @return the class
   */
  public abstract InteractionClass classification();

  /**
   * For outbound interactions, the purpose that gives them a basis: service, billing and
   * collection, marketing, surveys. Required for outbound, absent for inbound.
   *
   * @return the purpose
   */
  public abstract Optional<ConsentPurpose> purpose();

  /**
   * Where in the journey it happened.
   *
   * @return the touchpoint
   */
  public abstract Optional<Touchpoint> touchpoint();

  /**
   * The journey stage.
   *
   * @return the stage
   */
  public abstract Optional<JourneyStage> stage();

  /**
   * When it started.
   *
   * @return the start
   */
  public abstract Instant startedAt();

  /**
   * When it ended; empty while it is open.
   *
   * @return the end
   */
  public abstract Optional<Instant> endedAt();

  /**
   * Who handled it: an agent, a bot, a partner or the system.
   *
   * @return the performer
   */
  public abstract Actor performer();

  /**
   * How it ended, as a host-defined code (e.g. {@code resolved}, {@code escalated}).
   *
   * @return the outcome
   */
  public abstract Optional<String> outcome();

  /**
   * How the customer felt.
   *
   * @return the sentiment
   */
  public abstract Optional<Sentiment> sentiment();

  /**
   * A free-text summary (personal data; masked in {@code toString()} and logs).
   *
   * @return the summary
   */
  public abstract Optional<PersonalData> summary();

  /**
   * The agreement it concerns.
   *
   * @return the agreement's id
   */
  public abstract Optional<AgreementId> agreement();

  /**
   * The amendment it concerns (of {@link #agreement()}).
   *
   * @return the amendment's id
   */
  public abstract Optional<AmendmentId> amendment();

  /**
   * The process instance it started or belongs to.
   *
   * @return the process instance's id
   */
  public abstract Optional<ProcessInstanceId> processInstance();

  /**
   * The invoice it concerns.
   *
   * @return the invoice's id
   */
  public abstract Optional<InvoiceId> invoice();

  /**
   * The continuation it belongs to (an action carried across channels).
   *
   * @return the continuation's id
   */
  public abstract Optional<ContinuationId> continuation();

  /**
   * The earlier interaction this record corrects.
   *
   * @return the corrected interaction's id
   */
  public abstract Optional<InteractionId> corrects();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableInteraction.Builder builder() {
    return ImmutableInteraction.builder();
  }

  /**
   * Whether it has ended; a closed interaction is never modified.
   *
   * @return true if closed
   */
  public boolean isClosed() {
    return endedAt().isPresent();
  }

  /**
   * How long it lasted.
   *
   * @return the duration, or empty while open
   */
  public Optional<Duration> duration() {
    return endedAt().map(end -> Duration.between(startedAt(), end));
  }

  @Value.Check
  void check() {
    endedAt().ifPresent(end -> Checks.check(!end.isBefore(startedAt()),
        "Interaction %s ends (%s) before it starts (%s)", id(), end, startedAt()));
    Checks.check(purpose().isPresent() == (direction() == Direction.OUTBOUND),
        "Interaction %s is %s; a purpose is required for, and only for, outbound interactions", id(), direction());
    outcome().ifPresent(o -> Checks.code("Interaction.outcome", o));
    summary().ifPresent(s -> Checks.check(s.kind() == PersonalData.Kind.FREE_TEXT,
        "Interaction %s summary must be FREE_TEXT, was %s", id(), s.kind()));
    amendment().ifPresent(a -> Checks.check(agreement().isPresent(),
        "Interaction %s links amendment %s without its agreement", id(), a));
    corrects().ifPresent(c -> Checks.check(!c.equals(id()), "Interaction %s cannot correct itself", id()));
  }

  /** Ids, channel, class and times; never the summary's text. */
  @Override
  public String toString() {
    return "Interaction[" + id() + ", customer " + customer() + ", " + channel() + " " + direction() + ", "
        + classification() + ", " + startedAt() + endedAt().map(e -> ".." + e).orElse(" (open)") + "]";
  }
}
