package io.cemkit.core;

import io.cemkit.core.internal.Checks;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.ConsumptionMeter;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.FeedbackSource;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.OpenProcesses;
import io.cemkit.core.spi.Settlements;
import io.cemkit.core.spi.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the 360° view of a customer ({@link CustomerView}) from the stores, as of an instant and
 * for the channel the customer is on: the customer (masked), the agreements with their state,
 * entitlements in force, amendments awaiting consent, held items and fees; the payments due or
 * overdue; the latest interactions and the sentiment trend; the last feedback; the open processes;
 * where the customer stopped in actions carried across channels; and the warnings an agent should
 * see first.
 *
 * <pre>{@code
 * CustomerContext context = CustomerContext.builder()
 *     .customers(customerStore).agreements(agreementStore).interactions(interactionLog)
 *     .feeRules(List.of(secondCardFee))
 *     .build();
 * CustomerView view = context.open(CustomerId.of("C-1001"), Channel.PHONE, clock.instant());
 * }</pre>
 *
 * <p>Warnings (most severe first): a fee charged while the customer holds an item the company sent
 * by mistake, and a fee waived for such an error (with the date the waiver ends); overdue payments
 * (only those the billing system says are unpaid); a channel the customer withdrew for service
 * messages; no marketing consent on the channel in use; amendments awaiting consent; suspended
 * agreements; pending terminations; items whose return date passed; processes past their SLA;
 * negative or worsening sentiment; a detractor's last feedback; and consumption that could not be
 * rated.
 */
public final class CustomerContext {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerContext.class);

  private final CustomerStore customers;
  private final AgreementStore agreements;
  private final InteractionLog interactions;
  private final Optional<ContinuationStore> continuations;
  private final OpenProcesses processes;
  private final FeedbackSource feedback;
  private final Settlements settlements;
  private final Optional<ConsumptionMeter> meter;
  private final List<FeeRule> feeRules;
  private final int recentLimit;
  private final int sentimentWindow;
  private final Period ahead;
  private final Period behind;
  private final Duration halfLife;

  private CustomerContext(Builder b) {
    this.customers = Objects.requireNonNull(b.customers, "customers");
    this.agreements = Objects.requireNonNull(b.agreements, "agreements");
    this.interactions = Objects.requireNonNull(b.interactions, "interactions");
    this.continuations = Optional.ofNullable(b.continuations);
    this.processes = b.processes;
    this.feedback = b.feedback;
    this.settlements = b.settlements;
    this.meter = Optional.ofNullable(b.meter);
    this.feeRules = List.copyOf(b.feeRules);
    this.recentLimit = b.recentLimit;
    this.sentimentWindow = b.sentimentWindow;
    this.ahead = b.ahead;
    this.behind = b.behind;
    this.halfLife = b.halfLife;
  }

  /**
   * A builder; customers, agreements and interactions are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens the view of a customer.
   *
   * @param customerId the customer
   * @param channel the channel the customer is on
   * @param at the instant, usually the clock's now
   * @return the view
   * @throws UnknownEntityException if the customer does not exist
   */
  public CustomerView open(CustomerId customerId, Channel channel, Instant at) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    Customer customer = customers.find(customerId).map(Versioned::value)
        .orElseThrow(() -> new UnknownEntityException("Customer", customerId.value(), "cannot open its context"));
    List<ContextWarning> warnings = new ArrayList<>();
    List<AgreementSnapshot> snapshots = new ArrayList<>();
    List<Obligation> obligations = new ArrayList<>();
    for (Versioned<Agreement> stored : agreements.forCustomer(customerId)) {
      Agreement agreement = stored.value();
      if (agreement.statusAt(at).isEmpty()) {
        continue; // created after the instant asked about
      }
      LocalDate today = LocalDate.ofInstant(at, agreement.zone());
      snapshots.add(snapshot(agreement, channel, at, today, warnings));
      obligations.addAll(obligations(agreement, today, warnings));
    }
    obligations.sort(Comparator.comparing((Obligation o) -> o.item().dueDate())
        .thenComparing(o -> o.agreement().value()).thenComparing(o -> o.item().charge().value())
        .thenComparingInt(o -> o.item().occurrence()));
    List<Interaction> recent = interactions.recent(customerId, at, Math.max(recentLimit, sentimentWindow));
    Set<InteractionId> corrected = recent.stream().flatMap(i -> i.corrects().stream()).collect(Collectors.toSet());
    SentimentSummary sentiment = SentimentSummary.of(recent.stream().filter(i -> !corrected.contains(i.id()))
        .limit(sentimentWindow).collect(Collectors.toList()), at, halfLife);
    Optional<FeedbackSummary> lastFeedback = feedback.latestFor(customerId, at);
    List<ProcessSummary> open = processes.openFor(customerId, at);
    List<ContinuationSummary> stopped = continuations.map(store -> store.forCustomer(customerId).stream()
        .filter(c -> !c.startedAt().isAfter(at) && c.isResumableAt(at)).map(ContinuationSummary::of)
        .collect(Collectors.toList())).orElse(List.of());
    customerWarnings(customer, channel, at, warnings);
    sentimentWarnings(sentiment, lastFeedback, warnings);
    for (ProcessSummary p : open) {
      p.dueAt().filter(due -> due.isBefore(at)).ifPresent(due -> warnings.add(warning(
          ContextWarning.Code.PROCESS_OVERDUE, ContextWarning.Severity.HIGH, "Process " + p.id() + " ("
              + p.processType() + ") waits at " + p.currentStep() + " and was due at " + due, p.agreement())));
    }
    warnings.sort(Comparator.comparing(ContextWarning::severity).thenComparing(ContextWarning::code)
        .thenComparing(w -> w.agreement().map(AgreementId::value).orElse("")));
    CustomerView view = CustomerView.builder().at(at).channel(channel).customer(snapshot(customer, channel, at))
        .addAllAgreements(snapshots).addAllObligations(obligations)
        .addAllRecentInteractions(recent.subList(0, Math.min(recentLimit, recent.size())).stream()
            .map(InteractionSummary::of).collect(Collectors.toList()))
        .sentiment(sentiment).lastFeedback(lastFeedback).addAllOpenProcesses(open).addAllContinuations(stopped)
        .addAllWarnings(warnings).build();
    LOG.debug("Opened the context of customer {} on {}: {} agreement(s), {} warning(s)", customerId, channel,
        snapshots.size(), warnings.size());
    return view;
  }

  private AgreementSnapshot snapshot(Agreement a, Channel channel, Instant at, LocalDate today,
      List<ContextWarning> warnings) {
    Optional<AgreementVersion> version = a.versionAt(today);
    Optional<AgreementStatus> status = a.statusAt(at);
    List<EntitlementCheck> checks = version.map(v -> v.terms().entitlements().stream()
        .map(e -> Entitlements.check(a, e.id(), Optional.of(channel), at, 1)).collect(Collectors.toList()))
        .orElse(List.of());
    List<Asset> held = a.assetsAt(today).stream().filter(Asset::isHeld).collect(Collectors.toList());
    List<FeeAssessment> fees = new ArrayList<>();
    for (FeeAssessment f : FeeRule.assessAll(feeRules, a, today)) {
      if (f.outcome() != FeeOutcome.NOT_APPLICABLE) {
        fees.add(f);
      }
    }
    // As of the instant: proposed by then, not yet decided then, not yet expired.
    List<Amendment> awaiting = a.amendments().stream()
        .filter(am -> !am.proposedAt().isAfter(at) && am.decidedAt().map(at::isBefore).orElse(true)
            && am.expiresAt().map(at::isBefore).orElse(true))
        .collect(Collectors.toList());
    Optional<AgreementId> id = Optional.of(a.id());
    for (FeeAssessment f : fees) {
      List<Asset> providerErrors = held.stream()
          .filter(x -> x.fault() == FaultParty.PROVIDER && f.assets().contains(x.id())).collect(Collectors.toList());
      if (providerErrors.isEmpty()) {
        continue;
      }
      if (f.outcome() == FeeOutcome.CHARGED) {
        warnings.add(warning(ContextWarning.Code.FEE_FROM_PROVIDER_ERROR, ContextWarning.Severity.HIGH,
            "Fee " + f.rule() + " (" + f.amount().orElseThrow() + ") is charged on agreement " + a.id()
                + " while the customer holds " + describe(providerErrors) + " sent by provider error; consider a "
                + "credit or more time to return it", id));
      } else if (f.outcome() == FeeOutcome.WAIVED) {
        warnings.add(warning(ContextWarning.Code.FEE_WAIVED_FOR_PROVIDER_ERROR, ContextWarning.Severity.LOW,
            "Fee " + f.rule() + " (" + f.amount().orElseThrow() + ") is waived on agreement " + a.id() + " because of "
                + "a provider error; the waiver ends after " + returnDates(providerErrors), id));
      }
    }
    for (Amendment am : awaiting) {
      List<String> changes = am.changes();
      String listed = String.join("; ", changes.subList(0, Math.min(3, changes.size())))
          + (changes.size() > 3 ? "; and " + (changes.size() - 3) + " more" : "");
      warnings.add(warning(ContextWarning.Code.AMENDMENT_AWAITING_CONSENT, ContextWarning.Severity.MEDIUM,
          "Amendment " + am.id() + " of agreement " + a.id() + " awaits the customer's answer"
              + am.expiresAt().map(e -> " until " + e).orElse("") + ": " + listed, id));
    }
    if (status.equals(Optional.of(AgreementStatus.SUSPENDED))) {
      warnings.add(warning(ContextWarning.Code.AGREEMENT_SUSPENDED, ContextWarning.Severity.MEDIUM,
          "Agreement " + a.id() + " is suspended", id));
    }
    if (status.equals(Optional.of(AgreementStatus.PENDING_TERMINATION))) {
      warnings.add(warning(ContextWarning.Code.TERMINATION_PENDING, ContextWarning.Severity.MEDIUM,
          "Agreement " + a.id() + " ends on " + a.serviceEndAt(at).map(Object::toString).orElse("its notice date")
              + ": the customer gave notice", id));
    }
    for (Asset x : held) {
      if (x.status() == AssetStatus.RETURN_PENDING && x.returnBy().map(today::isAfter).orElse(false)) {
        warnings.add(warning(ContextWarning.Code.ASSET_RETURN_OVERDUE, ContextWarning.Severity.MEDIUM,
            "Asset " + x.id() + " (" + x.productCode() + ") of agreement " + a.id() + " was to be returned by "
                + x.returnBy().get(), id));
      }
    }
    DateRange term = version.map(v -> v.terms().term()).orElse(a.terms().term());
    return AgreementSnapshot.builder().id(a.id()).status(status.orElse(a.status()))
        .versionInForce(version.map(AgreementVersion::number)).term(term).inForce(a.inForceOn(today))
        .serviceEnd(a.serviceEndAt(at)).addAllEntitlements(checks).addAllAwaitingConsent(awaiting.stream().map(AmendmentSummary::of).collect(Collectors.toList()))
        .addAllHeldAssets(held).addAllFees(fees).build();
  }

  private List<Obligation> obligations(Agreement a, LocalDate today, List<ContextWarning> warnings) {
    boolean consumption = a.versions().stream().flatMap(v -> v.terms().charges().stream())
        .anyMatch(c -> c.basis() == ChargeBasis.CONSUMPTION);
    if (consumption && meter.isEmpty()) {
      warnings.add(warning(ContextWarning.Code.CONSUMPTION_NOT_RATED, ContextWarning.Severity.LOW,
          "Agreement " + a.id() + " has consumption charges that are not shown: no ConsumptionMeter is configured",
          Optional.of(a.id())));
    }
    // From the first possible due date, so that old unpaid items are never hidden by the window;
    // items the billing system does not know about are shown only within the window.
    LocalDate windowStart = today.minus(behind);
    LocalDate first = a.versions().stream().flatMap(v -> v.terms().charges().stream()
            .map(c -> c.start().orElse(v.terms().term().start())))
        .min(Comparator.naturalOrder()).orElse(windowStart);
    PaymentSchedule schedule = a.paymentSchedule(first.isBefore(windowStart) ? first : windowStart,
        today.plus(ahead).plusDays(1), meter.orElse(ConsumptionMeter.none()), meter.isPresent());
    List<Obligation> out = new ArrayList<>();
    for (DueItem item : schedule.items()) {
      SettlementState state = settlements.stateOf(a.id(), item);
      if (state == SettlementState.SETTLED) {
        continue;
      }
      boolean overdue = state == SettlementState.OPEN && item.dueDate().isBefore(today);
      if (!overdue && item.dueDate().isBefore(windowStart)) {
        continue;
      }
      out.add(Obligation.of(a.id(), item, state, overdue));
      if (overdue) {
        warnings.add(warning(ContextWarning.Code.PAYMENT_OVERDUE, ContextWarning.Severity.HIGH,
            item.amount() + " for " + item.charge() + " #" + item.occurrence() + " of agreement " + a.id()
                + " was due on " + item.dueDate() + " and is unpaid", Optional.of(a.id())));
      }
    }
    return out;
  }

  private static void customerWarnings(Customer customer, Channel channel, Instant at, List<ContextWarning> warnings) {
    ConsentLedger consents = customer.consents();
    List<String> withdrawn = new ArrayList<>();
    if (consents.refuses(ConsentPurpose.SERVICE, channel, at)) {
      withdrawn.add("service");
    }
    if (consents.refuses(ConsentPurpose.BILLING_COLLECTION, channel, at)) {
      withdrawn.add("billing and collection");
    }
    if (!withdrawn.isEmpty()) {
      String what = String.join(" and ", withdrawn);
      warnings.add(warning(ContextWarning.Code.CHANNEL_WITHDRAWN, ContextWarning.Severity.HIGH,
          "The customer withdrew " + channel + " for " + what + " messages: do not send " + what + " messages here",
          Optional.empty()));
    }
    if (!consents.allows(ConsentPurpose.MARKETING, channel, at)) {
      warnings.add(warning(ContextWarning.Code.NO_MARKETING_CONSENT, ContextWarning.Severity.MEDIUM,
          "No marketing consent on " + channel + ": make no offers in this interaction", Optional.empty()));
    }
  }

  private static void sentimentWarnings(SentimentSummary sentiment, Optional<FeedbackSummary> feedback,
      List<ContextWarning> warnings) {
    if (sentiment.label().equals(Optional.of(Sentiment.Label.NEGATIVE))) {
      warnings.add(warning(ContextWarning.Code.NEGATIVE_SENTIMENT, ContextWarning.Severity.HIGH,
          String.format(java.util.Locale.ROOT, "Recent sentiment is negative (%.2f over %d interaction(s), %s)",
              sentiment.score().orElseThrow(), sentiment.scored(), sentiment.trend()), Optional.empty()));
    } else if (sentiment.trend() == SentimentSummary.Trend.WORSENING) {
      warnings.add(warning(ContextWarning.Code.NEGATIVE_SENTIMENT, ContextWarning.Severity.MEDIUM,
          String.format(java.util.Locale.ROOT, "Sentiment is getting worse (now %.2f over %d interaction(s))",
              sentiment.score().orElseThrow(), sentiment.scored()), Optional.empty()));
    }
    feedback.filter(FeedbackSummary::isDetractor).ifPresent(f -> warnings.add(warning(
        ContextWarning.Code.DETRACTOR_FEEDBACK, ContextWarning.Severity.HIGH, "The customer's last feedback ("
            + f.at() + ") scored " + f.score().orElseThrow() + " of 10" + f.touchpoint().map(t -> " at " + t)
            .orElse(""), Optional.empty())));
  }

  private static CustomerSnapshot snapshot(Customer customer, Channel channel, Instant at) {
    Set<Channel> contactChannels = EnumSet.of(channel);
    customer.contactPoints().forEach(c -> contactChannels.add(c.channel()));
    Set<Channel> marketing = EnumSet.noneOf(Channel.class);
    Set<Channel> withdrawn = EnumSet.noneOf(Channel.class);
    Set<Channel> collection = EnumSet.noneOf(Channel.class);
    for (Channel c : contactChannels) {
      if (customer.consents().allows(ConsentPurpose.MARKETING, c, at)) {
        marketing.add(c);
      }
      if (customer.consents().refuses(ConsentPurpose.SERVICE, c, at)) {
        withdrawn.add(c);
      }
      if (customer.consents().refuses(ConsentPurpose.BILLING_COLLECTION, c, at)) {
        collection.add(c);
      }
    }
    return CustomerSnapshot.builder().id(customer.id())
        .kind(customer instanceof Individual ? CustomerSnapshot.Kind.INDIVIDUAL : CustomerSnapshot.Kind.BUSINESS)
        .displayName(customer.displayName()).status(customer.status()).addAllSegments(customer.segments())
        .addAllContacts(customer.contactPoints().stream().map(MaskedContact::of).collect(Collectors.toList()))
        .addAllMarketingAllowed(marketing).addAllServiceWithdrawn(withdrawn)
        .addAllCollectionWithdrawn(collection).build();
  }

  /** A warning whose message is cut to the length a warning allows, so that no message stops the view. */
  private static ContextWarning warning(ContextWarning.Code code, ContextWarning.Severity severity, String message,
      Optional<AgreementId> agreement) {
    String text = message.length() <= 1000 ? message : message.substring(0, 997) + "...";
    return ContextWarning.of(code, severity, text, agreement);
  }

  private static String describe(List<Asset> assets) {
    return assets.stream().map(x -> x.id() + " (" + x.productCode() + ")").collect(Collectors.joining(", "));
  }

  private static String returnDates(List<Asset> assets) {
    return assets.stream().map(x -> x.returnBy().map(Object::toString).orElse("no date")).collect(Collectors.joining(
        ", "));
  }

  /** Configures {@link CustomerContext}. */
  public static final class Builder {
    private CustomerStore customers;
    private AgreementStore agreements;
    private InteractionLog interactions;
    private ContinuationStore continuations;
    private OpenProcesses processes = OpenProcesses.none();
    private FeedbackSource feedback = FeedbackSource.none();
    private Settlements settlements = Settlements.unknown();
    private ConsumptionMeter meter;
    private List<FeeRule> feeRules = List.of();
    private int recentLimit = 10;
    private int sentimentWindow = 20;
    private Period ahead = Period.ofDays(30);
    private Period behind = Period.ofDays(90);
    private Duration halfLife = SentimentSummary.DEFAULT_HALF_LIFE;

    private Builder() {}

    /**
     * Where customers are read from (required).
     *
     * @param store the store
     * @return this builder
     */
    public Builder customers(CustomerStore store) {
      this.customers = Objects.requireNonNull(store, "customers");
      return this;
    }

    /**
     * Where agreements are read from (required).
     *
     * @param store the store
     * @return this builder
     */
    public Builder agreements(AgreementStore store) {
      this.agreements = Objects.requireNonNull(store, "agreements");
      return this;
    }

    /**
     * Where interactions are read from (required).
     *
     * @param log the log
     * @return this builder
     */
    public Builder interactions(InteractionLog log) {
      this.interactions = Objects.requireNonNull(log, "interactions");
      return this;
    }

    /**
     * Where continuations are read from; without it the view shows none.
     *
     * @param store the store
     * @return this builder
     */
    public Builder continuations(ContinuationStore store) {
      this.continuations = Objects.requireNonNull(store, "continuations");
      return this;
    }

    /**
     * The customer's open processes. Defaults to none.
     *
     * @param processes the source
     * @return this builder
     */
    public Builder processes(OpenProcesses processes) {
      this.processes = Objects.requireNonNull(processes, "processes");
      return this;
    }

    /**
     * The customer's latest feedback. Defaults to none.
     *
     * @param feedback the source
     * @return this builder
     */
    public Builder feedback(FeedbackSource feedback) {
      this.feedback = Objects.requireNonNull(feedback, "feedback");
      return this;
    }

    /**
     * Whether due payments were paid. Defaults to {@link Settlements#unknown()}: nothing is called
     * overdue.
     *
     * @param settlements the source
     * @return this builder
     */
    public Builder settlements(Settlements settlements) {
      this.settlements = Objects.requireNonNull(settlements, "settlements");
      return this;
    }

    /**
     * Rates consumption charges. Without it they are left out of the obligations, with a warning.
     *
     * @param meter the meter
     * @return this builder
     */
    public Builder meter(ConsumptionMeter meter) {
      this.meter = Objects.requireNonNull(meter, "meter");
      return this;
    }

    /**
     * The fee rules assessed for each agreement on the day. Defaults to none.
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder feeRules(List<? extends FeeRule> rules) {
      this.feeRules = List.copyOf(Objects.requireNonNull(rules, "rules"));
      return this;
    }

    /**
     * How many recent interactions the view lists. Defaults to 10.
     *
     * @param limit at least 1
     * @return this builder
     */
    public Builder recentLimit(int limit) {
      this.recentLimit = Checks.atLeast("recentLimit", limit, 1);
      return this;
    }

    /**
     * How many recent interactions the sentiment summary considers. Defaults to 20.
     *
     * @param window at least 1
     * @return this builder
     */
    public Builder sentimentWindow(int window) {
      this.sentimentWindow = Checks.atLeast("sentimentWindow", window, 1);
      return this;
    }

    /**
     * How far back and ahead payments are shown. Defaults to 90 days back and 30 ahead.
     *
     * @param behind how far back
     * @param ahead how far ahead
     * @return this builder
     */
    public Builder obligationWindow(Period behind, Period ahead) {
      Objects.requireNonNull(behind, "behind");
      Objects.requireNonNull(ahead, "ahead");
      Checks.check(!behind.isNegative() && !ahead.isNegative(), "obligationWindow must not be negative, was %s back "
          + "and %s ahead", behind, ahead);
      this.behind = behind;
      this.ahead = ahead;
      return this;
    }

    /**
     * The half-life of an interaction's weight in the sentiment summary. Defaults to 30 days.
     *
     * @param halfLife a positive duration
     * @return this builder
     */
    public Builder sentimentHalfLife(Duration halfLife) {
      Objects.requireNonNull(halfLife, "halfLife");
      Checks.check(!halfLife.isNegative() && !halfLife.isZero(), "sentimentHalfLife must be positive, was %s",
          halfLife);
      this.halfLife = halfLife;
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     */
    public CustomerContext build() {
      return new CustomerContext(this);
    }
  }
}
