package io.cemkit.core;

import io.cemkit.core.internal.Checks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The circumstances of a change: when (read once from the injected {@link Clock}), who, through
 * which channel, and why. Every state change of an agreement takes one and records it as an
 * {@link AgreementEvent}.
 *
 * <pre>{@code
 * ChangeContext ctx = ChangeContext.of(clock, Actor.agent("a-17"), Channel.PHONE, "customer travelling abroad");
 * agreement = agreement.suspend(ctx);
 * }</pre>
 */
public final class ChangeContext {
  private final Instant at;
  private final Actor actor;
  private final Channel channel;
  private final String reason;

  private ChangeContext(Instant at, Actor actor, Channel channel, String reason) {
    this.at = at;
    this.actor = actor;
    this.channel = channel;
    this.reason = reason;
  }

  /**
   * A context whose instant is the clock's current instant.
   *
   * @param clock the clock (a fixed or offset clock in tests)
   * @param actor who makes the change
   * @param channel through which channel
   * @param reason why; 1 to 500 characters, recorded in the history, so never personal data
   * @return the context
   */
  public static ChangeContext of(Clock clock, Actor actor, Channel channel, String reason) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(channel, "channel");
    Checks.text("reason", reason, 500);
    return new ChangeContext(clock.instant(), actor, channel, reason);
  }

  /**
   * When the change happens.
   *
   * @return the instant
   */
  public Instant at() {
    return at;
  }

  /**
   * The calendar date of the change in a zone.
   *
   * @param zone the zone
   * @return the date
   */
  public LocalDate date(ZoneId zone) {
    return LocalDate.ofInstant(at, Objects.requireNonNull(zone, "zone"));
  }

  /**
   * Who makes the change.
   *
   * @return the actor
   */
  public Actor actor() {
    return actor;
  }

  /**
   * Through which channel.
   *
   * @return the channel
   */
  public Channel channel() {
    return channel;
  }

  /**
   * Why.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /** The instant, actor and channel; never the reason, which is free text. */
  @Override
  public String toString() {
    return "ChangeContext[" + at + ", " + actor + ", " + channel + "]";
  }
}
