package io.cemkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;

/** Shared test data: a bank agreement with an account, a card, entitlements and charges. */
final class Fixtures {
  static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
  static final Currency ILS = Currency.getInstance("ILS");
  static final AgreementId AGREEMENT = AgreementId.of("AG-42");
  static final CustomerId CUSTOMER = CustomerId.of("C-1001");
  static final ProviderId BANK = ProviderId.of("bank");
  static final AgreementItemId ACCOUNT = AgreementItemId.of("account");
  static final AgreementItemId CARD = AgreementItemId.of("card");
  static final AgreementItemId ROUTER = AgreementItemId.of("router");
  static final Product CARD_PRODUCT = Product.of("CARD-GOLD", "Gold credit card", ProductKind.PHYSICAL);
  static final Product ROUTER_PRODUCT = Product.installed("ROUTER-X", "Fibre router");
  static final LocalDate TERM_START = LocalDate.of(2026, 1, 1);
  static final LocalDate TERM_END = LocalDate.of(2026, 12, 31);
  static final Actor AGENT = Actor.agent("a-17");

  private Fixtures() {}

  /** Noon in Jerusalem on the given date. */
  static Instant noon(LocalDate date) {
    return date.atTime(12, 0).atZone(ZONE).toInstant();
  }

  static Instant noon(int year, int month, int day) {
    return noon(LocalDate.of(year, month, day));
  }

  static Clock clockAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  static ChangeContext ctx(Instant at) {
    return ChangeContext.of(clockAt(at), AGENT, Channel.BRANCH, "test change");
  }

  static ChangeContext ctx(int year, int month, int day) {
    return ctx(noon(year, month, day));
  }

  static Evidence evidence(Instant at) {
    return Evidence.of(at, Channel.BRANCH, EvidenceMethod.SIGNATURE, "DOC-" + at.getEpochSecond());
  }

  static Money ils(String amount) {
    return Money.of(amount, "ILS");
  }

  static Charge monthlyFee(String amount) {
    return Charge.builder().id(ChargeId.of("monthly-fee")).description("Monthly account fee")
        .basis(ChargeBasis.SERVICE).item(ACCOUNT).amount(ils(amount))
        .periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build();
  }

  static Entitlement support() {
    return Entitlement.builder().id(EntitlementId.of("support")).serviceType("phone-support")
        .sla(SlaTarget.of(Duration.ofHours(4), Duration.ofDays(2))).build();
  }

  static Entitlement cardReplacements(int quota) {
    return Entitlement.builder().id(EntitlementId.of("card-replacement")).serviceType("card-replacement")
        .item(CARD).quota(quota).quotaPeriod(QuotaPeriod.YEAR).build();
  }

  static ImmutableAgreementTerms.Builder termsBuilder() {
    return AgreementTerms.builder()
        .term(DateRange.of(TERM_START, TERM_END))
        .renewal(RenewalPolicy.automatic(Period.ofYears(1)))
        .currency(ILS)
        .addItems(AgreementItem.of(ACCOUNT, Product.of("CHECKING", "Checking account", ProductKind.SERVICE)))
        .addItems(AgreementItem.of(CARD, CARD_PRODUCT))
        .addItems(AgreementItem.of(ROUTER, ROUTER_PRODUCT))
        .addEntitlements(support(), cardReplacements(2))
        .addFees(Fee.of("second-card-fee", "Monthly fee per additional card", ils("15.00")));
  }

  static AgreementTerms terms() {
    return termsBuilder().addCharges(monthlyFee("9.90")).build();
  }

  static Agreement draft() {
    return Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE, terms(), ctx(2025, 12, 20));
  }

  /** Signed on 2025-12-21, activated on 2026-01-01. */
  static Agreement active() {
    Instant signed = noon(2025, 12, 21);
    return draft().sign(evidence(signed), ctx(signed)).activate(ctx(2026, 1, 1));
  }
}
