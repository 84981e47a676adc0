package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An amendment as the customer context shows it: what it changes and until when the customer can
 * answer, without the free-text reason or the full proposed terms.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAmendmentSummary.class)
@JsonDeserialize(as = ImmutableAmendmentSummary.class)
public abstract class AmendmentSummary {
  AmendmentSummary() {}

  /**
   * The amendment.
   *
   * @return its id
   */
  public abstract AmendmentId id();

  /**
   * Who asked for it.
   *
   * @return the initiator
   */
  public abstract Initiator initiatedBy();

  /**
   * What changes, in words.
   *
   * @return the changes
   */
  public abstract List<String> changes();

  /**
   * The first day of the new terms.
   *
   * @return the effective date
   */
  public abstract LocalDate effectiveDate();

  /**
   * When it was proposed.
   *
   * @return the instant
   */
  public abstract Instant proposedAt();

  /**
   * Until when the customer can accept it.
   *
   * @return the deadline
   */
  public abstract Optional<Instant> expiresAt();

  /**
   * The summary of an amendment.
   *
   * @param amendment the amendment
   * @return its summary
   */
  public static AmendmentSummary of(Amendment amendment) {
    Amendment a = Objects.requireNonNull(amendment, "amendment");
    return ImmutableAmendmentSummary.builder().id(a.id()).initiatedBy(a.initiatedBy()).addAllChanges(a.changes())
        .effectiveDate(a.effectiveDate()).proposedAt(a.proposedAt()).expiresAt(a.expiresAt()).build();
  }
}
