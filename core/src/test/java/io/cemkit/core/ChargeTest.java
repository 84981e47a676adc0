package io.cemkit.core;

import static io.cemkit.core.Fixtures.ACCOUNT;
import static io.cemkit.core.Fixtures.ILS;
import static io.cemkit.core.Fixtures.TERM_END;
import static io.cemkit.core.Fixtures.TERM_START;
import static io.cemkit.core.Fixtures.ils;
import static io.cemkit.core.Fixtures.monthlyFee;
import static io.cemkit.core.Fixtures.support;
import static io.cemkit.core.Fixtures.termsBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChargeTest {

  private static ImmutableCharge.Builder service() {
    return service("Monthly fee");
  }

  private static ImmutableCharge.Builder service(String description) {
    return Charge.builder().id(ChargeId.of("fee")).description(description).basis(ChargeBasis.SERVICE)
        .periodicity(Periodicity.recurring(BillingFrequency.MONTHLY));
  }

  private static ImmutableCharge.Builder consumption() {
    return Charge.builder().id(ChargeId.of("data")).description("Mobile data").basis(ChargeBasis.CONSUMPTION)
        .amount(ils("0.45"));
  }

  @Nested
  class Validation {
    @Test
    @DisplayName("a valid charge keeps its fields; the due rule defaults to in advance and the start to none")
    void valid() {
      Charge charge = service().amount(ils("9.90")).item(ACCOUNT).build();
      assertSoftly(s -> {
        s.assertThat(charge.id()).isEqualTo(ChargeId.of("fee"));
        s.assertThat(charge.description()).isEqualTo("Monthly fee");
        s.assertThat(charge.basis()).isEqualTo(ChargeBasis.SERVICE);
        s.assertThat(charge.item()).contains(ACCOUNT);
        s.assertThat(charge.amount()).isEqualTo(Money.of("9.90", "ILS"));
        s.assertThat(charge.unit()).isEmpty();
        s.assertThat(charge.periodicity()).isEqualTo(Periodicity.recurring(BillingFrequency.MONTHLY));
        s.assertThat(charge.dueRule()).isEqualTo(DueRule.inAdvance());
        s.assertThat(charge.start()).isEmpty();
      });
    }

    @Test
    @DisplayName("a zero amount is allowed (a free service)")
    void zeroAmount() {
      assertThat(service().amount(ils("0")).build().amount()).isEqualTo(Money.of("0.00", "ILS"));
    }

    @Test
    @DisplayName("a negative amount is rejected, naming the charge, the field and the value")
    void negativeAmount() {
      assertThatThrownBy(() -> service().amount(ils("-1.00")).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("fee")
          .hasMessageContaining("amount")
          .hasMessageContaining("-1.00 ILS");
    }

    @Test
    @DisplayName("a consumption charge must be recurring: one-time is rejected")
    void consumptionOneTime() {
      assertThatThrownBy(() -> consumption().unit("GB").periodicity(Periodicity.oneTime()).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("data")
          .hasMessageContaining("periodicity")
          .hasMessageContaining("one-time");
    }

    @Test
    @DisplayName("a consumption charge must be recurring: installments are rejected")
    void consumptionInstallments() {
      assertThatThrownBy(() -> consumption().unit("GB")
          .periodicity(Periodicity.installments(3, BillingFrequency.MONTHLY)).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("periodicity")
          .hasMessageContaining("3 installments, MONTHLY");
    }

    @Test
    @DisplayName("a consumption charge needs a unit")
    void consumptionWithoutUnit() {
      assertThatThrownBy(() -> consumption().periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("data")
          .hasMessageContaining("unit");
    }

    @Test
    @DisplayName("a consumption unit must be a code")
    void consumptionUnitNotACode() {
      assertThatThrownBy(() -> consumption().unit("k Wh").periodicity(Periodicity.recurring(BillingFrequency.MONTHLY))
          .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Charge.unit")
          .hasMessageContaining("Charge.unit has an invalid character U+0020 at index 1 of 4");
    }

    @Test
    @DisplayName("a valid consumption charge keeps its unit")
    void consumptionValid() {
      Charge data = consumption().unit("GB").periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build();
      assertThat(data.unit()).contains("GB");
    }

    @Test
    @DisplayName("a unit on a service or sale charge is rejected, naming the unit and the basis")
    void unitOnNonConsumption() {
      assertThatThrownBy(() -> service().amount(ils("9.90")).unit("GB").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("fee")
          .hasMessageContaining("GB")
          .hasMessageContaining("SERVICE");
      assertThatThrownBy(() -> Charge.builder().id(ChargeId.of("tv")).description("TV set").basis(ChargeBasis.SALE)
          .amount(ils("999.00")).periodicity(Periodicity.oneTime()).unit("pcs").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("pcs")
          .hasMessageContaining("SALE");
    }

    @Test
    @DisplayName("a blank description is rejected, naming the field")
    void blankDescription() {
      assertThatThrownBy(() -> service("  ").amount(ils("9.90")).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Charge.description")
          .hasMessageContaining("blank");
      assertThatThrownBy(() -> service("").amount(ils("9.90")).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Charge.description");
    }

    @Test
    @DisplayName("a description longer than 200 characters is rejected, naming the length")
    void longDescription() {
      assertThat(service("x".repeat(200)).amount(ils("9.90")).build().description()).hasSize(200);
      assertThatThrownBy(() -> service("x".repeat(201)).amount(ils("9.90")).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Charge.description")
          .hasMessageContaining("200")
          .hasMessageContaining("201");
    }

    @Test
    @DisplayName("a charge id must be a code")
    void chargeId() {
      assertThatThrownBy(() -> ChargeId.of("monthly fee"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ChargeId")
          .hasMessageContaining("ChargeId has an invalid character U+0020 at index 7 of 11");
    }
  }

  @Nested
  class Terms {
    @Test
    @DisplayName("terms need at least one item")
    void noItems() {
      assertThatThrownBy(() -> AgreementTerms.builder().term(DateRange.of(TERM_START, TERM_END)).currency(ILS)
          .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least one item");
    }

    @Test
    @DisplayName("duplicate item ids are rejected, naming the id")
    void duplicateItems() {
      assertThatThrownBy(() -> termsBuilder()
          .addItems(AgreementItem.of(ACCOUNT, Product.of("SAVINGS", "Savings account", ProductKind.SERVICE))).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("AgreementTerms.items")
          .hasMessageContaining("'account'");
    }

    @Test
    @DisplayName("duplicate charge ids are rejected, naming the id")
    void duplicateCharges() {
      assertThatThrownBy(() -> termsBuilder().addCharges(monthlyFee("9.90"), monthlyFee("12.90")).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("AgreementTerms.charges")
          .hasMessageContaining("'monthly-fee'");
    }

    @Test
    @DisplayName("duplicate entitlement ids are rejected, naming the id")
    void duplicateEntitlements() {
      assertThatThrownBy(() -> termsBuilder().addEntitlements(support()).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("AgreementTerms.entitlements")
          .hasMessageContaining("'support'");
    }

    @Test
    @DisplayName("a charge in another currency is rejected, naming the charge and both currencies")
    void chargeInOtherCurrency() {
      Charge eur = Charge.builder().id(ChargeId.of("eur-fee")).description("Fee in euros")
          .basis(ChargeBasis.SERVICE).amount(Money.of("9.90", "EUR"))
          .periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build();
      assertThatThrownBy(() -> termsBuilder().addCharges(eur).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("eur-fee")
          .hasMessageContaining("EUR")
          .hasMessageContaining("ILS");
    }

    @Test
    @DisplayName("a charge pointing to an unknown item is rejected, naming the charge and the item")
    void chargeWithUnknownItem() {
      Charge tv = Charge.builder().id(ChargeId.of("tv-fee")).description("TV rental").basis(ChargeBasis.SERVICE)
          .item(AgreementItemId.of("tv-box")).amount(ils("19.90"))
          .periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build();
      assertThatThrownBy(() -> termsBuilder().addCharges(tv).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tv-fee")
          .hasMessageContaining("tv-box");
    }

    @Test
    @DisplayName("an entitlement pointing to an unknown item is rejected, naming the entitlement and the item")
    void entitlementWithUnknownItem() {
      Entitlement tv = Entitlement.builder().id(EntitlementId.of("tv-repair")).serviceType("tv-repair")
          .item(AgreementItemId.of("tv-box")).build();
      assertThatThrownBy(() -> termsBuilder().addEntitlements(tv).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tv-repair")
          .hasMessageContaining("tv-box");
    }

    @Test
    @DisplayName("the terms' payment plan has their currency and charges and starts charges on the term's first day")
    void paymentPlan() {
      AgreementTerms terms = AgreementTerms.builder().term(DateRange.of(LocalDate.of(2026, 1, 15), TERM_END))
          .currency(ILS).addItems(AgreementItem.of(ACCOUNT, Product.of("CHECKING", "Checking", ProductKind.SERVICE)))
          .addCharges(monthlyFee("9.90")).build();
      PaymentPlan plan = terms.paymentPlan();
      assertSoftly(s -> {
        s.assertThat(plan.currency()).isEqualTo(ILS);
        s.assertThat(plan.charges()).isEqualTo(List.of(monthlyFee("9.90")));
        s.assertThat(plan.schedule(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1)).items())
            .extracting(DueItem::dueDate)
            .containsExactly(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15));
      });
    }
  }
}
