package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A proposed change to a signed agreement. Nothing changes unilaterally: an amendment takes effect
 * only after the customer accepted it with recorded {@link Evidence}, and only on its effective
 * date, as a new {@link AgreementVersion} built on the version it was proposed against.
 *
 * <p>Lifecycle ({@link #lifecycle()}): proposed → accepted → applied; proposed → rejected, withdrawn
 * or expired; accepted → withdrawn. {@link #changes()} lists in words what it changes, computed
 * when it was proposed, so the customer is asked about exactly that.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAmendment.class)
@JsonDeserialize(as = ImmutableAmendment.class)
public abstract class Amendment {
  private static final TransitionTable<AmendmentStatus, AmendmentAction> LIFECYCLE = TransitionTable
      .builder("Amendment", AmendmentStatus.class, AmendmentAction.class)
      .allow(AmendmentStatus.PROPOSED, AmendmentAction.ACCEPT, AmendmentStatus.ACCEPTED)
      .allow(AmendmentStatus.PROPOSED, AmendmentAction.REJECT, AmendmentStatus.REJECTED)
      .allow(AmendmentStatus.PROPOSED, AmendmentAction.WITHDRAW, AmendmentStatus.WITHDRAWN)
      .allow(AmendmentStatus.PROPOSED, AmendmentAction.EXPIRE, AmendmentStatus.EXPIRED)
      .forbid(AmendmentStatus.PROPOSED, "the customer has not accepted it", AmendmentAction.APPLY)
      .allow(AmendmentStatus.ACCEPTED, AmendmentAction.APPLY, AmendmentStatus.APPLIED)
      .allow(AmendmentStatus.ACCEPTED, AmendmentAction.WITHDRAW, AmendmentStatus.WITHDRAWN)
      .forbid(AmendmentStatus.ACCEPTED, "the customer has already decided", AmendmentAction.ACCEPT,
          AmendmentAction.REJECT)
      .forbid(AmendmentStatus.ACCEPTED, "an accepted amendment does not expire", AmendmentAction.EXPIRE)
      .terminal(AmendmentStatus.REJECTED)
      .terminal(AmendmentStatus.WITHDRAWN)
      .terminal(AmendmentStatus.EXPIRED)
      .terminal(AmendmentStatus.APPLIED)
      .build();

  Amendment() {}

  /**
   * The state machine of amendments.
   *
   * @return the transition table
   */
  public static TransitionTable<AmendmentStatus, AmendmentAction> lifecycle() {
    return LIFECYCLE;
  }

  /**
   * The amendment's id.
   *
   * @return the id
   */
  public abstract AmendmentId id();

  /**
   * The version it was proposed against; it can only be applied while that is still the current
   * version.
   *
   * @return the base version's number
   */
  public abstract int baseVersion();

  /**
   * The terms as they will be after the change.
   *
   * @return the proposed terms
   */
  public abstract AgreementTerms proposedTerms();

  /**
   * What changes, in words (e.g. "charge monthly-fee amount: 9.90 EUR → 12.90 EUR").
   *
   * @return the changes
   */
  public abstract List<String> changes();

  /**
   * The first day on which the new terms are in force.
   *
   * @return the effective date
   */
  public abstract LocalDate effectiveDate();

  /**
   * Who asked for it.
   *
   * @return the initiator
   */
  public abstract Initiator initiatedBy();

  /**
   * Why.
   *
   * @return the reason
   */
  public abstract String reason();

  /**
   * When it was proposed.
   *
   * @return the instant
   */
  public abstract Instant proposedAt();

  /**
   * When the offer lapses if not accepted.
   *
   * @return the deadline
   */
  public abstract Optional<Instant> expiresAt();

  /**
   * Where it is.
   *
   * @return the status
   */
  public abstract AmendmentStatus status();

  /**
   * The customer's recorded acceptance.
   *
   * @return the evidence
   */
  public abstract Optional<Evidence> acceptance();

  /**
   * When it was accepted, rejected, withdrawn or expired.
   *
   * @return the instant
   */
  public abstract Optional<Instant> decidedAt();

  /**
   * The version it became.
   *
   * @return the version number
   */
  public abstract Optional<Integer> appliedVersion();

  /**
   * Whether it still waits for the customer's decision.
   *
   * @return true if proposed
   */
  public boolean isAwaitingConsent() {
    return status() == AmendmentStatus.PROPOSED;
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableAmendment.Builder builder() {
    return ImmutableAmendment.builder();
  }

  /**
   * E.g. {@code Amendment[AM-7, PROPOSED, base version 1, effective 2026-03-01]}; never the reason,
   * which is free text.
   */
  @Override
  public String toString() {
    return "Amendment[" + id() + ", " + status() + ", base version " + baseVersion() + ", effective "
        + effectiveDate() + appliedVersion().map(v -> ", applied as version " + v).orElse("") + "]";
  }

  @Value.Check
  void check() {
    Checks.check(baseVersion() >= 1, "Amendment %s baseVersion must be at least 1, was %d", id(), baseVersion());
    Checks.text("Amendment.reason", reason(), 500);
    Checks.check(!changes().isEmpty(), "Amendment %s changes nothing", id());
    expiresAt().ifPresent(e -> Checks.check(e.isAfter(proposedAt()),
        "Amendment %s expiresAt (%s) must be after proposedAt (%s)", id(), e, proposedAt()));
    boolean accepted = status() == AmendmentStatus.ACCEPTED || status() == AmendmentStatus.APPLIED;
    boolean undecided = status() == AmendmentStatus.PROPOSED || status() == AmendmentStatus.REJECTED
        || status() == AmendmentStatus.EXPIRED;
    // WITHDRAWN may carry evidence: an amendment can be withdrawn after the customer accepted it.
    Checks.check(!accepted || acceptance().isPresent(), "Amendment %s is %s but has no acceptance evidence", id(),
        status());
    Checks.check(!undecided || acceptance().isEmpty(), "Amendment %s is %s but has acceptance evidence", id(),
        status());
    Checks.check(appliedVersion().isPresent() == (status() == AmendmentStatus.APPLIED),
        "Amendment %s is %s; appliedVersion is required for, and only for, APPLIED", id(), status());
    Checks.check(decidedAt().isPresent() == (status() != AmendmentStatus.PROPOSED),
        "Amendment %s is %s; decidedAt is required once it is decided", id(), status());
  }
}
