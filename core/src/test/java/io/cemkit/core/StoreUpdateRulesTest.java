package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static io.cemkit.core.InteractionFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.InteractionLog;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What storage lets an update change: only what history allows. */
class StoreUpdateRulesTest {

  @Test
  @DisplayName("a signed agreement's versions and signature cannot be rewritten, even with the same events")
  void signedTermsAreFixed() {
    Agreement stored = active();
    AgreementVersion v1 = stored.versions().get(0);
    AgreementVersion cheaper = ImmutableAgreementVersion.copyOf(v1)
        .withTerms(termsBuilder().addCharges(monthlyFee("1.00")).build());
    Agreement forged = ImmutableAgreement.copyOf(stored).withVersions(cheaper);
    assertThatThrownBy(() -> AgreementStore.checkUpdate(stored, forged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42 is signed; its 1 stored version(s) cannot change, only new versions (by amendment "
            + "or renewal) can be added");
    Agreement resigned = ImmutableAgreement.copyOf(stored).withSignature(evidence(noon(2025, 12, 22)));
    assertThatThrownBy(() -> AgreementStore.checkUpdate(stored, resigned))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Agreement AG-42 is signed; its signature cannot change");
    Agreement draft = draft();
    Agreement edited = draft.edit(termsBuilder().addCharges(monthlyFee("1.00")).build(), ctx(2025, 12, 21));
    AgreementStore.checkUpdate(draft, edited); // a draft's terms may change, through an EDITED event
  }

  @Test
  @DisplayName("a stored amendment's proposal and acceptance cannot change; only its decision may follow")
  void amendmentsAreFixed() {
    Agreement stored = active().proposeAmendment(AmendmentId.of("AM-1"),
        termsBuilder().addCharges(monthlyFee("12.90")).build(), LocalDate.of(2026, 3, 1), Initiator.PROVIDER,
        ctx(2026, 2, 1));
    Amendment original = stored.amendments().get(0);
    Amendment reworded = ImmutableAmendment.copyOf(original).withReason("a different reason");
    assertThatThrownBy(() -> AgreementStore.checkUpdate(stored, ImmutableAgreement.copyOf(stored)
        .withAmendments(reworded)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Agreement AG-42: amendment AM-1 cannot change what was proposed or the acceptance recorded for "
            + "it; only its decision may follow");
    AgreementStore.checkUpdate(stored, stored.acceptAmendment(AmendmentId.of("AM-1"), evidence(noon(2026, 2, 2)),
        ctx(2026, 2, 2)));
  }

  @Test
  @DisplayName("an open interaction may be closed, but its links, class and purpose stay as recorded")
  void interactionLinksAreFixed() {
    Interaction open = inbound("I-1", noon(2026, 2, 1)).agreement(AGREEMENT).build();
    InteractionLog.checkUpdate(open, ImmutableInteraction.copyOf(open).withEndedAt(noon(2026, 2, 1))
        .withOutcome("resolved"));
    for (Interaction changed : List.of(
        ImmutableInteraction.copyOf(open).withAgreement(OTHER_AGREEMENT),
        ImmutableInteraction.copyOf(open).withClassification(InteractionClass.of("billing.dispute")),
        ImmutableInteraction.copyOf(open).withCorrects(InteractionId.of("I-0")),
        ImmutableInteraction.copyOf(open).withPerformer(Actor.bot("bot-1")))) {
      assertThatThrownBy(() -> InteractionLog.checkUpdate(open, changed))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Interaction I-1: only its end, outcome, sentiment and summary can change");
    }
  }

  @Test
  @DisplayName("a finished continuation cannot reopen, and its switches cannot be removed")
  void continuationsCannotReopen() {
    Continuation open = InteractionJsonTest.continuation();
    Continuation done = ImmutableContinuation.copyOf(open).withStatus(ContinuationStatus.COMPLETED);
    assertThatThrownBy(() -> ContinuationStore.checkUpdate(done, open))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Continuation loan-1 is COMPLETED and cannot change "
            + "any more");
    assertThatThrownBy(() -> ContinuationStore.checkUpdate(open, ImmutableContinuation.copyOf(open)
        .withSwitches(List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Continuation loan-1: channel switches are "
            + "append-only; the update does not keep the 1 recorded switch(es)");
    assertThatThrownBy(() -> ContinuationStore.checkUpdate(open, ImmutableContinuation.copyOf(open)
        .withExpiresAt(noon(2030, 1, 1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Continuation loan-1: its id, customer, "
            + "action, token, start, first channel, expiry and process cannot change");
  }
}
