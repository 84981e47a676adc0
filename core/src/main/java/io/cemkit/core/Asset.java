package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A physical unit delivered under an agreement item: a credit card, a router, a meter.
 *
 * <p>Its lifecycle ({@link #lifecycle()}): ordered → delivered → in service (installed, or put in
 * service when no installation is needed) → return pending (removed, asked back, replaced) →
 * returned; lost from any held state; cancelled before delivery. A replacement is a new asset that
 * {@link #replaces()} the old one, which is then {@link #replacedBy()} it. {@link #fault()} and
 * {@link #returnBy()} record why an asset must go back and by when (the bank that sent the wrong
 * card, which the customer keeps until the right one arrives).
 *
 * <p>Assets change only through {@link Agreement}'s asset methods, which record each change as an
 * event.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAsset.class)
@JsonDeserialize(as = ImmutableAsset.class)
public abstract class Asset {
  private static final TransitionTable<AssetStatus, AssetAction> LIFECYCLE = TransitionTable
      .builder("Asset", AssetStatus.class, AssetAction.class)
      .allow(AssetStatus.ORDERED, AssetAction.DELIVER, AssetStatus.DELIVERED)
      .allow(AssetStatus.ORDERED, AssetAction.CANCEL, AssetStatus.CANCELLED)
      .allow(AssetStatus.ORDERED, AssetAction.REPORT_LOST, AssetStatus.LOST)
      .forbidOthers(AssetStatus.ORDERED, "it has not been delivered yet")
      .allow(AssetStatus.DELIVERED, AssetAction.INSTALL, AssetStatus.IN_SERVICE)
      .allow(AssetStatus.DELIVERED, AssetAction.PUT_IN_SERVICE, AssetStatus.IN_SERVICE)
      .allow(AssetStatus.DELIVERED, AssetAction.REQUEST_RETURN, AssetStatus.RETURN_PENDING)
      .allow(AssetStatus.DELIVERED, AssetAction.REPLACE, AssetStatus.RETURN_PENDING)
      .allow(AssetStatus.DELIVERED, AssetAction.REPORT_LOST, AssetStatus.LOST)
      .forbid(AssetStatus.DELIVERED, "it is already delivered", AssetAction.DELIVER, AssetAction.CANCEL)
      .forbid(AssetStatus.DELIVERED, "it is not installed", AssetAction.REMOVE)
      .forbid(AssetStatus.DELIVERED, "no return was requested", AssetAction.RETURN)
      .allow(AssetStatus.IN_SERVICE, AssetAction.REMOVE, AssetStatus.RETURN_PENDING)
      .allow(AssetStatus.IN_SERVICE, AssetAction.REQUEST_RETURN, AssetStatus.RETURN_PENDING)
      .allow(AssetStatus.IN_SERVICE, AssetAction.REPLACE, AssetStatus.RETURN_PENDING)
      .allow(AssetStatus.IN_SERVICE, AssetAction.REPORT_LOST, AssetStatus.LOST)
      .forbid(AssetStatus.IN_SERVICE, "it is already in service", AssetAction.DELIVER, AssetAction.INSTALL,
          AssetAction.PUT_IN_SERVICE, AssetAction.CANCEL)
      .forbid(AssetStatus.IN_SERVICE, "no return was requested", AssetAction.RETURN)
      .allow(AssetStatus.RETURN_PENDING, AssetAction.RETURN, AssetStatus.RETURNED)
      .allow(AssetStatus.RETURN_PENDING, AssetAction.REPORT_LOST, AssetStatus.LOST)
      .forbidOthers(AssetStatus.RETURN_PENDING, "it is waiting to be returned")
      .terminal(AssetStatus.RETURNED)
      .terminal(AssetStatus.LOST)
      .terminal(AssetStatus.CANCELLED)
      .build();

  private static final Set<AssetStatus> HELD =
      EnumSet.of(AssetStatus.DELIVERED, AssetStatus.IN_SERVICE, AssetStatus.RETURN_PENDING);

  Asset() {}

  /**
   * The state machine of assets.
   *
   * @return the transition table
   */
  public static TransitionTable<AssetStatus, AssetAction> lifecycle() {
    return LIFECYCLE;
  }

  /**
   * The asset's id.
   *
   * @return the id
   */
  public abstract AssetId id();

  /**
   * The agreement item it was delivered under.
   *
   * @return the item's id
   */
  public abstract AgreementItemId item();

  /**
   * The product's catalogue code.
   *
   * @return the code
   */
  public abstract String productCode();

  /**
   * Where it is.
   *
   * @return the status
   */
  public abstract AssetStatus status();

  /**
   * The serial number, once known.
   *
   * @return the serial number
   */
  public abstract Optional<String> serialNumber();

  /**
   * Who caused its return, if it must be returned because of a fault. Defaults to none.
   *
   * @return the fault
   */
  @Value.Default
  public FaultParty fault() {
    return FaultParty.NONE;
  }

  /**
   * The last day on which the customer may still return it without consequence.
   *
   * @return the return deadline
   */
  public abstract Optional<LocalDate> returnBy();

  /**
   * The asset this one replaces.
   *
   * @return the replaced asset
   */
  public abstract Optional<AssetId> replaces();

  /**
   * The asset that replaced this one.
   *
   * @return the replacement
   */
  public abstract Optional<AssetId> replacedBy();

  /**
   * Whether the customer has it in hand: delivered, in service, or waiting to be returned.
   *
   * @return true if held
   */
  public boolean isHeld() {
    return HELD.contains(status());
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableAsset.Builder builder() {
    return ImmutableAsset.builder();
  }

  @Value.Check
  void check() {
    Checks.code("Asset.productCode", productCode());
    serialNumber().ifPresent(s -> Checks.code("Asset.serialNumber", s));
    replaces().ifPresent(r -> Checks.check(!r.equals(id()), "Asset %s cannot replace itself", id()));
  }
}
