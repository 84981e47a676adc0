package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Proof of a customer's decision: when and how it was captured, and a reference to the record
 * (the signed document, the OTP transaction, the call recording). The reference is an id (a code of
 * letters, digits and {@code - _ . : /}), never the content, so it cannot carry personal data into
 * logs.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEvidence.class)
@JsonDeserialize(as = ImmutableEvidence.class)
public abstract class Evidence {
  Evidence() {}

  /**
   * When the decision was captured.
   *
   * @return the instant
   */
  public abstract Instant at();

  /**
   * Through which channel.
   *
   * @return the channel
   */
  public abstract Channel channel();

  /**
   * How it was captured.
   *
   * @return the method
   */
  public abstract EvidenceMethod method();

  /**
   * The id of the record that proves it, e.g. {@code DOC-2026-0042} or {@code OTP-88412}: 1 to 128
   * letters, digits and {@code - _ . : /}.
   *
   * @return the reference
   */
  public abstract String reference();

  /**
   * The agent or system that captured it, if not the customer alone.
   *
   * @return the capturing actor
   */
  public abstract Optional<Actor> capturedBy();

  /**
   * Evidence without a capturing actor.
   *
   * @param at when
   * @param channel through which channel
   * @param method how
   * @param reference the proving record's id
   * @return the evidence
   */
  public static Evidence of(Instant at, Channel channel, EvidenceMethod method, String reference) {
    return ImmutableEvidence.builder().at(at).channel(channel).method(method).reference(reference).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableEvidence.Builder builder() {
    return ImmutableEvidence.builder();
  }

  @Value.Check
  void check() {
    Checks.code("Evidence.reference", reference());
  }
}
