package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One immutable version of an agreement's terms, in force from {@link #effectiveFrom()} until the
 * next version's start. Version 1 is the signed original; amendments and renewals add versions.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAgreementVersion.class)
@JsonDeserialize(as = ImmutableAgreementVersion.class)
public abstract class AgreementVersion {
  AgreementVersion() {}

  /** Why a version exists. */
  public enum Origin {
    /** The terms as drafted and signed. */
    ORIGINAL,
    /** An amendment the customer accepted. */
    AMENDMENT,
    /** A renewal for a new term. */
    RENEWAL
  }

  /**
   * The version number, from 1.
   *
   * @return the number
   */
  public abstract int number();

  /**
   * The first day on which these terms are in force.
   *
   * @return the date
   */
  public abstract LocalDate effectiveFrom();

  /**
   * The terms.
   *
   * @return the terms
   */
  public abstract AgreementTerms terms();

  /**
   * Why this version exists.
   *
   * @return the origin
   */
  public abstract Origin origin();

  /**
   * The amendment that produced it, for {@link Origin#AMENDMENT}.
   *
   * @return the amendment's id
   */
  public abstract Optional<AmendmentId> amendment();

  /**
   * When the version was created.
   *
   * @return the instant
   */
  public abstract Instant createdAt();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableAgreementVersion.Builder builder() {
    return ImmutableAgreementVersion.builder();
  }

  @Value.Check
  void check() {
    io.cemkit.core.internal.Checks.check(number() >= 1, "AgreementVersion.number must be at least 1, was %d", number());
    io.cemkit.core.internal.Checks.check(amendment().isPresent() == (origin() == Origin.AMENDMENT),
        "AgreementVersion %d: an amendment id is required for, and only for, origin AMENDMENT (origin %s)",
        number(), origin());
  }
}
