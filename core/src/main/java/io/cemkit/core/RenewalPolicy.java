package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Period;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What happens at the end of an agreement's term.
 *
 * <p>With {@link RenewalMode#MANUAL} or {@link RenewalMode#AUTOMATIC}, a renewal adds a new term
 * of {@link #renewalTerm()} as a new agreement version; it may be made within {@link #notice()}
 * before the term ends (for automatic renewals, the notice either party must give to stop it).
 * Renewing keeps the signed terms, so it needs no fresh consent; changing terms at renewal is an
 * amendment.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRenewalPolicy.class)
@JsonDeserialize(as = ImmutableRenewalPolicy.class)
public abstract class RenewalPolicy {
  RenewalPolicy() {}

  /**
   * Whether and how the agreement renews.
   *
   * @return the mode
   */
  public abstract RenewalMode mode();

  /**
   * The length of each renewed term; required unless the mode is NONE.
   *
   * @return the term
   */
  public abstract Optional<Period> renewalTerm();

  /**
   * The renewal window and notice period before the term's end. Defaults to 30 days.
   *
   * @return the notice
   */
  @Value.Default
  public Period notice() {
    return Period.ofDays(30);
  }

  /**
   * The agreement ends with its term.
   *
   * @return the policy
   */
  public static RenewalPolicy none() {
    return ImmutableRenewalPolicy.builder().mode(RenewalMode.NONE).build();
  }

  /**
   * The agreement renews by a term of {@code renewalTerm} unless notice is given.
   *
   * @param renewalTerm each new term's length
   * @return the policy
   */
  public static RenewalPolicy automatic(Period renewalTerm) {
    return ImmutableRenewalPolicy.builder().mode(RenewalMode.AUTOMATIC).renewalTerm(renewalTerm).build();
  }

  /**
   * The agreement renews by a term of {@code renewalTerm} when the customer asks.
   *
   * @param renewalTerm each new term's length
   * @return the policy
   */
  public static RenewalPolicy manual(Period renewalTerm) {
    return ImmutableRenewalPolicy.builder().mode(RenewalMode.MANUAL).renewalTerm(renewalTerm).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableRenewalPolicy.Builder builder() {
    return ImmutableRenewalPolicy.builder();
  }

  @Value.Check
  void check() {
    Checks.check(!notice().isNegative(), "RenewalPolicy.notice must not be negative, was %s", notice());
    if (mode() == RenewalMode.NONE) {
      Checks.check(renewalTerm().isEmpty(), "RenewalPolicy with mode NONE must not have a renewalTerm (was %s)",
          renewalTerm().orElse(null));
    } else {
      Checks.check(renewalTerm().isPresent(), "RenewalPolicy with mode %s needs a renewalTerm", mode());
      Period term = renewalTerm().get();
      Checks.check(!term.isNegative() && !term.isZero(), "RenewalPolicy.renewalTerm must be positive, was %s", term);
    }
  }
}
