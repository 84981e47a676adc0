package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
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

class AgreementLifecycleTest {

  /** An agreement in each status, every change made before 2026-06-01 except EXPIRED. */
  static Agreement inStatus(AgreementStatus status) {
    switch (status) {
      case DRAFT:
        return draft();
      case PENDING_ACTIVATION:
        return draft().sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21));
      case ACTIVE:
        return active();
      case SUSPENDED:
        return active().suspend(ctx(2026, 3, 1));
      case PENDING_TERMINATION:
        return active().requestTermination(LocalDate.of(2026, 9, 30), ctx(2026, 3, 1));
      case TERMINATED:
        return active().terminate(ctx(2026, 3, 1));
      case CANCELLED:
        return draft().cancel(ctx(2025, 12, 22));
      case EXPIRED:
        return active().expire(ctx(2027, 1, 2));
      default:
        throw new AssertionError(status);
    }
  }

  /** Applies an action with arguments that satisfy its data guards, so only the table decides. */
  static Agreement apply(Agreement a, AgreementAction action) {
    switch (action) {
      case EDIT:
        return a.edit(termsBuilder().addCharges(monthlyFee("19.90")).build(), ctx(2026, 6, 15));
      case SIGN:
        return a.sign(evidence(noon(2026, 6, 15)), ctx(2026, 6, 15));
      case ACTIVATE:
        return a.activate(ctx(2026, 6, 15));
      case SUSPEND:
        return a.suspend(ctx(2026, 6, 15));
      case RESUME:
        return a.resume(ctx(2026, 6, 15));
      case REQUEST_TERMINATION:
        return a.requestTermination(LocalDate.of(2026, 7, 31), ctx(2026, 6, 15));
      case REVOKE_TERMINATION:
        return a.revokeTermination(ctx(2026, 6, 15));
      case TERMINATE:
        return a.terminate(ctx(2026, 6, 15));
      case CANCEL:
        return a.cancel(ctx(2026, 6, 15));
      case EXPIRE:
        return a.expire(ctx(2027, 1, 3));
      case RENEW:
        return a.renew(ctx(2026, 12, 15));
      case AMEND:
        return a.proposeAmendment(AmendmentId.of("AM-9"), termsBuilder().addCharges(monthlyFee("19.90")).build(),
            LocalDate.of(2026, 7, 1), Initiator.PROVIDER, ctx(2026, 6, 15));
      default:
        throw new AssertionError(action);
    }
  }

  static Stream<Arguments> everyCell() {
    List<Arguments> cells = new ArrayList<>();
    for (AgreementStatus status : AgreementStatus.values()) {
      for (AgreementAction action : AgreementAction.values()) {
        cells.add(Arguments.of(status, action));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} × {1}")
  @MethodSource("everyCell")
  @DisplayName("every (status × action) cell behaves as the lifecycle table says")
  void walkTheMatrix(AgreementStatus status, AgreementAction action) {
    Agreement before = inStatus(status);
    assertThat(before.status()).isEqualTo(status);
    Optional<AgreementStatus> target = Agreement.lifecycle().target(status, action);
    if (target.isPresent()) {
      Agreement after = apply(before, action);
      assertThat(after.status()).isEqualTo(target.get());
      assertThat(after.events()).hasSize(before.events().size() + 1);
      assertThat(after.events().get(after.events().size() - 1).status()).isEqualTo(target.get());
    } else {
      String allowed = Agreement.lifecycle().allowedActions(status).stream().map(Enum::name).sorted()
          .collect(Collectors.joining(", "));
      assertThatThrownBy(() -> apply(before, action))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageStartingWith("Agreement AG-42 is " + status + "; " + action + " is not allowed (")
          .hasMessageEndingWith("Allowed actions: " + (allowed.isEmpty() ? "none" : allowed));
    }
  }

  @Test
  @DisplayName("the table matches the documented lifecycle")
  void documentedLifecycle() {
    TransitionTable<AgreementStatus, AgreementAction> t = Agreement.lifecycle();
    assertSoftly(s -> {
      s.assertThat(t.target(AgreementStatus.DRAFT, AgreementAction.SIGN)).contains(AgreementStatus.PENDING_ACTIVATION);
      s.assertThat(t.target(AgreementStatus.PENDING_ACTIVATION, AgreementAction.ACTIVATE))
          .contains(AgreementStatus.ACTIVE);
      s.assertThat(t.target(AgreementStatus.ACTIVE, AgreementAction.SUSPEND)).contains(AgreementStatus.SUSPENDED);
      s.assertThat(t.target(AgreementStatus.SUSPENDED, AgreementAction.RESUME)).contains(AgreementStatus.ACTIVE);
      s.assertThat(t.target(AgreementStatus.ACTIVE, AgreementAction.REQUEST_TERMINATION))
          .contains(AgreementStatus.PENDING_TERMINATION);
      s.assertThat(t.target(AgreementStatus.PENDING_TERMINATION, AgreementAction.TERMINATE))
          .contains(AgreementStatus.TERMINATED);
      s.assertThat(t.target(AgreementStatus.DRAFT, AgreementAction.CANCEL)).contains(AgreementStatus.CANCELLED);
      s.assertThat(t.target(AgreementStatus.ACTIVE, AgreementAction.EXPIRE)).contains(AgreementStatus.EXPIRED);
      s.assertThat(t.target(AgreementStatus.ACTIVE, AgreementAction.RENEW)).contains(AgreementStatus.ACTIVE);
      s.assertThat(t.isAllowed(AgreementStatus.TERMINATED, AgreementAction.RESUME)).isFalse();
      s.assertThat(t.isAllowed(AgreementStatus.ACTIVE, AgreementAction.EDIT)).isFalse();
    });
  }

  @Test
  @DisplayName("resuming a terminated agreement fails with the message users see")
  void resumeTerminated() {
    Agreement terminated = inStatus(AgreementStatus.TERMINATED);
    assertThatThrownBy(() -> terminated.resume(ctx(2026, 4, 1)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("Agreement AG-42 is TERMINATED; RESUME is not allowed (TERMINATED is final). Allowed actions: none");
  }

  @Test
  @DisplayName("each change is an event with time from the clock, actor, channel, reason, status and version")
  void eventsRecordEveryChange() {
    Instant at = noon(2026, 2, 10);
    Agreement suspended = active().suspend(ChangeContext.of(clockAt(at), Actor.customer(CUSTOMER), Channel.APP,
        "travelling abroad"));
    AgreementEvent last = suspended.events().get(suspended.events().size() - 1);
    assertSoftly(s -> {
      s.assertThat(suspended.events()).extracting(AgreementEvent::type).containsExactly(AgreementEventType.CREATED,
          AgreementEventType.SIGNED, AgreementEventType.ACTIVATED, AgreementEventType.SUSPENDED);
      s.assertThat(suspended.events()).extracting(AgreementEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
      s.assertThat(last.at()).isEqualTo(at);
      s.assertThat(last.actor()).isEqualTo(Actor.of(ActorKind.CUSTOMER, "C-1001"));
      s.assertThat(last.channel()).isEqualTo(Channel.APP);
      s.assertThat(last.reason()).isEqualTo("travelling abroad");
      s.assertThat(last.status()).isEqualTo(AgreementStatus.SUSPENDED);
      s.assertThat(last.version()).isEqualTo(1);
    });
  }

  @Test
  @DisplayName("statusAt reads the status at any instant from the history")
  void statusAt() {
    Agreement a = active().suspend(ctx(2026, 3, 1)).resume(ctx(2026, 3, 10));
    assertThat(a.statusAt(noon(2025, 12, 1))).isEmpty();
    assertThat(a.statusAt(noon(2025, 12, 20))).contains(AgreementStatus.DRAFT);
    assertThat(a.statusAt(noon(2025, 12, 25))).contains(AgreementStatus.PENDING_ACTIVATION);
    assertThat(a.statusAt(noon(2026, 2, 1))).contains(AgreementStatus.ACTIVE);
    assertThat(a.statusAt(noon(2026, 3, 5))).contains(AgreementStatus.SUSPENDED);
    assertThat(a.statusAt(noon(2026, 3, 10))).contains(AgreementStatus.ACTIVE);
    assertThat(a.status()).isEqualTo(AgreementStatus.ACTIVE);
  }

  @Test
  @DisplayName("a change dated before the last event is refused: history is in time order")
  void timeOrder() {
    Agreement a = active();
    assertThatThrownBy(() -> a.suspend(ctx(2025, 12, 31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot follow its last event at 2026-01-01T10:00:00Z");
  }

  static Stream<Arguments> changesOfEveryKind() {
    AssetId a1 = AssetId.of("A-1");
    AmendmentId am1 = AmendmentId.of("AM-1");
    return Stream.<Arguments>of(
        Arguments.of("order an asset", (java.util.function.UnaryOperator<Agreement>)
            a -> a.orderAsset(AssetId.of("A-2"), ROUTER, ctx(2026, 1, 31))),
        Arguments.of("change an asset", (java.util.function.UnaryOperator<Agreement>)
            a -> a.putAssetInService(a1, ctx(2026, 1, 31))),
        Arguments.of("replace an asset", (java.util.function.UnaryOperator<Agreement>)
            a -> a.replaceAsset(a1, AssetId.of("A-2"), FaultParty.PROVIDER, LocalDate.of(2026, 4, 30),
                ctx(2026, 1, 31))),
        Arguments.of("record usage", (java.util.function.UnaryOperator<Agreement>)
            a -> a.recordUsage(EntitlementId.of("support"), 1, ctx(2026, 1, 31))),
        Arguments.of("decide on an amendment", (java.util.function.UnaryOperator<Agreement>)
            a -> a.rejectAmendment(am1, ctx(2026, 1, 31))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changesOfEveryKind")
  @DisplayName("every kind of change dated before the last event is refused, pointing at the clock")
  void timeOrderForEveryKindOfChange(String what, java.util.function.UnaryOperator<Agreement> change) {
    Agreement a = active().orderAsset(AssetId.of("A-1"), CARD, ctx(2026, 1, 20))
        .deliverAsset(AssetId.of("A-1"), ctx(2026, 1, 25))
        .proposeAmendment(AmendmentId.of("AM-1"), termsBuilder().addCharges(monthlyFee("12.90")).build(),
            LocalDate.of(2026, 3, 1), Initiator.PROVIDER, ctx(2026, 2, 1));
    assertThatThrownBy(() -> change.apply(a))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42: a change at 2026-01-31T10:00:00Z cannot follow its last event at "
            + "2026-02-01T10:00:00Z; history is recorded in time order (check the injected clock)");
  }

  @Test
  @DisplayName("only a draft is edited; the edit replaces version 1 and records EDITED")
  void editDraft() {
    Agreement edited = draft().edit(termsBuilder().addCharges(monthlyFee("19.90")).build(), ctx(2025, 12, 21));
    assertThat(edited.versions()).hasSize(1);
    assertThat(edited.terms().charge(ChargeId.of("monthly-fee")).orElseThrow().amount()).isEqualTo(ils("19.90"));
    assertThat(edited.events().get(1).type()).isEqualTo(AgreementEventType.EDITED);
    assertThatThrownBy(() -> active().edit(terms(), ctx(2026, 2, 1)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("EDIT is not allowed (a signed agreement changes only by amendment)");
  }

  @Test
  @DisplayName("signing keeps the evidence; evidence dated after the signing is refused")
  void sign() {
    Instant at = noon(2025, 12, 21);
    Agreement signed = draft().sign(evidence(at), ctx(at));
    assertThat(signed.signature()).contains(evidence(at));
    assertThat(signed.signedAt()).contains(at);
    assertThat(draft().signedAt()).isEmpty();
    assertThatThrownBy(() -> draft().sign(evidence(noon(2025, 12, 22)), ctx(2025, 12, 21)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evidence is dated 2025-12-22T10:00:00Z, after the signing is recorded");
  }

  @Test
  @DisplayName("terms are in force from signing: versionAt is empty for a draft")
  void versionAtDraft() {
    assertThat(draft().versionAt(LocalDate.of(2026, 2, 1))).isEmpty();
    assertThat(active().versionAt(LocalDate.of(2025, 12, 31))).isEmpty();
    assertThat(active().versionAt(LocalDate.of(2026, 1, 1))).map(AgreementVersion::number).contains(1);
  }

  @Test
  @DisplayName("termination notice must not be in the past, and sets the service end")
  void requestTermination() {
    assertThatThrownBy(() -> active().requestTermination(LocalDate.of(2026, 2, 28), ctx(2026, 3, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42: termination date 2026-02-28 is before today (2026-03-01)");
    Agreement pending = active().requestTermination(LocalDate.of(2026, 3, 31), ctx(2026, 3, 1));
    assertThat(pending.serviceEnd()).contains(LocalDate.of(2026, 3, 31));
    assertThat(pending.events().get(pending.events().size() - 1).effectiveDate()).contains(LocalDate.of(2026, 3, 31));
    assertThat(pending.revokeTermination(ctx(2026, 3, 2)).serviceEnd()).isEmpty();
  }

  @Test
  @DisplayName("serviceEnd: termination and cancellation dates, the day after the term on expiry")
  void serviceEnd() {
    assertThat(active().serviceEnd()).isEmpty();
    assertThat(inStatus(AgreementStatus.TERMINATED).serviceEnd()).contains(LocalDate.of(2026, 3, 1));
    assertThat(inStatus(AgreementStatus.CANCELLED).serviceEnd()).contains(LocalDate.of(2025, 12, 22));
    assertThat(inStatus(AgreementStatus.EXPIRED).serviceEnd()).contains(LocalDate.of(2027, 1, 1));
    Agreement noticeThenLate = active().requestTermination(LocalDate.of(2026, 5, 15), ctx(2026, 4, 1))
        .terminate(ctx(2026, 5, 20));
    assertThat(noticeThenLate.serviceEnd()).as("recorded late: the notice date counts").contains(LocalDate.of(2026, 5, 15));
    Agreement noticeThenEarly = active().requestTermination(LocalDate.of(2026, 5, 15), ctx(2026, 4, 1))
        .terminate(ctx(2026, 4, 20));
    assertThat(noticeThenEarly.serviceEnd()).contains(LocalDate.of(2026, 4, 20));
    Agreement revokedThenTerminated = active().requestTermination(LocalDate.of(2026, 5, 15), ctx(2026, 4, 1))
        .revokeTermination(ctx(2026, 4, 2)).terminate(ctx(2026, 6, 20));
    assertThat(revokedThenTerminated.serviceEnd()).contains(LocalDate.of(2026, 6, 20));
  }

  @Test
  @DisplayName("an agreement expires only after its term's last day, and never with an open-ended term")
  void expireGuards() {
    assertThatThrownBy(() -> active().expire(ctx(2026, 12, 31)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Agreement AG-42's term ends on 2026-12-31; it cannot expire before 2027-01-01 (today is 2026-12-31)");
    Agreement openEnded = Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE,
            ImmutableAgreementTerms.copyOf(terms()).withTerm(DateRange.from(TERM_START)).withRenewal(RenewalPolicy.none()), ctx(2025, 12, 20))
        .sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21)).activate(ctx(2026, 1, 1));
    assertThatThrownBy(() -> openEnded.expire(ctx(2030, 1, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Agreement AG-42 has an open-ended term; it cannot expire");
  }

  @Test
  @DisplayName("renewal adds a version with the next term, effective the day after the term ends")
  void renew() {
    Agreement renewed = active().renew(ctx(2026, 12, 10));
    AgreementVersion v2 = renewed.currentVersion();
    assertSoftly(s -> {
      s.assertThat(renewed.status()).isEqualTo(AgreementStatus.ACTIVE);
      s.assertThat(v2.number()).isEqualTo(2);
      s.assertThat(v2.origin()).isEqualTo(AgreementVersion.Origin.RENEWAL);
      s.assertThat(v2.effectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
      s.assertThat(v2.terms().term()).isEqualTo(DateRange.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)));
      s.assertThat(v2.terms().charges()).isEqualTo(renewed.versions().get(0).terms().charges());
      s.assertThat(renewed.versionAt(LocalDate.of(2026, 12, 31))).map(AgreementVersion::number).contains(1);
      s.assertThat(renewed.versionAt(LocalDate.of(2027, 1, 1))).map(AgreementVersion::number).contains(2);
      s.assertThat(renewed.events().get(renewed.events().size() - 1).type()).isEqualTo(AgreementEventType.RENEWED);
    });
  }

  @Test
  @DisplayName("renewal is refused outside the notice window and when the policy does not renew")
  void renewGuards() {
    assertThatThrownBy(() -> active().renew(ctx(2026, 11, 30)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Agreement AG-42 can be renewed from 2026-12-01 (notice P30D before the term ends); today is "
            + "2026-11-30");
    assertThat(active().renew(ctx(2027, 1, 3)).currentVersion().effectiveFrom())
        .as("an automatic renewal recorded late takes effect without a gap").isEqualTo(LocalDate.of(2027, 1, 1));
    Agreement noRenewal = Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE,
            ImmutableAgreementTerms.copyOf(terms()).withRenewal(RenewalPolicy.none()), ctx(2025, 12, 20))
        .sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21)).activate(ctx(2026, 1, 1));
    assertThatThrownBy(() -> noRenewal.renew(ctx(2026, 12, 15)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Agreement AG-42 has renewal mode NONE; change it by amendment to renew");
    Agreement manual = Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE,
            ImmutableAgreementTerms.copyOf(terms()).withRenewal(RenewalPolicy.manual(Period.ofMonths(6))), ctx(2025, 12, 20))
        .sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21)).activate(ctx(2026, 1, 1));
    assertThat(manual.renew(ctx(2026, 12, 31)).terms().term())
        .isEqualTo(DateRange.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30)));
    assertThatThrownBy(() -> manual.renew(ctx(2027, 1, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Agreement AG-42 can be renewed from 2026-12-01 to 2026-12-31 (notice P30D before the term ends); "
            + "today is 2027-01-01");
  }

  @Test
  @DisplayName("allowedActions follows the status")
  void allowedActions() {
    assertThat(active().allowedActions()).containsExactly(AgreementAction.SUSPEND, AgreementAction.REQUEST_TERMINATION,
        AgreementAction.TERMINATE, AgreementAction.EXPIRE, AgreementAction.RENEW, AgreementAction.AMEND);
    assertThat(inStatus(AgreementStatus.EXPIRED).allowedActions()).isEmpty();
  }

  @Test
  @DisplayName("toString shows id, customer, status and version only")
  void toStringIsShort() {
    assertThat(active().toString()).isEqualTo("Agreement[AG-42, customer C-1001, ACTIVE, version 1]");
  }
}
