package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A charge that continues under the same id across versions is billed once per period, never twice, never skipped. */
class ChargeContinuityTest {
  static final AmendmentId AM1 = AmendmentId.of("AM-1");
  static final ChargeId FEE = ChargeId.of("monthly-fee");

  static Charge fee(BillingFrequency frequency, String amount) {
    return Charge.builder().id(FEE).description("Account fee").basis(ChargeBasis.SERVICE).item(ACCOUNT)
        .amount(ils(amount)).periodicity(Periodicity.recurring(frequency)).build();
  }

  static Agreement amended(Charge before, Charge after, LocalDate effective) {
    Agreement a = Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE, termsBuilder().addCharges(before).build(),
            ctx(2025, 12, 20))
        .sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21)).activate(ctx(2026, 1, 1));
    return a.proposeAmendment(AM1, termsBuilder().addCharges(after).build(), effective, Initiator.CUSTOMER,
            ctx(2026, 1, 10))
        .acceptAmendment(AM1, evidence(noon(2026, 1, 10)), ctx(2026, 1, 10))
        .applyAmendment(AM1, ctx(effective.getYear(), effective.getMonthValue(), effective.getDayOfMonth()));
  }

  @Test
  @DisplayName("monthly to quarterly mid-month: the quarter starts where the last monthly period ends")
  void monthlyToQuarterly() {
    Agreement a = amended(fee(BillingFrequency.MONTHLY, "10.00"), fee(BillingFrequency.QUARTERLY, "27.00"),
        LocalDate.of(2026, 2, 15));
    assertThat(a.paymentSchedule(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 1)).items())
        .extracting(DueItem::dueDate, DueItem::occurrence, DueItem::amount, DueItem::servicePeriod)
        .containsExactly(
            tuple(LocalDate.of(2026, 1, 1), 1, ils("10.00"), DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))),
            tuple(LocalDate.of(2026, 2, 1), 2, ils("10.00"), DateRange.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))),
            tuple(LocalDate.of(2026, 3, 1), 3, ils("27.00"), DateRange.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31))),
            tuple(LocalDate.of(2026, 6, 1), 4, ils("27.00"), DateRange.of(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31))),
            tuple(LocalDate.of(2026, 9, 1), 5, ils("27.00"), DateRange.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 30))));
  }

  @Test
  @DisplayName("quarterly to monthly: months already covered by the quarter are not billed again")
  void quarterlyToMonthly() {
    Agreement a = amended(fee(BillingFrequency.QUARTERLY, "27.00"), fee(BillingFrequency.MONTHLY, "10.00"),
        LocalDate.of(2026, 2, 15));
    assertThat(a.paymentSchedule(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1)).items())
        .extracting(DueItem::dueDate, DueItem::occurrence, DueItem::amount)
        .containsExactly(
            tuple(LocalDate.of(2026, 1, 1), 1, ils("27.00")),
            tuple(LocalDate.of(2026, 4, 1), 2, ils("10.00")),
            tuple(LocalDate.of(2026, 5, 1), 3, ils("10.00")),
            tuple(LocalDate.of(2026, 6, 1), 4, ils("10.00")));
  }

  @Test
  @DisplayName("the same frequency with a new price keeps the series")
  void samePeriodicity() {
    Agreement a = amended(fee(BillingFrequency.MONTHLY, "10.00"), fee(BillingFrequency.MONTHLY, "12.00"),
        LocalDate.of(2026, 3, 1));
    assertThat(a.paymentSchedule(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 1)).items())
        .extracting(DueItem::dueDate, DueItem::occurrence, DueItem::amount)
        .containsExactly(tuple(LocalDate.of(2026, 2, 1), 2, ils("10.00")), tuple(LocalDate.of(2026, 3, 1), 3,
            ils("12.00")), tuple(LocalDate.of(2026, 4, 1), 4, ils("12.00")));
  }

  @Test
  @DisplayName("an amendment may not change a charge's basis, start, kind of periodicity or installment plan")
  void forbiddenChanges() {
    Agreement a = active();
    Charge current = fee(BillingFrequency.MONTHLY, "9.90");
    Charge metered = Charge.builder().id(FEE).description("Account fee").basis(ChargeBasis.CONSUMPTION).item(ACCOUNT)
        .amount(ils("0.10")).unit("GB").periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build();
    assertThatThrownBy(() -> propose(a, metered))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 charge monthly-fee cannot change its basis (SERVICE → CONSUMPTION); end it and add "
            + "a new charge");
    assertThatThrownBy(() -> propose(a, ImmutableCharge.copyOf(current).withStart(LocalDate.of(2026, 2, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 charge monthly-fee cannot change its start (the agreement's → 2026-02-01); end it "
            + "and add a new charge");
    assertThatThrownBy(() -> propose(a, ImmutableCharge.copyOf(current)
        .withPeriodicity(Periodicity.installments(3, BillingFrequency.MONTHLY))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 charge monthly-fee cannot change from recurring MONTHLY to 3 installments, "
            + "MONTHLY; end it and add a new charge");
  }

  private static Agreement propose(Agreement a, Charge changed) {
    return a.proposeAmendment(AM1, termsBuilder().addCharges(changed).build(), LocalDate.of(2026, 3, 1),
        Initiator.PROVIDER, ctx(2026, 2, 1));
  }

  @Test
  @DisplayName("an installment plan cannot be re-split once agreed")
  void installmentsFixed() {
    Charge plan = Charge.builder().id(ChargeId.of("router")).description("Router").basis(ChargeBasis.SALE)
        .item(ROUTER).amount(ils("300.00")).periodicity(Periodicity.installments(3, BillingFrequency.MONTHLY)).build();
    Agreement a = Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE, termsBuilder().addCharges(plan).build(),
            ctx(2025, 12, 20))
        .sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21)).activate(ctx(2026, 1, 1));
    assertThatThrownBy(() -> a.proposeAmendment(AM1, termsBuilder().addCharges(ImmutableCharge.copyOf(plan)
            .withPeriodicity(Periodicity.installments(6, BillingFrequency.MONTHLY))).build(), LocalDate.of(2026, 2, 1),
        Initiator.CUSTOMER, ctx(2026, 1, 15)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 charge router is paid in installments (3 installments, MONTHLY of 300.00 ILS); its "
            + "plan cannot change once agreed, end it and add a new charge");
  }

  @Test
  @DisplayName("a sale cannot recur")
  void recurringSale() {
    assertThatThrownBy(() -> Charge.builder().id(ChargeId.of("x")).description("X").basis(ChargeBasis.SALE)
        .amount(ils("1.00")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Charge x is a sale, paid once or in installments; use SERVICE for a recurring charge");
  }

  @Test
  @DisplayName("a fixed day of the month falls once a month even when periods start at month-ends")
  void dayOfMonthAnchored() {
    Charge c = Charge.builder().id(ChargeId.of("rent")).description("Rent").basis(ChargeBasis.SERVICE)
        .amount(ils("100.00")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY))
        .start(LocalDate.of(2026, 1, 31)).dueRule(DueRule.dayOfMonth(30)).build();
    PaymentSchedule s = PaymentPlan.of(ILS, java.util.List.of(c), LocalDate.of(2026, 1, 1))
        .schedule(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1));
    assertThat(s.items()).extracting(DueItem::dueDate).containsExactly(LocalDate.of(2026, 2, 28),
        LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 30), LocalDate.of(2026, 6, 30));
  }
}
