package io.cemkit.core.internal;

import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementAction;
import io.cemkit.core.AgreementEvent;
import io.cemkit.core.AgreementEventType;
import io.cemkit.core.AgreementItem;
import io.cemkit.core.AgreementItemId;
import io.cemkit.core.AgreementStatus;
import io.cemkit.core.AgreementVersion;
import io.cemkit.core.Amendment;
import io.cemkit.core.AmendmentAction;
import io.cemkit.core.AmendmentId;
import io.cemkit.core.AmendmentStatus;
import io.cemkit.core.Asset;
import io.cemkit.core.AssetAction;
import io.cemkit.core.AssetId;
import io.cemkit.core.AssetStatus;
import io.cemkit.core.Charge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that an agreement's state is exactly what its history says: every event is a transition
 * its lifecycle tables allow, and the status, signature, versions, amendments and assets agree with
 * the events. This is what makes an agreement read from JSON, or assembled by hand, trustworthy: a
 * version "applied" from an amendment the customer never accepted is refused. Not supported API.
 */
public final class AgreementIntegrity {
  private static final Map<AgreementEventType, AgreementAction> LIFECYCLE_ACTIONS =
      new EnumMap<>(AgreementEventType.class);
  private static final Map<AgreementEventType, AmendmentAction> AMENDMENT_ACTIONS =
      new EnumMap<>(AgreementEventType.class);
  private static final Map<AgreementEventType, AssetAction> ASSET_ACTIONS = new EnumMap<>(AgreementEventType.class);

  static {
    LIFECYCLE_ACTIONS.put(AgreementEventType.EDITED, AgreementAction.EDIT);
    LIFECYCLE_ACTIONS.put(AgreementEventType.SIGNED, AgreementAction.SIGN);
    LIFECYCLE_ACTIONS.put(AgreementEventType.ACTIVATED, AgreementAction.ACTIVATE);
    LIFECYCLE_ACTIONS.put(AgreementEventType.SUSPENDED, AgreementAction.SUSPEND);
    LIFECYCLE_ACTIONS.put(AgreementEventType.RESUMED, AgreementAction.RESUME);
    LIFECYCLE_ACTIONS.put(AgreementEventType.TERMINATION_REQUESTED, AgreementAction.REQUEST_TERMINATION);
    LIFECYCLE_ACTIONS.put(AgreementEventType.TERMINATION_REVOKED, AgreementAction.REVOKE_TERMINATION);
    LIFECYCLE_ACTIONS.put(AgreementEventType.TERMINATED, AgreementAction.TERMINATE);
    LIFECYCLE_ACTIONS.put(AgreementEventType.CANCELLED, AgreementAction.CANCEL);
    LIFECYCLE_ACTIONS.put(AgreementEventType.EXPIRED, AgreementAction.EXPIRE);
    LIFECYCLE_ACTIONS.put(AgreementEventType.RENEWED, AgreementAction.RENEW);
    LIFECYCLE_ACTIONS.put(AgreementEventType.AMENDMENT_PROPOSED, AgreementAction.AMEND);
    LIFECYCLE_ACTIONS.put(AgreementEventType.AMENDMENT_ACCEPTED, AgreementAction.AMEND);
    LIFECYCLE_ACTIONS.put(AgreementEventType.AMENDMENT_APPLIED, AgreementAction.AMEND);
    AMENDMENT_ACTIONS.put(AgreementEventType.AMENDMENT_ACCEPTED, AmendmentAction.ACCEPT);
    AMENDMENT_ACTIONS.put(AgreementEventType.AMENDMENT_REJECTED, AmendmentAction.REJECT);
    AMENDMENT_ACTIONS.put(AgreementEventType.AMENDMENT_WITHDRAWN, AmendmentAction.WITHDRAW);
    AMENDMENT_ACTIONS.put(AgreementEventType.AMENDMENT_EXPIRED, AmendmentAction.EXPIRE);
    AMENDMENT_ACTIONS.put(AgreementEventType.AMENDMENT_APPLIED, AmendmentAction.APPLY);
    ASSET_ACTIONS.put(AgreementEventType.ASSET_DELIVERED, AssetAction.DELIVER);
    ASSET_ACTIONS.put(AgreementEventType.ASSET_INSTALLED, AssetAction.INSTALL);
    ASSET_ACTIONS.put(AgreementEventType.ASSET_PUT_IN_SERVICE, AssetAction.PUT_IN_SERVICE);
    ASSET_ACTIONS.put(AgreementEventType.ASSET_REMOVED, AssetAction.REMOVE);
    ASSET_ACTIONS.put(AgreementEventType.ASSET_RETURN_REQUESTED, AssetAction.REQUEST_RETURN);
    ASSET_ACTIONS.put(AgreementEventType.ASSET_REPLACED, AssetAction.REPLACE);
    ASSET_ACTIONS.put(AgreementEventType.ASSET_RETURNED, AssetAction.RETURN);
    ASSET_ACTIONS.put(AgreementEventType.ASSET_LOST, AssetAction.REPORT_LOST);
    ASSET_ACTIONS.put(AgreementEventType.ASSET_CANCELLED, AssetAction.CANCEL);
  }

  private AgreementIntegrity() {}

  /**
   * Verifies the agreement against its history.
   *
   * @param a the agreement
   * @throws IllegalArgumentException naming the first inconsistency
   */
  public static void check(Agreement a) {
    String id = a.id().value();
    List<AgreementVersion> versions = a.versions();
    Checks.check(!versions.isEmpty(), "Agreement %s has no versions", id);
    for (int i = 0; i < versions.size(); i++) {
      AgreementVersion v = versions.get(i);
      Checks.check(v.number() == i + 1, "Agreement %s version at position %d is numbered %d", id, i + 1, v.number());
      Checks.check(v.terms().currency().equals(versions.get(0).terms().currency()),
          "Agreement %s version %d is in %s, version 1 in %s; an agreement keeps one currency", id, v.number(),
          v.terms().currency().getCurrencyCode(), versions.get(0).terms().currency().getCurrencyCode());
      Checks.check((i == 0) == (v.origin() == AgreementVersion.Origin.ORIGINAL),
          "Agreement %s version %d has origin %s; only version 1 is ORIGINAL", id, v.number(), v.origin());
      if (i > 0) {
        AgreementVersion previous = versions.get(i - 1);
        Checks.check(!v.effectiveFrom().isBefore(previous.effectiveFrom()),
            "Agreement %s version %d takes effect (%s) before version %d (%s)", id, v.number(), v.effectiveFrom(),
            previous.number(), previous.effectiveFrom());
        for (Charge charge : v.terms().charges()) {
          previous.terms().charge(charge.id()).ifPresent(old -> ChargeContinuity.check(id, old, charge));
        }
      }
    }

    List<AgreementEvent> events = a.events();
    Checks.check(!events.isEmpty(), "Agreement %s has no history", id);
    AgreementEvent first = events.get(0);
    Checks.check(first.type() == AgreementEventType.CREATED && first.status() == AgreementStatus.DRAFT
            && first.version() == 1,
        "Agreement %s history must start with CREATED (DRAFT, version 1), not %s (%s, version %d)", id, first.type(),
        first.status(), first.version());
    Map<AmendmentId, Amendment> amendments = new HashMap<>();
    a.amendments().forEach(x -> Checks.check(amendments.put(x.id(), x) == null, "Agreement %s has amendment %s twice",
        id, x.id()));
    Map<AmendmentId, AmendmentStatus> amendmentStates = new HashMap<>();
    Map<AssetId, Asset> assetStates = new LinkedHashMap<>();
    AgreementStatus status = AgreementStatus.DRAFT;
    int versionCount = 1;
    boolean signed = false;
    Instant previousAt = first.at();
    for (int i = 0; i < events.size(); i++) {
      AgreementEvent e = events.get(i);
      Checks.check(e.sequence() == i + 1, "Agreement %s event at position %d has sequence %d", id, i + 1, e.sequence());
      Checks.check(!e.at().isBefore(previousAt), "Agreement %s event %d (%s) is earlier than event %d (%s)", id, i + 1,
          e.at(), i, previousAt);
      previousAt = e.at();
      if (i == 0) {
        continue;
      }
      AgreementAction action = LIFECYCLE_ACTIONS.get(e.type());
      if (action != null) {
        Optional<AgreementStatus> target = Agreement.lifecycle().target(status, action);
        Checks.check(target.isPresent(), "Agreement %s event %d (%s) is not allowed while the agreement is %s", id,
            e.sequence(), e.type(), status);
        Checks.check(target.get() == e.status(), "Agreement %s event %d (%s) leads from %s to %s, not %s", id,
            e.sequence(), e.type(), status, target.get(), e.status());
      } else {
        Checks.check(e.status() == status, "Agreement %s event %d (%s) cannot change the status from %s to %s", id,
            e.sequence(), e.type(), status, e.status());
      }
      status = e.status();
      signed |= e.type() == AgreementEventType.SIGNED;
      if (e.type() == AgreementEventType.RENEWED || e.type() == AgreementEventType.AMENDMENT_APPLIED) {
        versionCount++;
        Checks.check(versionCount <= versions.size(), "Agreement %s event %d (%s) creates version %d, which is missing",
            id, e.sequence(), e.type(), versionCount);
        AgreementVersion created = versions.get(versionCount - 1);
        if (e.type() == AgreementEventType.RENEWED) {
          Checks.check(created.origin() == AgreementVersion.Origin.RENEWAL, "Agreement %s version %d was created by a "
              + "renewal (event %d) but has origin %s", id, versionCount, e.sequence(), created.origin());
        } else {
          Checks.check(created.amendment().equals(e.amendment()), "Agreement %s version %d was created by amendment "
              + "%s (event %d) but names %s", id, versionCount, e.amendment().orElseThrow(), e.sequence(),
              created.amendment().map(Object::toString).orElse("none"));
        }
      }
      Checks.check(e.version() == versionCount, "Agreement %s event %d says version %d, but the history has made %d",
          id, e.sequence(), e.version(), versionCount);
      if (e.type().name().startsWith("AMENDMENT_")) {
        replayAmendment(id, e, amendments, amendmentStates);
      }
      if (e.asset().isPresent()) {
        replayAsset(id, e, assetStates);
      }
    }
    Checks.check(status == a.status(), "Agreement %s is %s but its history says %s", id, a.status(), status);
    Checks.check(versionCount == versions.size(), "Agreement %s has %d versions but its history made %d", id,
        versions.size(), versionCount);
    Checks.check(signed == a.signature().isPresent(), "Agreement %s %s but its history %s", id,
        a.signature().isPresent() ? "has a signature" : "has no signature",
        signed ? "has a SIGNED event" : "has no SIGNED event");
    for (Amendment x : a.amendments()) {
      AmendmentStatus replayed = amendmentStates.get(x.id());
      Checks.check(replayed == x.status(), "Agreement %s amendment %s is %s but its history says %s", id, x.id(),
          x.status(), replayed == null ? "it was never proposed" : replayed);
      Checks.check(x.baseVersion() <= versions.size(), "Agreement %s amendment %s is based on version %d of %d", id,
          x.id(), x.baseVersion(), versions.size());
    }
    for (AgreementVersion v : versions) {
      if (v.origin() == AgreementVersion.Origin.AMENDMENT) {
        Amendment source = amendments.get(v.amendment().orElseThrow());
        Checks.check(source != null && source.status() == AmendmentStatus.APPLIED
                && source.appliedVersion().equals(Optional.of(v.number()))
                && source.effectiveDate().equals(v.effectiveFrom()) && source.proposedTerms().equals(v.terms())
                && source.baseVersion() == v.number() - 1,
            "Agreement %s version %d does not match an applied amendment %s (its terms, effective date and base must "
                + "be the accepted ones)", id, v.number(), v.amendment().orElseThrow());
      }
    }
    Checks.check(a.assets().equals(new ArrayList<>(assetStates.values())),
        "Agreement %s assets %s differ from their history %s", id, describe(a.assets()),
        describe(assetStates.values()));
    Set<AgreementItemId> itemIds = versions.stream().flatMap(v -> v.terms().items().stream())
        .map(AgreementItem::id).collect(Collectors.toSet());
    for (Asset x : a.assets()) {
      Checks.check(itemIds.contains(x.item()), "Agreement %s asset %s refers to unknown item %s", id, x.id(), x.item());
      x.replaces().ifPresent(r -> Checks.check(assetStates.containsKey(r), "Agreement %s asset %s replaces unknown "
          + "asset %s", id, x.id(), r));
      x.replacedBy().ifPresent(r -> Checks.check(assetStates.containsKey(r), "Agreement %s asset %s is replaced by "
          + "unknown asset %s", id, x.id(), r));
    }
  }

  private static void replayAmendment(String id, AgreementEvent e, Map<AmendmentId, Amendment> amendments,
      Map<AmendmentId, AmendmentStatus> states) {
    AmendmentId amendment = e.amendment().orElseThrow();
    Checks.check(amendments.containsKey(amendment), "Agreement %s event %d refers to unknown amendment %s", id,
        e.sequence(), amendment);
    AmendmentStatus before = states.get(amendment);
    if (e.type() == AgreementEventType.AMENDMENT_PROPOSED) {
      Checks.check(before == null, "Agreement %s event %d proposes amendment %s a second time", id, e.sequence(),
          amendment);
      states.put(amendment, AmendmentStatus.PROPOSED);
      return;
    }
    Checks.check(before != null, "Agreement %s event %d (%s) precedes the proposal of amendment %s", id, e.sequence(),
        e.type(), amendment);
    Optional<AmendmentStatus> after = Amendment.lifecycle().target(before, AMENDMENT_ACTIONS.get(e.type()));
    Checks.check(after.isPresent(), "Agreement %s event %d (%s) is not allowed while amendment %s is %s", id,
        e.sequence(), e.type(), amendment, before);
    states.put(amendment, after.get());
  }

  private static void replayAsset(String id, AgreementEvent e, Map<AssetId, Asset> states) {
    Asset asset = e.asset().orElseThrow();
    Asset before = states.get(asset.id());
    if (e.type() == AgreementEventType.ASSET_ORDERED) {
      Checks.check(before == null && asset.status() == AssetStatus.ORDERED, "Agreement %s event %d orders asset %s, "
          + "which %s", id, e.sequence(), asset.id(), before == null ? "is not ORDERED" : "already exists");
    } else {
      Checks.check(before != null, "Agreement %s event %d (%s) precedes the order of asset %s", id, e.sequence(),
          e.type(), asset.id());
      Optional<AssetStatus> after = Asset.lifecycle().target(before.status(), ASSET_ACTIONS.get(e.type()));
      Checks.check(after.equals(Optional.of(asset.status())), "Agreement %s event %d (%s) takes asset %s from %s to "
          + "%s, which its lifecycle does not allow", id, e.sequence(), e.type(), asset.id(), before.status(),
          asset.status());
      Checks.check(before.item().equals(asset.item()) && before.productCode().equals(asset.productCode()),
          "Agreement %s event %d changes the item or product of asset %s", id, e.sequence(), asset.id());
    }
    states.put(asset.id(), asset);
  }

  private static String describe(java.util.Collection<Asset> assets) {
    return assets.stream().map(x -> x.id() + " " + x.status()).collect(Collectors.joining(", ", "[", "]"));
  }
}
