package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of a customer's {@link ConsentLedger}: a decision about one purpose on one channel (or
 * on every channel), valid over a period, with the evidence that proves it.
 *
 * <p>A grant cannot take effect before it was given ({@code validFrom >= evidence.at}); a
 * withdrawal or denial may be recorded after it took effect (a letter that arrived late).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConsentRecord.class)
@JsonDeserialize(as = ImmutableConsentRecord.class)
public abstract class ConsentRecord {
  ConsentRecord() {}

  /**
   * The purpose the decision is about.
   *
   * @return the purpose
   */
  public abstract ConsentPurpose purpose();

  /**
   * The channel it is about; empty for every channel.
   *
   * @return the channel
   */
  public abstract Optional<Channel> channel();

  /**
   * The decision.
   *
   * @return the decision
   */
  public abstract ConsentDecision decision();

  /**
   * When the decision takes effect.
   *
   * @return the start of validity
   */
  public abstract Instant validFrom();

  /**
   * When the decision stops applying (exclusive); empty for open-ended.
   *
   * @return the end of validity
   */
  public abstract Optional<Instant> validUntil();

  /**
   * When the decision was recorded in the ledger.
   *
   * @return the recording instant
   */
  public abstract Instant recordedAt();

  /**
   * The proof of the decision.
   *
   * @return the evidence
   */
  public abstract Evidence evidence();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableConsentRecord.Builder builder() {
    return ImmutableConsentRecord.builder();
  }

  /**
   * Whether this record speaks about {@code purpose} on {@code channel} at {@code instant}.
   *
   * @param purpose the purpose
   * @param channel the channel
   * @param instant the instant
   * @return true if it applies
   */
  public boolean appliesTo(ConsentPurpose purpose, Channel channel, Instant instant) {
    return purpose() == purpose
        && channel().map(c -> c == channel).orElse(true)
        && !instant.isBefore(validFrom())
        && validUntil().map(instant::isBefore).orElse(true);
  }

  @Value.Check
  void check() {
    validUntil().ifPresent(until -> Checks.check(until.isAfter(validFrom()),
        "ConsentRecord.validUntil (%s) must be after validFrom (%s)", until, validFrom()));
    Checks.check(!evidence().at().isAfter(recordedAt()),
        "ConsentRecord.evidence.at (%s) must not be after recordedAt (%s): evidence is captured before it is recorded",
        evidence().at(), recordedAt());
    if (decision() == ConsentDecision.GRANTED) {
      Checks.check(!validFrom().isBefore(evidence().at()),
          "ConsentRecord grant cannot take effect (validFrom %s) before it was given (evidence.at %s)",
          validFrom(), evidence().at());
    }
  }
}
