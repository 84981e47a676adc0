package io.cemkit.core;

import static io.cemkit.core.Fixtures.AGENT;
import static io.cemkit.core.Fixtures.AGREEMENT;
import static io.cemkit.core.Fixtures.BANK;
import static io.cemkit.core.Fixtures.CUSTOMER;
import static io.cemkit.core.Fixtures.ZONE;

import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.Versioned;
import io.cemkit.core.testing.BadInputTable;
import io.cemkit.core.testing.BadInputTable.Row;
import io.cemkit.core.testing.BadInputTable.Table;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


/**
 * The bad-input table of {@code cemkit-core} (issue #10, the reliability gate): every public factory of
 * {@code io.cemkit.core} and {@code io.cemkit.core.spi}, called with one invalid value at a time, must throw
 * the documented exception type with a message that names the field and renders the offending value.
 *
 * <p>Each row is a display name, the factory it exercises (its key, e.g. {@code Money.of(String,String)}),
 * a call with exactly one bad value, the expected exception type and the fragments its message must contain.
 * A {@link NullPointerException} must come from {@code Objects.requireNonNull} (its top frame is
 * {@code java.util.Objects}): a null met deep inside would also name the variable in the JDK's helpful
 * message, which is exactly what this table is meant to rule out. Identifiers checked by {@code Checks.code}
 * never quote the value (a mistyped id may be personal data); their rows expect the field, the length or the
 * offending character instead.
 *
 * <h2>How the list of factories is derived</h2>
 *
 * <p>{@link #everyPublicFactoryHasARow()} walks the compiled classes of the two packages (the directory that holds
 * {@code Money.class}) and finds the public factories by the rules of
 * {@link io.cemkit.core.testing.BadInputTable}; a factory needs a row unless {@link #EXEMPT} says why it has
 * none.
 *
 * <p>To extend the table after adding a factory: run this test, read the factory it names, add rows for each
 * parameter (null, blank, out of range, unknown, malformed) under that key, or add the factory to
 * {@link #EXEMPT} with the reason it takes no invalid value.
 */
class BadInputTableTest {
  private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
  private static final LocalDate D = LocalDate.of(2026, 1, 1);
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
  private static final String TOO_LONG = "a".repeat(129);
  private static final Periodicity MONTHLY = Periodicity.recurring(BillingFrequency.MONTHLY);

  /** Factories without rows, and why. */
  private static final Map<String, String> EXEMPT = Map.of(
      "ImmutableInAdvance.builder()", "the due rule has no attributes: nothing can be set wrong",
      "ImmutableInArrears.builder()", "the due rule has no attributes: nothing can be set wrong",
      "ImmutableOneTime.builder()", "the periodicity has no attributes: nothing can be set wrong");

  private static final List<Row> ROWS = table();

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  @DisplayName("a bad value is refused with the right exception and a message naming the field and the value")
  void refuses(Row row) {
    BadInputTable.assertRefused(row);
  }

  static Stream<Row> rows() {
    return ROWS.stream();
  }

  @Test
  @DisplayName("every public factory of io.cemkit.core and io.cemkit.core.spi has a row or a reason for none")
  void everyPublicFactoryHasARow() throws IOException, URISyntaxException {
    BadInputTable.assertEveryFactoryHasARow(Money.class, ROWS, EXEMPT, "io.cemkit.core", "io.cemkit.core.spi");
  }

  // ------------------------------------------------------------------------------------------------ the table

  private static List<Row> table() {
    Table t = new Table();
    ids(t);
    values(t);
    builders(t);
    services(t);
    spi(t);
    return List.copyOf(t.rows());
  }

  /** The identifier records: a code of 1 to 128 letters, digits and - _ . : / (not first). */
  private static void ids(Table t) {
    code(t, "AgreementId", AgreementId::of, AgreementId::new);
    code(t, "AgreementItemId", AgreementItemId::of, AgreementItemId::new);
    code(t, "AmendmentId", AmendmentId::of, AmendmentId::new);
    code(t, "AssetId", AssetId::of, AssetId::new);
    code(t, "ChargeId", ChargeId::of, ChargeId::new);
    code(t, "ContinuationId", ContinuationId::of, ContinuationId::new);
    code(t, "CustomerId", CustomerId::of, CustomerId::new);
    code(t, "EntitlementId", EntitlementId::of, EntitlementId::new);
    code(t, "InteractionId", InteractionId::of, InteractionId::new);
    code(t, "InvoiceId", InvoiceId::of, InvoiceId::new);
    code(t, "ProcessInstanceId", ProcessInstanceId::of, ProcessInstanceId::new);
    code(t, "ProviderId", ProviderId::of, ProviderId::new);
    code(t, "Touchpoint", Touchpoint::of, Touchpoint::new);
    code(t, "Segment", Segment::of, Segment::new);
    code(t, "InteractionClass", InteractionClass::of, InteractionClass::new);
    code(t, "JourneyStage", JourneyStage::of, JourneyStage::new);

    t.on("ContinuationToken.of(String)")
        .npe("null", () -> ContinuationToken.of(null), "ContinuationToken")
        .iae("15 characters", () -> ContinuationToken.of("a".repeat(15)), "ContinuationToken", "16 to 128",
            "had 15 characters")
        .iae("129 characters", () -> ContinuationToken.of(TOO_LONG), "ContinuationToken", "had 129 characters")
        .iae("not URL-safe", () -> ContinuationToken.of("a".repeat(15) + "+"), "ContinuationToken", "URL-safe",
            "had 16 characters");
    t.on("new ContinuationToken(String)")
        .iae("blank", () -> new ContinuationToken(" ".repeat(16)), "ContinuationToken", "had 16 characters");
  }

  private static void code(Table t, String type, Function<String, ?> of, Function<String, ?> constructor) {
    t.on(type + ".of(String)")
        .npe("null", () -> of.apply(null), type)
        .iae("empty", () -> of.apply(""), type, "1 to 128 characters", "was 0")
        .iae("blank", () -> of.apply(" "), type, "invalid character U+0020 at index 0")
        .iae("129 characters", () -> of.apply(TOO_LONG), type, "was 129")
        .iae("control character", () -> of.apply("a\u0007b"), type, "U+0007 at index 1");
    t.on("new " + type + "(String)")
        .iae("starting with '-'", () -> constructor.apply("-a"), type, "'-' at index 0", "(not first)")
        .iae("with a space", () -> constructor.apply("a b"), type, "U+0020 at index 1");
  }

  /** Small values with static factories. */
  private static void values(Table t) {
    t.on("Money.of(String,String)")
        .npe("amount null", () -> Money.of(null, "EUR"), "amount")
        .npe("currencyCode null", () -> Money.of("1", null), "currencyCode")
        .iae("amount not a number", () -> Money.of("ten", "EUR"), "Money amount", "'ten'", "not a decimal number")
        .iae("amount blank", () -> Money.of(" ", "EUR"), "Money amount", "' '", "not a decimal number")
        .iae("unknown currency", () -> Money.of("1", "EUX"), "currency code", "'EUX'")
        .iae("too many decimals", () -> Money.of("1.005", "EUR"), "Money amount 1.005", "EUR allows (2)")
        .iae("31 integer digits", () -> Money.of("1" + "0".repeat(30) + ".5", "EUR"),
            "Money amount 1" + "0".repeat(30) + ".5", "more than 30 integer digits");
    t.on("Money.of(BigDecimal,Currency)")
        .npe("amount null", () -> Money.of(null, EUR), "amount")
        .npe("currency null", () -> Money.of(BigDecimal.ONE, null), "currency")
        .iae("currency without minor unit", () -> Money.of(BigDecimal.ONE, Currency.getInstance("XXX")),
            "Currency XXX", "no minor unit")
        .iae("too many decimals for JPY", () -> Money.of(new BigDecimal("1.5"), Currency.getInstance("JPY")),
            "Money amount 1.5", "JPY allows (0)");
    t.on("Money.zero(Currency)")
        .npe("currency null", () -> Money.zero(null), "currency");
    t.on("Money.currency(String)")
        .npe("null", () -> Money.currency(null), "currencyCode")
        .iae("lower case", () -> Money.currency("eur"), "ISO 4217", "'eur'")
        .iae("empty", () -> Money.currency(""), "ISO 4217", "''");
    t.on("Money.ofRounded(BigDecimal,Currency,RoundingMode)")
        .npe("amount null", () -> Money.ofRounded(null, EUR, RoundingMode.HALF_UP), "amount")
        .npe("currency null", () -> Money.ofRounded(BigDecimal.ONE, null, RoundingMode.HALF_UP), "currency")
        .npe("rounding null", () -> Money.ofRounded(BigDecimal.ONE, EUR, null), "rounding")
        .iae("31 integer digits", () -> Money.ofRounded(new BigDecimal("1e30"), EUR, RoundingMode.HALF_UP),
            "1E+30", "30 integer digits");

    t.on("DateRange.of(LocalDate,LocalDate)")
        .npe("start null", () -> DateRange.of(null, D), "start")
        .npe("end null", () -> DateRange.of(D, null), "end")
        .iae("end before start", () -> DateRange.of(D, D.minusDays(1)), "DateRange end 2025-12-31",
            "before its start 2026-01-01");
    t.on("DateRange.from(LocalDate)")
        .npe("start null", () -> DateRange.from(null), "start");

    t.on("Actor.of(ActorKind,String)")
        .npe("kind null", () -> Actor.of(null, "a-1"), "kind")
        .npe("id null", () -> Actor.of(ActorKind.AGENT, null), "id")
        .iae("id blank", () -> Actor.of(ActorKind.AGENT, " "), "Actor.id", "U+0020");
    t.on("Actor.agent(String)").iae("id empty", () -> Actor.agent(""), "Actor.id", "was 0");
    t.on("Actor.system(String)").iae("id with a space", () -> Actor.system("a b"), "Actor.id", "U+0020 at index 1");
    t.on("Actor.bot(String)").npe("id null", () -> Actor.bot(null), "id");
    t.on("Actor.partner(String)").iae("id too long", () -> Actor.partner(TOO_LONG), "Actor.id", "was 129");
    t.on("Actor.customer(CustomerId)").npe("customer null", () -> Actor.customer(null), "customer");

    t.on("ChangeContext.of(Clock,Actor,Channel,String)")
        .npe("clock null", () -> ChangeContext.of(null, AGENT, Channel.WEB, "why"), "clock")
        .npe("actor null", () -> ChangeContext.of(CLOCK, null, Channel.WEB, "why"), "actor")
        .npe("channel null", () -> ChangeContext.of(CLOCK, AGENT, null, "why"), "channel")
        .npe("reason null", () -> ChangeContext.of(CLOCK, AGENT, Channel.WEB, null), "reason")
        .iae("reason blank", () -> ChangeContext.of(CLOCK, AGENT, Channel.WEB, "  "), "reason", "blank")
        .iae("reason too long", () -> ChangeContext.of(CLOCK, AGENT, Channel.WEB, "x".repeat(501)), "reason",
            "at most 500", "was 501")
        .iae("reason with a control character", () -> ChangeContext.of(CLOCK, AGENT, Channel.WEB, "a\u0000b"),
            "reason", "U+0000 at index 1");

    t.on("PersonalData.of(Kind,String)")
        .npe("kind null", () -> PersonalData.of(null, "x"), "kind")
        .npe("value null", () -> PersonalData.of(PersonalData.Kind.OTHER, null), "OTHER value")
        .iae("value blank", () -> PersonalData.of(PersonalData.Kind.OTHER, " "), "PersonalData OTHER", "blank")
        .iae("value too long", () -> PersonalData.of(PersonalData.Kind.OTHER, "x".repeat(321)),
            "PersonalData OTHER", "at most 320", "was 321");
    t.on("PersonalData.name(String)")
        .npe("null", () -> PersonalData.name(null), "NAME value")
        .iae("blank", () -> PersonalData.name("\t"), "PersonalData NAME", "blank");
    t.on("PersonalData.email(String)")
        .iae("no @", () -> PersonalData.email("dana.example.com"), "PersonalData EMAIL", "one '@'")
        .iae("two @", () -> PersonalData.email("a@b@c"), "PersonalData EMAIL", "one '@'")
        .iae("a space", () -> PersonalData.email("da na@example.com"), "PersonalData EMAIL", "no spaces");
    t.on("PersonalData.phone(String)")
        .iae("letters", () -> PersonalData.phone("call me"), "PersonalData PHONE", "has 0 digits")
        .iae("4 digits", () -> PersonalData.phone("1234"), "PersonalData PHONE", "5 to 15 digits", "has 4 digits")
        .iae("16 digits", () -> PersonalData.phone("1234567890123456"), "PersonalData PHONE", "has 16 digits");
    t.on("PersonalData.nationalId(String)").iae("blank", () -> PersonalData.nationalId(""),
        "PersonalData NATIONAL_ID", "blank");
    t.on("PersonalData.address(String)").iae("too long", () -> PersonalData.address("x".repeat(321)),
        "PersonalData ADDRESS", "was 321");
    t.on("PersonalData.freeText(String)").iae("too long", () -> PersonalData.freeText("x".repeat(100_001)),
        "PersonalData FREE_TEXT", "at most 100000", "was 100001");

    t.on("ContactPoint.of(Channel,PersonalData)")
        .npe("channel null", () -> ContactPoint.of(null, PersonalData.email("a@b.c")), "channel")
        .npe("address null", () -> ContactPoint.of(Channel.EMAIL, null), "address")
        .iae("a phone on e-mail", () -> ContactPoint.of(Channel.EMAIL, PersonalData.phone("+972541234567")),
            "ContactPoint on EMAIL", "EMAIL address", "was PHONE")
        .iae("a place", () -> ContactPoint.of(Channel.BRANCH, PersonalData.address("Main St 1")), "Channel BRANCH",
            "not a contact point");
    t.on("ContactPoint.addressKindFor(Channel)")
        .npe("channel null", () -> ContactPoint.addressKindFor(null), "channel")
        .iae("ATM", () -> ContactPoint.addressKindFor(Channel.ATM), "Channel ATM", "not a contact point");
    t.on("MaskedContact.of(ContactPoint)").npe("contact point null", () -> MaskedContact.of(null), "contactPoint");

    t.on("Product.of(String,String,ProductKind)")
        .npe("code null", () -> Product.of(null, "Card", ProductKind.PHYSICAL), "code")
        .npe("kind null", () -> Product.of("CARD", "Card", null), "kind")
        .iae("code blank", () -> Product.of(" ", "Card", ProductKind.PHYSICAL), "Product.code", "U+0020")
        .iae("name blank", () -> Product.of("CARD", "", ProductKind.PHYSICAL), "Product.name", "blank")
        .iae("name too long", () -> Product.of("CARD", "n".repeat(201), ProductKind.PHYSICAL), "Product.name",
            "was 201");
    t.on("Product.installed(String,String)")
        .npe("name null", () -> Product.installed("ROUTER", null), "name")
        .iae("code empty", () -> Product.installed("", "Router"), "Product.code", "was 0");

    t.on("AgreementItem.of(AgreementItemId,Product)")
        .npe("id null", () -> AgreementItem.of(null, Fixtures.CARD_PRODUCT), "id")
        .npe("product null", () -> AgreementItem.of(Fixtures.CARD, null), "product");

    t.on("Fee.of(String,String,Money)")
        .npe("amount null", () -> Fee.of("late-fee", "Late fee", null), "amount")
        .iae("rule blank", () -> Fee.of(" ", "Late fee", Money.of("5", "EUR")), "Fee.rule", "U+0020")
        .iae("description blank", () -> Fee.of("late-fee", " ", Money.of("5", "EUR")), "Fee.description", "blank")
        .iae("amount zero", () -> Fee.of("late-fee", "Late fee", Money.of("0", "EUR")), "Fee late-fee amount",
            "positive", "was 0.00 EUR")
        .iae("amount negative", () -> Fee.of("late-fee", "Late fee", Money.of("-5", "EUR")), "Fee late-fee amount",
            "was -5.00 EUR");

    t.on("Evidence.of(Instant,Channel,EvidenceMethod,String)")
        .npe("at null", () -> Evidence.of(null, Channel.WEB, EvidenceMethod.OTP, "OTP-1"), "at")
        .npe("method null", () -> Evidence.of(T, Channel.WEB, null, "OTP-1"), "method")
        .iae("reference blank", () -> Evidence.of(T, Channel.WEB, EvidenceMethod.OTP, ""), "Evidence.reference",
            "was 0");

    t.on("SlaTarget.of(Duration,Duration)")
        .npe("firstResponse null", () -> SlaTarget.of(null, Duration.ofHours(1)), "firstResponse")
        .npe("resolution null", () -> SlaTarget.of(Duration.ofHours(1), null), "resolution")
        .iae("firstResponse zero", () -> SlaTarget.of(Duration.ZERO, Duration.ofHours(1)),
            "SlaTarget.firstResponse", "positive", "was PT0S")
        .iae("firstResponse negative", () -> SlaTarget.of(Duration.ofHours(-1), Duration.ofHours(1)),
            "SlaTarget.firstResponse", "was PT-1H")
        .iae("resolution before firstResponse", () -> SlaTarget.of(Duration.ofHours(2), Duration.ofHours(1)),
            "SlaTarget.resolution (PT1H)", "firstResponse (PT2H)");
    t.on("SlaTarget.of(Duration,Duration,String)")
        .npe("calendar null", () -> SlaTarget.of(Duration.ofHours(1), Duration.ofHours(2), null), "calendar")
        .iae("calendar blank", () -> SlaTarget.of(Duration.ofHours(1), Duration.ofHours(2), " "),
            "SlaTarget.calendar", "U+0020");

    t.on("RenewalPolicy.automatic(Period)")
        .npe("renewalTerm null", () -> RenewalPolicy.automatic(null), "renewalTerm")
        .iae("renewalTerm zero", () -> RenewalPolicy.automatic(Period.ZERO), "RenewalPolicy.renewalTerm",
            "positive", "was P0D")
        .iae("renewalTerm negative", () -> RenewalPolicy.automatic(Period.ofMonths(-1)),
            "RenewalPolicy.renewalTerm", "was P-1M");
    t.on("RenewalPolicy.manual(Period)")
        .npe("renewalTerm null", () -> RenewalPolicy.manual(null), "renewalTerm")
        .iae("renewalTerm negative", () -> RenewalPolicy.manual(Period.ofYears(-1)), "RenewalPolicy.renewalTerm",
            "was P-1Y");

    t.on("Periodicity.installments(int,BillingFrequency)")
        .npe("frequency null", () -> Periodicity.installments(3, null), "frequency")
        .iae("count 1", () -> Periodicity.installments(1, BillingFrequency.MONTHLY), "Installments.count",
            "at least 2", "was 1")
        .iae("count 1201", () -> Periodicity.installments(1201, BillingFrequency.MONTHLY), "Installments.count",
            "at most 1200", "was 1201");
    t.on("Periodicity.recurring(BillingFrequency)")
        .npe("frequency null", () -> Periodicity.recurring(null), "frequency");
    t.on("Periodicity.recurring(BillingFrequency,int)")
        .iae("occurrences 0", () -> Periodicity.recurring(BillingFrequency.MONTHLY, 0), "Recurring.occurrences",
            "at least 1", "was 0");
    t.on("Periodicity.recurringUntil(BillingFrequency,LocalDate)")
        .npe("endExclusive null", () -> Periodicity.recurringUntil(BillingFrequency.MONTHLY, null), "endExclusive");

    t.on("DueRule.dayOfMonth(int)")
        .iae("day 0", () -> DueRule.dayOfMonth(0), "day-of-month", "1 to 31", "was 0")
        .iae("day 32", () -> DueRule.dayOfMonth(32), "day-of-month", "was 32");
    t.on("DueRule.daysAfterIssue(int)")
        .iae("days -1", () -> DueRule.daysAfterIssue(-1), "days-after-issue", "0 to 366", "was -1")
        .iae("days 367", () -> DueRule.daysAfterIssue(367), "days-after-issue", "was 367");

    t.on("Sentiment.of(double,Source)")
        .npe("source null", () -> Sentiment.of(0, null), "source")
        .iae("score above 1", () -> Sentiment.of(1.5, Sentiment.Source.HUMAN), "Sentiment.score", "[-1, 1]",
            "was 1.5")
        .iae("score NaN", () -> Sentiment.of(Double.NaN, Sentiment.Source.HUMAN), "Sentiment.score", "was NaN");
    t.on("Sentiment.Label.of(double)")
        .iae("score NaN", () -> Sentiment.Label.of(Double.NaN), "Sentiment.Label score", "[-1, 1]", "was NaN")
        .iae("score below -1", () -> Sentiment.Label.of(-2), "Sentiment.Label score", "was -2.0");

    t.on("ChannelSwitch.of(Channel,Channel,Instant,Actor,InteractionId)")
        .npe("from null", () -> ChannelSwitch.of(null, Channel.WEB, T, AGENT, InteractionId.of("I-1")), "from")
        .npe("interaction null", () -> ChannelSwitch.of(Channel.APP, Channel.WEB, T, AGENT, null), "interaction")
        .iae("to the same channel", () -> ChannelSwitch.of(Channel.WEB, Channel.WEB, T, AGENT,
            InteractionId.of("I-1")), "ChannelSwitch from WEB", "same channel");

    t.on("ContextWarning.of(Code,Severity,String,Optional)")
        .npe("code null", () -> ContextWarning.of(null, ContextWarning.Severity.HIGH, "m", Optional.empty()), "code")
        .npe("agreement null", () -> ContextWarning.of(ContextWarning.Code.PAYMENT_OVERDUE,
            ContextWarning.Severity.HIGH, "m", null), "agreement")
        .iae("message blank", () -> ContextWarning.of(ContextWarning.Code.PAYMENT_OVERDUE,
            ContextWarning.Severity.HIGH, " ", Optional.empty()), "ContextWarning.message", "blank")
        .iae("message too long", () -> ContextWarning.of(ContextWarning.Code.PAYMENT_OVERDUE,
            ContextWarning.Severity.HIGH, "m".repeat(1001), Optional.empty()), "ContextWarning.message", "was 1001");

    t.on("Obligation.of(AgreementId,DueItem,SettlementState,boolean)")
        .npe("item null", () -> Obligation.of(AGREEMENT, null, SettlementState.OPEN, false), "item")
        .iae("overdue but settled", () -> Obligation.of(AGREEMENT, dueItem().build(), SettlementState.SETTLED, true),
            "overdue only when known to be unpaid", "was SETTLED");

    t.on("InteractionTaxonomy.of(Collection)")
        .npe("classes null", () -> InteractionTaxonomy.of((List<InteractionClass>) null), "classes")
        .npe("a class null", () -> InteractionTaxonomy.of(Arrays.asList(InteractionClass.of("a"), null)), "class")
        .iae("empty", () -> InteractionTaxonomy.of(List.of()), "InteractionTaxonomy", "at least one class");
    t.on("InteractionTaxonomy.of(String[])")
        .npe("codes null", () -> InteractionTaxonomy.of((String[]) null), "codes")
        .iae("a blank code", () -> InteractionTaxonomy.of("service", " "), "InteractionClass", "U+0020")
        .iae("no code", () -> InteractionTaxonomy.of(new String[0]), "InteractionTaxonomy", "at least one class");

    t.on("ConsentLedger.of(List)")
        .npe("records null", () -> ConsentLedger.of(null), "records")
        .npe("a record null", () -> ConsentLedger.of(Arrays.asList((ConsentRecord) null)), "record")
        .iae("out of order", () -> ConsentLedger.of(List.of(consent(T.plusSeconds(60)), consent(T))),
            "append-only", "recorded at 2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z");

    t.on("SecondCardFeeRule.of(String,Set)")
        .npe("id null", () -> SecondCardFeeRule.of(null, Set.of("CARD")), "id")
        .npe("cardProducts null", () -> SecondCardFeeRule.of("second-card", null), "cardProducts")
        .iae("id blank", () -> SecondCardFeeRule.of(" ", Set.of("CARD")), "id", "U+0020")
        .iae("no card product", () -> SecondCardFeeRule.of("second-card", Set.of()), "SecondCardFeeRule second-card",
            "at least one card product")
        .iae("card product blank", () -> SecondCardFeeRule.of("second-card", Set.of("")), "cardProducts", "was 0");
    t.on("SecondCardFeeRule.of(String,Set,int)")
        .iae("includedCards 0", () -> SecondCardFeeRule.of("second-card", Set.of("CARD"), 0), "includedCards",
            "at least 1", "was 0");

    t.on("TransitionTable.builder(String,Class,Class)")
        .npe("subject null", () -> TransitionTable.builder(null, AssetStatus.class, AssetAction.class), "subject")
        .npe("stateType null", () -> TransitionTable.builder("Asset", null, AssetAction.class), "stateType")
        .npe("actionType null", () -> TransitionTable.builder("Asset", AssetStatus.class, null), "actionType")
        .iae("subject blank", () -> TransitionTable.builder(" ", AssetStatus.class, AssetAction.class), "subject",
            "blank")
        .iae("subject too long", () -> TransitionTable.builder("s".repeat(65), AssetStatus.class, AssetAction.class),
            "subject", "at most 64", "was 65")
        .iae("a cell declared twice", () -> TransitionTable.builder("Asset", AssetStatus.class, AssetAction.class)
            .allow(AssetStatus.ORDERED, AssetAction.DELIVER, AssetStatus.DELIVERED)
            .allow(AssetStatus.ORDERED, AssetAction.DELIVER, AssetStatus.LOST), "Asset transition table",
            "ORDERED × DELIVER twice")
        .ise("a cell undeclared", () -> TransitionTable.builder("Asset", AssetStatus.class, AssetAction.class)
            .terminal(AssetStatus.LOST).build(), "Asset transition table", "undeclared", "ORDERED × DELIVER");

    t.on("VirtualClock.at(Instant)").npe("start null", () -> VirtualClock.at(null), "start");

    t.on("Cemkit.objectMapper(ObjectMapper)").npe("base null", () -> Cemkit.objectMapper(null), "base");

    t.on("CsvReader.of(Reader)")
        .npe("in null", () -> CsvReader.of(null), "in")
        .raises(CsvFormatException.class, "empty input", () -> CsvReader.of(new StringReader("")), "line 1",
            "empty", "header")
        .raises(CsvFormatException.class, "a column named twice", () -> CsvReader.of(new StringReader("a,b,a\n")),
            "line 1", "column 'a' appears twice")
        .raises(CsvFormatException.class, "a column without a name", () -> CsvReader.of(new StringReader("a,,c\n")),
            "line 1", "column 2", "no name");
    t.on("CsvReader.ofUtf8(InputStream)")
        .npe("in null", () -> CsvReader.ofUtf8(null), "in");
    t.on("new CsvReader.Row(long,List)")
        .npe("fields null", () -> new CsvReader.Row(1, null), "fields");

    t.on("SentimentSummary.of(List,Instant,Duration)")
        .npe("interactions null", () -> SentimentSummary.of(null, T, Duration.ofDays(1)), "interactions")
        .npe("at null", () -> SentimentSummary.of(List.of(), null, Duration.ofDays(1)), "at")
        .npe("halfLife null", () -> SentimentSummary.of(List.of(), T, null), "halfLife")
        .iae("halfLife zero", () -> SentimentSummary.of(List.of(), T, Duration.ZERO), "halfLife", "positive",
            "was PT0S");

    t.on("PaymentPlan.of(Currency,List,LocalDate)")
        .npe("currency null", () -> PaymentPlan.of(null, List.of(), D), "currency")
        .npe("charges null", () -> PaymentPlan.of(EUR, null, D), "charges")
        .npe("defaultStart null", () -> PaymentPlan.of(EUR, List.of(), null), "defaultStart")
        .iae("a charge in another currency", () -> PaymentPlan.of(EUR, List.of(Fixtures.monthlyFee("9.90")), D),
            "Charge monthly-fee is in ILS", "plan's currency is EUR")
        .iae("a charge id twice", () -> PaymentPlan.of(EUR, List.of(eurFee(), eurFee()), D), "PaymentPlan.charges",
            "'fee'", "more than once");

    t.on("Agreement.draft(AgreementId,CustomerId,ProviderId,ZoneId,AgreementTerms,ChangeContext)")
        .npe("id null", () -> Agreement.draft(null, CUSTOMER, BANK, ZONE, Fixtures.terms(), ctx()), "id")
        .npe("customer null", () -> Agreement.draft(AGREEMENT, null, BANK, ZONE, Fixtures.terms(), ctx()),
            "customer")
        .npe("provider null", () -> Agreement.draft(AGREEMENT, CUSTOMER, null, ZONE, Fixtures.terms(), ctx()),
            "provider")
        .npe("zone null", () -> Agreement.draft(AGREEMENT, CUSTOMER, BANK, null, Fixtures.terms(), ctx()), "zone")
        .npe("terms null", () -> Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE, null, ctx()), "terms")
        .npe("ctx null", () -> Agreement.draft(AGREEMENT, CUSTOMER, BANK, ZONE, Fixtures.terms(), null), "ctx");

    t.on("Entitlements.check(Agreement,String,Instant)")
        .npe("agreement null", () -> Entitlements.check(null, "phone-support", T), "agreement")
        .npe("serviceType null", () -> Entitlements.check(Fixtures.active(), (String) null, T), "serviceType")
        .npe("at null", () -> Entitlements.check(Fixtures.active(), "phone-support", null), "at");
    t.on("Entitlements.check(Agreement,String,Channel,Instant)")
        .npe("channel null", () -> Entitlements.check(Fixtures.active(), "phone-support", (Channel) null, T),
            "channel");
    t.on("Entitlements.check(Agreement,String,Optional,Instant,int)")
        .npe("channel null", () -> Entitlements.check(Fixtures.active(), "phone-support", (Optional<Channel>) null,
            T, 1), "channel")
        .iae("units 0", () -> Entitlements.check(Fixtures.active(), "phone-support", Optional.empty(), T, 0),
            "units", "at least 1", "was 0");
    t.on("Entitlements.check(Agreement,EntitlementId,Optional,Instant,int)")
        .npe("entitlement null", () -> Entitlements.check(Fixtures.active(), (EntitlementId) null, Optional.empty(),
            T, 1), "entitlement")
        .iae("units -1", () -> Entitlements.check(Fixtures.active(), EntitlementId.of("support"), Optional.empty(),
            T, -1), "units", "was -1");

    t.on("FeeRule.assessAll(List,Agreement,LocalDate)")
        .npe("rules null", () -> FeeRule.assessAll(null, Fixtures.active(), D), "rules")
        .npe("agreement null", () -> FeeRule.assessAll(List.of(), null, D), "agreement")
        .npe("date null", () -> FeeRule.assessAll(List.of(), Fixtures.active(), null), "date")
        .ise("a rule answering for another", () -> FeeRule.assessAll(List.of(impostor()), Fixtures.active(), D),
            "Fee rule impostor", "an assessment of rule second-card-fee");

    t.on("AmendmentSummary.of(Amendment)").npe("amendment null", () -> AmendmentSummary.of(null), "amendment");
    t.on("ContinuationSummary.of(Continuation)")
        .npe("continuation null", () -> ContinuationSummary.of(null), "continuation");
    t.on("InteractionSummary.of(Interaction)")
        .npe("interaction null", () -> InteractionSummary.of(null), "interaction");
  }

  /**
   * The Immutables value types through their generated builders: first with nothing set (the message names
   * every required attribute), then each {@code @Value.Check} invariant broken once.
   */
  private static void builders(Table t) {
    missing(t, "Actor", () -> ImmutableActor.builder().build(), "kind", "id");
    missing(t, "Agreement", () -> ImmutableAgreement.builder().build(), "id", "customer", "provider", "zone",
        "status");
    t.on("ImmutableAgreement.builder()")
        .iae("no versions", () -> ImmutableAgreement.builder().id(AGREEMENT).customer(CUSTOMER).provider(BANK)
            .zone(ZONE).status(AgreementStatus.DRAFT).build(), "Agreement AG-42", "no versions")
        .iae("status not what the history says", () -> ImmutableAgreement.copyOf(Fixtures.draft())
            .withStatus(AgreementStatus.ACTIVE), "Agreement AG-42 is ACTIVE", "history says DRAFT");

    missing(t, "AgreementEvent", () -> ImmutableAgreementEvent.builder().build(), "sequence", "type", "at", "actor",
        "channel", "reason", "status", "version");
    t.on("ImmutableAgreementEvent.builder()")
        .iae("sequence 0", () -> ImmutableAgreementEvent.copyOf(event().build()).withSequence(0),
            "AgreementEvent.sequence", "at least 1", "was 0")
        .iae("reason blank", () -> ImmutableAgreementEvent.copyOf(event().build()).withReason(" "),
            "AgreementEvent.reason", "blank")
        .iae("an asset on a non-asset event", () -> event().asset(asset().build()).build(), "AgreementEvent 1",
            "CREATED", "asset")
        .iae("an amendment on a non-amendment event", () -> event().amendment(AmendmentId.of("AM-1")).build(),
            "AgreementEvent 1", "CREATED", "amendment id")
        .iae("usage without units", () -> event(AgreementEventType.USAGE_RECORDED)
            .entitlement(EntitlementId.of("support")).build(), "AgreementEvent 1", "USAGE_RECORDED", "units")
        .iae("usage units 0", () -> event(AgreementEventType.USAGE_RECORDED)
            .entitlement(EntitlementId.of("support")).units(0).build(), "AgreementEvent 1 units", "was 0")
        .iae("termination request without a date", () -> event(AgreementEventType.TERMINATION_REQUESTED)
            .build(), "AgreementEvent 1", "TERMINATION_REQUESTED", "effective date");

    missing(t, "AgreementItem", () -> ImmutableAgreementItem.builder().build(), "id", "product");
    t.on("ImmutableAgreementItem.builder()")
        .iae("quantity 0", () -> AgreementItem.builder().id(Fixtures.CARD).product(Fixtures.CARD_PRODUCT)
            .quantity(0).build(), "AgreementItem card quantity", "1 to 1000000", "was 0")
        .iae("quantity 1000001", () -> AgreementItem.builder().id(Fixtures.CARD).product(Fixtures.CARD_PRODUCT)
            .quantity(1_000_001).build(), "AgreementItem card quantity", "was 1000001");

    missing(t, "AgreementSnapshot", () -> ImmutableAgreementSnapshot.builder().build(), "id", "status", "term",
        "inForce");
    missing(t, "AgreementTerms", () -> ImmutableAgreementTerms.builder().build(), "term", "currency");
    t.on("ImmutableAgreementTerms.builder()")
        .iae("no item", () -> terms().build(), "AgreementTerms", "at least one item")
        .iae("an item id twice", () -> terms().addItems(item("card"), item("card")).build(), "AgreementTerms.items",
            "'card'", "more than once")
        .iae("a fee in another currency", () -> terms().addItems(item("card"))
            .addFees(Fee.of("fee", "A fee", Money.of("1", "ILS"))).build(), "Fee fee is in ILS",
            "agreement's currency is EUR")
        .iae("a charge of an unknown item", () -> terms().addItems(item("card"))
            .addCharges(ImmutableCharge.copyOf(eurFee()).withItem(AgreementItemId.of("router"))).build(),
            "Charge fee refers to item router", "do not have")
        .iae("an entitlement of an unknown item", () -> terms().addItems(item("card"))
            .addEntitlements(Entitlement.builder().id(EntitlementId.of("e")).serviceType("s")
                .item(AgreementItemId.of("router")).build()).build(), "Entitlement e refers to item router");

    missing(t, "AgreementVersion", () -> ImmutableAgreementVersion.builder().build(), "number", "effectiveFrom",
        "terms", "origin", "createdAt");
    t.on("ImmutableAgreementVersion.builder()")
        .iae("number 0", () -> ImmutableAgreementVersion.copyOf(version().build()).withNumber(0),
            "AgreementVersion.number", "at least 1", "was 0")
        .iae("an amendment id on the original", () -> version().amendment(AmendmentId.of("AM-1")).build(),
            "AgreementVersion 1", "origin ORIGINAL");

    missing(t, "Amendment", () -> ImmutableAmendment.builder().build(), "id", "baseVersion", "proposedTerms",
        "effectiveDate", "initiatedBy", "reason", "proposedAt", "status");
    t.on("ImmutableAmendment.builder()")
        .iae("baseVersion 0", () -> ImmutableAmendment.copyOf(amendment().build()).withBaseVersion(0),
            "Amendment AM-1 baseVersion", "was 0")
        .iae("reason blank", () -> ImmutableAmendment.copyOf(amendment().build()).withReason(""), "Amendment.reason",
            "blank")
        .iae("no change", () -> Amendment.builder().id(AmendmentId.of("AM-1")).baseVersion(1)
            .proposedTerms(Fixtures.terms()).effectiveDate(D).initiatedBy(Initiator.PROVIDER).reason("r")
            .proposedAt(T).status(AmendmentStatus.PROPOSED).build(), "Amendment AM-1", "changes nothing")
        .iae("expiring before proposed", () -> amendment().expiresAt(T.minusSeconds(1)).build(),
            "Amendment AM-1 expiresAt (2026-01-01T09:59:59Z)", "after proposedAt (2026-01-01T10:00:00Z)")
        .iae("accepted without evidence", () -> amendment(AmendmentStatus.ACCEPTED).decidedAt(T).build(),
            "Amendment AM-1 is ACCEPTED", "no acceptance evidence")
        .iae("applied without a version", () -> amendment(AmendmentStatus.APPLIED).decidedAt(T)
            .acceptance(Fixtures.evidence(T)).build(), "Amendment AM-1 is APPLIED", "appliedVersion")
        .iae("decided without a time", () -> amendment(AmendmentStatus.REJECTED).build(),
            "Amendment AM-1 is REJECTED", "decidedAt");

    missing(t, "AmendmentSummary", () -> ImmutableAmendmentSummary.builder().build(), "id", "initiatedBy",
        "effectiveDate", "proposedAt");

    missing(t, "Asset", () -> ImmutableAsset.builder().build(), "id", "item", "productCode", "status");
    t.on("ImmutableAsset.builder()")
        .iae("productCode blank", () -> ImmutableAsset.copyOf(asset().build()).withProductCode(" "),
            "Asset.productCode", "U+0020")
        .iae("serialNumber empty", () -> asset().serialNumber("").build(), "Asset.serialNumber", "was 0")
        .iae("replacing itself", () -> asset().replaces(AssetId.of("A-1")).build(), "Asset A-1",
            "cannot replace itself");

    missing(t, "Business", () -> ImmutableBusiness.builder().build(), "id", "legalName");
    t.on("ImmutableBusiness.builder()")
        .iae("legalName blank", () -> Business.builder().id(CUSTOMER).legalName(" ").build(), "Business.legalName",
            "blank")
        .iae("taxId blank", () -> Business.builder().id(CUSTOMER).legalName("Acme").taxId(" ").build(),
            "Business.taxId", "U+0020")
        .iae("two primary contacts", () -> Business.builder().id(CUSTOMER).legalName("Acme")
            .addContacts(contact(true), contact(true)).build(), "Business C-1001", "more than one primary contact");

    missing(t, "BusinessContact", () -> ImmutableBusinessContact.builder().build(), "name", "role");
    t.on("ImmutableBusinessContact.builder()")
        .iae("role blank", () -> BusinessContact.builder().name(PersonalData.name("Dana")).role("").build(),
            "BusinessContact.role", "was 0")
        .iae("name not a NAME", () -> BusinessContact.builder().name(PersonalData.email("a@b.c")).role("billing")
            .build(), "BusinessContact.name", "NAME", "was EMAIL");

    missing(t, "ChannelSwitch", () -> ImmutableChannelSwitch.builder().build(), "from", "to", "at", "performer",
        "interaction");

    missing(t, "Charge", () -> ImmutableCharge.builder().build(), "id", "description", "basis", "amount",
        "periodicity");
    t.on("ImmutableCharge.builder()")
        .iae("description blank", () -> ImmutableCharge.copyOf(eurFee()).withDescription(" "), "Charge.description",
            "blank")
        .iae("amount negative", () -> ImmutableCharge.copyOf(eurFee()).withAmount(Money.of("-1", "EUR")),
            "Charge fee amount",
            "was -1.00 EUR")
        .iae("consumption paid once", () -> charge(ChargeBasis.CONSUMPTION, Periodicity.oneTime()).unit("GB")
            .build(), "Charge fee", "consumption", "was one-time")
        .iae("consumption without a unit", () -> charge(ChargeBasis.CONSUMPTION, MONTHLY).build(), "Charge fee",
            "needs a unit")
        .iae("consumption unit blank", () -> charge(ChargeBasis.CONSUMPTION, MONTHLY).unit(" ").build(),
            "Charge.unit", "U+0020")
        .iae("a unit on a service", () -> charge().unit("GB").build(), "Charge fee has a unit (GB)", "SERVICE")
        .iae("a recurring sale", () -> charge(ChargeBasis.SALE, MONTHLY).build(), "Charge fee is a sale",
            "recurring");

    missing(t, "ConsentRecord", () -> ImmutableConsentRecord.builder().build(), "purpose", "decision", "validFrom",
        "recordedAt", "evidence");
    t.on("ImmutableConsentRecord.builder()")
        .iae("validUntil before validFrom", () -> consentBuilder(T).validUntil(T.minusSeconds(1)).build(),
            "ConsentRecord.validUntil (2026-01-01T09:59:59Z)", "after validFrom (2026-01-01T10:00:00Z)")
        .iae("evidence after recording", () -> ImmutableConsentRecord.copyOf(consent(T))
            .withEvidence(Fixtures.evidence(T.plusSeconds(1))), "ConsentRecord.evidence.at (2026-01-01T10:00:01Z)",
                "recordedAt (2026-01-01T10:00:00Z)")
        .iae("a grant before it was given",
            () -> ImmutableConsentRecord.copyOf(consent(T)).withValidFrom(T.minusSeconds(1)),
            "validFrom 2026-01-01T09:59:59Z", "evidence.at 2026-01-01T10:00:00Z");

    missing(t, "ContactPoint", () -> ImmutableContactPoint.builder().build(), "channel", "address");
    missing(t, "ContextWarning", () -> ImmutableContextWarning.builder().build(), "code", "severity", "message");

    missing(t, "Continuation", () -> ImmutableContinuation.builder().build(), "id", "customer", "action", "token",
        "status", "step", "startedOn", "lastChannel", "startedAt", "updatedAt", "expiresAt");
    t.on("ImmutableContinuation.builder()")
        .iae("action blank", () -> ImmutableContinuation.copyOf(continuation().build()).withAction(" "),
            "Continuation.action", "U+0020")
        .iae("step empty", () -> ImmutableContinuation.copyOf(continuation().build()).withStep(""),
            "Continuation.step", "was 0")
        .iae("progress key blank", () -> continuation().putProgress(" ", "x").build(), "Continuation.progress key",
            "U+0020")
        .iae("progress value too long", () -> continuation().putProgress("k", "x".repeat(10_001)).build(),
            "Continuation K-1 progress values", "at most 10000")
        .iae("updated before started", () -> ImmutableContinuation.copyOf(continuation().build())
            .withUpdatedAt(T.minusSeconds(1)),
            "Continuation K-1 updatedAt (2026-01-01T09:59:59Z)", "before startedAt (2026-01-01T10:00:00Z)")
        .iae("expiring at the start", () -> ImmutableContinuation.copyOf(continuation().build()).withExpiresAt(T),
            "Continuation K-1 expiresAt (2026-01-01T10:00:00Z)", "after startedAt");

    missing(t, "ContinuationSummary", () -> ImmutableContinuationSummary.builder().build(), "id", "action", "step",
        "startedOn", "lastChannel", "updatedAt", "expiresAt");
    missing(t, "CustomerSnapshot", () -> ImmutableCustomerSnapshot.builder().build(), "id", "kind", "displayName",
        "status");
    missing(t, "CustomerView", () -> ImmutableCustomerView.builder().build(), "at", "channel", "customer",
        "sentiment");
    missing(t, "DateRange", () -> ImmutableDateRange.builder().build(), "start");
    missing(t, "DayOfMonth", () -> ImmutableDayOfMonth.builder().build(), "day");
    missing(t, "DaysAfterIssue", () -> ImmutableDaysAfterIssue.builder().build(), "days");

    missing(t, "DueItem", () -> ImmutableDueItem.builder().build(), "charge", "description", "basis", "occurrence",
        "servicePeriod", "dueDate", "amount");
    t.on("ImmutableDueItem.builder()")
        .iae("occurrence 0", () -> ImmutableDueItem.copyOf(dueItem().build()).withOccurrence(0), "DueItem.occurrence",
            "at least 1", "was 0")
        .iae("occurrence beyond occurrences", () -> ImmutableDueItem.copyOf(dueItem().build()).withOccurrence(3)
            .withOccurrences(2),
            "DueItem occurrence 3", "exceeds occurrences 2");

    missing(t, "Entitlement", () -> ImmutableEntitlement.builder().build(), "id", "serviceType");
    t.on("ImmutableEntitlement.builder()")
        .iae("serviceType blank", () -> Entitlement.builder().id(EntitlementId.of("e")).serviceType(" ").build(),
            "Entitlement.serviceType", "U+0020")
        .iae("quota negative", () -> Entitlement.builder().id(EntitlementId.of("e")).serviceType("s").quota(-1)
            .build(), "Entitlement e quota", "not be negative", "was -1");

    missing(t, "EntitlementCheck", () -> ImmutableEntitlementCheck.builder().build(), "agreement", "serviceType",
        "at", "allowed", "message");
    t.on("ImmutableEntitlementCheck.builder()")
        .iae("allowed with a denial", () -> EntitlementCheck.builder().agreement(AGREEMENT).serviceType("s").at(T)
            .allowed(true).denial(DenialReason.EXPIRED).message("m").build(), "EntitlementCheck",
            "allowed=true", "denial=EXPIRED")
        .iae("denied without a reason", () -> EntitlementCheck.builder().agreement(AGREEMENT).serviceType("s").at(T)
            .allowed(false).message("m").build(), "EntitlementCheck", "allowed=false", "denial=null");

    missing(t, "Evidence", () -> ImmutableEvidence.builder().build(), "at", "channel", "method", "reference");
    missing(t, "Fee", () -> ImmutableFee.builder().build(), "rule", "description", "amount");

    missing(t, "FeeAssessment", () -> ImmutableFeeAssessment.builder().build(), "rule", "agreement", "date",
        "outcome", "explanation");
    t.on("ImmutableFeeAssessment.builder()")
        .iae("rule blank", () -> ImmutableFeeAssessment.copyOf(assessment("fee", FeeOutcome.NOT_APPLICABLE).build())
            .withRule(" "), "FeeAssessment.rule", "U+0020")
        .iae("explanation blank", () -> ImmutableFeeAssessment.copyOf(assessment("fee", FeeOutcome.NOT_APPLICABLE)
            .build()).withExplanation(""), "FeeAssessment.explanation", "blank")
        .iae("charged without an amount", () -> assessment("fee", FeeOutcome.CHARGED).build(),
            "FeeAssessment by fee is CHARGED",
            "amount is required")
        .iae("an amount that does not apply", () -> assessment("fee", FeeOutcome.NOT_APPLICABLE)
            .amount(Money.of("1", "EUR")).build(), "FeeAssessment by fee is NOT_APPLICABLE")
        .iae("amount negative", () -> assessment("fee", FeeOutcome.CHARGED).amount(Money.of("-1", "EUR"))
            .build(), "FeeAssessment by fee amount",
            "was -1.00 EUR");

    missing(t, "FeedbackSummary", () -> ImmutableFeedbackSummary.builder().build(), "at");
    t.on("ImmutableFeedbackSummary.builder()")
        .iae("score 11", () -> FeedbackSummary.builder().at(T).score(11).build(), "FeedbackSummary.score", "0 to 10",
            "was 11")
        .iae("score -1", () -> FeedbackSummary.builder().at(T).score(-1).build(), "FeedbackSummary.score", "was -1");

    missing(t, "Individual", () -> ImmutableIndividual.builder().build(), "id", "name");
    t.on("ImmutableIndividual.builder()")
        .iae("name not a NAME", () -> Individual.builder().id(CUSTOMER).name(PersonalData.phone("+972541234567"))
            .build(), "Individual.name", "NAME", "was PHONE")
        .iae("nationalId not a NATIONAL_ID", () -> Individual.builder().id(CUSTOMER).name(PersonalData.name("Dana"))
            .nationalId(PersonalData.name("Dana")).build(), "Individual.nationalId", "was NAME")
        .iae("preferredLanguage malformed", () -> Individual.builder().id(CUSTOMER).name(PersonalData.name("Dana"))
            .preferredLanguage("english!").build(), "Individual.preferredLanguage", "'english!'", "BCP 47");

    missing(t, "Installments", () -> ImmutableInstallments.builder().build(), "count", "frequency");

    missing(t, "Interaction", () -> ImmutableInteraction.builder().build(), "id", "customer", "channel",
        "direction", "classification", "startedAt", "performer");
    t.on("ImmutableInteraction.builder()")
        .iae("ending before it starts", () -> interaction().endedAt(T.minusSeconds(1)).build(), "Interaction I-1",
            "ends (2026-01-01T09:59:59Z)", "before it starts (2026-01-01T10:00:00Z)")
        .iae("a purpose on an inbound contact", () -> interaction().purpose(ConsentPurpose.SERVICE).build(),
            "Interaction I-1 is INBOUND", "purpose")
        .iae("an outbound contact without a purpose", () -> ImmutableInteraction.copyOf(interaction().build())
            .withDirection(Direction.OUTBOUND),
            "Interaction I-1 is OUTBOUND", "purpose")
        .iae("outcome blank", () -> interaction().outcome(" ").build(), "Interaction.outcome", "U+0020")
        .iae("summary not free text", () -> interaction().summary(PersonalData.name("Dana")).build(),
            "Interaction I-1 summary", "FREE_TEXT", "was NAME")
        .iae("an amendment without its agreement", () -> interaction().amendment(AmendmentId.of("AM-1")).build(),
            "Interaction I-1 links amendment AM-1", "without its agreement")
        .iae("correcting itself", () -> interaction().corrects(InteractionId.of("I-1")).build(), "Interaction I-1",
            "cannot correct itself");

    missing(t, "InteractionSummary", () -> ImmutableInteractionSummary.builder().build(), "id", "channel",
        "direction", "classification", "startedAt", "performer", "hasSummary");
    missing(t, "MaskedContact", () -> ImmutableMaskedContact.builder().build(), "channel", "masked", "preferred",
        "verified");
    missing(t, "Money", () -> ImmutableMoney.builder().build(), "amount", "currency");
    missing(t, "Obligation", () -> ImmutableObligation.builder().build(), "agreement", "item", "settlement",
        "overdue");

    missing(t, "PaymentSchedule", () -> ImmutablePaymentSchedule.builder().build(), "from", "until", "currency");
    t.on("ImmutablePaymentSchedule.builder()")
        .iae("until before from", () -> PaymentSchedule.builder().from(D).until(D.minusDays(1)).currency(EUR)
            .build(), "PaymentSchedule until (2025-12-31)", "before from (2026-01-01)")
        .iae("an item in another currency", () -> PaymentSchedule.builder().from(D).until(D.plusMonths(1))
            .currency(Currency.getInstance("ILS")).addItems(dueItem().build()).build(), "PaymentSchedule item",
            "is not in ILS")
        .iae("an item due outside", () -> PaymentSchedule.builder().from(D.plusDays(1)).until(D.plusMonths(1))
            .currency(EUR).addItems(dueItem().build()).build(), "PaymentSchedule item", "due outside",
            "[2026-01-02, 2026-02-01)");

    missing(t, "ProcessSummary", () -> ImmutableProcessSummary.builder().build(), "id", "processType",
        "currentStep", "waitingSince");
    t.on("ImmutableProcessSummary.builder()")
        .iae("processType blank", () -> ImmutableProcessSummary.copyOf(processSummary().build())
            .withProcessType(" "), "ProcessSummary.processType",
            "U+0020")
        .iae("currentStep empty", () -> ImmutableProcessSummary.copyOf(processSummary().build())
            .withCurrentStep(""), "ProcessSummary.currentStep",
            "was 0")
        .iae("waitingFor blank", () -> processSummary().waitingFor(" ").build(), "ProcessSummary.waitingFor",
            "U+0020");

    missing(t, "Product", () -> ImmutableProduct.builder().build(), "code", "name", "kind");
    t.on("ImmutableProduct.builder()")
        .iae("a service needing installation",
            () -> ImmutableProduct.builder().code("TV").name("TV").kind(ProductKind.SERVICE)
            .requiresInstallation(true).build(), "Product TV is SERVICE", "only PHYSICAL");

    missing(t, "Recurring", () -> ImmutableRecurring.builder().build(), "frequency");

    missing(t, "RenewalPolicy", () -> ImmutableRenewalPolicy.builder().build(), "mode");
    t.on("ImmutableRenewalPolicy.builder()")
        .iae("notice negative", () -> RenewalPolicy.builder().mode(RenewalMode.NONE).notice(Period.ofDays(-1))
            .build(), "RenewalPolicy.notice", "not be negative", "was P-1D")
        .iae("a term without renewal", () -> RenewalPolicy.builder().mode(RenewalMode.NONE)
            .renewalTerm(Period.ofYears(1)).build(), "RenewalPolicy with mode NONE", "renewalTerm", "was P1Y")
        .iae("automatic renewal without a term", () -> RenewalPolicy.builder().mode(RenewalMode.AUTOMATIC).build(),
            "RenewalPolicy with mode AUTOMATIC", "needs a renewalTerm");

    missing(t, "Sentiment", () -> ImmutableSentiment.builder().build(), "score", "source");

    missing(t, "SentimentSummary", () -> ImmutableSentimentSummary.builder().build(), "scored", "trend",
        "halfLife");
    t.on("ImmutableSentimentSummary.builder()")
        .iae("scored negative", () -> ImmutableSentimentSummary.builder().scored(-1)
            .trend(SentimentSummary.Trend.UNKNOWN).halfLife(Duration.ofDays(1)).build(), "SentimentSummary.scored",
            "was -1")
        .iae("a score without scored interactions", () -> ImmutableSentimentSummary.builder().scored(0).score(0.5)
            .trend(SentimentSummary.Trend.UNKNOWN).halfLife(Duration.ofDays(1)).build(), "SentimentSummary",
            "scored 0");

    missing(t, "SlaTarget", () -> ImmutableSlaTarget.builder().build(), "firstResponse", "resolution");
  }

  /** The services built with hand-written builders, and their configuration. */
  private static void services(Table t) {
    InteractionFixtures f = new InteractionFixtures();
    t.on("Continuations.builder()")
        .npe("store missing", () -> Continuations.builder().interactions(f.interactions).clock(CLOCK).build(), "store")
        .npe("interactions missing", () -> Continuations.builder().store(f.continuations).clock(CLOCK).build(),
            "interactions")
        .npe("clock missing", () -> Continuations.builder().store(f.continuations).interactions(f.interactions)
            .build(), "clock")
        .npe("store null", () -> Continuations.builder().store(null), "store")
        .npe("tokens null", () -> Continuations.builder().tokens(null), "tokens")
        .npe("switchClass null", () -> Continuations.builder().switchClass(null), "switchClass")
        .npe("timeToLive null", () -> Continuations.builder().timeToLive(null), "timeToLive")
        .iae("timeToLive zero", () -> Continuations.builder().timeToLive(Duration.ZERO), "timeToLive", "positive",
            "was PT0S")
        .iae("timeToLive negative", () -> Continuations.builder().timeToLive(Duration.ofDays(-1)), "timeToLive",
            "was PT-24H")
        .iae("switchClass outside the taxonomy", () -> Continuations.builder().store(f.continuations)
            .interactions(f.interactions).clock(CLOCK).switchClass(InteractionClass.of("unknown.class")).build(),
            "Interaction class 'unknown.class'", "not in the taxonomy");

    t.on("Interactions.builder()")
        .npe("customers missing", () -> Interactions.builder().agreements(f.agreements).log(f.log)
            .taxonomy(InteractionFixtures.TAXONOMY).build(), "customers")
        .npe("agreements missing", () -> Interactions.builder().customers(f.customers).log(f.log)
            .taxonomy(InteractionFixtures.TAXONOMY).build(), "agreements")
        .npe("log missing", () -> Interactions.builder().customers(f.customers).agreements(f.agreements)
            .taxonomy(InteractionFixtures.TAXONOMY).build(), "log")
        .npe("taxonomy missing", () -> Interactions.builder().customers(f.customers).agreements(f.agreements)
            .log(f.log).build(), "taxonomy")
        .npe("analyzer null", () -> Interactions.builder().analyzer(null), "analyzer")
        .npe("links null", () -> Interactions.builder().links(null), "links")
        .npe("continuations null", () -> Interactions.builder().continuations(null), "continuations");

    t.on("CustomerContext.builder()")
        .npe("customers missing", () -> CustomerContext.builder().agreements(f.agreements).interactions(f.log)
            .build(), "customers")
        .npe("agreements missing", () -> CustomerContext.builder().customers(f.customers).interactions(f.log)
            .build(), "agreements")
        .npe("interactions missing", () -> CustomerContext.builder().customers(f.customers)
            .agreements(f.agreements).build(), "interactions")
        .npe("feeRules null", () -> CustomerContext.builder().feeRules(null), "rules")
        .npe("meter null", () -> CustomerContext.builder().meter(null), "meter")
        .iae("recentLimit 0", () -> CustomerContext.builder().recentLimit(0), "recentLimit", "at least 1", "was 0")
        .iae("sentimentWindow 0", () -> CustomerContext.builder().sentimentWindow(0), "sentimentWindow", "was 0")
        .iae("obligationWindow negative", () -> CustomerContext.builder().obligationWindow(Period.ofDays(-1),
            Period.ofDays(30)), "obligationWindow", "not be negative", "P-1D back")
        .npe("obligationWindow ahead null", () -> CustomerContext.builder().obligationWindow(Period.ofDays(1), null),
            "ahead")
        .iae("sentimentHalfLife zero", () -> CustomerContext.builder().sentimentHalfLife(Duration.ZERO),
            "sentimentHalfLife", "positive", "was PT0S");
  }

  /** The storage SPI: versions and the update rules every adapter applies. */
  private static void spi(Table t) {
    t.on("Versioned.of(Object,long)")
        .npe("value null", () -> Versioned.of(null, 1), "value")
        .iae("revision 0", () -> Versioned.of("x", 0), "Versioned.revision", "at least 1", "was 0");

    Agreement draft = Fixtures.draft();
    t.on("AgreementStore.checkUpdate(Agreement,Agreement)")
        .npe("stored null", () -> AgreementStore.checkUpdate(null, draft), "stored")
        .npe("next null", () -> AgreementStore.checkUpdate(draft, null), "next")
        .iae("another customer", () -> AgreementStore.checkUpdate(draft, Agreement.draft(AGREEMENT,
            CustomerId.of("C-2"), BANK, ZONE, Fixtures.terms(), ctx())), "Agreement AG-42 of customer C-1001",
            "to AG-42 of customer C-2")
        .iae("history rewritten", () -> AgreementStore.checkUpdate(Fixtures.active(), draft), "Agreement AG-42",
            "append-only", "stored event(s)");

    Individual dana = InteractionFixtures.dana();
    t.on("CustomerStore.checkUpdate(Customer,Customer)")
        .npe("stored null", () -> CustomerStore.checkUpdate(null, dana), "stored")
        .npe("next null", () -> CustomerStore.checkUpdate(dana, null), "next")
        .iae("another id", () -> CustomerStore.checkUpdate(dana, ImmutableIndividual.copyOf(dana)
            .withId(CustomerId.of("C-2"))), "Customer C-1001", "cannot become C-2")
        .iae("consents removed", () -> CustomerStore.checkUpdate(dana, ImmutableIndividual.copyOf(dana)
            .withConsents(ConsentLedger.empty())), "Customer C-1001", "append-only", "3 recorded decision(s)");

    Continuation open = continuation().build();
    t.on("ContinuationStore.checkUpdate(Continuation,Continuation)")
        .npe("stored null", () -> ContinuationStore.checkUpdate(null, open), "stored")
        .npe("next null", () -> ContinuationStore.checkUpdate(open, null), "next")
        .iae("another action", () -> ContinuationStore.checkUpdate(open, ImmutableContinuation.copyOf(open)
            .withAction("other")), "Continuation K-1", "cannot change")
        .iae("already completed", () -> ContinuationStore.checkUpdate(ImmutableContinuation.copyOf(open)
            .withStatus(ContinuationStatus.COMPLETED), open), "Continuation K-1 is COMPLETED", "cannot change");

    Interaction call = interaction().build();
    t.on("InteractionLog.checkUpdate(Interaction,Interaction)")
        .npe("stored null", () -> InteractionLog.checkUpdate(null, call), "stored")
        .npe("next null", () -> InteractionLog.checkUpdate(call, null), "next")
        .iae("another channel", () -> InteractionLog.checkUpdate(call, ImmutableInteraction.copyOf(call)
            .withChannel(Channel.WEB)), "Interaction I-1", "only its end, outcome, sentiment and summary")
        .raises(ClosedInteractionException.class, "already closed", () -> InteractionLog.checkUpdate(
            ImmutableInteraction.copyOf(call).withEndedAt(T), call), "Interaction I-1 was closed at "
            + "2026-01-01T10:00:00Z");
  }

  // ------------------------------------------------------------------------------------------------ valid parts

  private static ChangeContext ctx() {
    return ChangeContext.of(CLOCK, AGENT, Channel.BRANCH, "test");
  }

  private static ConsentRecord consent(Instant at) {
    return consentBuilder(at).build();
  }

  private static ImmutableConsentRecord.Builder consentBuilder(Instant at) {
    return ConsentRecord.builder().purpose(ConsentPurpose.MARKETING).decision(ConsentDecision.GRANTED).validFrom(at)
        .recordedAt(at).evidence(Fixtures.evidence(at));
  }

  private static Charge eurFee() {
    return charge().build();
  }

  private static ImmutableCharge.Builder charge() {
    return charge(ChargeBasis.SERVICE, MONTHLY);
  }

  private static ImmutableCharge.Builder charge(ChargeBasis basis, Periodicity periodicity) {
    return Charge.builder().id(ChargeId.of("fee")).description("Monthly fee").basis(basis)
        .amount(Money.of("9.90", "EUR")).periodicity(periodicity);
  }

  private static ImmutableDueItem.Builder dueItem() {
    return DueItem.builder().charge(ChargeId.of("fee")).description("Monthly fee").basis(ChargeBasis.SERVICE)
        .occurrence(1).servicePeriod(DateRange.of(D, D.plusMonths(1).minusDays(1))).dueDate(D)
        .amount(Money.of("9.90", "EUR"));
  }

  private static ImmutableAgreementEvent.Builder event() {
    return event(AgreementEventType.CREATED);
  }

  private static ImmutableAgreementEvent.Builder event(AgreementEventType type) {
    return AgreementEvent.builder().sequence(1).type(type).at(T).actor(AGENT)
        .channel(Channel.BRANCH).reason("created").status(AgreementStatus.DRAFT).version(1);
  }

  private static ImmutableAsset.Builder asset() {
    return Asset.builder().id(AssetId.of("A-1")).item(Fixtures.CARD).productCode("CARD-GOLD")
        .status(AssetStatus.ORDERED);
  }

  private static ImmutableAgreementTerms.Builder terms() {
    return AgreementTerms.builder().term(DateRange.of(D, D.plusYears(1))).currency(EUR);
  }

  private static AgreementItem item(String id) {
    return AgreementItem.of(AgreementItemId.of(id), Fixtures.CARD_PRODUCT);
  }

  private static ImmutableAgreementVersion.Builder version() {
    return AgreementVersion.builder().number(1).effectiveFrom(D).terms(Fixtures.terms())
        .origin(AgreementVersion.Origin.ORIGINAL).createdAt(T);
  }

  private static ImmutableAmendment.Builder amendment() {
    return amendment(AmendmentStatus.PROPOSED);
  }

  private static ImmutableAmendment.Builder amendment(AmendmentStatus status) {
    return Amendment.builder().id(AmendmentId.of("AM-1")).baseVersion(1).proposedTerms(Fixtures.terms())
        .addChanges("fee 9.90 -> 12.90").effectiveDate(D).initiatedBy(Initiator.PROVIDER).reason("price change")
        .proposedAt(T).status(status);
  }

  private static BusinessContact contact(boolean primary) {
    return BusinessContact.builder().name(PersonalData.name("Dana")).role("billing").primary(primary).build();
  }

  private static ImmutableContinuation.Builder continuation() {
    return Continuation.builder().id(ContinuationId.of("K-1")).customer(CUSTOMER).action("open-account")
        .token(ContinuationToken.of("abcdefghijklmnop")).status(ContinuationStatus.OPEN).step("identity")
        .startedOn(Channel.WEB).lastChannel(Channel.WEB).startedAt(T).updatedAt(T).expiresAt(T.plusSeconds(3600));
  }

  private static ImmutableFeeAssessment.Builder assessment(String rule, FeeOutcome outcome) {
    return FeeAssessment.builder().rule(rule).agreement(AGREEMENT).date(D).outcome(outcome).explanation("because");
  }

  private static ImmutableInteraction.Builder interaction() {
    return Interaction.builder().id(InteractionId.of("I-1")).customer(CUSTOMER).channel(Channel.PHONE)
        .direction(Direction.INBOUND).classification(InteractionClass.of("service.card")).startedAt(T)
        .performer(AGENT);
  }

  private static ImmutableProcessSummary.Builder processSummary() {
    return ProcessSummary.builder().id(ProcessInstanceId.of("P-1")).processType("complaint").currentStep("triage")
        .waitingSince(T);
  }

  private static FeeRule impostor() {
    return new FeeRule() {
      @Override
      public String id() {
        return "impostor";
      }

      @Override
      public FeeAssessment assess(Agreement agreement, LocalDate date) {
        return assessment("second-card-fee", FeeOutcome.NOT_APPLICABLE).build();
      }
    };
  }

  private static void missing(Table t, String type, ThrowingCallable build, String... required) {
    String[] fragments = new String[required.length + 1];
    fragments[0] = "Cannot build " + type;
    System.arraycopy(required, 0, fragments, 1, required.length);
    t.on("Immutable" + type + ".builder()").ise("nothing set", build, fragments);
  }
}
