package io.cemkit.core;

import static io.cemkit.core.Fixtures.ACCOUNT;
import static io.cemkit.core.Fixtures.CARD;
import static io.cemkit.core.Fixtures.ILS;
import static io.cemkit.core.Fixtures.ROUTER;
import static io.cemkit.core.Fixtures.active;
import static io.cemkit.core.Fixtures.cardReplacements;
import static io.cemkit.core.Fixtures.ctx;
import static io.cemkit.core.Fixtures.evidence;
import static io.cemkit.core.Fixtures.ils;
import static io.cemkit.core.Fixtures.monthlyFee;
import static io.cemkit.core.Fixtures.noon;
import static io.cemkit.core.Fixtures.support;
import static io.cemkit.core.Fixtures.termsBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonRoundTripTest {
  private static final ObjectMapper MAPPER = Cemkit.objectMapper();

  static final AssetId CARD_1 = AssetId.of("A-1");
  static final AssetId CARD_2 = AssetId.of("A-2");
  static final AssetId ROUTER_1 = AssetId.of("R-1");
  static final AmendmentId AM_1 = AmendmentId.of("AM-1");
  static final AmendmentId AM_2 = AmendmentId.of("AM-2");

  /**
   * An agreement with a full history: signed, activated, a card delivered, replaced for a provider
   * error and returned, a router installed, an amendment proposed, accepted and applied, another
   * rejected, usage recorded, a suspension and a resumption, and notice of termination.
   */
  static Agreement agreementWithHistory() {
    return active()
        .orderAsset(CARD_1, CARD, ctx(2026, 1, 2))
        .deliverAsset(CARD_1, "SN-0001", ctx(2026, 1, 5))
        .replaceAsset(CARD_1, CARD_2, FaultParty.PROVIDER, LocalDate.of(2026, 2, 15), ctx(2026, 1, 6))
        .deliverAsset(CARD_2, ctx(2026, 1, 20))
        .putAssetInService(CARD_2, ctx(2026, 1, 20))
        .returnAsset(CARD_1, ctx(2026, 1, 25))
        .orderAsset(ROUTER_1, ROUTER, ctx(2026, 1, 26))
        .deliverAsset(ROUTER_1, "RT-77", ctx(2026, 1, 27))
        .installAsset(ROUTER_1, ctx(2026, 1, 28))
        .proposeAmendment(AM_1, termsBuilder().addCharges(monthlyFee("12.90")).build(), LocalDate.of(2026, 3, 1),
            Initiator.PROVIDER, noon(2026, 2, 28), ctx(2026, 1, 29))
        .acceptAmendment(AM_1, evidence(noon(2026, 1, 30)), ctx(2026, 1, 30))
        .recordUsage(EntitlementId.of("card-replacement"), 1, ctx(2026, 1, 31))
        .recordUsage(EntitlementId.of("support"), 2, ctx(2026, 2, 1))
        .proposeAmendment(AM_2, termsBuilder().addCharges(monthlyFee("11.90")).build(), LocalDate.of(2026, 4, 1),
            Initiator.CUSTOMER, ctx(2026, 2, 2))
        .rejectAmendment(AM_2, ctx(2026, 2, 3))
        .suspend(ctx(2026, 2, 10))
        .resume(ctx(2026, 2, 11))
        .applyAmendment(AM_1, ctx(2026, 3, 1))
        .requestTermination(LocalDate.of(2026, 6, 30), ctx(2026, 3, 2));
  }

  private static <T> T roundTrip(T value, Class<T> type) throws Exception {
    String json = MAPPER.writeValueAsString(value);
    T back = MAPPER.readValue(json, type);
    assertThat(back).as(json).isEqualTo(value);
    assertThat(back.hashCode()).isEqualTo(value.hashCode());
    assertThat(MAPPER.writeValueAsString(back)).isEqualTo(json);
    return back;
  }

  private static Set<String> fieldNames(Object value) throws Exception {
    JsonNode tree = MAPPER.valueToTree(value);
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  // ------------------------------------------------------------------ sample values

  static Charge installmentsCharge() {
    return Charge.builder().id(ChargeId.of("router-price")).description("Router, 3 installments")
        .basis(ChargeBasis.SALE).item(ROUTER).amount(ils("600.00"))
        .periodicity(Periodicity.installments(3, BillingFrequency.MONTHLY)).dueRule(DueRule.dayOfMonth(10))
        .start(LocalDate.of(2026, 2, 1)).build();
  }

  static Charge consumptionCharge() {
    return Charge.builder().id(ChargeId.of("data")).description("Mobile data").basis(ChargeBasis.CONSUMPTION)
        .amount(ils("2.50")).unit("GB").periodicity(Periodicity.recurring(BillingFrequency.MONTHLY, 12))
        .dueRule(DueRule.daysAfterIssue(14)).build();
  }

  static Charge oneTimeCharge() {
    return Charge.builder().id(ChargeId.of("setup")).description("Setup fee").basis(ChargeBasis.SERVICE)
        .amount(ils("49.00")).periodicity(Periodicity.oneTime()).dueRule(DueRule.inArrears()).build();
  }

  static Entitlement technicianVisits() {
    return Entitlement.builder().id(EntitlementId.of("visits")).serviceType("technician-visit").item(ROUTER)
        .quota(1).quotaPeriod(QuotaPeriod.MONTH).addChannels(Channel.PHONE, Channel.APP)
        .validity(DateRange.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 11, 30)))
        .sla(SlaTarget.of(Duration.ofHours(8), Duration.ofDays(3), "il-business-hours")).build();
  }

  static AgreementTerms richTerms() {
    return AgreementTerms.builder().term(DateRange.from(LocalDate.of(2026, 1, 1)))
        .renewal(RenewalPolicy.builder().mode(RenewalMode.MANUAL).renewalTerm(Period.ofMonths(6))
            .notice(Period.ofDays(60)).build())
        .currency(ILS)
        .addItems(AgreementItem.of(ACCOUNT, Product.of("CHECKING", "Checking account", ProductKind.SERVICE)))
        .addItems(AgreementItem.builder().id(ROUTER).product(Fixtures.ROUTER_PRODUCT).quantity(2).build())
        .addEntitlements(support(), cardReplacementsOnAccount(), technicianVisits())
        .addCharges(monthlyFee("9.90"), installmentsCharge(), consumptionCharge(), oneTimeCharge())
        .build();
  }

  private static Entitlement cardReplacementsOnAccount() {
    return ImmutableEntitlement.copyOf(cardReplacements(2)).withItem(ACCOUNT);
  }

  static ConsentRecord consentRecord() {
    return ConsentRecord.builder().purpose(ConsentPurpose.MARKETING).channel(Channel.WHATSAPP)
        .decision(ConsentDecision.WITHDRAWN).validFrom(Instant.parse("2026-01-10T00:00:00Z"))
        .validUntil(Instant.parse("2026-07-01T00:00:00Z")).recordedAt(Instant.parse("2026-01-12T08:15:00Z"))
        .evidence(Evidence.builder().at(Instant.parse("2026-01-11T16:00:00Z")).channel(Channel.PHONE)
            .method(EvidenceMethod.RECORDED_CALL).reference("CALL-5521").capturedBy(Actor.agent("a-17")).build())
        .build();
  }

  static ConsentLedger consentLedger() {
    ConsentRecord grant = ConsentRecord.builder().purpose(ConsentPurpose.MARKETING)
        .decision(ConsentDecision.GRANTED).validFrom(Instant.parse("2026-01-01T10:00:00Z"))
        .recordedAt(Instant.parse("2026-01-01T10:00:00Z"))
        .evidence(Evidence.of(Instant.parse("2026-01-01T10:00:00Z"), Channel.WEB, EvidenceMethod.CLICKWRAP,
            "CLICK-1"))
        .build();
    return ConsentLedger.empty().append(grant).append(consentRecord());
  }

  static Individual individual() {
    return Individual.builder().id(CustomerId.of("C-1001")).name(PersonalData.name("Dana Levi"))
        .status(CustomerStatus.PROSPECT).nationalId(PersonalData.nationalId("302817465")).preferredLanguage("he")
        .addSegments(Segment.of("private"), Segment.of("young"))
        .addContactPoints(ContactPoint.builder().channel(Channel.EMAIL).address(PersonalData.email("dana@example.com"))
            .preferred(true).verified(true).build())
        .addContactPoints(ContactPoint.of(Channel.WHATSAPP, PersonalData.phone("+972-54-1234567")))
        .addContactPoints(ContactPoint.of(Channel.LETTER, PersonalData.address("12 Herzl Street, Tel Aviv")))
        .addContactPoints(ContactPoint.of(Channel.SOCIAL, PersonalData.of(PersonalData.Kind.OTHER, "@dana_levi")))
        .consents(consentLedger())
        .build();
  }

  static Business business() {
    return Business.builder().id(CustomerId.of("C-2002")).legalName("Acme Ltd").taxId("IL-513456789")
        .status(CustomerStatus.CLOSED).addSegments(Segment.of("business"))
        .addContacts(BusinessContact.builder().name(PersonalData.name("Rina Mor")).role("billing").primary(true)
            .addContactPoints(ContactPoint.of(Channel.EMAIL, PersonalData.email("rina@acme.example"))).build())
        .addContacts(BusinessContact.builder().name(PersonalData.name("Ben Tal")).role("technical").build())
        .addContactPoints(ContactPoint.of(Channel.FAX, PersonalData.phone("03-5551234")))
        .consents(consentLedger())
        .build();
  }

  static DueItem consumptionDueItem() {
    return DueItem.builder().charge(ChargeId.of("data")).description("Mobile data").basis(ChargeBasis.CONSUMPTION)
        .occurrence(2).occurrences(12).servicePeriod(DateRange.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)))
        .dueDate(LocalDate.of(2026, 3, 15)).amount(ils("31.25")).quantity(new BigDecimal("12.500"))
        .agreementVersion(1).build();
  }

  // ------------------------------------------------------------------ one round trip per value type

  static Stream<Arguments> values() {
    Agreement agreement = agreementWithHistory();
    List<Arguments> cases = new ArrayList<>();
    cases.add(Arguments.of("Money EUR", Money.of("9.90", "EUR"), Money.class));
    cases.add(Arguments.of("Money JPY", Money.of("1500", "JPY"), Money.class));
    cases.add(Arguments.of("Money negative", Money.of("-0.05", "USD"), Money.class));
    cases.add(Arguments.of("Money huge", Money.of("12345678901234567890.12", "ILS"), Money.class));
    cases.add(Arguments.of("Money BHD", Money.of("1.234", "BHD"), Money.class));
    cases.add(Arguments.of("Periodicity one-time", Periodicity.oneTime(), Periodicity.class));
    cases.add(Arguments.of("Periodicity installments",
        Periodicity.installments(3, BillingFrequency.MONTHLY), Periodicity.class));
    cases.add(Arguments.of("Periodicity recurring", Periodicity.recurring(BillingFrequency.WEEKLY), Periodicity.class));
    cases.add(Arguments.of("Periodicity recurring n times",
        Periodicity.recurring(BillingFrequency.QUARTERLY, 4), Periodicity.class));
    cases.add(Arguments.of("Periodicity recurring until",
        Periodicity.recurringUntil(BillingFrequency.ANNUAL, LocalDate.of(2030, 1, 1)), Periodicity.class));
    cases.add(Arguments.of("Periodicity recurring limited both ways", ImmutableRecurring.builder()
        .frequency(BillingFrequency.SEMIANNUAL).occurrences(3).endExclusive(LocalDate.of(2028, 1, 1)).build(),
        Periodicity.class));
    cases.add(Arguments.of("DueRule in-advance", DueRule.inAdvance(), DueRule.class));
    cases.add(Arguments.of("DueRule in-arrears", DueRule.inArrears(), DueRule.class));
    cases.add(Arguments.of("DueRule days-after-issue 0", DueRule.daysAfterIssue(0), DueRule.class));
    cases.add(Arguments.of("DueRule days-after-issue 30", DueRule.daysAfterIssue(30), DueRule.class));
    cases.add(Arguments.of("DueRule day-of-month 1", DueRule.dayOfMonth(1), DueRule.class));
    cases.add(Arguments.of("DueRule day-of-month 31", DueRule.dayOfMonth(31), DueRule.class));
    cases.add(Arguments.of("DateRange open", DateRange.from(LocalDate.of(2026, 1, 1)), DateRange.class));
    cases.add(Arguments.of("DateRange closed",
        DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), DateRange.class));
    cases.add(Arguments.of("DateRange one day",
        DateRange.of(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 2, 29)), DateRange.class));
    cases.add(Arguments.of("RenewalPolicy none", RenewalPolicy.none(), RenewalPolicy.class));
    cases.add(Arguments.of("RenewalPolicy automatic", RenewalPolicy.automatic(Period.ofYears(1)), RenewalPolicy.class));
    cases.add(Arguments.of("RenewalPolicy manual with notice", RenewalPolicy.builder().mode(RenewalMode.MANUAL)
        .renewalTerm(Period.ofMonths(6)).notice(Period.ofDays(60)).build(), RenewalPolicy.class));
    cases.add(Arguments.of("Product", Fixtures.CARD_PRODUCT, Product.class));
    cases.add(Arguments.of("Product installed", Fixtures.ROUTER_PRODUCT, Product.class));
    cases.add(Arguments.of("Product digital", Product.of("APP-PRO", "Pro app licence", ProductKind.DIGITAL),
        Product.class));
    cases.add(Arguments.of("AgreementItem", AgreementItem.of(CARD, Fixtures.CARD_PRODUCT), AgreementItem.class));
    cases.add(Arguments.of("AgreementItem quantity", AgreementItem.builder().id(ROUTER)
        .product(Fixtures.ROUTER_PRODUCT).quantity(3).build(), AgreementItem.class));
    cases.add(Arguments.of("SlaTarget", SlaTarget.of(Duration.ofHours(4), Duration.ofDays(2)), SlaTarget.class));
    cases.add(Arguments.of("SlaTarget with calendar",
        SlaTarget.of(Duration.ofMinutes(30), Duration.ofHours(8), "il-business-hours"), SlaTarget.class));
    cases.add(Arguments.of("Entitlement", support(), Entitlement.class));
    cases.add(Arguments.of("Entitlement with quota", cardReplacements(2), Entitlement.class));
    cases.add(Arguments.of("Entitlement with everything", technicianVisits(), Entitlement.class));
    cases.add(Arguments.of("Charge recurring", monthlyFee("9.90"), Charge.class));
    cases.add(Arguments.of("Charge installments", installmentsCharge(), Charge.class));
    cases.add(Arguments.of("Charge consumption", consumptionCharge(), Charge.class));
    cases.add(Arguments.of("Charge one-time", oneTimeCharge(), Charge.class));
    cases.add(Arguments.of("AgreementTerms", Fixtures.terms(), AgreementTerms.class));
    cases.add(Arguments.of("AgreementTerms rich", richTerms(), AgreementTerms.class));
    for (AgreementVersion version : agreement.versions()) {
      cases.add(Arguments.of("AgreementVersion " + version.number(), version, AgreementVersion.class));
    }
    for (Asset asset : agreement.assets()) {
      cases.add(Arguments.of("Asset " + asset.id(), asset, Asset.class));
    }
    for (Amendment amendment : agreement.amendments()) {
      cases.add(Arguments.of("Amendment " + amendment.id() + " " + amendment.status(), amendment, Amendment.class));
    }
    for (AgreementEvent event : agreement.events()) {
      cases.add(Arguments.of("AgreementEvent " + event.sequence() + " " + event.type(), event, AgreementEvent.class));
    }
    cases.add(Arguments.of("Evidence", Evidence.of(Instant.parse("2026-01-15T09:30:00Z"), Channel.SMS,
        EvidenceMethod.OTP, "OTP-88412"), Evidence.class));
    cases.add(Arguments.of("Evidence captured by", consentRecord().evidence(), Evidence.class));
    for (ActorKind kind : ActorKind.values()) {
      cases.add(Arguments.of("Actor " + kind, Actor.of(kind, "x-" + kind.ordinal()), Actor.class));
    }
    cases.add(Arguments.of("ContactPoint", ContactPoint.of(Channel.SMS, PersonalData.phone("+972-54-1234567")),
        ContactPoint.class));
    cases.add(Arguments.of("ContactPoint preferred verified", individual().contactPoints().get(0),
        ContactPoint.class));
    for (PersonalData.Kind kind : PersonalData.Kind.values()) {
      cases.add(Arguments.of("PersonalData " + kind, PersonalData.of(kind, PersonalDataTest.sample(kind)),
          PersonalData.class));
    }
    cases.add(Arguments.of("PersonalData Hebrew name", PersonalData.name("דנה לוי"), PersonalData.class));
    cases.add(Arguments.of("ConsentRecord", consentRecord(), ConsentRecord.class));
    cases.add(Arguments.of("ConsentLedger empty", ConsentLedger.empty(), ConsentLedger.class));
    cases.add(Arguments.of("ConsentLedger", consentLedger(), ConsentLedger.class));
    cases.add(Arguments.of("BusinessContact", business().contacts().get(0), BusinessContact.class));
    cases.add(Arguments.of("Individual as Customer", individual(), Customer.class));
    cases.add(Arguments.of("Individual", individual(), Individual.class));
    cases.add(Arguments.of("Individual minimal as Customer", Individual.builder().id(CustomerId.of("C-1"))
        .name(PersonalData.name("X Y")).build(), Customer.class));
    cases.add(Arguments.of("Business as Customer", business(), Customer.class));
    cases.add(Arguments.of("Business", business(), Business.class));
    cases.add(Arguments.of("Business minimal as Customer", Business.builder().id(CustomerId.of("C-2"))
        .legalName("Acme Ltd").build(), Customer.class));
    cases.add(Arguments.of("EntitlementCheck allowed",
        agreement.checkEntitlement("phone-support", noon(2026, 3, 5)), EntitlementCheck.class));
    cases.add(Arguments.of("EntitlementCheck with quota",
        agreement.checkEntitlement("card-replacement", noon(2026, 3, 5)), EntitlementCheck.class));
    cases.add(Arguments.of("EntitlementCheck denied",
        agreement.checkEntitlement("home-visit", noon(2026, 3, 5)), EntitlementCheck.class));
    SecondCardFeeRule rule = SecondCardFeeRule.of("second-card-fee", Set.of("CARD-GOLD"));
    cases.add(Arguments.of("FeeAssessment not applicable", rule.assess(agreement, LocalDate.of(2026, 1, 3)),
        FeeAssessment.class));
    cases.add(Arguments.of("FeeAssessment waived", rule.assess(agreement, LocalDate.of(2026, 1, 21)),
        FeeAssessment.class));
    PaymentSchedule schedule = agreement.paymentSchedule(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
    cases.add(Arguments.of("PaymentSchedule", schedule, PaymentSchedule.class));
    cases.add(Arguments.of("PaymentSchedule empty", agreement.paymentSchedule(LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 1, 1)), PaymentSchedule.class));
    cases.add(Arguments.of("DueItem", schedule.items().get(0), DueItem.class));
    cases.add(Arguments.of("DueItem consumption", consumptionDueItem(), DueItem.class));
    cases.add(Arguments.of("Agreement draft", Fixtures.draft(), Agreement.class));
    cases.add(Arguments.of("Agreement active", active(), Agreement.class));
    cases.add(Arguments.of("Agreement with history", agreement, Agreement.class));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  @DisplayName("readValue(writeValueAsString(x), X.class) equals x, and writes the same JSON again")
  void roundTripsEveryValueType(String name, Object value, Class<?> type) throws Exception {
    String json = MAPPER.writeValueAsString(value);

    Object back = MAPPER.readValue(json, type);

    assertThat(back).as(json).isInstanceOf(type).isEqualTo(value);
    assertThat(back.hashCode()).isEqualTo(value.hashCode());
    assertThat(MAPPER.writeValueAsString(back)).isEqualTo(json);
    assertThat(json).doesNotContain("Immutable").doesNotContain("@class").doesNotContain("io.cemkit");
  }

  static Stream<Arguments> ids() {
    return Stream.of(
        Arguments.of(CustomerId.of("C-1001"), CustomerId.class, "\"C-1001\""),
        Arguments.of(AgreementId.of("AG-42"), AgreementId.class, "\"AG-42\""),
        Arguments.of(AgreementItemId.of("card"), AgreementItemId.class, "\"card\""),
        Arguments.of(AmendmentId.of("AM-1"), AmendmentId.class, "\"AM-1\""),
        Arguments.of(AssetId.of("A-1"), AssetId.class, "\"A-1\""),
        Arguments.of(ChargeId.of("monthly-fee"), ChargeId.class, "\"monthly-fee\""),
        Arguments.of(EntitlementId.of("support"), EntitlementId.class, "\"support\""),
        Arguments.of(ProviderId.of("bank"), ProviderId.class, "\"bank\""),
        Arguments.of(ProviderId.of("ns:prov/v2.1_x"), ProviderId.class, "\"ns:prov/v2.1_x\""),
        Arguments.of(Segment.of("private"), Segment.class, "\"private\""));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("ids")
  @DisplayName("ids and segments are plain JSON strings and read back equal")
  void idsArePlainStrings(Object id, Class<?> type, String expectedJson) throws Exception {
    String json = MAPPER.writeValueAsString(id);

    assertThat(json).isEqualTo(expectedJson);
    assertThat(MAPPER.readValue(json, type)).isEqualTo(id);
  }

  // ------------------------------------------------------------------ sealed interfaces

  @Test
  @DisplayName("each Periodicity subtype is read back through the sealed interface as the same subtype")
  void periodicitySubtypes() throws Exception {
    assertThat(roundTrip(Periodicity.oneTime(), Periodicity.class)).isInstanceOf(Periodicity.OneTime.class)
        .isEqualTo(Periodicity.oneTime());
    assertThat(roundTrip(Periodicity.installments(3, BillingFrequency.MONTHLY), Periodicity.class))
        .isInstanceOfSatisfying(Periodicity.Installments.class, i -> {
          assertThat(i.count()).isEqualTo(3);
          assertThat(i.frequency()).isEqualTo(BillingFrequency.MONTHLY);
        });
    assertThat(roundTrip(Periodicity.recurring(BillingFrequency.QUARTERLY, 4), Periodicity.class))
        .isInstanceOfSatisfying(Periodicity.Recurring.class, r -> {
          assertThat(r.frequency()).isEqualTo(BillingFrequency.QUARTERLY);
          assertThat(r.occurrences()).contains(4);
          assertThat(r.endExclusive()).isEmpty();
        });
  }

  @Test
  @DisplayName("each DueRule subtype is read back through the sealed interface and computes the same due date")
  void dueRuleSubtypes() throws Exception {
    LocalDate start = LocalDate.of(2026, 2, 15);
    LocalDate end = LocalDate.of(2026, 3, 15);
    assertThat(roundTrip(DueRule.inAdvance(), DueRule.class)).isInstanceOf(DueRule.InAdvance.class)
        .extracting(r -> r.dueDate(start, end)).isEqualTo(start);
    assertThat(roundTrip(DueRule.inArrears(), DueRule.class)).isInstanceOf(DueRule.InArrears.class)
        .extracting(r -> r.dueDate(start, end)).isEqualTo(end);
    assertThat(roundTrip(DueRule.daysAfterIssue(14), DueRule.class)).isInstanceOf(DueRule.DaysAfterIssue.class)
        .extracting(r -> r.dueDate(start, end)).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(roundTrip(DueRule.dayOfMonth(31), DueRule.class)).isInstanceOf(DueRule.DayOfMonth.class)
        .extracting(r -> r.dueDate(start, end)).isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  @DisplayName("a subtype can also be read as its own class")
  void subtypesReadAsOwnClass() throws Exception {
    String json = MAPPER.writeValueAsString(Periodicity.installments(6, BillingFrequency.BIMONTHLY));

    assertThat(MAPPER.readValue(json, Periodicity.Installments.class))
        .isEqualTo(Periodicity.installments(6, BillingFrequency.BIMONTHLY));
    assertThat(MAPPER.readValue("{\"type\":\"day-of-month\",\"day\":5}", DueRule.DayOfMonth.class))
        .isEqualTo(DueRule.dayOfMonth(5));
  }

  @Test
  @DisplayName("an Individual and a Business are read through Customer as their own types")
  void customersThroughSealedInterface() throws Exception {
    Customer dana = MAPPER.readValue(MAPPER.writeValueAsString(individual()), Customer.class);
    Customer acme = MAPPER.readValue(MAPPER.writeValueAsString(business()), Customer.class);

    assertThat(dana).isInstanceOf(Individual.class).isEqualTo(individual());
    assertThat(acme).isInstanceOf(Business.class).isEqualTo(business());
    assertThat(dana.consents().allows(ConsentPurpose.MARKETING, Channel.EMAIL, Instant.parse("2026-02-01T00:00:00Z")))
        .isTrue();
    assertThat(dana.consents().refuses(ConsentPurpose.MARKETING, Channel.WHATSAPP,
        Instant.parse("2026-02-01T00:00:00Z"))).isTrue();
  }

  // ------------------------------------------------------------------ the full agreement

  @Test
  @DisplayName("an agreement with its whole history reads back equal, and answers the same queries")
  void agreementWithFullHistory() throws Exception {
    Agreement agreement = agreementWithHistory();

    Agreement back = roundTrip(agreement, Agreement.class);

    assertSoftly(s -> {
      s.assertThat(back.status()).isEqualTo(AgreementStatus.PENDING_TERMINATION);
      s.assertThat(back.versions()).extracting(AgreementVersion::number, AgreementVersion::origin)
          .containsExactly(
              tuple(1, AgreementVersion.Origin.ORIGINAL),
              tuple(2, AgreementVersion.Origin.AMENDMENT));
      s.assertThat(back.events()).extracting(AgreementEvent::type).containsExactly(
          AgreementEventType.CREATED, AgreementEventType.SIGNED, AgreementEventType.ACTIVATED,
          AgreementEventType.ASSET_ORDERED, AgreementEventType.ASSET_DELIVERED, AgreementEventType.ASSET_REPLACED,
          AgreementEventType.ASSET_ORDERED, AgreementEventType.ASSET_DELIVERED,
          AgreementEventType.ASSET_PUT_IN_SERVICE, AgreementEventType.ASSET_RETURNED,
          AgreementEventType.ASSET_ORDERED, AgreementEventType.ASSET_DELIVERED, AgreementEventType.ASSET_INSTALLED,
          AgreementEventType.AMENDMENT_PROPOSED, AgreementEventType.AMENDMENT_ACCEPTED,
          AgreementEventType.USAGE_RECORDED, AgreementEventType.USAGE_RECORDED,
          AgreementEventType.AMENDMENT_PROPOSED, AgreementEventType.AMENDMENT_REJECTED,
          AgreementEventType.SUSPENDED, AgreementEventType.RESUMED, AgreementEventType.AMENDMENT_APPLIED,
          AgreementEventType.TERMINATION_REQUESTED);
      s.assertThat(back.assets()).extracting(Asset::id, Asset::status).containsExactly(
          tuple(CARD_1, AssetStatus.RETURNED),
          tuple(CARD_2, AssetStatus.IN_SERVICE),
          tuple(ROUTER_1, AssetStatus.IN_SERVICE));
      s.assertThat(back.amendments()).extracting(Amendment::id, Amendment::status).containsExactly(
          tuple(AM_1, AmendmentStatus.APPLIED),
          tuple(AM_2, AmendmentStatus.REJECTED));
      s.assertThat(back.serviceEnd()).contains(LocalDate.of(2026, 6, 30));
      s.assertThat(back.versionAt(LocalDate.of(2026, 3, 1)).map(AgreementVersion::number)).contains(2);
      s.assertThat(back.assetsAt(LocalDate.of(2026, 1, 21))).isEqualTo(agreement.assetsAt(LocalDate.of(2026, 1, 21)));
      s.assertThat(back.paymentSchedule(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
          .isEqualTo(agreement.paymentSchedule(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
      s.assertThat(back.checkEntitlement("card-replacement", noon(2026, 3, 5)))
          .isEqualTo(agreement.checkEntitlement("card-replacement", noon(2026, 3, 5)));
      s.assertThat(back.toString()).isEqualTo("Agreement[AG-42, customer C-1001, PENDING_TERMINATION, version 2]");
    });
  }

  @Test
  @DisplayName("a round-tripped agreement can keep changing")
  void roundTrippedAgreementStillWorks() throws Exception {
    Agreement back = MAPPER.readValue(MAPPER.writeValueAsString(agreementWithHistory()), Agreement.class);

    Agreement revoked = back.revokeTermination(ctx(2026, 3, 3));

    assertThat(revoked.status()).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(revoked.events()).hasSize(back.events().size() + 1);
    assertThat(revoked.events().get(revoked.events().size() - 1).sequence()).isEqualTo(24L);
  }

  // ------------------------------------------------------------------ exact JSON shapes

  @Test
  @DisplayName("Money is {\"amount\":9.90,\"currency\":\"EUR\"}, the amount a plain decimal at the currency's scale")
  void moneyShape() throws Exception {
    assertThat(MAPPER.writeValueAsString(Money.of("9.90", "EUR"))).isEqualTo("{\"amount\":9.90,\"currency\":\"EUR\"}");
    assertThat(MAPPER.writeValueAsString(Money.of("9.9", "EUR"))).isEqualTo("{\"amount\":9.90,\"currency\":\"EUR\"}");
    assertThat(MAPPER.writeValueAsString(Money.of("1500", "JPY"))).isEqualTo("{\"amount\":1500,\"currency\":\"JPY\"}");
    assertThat(MAPPER.writeValueAsString(Money.of(new BigDecimal("1E+3"), Currency.getInstance("EUR"))))
        .isEqualTo("{\"amount\":1000.00,\"currency\":\"EUR\"}");
    assertThat(MAPPER.writeValueAsString(Money.of("-0.05", "USD")))
        .isEqualTo("{\"amount\":-0.05,\"currency\":\"USD\"}");
  }

  @Test
  @DisplayName("Money read with fewer decimals is normalised to the currency's scale")
  void moneyReadIsNormalised() throws Exception {
    Money read = MAPPER.readValue("{\"amount\":9.9,\"currency\":\"EUR\"}", Money.class);

    assertThat(read).isEqualTo(Money.of("9.90", "EUR"));
    assertThat(read.amount().scale()).isEqualTo(2);
    assertThat(MAPPER.readValue("{\"currency\":\"EUR\",\"amount\":10}", Money.class))
        .isEqualTo(Money.of("10.00", "EUR"));
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("sealed subtypes carry their fixed type names")
  void typeNames() {
    assertSoftly(s -> {
      s.assertThat(write(Periodicity.installments(3, BillingFrequency.MONTHLY)))
          .isEqualTo("{\"type\":\"installments\",\"count\":3,\"frequency\":\"MONTHLY\"}");
      s.assertThat(write(Periodicity.oneTime())).isEqualTo("{\"type\":\"one-time\"}");
      s.assertThat(write(Periodicity.recurring(BillingFrequency.QUARTERLY, 4)))
          .isEqualTo("{\"type\":\"recurring\",\"frequency\":\"QUARTERLY\",\"occurrences\":4}");
      s.assertThat(write(Periodicity.recurringUntil(BillingFrequency.ANNUAL, LocalDate.of(2030, 1, 1))))
          .isEqualTo("{\"type\":\"recurring\",\"endExclusive\":\"2030-01-01\",\"frequency\":\"ANNUAL\"}");
      s.assertThat(write(DueRule.inAdvance())).isEqualTo("{\"type\":\"in-advance\"}");
      s.assertThat(write(DueRule.inArrears())).isEqualTo("{\"type\":\"in-arrears\"}");
      s.assertThat(write(DueRule.daysAfterIssue(30))).isEqualTo("{\"type\":\"days-after-issue\",\"days\":30}");
      s.assertThat(write(DueRule.dayOfMonth(31))).isEqualTo("{\"type\":\"day-of-month\",\"day\":31}");
      s.assertThat(write(Individual.builder().id(CustomerId.of("C-1001")).name(PersonalData.name("Dana Levi")).build()))
          .isEqualTo("{\"type\":\"individual\",\"consents\":[],\"contactPoints\":[],\"id\":\"C-1001\","
              + "\"name\":{\"kind\":\"NAME\",\"value\":\"Dana Levi\"},\"segments\":[],\"status\":\"ACTIVE\"}");
      s.assertThat(write(Business.builder().id(CustomerId.of("C-2002")).legalName("Acme Ltd").build()))
          .isEqualTo("{\"type\":\"business\",\"consents\":[],\"contactPoints\":[],\"contacts\":[],"
              + "\"id\":\"C-2002\",\"legalName\":\"Acme Ltd\",\"segments\":[],\"status\":\"ACTIVE\"}");
    });
  }

  @Test
  @DisplayName("empty optionals are omitted; dates, instants and durations are ISO-8601 text")
  void optionalFieldsOmittedAndTimesAsText() throws Exception {
    assertThat(MAPPER.writeValueAsString(DateRange.from(LocalDate.of(2026, 1, 1))))
        .isEqualTo("{\"start\":\"2026-01-01\"}");
    assertThat(MAPPER.writeValueAsString(DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))))
        .isEqualTo("{\"end\":\"2026-12-31\",\"start\":\"2026-01-01\"}");
    assertThat(MAPPER.writeValueAsString(Evidence.of(Instant.parse("2026-01-15T09:30:00Z"), Channel.SMS,
        EvidenceMethod.OTP, "OTP-88412")))
        .isEqualTo("{\"at\":\"2026-01-15T09:30:00Z\",\"channel\":\"SMS\",\"method\":\"OTP\","
            + "\"reference\":\"OTP-88412\"}");
    assertThat(MAPPER.writeValueAsString(SlaTarget.of(Duration.ofHours(4), Duration.ofDays(2))))
        .isEqualTo("{\"firstResponse\":\"PT4H\",\"resolution\":\"PT48H\"}");
    assertThat(MAPPER.writeValueAsString(RenewalPolicy.none())).isEqualTo("{\"mode\":\"NONE\",\"notice\":\"P30D\"}");
    assertThat(MAPPER.writeValueAsString(RenewalPolicy.automatic(Period.ofYears(1))))
        .isEqualTo("{\"mode\":\"AUTOMATIC\",\"notice\":\"P30D\",\"renewalTerm\":\"P1Y\"}");
    assertThat(MAPPER.writeValueAsString(Actor.agent("a-17"))).isEqualTo("{\"id\":\"a-17\",\"kind\":\"AGENT\"}");
    assertThat(MAPPER.writeValueAsString(AgreementItem.of(CARD, Fixtures.CARD_PRODUCT)))
        .isEqualTo("{\"id\":\"card\",\"product\":{\"code\":\"CARD-GOLD\",\"kind\":\"PHYSICAL\",\"name\":\"Gold credit "
            + "card\",\"requiresInstallation\":false},\"quantity\":1}");
  }

  @Test
  @DisplayName("absent defaulted and optional fields read as their documented defaults")
  void defaultsOnRead() throws Exception {
    Customer dana = MAPPER.readValue("{\"type\":\"individual\",\"id\":\"C-1\",\"name\":{\"kind\":\"NAME\","
        + "\"value\":\"Dana Levi\"}}", Customer.class);
    ContactPoint point = MAPPER.readValue("{\"channel\":\"SMS\",\"address\":{\"kind\":\"PHONE\","
        + "\"value\":\"054-1234567\"}}", ContactPoint.class);
    Charge charge = MAPPER.readValue("{\"id\":\"fee\",\"description\":\"Fee\",\"basis\":\"SERVICE\","
        + "\"amount\":{\"amount\":5,\"currency\":\"ILS\"},\"periodicity\":{\"type\":\"one-time\"}}", Charge.class);

    assertSoftly(s -> {
      s.assertThat(dana).isEqualTo(Individual.builder().id(CustomerId.of("C-1")).name(PersonalData.name("Dana Levi"))
          .build());
      s.assertThat(dana.status()).isEqualTo(CustomerStatus.ACTIVE);
      s.assertThat(dana.consents()).isEqualTo(ConsentLedger.empty());
      s.assertThat(point.preferred()).isFalse();
      s.assertThat(point.verified()).isFalse();
      s.assertThat(charge.dueRule()).isEqualTo(DueRule.inAdvance());
      s.assertThat(charge.amount()).isEqualTo(ils("5.00"));
      s.assertThat(charge.start()).isEmpty();
    });
  }

  @Test
  @DisplayName("PersonalData holds the real value in JSON; a ledger is an array of records")
  void personalDataAndLedgerShapes() throws Exception {
    assertThat(MAPPER.writeValueAsString(PersonalData.email("dana@example.com")))
        .isEqualTo("{\"kind\":\"EMAIL\",\"value\":\"dana@example.com\"}");
    assertThat(MAPPER.writeValueAsString(ConsentLedger.empty())).isEqualTo("[]");
    JsonNode ledger = MAPPER.valueToTree(consentLedger());
    assertThat(ledger.isArray()).isTrue();
    assertThat(ledger.size()).isEqualTo(2);
    assertThat(ledger.get(1).get("channel").asText()).isEqualTo("WHATSAPP");
    assertThat(ledger.get(0).has("channel")).isFalse();
    assertThat(ledger.get(0).has("validUntil")).isFalse();
  }

  @Test
  @DisplayName("derived queries are not written as properties")
  void derivedQueriesNotSerialised() throws Exception {
    Agreement agreement = agreementWithHistory();

    assertThat(fieldNames(Money.of("9.90", "EUR"))).containsExactly("amount", "currency");
    assertThat(fieldNames(DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2))))
        .containsExactly("end", "start");
    assertThat(fieldNames(agreement)).containsExactly("amendments", "assets", "customer", "events", "id", "provider",
        "signature", "status", "versions", "zone");
    assertThat(fieldNames(agreement.paymentSchedule(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1))))
        .containsExactly("currency", "from", "items", "until");
    assertThat(fieldNames(agreement.assets().get(1))).containsExactly("fault", "id", "item", "productCode",
        "replaces", "status");
    assertThat(fieldNames(agreement.checkEntitlement("home-visit", noon(2026, 3, 5))))
        .containsExactly("agreement", "allowed", "at", "denial", "message", "serviceType");
    assertThat(fieldNames(individual())).containsExactly("consents", "contactPoints", "id", "name", "nationalId",
        "preferredLanguage", "segments", "status", "type");
  }

  @Test
  @DisplayName("a fee assessment keeps its facts sorted by name")
  void feeAssessmentFacts() throws Exception {
    SecondCardFeeRule rule = SecondCardFeeRule.of("second-card-fee", Set.of("CARD-GOLD"));
    FeeAssessment waived = rule.assess(agreementWithHistory(), LocalDate.of(2026, 1, 21));

    FeeAssessment back = roundTrip(waived, FeeAssessment.class);

    assertThat(back.outcome()).isEqualTo(FeeOutcome.WAIVED);
    assertThat(back.amount()).contains(ils("15.00"));
    assertThat(back.facts()).containsEntry("cardsHeld", "2").containsEntry("providerErrorCards", "A-1");
    JsonNode facts = MAPPER.valueToTree(waived).get("facts");
    List<String> names = new ArrayList<>();
    facts.fieldNames().forEachRemaining(names::add);
    assertThat(names).isSorted();
    assertThat(names.stream().collect(Collectors.toSet())).isEqualTo(waived.facts().keySet());
  }
}
