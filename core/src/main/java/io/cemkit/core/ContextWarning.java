package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something the agent should see before anything else when the customer gets in touch: a fee the
 * company caused, a missing consent on this channel, an overdue payment, an amendment waiting for
 * the customer's answer. Messages name records by id and never contain personal data.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContextWarning.class)
@JsonDeserialize(as = ImmutableContextWarning.class)
public abstract class ContextWarning {
  ContextWarning() {}

  /** What the warning is about. */
  public enum Code {
    /** A fee is charged while the customer holds an item the company sent by mistake. */
    FEE_FROM_PROVIDER_ERROR,
    /** A fee is waived because of the company's error; the waiver has an end. */
    FEE_WAIVED_FOR_PROVIDER_ERROR,
    /** A payment is overdue. */
    PAYMENT_OVERDUE,
    /** The customer withdrew this channel for service messages. */
    CHANNEL_WITHDRAWN,
    /** No marketing consent on this channel: no offers here. */
    NO_MARKETING_CONSENT,
    /** An amendment waits for the customer's answer. */
    AMENDMENT_AWAITING_CONSENT,
    /** An agreement is suspended. */
    AGREEMENT_SUSPENDED,
    /** Notice of termination was given: a chance to retain the customer. */
    TERMINATION_PENDING,
    /** An item should have been returned by now. */
    ASSET_RETURN_OVERDUE,
    /** A process is past its SLA deadline. */
    PROCESS_OVERDUE,
    /** The customer's recent sentiment is negative or getting worse. */
    NEGATIVE_SENTIMENT,
    /** The customer's last feedback was a detractor's. */
    DETRACTOR_FEEDBACK,
    /** Consumption charges could not be rated: no consumption meter is configured. */
    CONSUMPTION_NOT_RATED
  }

  /** How urgent it is. */
  public enum Severity {
    /** Act on it in this interaction. */
    HIGH,
    /** Keep it in mind. */
    MEDIUM,
    /** Good to know. */
    LOW
  }

  /**
   * What it is about.
   *
   * @return the code
   */
  public abstract Code code();

  /**
   * How urgent.
   *
   * @return the severity
   */
  public abstract Severity severity();

  /**
   * A sentence for the agent.
   *
   * @return the message
   */
  public abstract String message();

  /**
   * The agreement concerned, if any.
   *
   * @return the agreement's id
   */
  public abstract Optional<AgreementId> agreement();

  /**
   * A warning.
   *
   * @param code what it is about
   * @param severity how urgent
   * @param message a sentence for the agent
   * @param agreement the agreement concerned
   * @return the warning
   */
  public static ContextWarning of(Code code, Severity severity, String message, Optional<AgreementId> agreement) {
    // The generated builder takes the Optional itself without a null check.
    return ImmutableContextWarning.builder().code(code).severity(severity).message(message)
        .agreement(Objects.requireNonNull(agreement, "agreement"))
        .build();
  }

  @Value.Check
  void check() {
    Checks.text("ContextWarning.message", message(), 1000);
  }

  /** E.g. {@code HIGH PAYMENT_OVERDUE: ...}. */
  @Override
  public String toString() {
    return severity() + " " + code() + ": " + message();
  }
}
