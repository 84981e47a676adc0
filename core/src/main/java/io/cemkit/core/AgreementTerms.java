package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The content of an agreement version: its term and renewal policy, the items sold, the
 * entitlements (what the customer may receive), the charges (what the customer owes) and the
 * conditional fees the customer agreed to.
 *
 * <p>One currency per agreement: every charge and fee is in {@link #currency()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAgreementTerms.class)
@JsonDeserialize(as = ImmutableAgreementTerms.class)
public abstract class AgreementTerms {
  AgreementTerms() {}

  /**
   * The term: first and (optional) last day.
   *
   * @return the term
   */
  public abstract DateRange term();

  /**
   * What happens at the term's end. Defaults to {@link RenewalPolicy#none()}.
   *
   * @return the renewal policy
   */
  @Value.Default
  public RenewalPolicy renewal() {
    return RenewalPolicy.none();
  }

  /**
   * The agreement's currency.
   *
   * @return the currency
   */
  public abstract Currency currency();

  /**
   * The items sold; at least one.
   *
   * @return the items
   */
  public abstract List<AgreementItem> items();

  /**
   * The service rights.
   *
   * @return the entitlements
   */
  public abstract List<Entitlement> entitlements();

  /**
   * The payment obligations.
   *
   * @return the charges
   */
  public abstract List<Charge> charges();

  /**
   * The conditional fees, each decided by a {@link FeeRule}.
   *
   * @return the fees
   */
  public abstract List<Fee> fees();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableAgreementTerms.Builder builder() {
    return ImmutableAgreementTerms.builder();
  }

  /**
   * The item with the given id.
   *
   * @param id the id
   * @return the item, if present
   */
  public Optional<AgreementItem> item(AgreementItemId id) {
    Objects.requireNonNull(id, "id");
    return items().stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /**
   * The charge with the given id.
   *
   * @param id the id
   * @return the charge, if present
   */
  public Optional<Charge> charge(ChargeId id) {
    Objects.requireNonNull(id, "id");
    return charges().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * The entitlement with the given id.
   *
   * @param id the id
   * @return the entitlement, if present
   */
  public Optional<Entitlement> entitlement(EntitlementId id) {
    Objects.requireNonNull(id, "id");
    return entitlements().stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /**
   * The fee decided by a rule.
   *
   * @param rule the rule's id
   * @return the fee, if the terms include it
   */
  public Optional<Fee> fee(String rule) {
    Objects.requireNonNull(rule, "rule");
    return fees().stream().filter(f -> f.rule().equals(rule)).findFirst();
  }

  /**
   * The payment plan these terms define.
   *
   * @return the plan
   */
  public PaymentPlan paymentPlan() {
    return PaymentPlan.of(currency(), charges(), term().start());
  }

  @Value.Check
  void check() {
    Checks.check(!items().isEmpty(), "AgreementTerms need at least one item");
    Checks.unique("AgreementTerms.items", items(), AgreementItem::id);
    Checks.unique("AgreementTerms.entitlements", entitlements(), Entitlement::id);
    Checks.unique("AgreementTerms.charges", charges(), Charge::id);
    Checks.unique("AgreementTerms.fees", fees(), Fee::rule);
    for (Fee fee : fees()) {
      Checks.check(fee.amount().currency().equals(currency()), "Fee %s is in %s but the agreement's currency is %s",
          fee.rule(), fee.amount().currency().getCurrencyCode(), currency().getCurrencyCode());
    }
    Set<AgreementItemId> itemIds = items().stream().map(AgreementItem::id).collect(Collectors.toSet());
    for (Charge charge : charges()) {
      Checks.check(charge.amount().currency().equals(currency()),
          "Charge %s is in %s but the agreement's currency is %s", charge.id(),
          charge.amount().currency().getCurrencyCode(), currency().getCurrencyCode());
      charge.item().ifPresent(item -> Checks.check(itemIds.contains(item),
          "Charge %s refers to item %s, which the terms do not have", charge.id(), item));
    }
    for (Entitlement entitlement : entitlements()) {
      entitlement.item().ifPresent(item -> Checks.check(itemIds.contains(item),
          "Entitlement %s refers to item %s, which the terms do not have", entitlement.id(), item));
    }
  }
}
