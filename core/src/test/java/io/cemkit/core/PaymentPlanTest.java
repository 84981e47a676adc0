package io.cemkit.core;

import static io.cemkit.core.Fixtures.ILS;
import static io.cemkit.core.Fixtures.ils;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.spi.ConsumptionMeter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentPlanTest {
  private static final LocalDate JAN_1 = d(2026, 1, 1);
  private static final ChargeId FEE = ChargeId.of("monthly-fee");
  private static final ChargeId ROUTER = ChargeId.of("router");
  private static final ChargeId DATA = ChargeId.of("data");

  private static LocalDate d(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  private static DateRange range(LocalDate start, LocalDate end) {
    return DateRange.of(start, end);
  }

  private static Charge fee(String amount, Periodicity periodicity) {
    return Charge.builder().id(FEE).description("Monthly account fee").basis(ChargeBasis.SERVICE)
        .amount(ils(amount)).periodicity(periodicity).build();
  }

  private static Charge monthlyFee() {
    return fee("9.90", Periodicity.recurring(BillingFrequency.MONTHLY));
  }

  private static Charge routerInstallments(String total, int count) {
    return Charge.builder().id(ROUTER).description("Fibre router").basis(ChargeBasis.SALE).amount(ils(total))
        .periodicity(Periodicity.installments(count, BillingFrequency.MONTHLY)).build();
  }

  private static Charge dataUsage(DueRule due) {
    return Charge.builder().id(DATA).description("Mobile data").basis(ChargeBasis.CONSUMPTION).unit("GB")
        .amount(ils("0.45")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).dueRule(due).build();
  }

  private static PaymentPlan plan(Charge... charges) {
    return PaymentPlan.of(ILS, List.of(charges), JAN_1);
  }

  private static List<LocalDate> dueDates(PaymentSchedule schedule) {
    return schedule.items().stream().map(DueItem::dueDate).collect(Collectors.toList());
  }

  @Nested
  class OneTime {
    @Test
    @DisplayName("a one-time charge is due once, for the one-day service period starting on its own start")
    void oneTimeOwnStart() {
      Charge setup = Charge.builder().id(ChargeId.of("setup")).description("Set-up fee").basis(ChargeBasis.SALE)
          .amount(ils("499.00")).periodicity(Periodicity.oneTime()).start(d(2026, 1, 15)).build();
      PaymentSchedule schedule = plan(setup).schedule(JAN_1, d(2027, 1, 1));
      assertThat(schedule.items()).hasSize(1);
      DueItem item = schedule.items().get(0);
      assertSoftly(s -> {
        s.assertThat(item.charge()).isEqualTo(ChargeId.of("setup"));
        s.assertThat(item.description()).isEqualTo("Set-up fee");
        s.assertThat(item.basis()).isEqualTo(ChargeBasis.SALE);
        s.assertThat(item.occurrence()).isEqualTo(1);
        s.assertThat(item.occurrences()).contains(1);
        s.assertThat(item.servicePeriod()).isEqualTo(range(d(2026, 1, 15), d(2026, 1, 15)));
        s.assertThat(item.dueDate()).isEqualTo(d(2026, 1, 15));
        s.assertThat(item.amount()).isEqualTo(Money.of("499.00", "ILS"));
        s.assertThat(item.quantity()).isEmpty();
        s.assertThat(item.agreementVersion()).isEmpty();
        s.assertThat(schedule.total()).isEqualTo(Money.of("499.00", "ILS"));
      });
    }

    @Test
    @DisplayName("a one-time charge without a start uses the plan's default start; in arrears it is due the next day")
    void oneTimeDefaultStartInArrears() {
      Charge setup = Charge.builder().id(ChargeId.of("setup")).description("Set-up fee").basis(ChargeBasis.SERVICE)
          .amount(ils("50.00")).periodicity(Periodicity.oneTime()).dueRule(DueRule.inArrears()).build();
      PaymentSchedule schedule = plan(setup).schedule(JAN_1, d(2027, 1, 1));
      assertThat(schedule.items()).extracting(DueItem::servicePeriod, DueItem::dueDate, DueItem::amount)
          .containsExactly(tuple(range(JAN_1, JAN_1), d(2026, 1, 2), Money.of("50.00", "ILS")));
    }
  }

  @Nested
  class Installments {
    @Test
    @DisplayName("100.00 in 3 monthly installments: 33.34, 33.33, 33.33 with occurrence n/3 and monthly periods")
    void threeInstallments() {
      Charge router = ImmutableCharge.copyOf(routerInstallments("100.00", 3)).withStart(d(2026, 1, 15));
      PaymentSchedule schedule = plan(router).schedule(JAN_1, d(2027, 1, 1));
      assertThat(schedule.items())
          .extracting(DueItem::occurrence, DueItem::occurrences, DueItem::servicePeriod, DueItem::dueDate,
              DueItem::amount)
          .containsExactly(
              tuple(1, Optional.of(3), range(d(2026, 1, 15), d(2026, 2, 14)), d(2026, 1, 15), ils("33.34")),
              tuple(2, Optional.of(3), range(d(2026, 2, 15), d(2026, 3, 14)), d(2026, 2, 15), ils("33.33")),
              tuple(3, Optional.of(3), range(d(2026, 3, 15), d(2026, 4, 14)), d(2026, 3, 15), ils("33.33")));
      assertThat(schedule.total()).isEqualTo(Money.of("100.00", "ILS"));
      assertThat(schedule.items()).allSatisfy(i -> assertThat(i.basis()).isEqualTo(ChargeBasis.SALE));
    }

    @Test
    @DisplayName("a window inside the installments keeps their numbering and their share of the total")
    void windowInsideInstallments() {
      PaymentSchedule schedule = plan(routerInstallments("1000.00", 12)).schedule(d(2026, 6, 1), d(2026, 8, 1));
      assertThat(schedule.items()).extracting(DueItem::occurrence, DueItem::dueDate, DueItem::amount)
          .containsExactly(tuple(6, d(2026, 6, 1), ils("83.33")), tuple(7, d(2026, 7, 1), ils("83.33")));
    }

    @Test
    @DisplayName("installments must number 2 to 1200")
    void countBounds() {
      assertThatThrownBy(() -> Periodicity.installments(1, BillingFrequency.MONTHLY))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Installments.count")
          .hasMessageContaining("was 1");
      assertThatThrownBy(() -> Periodicity.installments(1201, BillingFrequency.MONTHLY))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Installments.count")
          .hasMessageContaining("was 1201");
    }
  }

  @Nested
  class Recurring {
    @Test
    @DisplayName("an open-ended monthly charge is due every month from the default start, without a known total")
    void openEnded() {
      PaymentSchedule schedule = plan(monthlyFee()).schedule(JAN_1, d(2026, 4, 1));
      assertThat(schedule.items())
          .extracting(DueItem::occurrence, DueItem::occurrences, DueItem::servicePeriod, DueItem::dueDate,
              DueItem::amount)
          .containsExactly(
              tuple(1, Optional.empty(), range(d(2026, 1, 1), d(2026, 1, 31)), d(2026, 1, 1), ils("9.90")),
              tuple(2, Optional.empty(), range(d(2026, 2, 1), d(2026, 2, 28)), d(2026, 2, 1), ils("9.90")),
              tuple(3, Optional.empty(), range(d(2026, 3, 1), d(2026, 3, 31)), d(2026, 3, 1), ils("9.90")));
      assertThat(schedule.total()).isEqualTo(ils("29.70"));
    }

    @Test
    @DisplayName("an open-ended charge keeps running for as long as the window asks")
    void openEndedFarWindow() {
      PaymentSchedule schedule = plan(monthlyFee()).schedule(d(2030, 12, 1), d(2031, 1, 1));
      assertThat(schedule.items()).extracting(DueItem::occurrence, DueItem::dueDate)
          .containsExactly(tuple(60, d(2030, 12, 1)));
    }

    @Test
    @DisplayName("a monthly series from 31 January is due on 28 February and 31 March")
    void monthEnd() {
      Charge fee = ImmutableCharge.copyOf(monthlyFee()).withStart(d(2026, 1, 31));
      PaymentSchedule schedule = plan(fee).schedule(JAN_1, d(2026, 5, 1));
      assertThat(schedule.items()).extracting(DueItem::dueDate, DueItem::servicePeriod).containsExactly(
          tuple(d(2026, 1, 31), range(d(2026, 1, 31), d(2026, 2, 27))),
          tuple(d(2026, 2, 28), range(d(2026, 2, 28), d(2026, 3, 30))),
          tuple(d(2026, 3, 31), range(d(2026, 3, 31), d(2026, 4, 29))),
          tuple(d(2026, 4, 30), range(d(2026, 4, 30), d(2026, 5, 30))));
    }

    @Test
    @DisplayName("a recurring charge limited to 3 occurrences stops after the third and says n/3")
    void limitedOccurrences() {
      PaymentSchedule schedule = plan(fee("9.90", Periodicity.recurring(BillingFrequency.MONTHLY, 3)))
          .schedule(JAN_1, d(2027, 1, 1));
      assertThat(schedule.items()).extracting(DueItem::occurrence, DueItem::occurrences, DueItem::dueDate)
          .containsExactly(tuple(1, Optional.of(3), d(2026, 1, 1)), tuple(2, Optional.of(3), d(2026, 2, 1)),
              tuple(3, Optional.of(3), d(2026, 3, 1)));
    }

    @Test
    @DisplayName("a recurring charge with an end charges the periods that start before it, in full (no proration)")
    void endExclusive() {
      assertSoftly(s -> {
        s.assertThat(dueDates(plan(fee("9.90", Periodicity.recurringUntil(BillingFrequency.MONTHLY, d(2026, 3, 1))))
            .schedule(JAN_1, d(2027, 1, 1)))).containsExactly(d(2026, 1, 1), d(2026, 2, 1));
        s.assertThat(dueDates(plan(fee("9.90", Periodicity.recurringUntil(BillingFrequency.MONTHLY, d(2026, 3, 2))))
            .schedule(JAN_1, d(2027, 1, 1)))).containsExactly(d(2026, 1, 1), d(2026, 2, 1), d(2026, 3, 1));
      });
      List<DueItem> items = plan(fee("9.90", Periodicity.recurringUntil(BillingFrequency.MONTHLY, d(2026, 3, 15))))
          .schedule(JAN_1, d(2027, 1, 1)).items();
      assertThat(items).hasSize(3);
      assertThat(items.get(2).servicePeriod()).isEqualTo(range(d(2026, 3, 1), d(2026, 3, 31)));
      assertThat(items.get(2).amount()).isEqualTo(ils("9.90"));
    }

    @Test
    @DisplayName("weekly charges are due every 7 days")
    void weekly() {
      Charge weekly = fee("2.50", Periodicity.recurring(BillingFrequency.WEEKLY));
      assertThat(dueDates(plan(weekly).schedule(JAN_1, d(2026, 2, 1))))
          .containsExactly(d(2026, 1, 1), d(2026, 1, 8), d(2026, 1, 15), d(2026, 1, 22), d(2026, 1, 29));
    }

    @Test
    @DisplayName("recurring occurrences must be at least 1")
    void occurrencesBounds() {
      assertThatThrownBy(() -> Periodicity.recurring(BillingFrequency.MONTHLY, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Recurring.occurrences")
          .hasMessageContaining("was 0");
    }
  }

  @Nested
  class Window {
    @Test
    @DisplayName("the window [from, until) includes an item due on from and excludes one due on until")
    void halfOpen() {
      PaymentSchedule schedule = plan(monthlyFee()).schedule(d(2026, 2, 1), d(2026, 4, 1));
      assertSoftly(s -> {
        s.assertThat(dueDates(schedule)).containsExactly(d(2026, 2, 1), d(2026, 3, 1));
        s.assertThat(schedule.items()).extracting(DueItem::occurrence).containsExactly(2, 3);
        s.assertThat(schedule.from()).isEqualTo(d(2026, 2, 1));
        s.assertThat(schedule.until()).isEqualTo(d(2026, 4, 1));
        s.assertThat(schedule.currency()).isEqualTo(ILS);
      });
    }

    @Test
    @DisplayName("the window selects by due date, not by service period")
    void selectsByDueDate() {
      Charge arrears = ImmutableCharge.copyOf(monthlyFee()).withDueRule(DueRule.inArrears());
      PaymentSchedule schedule = plan(arrears).schedule(d(2026, 2, 1), d(2026, 3, 1));
      assertThat(schedule.items()).extracting(DueItem::servicePeriod, DueItem::dueDate)
          .containsExactly(tuple(range(d(2026, 1, 1), d(2026, 1, 31)), d(2026, 2, 1)));
    }

    @Test
    @DisplayName("an empty window (until = from) has no items and a zero total")
    void emptyWindow() {
      PaymentSchedule schedule = plan(monthlyFee()).schedule(d(2026, 2, 1), d(2026, 2, 1));
      assertThat(schedule.items()).isEmpty();
      assertThat(schedule.total()).isEqualTo(Money.of("0.00", "ILS"));
    }

    @Test
    @DisplayName("until before from is rejected, naming both dates")
    void untilBeforeFrom() {
      assertThatThrownBy(() -> plan(monthlyFee()).schedule(d(2026, 2, 1), d(2026, 1, 31)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2026-01-31")
          .hasMessageContaining("2026-02-01");
    }
  }

  @Nested
  class Consumption {
    private final Map<DateRange, BigDecimal> readings = Map.of(
        range(d(2026, 1, 1), d(2026, 1, 31)), new BigDecimal("9.7"),
        range(d(2026, 2, 1), d(2026, 2, 28)), new BigDecimal("12.5"),
        range(d(2026, 3, 1), d(2026, 3, 31)), BigDecimal.ZERO);

    @Test
    @DisplayName("each period is rated by the meter: unit price × quantity, rounded half-even")
    void rated() {
      List<String> asked = new ArrayList<>();
      ConsumptionMeter meter = (charge, period) -> {
        asked.add(charge + " " + period);
        return readings.get(period);
      };
      PaymentSchedule schedule = plan(dataUsage(DueRule.inArrears())).schedule(JAN_1, d(2026, 4, 2), meter);
      assertThat(schedule.items())
          .extracting(DueItem::dueDate, DueItem::quantity, DueItem::amount, DueItem::basis)
          .containsExactly(
              // 0.45 × 9.7 = 4.365 → 4.36 (half-even; half-up would give 4.37)
              tuple(d(2026, 2, 1), Optional.of(new BigDecimal("9.7")), ils("4.36"), ChargeBasis.CONSUMPTION),
              // 0.45 × 12.5 = 5.625 → 5.62 (half-even; half-up would give 5.63)
              tuple(d(2026, 3, 1), Optional.of(new BigDecimal("12.5")), ils("5.62"), ChargeBasis.CONSUMPTION),
              tuple(d(2026, 4, 1), Optional.of(BigDecimal.ZERO), ils("0.00"), ChargeBasis.CONSUMPTION));
      assertThat(asked).containsExactly("data 2026-01-01..2026-01-31", "data 2026-02-01..2026-02-28",
          "data 2026-03-01..2026-03-31");
    }

    @Test
    @DisplayName("without a meter, a consumption charge makes the schedule fail, naming the charge")
    void noMeter() {
      PaymentPlan plan = plan(monthlyFee(), dataUsage(DueRule.inArrears()));
      assertThatThrownBy(() -> plan.schedule(JAN_1, d(2026, 4, 1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("data")
          .hasMessageContaining("ConsumptionMeter");
    }

    @Test
    @DisplayName("a meter returning a negative quantity makes the schedule fail, naming the charge and the period")
    void negativeQuantity() {
      ConsumptionMeter meter = (charge, period) -> new BigDecimal("-1");
      assertThatThrownBy(() -> plan(dataUsage(DueRule.inArrears())).schedule(JAN_1, d(2026, 3, 1), meter))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("-1")
          .hasMessageContaining("data")
          .hasMessageContaining("2026-01-01..2026-01-31");
    }

    @Test
    @DisplayName("a meter returning null makes the schedule fail, naming the charge and the period")
    void nullQuantity() {
      ConsumptionMeter meter = (charge, period) -> null;
      assertThatThrownBy(() -> plan(dataUsage(DueRule.inArrears())).schedule(JAN_1, d(2026, 3, 1), meter))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("null")
          .hasMessageContaining("data")
          .hasMessageContaining("2026-01-01..2026-01-31");
    }

    @Test
    @DisplayName("a meter is never asked about periods whose item falls outside the window")
    void meterOnlyForWindow() {
      List<DateRange> asked = new ArrayList<>();
      ConsumptionMeter meter = (charge, period) -> {
        asked.add(period);
        return BigDecimal.ONE;
      };
      plan(dataUsage(DueRule.inArrears())).schedule(d(2026, 3, 1), d(2026, 4, 1), meter);
      assertThat(asked).containsExactly(range(d(2026, 2, 1), d(2026, 2, 28)));
    }
  }

  @Nested
  class ServiceEnd {
    private final PaymentPlan plan = plan(monthlyFee(), routerInstallments("600.00", 6),
        dataUsage(DueRule.inAdvance()));
    private final ConsumptionMeter oneGb = (charge, period) -> BigDecimal.ONE;

    @Test
    @DisplayName("a plan has no service end until one is set; setting one returns a new plan")
    void accessor() {
      PaymentPlan bounded = plan.withServiceEnd(d(2026, 3, 15));
      assertSoftly(s -> {
        s.assertThat(plan.serviceEnd()).isEmpty();
        s.assertThat(bounded.serviceEnd()).contains(d(2026, 3, 15));
        s.assertThat(bounded.charges()).isEqualTo(plan.charges());
        s.assertThat(bounded.currency()).isEqualTo(ILS);
      });
    }

    @Test
    @DisplayName("service and consumption stop for periods starting on or after the end; sale installments continue")
    void cutsServiceNotSale() {
      PaymentSchedule schedule = plan.withServiceEnd(d(2026, 3, 15)).schedule(JAN_1, d(2027, 1, 1), oneGb);
      assertSoftly(s -> {
        s.assertThat(schedule.itemsOf(FEE)).extracting(DueItem::dueDate)
            .containsExactly(d(2026, 1, 1), d(2026, 2, 1), d(2026, 3, 1));
        s.assertThat(schedule.itemsOf(DATA)).extracting(DueItem::dueDate)
            .containsExactly(d(2026, 1, 1), d(2026, 2, 1), d(2026, 3, 1));
        s.assertThat(schedule.itemsOf(ROUTER)).extracting(DueItem::occurrence, DueItem::amount)
            .containsExactly(tuple(1, ils("100.00")), tuple(2, ils("100.00")), tuple(3, ils("100.00")),
                tuple(4, ils("100.00")), tuple(5, ils("100.00")), tuple(6, ils("100.00")));
      });
    }

    @Test
    @DisplayName("a period starting exactly on the service end is not charged")
    void periodStartingOnEnd() {
      PaymentSchedule schedule = plan.withServiceEnd(d(2026, 3, 1)).schedule(JAN_1, d(2027, 1, 1), oneGb);
      assertSoftly(s -> {
        s.assertThat(schedule.itemsOf(FEE)).extracting(DueItem::dueDate).containsExactly(d(2026, 1, 1),
            d(2026, 2, 1));
        s.assertThat(schedule.itemsOf(DATA)).extracting(DueItem::dueDate).containsExactly(d(2026, 1, 1),
            d(2026, 2, 1));
        s.assertThat(schedule.itemsOf(ROUTER)).hasSize(6);
        s.assertThat(schedule.total()).isEqualTo(ils("620.70")); // 2 × 9.90 + 600.00 + 2 × 1 GB × 0.45
      });
    }

    @Test
    @DisplayName("a one-time service charge starting after the end is cut; a one-time sale is a debt and is not")
    void oneTimeCharges() {
      Charge visit = Charge.builder().id(ChargeId.of("visit")).description("Technician visit")
          .basis(ChargeBasis.SERVICE).amount(ils("80.00")).periodicity(Periodicity.oneTime()).start(d(2026, 4, 1))
          .build();
      Charge cable = Charge.builder().id(ChargeId.of("cable")).description("Cable").basis(ChargeBasis.SALE)
          .amount(ils("15.00")).periodicity(Periodicity.oneTime()).start(d(2026, 4, 1)).build();
      PaymentSchedule schedule = plan(visit, cable).withServiceEnd(d(2026, 3, 1)).schedule(JAN_1, d(2027, 1, 1));
      assertThat(schedule.items()).extracting(DueItem::charge).containsExactly(ChargeId.of("cable"));
    }

    @Test
    @DisplayName("the charge's own end and the service end: the earlier wins")
    void earlierEndWins() {
      Charge fee = fee("9.90", Periodicity.recurringUntil(BillingFrequency.MONTHLY, d(2026, 2, 15)));
      assertThat(dueDates(plan(fee).withServiceEnd(d(2026, 6, 1)).schedule(JAN_1, d(2027, 1, 1))))
          .containsExactly(d(2026, 1, 1), d(2026, 2, 1));
      Charge fee2 = fee("9.90", Periodicity.recurringUntil(BillingFrequency.MONTHLY, d(2026, 6, 1)));
      assertThat(dueDates(plan(fee2).withServiceEnd(d(2026, 2, 15)).schedule(JAN_1, d(2027, 1, 1))))
          .containsExactly(d(2026, 1, 1), d(2026, 2, 1));
    }
  }

  @Nested
  class Ordering {
    @Test
    @DisplayName("items are ordered by due date, then charge id, then occurrence, whatever the order of charges")
    void order() {
      Charge b = Charge.builder().id(ChargeId.of("b-fee")).description("B").basis(ChargeBasis.SERVICE)
          .amount(ils("1.00")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build();
      Charge a = Charge.builder().id(ChargeId.of("a-fee")).description("A").basis(ChargeBasis.SERVICE)
          .amount(ils("2.00")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).start(d(2026, 1, 15))
          .build();
      // weekly periods collected on the 1st of the next month: several occurrences share a due date
      Charge w = Charge.builder().id(ChargeId.of("w-fee")).description("W").basis(ChargeBasis.SERVICE)
          .amount(ils("0.50")).periodicity(Periodicity.recurring(BillingFrequency.WEEKLY)).start(d(2026, 1, 5))
          .dueRule(DueRule.dayOfMonth(1)).build();
      PaymentSchedule schedule = plan(w, b, a).schedule(JAN_1, d(2026, 2, 2));
      assertThat(schedule.items()).extracting(i -> i.charge().value(), DueItem::occurrence, DueItem::dueDate)
          .containsExactly(
              tuple("b-fee", 1, d(2026, 1, 1)),
              tuple("a-fee", 1, d(2026, 1, 15)),
              tuple("b-fee", 2, d(2026, 2, 1)),
              tuple("w-fee", 1, d(2026, 2, 1)),
              tuple("w-fee", 2, d(2026, 2, 1)),
              tuple("w-fee", 3, d(2026, 2, 1)),
              tuple("w-fee", 4, d(2026, 2, 1)));
    }

    @Test
    @DisplayName("on the same due date the charge id decides")
    void sameDayByChargeId() {
      Charge b = Charge.builder().id(ChargeId.of("b-fee")).description("B").basis(ChargeBasis.SERVICE)
          .amount(ils("1.00")).periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build();
      Charge a = Charge.builder().id(ChargeId.of("a-fee")).description("A").basis(ChargeBasis.SALE)
          .amount(ils("2.00")).periodicity(Periodicity.installments(2, BillingFrequency.MONTHLY)).build();
      PaymentSchedule schedule = plan(b, a).schedule(JAN_1, d(2026, 3, 1));
      assertThat(schedule.items()).extracting(i -> i.charge().value(), DueItem::dueDate).containsExactly(
          tuple("a-fee", d(2026, 1, 1)), tuple("b-fee", d(2026, 1, 1)),
          tuple("a-fee", d(2026, 2, 1)), tuple("b-fee", d(2026, 2, 1)));
      assertThat(schedule.total()).isEqualTo(ils("4.00"));
      assertThat(schedule.itemsOf(ChargeId.of("a-fee"))).extracting(DueItem::amount)
          .containsExactly(ils("1.00"), ils("1.00"));
    }
  }

  @Nested
  class Construction {
    @Test
    @DisplayName("a plan rejects a charge in another currency, naming the charge and both currencies")
    void otherCurrency() {
      Charge eur = Charge.builder().id(ChargeId.of("eur-fee")).description("Fee").basis(ChargeBasis.SERVICE)
          .amount(Money.of("1.00", "EUR")).periodicity(Periodicity.oneTime()).build();
      assertThatThrownBy(() -> PaymentPlan.of(ILS, List.of(monthlyFee(), eur), JAN_1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("eur-fee")
          .hasMessageContaining("EUR")
          .hasMessageContaining("ILS");
    }

    @Test
    @DisplayName("a plan rejects two charges with the same id")
    void duplicateIds() {
      assertThatThrownBy(() -> PaymentPlan.of(ILS, List.of(monthlyFee(), fee("1.00", Periodicity.oneTime())), JAN_1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("monthly-fee");
    }

    @Test
    @DisplayName("a plan without charges schedules nothing")
    void noCharges() {
      PaymentSchedule schedule = PaymentPlan.of(ILS, List.of(), JAN_1).schedule(JAN_1, d(2027, 1, 1));
      assertThat(schedule.items()).isEmpty();
      assertThat(schedule.total()).isEqualTo(ils("0.00"));
    }
  }

  // ------------------------------------------------------------------ seeded-random invariants

  static Stream<Arguments> randomInstallmentPlans() {
    Random random = new Random(6_003L);
    Currency[] currencies = {ILS, Currency.getInstance("JPY"), Currency.getInstance("BHD"),
        Currency.getInstance("EUR")};
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Currency currency = currencies[random.nextInt(currencies.length)];
      long units = random.nextInt(5) == 0 ? random.nextInt(50) : (long) (random.nextDouble() * 1e11);
      Money total = Money.of(BigDecimal.valueOf(units, currency.getDefaultFractionDigits()), currency);
      int count = random.nextInt(10) == 0 ? 2 + random.nextInt(1199) : 2 + random.nextInt(59);
      BillingFrequency frequency = BillingFrequency.values()[random.nextInt(BillingFrequency.values().length)];
      LocalDate start = d(2020, 1, 1).plusDays(random.nextInt(365 * 15));
      DueRule due;
      switch (random.nextInt(4)) {
        case 0:
          due = DueRule.inAdvance();
          break;
        case 1:
          due = DueRule.inArrears();
          break;
        case 2:
          due = DueRule.daysAfterIssue(random.nextInt(367));
          break;
        default:
          due = DueRule.dayOfMonth(1 + random.nextInt(31));
          break;
      }
      // a service end anywhere in the span must not cut a sale
      LocalDate serviceEnd = start.plusDays(random.nextInt(365 * 3));
      cases.add(Arguments.of(total, count, frequency, start, due, serviceEnd));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "[{index}] {0} in {1} × {2} from {3}, {4}")
  @MethodSource("randomInstallmentPlans")
  @DisplayName("installments over the whole span sum exactly to the total, in n contiguous periods")
  void installmentsSumToTotal(Money total, int count, BillingFrequency frequency, LocalDate start, DueRule due,
      LocalDate serviceEnd) {
    Charge sale = Charge.builder().id(ChargeId.of("sale")).description("Sale").basis(ChargeBasis.SALE)
        .amount(total).periodicity(Periodicity.installments(count, frequency)).dueRule(due).build();
    PaymentPlan plan = PaymentPlan.of(total.currency(), List.of(sale), start).withServiceEnd(serviceEnd);
    LocalDate until = frequency.occurrence(start, count).plusDays(400);
    PaymentSchedule schedule = plan.schedule(start, until);
    List<DueItem> items = schedule.items();
    assertThat(items).hasSize(count);
    BigInteger smallest = items.stream().map(i -> i.amount().amount().unscaledValue()).min(BigInteger::compareTo)
        .orElseThrow();
    BigInteger largest = items.stream().map(i -> i.amount().amount().unscaledValue()).max(BigInteger::compareTo)
        .orElseThrow();
    assertSoftly(s -> {
      s.assertThat(schedule.total()).isEqualTo(total);
      s.assertThat(largest.subtract(smallest)).isBetween(BigInteger.ZERO, BigInteger.ONE);
      s.assertThat(items.get(0).servicePeriod().start()).isEqualTo(start);
      for (int k = 0; k < count; k++) {
        DueItem item = items.get(k);
        s.assertThat(item.occurrence()).isEqualTo(k + 1);
        s.assertThat(item.occurrences()).contains(count);
        s.assertThat(item.servicePeriod().start()).isEqualTo(frequency.occurrence(start, k));
        s.assertThat(item.servicePeriod().endExclusive()).contains(frequency.occurrence(start, k + 1L));
        s.assertThat(item.dueDate()).isEqualTo(due.dueDate(item.servicePeriod().start(),
            item.servicePeriod().endExclusive().orElseThrow()));
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("splitting the window at any date splits the schedule: [a, c) = [a, b) + [b, c)")
  void windowsAreAdditive(long seed) {
    Random random = new Random(seed);
    for (int n = 0; n < 50; n++) {
      LocalDate start = d(2024, 1, 1).plusDays(random.nextInt(730));
      Charge fee = ImmutableCharge.copyOf(monthlyFee()).withStart(start)
          .withDueRule(DueRule.dayOfMonth(1 + random.nextInt(31)));
      Charge sale = Charge.builder().id(ROUTER).description("Fibre router").basis(ChargeBasis.SALE)
          .amount(ils("1234.56"))
          .periodicity(Periodicity.installments(2 + random.nextInt(36),
              BillingFrequency.values()[random.nextInt(BillingFrequency.values().length)]))
          .dueRule(DueRule.daysAfterIssue(random.nextInt(60))).build();
      PaymentPlan plan = PaymentPlan.of(ILS, List.of(fee, sale), d(2024, 6, 1))
          .withServiceEnd(d(2025, 1, 1).plusDays(random.nextInt(730)));
      LocalDate a = d(2023, 6, 1).plusDays(random.nextInt(400));
      LocalDate b = a.plusDays(random.nextInt(900));
      LocalDate c = b.plusDays(random.nextInt(900));
      List<DueItem> whole = plan.schedule(a, c).items();
      List<DueItem> parts = new ArrayList<>(plan.schedule(a, b).items());
      parts.addAll(plan.schedule(b, c).items());
      assertThat(parts).as("seed %d, case %d: [%s, %s) split at %s", seed, n, a, c, b).isEqualTo(whole);
    }
  }

  static Stream<Long> seeds() {
    return Stream.of(1L, 42L, 2026L, 31_337L);
  }
}
