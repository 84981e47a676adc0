package io.cemkit.testkit;

import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementAction;
import io.cemkit.core.AgreementEvent;
import io.cemkit.core.AgreementEventType;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.AgreementVersion;
import io.cemkit.core.AmendmentId;
import io.cemkit.core.AmendmentStatus;
import io.cemkit.core.Asset;
import io.cemkit.core.AssetId;
import io.cemkit.core.AssetStatus;
import io.cemkit.core.DenialReason;
import io.cemkit.core.EntitlementCheck;
import io.cemkit.core.Entitlements;
import io.cemkit.core.Amendment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an {@link Agreement}. Obtain through {@link CemkitAssertions#assertThat(Agreement)}. */
public class AgreementAssert extends AbstractAssert<AgreementAssert, Agreement> {

  /**
   * Creates the assertion.
   *
   * @param actual the agreement
   */
  public AgreementAssert(Agreement actual) {
    super(actual, AgreementAssert.class);
  }

  /**
   * Verifies the current status.
   *
   * @param expected the status
   * @return this assertion
   */
  public AgreementAssert isInStatus(AgreementStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWithActualExpectedAndMessage(actual.status(), expected, "Expected agreement %s to be %s but was %s",
          actual.id(), expected, actual.status());
    }
    return this;
  }

  /**
   * Verifies the newest version's number.
   *
   * @param expected the version number
   * @return this assertion
   */
  public AgreementAssert hasCurrentVersion(int expected) {
    isNotNull();
    int version = actual.currentVersion().number();
    if (version != expected) {
      failWithMessage("Expected agreement %s to be at version %d but was at version %d", actual.id(), expected,
          version);
    }
    return this;
  }

  /**
   * Verifies which version's terms were in force on a date.
   *
   * @param date the date
   * @param expected the version number
   * @return this assertion
   */
  public AgreementAssert hasVersionInForceOn(LocalDate date, int expected) {
    isNotNull();
    Optional<Integer> version = actual.versionAt(date).map(AgreementVersion::number);
    if (!version.equals(Optional.of(expected))) {
      failWithMessage("Expected version %d of agreement %s in force on %s but found %s", expected, actual.id(), date,
          version.map(v -> "version " + v).orElse("no terms in force"));
    }
    return this;
  }

  /**
   * Verifies the exact sequence of event types in the history.
   *
   * @param expected the event types, oldest first
   * @return this assertion
   */
  public AgreementAssert hasEventTypes(AgreementEventType... expected) {
    isNotNull();
    List<AgreementEventType> types = actual.events().stream().map(AgreementEvent::type).collect(Collectors.toList());
    if (!types.equals(Arrays.asList(expected))) {
      failWithActualExpectedAndMessage(types, Arrays.asList(expected),
          "Expected agreement %s history%n  %s%nbut was%n  %s", actual.id(), Arrays.asList(expected), types);
    }
    return this;
  }

  /**
   * Verifies the type of the newest event.
   *
   * @param expected the event type
   * @return this assertion
   */
  public AgreementAssert hasLastEvent(AgreementEventType expected) {
    isNotNull();
    AgreementEvent last = actual.events().get(actual.events().size() - 1);
    if (last.type() != expected) {
      failWithMessage("Expected agreement %s's last event to be %s but was %s", actual.id(), expected, last.type());
    }
    return this;
  }

  /**
   * Verifies that the current status allows exactly these actions.
   *
   * @param expected the allowed actions
   * @return this assertion
   */
  public AgreementAssert allowsExactly(AgreementAction... expected) {
    isNotNull();
    Set<AgreementAction> allowed = actual.allowedActions();
    if (!allowed.equals(Set.of(expected))) {
      failWithMessage("Expected agreement %s (%s) to allow exactly %s but it allows %s", actual.id(), actual.status(),
          Arrays.asList(expected), allowed);
    }
    return this;
  }

  /**
   * Verifies that an asset is in a status.
   *
   * @param asset the asset's id
   * @param expected the status
   * @return this assertion
   */
  public AgreementAssert hasAssetInStatus(AssetId asset, AssetStatus expected) {
    isNotNull();
    Optional<AssetStatus> status = actual.asset(asset).map(Asset::status);
    if (!status.equals(Optional.of(expected))) {
      failWithMessage("Expected asset %s of agreement %s to be %s but %s", asset, actual.id(), expected,
          status.map(s -> "it was " + s).orElse("there is no such asset"));
    }
    return this;
  }

  /**
   * Verifies that an amendment is in a status.
   *
   * @param amendment the amendment's id
   * @param expected the status
   * @return this assertion
   */
  public AgreementAssert hasAmendmentInStatus(AmendmentId amendment, AmendmentStatus expected) {
    isNotNull();
    Optional<AmendmentStatus> status = actual.amendment(amendment).map(Amendment::status);
    if (!status.equals(Optional.of(expected))) {
      failWithMessage("Expected amendment %s of agreement %s to be %s but %s", amendment, actual.id(), expected,
          status.map(s -> "it was " + s).orElse("there is no such amendment"));
    }
    return this;
  }

  /**
   * Verifies that one unit of a service is allowed at an instant.
   *
   * @param serviceType the service type
   * @param at the instant
   * @return this assertion
   */
  public AgreementAssert isEntitledTo(String serviceType, Instant at) {
    isNotNull();
    EntitlementCheck check = Entitlements.check(actual, serviceType, at);
    if (!check.allowed()) {
      failWithMessage("Expected agreement %s to allow %s at %s but it was denied: %s", actual.id(), serviceType, at,
          check.message());
    }
    return this;
  }

  /**
   * Verifies that a service is denied at an instant for a reason.
   *
   * @param serviceType the service type
   * @param at the instant
   * @param reason the expected reason
   * @return this assertion
   */
  public AgreementAssert isNotEntitledTo(String serviceType, Instant at, DenialReason reason) {
    isNotNull();
    EntitlementCheck check = Entitlements.check(actual, serviceType, at);
    if (!check.denial().equals(Optional.of(reason))) {
      failWithMessage("Expected agreement %s to deny %s at %s as %s but %s", actual.id(), serviceType, at, reason,
          check.allowed() ? "it was allowed" : "it was denied as " + check.denial().get() + ": " + check.message());
    }
    return this;
  }
}
