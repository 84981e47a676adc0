package io.cemkit.core;

import io.cemkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The seed case of an agreement rule: a monthly fee for every card the customer holds beyond the
 * first, unless the extra card is one the provider sent by mistake.
 *
 * <p>The story (seed 001): a customer switching banks receives the wrong credit card. The bank
 * orders the right one and lets her keep the wrong one until it arrives, then tells her she will
 * pay a monthly fee "because you hold two cards". This rule does what the bank should have done:
 *
 * <ul>
 *   <li>Nothing is charged on a date the agreement is not in force ({@link Agreement#inForceOn}).
 *   <li>The fee's amount comes from the {@link Fee} with this rule's id in the terms in force on the
 *       assessed date; an agreement whose terms do not list it is never charged.
 *   <li>Cards held are the assets of the listed products that are delivered, in service or waiting
 *       to be returned, as they were at the end of the assessed date (from the agreement's history).
 *   <li>Holding {@code includedCards} or fewer: not applicable.
 *   <li>Each extra card is waived while a held card is waiting to be returned because of a
 *       {@link FaultParty#PROVIDER provider fault} and its return-by date has not passed.
 *   <li>Otherwise the fee's amount is charged per extra card, and the explanation says why (including "its
 *       return date has passed" when the waiver ran out).
 * </ul>
 *
 * <p>Returning the card ends the fee: a returned card is no longer held.
 */
public final class SecondCardFeeRule implements FeeRule {
  private final String id;
  private final Set<String> cardProducts;
  private final int includedCards;

  private SecondCardFeeRule(String id, Set<String> cardProducts, int includedCards) {
    this.id = Checks.code("id", id);
    Objects.requireNonNull(cardProducts, "cardProducts");
    Checks.check(!cardProducts.isEmpty(), "SecondCardFeeRule %s needs at least one card product code", id);
    cardProducts.forEach(p -> Checks.code("cardProducts", p));
    this.cardProducts = Set.copyOf(cardProducts);
    this.includedCards = Checks.atLeast("includedCards", includedCards, 1);
  }

  /**
   * The rule with one card included.
   *
   * @param id the rule's id, matching the {@link Fee#rule()} of the agreements' fee
   * @param cardProducts the product codes that count as cards
   * @return the rule
   */
  public static SecondCardFeeRule of(String id, Set<String> cardProducts) {
    return new SecondCardFeeRule(id, cardProducts, 1);
  }

  /**
   * The rule with {@code includedCards} cards free of the fee.
   *
   * @param id the rule's id, matching the {@link Fee#rule()} of the agreements' fee
   * @param cardProducts the product codes that count as cards
   * @param includedCards how many cards are free, at least 1
   * @return the rule
   */
  public static SecondCardFeeRule of(String id, Set<String> cardProducts, int includedCards) {
    return new SecondCardFeeRule(id, cardProducts, includedCards);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public FeeAssessment assess(Agreement agreement, LocalDate date) {
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(date, "date");
    var result = FeeAssessment.builder().rule(id).agreement(agreement.id()).date(date);
    if (!agreement.inForceOn(date)) {
      return result.outcome(FeeOutcome.NOT_APPLICABLE)
          .explanation("Agreement " + agreement.id() + " is not in force on " + date).build();
    }
    Optional<AgreementVersion> version = agreement.versionAt(date);
    if (version.isEmpty()) {
      return result.outcome(FeeOutcome.NOT_APPLICABLE)
          .explanation("Agreement " + agreement.id() + " has no terms in force on " + date).build();
    }
    Optional<Fee> fee = version.get().terms().fee(id);
    if (fee.isEmpty()) {
      return result.outcome(FeeOutcome.NOT_APPLICABLE).putFacts("version", Integer.toString(version.get().number()))
          .explanation("Agreement " + agreement.id() + " (version " + version.get().number() + ") does not include "
              + "fee " + id).build();
    }
    Money monthlyFee = fee.get().amount();
    List<Asset> held = agreement.assetsAt(date).stream()
        .filter(a -> cardProducts.contains(a.productCode()) && a.isHeld())
        .collect(Collectors.toList());
    List<Asset> providerErrors = new ArrayList<>();
    List<Asset> lapsedErrors = new ArrayList<>();
    for (Asset a : held) {
      if (a.status() == AssetStatus.RETURN_PENDING && a.fault() == FaultParty.PROVIDER) {
        boolean inTime = a.returnBy().map(by -> !date.isAfter(by)).orElse(false);
        (inTime ? providerErrors : lapsedErrors).add(a);
      }
    }
    int extra = Math.max(0, held.size() - includedCards);
    int waived = Math.min(extra, providerErrors.size());
    int charged = extra - waived;
    Map<String, String> facts = new TreeMap<>();
    facts.put("version", Integer.toString(version.get().number()));
    facts.put("fee", monthlyFee.toString());
    facts.put("cardsHeld", Integer.toString(held.size()));
    facts.put("cards", ids(held));
    facts.put("includedCards", Integer.toString(includedCards));
    facts.put("providerErrorCards", ids(providerErrors));
    facts.put("extraCards", Integer.toString(extra));
    facts.put("waivedCards", Integer.toString(waived));
    facts.put("chargedCards", Integer.toString(charged));
    result.putAllFacts(facts);
    held.forEach(a -> result.addAssets(a.id()));
    String holds = "Agreement " + agreement.id() + " holds " + held.size() + " card(s)"
        + (held.isEmpty() ? "" : " (" + ids(held) + ")") + " on " + date;
    if (extra == 0) {
      return result.outcome(FeeOutcome.NOT_APPLICABLE)
          .explanation(holds + "; " + includedCards + " included, so no extra-card fee").build();
    }
    if (charged == 0) {
      return result.outcome(FeeOutcome.WAIVED).amount(monthlyFee.times(waived))
          .explanation(holds + ", but " + describe(providerErrors) + " sent by provider error and may be kept until "
              + returnDates(providerErrors) + " without a fee; the fee of " + monthlyFee.times(waived)
              + " is waived").build();
    }
    StringBuilder why = new StringBuilder(holds).append("; ").append(extra).append(" beyond the ")
        .append(includedCards).append(" included");
    if (waived > 0) {
      why.append(", ").append(waived).append(" waived for provider error (").append(ids(providerErrors)).append(')');
    }
    if (!lapsedErrors.isEmpty()) {
      why.append("; ").append(describe(lapsedErrors)).append(" sent by provider error but the return date (")
          .append(returnDates(lapsedErrors)).append(") has passed");
    }
    why.append(": fee ").append(monthlyFee).append(" × ").append(charged);
    return result.outcome(FeeOutcome.CHARGED).amount(monthlyFee.times(charged)).explanation(why.toString()).build();
  }

  private static String ids(List<Asset> assets) {
    return assets.stream().map(a -> a.id().value()).collect(Collectors.joining(", "));
  }

  private static String returnDates(List<Asset> assets) {
    return assets.stream().map(a -> a.returnBy().map(LocalDate::toString).orElse("no date"))
        .collect(Collectors.joining(", "));
  }

  private static String describe(List<Asset> assets) {
    return (assets.size() == 1 ? "card " : "cards ") + ids(assets) + (assets.size() == 1 ? " was" : " were");
  }

  @Override
  public String toString() {
    return "SecondCardFeeRule[" + id + ", per card beyond " + includedCards + " of "
        + cardProducts.stream().sorted().collect(Collectors.joining(", ")) + "]";
  }
}
