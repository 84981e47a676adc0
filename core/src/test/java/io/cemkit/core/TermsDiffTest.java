package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.core.internal.TermsDiff;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The customer consents to exactly the sentences the diff produces, so every field of the terms a
 * change can touch must show up, in words, with its old and new value.
 */
class TermsDiffTest {
  static final AgreementItemId TV = AgreementItemId.of("tv");

  private static ImmutableAgreementTerms base() {
    return ImmutableAgreementTerms.copyOf(terms());
  }

  private static Charge dataCharge() {
    return Charge.builder().id(ChargeId.of("data")).description("Mobile data").basis(ChargeBasis.CONSUMPTION)
        .amount(ils("0.10")).unit("GB").periodicity(Periodicity.recurring(BillingFrequency.MONTHLY))
        .dueRule(DueRule.inArrears()).build();
  }

  private static Entitlement branchVisits() {
    return Entitlement.builder().id(EntitlementId.of("branch-visits")).serviceType("branch-visit").quota(3)
        .quotaPeriod(QuotaPeriod.MONTH).addChannels(Channel.BRANCH).build();
  }

  static Stream<Arguments> changes() {
    ImmutableAgreementTerms t = base();
    Entitlement replacements = cardReplacements(2);
    return Stream.of(
        Arguments.of("term", t.withTerm(DateRange.of(TERM_START, LocalDate.of(2027, 12, 31))),
            List.of("term: 2026-01-01..2026-12-31 → 2026-01-01..2027-12-31")),
        Arguments.of("renewal mode and term", t.withRenewal(RenewalPolicy.manual(Period.ofMonths(6))),
            List.of("renewal policy: AUTOMATIC by P1Y, notice P30D → MANUAL by P6M, notice P30D")),
        Arguments.of("no renewal", t.withRenewal(RenewalPolicy.none()),
            List.of("renewal policy: AUTOMATIC by P1Y, notice P30D → NONE, notice P30D")),
        Arguments.of("item added", t.withItems(concat(t.items(), AgreementItem.builder().id(TV)
                .product(Product.of("TV-BOX", "TV box", ProductKind.PHYSICAL)).quantity(2).build())),
            List.of("item tv added: TV-BOX (TV box, PHYSICAL) × 2")),
        Arguments.of("item removed", t.withItems(t.items().get(0), t.items().get(1)),
            List.of("item router removed: ROUTER-X (Fibre router, PHYSICAL, installed) × 1")),
        Arguments.of("item quantity", t.withItems(t.items().get(0),
                AgreementItem.builder().id(CARD).product(CARD_PRODUCT).quantity(2).build(), t.items().get(2)),
            List.of("item card quantity: 1 → 2")),
        Arguments.of("charge added", t.withCharges(concat(t.charges(), dataCharge())),
            List.of("charge data added: Mobile data, 0.10 ILS per GB, recurring MONTHLY, due in arrears")),
        Arguments.of("charge removed", t.withCharges(List.of()),
            List.of("charge monthly-fee removed: Monthly account fee, 9.90 ILS, recurring MONTHLY, due in advance")),
        Arguments.of("every field of a charge", t.withCharges(Charge.builder().id(ChargeId.of("monthly-fee"))
                .description("Data fee").basis(ChargeBasis.CONSUMPTION).amount(ils("0.50")).unit("GB")
                .periodicity(Periodicity.recurring(BillingFrequency.QUARTERLY)).dueRule(DueRule.dayOfMonth(10))
                .start(LocalDate.of(2026, 2, 1)).build()),
            List.of("charge monthly-fee description: Monthly account fee → Data fee",
                "charge monthly-fee basis: SERVICE → CONSUMPTION",
                "charge monthly-fee item: account → none",
                "charge monthly-fee amount: 9.90 ILS → 0.50 ILS",
                "charge monthly-fee unit: none → GB",
                "charge monthly-fee periodicity: recurring MONTHLY → recurring QUARTERLY",
                "charge monthly-fee due: in advance → on day 10 of the month",
                "charge monthly-fee start: none → 2026-02-01")),
        Arguments.of("fee added", t.withFees(concat(t.fees(), Fee.of("late-fee", "Late payment", ils("25.00")))),
            List.of("fee late-fee added: Late payment, 25.00 ILS")),
        Arguments.of("fee removed", t.withFees(List.of()),
            List.of("fee second-card-fee removed: Monthly fee per additional card, 15.00 ILS")),
        Arguments.of("fee description", t.withFees(Fee.of("second-card-fee", "Fee per extra card", ils("15.00"))),
            List.of("fee second-card-fee description: Monthly fee per additional card → Fee per extra card")),
        Arguments.of("entitlement added with a quota and channels",
            t.withEntitlements(concat(t.entitlements(), branchVisits())),
            List.of("entitlement branch-visits added: branch-visit, 3 per MONTH, via [BRANCH]")),
        Arguments.of("unlimited entitlement removed", t.withEntitlements(replacements),
            List.of("entitlement support removed: phone-support, unlimited")),
        Arguments.of("every field of an entitlement", t.withEntitlements(support(),
                Entitlement.builder().id(EntitlementId.of("card-replacement")).serviceType("card-reissue").quota(4)
                    .quotaPeriod(QuotaPeriod.YEAR).addChannels(Channel.BRANCH)
                    .validity(DateRange.of(TERM_START, LocalDate.of(2026, 6, 30))).build()),
            List.of("entitlement card-replacement service type: card-replacement → card-reissue",
                "entitlement card-replacement item: card → none",
                "entitlement card-replacement quota: 2 per YEAR → 4 per YEAR",
                "entitlement card-replacement channels: all → [BRANCH]",
                "entitlement card-replacement validity: none → 2026-01-01..2026-06-30")),
        Arguments.of("a quota lifted", t.withEntitlements(support(),
                ImmutableEntitlement.copyOf(replacements).withQuota(java.util.Optional.empty())),
            List.of("entitlement card-replacement quota: 2 per YEAR → unlimited")),
        Arguments.of("an SLA added", t.withEntitlements(support(),
                ImmutableEntitlement.copyOf(replacements).withSla(SlaTarget.of(Duration.ofDays(1), Duration.ofDays(5)))),
            List.of("entitlement card-replacement SLA: none → first response PT24H, resolution PT120H around the "
                + "clock")));
  }

  private static <T> List<T> concat(List<T> list, T more) {
    return Stream.concat(list.stream(), Stream.of(more)).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  @DisplayName("each change is one sentence naming the field, the old and the new value")
  void describesEachChange(String what, AgreementTerms after, List<String> expected) {
    assertThat(TermsDiff.describe(terms(), after)).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("a change of currency is described (the amendment itself refuses it, a diff still names it)")
  void currency() {
    AgreementTerms shekels = AgreementTerms.builder().term(DateRange.of(TERM_START, TERM_END))
        .renewal(RenewalPolicy.none()).currency(ILS).addItems(AgreementItem.of(ACCOUNT, CARD_PRODUCT)).build();
    AgreementTerms dollars = ImmutableAgreementTerms.copyOf(shekels).withCurrency(Currency.getInstance("USD"));
    assertThat(TermsDiff.describe(shekels, dollars)).containsExactly("currency: ILS → USD");
  }

  @Test
  @DisplayName("equal terms have no changes")
  void equalTerms() {
    assertThat(TermsDiff.describe(terms(), base())).isEmpty();
  }
}
