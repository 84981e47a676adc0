package io.cemkit.core;

import static io.cemkit.core.Fixtures.AGREEMENT;
import static io.cemkit.core.Fixtures.BANK;
import static io.cemkit.core.Fixtures.CARD;
import static io.cemkit.core.Fixtures.CUSTOMER;
import static io.cemkit.core.Fixtures.ROUTER;
import static io.cemkit.core.Fixtures.ZONE;
import static io.cemkit.core.Fixtures.active;
import static io.cemkit.core.Fixtures.ctx;
import static io.cemkit.core.Fixtures.draft;
import static io.cemkit.core.Fixtures.evidence;
import static io.cemkit.core.Fixtures.ils;
import static io.cemkit.core.Fixtures.monthlyFee;
import static io.cemkit.core.Fixtures.noon;
import static io.cemkit.core.Fixtures.termsBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AgreementScheduleTest {
  private static final ChargeId FEE = ChargeId.of("monthly-fee");
  private static final ChargeId ROUTER_SALE = ChargeId.of("router-sale");
  private static final AmendmentId AM_1 = AmendmentId.of("AM-1");

  private static LocalDate d(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  /** The router sold in {@code count} monthly installments of the {@code total}. */
  private static Charge routerSale(String total, int count) {
    return Charge.builder().id(ROUTER_SALE).description("Fibre router").basis(ChargeBasis.SALE).item(ROUTER)
        .amount(ils(total)).periodicity(Periodicity.installments(count, BillingFrequency.MONTHLY)).build();
  }

  /** Signed on 2025-12-21 and active from 2026-01-01, with the given terms. */
  private static Agreement activeWith(AgreementTerms terms) {
    Instant signed = noon(2025, 12, 21);
    return Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE, terms, ctx(2025, 12, 20))
        .sign(evidence(signed), ctx(signed)).activate(ctx(2026, 1, 1));
  }

  /** Proposed on 21 January, accepted on 22 January, applied on its effective date. */
  private static Agreement amended(Agreement agreement, AgreementTerms newTerms, LocalDate effective) {
    return agreement
        .proposeAmendment(AM_1, newTerms, effective, Initiator.PROVIDER, ctx(2026, 1, 21))
        .acceptAmendment(AM_1, evidence(noon(2026, 1, 22)), ctx(2026, 1, 22))
        .applyAmendment(AM_1, ctx(effective.getYear(), effective.getMonthValue(), effective.getDayOfMonth()));
  }

  @Nested
  class Amendments {
    @Test
    @DisplayName("a price change effective 1 March: January and February at 9.90 (v1), March on at 12.90 (v2)")
    void priceChange() {
      Agreement a = amended(active(), termsBuilder().addCharges(monthlyFee("12.90")).build(), d(2026, 3, 1));
      PaymentSchedule schedule = a.paymentSchedule(d(2026, 1, 1), d(2026, 6, 1));
      assertThat(schedule.items())
          .extracting(DueItem::dueDate, DueItem::occurrence, DueItem::amount, DueItem::agreementVersion)
          .containsExactly(
              tuple(d(2026, 1, 1), 1, ils("9.90"), Optional.of(1)),
              tuple(d(2026, 2, 1), 2, ils("9.90"), Optional.of(1)),
              tuple(d(2026, 3, 1), 3, ils("12.90"), Optional.of(2)),
              tuple(d(2026, 4, 1), 4, ils("12.90"), Optional.of(2)),
              tuple(d(2026, 5, 1), 5, ils("12.90"), Optional.of(2)));
      assertSoftly(s -> {
        s.assertThat(schedule.total()).isEqualTo(ils("58.50"));
        s.assertThat(schedule.currency()).isEqualTo(Fixtures.ILS);
        s.assertThat(schedule.items()).extracting(DueItem::charge).containsOnly(FEE);
      });
    }

    @Test
    @DisplayName("an amendment effective mid-month changes the price from the first period starting on or after it")
    void midMonthPriceChange() {
      Agreement a = amended(active(), termsBuilder().addCharges(monthlyFee("12.90")).build(), d(2026, 3, 15));
      assertThat(a.paymentSchedule(d(2026, 2, 1), d(2026, 5, 1)).items())
          .extracting(DueItem::dueDate, DueItem::amount, DueItem::agreementVersion)
          .containsExactly(
              tuple(d(2026, 2, 1), ils("9.90"), Optional.of(1)),
              tuple(d(2026, 3, 1), ils("9.90"), Optional.of(1)),
              tuple(d(2026, 4, 1), ils("12.90"), Optional.of(2)));
    }

    @Test
    @DisplayName("the schedule of a window after the change only has items of the new version")
    void windowAfterChange() {
      Agreement a = amended(active(), termsBuilder().addCharges(monthlyFee("12.90")).build(), d(2026, 3, 1));
      assertThat(a.paymentSchedule(d(2026, 7, 1), d(2026, 8, 1)).items())
          .extracting(DueItem::occurrence, DueItem::amount, DueItem::agreementVersion)
          .containsExactly(tuple(7, ils("12.90"), Optional.of(2)));
    }

    @Test
    @DisplayName("a charge added mid-month without a start of its own runs from the amendment's effective date")
    void chargeAddedMidMonth() {
      Charge cardFee = Charge.builder().id(ChargeId.of("card-fee")).description("Card fee").basis(ChargeBasis.SERVICE)
          .item(CARD).amount(ils("5.00")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build();
      Agreement a = amended(active(), termsBuilder().addCharges(monthlyFee("9.90"), cardFee).build(), d(2026, 3, 15));
      assertThat(a.paymentSchedule(d(2026, 1, 1), d(2026, 6, 1)).itemsOf(ChargeId.of("card-fee")))
          .extracting(DueItem::dueDate, DueItem::occurrence, DueItem::agreementVersion)
          .containsExactly(tuple(d(2026, 3, 15), 1, Optional.of(2)), tuple(d(2026, 4, 15), 2, Optional.of(2)),
              tuple(d(2026, 5, 15), 3, Optional.of(2)));
    }

    @Test
    @DisplayName("a charge limited to six occurrences keeps its count across an amendment: six in all, each 'of 6'")
    void limitedOccurrencesAcrossAmendment() {
      ChargeId insurance = ChargeId.of("insurance");
      Charge capped = Charge.builder().id(insurance).description("Card insurance").basis(ChargeBasis.SERVICE)
          .item(CARD).amount(ils("4.00")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY, 6)).build();
      Agreement a = amended(activeWith(termsBuilder().addCharges(monthlyFee("9.90"), capped).build()),
          termsBuilder().addCharges(monthlyFee("9.90"), ImmutableCharge.copyOf(capped).withAmount(ils("5.00")))
              .build(), d(2026, 3, 1));
      assertThat(a.paymentSchedule(d(2026, 1, 1), d(2027, 1, 1)).itemsOf(insurance))
          .extracting(DueItem::dueDate, DueItem::occurrence, DueItem::occurrences, DueItem::amount)
          .containsExactly(
              tuple(d(2026, 1, 1), 1, Optional.of(6), ils("4.00")),
              tuple(d(2026, 2, 1), 2, Optional.of(6), ils("4.00")),
              tuple(d(2026, 3, 1), 3, Optional.of(6), ils("5.00")),
              tuple(d(2026, 4, 1), 4, Optional.of(6), ils("5.00")),
              tuple(d(2026, 5, 1), 5, Optional.of(6), ils("5.00")),
              tuple(d(2026, 6, 1), 6, Optional.of(6), ils("5.00")));
    }

    @Test
    @DisplayName("with three versions, each bills its own period: the middle one too")
    void threeVersions() {
      AmendmentId am2 = AmendmentId.of("AM-2");
      Agreement a = amended(active(), termsBuilder().addCharges(monthlyFee("12.90")).build(), d(2026, 3, 1))
          .proposeAmendment(am2, termsBuilder().addCharges(monthlyFee("14.90")).build(), d(2026, 5, 1),
              Initiator.PROVIDER, ctx(2026, 3, 2))
          .acceptAmendment(am2, evidence(noon(2026, 3, 3)), ctx(2026, 3, 3))
          .applyAmendment(am2, ctx(2026, 5, 1));
      assertThat(a.paymentSchedule(d(2026, 1, 1), d(2026, 7, 1)).items())
          .extracting(DueItem::dueDate, DueItem::occurrence, DueItem::amount, DueItem::agreementVersion)
          .containsExactly(
              tuple(d(2026, 1, 1), 1, ils("9.90"), Optional.of(1)),
              tuple(d(2026, 2, 1), 2, ils("9.90"), Optional.of(1)),
              tuple(d(2026, 3, 1), 3, ils("12.90"), Optional.of(2)),
              tuple(d(2026, 4, 1), 4, ils("12.90"), Optional.of(2)),
              tuple(d(2026, 5, 1), 5, ils("14.90"), Optional.of(3)),
              tuple(d(2026, 6, 1), 6, ils("14.90"), Optional.of(3)));
    }

    @Test
    @DisplayName("a charge removed by an amendment stops after its effective date; a charge added starts then")
    void chargeRemoved() {
      Charge cardFee = Charge.builder().id(ChargeId.of("card-fee")).description("Card fee").basis(ChargeBasis.SERVICE)
          .item(CARD).amount(ils("5.00")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY))
          .start(d(2026, 3, 1)).build();
      Agreement a = amended(active(), termsBuilder().addCharges(cardFee).build(), d(2026, 3, 1));
      PaymentSchedule schedule = a.paymentSchedule(d(2026, 1, 1), d(2026, 6, 1));
      assertSoftly(s -> {
        s.assertThat(schedule.itemsOf(FEE)).extracting(DueItem::dueDate, DueItem::agreementVersion)
            .containsExactly(tuple(d(2026, 1, 1), Optional.of(1)), tuple(d(2026, 2, 1), Optional.of(1)));
        s.assertThat(schedule.itemsOf(ChargeId.of("card-fee")))
            .extracting(DueItem::dueDate, DueItem::occurrence, DueItem::agreementVersion)
            .containsExactly(tuple(d(2026, 3, 1), 1, Optional.of(2)), tuple(d(2026, 4, 1), 2, Optional.of(2)),
                tuple(d(2026, 5, 1), 3, Optional.of(2)));
        s.assertThat(schedule.total()).isEqualTo(ils("34.80")); // 2 × 9.90 + 3 × 5.00
      });
    }

    @Test
    @DisplayName("an accepted amendment that is not applied yet does not change the schedule")
    void acceptedNotApplied() {
      Agreement a = active()
          .proposeAmendment(AM_1, termsBuilder().addCharges(monthlyFee("12.90")).build(), d(2026, 3, 1),
              Initiator.PROVIDER, ctx(2026, 1, 21))
          .acceptAmendment(AM_1, evidence(noon(2026, 1, 22)), ctx(2026, 1, 22));
      assertThat(a.paymentSchedule(d(2026, 3, 1), d(2026, 4, 1)).items())
          .extracting(DueItem::amount, DueItem::agreementVersion)
          .containsExactly(tuple(ils("9.90"), Optional.of(1)));
    }
  }

  @Nested
  class EndOfService {
    private final AgreementTerms withRouter = termsBuilder().addCharges(monthlyFee("9.90"), routerSale("600.00", 12))
        .build();

    @Test
    @DisplayName("a terminated agreement stops service charges for periods starting on or after the termination date "
        + "but keeps sale installments")
    void terminated() {
      Agreement a = activeWith(withRouter).terminate(ctx(2026, 4, 1));
      PaymentSchedule schedule = a.paymentSchedule(d(2026, 1, 1), d(2027, 6, 1));
      assertSoftly(s -> {
        s.assertThat(a.serviceEnd()).contains(d(2026, 4, 1));
        s.assertThat(schedule.itemsOf(FEE)).extracting(DueItem::dueDate)
            .containsExactly(d(2026, 1, 1), d(2026, 2, 1), d(2026, 3, 1));
        s.assertThat(schedule.itemsOf(ROUTER_SALE)).extracting(DueItem::occurrence, DueItem::dueDate, DueItem::amount)
            .containsExactly(
                tuple(1, d(2026, 1, 1), ils("50.00")), tuple(2, d(2026, 2, 1), ils("50.00")),
                tuple(3, d(2026, 3, 1), ils("50.00")), tuple(4, d(2026, 4, 1), ils("50.00")),
                tuple(5, d(2026, 5, 1), ils("50.00")), tuple(6, d(2026, 6, 1), ils("50.00")),
                tuple(7, d(2026, 7, 1), ils("50.00")), tuple(8, d(2026, 8, 1), ils("50.00")),
                tuple(9, d(2026, 9, 1), ils("50.00")), tuple(10, d(2026, 10, 1), ils("50.00")),
                tuple(11, d(2026, 11, 1), ils("50.00")), tuple(12, d(2026, 12, 1), ils("50.00")));
        s.assertThat(schedule.total()).isEqualTo(ils("629.70"));
      });
    }

    @Test
    @DisplayName("terminated mid-month, the period that started before the termination is due in full")
    void terminatedMidMonth() {
      Agreement a = activeWith(withRouter).terminate(ctx(2026, 4, 15));
      assertThat(a.paymentSchedule(d(2026, 1, 1), d(2027, 1, 1)).itemsOf(FEE))
          .extracting(DueItem::dueDate, DueItem::amount)
          .containsExactly(tuple(d(2026, 1, 1), ils("9.90")), tuple(d(2026, 2, 1), ils("9.90")),
              tuple(d(2026, 3, 1), ils("9.90")), tuple(d(2026, 4, 1), ils("9.90")));
    }

    @Test
    @DisplayName("the termination date is read in the agreement's zone, not in UTC")
    void terminationDateInZone() {
      // 22:30 UTC on 31 March is 01:30 on 1 April in Jerusalem (UTC+3 in summer time)
      Agreement a = active().terminate(ctx(Instant.parse("2026-03-31T22:30:00Z")));
      assertSoftly(s -> {
        s.assertThat(a.serviceEnd()).contains(d(2026, 4, 1));
        s.assertThat(a.paymentSchedule(d(2026, 1, 1), d(2027, 1, 1)).itemsOf(FEE)).extracting(DueItem::dueDate)
            .containsExactly(d(2026, 1, 1), d(2026, 2, 1), d(2026, 3, 1));
      });
    }

    @Test
    @DisplayName("the end of service is the termination date even when events follow the termination")
    void eventsAfterTermination() {
      AssetId card = AssetId.of("A-1");
      Agreement a = active()
          .orderAsset(card, CARD, ctx(2026, 1, 2))
          .deliverAsset(card, ctx(2026, 1, 5))
          .requestAssetReturn(card, FaultParty.NONE, d(2026, 6, 30), ctx(2026, 3, 20))
          .terminate(ctx(2026, 4, 1))
          .returnAsset(card, ctx(2026, 6, 10));
      assertSoftly(s -> {
        s.assertThat(a.status()).isEqualTo(AgreementStatus.TERMINATED);
        s.assertThat(a.serviceEnd()).contains(d(2026, 4, 1));
        s.assertThat(a.paymentSchedule(d(2026, 1, 1), d(2027, 1, 1)).itemsOf(FEE)).extracting(DueItem::dueDate)
            .containsExactly(d(2026, 1, 1), d(2026, 2, 1), d(2026, 3, 1));
      });
    }

    @Test
    @DisplayName("a pending termination ends service on the requested date")
    void pendingTermination() {
      Agreement a = activeWith(withRouter).requestTermination(d(2026, 5, 15), ctx(2026, 4, 10));
      PaymentSchedule schedule = a.paymentSchedule(d(2026, 1, 1), d(2027, 1, 1));
      assertSoftly(s -> {
        s.assertThat(a.status()).isEqualTo(AgreementStatus.PENDING_TERMINATION);
        s.assertThat(a.serviceEnd()).contains(d(2026, 5, 15));
        s.assertThat(schedule.itemsOf(FEE)).extracting(DueItem::dueDate)
            .containsExactly(d(2026, 1, 1), d(2026, 2, 1), d(2026, 3, 1), d(2026, 4, 1), d(2026, 5, 1));
        s.assertThat(schedule.itemsOf(ROUTER_SALE)).hasSize(12);
      });
    }

    @Test
    @DisplayName("a revoked termination restores the service until the term's end")
    void revokedTermination() {
      Agreement a = active().requestTermination(d(2026, 5, 15), ctx(2026, 4, 10)).revokeTermination(ctx(2026, 4, 20));
      assertSoftly(s -> {
        s.assertThat(a.serviceEnd()).isEmpty();
        s.assertThat(a.paymentSchedule(d(2026, 1, 1), d(2027, 1, 1)).itemsOf(FEE)).hasSize(12);
      });
    }

    @Test
    @DisplayName("the term's end bounds an open-ended recurring charge")
    void termEnd() {
      Agreement a = active();
      PaymentSchedule schedule = a.paymentSchedule(d(2026, 1, 1), d(2028, 1, 1));
      assertSoftly(s -> {
        s.assertThat(a.serviceEnd()).isEmpty();
        s.assertThat(schedule.items()).hasSize(12);
        s.assertThat(schedule.items().get(11).dueDate()).isEqualTo(d(2026, 12, 1));
        s.assertThat(schedule.items().get(11).occurrence()).isEqualTo(12);
        s.assertThat(schedule.items().get(11).servicePeriod()).isEqualTo(DateRange.of(d(2026, 12, 1),
            d(2026, 12, 31)));
        s.assertThat(schedule.total()).isEqualTo(ils("118.80"));
      });
    }

    @Test
    @DisplayName("sale installments running past the term's end are still due (debts continue)")
    void saleBeyondTerm() {
      Agreement a = activeWith(termsBuilder().addCharges(routerSale("240.00", 24)).build());
      PaymentSchedule schedule = a.paymentSchedule(d(2026, 1, 1), d(2029, 1, 1));
      assertSoftly(s -> {
        s.assertThat(schedule.items()).hasSize(24);
        s.assertThat(schedule.items().get(23).dueDate()).isEqualTo(d(2027, 12, 1));
        s.assertThat(schedule.total()).isEqualTo(ils("240.00"));
      });
    }

    @Test
    @DisplayName("an expired agreement's service ends the day after its term")
    void expired() {
      Agreement a = active().expire(ctx(2027, 1, 5));
      assertSoftly(s -> {
        s.assertThat(a.serviceEnd()).contains(d(2027, 1, 1));
        s.assertThat(a.paymentSchedule(d(2026, 1, 1), d(2028, 1, 1)).itemsOf(FEE)).hasSize(12);
      });
    }

    @Test
    @DisplayName("a cancelled agreement owes nothing: not service, not even a sale")
    void cancelled() {
      Agreement a = draft().cancel(ctx(2026, 1, 10));
      assertSoftly(s -> {
        s.assertThat(a.serviceEnd()).contains(d(2026, 1, 10));
        s.assertThat(a.paymentSchedule(d(2026, 1, 1), d(2027, 1, 1)).items()).as("never signed: nothing owed")
            .isEmpty();
      });
      Charge sale = Charge.builder().id(ChargeId.of("router-sale")).description("Router").basis(ChargeBasis.SALE)
          .amount(ils("300.00")).periodicity(Periodicity.installments(3, BillingFrequency.MONTHLY)).build();
      Agreement signedThenCancelled = Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE,
              termsBuilder().addCharges(monthlyFee("9.90"), sale).build(), ctx(2025, 12, 20))
          .sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21)).cancel(ctx(2025, 12, 28));
      assertThat(signedThenCancelled.paymentSchedule(d(2026, 1, 1), d(2027, 1, 1)).items())
          .as("cancelled before activation: not even the sale is owed").isEmpty();
    }
  }

  @Nested
  class Renewal {
    private final ChangeContext renewal = ctx(2026, 12, 15);

    @Test
    @DisplayName("a renewal continues the monthly fee into the next term with continuing occurrence numbers")
    void continuesFee() {
      Agreement a = active().renew(renewal);
      PaymentSchedule schedule = a.paymentSchedule(d(2026, 11, 1), d(2027, 3, 1));
      assertThat(schedule.items())
          .extracting(DueItem::dueDate, DueItem::occurrence, DueItem::amount, DueItem::agreementVersion)
          .containsExactly(
              tuple(d(2026, 11, 1), 11, ils("9.90"), Optional.of(1)),
              tuple(d(2026, 12, 1), 12, ils("9.90"), Optional.of(1)),
              tuple(d(2027, 1, 1), 13, ils("9.90"), Optional.of(2)),
              tuple(d(2027, 2, 1), 14, ils("9.90"), Optional.of(2)));
    }

    @Test
    @DisplayName("after a renewal the fee runs until the new term's end")
    void newTermEnd() {
      Agreement a = active().renew(renewal);
      PaymentSchedule schedule = a.paymentSchedule(d(2026, 1, 1), d(2029, 1, 1));
      assertSoftly(s -> {
        s.assertThat(schedule.items()).hasSize(24);
        s.assertThat(schedule.items().get(23).dueDate()).isEqualTo(d(2027, 12, 1));
        s.assertThat(schedule.items().get(23).agreementVersion()).contains(2);
        s.assertThat(schedule.total()).isEqualTo(ils("237.60"));
      });
    }

    @Test
    @DisplayName("installments that began before a renewal are not restarted by it: they still sum to the total")
    void installmentsAcrossRenewal() {
      Agreement a = activeWith(termsBuilder().addCharges(routerSale("1200.00", 24)).build()).renew(renewal);
      PaymentSchedule schedule = a.paymentSchedule(d(2026, 1, 1), d(2030, 1, 1));
      assertSoftly(s -> {
        s.assertThat(schedule.items()).hasSize(24);
        s.assertThat(schedule.total()).isEqualTo(ils("1200.00"));
        s.assertThat(schedule.items()).extracting(DueItem::occurrence).doesNotHaveDuplicates();
      });
    }
  }

  @Nested
  class Quotes {
    @Test
    @DisplayName("a draft owes nothing; its terms' payment plan quotes it")
    void draftQuote() {
      Agreement quote = draft();
      PaymentSchedule schedule = quote.terms().paymentPlan().schedule(d(2026, 1, 1), d(2026, 4, 1));
      assertSoftly(s -> {
        s.assertThat(quote.status()).isEqualTo(AgreementStatus.DRAFT);
        s.assertThat(quote.serviceEnd()).isEmpty();
        s.assertThat(quote.paymentSchedule(d(2026, 1, 1), d(2026, 4, 1)).items())
            .as("an unsigned agreement owes nothing").isEmpty();
        s.assertThat(schedule.items()).extracting(DueItem::dueDate, DueItem::amount, DueItem::agreementVersion)
            .containsExactly(tuple(d(2026, 1, 1), ils("9.90"), Optional.empty()),
                tuple(d(2026, 2, 1), ils("9.90"), Optional.empty()),
                tuple(d(2026, 3, 1), ils("9.90"), Optional.empty()));
      });
    }

    @Test
    @DisplayName("scheduling an agreement rejects until before from")
    void untilBeforeFrom() {
      assertThatThrownBy(() -> active().paymentSchedule(d(2026, 3, 1), d(2026, 2, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2026-02-01")
          .hasMessageContaining("2026-03-01");
    }
  }

  @Nested
  class Consumption {
    private final Charge data = Charge.builder().id(ChargeId.of("data")).description("Mobile data")
        .basis(ChargeBasis.CONSUMPTION).unit("GB").amount(ils("0.45"))
        .periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).dueRule(DueRule.inArrears()).build();

    @Test
    @DisplayName("without a meter, an agreement with a consumption charge cannot be scheduled; the error names it")
    void noMeter() {
      Agreement a = activeWith(termsBuilder().addCharges(monthlyFee("9.90"), data).build());
      assertThatThrownBy(() -> a.paymentSchedule(d(2026, 1, 1), d(2026, 4, 1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("data");
    }

    @Test
    @DisplayName("with a meter, consumption is rated per period and carries the version")
    void withMeter() {
      Agreement a = activeWith(termsBuilder().addCharges(data).build());
      PaymentSchedule schedule = a.paymentSchedule(d(2026, 1, 1), d(2026, 3, 2), (charge, period) ->
          period.start().getMonthValue() == 1 ? new BigDecimal("10") : new BigDecimal("3.3"));
      assertThat(schedule.items())
          .extracting(DueItem::dueDate, DueItem::quantity, DueItem::amount, DueItem::agreementVersion)
          .containsExactly(
              tuple(d(2026, 2, 1), Optional.of(new BigDecimal("10")), ils("4.50"), Optional.of(1)),
              // 0.45 × 3.3 = 1.485 → 1.48 half-even
              tuple(d(2026, 3, 1), Optional.of(new BigDecimal("3.3")), ils("1.48"), Optional.of(1)));
    }
  }
}
