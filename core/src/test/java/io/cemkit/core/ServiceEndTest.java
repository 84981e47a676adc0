package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Nothing is served or charged after the end of service, as known at the time asked about. */
class ServiceEndTest {

  @Test
  @DisplayName("while notice runs, entitlements end on the termination date")
  void entitlementsEndOnNoticeDate() {
    Agreement a = active().requestTermination(LocalDate.of(2026, 3, 1), ctx(2026, 2, 1));
    assertThat(Entitlements.check(a, "phone-support", noon(2026, 2, 28)).allowed()).isTrue();
    EntitlementCheck after = Entitlements.check(a, "phone-support", noon(2026, 4, 15));
    assertThat(after.denial()).contains(DenialReason.AGREEMENT_ENDED);
    assertThat(after.message()).isEqualTo("Agreement AG-42's service ended on 2026-03-01");
    assertThatThrownBy(() -> a.recordUsage(EntitlementId.of("card-replacement"), 1, ctx(2026, 3, 15)))
        .isInstanceOf(EntitlementDeniedException.class)
        .hasMessage("Agreement AG-42's service ended on 2026-03-01");
  }

  @Test
  @DisplayName("a termination recorded late does not extend service past the notice date")
  void lateTermination() {
    Agreement a = active().requestTermination(LocalDate.of(2026, 3, 1), ctx(2026, 2, 1)).terminate(ctx(2026, 3, 20));
    assertThat(Entitlements.check(a, "phone-support", noon(2026, 3, 10)).denial())
        .contains(DenialReason.AGREEMENT_ENDED);
    assertThat(a.serviceEndAt(noon(2026, 1, 15))).isEmpty();
    assertThat(a.serviceEndAt(noon(2026, 2, 15))).contains(LocalDate.of(2026, 3, 1));
  }

  @Test
  @DisplayName("inForceOn: active, suspended or serving notice, before the end of service")
  void inForceOn() {
    Agreement a = active().suspend(ctx(2026, 2, 1)).resume(ctx(2026, 2, 10))
        .requestTermination(LocalDate.of(2026, 4, 1), ctx(2026, 3, 1));
    assertThat(a.inForceOn(LocalDate.of(2025, 12, 25))).as("pending activation").isFalse();
    assertThat(a.inForceOn(LocalDate.of(2026, 1, 1))).isTrue();
    assertThat(a.inForceOn(LocalDate.of(2026, 2, 5))).as("suspended").isTrue();
    assertThat(a.inForceOn(LocalDate.of(2026, 3, 31))).as("last day of notice").isTrue();
    assertThat(a.inForceOn(LocalDate.of(2026, 4, 1))).as("termination date").isFalse();
    assertThat(draft().inForceOn(LocalDate.of(2026, 2, 1))).isFalse();
  }

  @Test
  @DisplayName("deliveries are recorded during a suspension, but nothing new is ordered")
  void fulfilmentDuringSuspension() {
    AssetId card = AssetId.of("A-1");
    Agreement suspended = active().orderAsset(card, CARD, ctx(2026, 2, 1)).suspend(ctx(2026, 2, 2));
    assertThat(suspended.deliverAsset(card, ctx(2026, 2, 3)).asset(card).orElseThrow().status())
        .isEqualTo(AssetStatus.DELIVERED);
    assertThatThrownBy(() -> suspended.orderAsset(AssetId.of("A-2"), ROUTER, ctx(2026, 2, 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("assets are provisioned only while the agreement is PENDING_ACTIVATION or ACTIVE");
    Agreement terminated = active().orderAsset(card, CARD, ctx(2026, 2, 1)).terminate(ctx(2026, 2, 2));
    assertThatThrownBy(() -> terminated.deliverAsset(card, ctx(2026, 2, 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Agreement AG-42 is TERMINATED; cannot record DELIVER of asset A-1: deliveries and installations are "
            + "recorded only while the agreement is PENDING_ACTIVATION, ACTIVE, SUSPENDED or PENDING_TERMINATION");
    assertThat(terminated.cancelAsset(card, ctx(2026, 2, 3)).asset(card).orElseThrow().status())
        .isEqualTo(AssetStatus.CANCELLED);
  }
}
