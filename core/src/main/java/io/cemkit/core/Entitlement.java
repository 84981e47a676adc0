package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A service right the agreement gives the customer: which service, how often (a quota per period),
 * through which channels, when, and with which service levels.
 *
 * <p>Whether it can be used at a given instant depends on the agreement's state, the terms in force
 * and the usage so far; ask {@link Entitlements#check}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEntitlement.class)
@JsonDeserialize(as = ImmutableEntitlement.class)
public abstract class Entitlement {
  Entitlement() {}

  /**
   * The entitlement's id within the agreement.
   *
   * @return the id
   */
  public abstract EntitlementId id();

  /**
   * The host-defined service type, e.g. {@code technician-visit} or {@code card-replacement}.
   *
   * @return the service type
   */
  public abstract String serviceType();

  /**
   * The agreement item it belongs to, if any.
   *
   * @return the item
   */
  public abstract Optional<AgreementItemId> item();

  /**
   * How many units may be used per {@link #quotaPeriod()}; empty for unlimited.
   *
   * @return the quota
   */
  public abstract Optional<Integer> quota();

  /**
   * The period over which the quota is counted. Defaults to the term.
   *
   * @return the period
   */
  @Value.Default
  public QuotaPeriod quotaPeriod() {
    return QuotaPeriod.TERM;
  }

  /**
   * The channels through which it may be used; empty for every channel.
   *
   * @return the channels
   */
  public abstract Set<Channel> channels();

  /**
   * When it may be used; empty for the agreement's whole term.
   *
   * @return the validity
   */
  public abstract Optional<DateRange> validity();

  /**
   * The service levels promised when it is used.
   *
   * @return the SLA targets
   */
  public abstract Optional<SlaTarget> sla();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableEntitlement.Builder builder() {
    return ImmutableEntitlement.builder();
  }

  @Value.Check
  void check() {
    Checks.code("Entitlement.serviceType", serviceType());
    quota().ifPresent(q -> Checks.check(q >= 0, "Entitlement %s quota must not be negative, was %d", id(), q));
  }
}
