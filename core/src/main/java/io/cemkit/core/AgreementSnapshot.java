package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An agreement as the customer context shows it at an instant: its state, the entitlements in force
 * on the channel in use, the amendments waiting for the customer, the items the customer holds and
 * the conditional fees charged or waived today.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAgreementSnapshot.class)
@JsonDeserialize(as = ImmutableAgreementSnapshot.class)
public abstract class AgreementSnapshot {
  AgreementSnapshot() {}

  /**
   * The agreement.
   *
   * @return its id
   */
  public abstract AgreementId id();

  /**
   * Its status.
   *
   * @return the status
   */
  public abstract AgreementStatus status();

  /**
   * The version of the terms in force, if any.
   *
   * @return the version number
   */
  public abstract Optional<Integer> versionInForce();

  /**
   * The term of the version in force, or of the current version if none is in force.
   *
   * @return the term
   */
  public abstract DateRange term();

  /**
   * Whether it is in force today.
   *
   * @return true if in force
   */
  public abstract boolean inForce();

  /**
   * The first day without service, if set.
   *
   * @return the service end
   */
  public abstract Optional<java.time.LocalDate> serviceEnd();

  /**
   * One check per entitlement of the terms in force, for the channel in use.
   *
   * @return the checks
   */
  public abstract List<EntitlementCheck> entitlements();

  /**
   * Amendments waiting for the customer's answer (without their free-text reasons).
   *
   * @return the amendments
   */
  public abstract List<AmendmentSummary> awaitingConsent();

  /**
   * The items the customer holds.
   *
   * @return the assets
   */
  public abstract List<Asset> heldAssets();

  /**
   * The conditional fees charged or waived today.
   *
   * @return the assessments
   */
  public abstract List<FeeAssessment> fees();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableAgreementSnapshot.Builder builder() {
    return ImmutableAgreementSnapshot.builder();
  }
}
