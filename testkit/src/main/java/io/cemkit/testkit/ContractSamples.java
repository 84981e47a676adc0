package io.cemkit.testkit;

import io.cemkit.core.Actor;
import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementItem;
import io.cemkit.core.AgreementItemId;
import io.cemkit.core.AgreementTerms;
import io.cemkit.core.AmendmentId;
import io.cemkit.core.AssetId;
import io.cemkit.core.BillingFrequency;
import io.cemkit.core.Business;
import io.cemkit.core.BusinessContact;
import io.cemkit.core.ChangeContext;
import io.cemkit.core.Channel;
import io.cemkit.core.ChannelSwitch;
import io.cemkit.core.Charge;
import io.cemkit.core.ChargeBasis;
import io.cemkit.core.ChargeId;
import io.cemkit.core.ConsentDecision;
import io.cemkit.core.ConsentLedger;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.ConsentRecord;
import io.cemkit.core.ContactPoint;
import io.cemkit.core.Continuation;
import io.cemkit.core.ContinuationId;
import io.cemkit.core.ContinuationStatus;
import io.cemkit.core.ContinuationToken;
import io.cemkit.core.CustomerId;
import io.cemkit.core.CustomerStatus;
import io.cemkit.core.DateRange;
import io.cemkit.core.Direction;
import io.cemkit.core.Entitlement;
import io.cemkit.core.EntitlementId;
import io.cemkit.core.Evidence;
import io.cemkit.core.EvidenceMethod;
import io.cemkit.core.FaultParty;
import io.cemkit.core.Fee;
import io.cemkit.core.ImmutableAgreementTerms;
import io.cemkit.core.ImmutableInteraction;
import io.cemkit.core.Individual;
import io.cemkit.core.Initiator;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionClass;
import io.cemkit.core.InteractionId;
import io.cemkit.core.InvoiceId;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Money;
import io.cemkit.core.Periodicity;
import io.cemkit.core.PersonalData;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.Product;
import io.cemkit.core.ProductKind;
import io.cemkit.core.ProviderId;
import io.cemkit.core.QuotaPeriod;
import io.cemkit.core.RenewalPolicy;
import io.cemkit.core.Segment;
import io.cemkit.core.Sentiment;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.Touchpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;

/**
 * The sample records the storage contracts write and read back. Every instant is fixed, so a
 * contract run is deterministic; the records are rich (personal data, consents, a whole agreement
 * history) so that an adapter that drops or reshapes a field fails the round trip.
 */
final class ContractSamples {
  static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
  static final Currency ILS = Currency.getInstance("ILS");
  static final CustomerId DANA = CustomerId.of("C-1001");
  static final CustomerId ACME = CustomerId.of("C-2002");
  static final CustomerId NOA = CustomerId.of("C-3003");
  static final AgreementId AGREEMENT = AgreementId.of("AG-42");
  static final ProviderId BANK = ProviderId.of("bank");
  static final AgreementItemId ACCOUNT = AgreementItemId.of("account");
  static final AgreementItemId CARD = AgreementItemId.of("card");
  static final AgreementItemId ROUTER = AgreementItemId.of("router");
  static final EntitlementId SUPPORT = EntitlementId.of("support");
  static final EntitlementId CARD_REPLACEMENT = EntitlementId.of("card-replacement");
  static final Actor AGENT = Actor.agent("a-17");
  /** A moment every sample interaction and continuation is placed relative to. */
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private ContractSamples() {}

  // ------------------------------------------------------------------ time

  /** Noon in the agreements' zone on the given date. */
  static Instant noon(int year, int month, int day) {
    return LocalDate.of(year, month, day).atTime(12, 0).atZone(ZONE).toInstant();
  }

  static ChangeContext ctx(Instant at, String reason) {
    return ChangeContext.of(Clock.fixed(at, ZoneOffset.UTC), AGENT, Channel.BRANCH, reason);
  }

  static ChangeContext ctx(int year, int month, int day) {
    return ctx(noon(year, month, day), "contract sample");
  }

  static Evidence evidence(Instant at) {
    return Evidence.of(at, Channel.BRANCH, EvidenceMethod.SIGNATURE, "DOC-" + at.getEpochSecond());
  }

  // ------------------------------------------------------------------ customers

  static ConsentRecord marketingGrant() {
    Instant at = Instant.parse("2026-01-01T10:00:00Z");
    return ConsentRecord.builder().purpose(ConsentPurpose.MARKETING).decision(ConsentDecision.GRANTED)
        .validFrom(at).recordedAt(at).evidence(Evidence.of(at, Channel.WEB, EvidenceMethod.CLICKWRAP, "CLICK-1"))
        .build();
  }

  static ConsentRecord whatsappWithdrawal() {
    return ConsentRecord.builder().purpose(ConsentPurpose.MARKETING).channel(Channel.WHATSAPP)
        .decision(ConsentDecision.WITHDRAWN).validFrom(Instant.parse("2026-01-10T00:00:00Z"))
        .validUntil(Instant.parse("2026-07-01T00:00:00Z")).recordedAt(Instant.parse("2026-01-12T08:15:00Z"))
        .evidence(Evidence.builder().at(Instant.parse("2026-01-11T16:00:00Z")).channel(Channel.PHONE)
            .method(EvidenceMethod.RECORDED_CALL).reference("CALL-5521").capturedBy(AGENT).build())
        .build();
  }

  /** A survey decision recorded after the sample ledger's records, with its own evidence reference. */
  static ConsentRecord surveyGrant(String reference) {
    Instant at = Instant.parse("2026-02-01T09:30:00Z");
    return ConsentRecord.builder().purpose(ConsentPurpose.SURVEYS).channel(Channel.EMAIL)
        .decision(ConsentDecision.GRANTED).validFrom(at).recordedAt(at)
        .evidence(Evidence.of(at, Channel.EMAIL, EvidenceMethod.OTP, reference)).build();
  }

  static ConsentLedger ledger() {
    return ConsentLedger.empty().append(marketingGrant()).append(whatsappWithdrawal());
  }

  /** An individual with every field set: name, national id, language, contact points, consents. */
  static Individual dana() {
    return Individual.builder().id(DANA).name(PersonalData.name("Dana Levi"))
        .status(CustomerStatus.ACTIVE).nationalId(PersonalData.nationalId("302817465")).preferredLanguage("he")
        .addSegments(Segment.of("private"), Segment.of("young"))
        .addContactPoints(ContactPoint.builder().channel(Channel.EMAIL).address(PersonalData.email("dana@example.com"))
            .preferred(true).verified(true).build())
        .addContactPoints(ContactPoint.of(Channel.WHATSAPP, PersonalData.phone("+972-54-1234567")))
        .addContactPoints(ContactPoint.of(Channel.LETTER, PersonalData.address("12 Herzl Street, Tel Aviv")))
        .addContactPoints(ContactPoint.of(Channel.SOCIAL, PersonalData.of(PersonalData.Kind.OTHER, "@dana_levi")))
        .consents(ledger())
        .build();
  }

  /** A business with contacts in roles, a tax id and consents. */
  static Business acme() {
    return Business.builder().id(ACME).legalName("Acme Ltd").taxId("IL-513456789")
        .status(CustomerStatus.CLOSED).addSegments(Segment.of("business"))
        .addContacts(BusinessContact.builder().name(PersonalData.name("Rina Mor")).role("billing").primary(true)
            .addContactPoints(ContactPoint.of(Channel.EMAIL, PersonalData.email("rina@acme.example"))).build())
        .addContacts(BusinessContact.builder().name(PersonalData.name("Ben Tal")).role("technical").build())
        .addContactPoints(ContactPoint.of(Channel.FAX, PersonalData.phone("03-5551234")))
        .consents(ledger())
        .build();
  }

  /** A minimal individual. */
  static Individual person(String id, String name) {
    return Individual.builder().id(CustomerId.of(id)).name(PersonalData.name(name)).build();
  }

  /** The same id as {@link #dana()}, as a business. */
  static Business danaAsBusiness() {
    return Business.builder().id(DANA).legalName("Dana Levi Ltd").consents(ledger()).build();
  }

  // ------------------------------------------------------------------ agreements

  static Charge monthlyFee(String amount) {
    return Charge.builder().id(ChargeId.of("monthly-fee")).description("Monthly account fee")
        .basis(ChargeBasis.SERVICE).item(ACCOUNT).amount(Money.of(amount, "ILS"))
        .periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build();
  }

  static ImmutableAgreementTerms.Builder termsBuilder() {
    return AgreementTerms.builder()
        .term(DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
        .renewal(RenewalPolicy.automatic(Period.ofYears(1)))
        .currency(ILS)
        .addItems(AgreementItem.of(ACCOUNT, Product.of("CHECKING", "Checking account", ProductKind.SERVICE)))
        .addItems(AgreementItem.of(CARD, Product.of("CARD-GOLD", "Gold credit card", ProductKind.PHYSICAL)))
        .addItems(AgreementItem.of(ROUTER, Product.installed("ROUTER-X", "Fibre router")))
        .addEntitlements(Entitlement.builder().id(SUPPORT).serviceType("phone-support")
            .sla(SlaTarget.of(Duration.ofHours(4), Duration.ofDays(2))).build())
        .addEntitlements(Entitlement.builder().id(CARD_REPLACEMENT).serviceType("card-replacement")
            .item(CARD).quota(2).quotaPeriod(QuotaPeriod.YEAR).build())
        .addFees(Fee.of("second-card-fee", "Monthly fee per additional card", Money.of("15.00", "ILS")));
  }

  /** A draft of agreement {@code id} for {@code customer}, created on 2025-12-20. */
  static Agreement draft(AgreementId id, CustomerId customer) {
    return Agreement.draft(id, customer, BANK, ZONE, termsBuilder().addCharges(monthlyFee("9.90")).build(),
        ctx(2025, 12, 20));
  }

  /** Agreement {@code id} signed on 2025-12-21 and activated on 2026-01-01. */
  static Agreement active(AgreementId id, CustomerId customer) {
    Instant signed = noon(2025, 12, 21);
    return draft(id, customer).sign(evidence(signed), ctx(signed, "contract sample")).activate(ctx(2026, 1, 1));
  }

  /** {@link #active(AgreementId, CustomerId)} of {@link #AGREEMENT} for {@link #DANA}. */
  static Agreement active() {
    return active(AGREEMENT, DANA);
  }

  /**
   * Agreement {@link #AGREEMENT} with a full history: signed, activated, a card delivered, replaced
   * for a provider error and returned, a router installed, an amendment proposed, accepted and
   * applied (version 2), another rejected, usage recorded, a suspension and a resumption, and
   * notice of termination.
   */
  static Agreement withHistory() {
    AssetId card1 = AssetId.of("A-1");
    AssetId card2 = AssetId.of("A-2");
    AssetId router = AssetId.of("R-1");
    AmendmentId priceRise = AmendmentId.of("AM-1");
    AmendmentId discount = AmendmentId.of("AM-2");
    return active()
        .orderAsset(card1, CARD, ctx(2026, 1, 2))
        .deliverAsset(card1, "SN-0001", ctx(2026, 1, 5))
        .replaceAsset(card1, card2, FaultParty.PROVIDER, LocalDate.of(2026, 2, 15), ctx(2026, 1, 6))
        .deliverAsset(card2, ctx(2026, 1, 20))
        .putAssetInService(card2, ctx(2026, 1, 20))
        .returnAsset(card1, ctx(2026, 1, 25))
        .orderAsset(router, ROUTER, ctx(2026, 1, 26))
        .deliverAsset(router, "RT-77", ctx(2026, 1, 27))
        .installAsset(router, ctx(2026, 1, 28))
        .proposeAmendment(priceRise, termsBuilder().addCharges(monthlyFee("12.90")).build(), LocalDate.of(2026, 3, 1),
            Initiator.PROVIDER, noon(2026, 2, 28), ctx(2026, 1, 29))
        .acceptAmendment(priceRise, evidence(noon(2026, 1, 30)), ctx(2026, 1, 30))
        .recordUsage(CARD_REPLACEMENT, 1, ctx(2026, 1, 31))
        .recordUsage(SUPPORT, 2, ctx(2026, 2, 1))
        .proposeAmendment(discount, termsBuilder().addCharges(monthlyFee("11.90")).build(), LocalDate.of(2026, 4, 1),
            Initiator.CUSTOMER, ctx(2026, 2, 2))
        .rejectAmendment(discount, ctx(2026, 2, 3))
        .suspend(ctx(2026, 2, 10))
        .resume(ctx(2026, 2, 11))
        .applyAmendment(priceRise, ctx(2026, 3, 1))
        .requestTermination(LocalDate.of(2026, 6, 30), ctx(2026, 3, 2));
  }

  // ------------------------------------------------------------------ interactions

  /** An open inbound phone call of {@code customer}. */
  static Interaction call(String id, CustomerId customer, Instant startedAt) {
    return phoneBuilder(id, customer, startedAt).direction(Direction.INBOUND).build();
  }

  /** An open phone interaction of {@code customer}, without its direction yet. */
  static ImmutableInteraction.Builder phoneBuilder(String id, CustomerId customer, Instant startedAt) {
    return Interaction.builder().id(InteractionId.of(id)).customer(customer).channel(Channel.PHONE)
        .classification(InteractionClass.of("billing.dispute")).startedAt(startedAt).performer(AGENT);
  }

  /** {@code open}, closed ten minutes after its start with an outcome. */
  static Interaction closed(Interaction open, String outcome) {
    return ImmutableInteraction.copyOf(open).withEndedAt(open.startedAt().plus(Duration.ofMinutes(10)))
        .withOutcome(outcome);
  }

  /** A closed outbound interaction with every optional field set, including a free-text summary. */
  static Interaction fullInteraction() {
    return Interaction.builder().id(InteractionId.of("I-900")).customer(DANA).channel(Channel.WHATSAPP)
        .direction(Direction.OUTBOUND).classification(InteractionClass.of("service.activation"))
        .purpose(ConsentPurpose.SERVICE).touchpoint(Touchpoint.of("activation-message"))
        .stage(JourneyStage.ONBOARDING).startedAt(T0).endedAt(T0.plus(Duration.ofMinutes(7)))
        .performer(Actor.bot("activation-bot")).outcome("resolved").sentiment(Sentiment.of(0.6, Sentiment.Source.MODEL))
        .summary(PersonalData.freeText("Dana confirmed the card arrived; asked about the PIN."))
        .agreement(AGREEMENT).amendment(AmendmentId.of("AM-1")).processInstance(ProcessInstanceId.of("P-77"))
        .invoice(InvoiceId.of("INV-2026-03")).continuation(ContinuationId.of("K-1"))
        .corrects(InteractionId.of("I-899"))
        .build();
  }

  // ------------------------------------------------------------------ continuations

  /** A fixed, valid token: 22 URL-safe characters ending in {@code n} (0 to 999). */
  static ContinuationToken token(int n) {
    return ContinuationToken.of(String.format(java.util.Locale.ROOT, "kit-Token_Contract%04d", n));
  }

  /** An open loan application of {@code customer} started on the web and moved to the branch. */
  static Continuation application(String id, CustomerId customer, ContinuationToken token, Instant startedAt) {
    return Continuation.builder().id(ContinuationId.of(id)).customer(customer).action("loan-application")
        .token(token).status(ContinuationStatus.OPEN).step("documents-uploaded")
        .putProgress("amount", "25000").putProgress("purpose", "car")
        .startedOn(Channel.WEB).lastChannel(Channel.BRANCH).startedAt(startedAt)
        .updatedAt(startedAt.plus(Duration.ofHours(2))).expiresAt(startedAt.plus(Duration.ofDays(14)))
        .processInstance(ProcessInstanceId.of("P-" + id))
        .addSwitches(ChannelSwitch.of(Channel.WEB, Channel.BRANCH, startedAt.plus(Duration.ofHours(2)),
            io.cemkit.core.Actor.agent("banker-17"), InteractionId.of("I-switch-" + id)))
        .build();
  }
}
