package io.cemkit.examples;

import io.cemkit.core.Actor;
import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementEvent;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementItem;
import io.cemkit.core.AgreementItemId;
import io.cemkit.core.AgreementTerms;
import io.cemkit.core.AmendmentId;
import io.cemkit.core.AssetId;
import io.cemkit.core.BillingFrequency;
import io.cemkit.core.ChangeContext;
import io.cemkit.core.Channel;
import io.cemkit.core.Charge;
import io.cemkit.core.ChargeBasis;
import io.cemkit.core.ChargeId;
import io.cemkit.core.CemkitException;
import io.cemkit.core.ConsentDecision;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.ConsentRecord;
import io.cemkit.core.ContactPoint;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DateRange;
import io.cemkit.core.DueItem;
import io.cemkit.core.DueRule;
import io.cemkit.core.Entitlement;
import io.cemkit.core.EntitlementCheck;
import io.cemkit.core.EntitlementId;
import io.cemkit.core.Entitlements;
import io.cemkit.core.Evidence;
import io.cemkit.core.EvidenceMethod;
import io.cemkit.core.FaultParty;
import io.cemkit.core.Fee;
import io.cemkit.core.FeeAssessment;
import io.cemkit.core.Individual;
import io.cemkit.core.Initiator;
import io.cemkit.core.Money;
import io.cemkit.core.PaymentSchedule;
import io.cemkit.core.Periodicity;
import io.cemkit.core.PersonalData;
import io.cemkit.core.Product;
import io.cemkit.core.ProductKind;
import io.cemkit.core.ProviderId;
import io.cemkit.core.QuotaPeriod;
import io.cemkit.core.RenewalPolicy;
import io.cemkit.core.SecondCardFeeRule;
import io.cemkit.core.Segment;
import io.cemkit.core.SlaTarget;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An agreement's life, from seed 001 (switching banks): Dana opens an account with a credit card;
 * the bank sends the wrong card and replaces it; the second-card fee is waived because the error
 * was the bank's; she suspends and resumes; the bank raises its fee only with her consent; and the
 * payment schedule follows the terms in force. Every date comes from a fixed clock, so the output
 * is the same on every run.
 */
public final class AgreementDemo {
  static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
  static final AgreementId AGREEMENT = AgreementId.of("AG-2026-0042");
  static final CustomerId DANA = CustomerId.of("C-1001");
  static final AgreementItemId ACCOUNT = AgreementItemId.of("checking");
  static final AgreementItemId CARD = AgreementItemId.of("credit-card");
  static final AssetId WRONG_CARD = AssetId.of("card-0001");
  static final AssetId RIGHT_CARD = AssetId.of("card-0002");
  static final ChargeId ACCOUNT_FEE = ChargeId.of("account-fee");
  static final AmendmentId PRICE_REVIEW = AmendmentId.of("AM-2026-07");
  static final Actor BANKER = Actor.agent("banker-17");

  private final PrintWriter out;

  /**
   * A demo that prints to {@code out}.
   *
   * @param out where the story goes
   */
  public AgreementDemo(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Runs the scenario.
   *
   * @return the agreement at the end of the story
   */
  public Agreement run() {
    out.println("cemkit demo bank-switch: a customer switches banks (seed 001)");
    out.println();

    Individual dana = customer();
    Instant now = at("2026-01-02");
    out.printf("Customer %s: %s, segments %s%n", dana.id(), dana.displayName(),
        dana.segments().stream().map(Segment::code).sorted().collect(Collectors.joining(", ")));
    dana.contactPoints().forEach(c -> out.printf("  %-8s %s%s%n", c.channel(), c.address().masked(),
        c.preferred() ? " (preferred)" : ""));
    out.printf("  marketing by e-mail allowed: %s; by WhatsApp allowed: %s%n",
        yesNo(dana.consents().allows(ConsentPurpose.MARKETING, Channel.EMAIL, now)),
        yesNo(dana.consents().allows(ConsentPurpose.MARKETING, Channel.WHATSAPP, now)));
    out.println();

    section("1. The agreement is drafted, signed and activated");
    Agreement a = Agreement.draft(AGREEMENT, DANA, ProviderId.of("new-bank"), ZONE, terms("9.90"),
        ctx("2025-12-27", BANKER, Channel.BRANCH, "account opening"));
    a.terms().charges().forEach(c -> out.printf("  charge %-14s %s, %s, due %s%n", c.id(), c.amount(),
        c.periodicity(), c.dueRule()));
    a.terms().fees().forEach(f -> out.printf("  fee    %-14s %s, %s%n", f.rule(), f.amount(), f.description()));
    a.terms().entitlements().forEach(e -> out.printf("  entitlement %-18s %s%s%n", e.serviceType(),
        e.quota().map(q -> q + " per " + e.quotaPeriod().name().toLowerCase(java.util.Locale.ROOT)).orElse("unlimited"),
        e.sla().map(s -> ", SLA first response " + hours(s.firstResponse()) + ", resolution "
            + hours(s.resolution())).orElse("")));
    a = a.sign(Evidence.of(at("2025-12-28"), Channel.BRANCH, EvidenceMethod.SIGNATURE, "DOC-88231"),
        ctx("2025-12-28", BANKER, Channel.BRANCH, "customer signed at the branch"));
    a = a.activate(ctx("2026-01-01", Actor.system("core-banking"), Channel.BRANCH, "account opened"));
    status(a);
    EntitlementCheck support = Entitlements.check(a, "phone-support", at("2026-01-03"));
    out.printf("  phone support on 2026-01-03: %s%n", support.message());
    out.println();

    section("2. The wrong card arrives; the bank replaces it");
    a = a.orderAsset(WRONG_CARD, CARD, ctx("2026-01-02", BANKER, Channel.BRANCH, "gold card ordered"));
    a = a.deliverAsset(WRONG_CARD, ctx("2026-01-06", Actor.partner("courier"), Channel.FIELD, "card delivered"));
    a = a.replaceAsset(WRONG_CARD, RIGHT_CARD, FaultParty.PROVIDER, LocalDate.of(2026, 2, 28),
        ctx("2026-01-07", BANKER, Channel.PHONE, "silver card sent instead of gold; keep it until the gold one "
            + "arrives"));
    a = a.deliverAsset(RIGHT_CARD, ctx("2026-01-20", Actor.partner("courier"), Channel.FIELD, "gold card delivered"));
    a.assets().forEach(asset -> out.printf("  %s %-14s%s%n", asset.id(), asset.status(),
        asset.replaces().map(r -> " replaces " + r).orElse("")
            + asset.returnBy().map(d -> " return by " + d + " (fault: " + asset.fault() + ")").orElse("")));
    out.println();

    section("3. The second-card fee, assessed monthly");
    SecondCardFeeRule rule = SecondCardFeeRule.of("second-card-fee", Set.of("CARD-GOLD"));
    fee(rule.assess(a, LocalDate.of(2026, 2, 1)));
    Agreement keptIt = a;
    a = a.returnAsset(WRONG_CARD, ctx("2026-02-20", BANKER, Channel.BRANCH, "silver card returned"));
    fee(rule.assess(a, LocalDate.of(2026, 3, 1)));
    out.println("  had she kept the silver card past its return date:");
    fee(rule.assess(keptIt, LocalDate.of(2026, 3, 1)));
    out.println();

    section("4. Suspended while abroad, then resumed");
    a = a.suspend(ctx("2026-03-10", Actor.customer(DANA), Channel.APP, "customer abroad for three weeks"));
    status(a);
    out.printf("  phone support on 2026-03-15: %s%n", Entitlements.check(a, "phone-support", at("2026-03-15"))
        .message());
    a = a.resume(ctx("2026-04-01", Actor.customer(DANA), Channel.APP, "customer back"));
    status(a);
    try {
      a.resume(ctx("2026-04-02", BANKER, Channel.BRANCH, "double click"));
    } catch (CemkitException e) {
      out.println("  resume again -> " + e.getMessage());
    }
    out.println();

    section("5. A price review needs the customer's consent");
    a = a.proposeAmendment(PRICE_REVIEW, terms("12.90"), LocalDate.of(2026, 5, 1), Initiator.PROVIDER,
        at("2026-04-30"), ctx("2026-04-05", Actor.system("pricing"), Channel.EMAIL, "annual price review"));
    a.amendment(PRICE_REVIEW).orElseThrow().changes().forEach(c -> out.println("  proposed: " + c));
    try {
      a.applyAmendment(PRICE_REVIEW, ctx("2026-05-01", Actor.system("pricing"), Channel.EMAIL, "apply"));
    } catch (CemkitException e) {
      out.println("  apply without consent -> " + e.getClass().getSimpleName());
    }
    a = a.acceptAmendment(PRICE_REVIEW, Evidence.of(at("2026-04-08"), Channel.APP, EvidenceMethod.OTP, "OTP-55120"),
        ctx("2026-04-08", Actor.customer(DANA), Channel.APP, "customer accepted in the app"));
    a = a.applyAmendment(PRICE_REVIEW, ctx("2026-05-01", Actor.system("pricing"), Channel.EMAIL,
        "new price in force"));
    for (LocalDate d : new LocalDate[] {LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1)}) {
      var version = a.versionAt(d).orElseThrow();
      out.printf("  terms in force on %s: version %d, account fee %s%n", d, version.number(),
          version.terms().charge(ACCOUNT_FEE).orElseThrow().amount());
    }
    out.println();

    section("6. Payment schedule, January to June");
    PaymentSchedule schedule = a.paymentSchedule(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1));
    for (DueItem item : schedule.items()) {
      out.printf("  %s  %-13s %-9s %12s  (version %d)%n", item.dueDate(), item.charge(),
          item.occurrences().map(n -> item.occurrence() + "/" + n).orElse("#" + item.occurrence()),
          item.amount(), item.agreementVersion().orElseThrow());
    }
    out.printf("  total %s%n", schedule.total());
    out.println();

    section("7. History");
    for (AgreementEvent e : a.events()) {
      out.printf("  %2d %s %-22s %-12s %-8s %s%n", e.sequence(), LocalDate.ofInstant(e.at(), ZONE), e.type(),
          e.actor().kind().name().toLowerCase(java.util.Locale.ROOT), e.channel(), e.reason());
    }
    out.flush();
    return a;
  }

  /**
   * Dana: a private customer with e-mail and WhatsApp, who allows service messages everywhere and
   * marketing by e-mail, and refused marketing on WhatsApp.
   *
   * @return the customer
   */
  static Individual customer() {
    return Individual.builder().id(DANA).name(PersonalData.name("Dana Levi"))
        .addSegments(Segment.of("private"), Segment.of("new-customer"))
        .addContactPoints(ContactPoint.builder().channel(Channel.EMAIL)
            .address(PersonalData.email("dana.levi@example.com")).preferred(true).verified(true).build())
        .addContactPoints(ContactPoint.of(Channel.WHATSAPP, PersonalData.phone("+972-54-1234567")))
        .build()
        .withConsent(consent(ConsentPurpose.SERVICE, null, ConsentDecision.GRANTED, "2025-12-28"))
        .withConsent(consent(ConsentPurpose.MARKETING, Channel.EMAIL, ConsentDecision.GRANTED, "2025-12-28"))
        .withConsent(consent(ConsentPurpose.MARKETING, Channel.WHATSAPP, ConsentDecision.DENIED, "2025-12-28"));
  }

  private static AgreementTerms terms(String accountFee) {
    Product card = Product.of("CARD-GOLD", "Gold credit card", ProductKind.PHYSICAL);
    return AgreementTerms.builder()
        .term(DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
        .renewal(RenewalPolicy.automatic(Period.ofYears(1)))
        .currency(Currency.getInstance("ILS"))
        .addItems(AgreementItem.of(ACCOUNT, Product.of("CHECKING", "Checking account", ProductKind.SERVICE)))
        .addItems(AgreementItem.of(CARD, card))
        .addEntitlements(Entitlement.builder().id(EntitlementId.of("support")).serviceType("phone-support")
            .sla(SlaTarget.of(Duration.ofHours(4), Duration.ofDays(2))).build())
        .addEntitlements(Entitlement.builder().id(EntitlementId.of("replacement")).serviceType("card-replacement")
            .item(CARD).quota(2).quotaPeriod(QuotaPeriod.YEAR).build())
        .addCharges(Charge.builder().id(ACCOUNT_FEE).description("Monthly account fee").basis(ChargeBasis.SERVICE)
            .item(ACCOUNT).amount(Money.of(accountFee, "ILS"))
            .periodicity(Periodicity.recurring(BillingFrequency.MONTHLY)).build())
        .addCharges(Charge.builder().id(ChargeId.of("card-issuing")).description("Card issuing fee")
            .basis(ChargeBasis.SALE).item(CARD).amount(Money.of("100.00", "ILS"))
            .periodicity(Periodicity.installments(3, BillingFrequency.MONTHLY)).dueRule(DueRule.dayOfMonth(10))
            .build())
        .addFees(Fee.of("second-card-fee", "Monthly fee per additional card", Money.of("15.00", "ILS")))
        .build();
  }

  private static ConsentRecord consent(ConsentPurpose purpose, Channel channel, ConsentDecision decision,
      String date) {
    Instant when = at(date);
    var record = ConsentRecord.builder().purpose(purpose).decision(decision).validFrom(when).recordedAt(when)
        .evidence(Evidence.of(when, Channel.BRANCH, EvidenceMethod.WRITTEN_FORM, "FORM-" + purpose));
    if (channel != null) {
      record.channel(channel);
    }
    return record.build();
  }

  /** Ten in the morning, Jerusalem time, on an ISO date. */
  static Instant at(String date) {
    return LocalDate.parse(date).atTime(10, 0).atZone(ZONE).toInstant();
  }

  static ChangeContext ctx(String date, Actor actor, Channel channel, String reason) {
    return ChangeContext.of(Clock.fixed(at(date), ZoneOffset.UTC), actor, channel, reason);
  }

  private void section(String title) {
    out.println(title);
  }

  private void status(Agreement a) {
    AgreementEvent last = a.events().get(a.events().size() - 1);
    out.printf("  %s %s -> %s (allowed next: %s)%n", LocalDate.ofInstant(last.at(), ZONE), last.type(), a.status(),
        a.allowedActions().stream().map(Enum::name).collect(Collectors.joining(", ")));
  }

  private void fee(FeeAssessment assessment) {
    out.printf("  %s %s%s: %s%n", assessment.date(), assessment.outcome(),
        assessment.amount().map(m -> " " + m).orElse(""), assessment.explanation());
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String hours(Duration d) {
    return d.toHours() + "h";
  }
}
