package io.cemkit.workflow.spi;

import io.cemkit.core.Agreement;
import io.cemkit.core.DenialReason;
import io.cemkit.core.Entitlement;
import io.cemkit.core.EntitlementCheck;
import io.cemkit.core.Entitlements;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.ProcessDefinition;
import io.cemkit.workflow.StartRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the service level an instance starts under (W4): the SLA of the entitlement in force on the
 * customer's agreement for the definition's {@link ProcessDefinition#serviceType() service type}.
 * When it finds none, the definition's default applies ({@link ProcessDefinition#sla()}), and
 * without that the instance has no SLA. Called once per start, under no lock of the engine's.
 */
@FunctionalInterface
public interface SlaResolver {

  /**
   * The SLA for a start.
   *
   * @param definition the definition being started
   * @param request the start request (customer, agreement)
   * @param at the start time
   * @return the SLA, or empty to fall back to the definition's default
   */
  Optional<SlaTarget> resolve(ProcessDefinition definition, StartRequest request, Instant at);

  /**
   * No entitlements: every instance gets its definition's default.
   *
   * @return the resolver
   */
  static SlaResolver none() {
    return (definition, request, at) -> Optional.empty();
  }

  /**
   * The entitlements of the agreements in a store: a start for an agreement gets the SLA of the
   * entitlement in force for the service type at the start time (core's {@link Entitlements#check}),
   * if that entitlement allows the service and carries an SLA. A suspended agreement denies its
   * services, yet the processes that serve it while suspended (its resumption, a complaint) get the SLA
   * of the entitlement for their service type that the terms in force that day hold and whose validity
   * covers it.
   *
   * @param agreements the agreement store
   * @return the resolver
   */
  static SlaResolver fromAgreements(AgreementStore agreements) {
    Objects.requireNonNull(agreements, "agreements");
    return (definition, request, at) -> request.agreement().flatMap(agreements::find).map(Versioned::value)
        .flatMap((Agreement agreement) -> slaOf(agreement, definition.serviceType(), at));
  }

  private static Optional<SlaTarget> slaOf(Agreement agreement, String serviceType, Instant at) {
    EntitlementCheck check = Entitlements.check(agreement, serviceType, at);
    if (check.allowed() || check.denial().filter(DenialReason.AGREEMENT_SUSPENDED::equals).isEmpty()) {
      return check.sla();
    }
    // A suspended agreement denies its services, but the processes that serve it while suspended (its
    // resumption, a complaint) still owe the customer the service level the terms promise.
    LocalDate date = LocalDate.ofInstant(at, agreement.zone());
    return agreement.versionAt(date).map(v -> v.terms()).orElse(agreement.terms()).entitlements().stream()
        .filter(e -> e.serviceType().equals(serviceType) && e.validity().map(r -> r.contains(date)).orElse(true))
        .map(Entitlement::sla).flatMap(Optional::stream).findFirst();
  }
}
