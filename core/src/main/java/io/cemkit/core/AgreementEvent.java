package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One change to an agreement, as recorded in its history: what happened, when (from the injected
 * clock), who did it, through which channel and why, and the agreement's status and version after
 * it. Asset events carry the asset as it was after the change, so the history answers "which cards
 * did the customer hold on 3 March?" exactly.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAgreementEvent.class)
@JsonDeserialize(as = ImmutableAgreementEvent.class)
public abstract class AgreementEvent {
  AgreementEvent() {}

  /**
   * The event's position in the agreement's history, from 1.
   *
   * @return the sequence number
   */
  public abstract long sequence();

  /**
   * What happened.
   *
   * @return the type
   */
  public abstract AgreementEventType type();

  /**
   * When.
   *
   * @return the instant
   */
  public abstract Instant at();

  /**
   * Who.
   *
   * @return the actor
   */
  public abstract Actor actor();

  /**
   * Through which channel.
   *
   * @return the channel
   */
  public abstract Channel channel();

  /**
   * Why.
   *
   * @return the reason
   */
  public abstract String reason();

  /**
   * The agreement's status after the event.
   *
   * @return the status
   */
  public abstract AgreementStatus status();

  /**
   * The agreement's current version number after the event.
   *
   * @return the version
   */
  public abstract int version();

  /**
   * For asset events, the asset after the change.
   *
   * @return the asset
   */
  public abstract Optional<Asset> asset();

  /**
   * For amendment events, the amendment's id.
   *
   * @return the amendment's id
   */
  public abstract Optional<AmendmentId> amendment();

  /**
   * For usage events, the entitlement used.
   *
   * @return the entitlement's id
   */
  public abstract Optional<EntitlementId> entitlement();

  /**
   * For usage events, how many units were used.
   *
   * @return the units
   */
  public abstract Optional<Integer> units();

  /**
   * For a termination request, the requested termination date.
   *
   * @return the date
   */
  public abstract Optional<LocalDate> effectiveDate();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableAgreementEvent.Builder builder() {
    return ImmutableAgreementEvent.builder();
  }

  /**
   * E.g. {@code AgreementEvent[3 SUSPENDED at 2026-03-10T08:00:00Z by CUSTOMER:C-1 via APP, SUSPENDED,
   * version 1]}; never the reason, which is free text.
   */
  @Override
  public String toString() {
    return "AgreementEvent[" + sequence() + " " + type() + " at " + at() + " by " + actor() + " via " + channel()
        + ", " + status() + ", version " + version() + asset().map(a -> ", asset " + a.id() + " " + a.status())
            .orElse("") + amendment().map(a -> ", amendment " + a).orElse("") + "]";
  }

  @Value.Check
  void check() {
    Checks.check(sequence() >= 1, "AgreementEvent.sequence must be at least 1, was %d", sequence());
    Checks.text("AgreementEvent.reason", reason(), 500);
    Checks.check(asset().isPresent() == type().name().startsWith("ASSET_"),
        "AgreementEvent %d of type %s: an asset is required for, and only for, asset events", sequence(), type());
    Checks.check(amendment().isPresent() == type().name().startsWith("AMENDMENT_"),
        "AgreementEvent %d of type %s: an amendment id is required for, and only for, amendment events",
        sequence(), type());
    boolean usage = type() == AgreementEventType.USAGE_RECORDED;
    Checks.check(entitlement().isPresent() == usage && units().isPresent() == usage,
        "AgreementEvent %d of type %s: entitlement and units are required for, and only for, usage events",
        sequence(), type());
    units().ifPresent(u -> Checks.check(u >= 1, "AgreementEvent %d units must be at least 1, was %d", sequence(), u));
    Checks.check(effectiveDate().isPresent() == (type() == AgreementEventType.TERMINATION_REQUESTED),
        "AgreementEvent %d of type %s: an effective date is required for, and only for, termination requests",
        sequence(), type());
  }
}
