package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AssetLifecycleTest {
  static final AssetId A1 = AssetId.of("A-1");
  static final AssetId A2 = AssetId.of("A-2");
  static final LocalDate RETURN_BY = LocalDate.of(2026, 4, 30);

  /** An active agreement whose asset A-1 (a card, or the router for installation) is in {@code status}. */
  static Agreement withAsset(AssetStatus status, boolean router) {
    Agreement a = active().orderAsset(A1, router ? ROUTER : CARD, ctx(2026, 2, 1));
    switch (status) {
      case ORDERED:
        return a;
      case CANCELLED:
        return a.cancelAsset(A1, ctx(2026, 2, 2));
      default:
        break;
    }
    a = a.deliverAsset(A1, ctx(2026, 2, 3));
    if (status == AssetStatus.DELIVERED) {
      return a;
    }
    if (status == AssetStatus.LOST) {
      return a.reportAssetLost(A1, ctx(2026, 2, 4));
    }
    a = router ? a.installAsset(A1, ctx(2026, 2, 4)) : a.putAssetInService(A1, ctx(2026, 2, 4));
    if (status == AssetStatus.IN_SERVICE) {
      return a;
    }
    a = a.requestAssetReturn(A1, FaultParty.NONE, RETURN_BY, ctx(2026, 2, 5));
    if (status == AssetStatus.RETURN_PENDING) {
      return a;
    }
    return a.returnAsset(A1, ctx(2026, 2, 6));
  }

  static Agreement apply(Agreement a, AssetAction action) {
    ChangeContext ctx = ctx(2026, 3, 1);
    switch (action) {
      case DELIVER:
        return a.deliverAsset(A1, ctx);
      case INSTALL:
        return a.installAsset(A1, ctx);
      case PUT_IN_SERVICE:
        return a.putAssetInService(A1, ctx);
      case REMOVE:
        return a.removeAsset(A1, RETURN_BY, ctx);
      case REQUEST_RETURN:
        return a.requestAssetReturn(A1, FaultParty.PROVIDER, RETURN_BY, ctx);
      case REPLACE:
        return a.replaceAsset(A1, A2, FaultParty.PROVIDER, RETURN_BY, ctx);
      case RETURN:
        return a.returnAsset(A1, ctx);
      case REPORT_LOST:
        return a.reportAssetLost(A1, ctx);
      case CANCEL:
        return a.cancelAsset(A1, ctx);
      default:
        throw new AssertionError(action);
    }
  }

  static Stream<Arguments> everyCell() {
    List<Arguments> cells = new ArrayList<>();
    for (AssetStatus status : AssetStatus.values()) {
      for (AssetAction action : AssetAction.values()) {
        cells.add(Arguments.of(status, action));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} × {1}")
  @MethodSource("everyCell")
  @DisplayName("every (asset status × action) cell behaves as the asset lifecycle table says")
  void walkTheMatrix(AssetStatus status, AssetAction action) {
    Agreement before = withAsset(status, action == AssetAction.INSTALL);
    assertThat(before.asset(A1).orElseThrow().status()).isEqualTo(status);
    Optional<AssetStatus> target = Asset.lifecycle().target(status, action);
    if (target.isPresent()) {
      Agreement after = apply(before, action);
      assertThat(after.asset(A1).orElseThrow().status()).isEqualTo(target.get());
      AgreementEvent event = after.events().stream().filter(e -> e.asset().map(x -> x.id().equals(A1)).orElse(false))
          .reduce((x, y) -> y).orElseThrow();
      assertThat(event.asset()).contains(after.asset(A1).orElseThrow());
    } else {
      String allowed = Asset.lifecycle().allowedActions(status).stream().map(Enum::name).sorted()
          .collect(Collectors.joining(", "));
      assertThatThrownBy(() -> apply(before, action))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageStartingWith("Asset A-1 of agreement AG-42 is " + status + "; " + action + " is not allowed (")
          .hasMessageEndingWith("Allowed actions: " + (allowed.isEmpty() ? "none" : allowed));
    }
  }

  @Test
  @DisplayName("installation is only for products that need it, and putting in service only for the others")
  void installationGuard() {
    Agreement card = withAsset(AssetStatus.DELIVERED, false);
    assertThatThrownBy(() -> card.installAsset(A1, ctx(2026, 3, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Asset A-1 (CARD-GOLD) needs no installation; use putAssetInService");
    Agreement router = withAsset(AssetStatus.DELIVERED, true);
    assertThatThrownBy(() -> router.putAssetInService(A1, ctx(2026, 3, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Asset A-1 (ROUTER-X) needs installation; use installAsset");
  }

  @Test
  @DisplayName("replacement links both assets and leaves the old one to be returned by a date")
  void replace() {
    Agreement a = apply(withAsset(AssetStatus.DELIVERED, false), AssetAction.REPLACE);
    Asset old = a.asset(A1).orElseThrow();
    Asset fresh = a.asset(A2).orElseThrow();
    assertSoftly(s -> {
      s.assertThat(old.status()).isEqualTo(AssetStatus.RETURN_PENDING);
      s.assertThat(old.replacedBy()).contains(A2);
      s.assertThat(old.fault()).isEqualTo(FaultParty.PROVIDER);
      s.assertThat(old.returnBy()).contains(RETURN_BY);
      s.assertThat(fresh.status()).isEqualTo(AssetStatus.ORDERED);
      s.assertThat(fresh.replaces()).contains(A1);
      s.assertThat(fresh.item()).isEqualTo(CARD);
      s.assertThat(fresh.productCode()).isEqualTo("CARD-GOLD");
      s.assertThat(a.events().subList(a.events().size() - 2, a.events().size()))
          .extracting(AgreementEvent::type)
          .containsExactly(AgreementEventType.ASSET_REPLACED, AgreementEventType.ASSET_ORDERED);
    });
  }

  @Test
  @DisplayName("an item's quantity limits the assets ordered or held at once")
  void quantity() {
    Agreement a = active().orderAsset(A1, CARD, ctx(2026, 2, 1));
    assertThatThrownBy(() -> a.orderAsset(A2, CARD, ctx(2026, 2, 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Agreement AG-42 item card allows 1 asset(s) at a time and has A-1 (ORDERED); replace or return "
            + "one first");
    Agreement cancelled = a.cancelAsset(A1, ctx(2026, 2, 2));
    assertThat(cancelled.orderAsset(A2, CARD, ctx(2026, 2, 3)).asset(A2)).isPresent();
  }

  @Test
  @DisplayName("assets are provisioned only while the agreement is pending activation or active")
  void provisioningNeedsAnActiveAgreement() {
    Agreement suspended = active().suspend(ctx(2026, 2, 1));
    assertThatThrownBy(() -> suspended.orderAsset(A1, CARD, ctx(2026, 2, 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Agreement AG-42 is SUSPENDED; cannot order asset A-1: assets are provisioned only while the "
            + "agreement is PENDING_ACTIVATION or ACTIVE");
    Agreement terminated = withAsset(AssetStatus.IN_SERVICE, false).terminate(ctx(2026, 3, 1));
    Agreement returned = terminated.requestAssetReturn(A1, FaultParty.NONE, RETURN_BY, ctx(2026, 3, 2))
        .returnAsset(A1, ctx(2026, 3, 3));
    assertThat(returned.asset(A1).orElseThrow().status()).isEqualTo(AssetStatus.RETURNED);
  }

  @Test
  @DisplayName("bad asset input is refused with the offending value")
  void badInput() {
    Agreement a = active();
    assertThatThrownBy(() -> a.orderAsset(A1, ACCOUNT, ctx(2026, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 item account is SERVICE; only physical items have assets");
    assertThatThrownBy(() -> a.orderAsset(A1, AgreementItemId.of("nope"), ctx(2026, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 has no item nope in version 1");
    assertThatThrownBy(() -> a.deliverAsset(A1, ctx(2026, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 has no asset A-1");
    Agreement ordered = a.orderAsset(A1, CARD, ctx(2026, 2, 1));
    assertThatThrownBy(() -> ordered.orderAsset(A1, CARD, ctx(2026, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 already has an asset A-1");
    Agreement delivered = ordered.deliverAsset(A1, "SN-0001", ctx(2026, 2, 2));
    assertThat(delivered.asset(A1).orElseThrow().serialNumber()).contains("SN-0001");
    assertThatThrownBy(() -> delivered.requestAssetReturn(A1, FaultParty.PROVIDER, LocalDate.of(2026, 2, 1),
        ctx(2026, 2, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42: return-by date 2026-02-01 is before today (2026-02-02)");
    Agreement inService = withAsset(AssetStatus.IN_SERVICE, false);
    assertThatThrownBy(() -> inService.removeAsset(A1, LocalDate.of(2026, 3, 1), ctx(2026, 3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42: return-by date 2026-03-01 is before today (2026-03-02)");
    assertThatThrownBy(() -> inService.replaceAsset(A1, A2, FaultParty.PROVIDER, LocalDate.of(2026, 3, 1),
        ctx(2026, 3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42: return-by date 2026-03-01 is before today (2026-03-02)");
    Agreement router = inService.orderAsset(A2, ROUTER, ctx(2026, 3, 1));
    assertThatThrownBy(() -> router.replaceAsset(A1, A2, FaultParty.PROVIDER, RETURN_BY, ctx(2026, 3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 already has an asset A-2");
  }

  @Test
  @DisplayName("a replacement is provisioning: refused while the agreement is suspended")
  void replacementNeedsAnActiveAgreement() {
    Agreement suspended = withAsset(AssetStatus.DELIVERED, false).suspend(ctx(2026, 3, 1));
    assertThatThrownBy(() -> suspended.replaceAsset(A1, A2, FaultParty.PROVIDER, RETURN_BY, ctx(2026, 3, 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Agreement AG-42 is SUSPENDED; cannot replace asset A-1: assets are provisioned only while the "
            + "agreement is PENDING_ACTIVATION or ACTIVE");
  }

  @Test
  @DisplayName("assetsAt answers from history which assets existed, in which state, at the end of a day")
  void assetsAt() {
    Agreement a = withAsset(AssetStatus.RETURNED, false);
    assertThat(a.assetsAt(LocalDate.of(2026, 1, 31))).isEmpty();
    assertThat(a.assetsAt(LocalDate.of(2026, 2, 1))).extracting(Asset::status).containsExactly(AssetStatus.ORDERED);
    assertThat(a.assetsAt(LocalDate.of(2026, 2, 4))).extracting(Asset::status).containsExactly(AssetStatus.IN_SERVICE);
    assertThat(a.assetsAt(LocalDate.of(2026, 2, 5))).singleElement().satisfies(x -> {
      assertThat(x.status()).isEqualTo(AssetStatus.RETURN_PENDING);
      assertThat(x.isHeld()).isTrue();
    });
    assertThat(a.assetsAt(LocalDate.of(2026, 2, 6))).extracting(Asset::isHeld).containsExactly(false);
  }
}
