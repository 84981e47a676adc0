package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static io.cemkit.core.InteractionFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemkit.core.spi.Settlements;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CustomerContextTest {
  static final AssetId WRONG = AssetId.of("card-1");
  static final AssetId RIGHT = AssetId.of("card-2");
  static final SecondCardFeeRule SECOND_CARD = SecondCardFeeRule.of("second-card-fee", Set.of("CARD-GOLD"));

  private final InteractionFixtures f = new InteractionFixtures();

  /** The seed's bank story: the wrong card replaced (provider's fault), both held; a price review pending. */
  private void bankStory(LocalDate returnBy) {
    Agreement a = f.agreements.find(AGREEMENT).orElseThrow().value()
        .orderAsset(WRONG, CARD, ctx(2026, 1, 2)).deliverAsset(WRONG, ctx(2026, 1, 5))
        .replaceAsset(WRONG, RIGHT, FaultParty.PROVIDER, returnBy, ctx(2026, 1, 6))
        .deliverAsset(RIGHT, ctx(2026, 1, 20))
        .proposeAmendment(AmendmentId.of("AM-1"), termsBuilder().addCharges(monthlyFee("12.90")).build(),
            LocalDate.of(2026, 4, 1), Initiator.PROVIDER, noon(2026, 3, 31), ctx(2026, 2, 20));
    f.agreements.update(a, 1);
  }

  private CustomerContext.Builder context() {
    return CustomerContext.builder().customers(f.customers).agreements(f.agreements).interactions(f.log)
        .continuations(f.continuations).feeRules(List.of(SECOND_CARD));
  }

  @Test
  @DisplayName("the view shows the agreement, what the customer holds, the fee and the amendment awaiting consent")
  void agreementPart() {
    bankStory(LocalDate.of(2026, 3, 15));
    CustomerView view = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    AgreementSnapshot a = view.agreements().get(0);
    assertSoftly(s -> {
      s.assertThat(view.agreements()).hasSize(1);
      s.assertThat(a.id()).isEqualTo(AGREEMENT);
      s.assertThat(a.status()).isEqualTo(AgreementStatus.ACTIVE);
      s.assertThat(a.versionInForce()).contains(1);
      s.assertThat(a.inForce()).isTrue();
      s.assertThat(a.entitlements()).extracting(EntitlementCheck::serviceType, EntitlementCheck::allowed)
          .containsExactly(org.assertj.core.api.Assertions.tuple("phone-support", true),
              org.assertj.core.api.Assertions.tuple("card-replacement", true));
      s.assertThat(a.heldAssets()).extracting(Asset::id).containsExactly(WRONG, RIGHT);
      s.assertThat(a.fees()).extracting(FeeAssessment::outcome).containsExactly(FeeOutcome.WAIVED);
      s.assertThat(a.awaitingConsent()).extracting(AmendmentSummary::id).containsExactly(AmendmentId.of("AM-1"));
    });
    assertThat(view.warnings(ContextWarning.Code.FEE_WAIVED_FOR_PROVIDER_ERROR)).singleElement()
        .extracting(ContextWarning::message).isEqualTo("Fee second-card-fee (15.00 ILS) is waived on agreement AG-42 "
            + "because of a provider error; the waiver ends after 2026-03-15");
    assertThat(view.warnings(ContextWarning.Code.AMENDMENT_AWAITING_CONSENT)).singleElement()
        .extracting(ContextWarning::message).isEqualTo("Amendment AM-1 of agreement AG-42 awaits the customer's "
            + "answer until 2026-03-31T09:00:00Z: charge monthly-fee amount: 9.90 ILS → 12.90 ILS");
  }

  @Test
  @DisplayName("a fee charged while the customer still holds the bank's wrong card is the first warning")
  void feeFromProviderError() {
    bankStory(LocalDate.of(2026, 2, 15));
    CustomerView view = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    assertThat(view.warnings().get(0).code()).isEqualTo(ContextWarning.Code.FEE_FROM_PROVIDER_ERROR);
    assertThat(view.warnings().get(0).severity()).isEqualTo(ContextWarning.Severity.HIGH);
    assertThat(view.warnings().get(0).message()).isEqualTo("Fee second-card-fee (15.00 ILS) is charged on agreement "
        + "AG-42 while the customer holds card-1 (CARD-GOLD) sent by provider error; consider a credit or more time "
        + "to return it");
    assertThat(view.warnings(ContextWarning.Code.ASSET_RETURN_OVERDUE)).singleElement()
        .extracting(ContextWarning::message).isEqualTo("Asset card-1 (CARD-GOLD) of agreement AG-42 was to be returned "
            + "by 2026-02-15");
  }

  @Test
  @DisplayName("consent warnings follow the channel the customer is on")
  void consentWarnings() {
    CustomerView whatsapp = context().build().open(CUSTOMER, Channel.WHATSAPP, noon(2026, 3, 1));
    assertThat(whatsapp.warnings(ContextWarning.Code.NO_MARKETING_CONSENT)).singleElement()
        .extracting(ContextWarning::message)
        .isEqualTo("No marketing consent on WHATSAPP: make no offers in this interaction");
    CustomerView email = context().build().open(CUSTOMER, Channel.EMAIL, noon(2026, 3, 1));
    assertThat(email.warnings(ContextWarning.Code.NO_MARKETING_CONSENT)).isEmpty();
    CustomerView sms = context().build().open(CUSTOMER, Channel.SMS, noon(2026, 3, 1));
    assertThat(sms.warnings(ContextWarning.Code.CHANNEL_WITHDRAWN)).singleElement().extracting(ContextWarning::message)
        .isEqualTo("The customer withdrew SMS for service messages: do not send service messages here");
    assertSoftly(s -> {
      s.assertThat(email.customer().marketingAllowed()).containsExactly(Channel.EMAIL);
      s.assertThat(sms.customer().serviceWithdrawn()).containsExactly(Channel.SMS);
    });
  }

  @Test
  @DisplayName("the customer is masked: no name, address or number, in the view or its JSON")
  void masked() throws Exception {
    f.interactions.record(inbound("I-1", noon(2026, 2, 1)).summary(PersonalData.freeText("Dana said her card "
        + "arrived broken")).build());
    CustomerView view = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    assertThat(view.customer().displayName()).isEqualTo("D*** L***");
    assertThat(view.customer().contacts()).extracting(MaskedContact::masked)
        .containsExactly("d***@e***.com", "+***-**-****567");
    assertThat(view.recentInteractions()).singleElement().satisfies(i -> assertThat(i.hasSummary()).isTrue());
    ObjectMapper mapper = Cemkit.objectMapper();
    String json = mapper.writeValueAsString(view);
    assertThat(json).doesNotContain("Dana", "Levi", "dana@example.com", "1234567", "broken");
    assertThat(mapper.readValue(json, CustomerView.class)).isEqualTo(view);
    assertThat(view.toString()).doesNotContain("Dana", "Levi", "broken");
  }

  @Test
  @DisplayName("obligations: due soon and overdue per the billing system; paid ones are left out")
  void obligations() {
    Settlements billing = (agreement, item) -> item.dueDate().isBefore(LocalDate.of(2026, 2, 1))
        ? SettlementState.SETTLED : item.dueDate().isBefore(LocalDate.of(2026, 3, 1)) ? SettlementState.OPEN
        : SettlementState.UNKNOWN;
    CustomerView view = context().settlements(billing).obligationWindow(Period.ofDays(90), Period.ofDays(31)).build()
        .open(CUSTOMER, Channel.PHONE, noon(2026, 3, 10));
    assertThat(view.obligations()).extracting(o -> o.item().dueDate(), Obligation::settlement, Obligation::overdue)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 2, 1), SettlementState.OPEN, true),
            org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 3, 1), SettlementState.UNKNOWN, false),
            org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 4, 1), SettlementState.UNKNOWN, false));
    assertThat(view.warnings(ContextWarning.Code.PAYMENT_OVERDUE)).singleElement().extracting(ContextWarning::message)
        .isEqualTo("9.90 ILS for monthly-fee #2 of agreement AG-42 was due on 2026-02-01 and is unpaid");
    CustomerView unknown = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 10));
    assertThat(unknown.warnings(ContextWarning.Code.PAYMENT_OVERDUE)).as("without billing, nothing is called overdue")
        .isEmpty();
  }

  @Test
  @DisplayName("recent interactions newest first, the sentiment trend, the last feedback and open processes")
  void historyAndSignals() {
    f.interactions.record(inbound("I-1", noon(2026, 2, 1)).sentiment(Sentiment.of(0.6, Sentiment.Source.HUMAN))
        .build());
    f.interactions.record(inbound("I-2", noon(2026, 2, 20)).sentiment(Sentiment.of(-0.4, Sentiment.Source.HUMAN))
        .build());
    f.interactions.record(inbound("I-3", noon(2026, 2, 28)).sentiment(Sentiment.of(-0.8, Sentiment.Source.HUMAN))
        .build());
    ProcessSummary complaint = ProcessSummary.builder().id(ProcessInstanceId.of("P-1")).processType("complaint")
        .currentStep("investigate").waitingFor("back-office").waitingSince(noon(2026, 2, 28))
        .dueAt(noon(2026, 2, 28).plusSeconds(43_200)).agreement(AGREEMENT).build();
    CustomerView view = context().recentLimit(2)
        .feedback((c, at) -> Optional.of(FeedbackSummary.builder().at(noon(2026, 2, 21)).score(3)
            .touchpoint(Touchpoint.of("branch")).build()))
        .processes((c, at) -> List.of(complaint))
        .build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    assertSoftly(s -> {
      s.assertThat(view.recentInteractions()).extracting(InteractionSummary::id)
          .containsExactly(InteractionId.of("I-3"), InteractionId.of("I-2"));
      s.assertThat(view.sentiment().scored()).as("the trend sees more than the list shows").isEqualTo(3);
      s.assertThat(view.sentiment().trend()).isEqualTo(SentimentSummary.Trend.WORSENING);
      s.assertThat(view.lastFeedback().orElseThrow().isDetractor()).isTrue();
      s.assertThat(view.openProcesses()).containsExactly(complaint);
    });
    assertThat(view.warnings()).extracting(ContextWarning::code).containsExactly(
        ContextWarning.Code.PROCESS_OVERDUE, ContextWarning.Code.NEGATIVE_SENTIMENT,
        ContextWarning.Code.DETRACTOR_FEEDBACK, ContextWarning.Code.NO_MARKETING_CONSENT);
    assertThat(view.warnings(ContextWarning.Code.DETRACTOR_FEEDBACK).get(0).message())
        .isEqualTo("The customer's last feedback (2026-02-21T10:00:00Z) scored 3 of 10 at branch");
  }

  @Test
  @DisplayName("where the customer stopped: open continuations without their token or data")
  void continuations() {
    Continuations c = Continuations.builder().store(f.continuations).interactions(f.interactions)
        .clock(clockAt(noon(2026, 2, 25))).build();
    Continuation loan = c.start(ContinuationId.of("loan-1"), CUSTOMER, "loan-application", "documents-uploaded",
        Map.of("income", "12000"), Channel.WEB, Optional.empty());
    CustomerView view = context().build().open(CUSTOMER, Channel.BRANCH, noon(2026, 3, 1));
    assertThat(view.continuations()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo(ContinuationId.of("loan-1"));
      assertThat(s.step()).isEqualTo("documents-uploaded");
      assertThat(s.lastChannel()).isEqualTo(Channel.WEB);
    });
    assertThat(view.toString()).doesNotContain(loan.token().reveal()).doesNotContain("12000");
  }

  @Test
  @DisplayName("suspended and ending agreements are flagged; an unknown customer fails")
  void statusWarningsAndUnknown() {
    Agreement a = f.agreements.find(AGREEMENT).orElseThrow().value();
    f.agreements.update(a.requestTermination(LocalDate.of(2026, 4, 1), ctx(2026, 2, 1)), 1);
    CustomerView view = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    assertThat(view.warnings(ContextWarning.Code.TERMINATION_PENDING)).singleElement()
        .extracting(ContextWarning::message)
        .isEqualTo("Agreement AG-42 ends on 2026-04-01: the customer gave notice");
    assertThatThrownBy(() -> context().build().open(CustomerId.of("C-404"), Channel.PHONE, noon(2026, 3, 1)))
        .isInstanceOf(UnknownEntityException.class)
        .hasMessage("Customer C-404 does not exist; cannot open its context");
  }

  @Test
  @DisplayName("consumption charges are left out, with a warning, unless a meter rates them")
  void consumption() {
    Charge data = Charge.builder().id(ChargeId.of("data")).description("Mobile data").basis(ChargeBasis.CONSUMPTION)
        .amount(ils("0.10")).unit("GB").periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build();
    f.agreements.insert(Agreement.draft(AgreementId.of("AG-43"), CUSTOMER, BANK, ZONE,
            termsBuilder().addCharges(data).build(), ctx(2025, 12, 20))
        .sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21)).activate(ctx(2026, 1, 1)));
    CustomerView unrated = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 10));
    assertThat(unrated.warnings(ContextWarning.Code.CONSUMPTION_NOT_RATED)).singleElement()
        .extracting(ContextWarning::agreement).isEqualTo(Optional.of(AgreementId.of("AG-43")));
    assertThat(unrated.obligations()).noneMatch(o -> o.item().charge().equals(ChargeId.of("data")));
    CustomerView rated = context().meter((charge, period) -> BigDecimal.TEN).build()
        .open(CUSTOMER, Channel.PHONE, noon(2026, 3, 10));
    assertThat(rated.obligations()).filteredOn(o -> o.item().charge().equals(ChargeId.of("data")))
        .extracting(o -> o.item().amount()).contains(ils("1.00"));
    assertThat(rated.warnings(ContextWarning.Code.CONSUMPTION_NOT_RATED)).isEmpty();
  }

  @Test
  @DisplayName("an amendment changing many things does not stop the view; the warning lists three and counts the rest")
  void longAmendment() {
    ImmutableAgreementTerms.Builder many = termsBuilder();
    for (int i = 0; i < 40; i++) {
      many.addCharges(Charge.builder().id(ChargeId.of("extra-" + i)).description("Extra service number " + i)
          .basis(ChargeBasis.SERVICE).amount(ils("1.00")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY))
          .build());
    }
    Agreement a = f.agreements.find(AGREEMENT).orElseThrow().value()
        .proposeAmendment(AmendmentId.of("AM-9"), many.build(), LocalDate.of(2026, 4, 1), Initiator.PROVIDER,
            ctx(2026, 2, 20));
    f.agreements.update(a, 1);
    CustomerView view = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    String message = view.warnings(ContextWarning.Code.AMENDMENT_AWAITING_CONSENT).get(0).message();
    assertThat(message).endsWith("; and 38 more").hasSizeLessThanOrEqualTo(1000);
  }

  @Test
  @DisplayName("unpaid payments older than the window are still shown as overdue")
  void oldArrears() {
    CustomerView view = context().settlements((agreement, item) -> SettlementState.OPEN).build()
        .open(CUSTOMER, Channel.PHONE, noon(2026, 7, 15));
    assertThat(view.obligations()).filteredOn(Obligation::overdue).extracting(o -> o.item().dueDate())
        .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1));
    assertThat(view.warnings(ContextWarning.Code.PAYMENT_OVERDUE)).hasSize(7);
  }

  @Test
  @DisplayName("a channel withdrawn for collection messages is flagged too")
  void collectionWithdrawn() {
    Customer dana = f.customers.find(CUSTOMER).orElseThrow().value();
    f.customers.update(dana.withConsent(record(ConsentPurpose.BILLING_COLLECTION, Channel.WHATSAPP,
        ConsentDecision.WITHDRAWN, noon(2026, 1, 5), evidence(noon(2026, 1, 5)))), 1);
    CustomerView view = context().build().open(CUSTOMER, Channel.WHATSAPP, noon(2026, 3, 1));
    assertThat(view.warnings(ContextWarning.Code.CHANNEL_WITHDRAWN)).singleElement().extracting(ContextWarning::message)
        .isEqualTo("The customer withdrew WHATSAPP for billing and collection messages: do not send billing and "
            + "collection messages here");
    assertThat(view.customer().collectionWithdrawn()).containsExactly(Channel.WHATSAPP);
  }

  @Test
  @DisplayName("a fee unrelated to the wrongly sent card is not blamed on it")
  void unrelatedFeeNotBlamed() {
    bankStory(LocalDate.of(2026, 2, 15));
    FeeRule paper = new FeeRule() {
      @Override
      public String id() {
        return "paper-statement-fee";
      }

      @Override
      public FeeAssessment assess(Agreement agreement, LocalDate date) {
        return FeeAssessment.builder().rule(id()).agreement(agreement.id()).date(date).outcome(FeeOutcome.CHARGED)
            .amount(ils("3.00")).explanation("paper statements").build();
      }
    };
    CustomerView view = context().feeRules(List.of(paper)).build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    assertThat(view.warnings(ContextWarning.Code.FEE_FROM_PROVIDER_ERROR)).isEmpty();
    assertThat(view.agreements().get(0).fees()).extracting(FeeAssessment::rule).containsExactly("paper-statement-fee");
  }

  @Test
  @DisplayName("the view's JSON carries no amendment reason")
  void noAmendmentReason() throws Exception {
    Agreement a = f.agreements.find(AGREEMENT).orElseThrow().value().proposeAmendment(AmendmentId.of("AM-2"),
        termsBuilder().addCharges(monthlyFee("12.90")).build(), LocalDate.of(2026, 4, 1), Initiator.CUSTOMER,
        ChangeContext.of(clockAt(noon(2026, 2, 20)), AGENT, Channel.PHONE, "asked after her divorce"));
    f.agreements.update(a, 1);
    CustomerView view = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    assertThat(Cemkit.objectMapper().writeValueAsString(view)).doesNotContain("divorce").contains("AM-2");
  }

  @Test
  @DisplayName("as of an earlier instant: later interactions, continuations, agreements and decisions are not shown")
  void asOfIsConsistent() {
    f.interactions.record(inbound("I-early", noon(2026, 1, 5)).sentiment(Sentiment.of(0.5, Sentiment.Source.HUMAN))
        .build());
    f.interactions.record(inbound("I-late", noon(2026, 3, 5)).sentiment(Sentiment.of(-0.9, Sentiment.Source.HUMAN))
        .build());
    Continuations.builder().store(f.continuations).interactions(f.interactions).clock(clockAt(noon(2026, 3, 5))).build()
        .start(ContinuationId.of("late"), CUSTOMER, "loan", "details", Map.of(), Channel.WEB, Optional.empty());
    f.agreements.insert(Agreement.draft(AgreementId.of("AG-50"), CUSTOMER, BANK, ZONE, terms(), ctx(2026, 3, 4)));
    Agreement a = f.agreements.find(AGREEMENT).orElseThrow().value()
        .proposeAmendment(AmendmentId.of("AM-1"), termsBuilder().addCharges(monthlyFee("12.90")).build(),
            LocalDate.of(2026, 4, 1), Initiator.PROVIDER, ctx(2026, 1, 8))
        .rejectAmendment(AmendmentId.of("AM-1"), ctx(2026, 1, 20));
    f.agreements.update(a, 1);
    CustomerView view = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 1, 10));
    assertThat(view.recentInteractions()).extracting(InteractionSummary::id).containsExactly(InteractionId.of("I-early"));
    assertThat(view.sentiment().scored()).isEqualTo(1);
    assertThat(view.continuations()).isEmpty();
    assertThat(view.agreements()).extracting(AgreementSnapshot::id).containsExactly(AGREEMENT);
    assertThat(view.agreements().get(0).awaitingConsent()).extracting(AmendmentSummary::id)
        .containsExactly(AmendmentId.of("AM-1"));
  }

  @Test
  @DisplayName("a corrected interaction does not count twice in the sentiment")
  void correctionsInSentiment() {
    f.interactions.record(inbound("I-1", noon(2026, 2, 1)).endedAt(noon(2026, 2, 1))
        .sentiment(Sentiment.of(-1.0, Sentiment.Source.HUMAN)).build());
    f.interactions.correct(inbound("I-1-fix", noon(2026, 2, 1)).endedAt(noon(2026, 2, 1))
        .sentiment(Sentiment.of(0.5, Sentiment.Source.HUMAN)).corrects(InteractionId.of("I-1")).build());
    CustomerView view = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    assertThat(view.sentiment().scored()).isEqualTo(1);
    assertThat(view.sentiment().score()).contains(0.5);
    assertThat(view.recentInteractions()).extracting(InteractionSummary::corrects)
        .containsExactly(Optional.of(InteractionId.of("I-1")), Optional.empty());
  }

  @Test
  @DisplayName("the view at an earlier instant reads the history as it was")
  void asOfEarlierInstant() {
    Instant before = noon(2026, 1, 15);
    Agreement a = f.agreements.find(AGREEMENT).orElseThrow().value();
    f.agreements.update(a.suspend(ctx(2026, 2, 1)), 1);
    assertThat(context().build().open(CUSTOMER, Channel.PHONE, before).agreements().get(0).status())
        .isEqualTo(AgreementStatus.ACTIVE);
    assertThat(context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 2, 2)).warnings(
        ContextWarning.Code.AGREEMENT_SUSPENDED)).hasSize(1);
  }

  @Test
  @DisplayName("the customer part tells an individual from a business and covers the consents of every contact channel")
  void customerPart() {
    CustomerView phone = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    assertSoftly(s -> {
      s.assertThat(phone.customer().kind()).isEqualTo(CustomerSnapshot.Kind.INDIVIDUAL);
      s.assertThat(phone.customer().marketingAllowed()).as("the e-mail contact, though the call is by phone")
          .containsExactly(Channel.EMAIL);
    });
    CustomerId acme = CustomerId.of("C-3003");
    f.customers.insert(Business.builder().id(acme).legalName("Acme Ltd").build());
    assertThat(context().build().open(acme, Channel.PHONE, noon(2026, 3, 1)).customer().kind())
        .isEqualTo(CustomerSnapshot.Kind.BUSINESS);
  }

  @Test
  @DisplayName("obligations of several agreements and charges are listed by due date, then agreement, then charge")
  void obligationsAcrossAgreements() {
    Charge cardFee = Charge.builder().id(ChargeId.of("card-fee")).description("Card fee").basis(ChargeBasis.SERVICE)
        .item(CARD).amount(ils("5.00")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build();
    f.agreements.insert(Agreement.draft(AgreementId.of("AG-43"), CUSTOMER, BANK, ZONE,
            termsBuilder().addCharges(monthlyFee("9.90"), cardFee).build(), ctx(2025, 12, 20))
        .sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21)).activate(ctx(2026, 1, 1)));
    CustomerView view = context().obligationWindow(Period.ofDays(15), Period.ofDays(25)).build()
        .open(CUSTOMER, Channel.PHONE, noon(2026, 3, 10));
    assertThat(view.obligations()).extracting(o -> o.item().dueDate(), o -> o.agreement().value(),
            o -> o.item().charge().value())
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 3, 1), "AG-42", "monthly-fee"),
            org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 3, 1), "AG-43", "card-fee"),
            org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 3, 1), "AG-43", "monthly-fee"),
            org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 4, 1), "AG-42", "monthly-fee"),
            org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 4, 1), "AG-43", "card-fee"),
            org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 4, 1), "AG-43", "monthly-fee"));
  }

  @Test
  @DisplayName("only processes past their due time are overdue; equal warnings are ordered by agreement")
  void overdueProcesses() {
    ProcessSummary late50 = ProcessSummary.builder().id(ProcessInstanceId.of("P-50")).processType("complaint")
        .currentStep("investigate").waitingSince(noon(2026, 2, 20)).dueAt(noon(2026, 2, 28))
        .agreement(AgreementId.of("AG-50")).build();
    ProcessSummary late42 = ProcessSummary.builder().id(ProcessInstanceId.of("P-42")).processType("complaint")
        .currentStep("investigate").waitingSince(noon(2026, 2, 20)).dueAt(noon(2026, 2, 27)).agreement(AGREEMENT)
        .build();
    ProcessSummary notYetDue = ProcessSummary.builder().id(ProcessInstanceId.of("P-1")).processType("complaint")
        .currentStep("investigate").waitingSince(noon(2026, 2, 20)).dueAt(noon(2026, 3, 1).plusSeconds(1))
        .agreement(AGREEMENT).build();
    CustomerView view = context().processes((c, at) -> List.of(late50, notYetDue, late42)).build()
        .open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    assertThat(view.warnings(ContextWarning.Code.PROCESS_OVERDUE)).extracting(ContextWarning::message).containsExactly(
        "Process P-42 (complaint) waits at investigate and was due at 2026-02-27T10:00:00Z",
        "Process P-50 (complaint) waits at investigate and was due at 2026-02-28T10:00:00Z");
  }

  @Test
  @DisplayName("an amendment decided before the instant no longer awaits consent")
  void decidedAmendmentNotAwaiting() {
    Agreement a = f.agreements.find(AGREEMENT).orElseThrow().value()
        .proposeAmendment(AmendmentId.of("AM-1"), termsBuilder().addCharges(monthlyFee("12.90")).build(),
            LocalDate.of(2026, 4, 1), Initiator.PROVIDER, ctx(2026, 1, 8))
        .rejectAmendment(AmendmentId.of("AM-1"), ctx(2026, 1, 20));
    f.agreements.update(a, 1);
    CustomerView view = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    assertThat(view.agreements().get(0).awaitingConsent()).isEmpty();
    assertThat(view.warnings(ContextWarning.Code.AMENDMENT_AWAITING_CONSENT)).isEmpty();
  }

  @Test
  @DisplayName("an amendment with exactly three changes lists them all and counts nothing more")
  void threeChanges() {
    AgreementTerms three = ImmutableAgreementTerms.copyOf(termsBuilder().addCharges(monthlyFee("12.90")).build())
        .withFees(Fee.of("second-card-fee", "Monthly fee per additional card", ils("20.00")))
        .withEntitlements(support(), cardReplacements(3));
    Agreement a = f.agreements.find(AGREEMENT).orElseThrow().value()
        .proposeAmendment(AmendmentId.of("AM-3"), three, LocalDate.of(2026, 4, 1), Initiator.PROVIDER,
            ctx(2026, 2, 20));
    f.agreements.update(a, 1);
    CustomerView view = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1));
    assertThat(view.warnings(ContextWarning.Code.AMENDMENT_AWAITING_CONSENT)).singleElement()
        .extracting(ContextWarning::message).isEqualTo("Amendment AM-3 of agreement AG-42 awaits the customer's "
            + "answer: charge monthly-fee amount: 9.90 ILS → 12.90 ILS; fee second-card-fee amount: 15.00 ILS → "
            + "20.00 ILS; entitlement card-replacement quota: 2 per YEAR → 3 per YEAR");
  }

  @Test
  @DisplayName("the term shown is the one of the version in force, not of a renewal still to come")
  void termInForce() {
    Agreement renewed = f.agreements.find(AGREEMENT).orElseThrow().value().renew(ctx(2026, 12, 15));
    f.agreements.update(renewed, 1);
    AgreementSnapshot before = context().build().open(CUSTOMER, Channel.PHONE, noon(2026, 12, 20)).agreements().get(0);
    assertThat(before.versionInForce()).contains(1);
    assertThat(before.term()).isEqualTo(DateRange.of(TERM_START, TERM_END));
    AgreementSnapshot after = context().build().open(CUSTOMER, Channel.PHONE, noon(2027, 1, 2)).agreements().get(0);
    assertThat(after.versionInForce()).contains(2);
    assertThat(after.term()).isEqualTo(DateRange.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)));
  }

  /** The awaiting-consent warning for an amendment renaming all three products, the router to {@code routerName}. */
  private static String awaitingWarning(String routerName) {
    InteractionFixtures g = new InteractionFixtures();
    AgreementTerms renamed = ImmutableAgreementTerms.copyOf(terms()).withItems(
        AgreementItem.of(ACCOUNT, Product.of("CHECKING", "a".repeat(200), ProductKind.SERVICE)),
        AgreementItem.of(CARD, Product.of("CARD-GOLD", "c".repeat(200), ProductKind.PHYSICAL)),
        AgreementItem.of(ROUTER, Product.installed("ROUTER-" + "X".repeat(100), routerName)));
    g.agreements.update(g.agreements.find(AGREEMENT).orElseThrow().value().proposeAmendment(AmendmentId.of("AM-1"),
        renamed, LocalDate.of(2026, 4, 1), Initiator.PROVIDER, ctx(2026, 2, 20)), 1);
    return CustomerContext.builder().customers(g.customers).agreements(g.agreements).interactions(g.log).build()
        .open(CUSTOMER, Channel.PHONE, noon(2026, 3, 1)).warnings(ContextWarning.Code.AMENDMENT_AWAITING_CONSENT)
        .get(0).message();
  }

  @Test
  @DisplayName("a warning of exactly 1000 characters is kept whole; one character more is cut to 997 and '...'")
  void warningLengthEdge() {
    int exactName = 1 + 1000 - awaitingWarning("r").length();
    String exact = awaitingWarning("r".repeat(exactName));
    assertThat(exact).hasSize(1000).endsWith("r".repeat(exactName) + ", PHYSICAL, installed)");
    String full = exact.replace("r".repeat(exactName), "r".repeat(exactName + 1));
    assertThat(awaitingWarning("r".repeat(exactName + 1))).hasSize(1000).isEqualTo(full.substring(0, 997) + "...");
  }
}
