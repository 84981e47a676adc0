package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EntitlementsTest {
  static final EntitlementId REPLACEMENT = EntitlementId.of("card-replacement");

  static Agreement withEntitlements(Entitlement... entitlements) {
    AgreementTerms terms = AgreementTerms.builder().term(DateRange.of(TERM_START, TERM_END)).currency(ILS)
        .addItems(AgreementItem.of(CARD, CARD_PRODUCT)).addEntitlements(entitlements).build();
    return Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE, terms, ctx(2025, 12, 20))
        .sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21)).activate(ctx(2026, 1, 1));
  }

  @Test
  @DisplayName("an active agreement allows a covered service and returns its SLA")
  void allowedWithSla() {
    EntitlementCheck check = Entitlements.check(active(), "phone-support", noon(2026, 2, 1));
    assertSoftly(s -> {
      s.assertThat(check.allowed()).isTrue();
      s.assertThat(check.denial()).isEmpty();
      s.assertThat(check.entitlement().map(Entitlement::id)).contains(EntitlementId.of("support"));
      s.assertThat(check.sla()).contains(SlaTarget.of(Duration.ofHours(4), Duration.ofDays(2)));
      s.assertThat(check.remaining()).isEmpty();
      s.assertThat(check.message()).isEqualTo("Agreement AG-42 allows phone-support through entitlement support; "
          + "SLA first response PT4H, resolution PT48H");
    });
    assertThat(active().checkEntitlement("phone-support", noon(2026, 2, 1))).isEqualTo(check);
  }

  @Test
  @DisplayName("a service the terms do not cover is denied as NOT_COVERED")
  void notCovered() {
    EntitlementCheck check = Entitlements.check(active(), "home-visit", noon(2026, 2, 1));
    assertThat(check.allowed()).isFalse();
    assertThat(check.denial()).contains(DenialReason.NOT_COVERED);
    assertThat(check.sla()).isEmpty();
    assertThat(check.message()).isEqualTo("Agreement AG-42 (version 1) does not cover service type 'home-visit'");
  }

  @Test
  @DisplayName("the agreement's status at the instant decides first: not active, suspended, ended")
  void agreementStatus() {
    assertThat(Entitlements.check(draft(), "phone-support", noon(2026, 2, 1)).denial())
        .contains(DenialReason.AGREEMENT_NOT_ACTIVE);
    assertThat(Entitlements.check(active(), "phone-support", noon(2025, 12, 25)).denial())
        .contains(DenialReason.AGREEMENT_NOT_ACTIVE);
    assertThat(Entitlements.check(active(), "phone-support", noon(2025, 1, 1)).message())
        .isEqualTo("Agreement AG-42 did not exist at 2025-01-01T10:00:00Z");
    Agreement suspended = active().suspend(ctx(2026, 3, 1));
    assertThat(Entitlements.check(suspended, "phone-support", noon(2026, 3, 2)).denial())
        .contains(DenialReason.AGREEMENT_SUSPENDED);
    assertThat(Entitlements.check(suspended, "phone-support", noon(2026, 2, 28)).allowed())
        .as("before the suspension the service was allowed").isTrue();
    assertThat(Entitlements.check(active().terminate(ctx(2026, 3, 1)), "phone-support", noon(2026, 3, 2)).denial())
        .contains(DenialReason.AGREEMENT_ENDED);
    EntitlementCheck afterTerm = Entitlements.check(active(), "phone-support", noon(2027, 1, 1));
    assertThat(afterTerm.denial()).contains(DenialReason.AGREEMENT_ENDED);
    assertThat(afterTerm.message()).isEqualTo("Agreement AG-42's term ended on 2026-12-31");
    assertThat(Entitlements.check(active().requestTermination(LocalDate.of(2026, 6, 30), ctx(2026, 3, 1)),
        "phone-support", noon(2026, 3, 2)).allowed()).as("service continues while notice runs").isTrue();
  }

  @Test
  @DisplayName("validity windows: NOT_YET_VALID before, EXPIRED after")
  void validity() {
    Agreement a = withEntitlements(Entitlement.builder().id(EntitlementId.of("promo")).serviceType("lounge")
        .validity(DateRange.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).build());
    assertThat(Entitlements.check(a, "lounge", noon(2026, 2, 28)).denial()).contains(DenialReason.NOT_YET_VALID);
    assertThat(Entitlements.check(a, "lounge", noon(2026, 3, 1)).allowed()).isTrue();
    assertThat(Entitlements.check(a, "lounge", noon(2026, 3, 31)).allowed()).isTrue();
    EntitlementCheck expired = Entitlements.check(a, "lounge", noon(2026, 4, 1));
    assertThat(expired.denial()).contains(DenialReason.EXPIRED);
    assertThat(expired.message()).isEqualTo("Agreement AG-42: entitlement promo expired on 2026-03-31");
  }

  @Test
  @DisplayName("channels: an entitlement limited to some channels denies others")
  void channels() {
    Agreement a = withEntitlements(Entitlement.builder().id(EntitlementId.of("chat")).serviceType("advice")
        .addChannels(Channel.WHATSAPP, Channel.APP).build());
    assertThat(Entitlements.check(a, "advice", Channel.APP, noon(2026, 2, 1)).allowed()).isTrue();
    EntitlementCheck phone = Entitlements.check(a, "advice", Channel.PHONE, noon(2026, 2, 1));
    assertThat(phone.denial()).contains(DenialReason.CHANNEL_NOT_COVERED);
    assertThat(phone.message()).isEqualTo("Agreement AG-42: entitlement chat covers APP, WHATSAPP, not PHONE");
    assertThat(Entitlements.check(a, "advice", noon(2026, 2, 1)).allowed()).as("no channel given").isTrue();
  }

  @Test
  @DisplayName("quota per year: usage is counted, recordUsage refuses beyond it with the check")
  void quota() {
    Agreement a = active().recordUsage(REPLACEMENT, 1, ctx(2026, 2, 1));
    assertThat(Entitlements.check(a, "card-replacement", noon(2026, 2, 2)).remaining()).contains(0);
    Agreement full = a.recordUsage(REPLACEMENT, 1, ctx(2026, 5, 1));
    EntitlementCheck denied = Entitlements.check(full, "card-replacement", noon(2026, 6, 1));
    assertSoftly(s -> {
      s.assertThat(denied.denial()).contains(DenialReason.QUOTA_EXHAUSTED);
      s.assertThat(denied.remaining()).contains(0);
      s.assertThat(denied.message()).isEqualTo("Agreement AG-42: entitlement card-replacement allows 2 per year, 2 used, "
          + "1 asked");
    });
    assertThatThrownBy(() -> full.recordUsage(REPLACEMENT, 1, ctx(2026, 6, 1)))
        .isInstanceOfSatisfying(EntitlementDeniedException.class,
            e -> assertThat(e.check().denial()).contains(DenialReason.QUOTA_EXHAUSTED))
        .hasMessage("Agreement AG-42: entitlement card-replacement allows 2 per year, 2 used, 1 asked");
    assertThat(Entitlements.check(full, "card-replacement", noon(2026, 3, 1)).allowed())
        .as("usage recorded later does not count for an earlier instant").isTrue();
    assertThatThrownBy(() -> active().recordUsage(REPLACEMENT, 3, ctx(2026, 2, 1)))
        .isInstanceOf(EntitlementDeniedException.class);
  }

  @Test
  @DisplayName("quota per month resets each calendar month in the agreement's zone")
  void monthlyQuota() {
    Agreement a = withEntitlements(Entitlement.builder().id(EntitlementId.of("atm")).serviceType("atm-withdrawal")
        .quota(1).quotaPeriod(QuotaPeriod.MONTH).build());
    Agreement used = a.recordUsage(EntitlementId.of("atm"), 1, ctx(2026, 2, 27));
    assertThat(Entitlements.check(used, "atm-withdrawal", noon(2026, 2, 28)).denial())
        .contains(DenialReason.QUOTA_EXHAUSTED);
    assertThat(Entitlements.check(used, "atm-withdrawal", noon(2026, 3, 1)).allowed()).isTrue();
    // 23:30 UTC on 28 Feb is already 1 March in Jerusalem: the month is read in the agreement's zone
    assertThat(Entitlements.check(used, "atm-withdrawal", java.time.Instant.parse("2026-02-28T23:30:00Z")).allowed())
        .isTrue();
  }

  @Test
  @DisplayName("among several entitlements of a type, the first that allows wins; otherwise the closest denial")
  void severalEntitlements() {
    Entitlement expired = Entitlement.builder().id(EntitlementId.of("old")).serviceType("visit")
        .validity(DateRange.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).build();
    Entitlement exhausted = Entitlement.builder().id(EntitlementId.of("basic")).serviceType("visit").quota(0).build();
    Entitlement open = Entitlement.builder().id(EntitlementId.of("premium")).serviceType("visit").build();
    assertThat(Entitlements.check(withEntitlements(expired, exhausted, open), "visit", noon(2026, 2, 1))
        .entitlement().map(Entitlement::id)).contains(EntitlementId.of("premium"));
    EntitlementCheck closest = Entitlements.check(withEntitlements(expired, exhausted), "visit", noon(2026, 2, 1));
    assertThat(closest.denial()).contains(DenialReason.QUOTA_EXHAUSTED);
    assertThat(closest.entitlement().map(Entitlement::id)).contains(EntitlementId.of("basic"));
  }

  @Test
  @DisplayName("the terms in force at the instant are used: an amendment that adds a service counts from its date")
  void termsInForce() {
    AgreementTerms withVisits = termsBuilder().addCharges(monthlyFee("9.90"))
        .addEntitlements(Entitlement.builder().id(EntitlementId.of("visits")).serviceType("technician-visit").build())
        .build();
    Agreement a = active()
        .proposeAmendment(AmendmentId.of("AM-1"), withVisits, LocalDate.of(2026, 3, 1), Initiator.CUSTOMER,
            ctx(2026, 2, 1))
        .acceptAmendment(AmendmentId.of("AM-1"), evidence(noon(2026, 2, 1)), ctx(2026, 2, 1))
        .applyAmendment(AmendmentId.of("AM-1"), ctx(2026, 3, 1));
    assertThat(Entitlements.check(a, "technician-visit", noon(2026, 2, 15)).denial())
        .contains(DenialReason.NOT_COVERED);
    assertThat(Entitlements.check(a, "technician-visit", noon(2026, 3, 2)).allowed()).isTrue();
  }

  @Test
  @DisplayName("bad arguments are refused")
  void badArguments() {
    assertThatThrownBy(() -> Entitlements.check(active(), "x", Optional.empty(), noon(2026, 2, 1), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("units must be at least 1, was 0");
    assertThatThrownBy(() -> Entitlements.check(null, "x", noon(2026, 2, 1)))
        .isInstanceOf(NullPointerException.class).hasMessage("agreement");
    assertThatThrownBy(() -> Entitlement.builder().id(REPLACEMENT).serviceType("x").quota(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Entitlement card-replacement quota must not be "
            + "negative, was -1");
    assertThatThrownBy(() -> SlaTarget.of(Duration.ofHours(4), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SlaTarget.resolution (PT1H) must not be shorter than firstResponse (PT4H)");
    assertThatThrownBy(() -> SlaTarget.of(Duration.ZERO, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("SlaTarget.firstResponse must be positive, was PT0S");
  }
}
