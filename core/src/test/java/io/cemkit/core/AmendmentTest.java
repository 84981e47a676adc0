package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AmendmentTest {
  static final AmendmentId AM1 = AmendmentId.of("AM-1");
  static final AmendmentId AM2 = AmendmentId.of("AM-2");
  static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

  static AgreementTerms priceRise() {
    return termsBuilder().addCharges(monthlyFee("12.90")).build();
  }

  static Agreement proposed() {
    return active().proposeAmendment(AM1, priceRise(), MARCH_1, Initiator.PROVIDER, ctx(2026, 2, 1));
  }

  static Agreement accepted() {
    return proposed().acceptAmendment(AM1, evidence(noon(2026, 2, 2)), ctx(2026, 2, 2));
  }

  @Test
  @DisplayName("a proposal records the changes in words and waits for consent")
  void propose() {
    Agreement a = proposed();
    Amendment am = a.amendment(AM1).orElseThrow();
    assertSoftly(s -> {
      s.assertThat(am.status()).isEqualTo(AmendmentStatus.PROPOSED);
      s.assertThat(am.baseVersion()).isEqualTo(1);
      s.assertThat(am.changes()).containsExactly("charge monthly-fee amount: 9.90 ILS → 12.90 ILS");
      s.assertThat(am.initiatedBy()).isEqualTo(Initiator.PROVIDER);
      s.assertThat(am.reason()).isEqualTo("test change");
      s.assertThat(am.proposedAt()).isEqualTo(noon(2026, 2, 1));
      s.assertThat(a.amendmentsAwaitingConsent()).containsExactly(am);
      s.assertThat(a.versions()).hasSize(1);
      s.assertThat(a.events().get(a.events().size() - 1).amendment()).contains(AM1);
    });
  }

  @Test
  @DisplayName("applying without the customer's acceptance fails: no unilateral change")
  void applyWithoutConsent() {
    Agreement a = proposed();
    assertThatThrownBy(() -> a.applyAmendment(AM1, ctx(2026, 3, 1)))
        .isInstanceOf(AmendmentConsentRequiredException.class)
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("Amendment AM-1 of agreement AG-42 is PROPOSED; APPLY is not allowed (the customer has not accepted "
            + "it). Allowed actions: ACCEPT, EXPIRE, REJECT, WITHDRAW — it would change the agreement without the "
            + "customer's consent: charge monthly-fee amount: 9.90 ILS → 12.90 ILS");
  }

  @Test
  @DisplayName("an accepted amendment becomes a new version on its effective date, and versionAt tells which applied")
  void acceptAndApply() {
    Agreement a = accepted();
    assertThat(a.amendment(AM1).orElseThrow().acceptance()).contains(evidence(noon(2026, 2, 2)));
    assertThat(a.amendmentsAwaitingConsent()).isEmpty();
    assertThatThrownBy(() -> a.applyAmendment(AM1, ctx(2026, 2, 28)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Amendment AM-1 takes effect on 2026-03-01; it cannot be applied on 2026-02-28");
    Agreement applied = a.applyAmendment(AM1, ctx(2026, 3, 1));
    AgreementVersion v2 = applied.currentVersion();
    assertSoftly(s -> {
      s.assertThat(v2.number()).isEqualTo(2);
      s.assertThat(v2.origin()).isEqualTo(AgreementVersion.Origin.AMENDMENT);
      s.assertThat(v2.amendment()).contains(AM1);
      s.assertThat(v2.effectiveFrom()).isEqualTo(MARCH_1);
      s.assertThat(v2.terms()).isEqualTo(priceRise());
      s.assertThat(applied.amendment(AM1).orElseThrow().status()).isEqualTo(AmendmentStatus.APPLIED);
      s.assertThat(applied.amendment(AM1).orElseThrow().appliedVersion()).contains(2);
      s.assertThat(applied.versionAt(LocalDate.of(2026, 2, 28)).orElseThrow().number()).isEqualTo(1);
      s.assertThat(applied.versionAt(MARCH_1).orElseThrow().number()).isEqualTo(2);
      s.assertThat(applied.versions().get(0).terms().charge(ChargeId.of("monthly-fee")).orElseThrow().amount())
          .isEqualTo(ils("9.90"));
      s.assertThat(applied.status()).isEqualTo(AgreementStatus.ACTIVE);
      s.assertThat(applied.events().get(applied.events().size() - 1).version()).isEqualTo(2);
    });
  }

  @Test
  @DisplayName("applying on a stale base version fails: the customer consented to other terms")
  void staleBase() {
    Agreement both = proposed()
        .proposeAmendment(AM2, termsBuilder().addCharges(monthlyFee("11.90")).build(), MARCH_1, Initiator.PROVIDER,
            ctx(2026, 2, 1))
        .acceptAmendment(AM1, evidence(noon(2026, 2, 2)), ctx(2026, 2, 2))
        .acceptAmendment(AM2, evidence(noon(2026, 2, 2)), ctx(2026, 2, 2))
        .applyAmendment(AM1, ctx(2026, 3, 1));
    assertThatThrownBy(() -> both.applyAmendment(AM2, ctx(2026, 3, 1)))
        .isInstanceOfSatisfying(AmendmentConflictException.class, e -> {
          assertThat(e.baseVersion()).isEqualTo(1);
          assertThat(e.currentVersion()).isEqualTo(2);
        })
        .hasMessage("Amendment AM-2 was proposed against version 1 of agreement AG-42, but the current version is 2; "
            + "propose it again against version 2");
  }

  @Test
  @DisplayName("a renewal between acceptance and application also makes the amendment stale")
  void renewalMakesStale() {
    Agreement a = active()
        .proposeAmendment(AM1, priceRise(), LocalDate.of(2027, 2, 1), Initiator.PROVIDER, ctx(2026, 12, 1))
        .acceptAmendment(AM1, evidence(noon(2026, 12, 2)), ctx(2026, 12, 2))
        .renew(ctx(2026, 12, 3));
    assertThatThrownBy(() -> a.applyAmendment(AM1, ctx(2027, 2, 1))).isInstanceOf(AmendmentConflictException.class);
  }

  @Test
  @DisplayName("proposals are refused when retroactive, identical, in another currency, reusing an id, or on a draft")
  void badProposals() {
    Agreement a = active();
    assertThatThrownBy(() -> a.proposeAmendment(AM1, priceRise(), LocalDate.of(2026, 1, 31), Initiator.PROVIDER,
        ctx(2026, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Amendment AM-1 would take effect on 2026-01-31, before today (2026-02-01); amendments are never "
            + "retroactive");
    assertThatThrownBy(() -> a.proposeAmendment(AM1, terms(), MARCH_1, Initiator.PROVIDER, ctx(2026, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Amendment AM-1 proposes terms identical to version 1 of agreement AG-42");
    AgreementTerms euro = AgreementTerms.builder().term(DateRange.of(TERM_START, TERM_END))
        .currency(Currency.getInstance("EUR")).addItems(AgreementItem.of(CARD, CARD_PRODUCT)).build();
    assertThatThrownBy(() -> a.proposeAmendment(AM1, euro, MARCH_1, Initiator.PROVIDER, ctx(2026, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Amendment AM-1 is in EUR but agreement AG-42 is in ILS; an agreement keeps one currency");
    assertThatThrownBy(() -> proposed().proposeAmendment(AM1, priceRise(), MARCH_1, Initiator.PROVIDER,
        ctx(2026, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 already has an amendment AM-1");
    assertThatThrownBy(() -> draft().proposeAmendment(AM1, priceRise(), MARCH_1, Initiator.PROVIDER, ctx(2026, 2, 1)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("AMEND is not allowed (a draft changes by EDIT; amend signed agreements only)");
    assertThatThrownBy(() -> a.proposeAmendment(AM1, priceRise(), MARCH_1, Initiator.PROVIDER, noon(2026, 2, 1),
        ctx(2026, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would expire at 2026-02-01T10:00:00Z, which is not after now");
    Agreement renewed = a.renew(ctx(2026, 12, 15));
    assertThatThrownBy(() -> renewed.proposeAmendment(AM1, priceRise(), LocalDate.of(2026, 12, 20),
        Initiator.PROVIDER, ctx(2026, 12, 16)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Amendment AM-1 would take effect on 2026-12-20, before the current version 2 (effective "
            + "2027-01-01)");
  }

  @Test
  @DisplayName("acceptance needs evidence dated between the proposal and now, and before the offer expires")
  void acceptanceGuards() {
    Agreement a = active().proposeAmendment(AM1, priceRise(), MARCH_1, Initiator.PROVIDER, noon(2026, 2, 10),
        ctx(2026, 2, 1));
    assertThatThrownBy(() -> a.acceptAmendment(AM1, evidence(noon(2026, 1, 31)), ctx(2026, 2, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the acceptance evidence is dated 2026-01-31T10:00:00Z, outside [proposal");
    assertThatThrownBy(() -> a.acceptAmendment(AM1, evidence(noon(2026, 2, 3)), ctx(2026, 2, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.acceptAmendment(AM1, evidence(noon(2026, 2, 9)), ctx(2026, 2, 10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Amendment AM-1 expired at 2026-02-10T10:00:00Z; it can no longer be accepted (now "
            + "2026-02-10T10:00:00Z); expire it and propose again");
    assertThatThrownBy(() -> a.expireAmendment(AM1, ctx(2026, 2, 9)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Amendment AM-1 expires at 2026-02-10T10:00:00Z; it cannot be expired at 2026-02-09T10:00:00Z");
    assertThatThrownBy(() -> proposed().expireAmendment(AM1, ctx(2026, 2, 9)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Amendment AM-1 has no deadline; withdraw it instead");
    assertThatThrownBy(() -> a.acceptAmendment(AM2, evidence(noon(2026, 2, 2)), ctx(2026, 2, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 has no amendment AM-2; known: AM-1");
  }

  @Test
  @DisplayName("a terminated agreement can no longer be amended")
  void terminatedCannotBeAmended() {
    Agreement a = accepted().terminate(ctx(2026, 2, 20));
    assertThatThrownBy(() -> a.applyAmendment(AM1, ctx(2026, 3, 1)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageStartingWith("Agreement AG-42 is TERMINATED; AMEND is not allowed");
  }

  // ------------------------------------------------------------------ the amendment matrix

  static final Instant DEADLINE = noon(2026, 2, 5);

  static Agreement inStatus(AmendmentStatus status) {
    Agreement a = active().proposeAmendment(AM1, priceRise(), LocalDate.of(2026, 2, 10), Initiator.PROVIDER, DEADLINE,
        ctx(2026, 2, 1));
    switch (status) {
      case PROPOSED:
        return a;
      case ACCEPTED:
        return a.acceptAmendment(AM1, evidence(noon(2026, 2, 2)), ctx(2026, 2, 2));
      case REJECTED:
        return a.rejectAmendment(AM1, ctx(2026, 2, 2));
      case WITHDRAWN:
        return a.withdrawAmendment(AM1, ctx(2026, 2, 2));
      case EXPIRED:
        return a.expireAmendment(AM1, ctx(2026, 2, 6));
      case APPLIED:
        return a.acceptAmendment(AM1, evidence(noon(2026, 2, 2)), ctx(2026, 2, 2)).applyAmendment(AM1, ctx(2026, 2, 10));
      default:
        throw new AssertionError(status);
    }
  }

  static Agreement apply(Agreement a, AmendmentAction action) {
    Instant last = a.events().get(a.events().size() - 1).at();
    switch (action) {
      case ACCEPT:
        Instant at = later(noon(2026, 2, 3), last);
        return a.acceptAmendment(AM1, evidence(at), ctx(at));
      case REJECT:
        return a.rejectAmendment(AM1, ctx(later(noon(2026, 2, 3), last)));
      case WITHDRAW:
        return a.withdrawAmendment(AM1, ctx(later(noon(2026, 2, 3), last)));
      case EXPIRE:
        return a.expireAmendment(AM1, ctx(later(noon(2026, 2, 6), last)));
      case APPLY:
        return a.applyAmendment(AM1, ctx(later(noon(2026, 2, 10), last)));
      default:
        throw new AssertionError(action);
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Stream<Arguments> everyCell() {
    List<Arguments> cells = new ArrayList<>();
    for (AmendmentStatus status : AmendmentStatus.values()) {
      for (AmendmentAction action : AmendmentAction.values()) {
        cells.add(Arguments.of(status, action));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} × {1}")
  @MethodSource("everyCell")
  @DisplayName("every (amendment status × action) cell behaves as the amendment lifecycle table says")
  void walkTheMatrix(AmendmentStatus status, AmendmentAction action) {
    Agreement before = inStatus(status);
    assertThat(before.amendment(AM1).orElseThrow().status()).isEqualTo(status);
    Optional<AmendmentStatus> target = Amendment.lifecycle().target(status, action);
    if (target.isPresent()) {
      Amendment after = apply(before, action).amendment(AM1).orElseThrow();
      assertThat(after.status()).isEqualTo(target.get());
      assertThat(after.acceptance().isPresent()).isEqualTo(
          target.get() == AmendmentStatus.ACCEPTED || target.get() == AmendmentStatus.APPLIED
              || (target.get() == AmendmentStatus.WITHDRAWN && status == AmendmentStatus.ACCEPTED));
    } else {
      assertThatThrownBy(() -> apply(before, action))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageStartingWith("Amendment AM-1 of agreement AG-42 is " + status + "; " + action + " is not allowed (");
    }
  }
}
