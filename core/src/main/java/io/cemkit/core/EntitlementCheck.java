package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer to "is this customer entitled to this service now, and with which SLA?": allowed, with
 * the entitlement, its SLA and the remaining quota; or denied, with the reason and a message an
 * agent can read out.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEntitlementCheck.class)
@JsonDeserialize(as = ImmutableEntitlementCheck.class)
public abstract class EntitlementCheck {
  EntitlementCheck() {}

  /**
   * The agreement checked.
   *
   * @return the agreement's id
   */
  public abstract AgreementId agreement();

  /**
   * The service type asked about.
   *
   * @return the service type
   */
  public abstract String serviceType();

  /**
   * The instant asked about.
   *
   * @return the instant
   */
  public abstract Instant at();

  /**
   * Whether the service is allowed.
   *
   * @return true if allowed
   */
  public abstract boolean allowed();

  /**
   * Why not, when denied.
   *
   * @return the reason
   */
  public abstract Optional<DenialReason> denial();

  /**
   * The entitlement that allows the service, or the one that came closest.
   *
   * @return the entitlement
   */
  public abstract Optional<Entitlement> entitlement();

  /**
   * The units left in the quota period after this use, for entitlements with a quota.
   *
   * @return the remaining units
   */
  public abstract Optional<Integer> remaining();

  /**
   * A sentence that explains the answer.
   *
   * @return the message
   */
  public abstract String message();

  /**
   * The SLA that applies when the service is allowed.
   *
   * @return the SLA targets
   */
  public Optional<SlaTarget> sla() {
    return allowed() ? entitlement().flatMap(Entitlement::sla) : Optional.empty();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableEntitlementCheck.Builder builder() {
    return ImmutableEntitlementCheck.builder();
  }

  @Value.Check
  void check() {
    Checks.check(allowed() == denial().isEmpty(), "EntitlementCheck: a denial reason is required for, and only for, "
        + "a denied check (allowed=%s, denial=%s)", allowed(), denial().orElse(null));
  }
}
