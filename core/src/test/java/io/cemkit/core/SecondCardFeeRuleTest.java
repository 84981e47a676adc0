package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The seed story (001): the wrong credit card, the replacement, and the second-card fee. */
class SecondCardFeeRuleTest {
  static final AssetId WRONG = AssetId.of("card-1");
  static final AssetId RIGHT = AssetId.of("card-2");
  static final LocalDate RETURN_BY = LocalDate.of(2026, 2, 28);
  static final SecondCardFeeRule RULE = SecondCardFeeRule.of("second-card-fee", Set.of("CARD-GOLD"));

  /** The wrong card arrives on 5 Jan; the bank replaces it (its fault) on 6 Jan; the right one arrives on 20 Jan. */
  static Agreement twoCards(FaultParty fault) {
    return active()
        .orderAsset(WRONG, CARD, ctx(2026, 1, 2))
        .deliverAsset(WRONG, ctx(2026, 1, 5))
        .replaceAsset(WRONG, RIGHT, fault, RETURN_BY, ctx(2026, 1, 6))
        .deliverAsset(RIGHT, ctx(2026, 1, 20));
  }

  @Test
  @DisplayName("one card held: no fee")
  void oneCard() {
    FeeAssessment a = RULE.assess(twoCards(FaultParty.PROVIDER), LocalDate.of(2026, 1, 10));
    assertSoftly(s -> {
      s.assertThat(a.outcome()).isEqualTo(FeeOutcome.NOT_APPLICABLE);
      s.assertThat(a.amount()).isEmpty();
      s.assertThat(a.rule()).isEqualTo("second-card-fee");
      s.assertThat(a.agreement()).isEqualTo(AGREEMENT);
      s.assertThat(a.date()).isEqualTo(LocalDate.of(2026, 1, 10));
      s.assertThat(a.facts()).containsEntry("cardsHeld", "1").containsEntry("cards", "card-1");
      s.assertThat(a.explanation()).isEqualTo("Agreement AG-42 holds 1 card(s) (card-1) on 2026-01-10; 1 included, so "
          + "no extra-card fee");
    });
  }

  @Test
  @DisplayName("two cards because the bank sent the wrong one: the fee is waived until the return date")
  void waivedForProviderError() {
    FeeAssessment a = RULE.assess(twoCards(FaultParty.PROVIDER), LocalDate.of(2026, 2, 1));
    assertSoftly(s -> {
      s.assertThat(a.outcome()).isEqualTo(FeeOutcome.WAIVED);
      s.assertThat(a.amount()).contains(ils("15.00"));
      s.assertThat(a.facts()).containsEntry("cardsHeld", "2").containsEntry("providerErrorCards", "card-1")
          .containsEntry("waivedCards", "1").containsEntry("chargedCards", "0");
      s.assertThat(a.explanation()).isEqualTo("Agreement AG-42 holds 2 card(s) (card-1, card-2) on 2026-02-01, but "
          + "card card-1 was sent by provider error and may be kept until 2026-02-28 without a fee; the fee of "
          + "15.00 ILS is waived");
    });
    assertThat(RULE.assess(twoCards(FaultParty.PROVIDER), RETURN_BY).outcome())
        .as("the return date itself is still inside the waiver").isEqualTo(FeeOutcome.WAIVED);
  }

  @Test
  @DisplayName("the waiver ends when the return date passes and the wrong card is still held")
  void chargedAfterReturnDate() {
    FeeAssessment a = RULE.assess(twoCards(FaultParty.PROVIDER), LocalDate.of(2026, 3, 1));
    assertThat(a.outcome()).isEqualTo(FeeOutcome.CHARGED);
    assertThat(a.amount()).contains(ils("15.00"));
    assertThat(a.explanation()).isEqualTo("Agreement AG-42 holds 2 card(s) (card-1, card-2) on 2026-03-01; 1 beyond "
        + "the 1 included; card card-1 was sent by provider error but the return date (2026-02-28) has passed: fee "
        + "15.00 ILS × 1");
  }

  @Test
  @DisplayName("returning the wrong card ends the fee")
  void returned() {
    Agreement a = twoCards(FaultParty.PROVIDER).returnAsset(WRONG, ctx(2026, 2, 10));
    assertThat(RULE.assess(a, LocalDate.of(2026, 3, 1)).outcome()).isEqualTo(FeeOutcome.NOT_APPLICABLE);
    assertThat(RULE.assess(a, LocalDate.of(2026, 2, 1)).outcome())
        .as("history: on 1 Feb she still held both").isEqualTo(FeeOutcome.WAIVED);
  }

  @Test
  @DisplayName("a second card the customer asked for is charged from the day she holds it")
  void customerOwnSecondCard() {
    FeeAssessment a = RULE.assess(twoCards(FaultParty.CUSTOMER), LocalDate.of(2026, 1, 21));
    assertThat(a.outcome()).isEqualTo(FeeOutcome.CHARGED);
    assertThat(a.facts()).containsEntry("providerErrorCards", "").containsEntry("chargedCards", "1");
    assertThat(a.explanation()).endsWith("1 beyond the 1 included: fee 15.00 ILS × 1");
  }

  @Test
  @DisplayName("includedCards raises the free allowance; ordered cards are not yet held")
  void includedCards() {
    SecondCardFeeRule twoFree = SecondCardFeeRule.of("second-card-fee", Set.of("CARD-GOLD"), 2);
    assertThat(twoFree.assess(twoCards(FaultParty.CUSTOMER), LocalDate.of(2026, 2, 1)).outcome())
        .isEqualTo(FeeOutcome.NOT_APPLICABLE);
    assertThat(RULE.assess(twoCards(FaultParty.CUSTOMER), LocalDate.of(2026, 1, 19)).outcome())
        .as("card-2 is ordered, not delivered, on 19 Jan").isEqualTo(FeeOutcome.NOT_APPLICABLE);
  }

  @Test
  @DisplayName("FeeRule.assessAll runs rules in order and rejects a rule that answers for another")
  void assessAll() {
    Agreement a = twoCards(FaultParty.PROVIDER);
    List<FeeAssessment> all = FeeRule.assessAll(List.of(RULE), a, LocalDate.of(2026, 2, 1));
    assertThat(all).extracting(FeeAssessment::outcome).containsExactly(FeeOutcome.WAIVED);
    FeeRule liar = new FeeRule() {
      @Override
      public String id() {
        return "liar";
      }

      @Override
      public FeeAssessment assess(Agreement agreement, LocalDate date) {
        return RULE.assess(agreement, date);
      }
    };
    assertThatThrownBy(() -> FeeRule.assessAll(List.of(liar), a, LocalDate.of(2026, 2, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Fee rule liar returned an assessment of rule second-card-fee");
  }

  @Test
  @DisplayName("the amount comes from the terms in force: a fee raised by amendment applies from its date")
  void amountFromTerms() {
    AgreementTerms raised = termsBuilder().addCharges(monthlyFee("9.90")).build();
    raised = ImmutableAgreementTerms.copyOf(raised)
        .withFees(Fee.of("second-card-fee", "Monthly fee per additional card", ils("20.00")));
    Agreement a = twoCards(FaultParty.CUSTOMER)
        .proposeAmendment(AmendmentId.of("AM-1"), raised, LocalDate.of(2026, 3, 1), Initiator.PROVIDER,
            ctx(2026, 1, 25))
        .acceptAmendment(AmendmentId.of("AM-1"), evidence(noon(2026, 1, 26)), ctx(2026, 1, 26))
        .applyAmendment(AmendmentId.of("AM-1"), ctx(2026, 3, 1));
    assertThat(a.amendment(AmendmentId.of("AM-1")).orElseThrow().changes())
        .containsExactly("fee second-card-fee amount: 15.00 ILS → 20.00 ILS");
    assertThat(RULE.assess(a, LocalDate.of(2026, 2, 1)).amount()).contains(ils("15.00"));
    FeeAssessment march = RULE.assess(a, LocalDate.of(2026, 3, 1));
    assertThat(march.amount()).contains(ils("20.00"));
    assertThat(march.facts()).containsEntry("version", "2").containsEntry("fee", "20.00 ILS");
  }

  @Test
  @DisplayName("no fee without a basis: terms that do not list the fee, or no terms in force, charge nothing")
  void noBasisNoFee() {
    Agreement withoutFee = Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE,
            ImmutableAgreementTerms.copyOf(terms()).withFees(List.of()), ctx(2025, 12, 20))
        .sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21)).activate(ctx(2026, 1, 1))
        .orderAsset(WRONG, CARD, ctx(2026, 1, 2)).deliverAsset(WRONG, ctx(2026, 1, 5))
        .replaceAsset(WRONG, RIGHT, FaultParty.CUSTOMER, RETURN_BY, ctx(2026, 1, 6))
        .deliverAsset(RIGHT, ctx(2026, 1, 20));
    FeeAssessment none = RULE.assess(withoutFee, LocalDate.of(2026, 2, 1));
    assertThat(none.outcome()).isEqualTo(FeeOutcome.NOT_APPLICABLE);
    assertThat(none.explanation()).isEqualTo("Agreement AG-42 (version 1) does not include fee second-card-fee");
    FeeAssessment draft = RULE.assess(draft(), LocalDate.of(2026, 2, 1));
    assertThat(draft.outcome()).isEqualTo(FeeOutcome.NOT_APPLICABLE);
    assertThat(draft.explanation()).isEqualTo("Agreement AG-42 is not in force on 2026-02-01");
    Agreement terminated = twoCards(FaultParty.CUSTOMER).terminate(ctx(2026, 3, 1));
    assertThat(RULE.assess(terminated, LocalDate.of(2026, 2, 27)).outcome())
        .as("before the termination the fee was due").isEqualTo(FeeOutcome.CHARGED);
    FeeAssessment afterEnd = RULE.assess(terminated, LocalDate.of(2026, 3, 2));
    assertThat(afterEnd.outcome()).as("nothing is charged to an ended agreement, even with two cards still held")
        .isEqualTo(FeeOutcome.NOT_APPLICABLE);
    assertThat(afterEnd.explanation()).isEqualTo("Agreement AG-42 is not in force on 2026-03-02");
  }

  @Test
  @DisplayName("bad configuration is refused")
  void badConfiguration() {
    assertThatThrownBy(() -> SecondCardFeeRule.of("r", Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("SecondCardFeeRule r needs at least one card product code");
    assertThatThrownBy(() -> SecondCardFeeRule.of("r", Set.of("CARD-GOLD"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("includedCards must be at least 1, was 0");
    assertThatThrownBy(() -> SecondCardFeeRule.of("r", Set.of("CARD GOLD")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cardProducts has an invalid character U+0020 at "
            + "index 4 of 9; allowed are letters, digits and - _ . : / (not first)");
    assertThat(SecondCardFeeRule.of("r", Set.of("CARD-SILVER", "CARD-GOLD"), 2).toString())
        .isEqualTo("SecondCardFeeRule[r, per card beyond 2 of CARD-GOLD, CARD-SILVER]");
    assertThatThrownBy(() -> Fee.of("r", "Fee", ils("0.00")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Fee r amount must be positive, was 0.00 ILS");
    assertThatThrownBy(() -> termsBuilder().addFees(Fee.of("other", "Other fee", Money.of("5.00", "EUR"))).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Fee other is in EUR but the agreement's currency is ILS");
    assertThatThrownBy(() -> termsBuilder().addFees(Fee.of("second-card-fee", "Again", ils("1.00"))).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AgreementTerms.fees contain the id 'second-card-fee' more than once");
  }
}
