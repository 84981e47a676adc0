package io.cemkit.testkit;

import static io.cemkit.testkit.CemkitAssertions.assertThat;
import static io.cemkit.testkit.CemkitAssertions.assertThatThrownBy;

import io.cemkit.core.Actor;
import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementAction;
import io.cemkit.core.AgreementEventType;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementItem;
import io.cemkit.core.AgreementItemId;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.AgreementTerms;
import io.cemkit.core.AmendmentId;
import io.cemkit.core.AmendmentStatus;
import io.cemkit.core.AssetId;
import io.cemkit.core.AssetStatus;
import io.cemkit.core.BillingFrequency;
import io.cemkit.core.ChangeContext;
import io.cemkit.core.Channel;
import io.cemkit.core.Charge;
import io.cemkit.core.ChargeBasis;
import io.cemkit.core.ChargeId;
import io.cemkit.core.ConsentDecision;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.ConsentRecord;
import io.cemkit.core.ContactPoint;
import io.cemkit.core.Customer;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DateRange;
import io.cemkit.core.DenialReason;
import io.cemkit.core.Entitlement;
import io.cemkit.core.EntitlementId;
import io.cemkit.core.Entitlements;
import io.cemkit.core.Evidence;
import io.cemkit.core.EvidenceMethod;
import io.cemkit.core.FaultParty;
import io.cemkit.core.Fee;
import io.cemkit.core.Individual;
import io.cemkit.core.Initiator;
import io.cemkit.core.Money;
import io.cemkit.core.PersonalData;
import io.cemkit.core.Periodicity;
import io.cemkit.core.Product;
import io.cemkit.core.ProductKind;
import io.cemkit.core.ProviderId;
import io.cemkit.core.SecondCardFeeRule;
import io.cemkit.core.Segment;
import io.cemkit.core.SlaTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CemkitAssertionsTest {
  static final AgreementItemId CARD = AgreementItemId.of("card");
  static final SlaTarget SLA = SlaTarget.of(Duration.ofHours(4), Duration.ofDays(1));

  static Instant day(int month, int day) {
    return LocalDate.of(2026, month, day).atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  static ChangeContext at(int month, int day) {
    return ChangeContext.of(Clock.fixed(day(month, day), ZoneOffset.UTC), Actor.agent("a-1"), Channel.PHONE, "test");
  }

  static AgreementTerms terms(String fee) {
    return AgreementTerms.builder().term(DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
        .currency(Currency.getInstance("EUR"))
        .addItems(AgreementItem.of(CARD, Product.of("CARD", "Card", ProductKind.PHYSICAL)))
        .addEntitlements(Entitlement.builder().id(EntitlementId.of("help")).serviceType("help").sla(SLA).quota(3)
            .build())
        .addCharges(Charge.builder().id(ChargeId.of("fee")).description("Fee").basis(ChargeBasis.SERVICE)
            .amount(Money.of(fee, "EUR")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build())
        .addFees(Fee.of("second-card", "Second card", Money.of("3.00", "EUR")))
        .build();
  }

  static Agreement agreement() {
    return Agreement.draft(AgreementId.of("AG-1"), CustomerId.of("C-1"), ProviderId.of("p"), ZoneOffset.UTC,
            terms("5.00"), at(1, 1))
        .sign(Evidence.of(day(1, 1), Channel.WEB, EvidenceMethod.CLICKWRAP, "click-1"), at(1, 1))
        .activate(at(1, 1))
        .orderAsset(AssetId.of("A-1"), CARD, at(1, 2))
        .proposeAmendment(AmendmentId.of("AM-1"), terms("6.00"), LocalDate.of(2026, 3, 1), Initiator.PROVIDER,
            at(1, 3));
  }

  @Test
  @DisplayName("agreement assertions pass on the truth and fail with the agreement's id otherwise")
  void agreementAssert() {
    Agreement a = agreement();
    assertThat(a).isInStatus(AgreementStatus.ACTIVE).hasCurrentVersion(1).hasVersionInForceOn(LocalDate.of(2026, 2, 1), 1)
        .hasEventTypes(AgreementEventType.CREATED, AgreementEventType.SIGNED, AgreementEventType.ACTIVATED,
            AgreementEventType.ASSET_ORDERED, AgreementEventType.AMENDMENT_PROPOSED)
        .hasLastEvent(AgreementEventType.AMENDMENT_PROPOSED)
        .allowsExactly(AgreementAction.SUSPEND, AgreementAction.REQUEST_TERMINATION, AgreementAction.TERMINATE,
            AgreementAction.EXPIRE, AgreementAction.RENEW, AgreementAction.AMEND)
        .hasAssetInStatus(AssetId.of("A-1"), AssetStatus.ORDERED)
        .hasAmendmentInStatus(AmendmentId.of("AM-1"), AmendmentStatus.PROPOSED)
        .isEntitledTo("help", day(2, 1))
        .isNotEntitledTo("lounge", day(2, 1), DenialReason.NOT_COVERED);

    assertThatThrownBy(() -> assertThat(a).isInStatus(AgreementStatus.SUSPENDED))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Expected agreement AG-1 to be SUSPENDED but was ACTIVE");
    assertThatThrownBy(() -> assertThat(a).hasCurrentVersion(2))
        .isInstanceOf(AssertionError.class).hasMessageContaining("to be at version 2 but was at version 1");
    assertThatThrownBy(() -> assertThat(a).hasVersionInForceOn(LocalDate.of(2025, 6, 1), 1))
        .isInstanceOf(AssertionError.class).hasMessageContaining("but found no terms in force");
    assertThatThrownBy(() -> assertThat(a).hasEventTypes(AgreementEventType.CREATED))
        .isInstanceOf(AssertionError.class).hasMessageContaining("history");
    assertThatThrownBy(() -> assertThat(a).hasLastEvent(AgreementEventType.CREATED))
        .isInstanceOf(AssertionError.class).hasMessageContaining("last event to be CREATED but was AMENDMENT_PROPOSED");
    assertThatThrownBy(() -> assertThat(a).allowsExactly(AgreementAction.SUSPEND))
        .isInstanceOf(AssertionError.class).hasMessageContaining("to allow exactly [SUSPEND]");
    assertThatThrownBy(() -> assertThat(a).hasAssetInStatus(AssetId.of("A-9"), AssetStatus.ORDERED))
        .isInstanceOf(AssertionError.class).hasMessageContaining("there is no such asset");
    assertThatThrownBy(() -> assertThat(a).hasAssetInStatus(AssetId.of("A-1"), AssetStatus.DELIVERED))
        .isInstanceOf(AssertionError.class).hasMessageContaining("it was ORDERED");
    assertThatThrownBy(() -> assertThat(a).hasAmendmentInStatus(AmendmentId.of("AM-1"), AmendmentStatus.APPLIED))
        .isInstanceOf(AssertionError.class).hasMessageContaining("it was PROPOSED");
    assertThatThrownBy(() -> assertThat(a).isEntitledTo("lounge", day(2, 1)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("does not cover service type 'lounge'");
    assertThatThrownBy(() -> assertThat(a).isNotEntitledTo("help", day(2, 1), DenialReason.NOT_COVERED))
        .isInstanceOf(AssertionError.class).hasMessageContaining("but it was allowed");
  }

  @Test
  @DisplayName("money assertions compare amount and currency")
  void moneyAssert() {
    Money m = Money.of("9.90", "EUR");
    assertThat(m).isEqualTo("9.9", "EUR").hasAmount("9.9").isInCurrency("EUR").isPositive();
    assertThat(Money.of("0", "EUR")).isZero();
    assertThat(Money.of("-1", "EUR")).isNegative();
    assertThatThrownBy(() -> assertThat(m).isEqualTo("9.91", "EUR"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Expected money to be 9.91 EUR but was 9.90 EUR");
    assertThatThrownBy(() -> assertThat(m).isInCurrency("USD"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Expected money in USD but was 9.90 EUR");
    assertThatThrownBy(() -> assertThat(m).hasAmount("1")).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(m).isZero()).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(m).isNegative()).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(Money.of("0", "EUR")).isPositive()).isInstanceOf(AssertionError.class);
  }

  @Test
  @DisplayName("entitlement check assertions name the service and the denial")
  void entitlementCheckAssert() {
    Agreement a = agreement();
    assertThat(Entitlements.check(a, "help", day(2, 1))).isAllowed().hasSla(SLA).hasRemaining(2);
    assertThat(Entitlements.check(a, "lounge", day(2, 1))).isDeniedBecause(DenialReason.NOT_COVERED);
    assertThatThrownBy(() -> assertThat(Entitlements.check(a, "lounge", day(2, 1))).isAllowed())
        .isInstanceOf(AssertionError.class).hasMessageContaining("Expected lounge to be allowed but it was denied as "
            + "NOT_COVERED");
    assertThatThrownBy(() -> assertThat(Entitlements.check(a, "help", day(2, 1)))
        .isDeniedBecause(DenialReason.AGREEMENT_SUSPENDED))
        .isInstanceOf(AssertionError.class).hasMessageContaining("but it was allowed");
    assertThatThrownBy(() -> assertThat(Entitlements.check(a, "help", day(2, 1))).hasRemaining(3))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Expected 3 unit(s) remaining but was 2");
    assertThatThrownBy(() -> assertThat(Entitlements.check(a, "lounge", day(2, 1))).hasSla(SLA))
        .isInstanceOf(AssertionError.class).hasMessageContaining("but was none");
  }

  @Test
  @DisplayName("fee assessment assertions show the rule's explanation on failure")
  void feeAssessmentAssert() {
    SecondCardFeeRule rule = SecondCardFeeRule.of("second-card", Set.of("CARD"));
    Agreement a = agreement().deliverAsset(AssetId.of("A-1"), at(1, 4));
    assertThat(rule.assess(a, LocalDate.of(2026, 1, 5))).isNotApplicable().hasFact("cardsHeld", "1")
        .hasExplanationContaining("holds 1 card(s)");
    Agreement two = a.replaceAsset(AssetId.of("A-1"), AssetId.of("A-2"), FaultParty.PROVIDER,
        LocalDate.of(2026, 1, 31), at(1, 5)).deliverAsset(AssetId.of("A-2"), at(1, 6));
    assertThat(rule.assess(two, LocalDate.of(2026, 1, 10))).isWaived(Money.of("3.00", "EUR"));
    assertThat(rule.assess(two, LocalDate.of(2026, 2, 1))).isCharged(Money.of("3.00", "EUR"));
    assertThatThrownBy(() -> assertThat(rule.assess(two, LocalDate.of(2026, 2, 1))).isNotApplicable())
        .isInstanceOf(AssertionError.class).hasMessageContaining("Expected second-card to be NOT_APPLICABLE but was "
            + "CHARGED 3.00 EUR");
    assertThatThrownBy(() -> assertThat(rule.assess(two, LocalDate.of(2026, 2, 1))).hasFact("cardsHeld", "3"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Expected fact cardsHeld=3");
    assertThatThrownBy(() -> assertThat(rule.assess(two, LocalDate.of(2026, 2, 1))).hasExplanationContaining("waived"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("to contain");
  }

  @Test
  @DisplayName("schedule assertions check total, count and due dates")
  void paymentScheduleAssert() {
    var schedule = agreement().paymentSchedule(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));
    assertThat(schedule).hasItemCount(3).hasTotal(Money.of("15.00", "EUR"))
        .hasDueDates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
    assertThatThrownBy(() -> assertThat(schedule).hasTotal(Money.of("16.00", "EUR")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Expected a total of 16.00 EUR but was 15.00 EUR");
    assertThatThrownBy(() -> assertThat(schedule).hasItemCount(2)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(schedule).hasDueDates(LocalDate.of(2026, 1, 1)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Expected due dates");
  }

  @Test
  @DisplayName("customer assertions cover kind, segments, consent and masking")
  void customerAssert() {
    Customer c = Individual.builder().id(CustomerId.of("C-1")).name(PersonalData.name("Dana Levi"))
        .addSegments(Segment.of("private"))
        .addContactPoints(ContactPoint.of(Channel.EMAIL, PersonalData.email("dana@example.com")))
        .build()
        .withConsent(ConsentRecord.builder().purpose(ConsentPurpose.MARKETING).channel(Channel.EMAIL)
            .decision(ConsentDecision.GRANTED).validFrom(day(1, 1)).recordedAt(day(1, 1))
            .evidence(Evidence.of(day(1, 1), Channel.WEB, EvidenceMethod.CLICKWRAP, "c-1")).build());
    assertThat(c).isIndividual().isIn(Segment.of("private"))
        .allows(ConsentPurpose.MARKETING, Channel.EMAIL, day(2, 1))
        .doesNotAllow(ConsentPurpose.MARKETING, Channel.SMS, day(2, 1))
        .doesNotRevealInToString("Dana", "Levi", "dana@example.com");
    assertThatThrownBy(() -> assertThat(c).isBusiness()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be a business but it is an individual");
    assertThatThrownBy(() -> assertThat(c).isIn(Segment.of("senior"))).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be in segment senior");
    assertThatThrownBy(() -> assertThat(c).allows(ConsentPurpose.MARKETING, Channel.SMS, day(2, 1)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("the record in force is none");
    assertThatThrownBy(() -> assertThat(c).doesNotAllow(ConsentPurpose.MARKETING, Channel.EMAIL, day(2, 1)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("a grant is in force");
    assertThatThrownBy(() -> assertThat(c).doesNotRevealInToString("C-1")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("shows a value of length 3");
  }
}
