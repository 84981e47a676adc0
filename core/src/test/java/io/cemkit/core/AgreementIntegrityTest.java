package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An agreement read from JSON or assembled by hand must agree with its own history: forged states
 * that would bypass consent or misstate assets are refused.
 */
class AgreementIntegrityTest {
  static final ObjectMapper MAPPER = Cemkit.objectMapper();
  static final AmendmentId AM1 = AmendmentId.of("AM-1");
  static final AssetId A1 = AssetId.of("A-1");

  /** Active, a card delivered, and a price rise proposed but not accepted. */
  static Agreement withPendingAmendment() {
    return active()
        .orderAsset(A1, CARD, ctx(2026, 1, 2))
        .deliverAsset(A1, ctx(2026, 1, 3))
        .proposeAmendment(AM1, termsBuilder().addCharges(monthlyFee("12.90")).build(), LocalDate.of(2026, 3, 1),
            Initiator.PROVIDER, ctx(2026, 2, 1));
  }

  private static String tampered(Agreement agreement, Consumer<ObjectNode> change) {
    ObjectNode root = MAPPER.valueToTree(agreement);
    change.accept(root);
    return root.toString();
  }

  @Test
  @DisplayName("the untampered agreement reads back")
  void untampered() throws Exception {
    Agreement a = withPendingAmendment();
    assertThat(MAPPER.readValue(tampered(a, root -> { }), Agreement.class)).isEqualTo(a);
  }

  @Test
  @DisplayName("a version 'applied' from an amendment the customer never accepted is refused")
  void versionFromUnacceptedAmendment() {
    Agreement a = withPendingAmendment();
    AgreementVersion forged = AgreementVersion.builder().number(2).effectiveFrom(LocalDate.of(2026, 3, 1))
        .terms(a.amendment(AM1).orElseThrow().proposedTerms()).origin(AgreementVersion.Origin.AMENDMENT)
        .amendment(AM1).createdAt(noon(2026, 3, 1)).build();
    String input = tampered(a, root -> {
      ((ArrayNode) root.get("versions")).add(MAPPER.<ObjectNode>valueToTree(forged));
      ((ObjectNode) root.get("events").get(root.get("events").size() - 1)).put("version", 2);
    });
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 event 6 says version 2, but the history has made 1");
    assertThatThrownBy(() -> ImmutableAgreement.copyOf(a).withVersions(List.of(a.versions().get(0), forged)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("swapping a signed version's terms without an event is refused")
  void swappedTerms() {
    Agreement a = withPendingAmendment().acceptAmendment(AM1, evidence(noon(2026, 2, 2)), ctx(2026, 2, 2))
        .applyAmendment(AM1, ctx(2026, 3, 1));
    AgreementVersion v2 = a.versions().get(1);
    AgreementVersion swapped = ImmutableAgreementVersion.copyOf(v2)
        .withTerms(termsBuilder().addCharges(monthlyFee("99.90")).build());
    assertThatThrownBy(() -> ImmutableAgreement.copyOf(a).withVersions(List.of(a.versions().get(0), swapped)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 version 2 does not match an applied amendment AM-1 (its terms, effective date "
            + "and base must be the accepted ones)");
  }

  @Test
  @DisplayName("an ACTIVE status without the events that lead there is refused")
  void activeWithoutHistory() {
    Agreement a = active();
    String input = tampered(a, root -> {
      ArrayNode events = (ArrayNode) root.get("events");
      events.remove(2);
      events.remove(1);
    });
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 is ACTIVE but its history says DRAFT");
  }

  @Test
  @DisplayName("an event the lifecycle does not allow is refused (resumed while active)")
  void impossibleTransition() {
    String input = tampered(active(), root -> {
      ObjectNode resumed = ((ObjectNode) root.get("events").get(2)).deepCopy();
      resumed.put("sequence", 4).put("type", "RESUMED");
      ((ArrayNode) root.get("events")).add(resumed);
    });
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 event 4 (RESUMED) is not allowed while the agreement is ACTIVE");
  }

  @Test
  @DisplayName("an asset whose state differs from its history is refused")
  void assetStateDiffersFromHistory() {
    String input = tampered(withPendingAmendment(), root -> ((ObjectNode) root.get("assets").get(0))
        .put("status", "RETURNED"));
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 assets [A-1 RETURNED] differ from their history [A-1 DELIVERED]");
  }

  @Test
  @DisplayName("an asset event that skips a lifecycle step is refused")
  void assetSkipsAStep() {
    String input = tampered(withPendingAmendment(), root -> {
      ((ObjectNode) root.get("events").get(4).get("asset")).put("status", "IN_SERVICE");
      ((ObjectNode) root.get("assets").get(0)).put("status", "IN_SERVICE");
    });
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 event 5 (ASSET_DELIVERED) takes asset A-1 from ORDERED to IN_SERVICE");
  }

  @Test
  @DisplayName("an amendment whose status differs from its history is refused")
  void amendmentStatusForged() {
    String input = tampered(withPendingAmendment(), root -> {
      ObjectNode amendment = (ObjectNode) root.get("amendments").get(0);
      amendment.put("status", "ACCEPTED").put("decidedAt", "2026-02-02T10:00:00Z");
      amendment.set("acceptance", MAPPER.valueToTree(evidence(noon(2026, 2, 2))));
    });
    assertThatThrownBy(() -> MAPPER.readValue(input, Agreement.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Agreement AG-42 amendment AM-1 is ACCEPTED but its history says PROPOSED");
  }

  // ------------------------------------------------------------ forged versions, events, amendments, assets

  /** {@link #withPendingAmendment()} accepted and applied: version 2 comes from AM-1 (event 8). */
  static Agreement applied() {
    return withPendingAmendment().acceptAmendment(AM1, evidence(noon(2026, 2, 2)), ctx(2026, 2, 2))
        .applyAmendment(AM1, ctx(2026, 3, 1));
  }

  /** Renewed within the 30-day notice window: version 2 comes from a renewal (event 4). */
  static Agreement renewed() {
    return active().renew(ctx(2026, 12, 15));
  }

  private static ImmutableAgreement copy(Agreement a) {
    return ImmutableAgreement.copyOf(a);
  }

  private static List<AgreementVersion> withVersion(Agreement a, int number,
      UnaryOperator<ImmutableAgreementVersion> change) {
    List<AgreementVersion> versions = new ArrayList<>(a.versions());
    versions.set(number - 1, change.apply(ImmutableAgreementVersion.copyOf(versions.get(number - 1))));
    return versions;
  }

  private static List<AgreementEvent> withEvent(Agreement a, int sequence, UnaryOperator<ImmutableAgreementEvent> change) {
    List<AgreementEvent> events = new ArrayList<>(a.events());
    events.set(sequence - 1, change.apply(ImmutableAgreementEvent.copyOf(events.get(sequence - 1))));
    return events;
  }

  private static List<AgreementEvent> appended(Agreement a, AgreementEvent event) {
    List<AgreementEvent> events = new ArrayList<>(a.events());
    events.add(event);
    return events;
  }

  /** The same change applied to the asset everywhere: in the asset list and in every event's snapshot. */
  private static Agreement withAssetEverywhere(Agreement a, UnaryOperator<ImmutableAsset> change) {
    List<AgreementEvent> events = a.events().stream()
        .map(e -> e.asset().isPresent()
            ? ImmutableAgreementEvent.copyOf(e).withAsset(change.apply(ImmutableAsset.copyOf(e.asset().get())))
            : e)
        .collect(Collectors.toList());
    List<Asset> assets = a.assets().stream().map(x -> (Asset) change.apply(ImmutableAsset.copyOf(x)))
        .collect(Collectors.toList());
    return forge(a, events, assets);
  }

  /** The agreement with other events and assets, checked once (a copy changing one list at a time would fail early). */
  private static Agreement forge(Agreement a, List<AgreementEvent> events, List<Asset> assets) {
    return ImmutableAgreement.builder().id(a.id()).customer(a.customer()).provider(a.provider()).zone(a.zone())
        .status(a.status()).signature(a.signature()).addAllVersions(a.versions()).addAllAmendments(a.amendments())
        .addAllEvents(events).addAllAssets(assets).build();
  }

  @Test
  @DisplayName("an agreement without versions or without history is refused")
  void noVersionsNoHistory() {
    assertThatThrownBy(() -> copy(active()).withVersions(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Agreement AG-42 has no versions");
    assertThatThrownBy(() -> copy(active()).withEvents(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Agreement AG-42 has no history");
  }

  @Test
  @DisplayName("versions must be numbered 1, 2, … in order")
  void versionNumbering() {
    Agreement a = applied();
    assertThatThrownBy(() -> copy(a).withVersions(withVersion(a, 2, v -> v.withNumber(3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 version at position 2 is numbered 3");
  }

  @Test
  @DisplayName("a later version in another currency is refused")
  void versionCurrency() {
    Agreement a = applied();
    AgreementTerms dollars = AgreementTerms.builder().term(DateRange.of(TERM_START, TERM_END))
        .renewal(RenewalPolicy.none()).currency(Currency.getInstance("USD"))
        .addItems(AgreementItem.of(ACCOUNT, Product.of("CHECKING", "Checking account", ProductKind.SERVICE)))
        .build();
    assertThatThrownBy(() -> copy(a).withVersions(withVersion(a, 2, v -> v.withTerms(dollars))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 version 2 is in USD, version 1 in ILS; an agreement keeps one currency");
  }

  @Test
  @DisplayName("only version 1 is ORIGINAL, and version 1 always is")
  void versionOrigin() {
    Agreement a = renewed();
    assertThatThrownBy(() -> copy(a).withVersions(withVersion(a, 2, v -> v.withOrigin(AgreementVersion.Origin.ORIGINAL))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 version 2 has origin ORIGINAL; only version 1 is ORIGINAL");
    Agreement r = active();
    assertThatThrownBy(() -> copy(r).withVersions(withVersion(r, 1, v -> v.withOrigin(AgreementVersion.Origin.RENEWAL))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 version 1 has origin RENEWAL; only version 1 is ORIGINAL");
  }

  @Test
  @DisplayName("a version taking effect before the one it follows is refused")
  void versionEffectiveOrder() {
    Agreement a = applied();
    LocalDate v1 = a.versions().get(0).effectiveFrom();
    assertThatThrownBy(() -> copy(a).withVersions(withVersion(a, 2, v -> v.withEffectiveFrom(v1.minusDays(1)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 version 2 takes effect (" + v1.minusDays(1) + ") before version 1 (" + v1 + ")");
  }

  @Test
  @DisplayName("a charge continued by a later version may not change its basis or start")
  void versionChargeContinuity() {
    Agreement a = applied();
    AgreementTerms restarted = termsBuilder().addCharges(ImmutableCharge.copyOf(monthlyFee("12.90"))
        .withStart(LocalDate.of(2026, 3, 1))).build();
    assertThatThrownBy(() -> copy(a).withVersions(withVersion(a, 2, v -> v.withTerms(restarted))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 charge monthly-fee cannot change its start (the agreement's → 2026-03-01); end it "
            + "and add a new charge");
  }

  @Test
  @DisplayName("a version without the event that created it, or an event without its version, is refused")
  void versionsAndEventsAgree() {
    Agreement r = renewed();
    assertThatThrownBy(() -> copy(r).withVersions(List.of(r.versions().get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 event 4 (RENEWED) creates version 2, which is missing");
    Agreement a = active();
    AgreementVersion extra = ImmutableAgreementVersion.copyOf(r.versions().get(1));
    assertThatThrownBy(() -> copy(a).withVersions(List.of(a.versions().get(0), extra)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 has 2 versions but its history made 1");
  }

  @Test
  @DisplayName("a version must have the origin of the event that created it")
  void versionMatchesItsEvent() {
    Agreement r = renewed();
    AgreementVersion renewal = r.versions().get(1);
    AgreementVersion amended = AgreementVersion.builder().number(2).effectiveFrom(renewal.effectiveFrom())
        .terms(renewal.terms()).origin(AgreementVersion.Origin.AMENDMENT).amendment(AM1).createdAt(renewal.createdAt())
        .build();
    assertThatThrownBy(() -> copy(r).withVersions(r.versions().get(0), amended))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 version 2 was created by a renewal (event 4) but has origin AMENDMENT");
    Agreement a = applied();
    assertThatThrownBy(() -> copy(a).withVersions(withVersion(a, 2, v -> v.withAmendment(AmendmentId.of("AM-9")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 version 2 was created by amendment AM-1 (event 8) but names AM-9");
  }

  @Test
  @DisplayName("an event outside the lifecycle may not change the agreement's status")
  void nonLifecycleEventKeepsStatus() {
    Agreement a = withPendingAmendment();
    assertThatThrownBy(() -> copy(a).withEvents(withEvent(a, 4, e -> e.withStatus(AgreementStatus.SUSPENDED))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 event 4 (ASSET_ORDERED) cannot change the status from ACTIVE to SUSPENDED");
  }

  @Test
  @DisplayName("amendments are listed once, and their events follow the amendment lifecycle from the proposal")
  void amendmentHistory() {
    Agreement a = withPendingAmendment();
    Amendment am1 = a.amendment(AM1).orElseThrow();
    assertThatThrownBy(() -> copy(a).withAmendments(am1, am1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Agreement AG-42 has amendment AM-1 twice");
    assertThatThrownBy(() -> copy(a).withAmendments(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 event 6 refers to unknown amendment AM-1");
    assertThatThrownBy(() -> copy(a).withEvents(appended(a, ImmutableAgreementEvent.copyOf(a.events().get(5))
        .withSequence(7))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 event 7 proposes amendment AM-1 a second time");
    assertThatThrownBy(() -> copy(a).withEvents(withEvent(a, 6, e -> e.withType(AgreementEventType.AMENDMENT_WITHDRAWN))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 event 6 (AMENDMENT_WITHDRAWN) precedes the proposal of amendment AM-1");
    Agreement rejected = a.rejectAmendment(AM1, ctx(2026, 2, 2));
    AgreementEvent withdrawn = ImmutableAgreementEvent.copyOf(rejected.events().get(6)).withSequence(8)
        .withType(AgreementEventType.AMENDMENT_WITHDRAWN);
    assertThatThrownBy(() -> copy(rejected).withEvents(appended(rejected, withdrawn)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 event 8 (AMENDMENT_WITHDRAWN) is not allowed while amendment AM-1 is REJECTED");
  }

  @Test
  @DisplayName("an amendment based on a version that does not exist is refused")
  void amendmentBase() {
    Agreement a = withPendingAmendment();
    Amendment forged = ImmutableAmendment.copyOf(a.amendment(AM1).orElseThrow()).withBaseVersion(2);
    assertThatThrownBy(() -> copy(a).withAmendments(forged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 amendment AM-1 is based on version 2 of 1");
  }

  @Test
  @DisplayName("an asset is ordered once, as ORDERED, before any other event about it")
  void assetOrder() {
    Agreement ordered = active().orderAsset(A1, CARD, ctx(2026, 1, 2));
    assertThatThrownBy(() -> copy(ordered).withEvents(appended(ordered, ImmutableAgreementEvent.copyOf(
        ordered.events().get(3)).withSequence(5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 event 5 orders asset A-1, which already exists");
    assertThatThrownBy(() -> withAssetEverywhere(ordered, x -> x.withStatus(AssetStatus.DELIVERED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 event 4 orders asset A-1, which is not ORDERED");
    Agreement delivered = ordered.deliverAsset(A1, ctx(2026, 1, 3));
    List<AgreementEvent> withoutOrder = new ArrayList<>(delivered.events());
    withoutOrder.remove(3);
    withoutOrder.set(3, ImmutableAgreementEvent.copyOf(withoutOrder.get(3)).withSequence(4));
    assertThatThrownBy(() -> copy(delivered).withEvents(withoutOrder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 event 4 (ASSET_DELIVERED) precedes the order of asset A-1");
  }

  @Test
  @DisplayName("an asset event may not change the asset's item or product")
  void assetKeepsItemAndProduct() {
    Agreement delivered = active().orderAsset(A1, CARD, ctx(2026, 1, 2)).deliverAsset(A1, ctx(2026, 1, 3));
    List<AgreementEvent> events = withEvent(delivered, 5,
        e -> e.withAsset(ImmutableAsset.copyOf(e.asset().get()).withItem(ROUTER)));
    assertThatThrownBy(() -> forge(delivered, events,
        List.of(ImmutableAsset.copyOf(delivered.assets().get(0)).withItem(ROUTER))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 event 5 changes the item or product of asset A-1");
    List<AgreementEvent> otherProduct = withEvent(delivered, 5,
        e -> e.withAsset(ImmutableAsset.copyOf(e.asset().get()).withProductCode("CARD-PLATINUM")));
    assertThatThrownBy(() -> copy(delivered).withEvents(otherProduct))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 event 5 changes the item or product of asset A-1");
  }

  @Test
  @DisplayName("an asset must belong to an item of the terms, and what it replaces or is replaced by must exist")
  void assetReferences() {
    Agreement ordered = active().orderAsset(A1, CARD, ctx(2026, 1, 2));
    assertThatThrownBy(() -> withAssetEverywhere(ordered, x -> x.withItem(AgreementItemId.of("tv"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 asset A-1 refers to unknown item tv");
    assertThatThrownBy(() -> withAssetEverywhere(ordered, x -> x.withReplaces(AssetId.of("A-9"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 asset A-1 replaces unknown asset A-9");
    assertThatThrownBy(() -> withAssetEverywhere(ordered, x -> x.withReplacedBy(AssetId.of("A-9"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 asset A-1 is replaced by unknown asset A-9");
    Agreement replaced = ordered.deliverAsset(A1, ctx(2026, 1, 3))
        .replaceAsset(A1, AssetId.of("A-2"), FaultParty.PROVIDER, LocalDate.of(2026, 2, 1), ctx(2026, 1, 4));
    assertThat(copy(replaced).withAssets(replaced.assets())).isEqualTo(replaced);
  }
}
