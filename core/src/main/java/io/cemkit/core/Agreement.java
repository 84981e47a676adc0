package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.AgreementIntegrity;
import io.cemkit.core.internal.ChargeContinuity;
import io.cemkit.core.internal.Checks;
import io.cemkit.core.internal.Scheduler;
import io.cemkit.core.internal.TermsDiff;
import io.cemkit.core.spi.ConsumptionMeter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.immutables.value.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agreement in the agreements repository: what was sold to a customer (items), what the customer
 * may receive (entitlements, SLAs) and must pay (charges), with its full history.
 *
 * <p>An agreement is immutable. Every change is a method that checks the change against the
 * {@link #lifecycle() lifecycle table} and the agreement's data, and returns a new agreement with
 * one more {@link AgreementEvent} (time from the injected clock, actor, channel, reason):
 *
 * <pre>{@code
 * Agreement a = Agreement.draft(AgreementId.of("AG-42"), customer, provider, zone, terms, ctx);
 * a = a.sign(evidence, ctx).activate(ctx);                       // DRAFT → PENDING_ACTIVATION → ACTIVE
 * a = a.proposeAmendment(AmendmentId.of("AM-1"), newTerms, effectiveDate, Initiator.PROVIDER, ctx)
 *      .acceptAmendment(AmendmentId.of("AM-1"), customerEvidence, ctx)
 *      .applyAmendment(AmendmentId.of("AM-1"), ctx);             // version 2, with consent
 * }</pre>
 *
 * <p>Only a draft may be edited directly; a signed agreement changes its terms only through an
 * accepted {@link Amendment} or a renewal, each making a new {@link AgreementVersion}, so
 * {@link #versionAt(LocalDate)} always answers which terms were in force. An action the current
 * status does not allow throws {@link IllegalTransitionException} naming the agreement, its status,
 * the action and the allowed actions; data that makes an allowed action impossible (expiring
 * before the term's end, accepting with evidence from the future) throws
 * {@link IllegalStateException} or {@link IllegalArgumentException} saying which value is wrong.
 *
 * <p>JSON: the whole aggregate, history included; reading it back re-checks every invariant.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAgreement.class)
@JsonDeserialize(as = ImmutableAgreement.class)
public abstract class Agreement {
  private static final TransitionTable<AgreementStatus, AgreementAction> LIFECYCLE = TransitionTable
      .builder("Agreement", AgreementStatus.class, AgreementAction.class)
      .allow(AgreementStatus.DRAFT, AgreementAction.EDIT, AgreementStatus.DRAFT)
      .allow(AgreementStatus.DRAFT, AgreementAction.SIGN, AgreementStatus.PENDING_ACTIVATION)
      .allow(AgreementStatus.DRAFT, AgreementAction.CANCEL, AgreementStatus.CANCELLED)
      .forbid(AgreementStatus.DRAFT, "a draft changes by EDIT; amend signed agreements only",
          AgreementAction.AMEND)
      .forbidOthers(AgreementStatus.DRAFT, "the agreement is not signed yet")
      .allow(AgreementStatus.PENDING_ACTIVATION, AgreementAction.ACTIVATE, AgreementStatus.ACTIVE)
      .allow(AgreementStatus.PENDING_ACTIVATION, AgreementAction.CANCEL, AgreementStatus.CANCELLED)
      .allow(AgreementStatus.PENDING_ACTIVATION, AgreementAction.AMEND, AgreementStatus.PENDING_ACTIVATION)
      .forbid(AgreementStatus.PENDING_ACTIVATION, "a signed agreement changes only by amendment",
          AgreementAction.EDIT)
      .forbid(AgreementStatus.PENDING_ACTIVATION, "it is already signed", AgreementAction.SIGN)
      .forbidOthers(AgreementStatus.PENDING_ACTIVATION, "the agreement is not active yet; activate or cancel it")
      .allow(AgreementStatus.ACTIVE, AgreementAction.SUSPEND, AgreementStatus.SUSPENDED)
      .allow(AgreementStatus.ACTIVE, AgreementAction.REQUEST_TERMINATION, AgreementStatus.PENDING_TERMINATION)
      .allow(AgreementStatus.ACTIVE, AgreementAction.TERMINATE, AgreementStatus.TERMINATED)
      .allow(AgreementStatus.ACTIVE, AgreementAction.EXPIRE, AgreementStatus.EXPIRED)
      .allow(AgreementStatus.ACTIVE, AgreementAction.RENEW, AgreementStatus.ACTIVE)
      .allow(AgreementStatus.ACTIVE, AgreementAction.AMEND, AgreementStatus.ACTIVE)
      .forbid(AgreementStatus.ACTIVE, "a signed agreement changes only by amendment", AgreementAction.EDIT)
      .forbid(AgreementStatus.ACTIVE, "it is already signed", AgreementAction.SIGN)
      .forbid(AgreementStatus.ACTIVE, "it is already active", AgreementAction.ACTIVATE, AgreementAction.RESUME)
      .forbid(AgreementStatus.ACTIVE, "no termination was requested", AgreementAction.REVOKE_TERMINATION)
      .forbid(AgreementStatus.ACTIVE, "an active agreement is terminated, not cancelled", AgreementAction.CANCEL)
      .allow(AgreementStatus.SUSPENDED, AgreementAction.RESUME, AgreementStatus.ACTIVE)
      .allow(AgreementStatus.SUSPENDED, AgreementAction.TERMINATE, AgreementStatus.TERMINATED)
      .allow(AgreementStatus.SUSPENDED, AgreementAction.EXPIRE, AgreementStatus.EXPIRED)
      .allow(AgreementStatus.SUSPENDED, AgreementAction.AMEND, AgreementStatus.SUSPENDED)
      .forbid(AgreementStatus.SUSPENDED, "a suspended agreement terminates immediately; resume it to serve notice",
          AgreementAction.REQUEST_TERMINATION)
      .forbid(AgreementStatus.SUSPENDED, "resume it before renewing", AgreementAction.RENEW)
      .forbidOthers(AgreementStatus.SUSPENDED, "the agreement is suspended")
      .allow(AgreementStatus.PENDING_TERMINATION, AgreementAction.TERMINATE, AgreementStatus.TERMINATED)
      .allow(AgreementStatus.PENDING_TERMINATION, AgreementAction.REVOKE_TERMINATION, AgreementStatus.ACTIVE)
      .allow(AgreementStatus.PENDING_TERMINATION, AgreementAction.EXPIRE, AgreementStatus.EXPIRED)
      .forbidOthers(AgreementStatus.PENDING_TERMINATION, "the agreement is ending; revoke the termination first")
      .terminal(AgreementStatus.TERMINATED)
      .terminal(AgreementStatus.CANCELLED)
      .terminal(AgreementStatus.EXPIRED)
      .build();

  private static final Logger LOG = LoggerFactory.getLogger(Agreement.class);

  private static final Set<AgreementStatus> PROVISIONING =
      EnumSet.of(AgreementStatus.PENDING_ACTIVATION, AgreementStatus.ACTIVE);
  private static final Set<AgreementStatus> FULFILLING = EnumSet.of(AgreementStatus.PENDING_ACTIVATION,
      AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED, AgreementStatus.PENDING_TERMINATION);
  private static final Set<AgreementStatus> IN_FORCE =
      EnumSet.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED, AgreementStatus.PENDING_TERMINATION);
  private static final Set<AssetStatus> OCCUPYING =
      EnumSet.of(AssetStatus.ORDERED, AssetStatus.DELIVERED, AssetStatus.IN_SERVICE);

  Agreement() {}

  /**
   * The state machine of agreements: every (status × action) cell is allowed or forbidden.
   *
   * @return the transition table
   */
  public static TransitionTable<AgreementStatus, AgreementAction> lifecycle() {
    return LIFECYCLE;
  }

  // ---------------------------------------------------------------- attributes

  /**
   * The agreement's id.
   *
   * @return the id
   */
  public abstract AgreementId id();

  /**
   * The customer.
   *
   * @return the customer's id
   */
  public abstract CustomerId customer();

  /**
   * The provider of the products and services.
   *
   * @return the provider's id
   */
  public abstract ProviderId provider();

  /**
   * The time zone in which the agreement's dates are read (due dates, quota months, termination
   * dates).
   *
   * @return the zone
   */
  public abstract ZoneId zone();

  /**
   * Where the agreement is in its lifecycle.
   *
   * @return the status
   */
  public abstract AgreementStatus status();

  /**
   * The customer's signature, once signed.
   *
   * @return the evidence of acceptance
   */
  public abstract Optional<Evidence> signature();

  /**
   * All versions of the terms, from 1.
   *
   * @return the versions
   */
  public abstract List<AgreementVersion> versions();

  /**
   * Every asset ever ordered under the agreement, in order of ordering.
   *
   * @return the assets
   */
  public abstract List<Asset> assets();

  /**
   * Every amendment ever proposed, in order of proposal.
   *
   * @return the amendments
   */
  public abstract List<Amendment> amendments();

  /**
   * The agreement's history, oldest first.
   *
   * @return the events
   */
  public abstract List<AgreementEvent> events();

  // ---------------------------------------------------------------- creation

  /**
   * A new draft agreement.
   *
   * @param id the agreement's id
   * @param customer the customer
   * @param provider the provider
   * @param zone the zone its dates are read in
   * @param terms the draft terms
   * @param ctx who creates it, when and why
   * @return the draft, with a CREATED event
   */
  public static Agreement draft(AgreementId id, CustomerId customer, ProviderId provider, ZoneId zone,
      AgreementTerms terms, ChangeContext ctx) {
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(ctx, "ctx");
    AgreementVersion first = AgreementVersion.builder().number(1).effectiveFrom(terms.term().start()).terms(terms)
        .origin(AgreementVersion.Origin.ORIGINAL).createdAt(ctx.at()).build();
    AgreementEvent created = AgreementEvent.builder().sequence(1).type(AgreementEventType.CREATED).at(ctx.at())
        .actor(ctx.actor()).channel(ctx.channel()).reason(ctx.reason()).status(AgreementStatus.DRAFT).version(1)
        .build();
    return ImmutableAgreement.builder().id(id).customer(customer).provider(provider).zone(zone)
        .status(AgreementStatus.DRAFT).addVersions(first).addEvents(created).build();
  }

  // ---------------------------------------------------------------- queries

  /**
   * The newest version.
   *
   * @return the current version
   */
  public AgreementVersion currentVersion() {
    return versions().get(versions().size() - 1);
  }

  /**
   * The newest version's terms.
   *
   * @return the current terms
   */
  public AgreementTerms terms() {
    return currentVersion().terms();
  }

  /**
   * The terms in force on {@code date}: the newest version effective on or before it. An unsigned
   * agreement has no terms in force.
   *
   * @param date the date
   * @return the version, or empty before version 1 takes effect or if never signed
   */
  public Optional<AgreementVersion> versionAt(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (signature().isEmpty()) {
      return Optional.empty();
    }
    AgreementVersion found = null;
    for (AgreementVersion v : versions()) {
      if (!v.effectiveFrom().isAfter(date)) {
        found = v;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The status at an instant, read from the history.
   *
   * @param at the instant
   * @return the status, or empty before the agreement was created
   */
  public Optional<AgreementStatus> statusAt(Instant at) {
    Objects.requireNonNull(at, "at");
    AgreementStatus found = null;
    for (AgreementEvent e : events()) {
      if (e.at().isAfter(at)) {
        break;
      }
      found = e.status();
    }
    return Optional.ofNullable(found);
  }

  /**
   * The actions the current status allows.
   *
   * @return the allowed actions
   */
  public Set<AgreementAction> allowedActions() {
    return LIFECYCLE.allowedActions(status());
  }

  /**
   * When the signature was recorded.
   *
   * @return the instant
   */
  public Optional<Instant> signedAt() {
    return events().stream().filter(e -> e.type() == AgreementEventType.SIGNED).map(AgreementEvent::at).findFirst();
  }

  /**
   * The first day without service: the date of the termination or cancellation (or the requested
   * termination date, if the termination was recorded after it), the requested termination date
   * while notice runs, or the day after the term for an expired agreement. Events recorded after
   * the termination, such as an asset returned, do not move it.
   *
   * @return the exclusive end of service, or empty while the agreement runs
   */
  public Optional<LocalDate> serviceEnd() {
    return serviceEndAt(events().get(events().size() - 1).at());
  }

  /**
   * The first day without service as known at an instant, from the history recorded up to then
   * (see {@link #serviceEnd()}).
   *
   * @param at the instant
   * @return the exclusive end of service, or empty if none was set by then
   */
  public Optional<LocalDate> serviceEndAt(Instant at) {
    Objects.requireNonNull(at, "at");
    LocalDate noticed = null;
    for (AgreementEvent e : events()) {
      if (e.at().isAfter(at)) {
        break;
      }
      switch (e.type()) {
        case TERMINATION_REQUESTED:
          noticed = e.effectiveDate().orElseThrow();
          break;
        case TERMINATION_REVOKED:
          noticed = null;
          break;
        case TERMINATED:
        case CANCELLED:
          return Optional.of(earliest(LocalDate.ofInstant(e.at(), zone()), noticed));
        case EXPIRED:
          return versions().get(e.version() - 1).terms().term().endExclusive();
        default:
          break;
      }
    }
    return Optional.ofNullable(noticed);
  }

  /**
   * Whether the agreement is in force on a date, as its history stood at the end of that day: active,
   * suspended or serving notice, and before the end of service. Fee rules use it so that nothing is
   * charged to an agreement that has ended.
   *
   * @param date the date, in the agreement's zone
   * @return true if in force
   */
  public boolean inForceOn(LocalDate date) {
    Instant endOfDay = date.plusDays(1).atStartOfDay(zone()).toInstant().minusNanos(1);
    Optional<AgreementStatus> status = statusAt(endOfDay);
    boolean running = status.map(IN_FORCE::contains).orElse(false);
    return running && serviceEndAt(endOfDay).map(date::isBefore).orElse(true);
  }

  /**
   * The asset with the given id.
   *
   * @param id the id
   * @return the asset, if ever ordered under this agreement
   */
  public Optional<Asset> asset(AssetId id) {
    Objects.requireNonNull(id, "id");
    return assets().stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /**
   * The assets as they were at the end of {@code date} (in the agreement's zone), read from the
   * history. Assets ordered later are absent.
   *
   * @param date the date
   * @return the assets, in order of ordering
   */
  public List<Asset> assetsAt(LocalDate date) {
    Instant endOfDay = date.plusDays(1).atStartOfDay(zone()).toInstant();
    Map<AssetId, Asset> state = new LinkedHashMap<>();
    for (AgreementEvent e : events()) {
      if (!e.at().isBefore(endOfDay)) {
        break;
      }
      e.asset().ifPresent(a -> state.put(a.id(), a));
    }
    return List.copyOf(state.values());
  }

  /**
   * The amendment with the given id.
   *
   * @param id the id
   * @return the amendment, if ever proposed
   */
  public Optional<Amendment> amendment(AmendmentId id) {
    Objects.requireNonNull(id, "id");
    return amendments().stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /**
   * The amendments still waiting for the customer's decision.
   *
   * @return the proposed amendments
   */
  public List<Amendment> amendmentsAwaitingConsent() {
    return amendments().stream().filter(Amendment::isAwaitingConsent).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Whether one unit of a service may be used at {@code at}; see {@link Entitlements}.
   *
   * @param serviceType the service type
   * @param at the instant
   * @return the answer
   */
  public EntitlementCheck checkEntitlement(String serviceType, Instant at) {
    return Entitlements.check(this, serviceType, at);
  }

  /**
   * The payments due in {@code [from, until)}, each computed from the terms in force for its
   * service period, and ending with the service (sale charges, being debts, continue after a
   * termination, but not after a cancellation). An unsigned agreement owes nothing; to quote a
   * draft, use {@code terms().paymentPlan()}. For agreements without consumption charges.
   *
   * @param from the first due date included
   * @param until the first due date excluded
   * @return the schedule
   * @throws IllegalStateException if a consumption charge has a period to rate in the range
   */
  public PaymentSchedule paymentSchedule(LocalDate from, LocalDate until) {
    return paymentSchedule(from, until, ConsumptionMeter.none());
  }

  /**
   * The payments due in {@code [from, until)}, rating consumption with {@code meter}.
   *
   * @param from the first due date included
   * @param until the first due date excluded
   * @param meter reads consumption
   * @return the schedule
   */
  public PaymentSchedule paymentSchedule(LocalDate from, LocalDate until, ConsumptionMeter meter) {
    return paymentSchedule(from, until, meter, true);
  }

  /** The schedule, with consumption charges left out when {@code includeConsumption} is false. */
  PaymentSchedule paymentSchedule(LocalDate from, LocalDate until, ConsumptionMeter meter, boolean includeConsumption) {
    Scheduler.Window window = Scheduler.window(from, until);
    Objects.requireNonNull(meter, "meter");
    List<DueItem> items = new ArrayList<>();
    if (signature().isEmpty()) {
      return Scheduler.schedule(window, terms().currency(), items);
    }
    LocalDate end = serviceEnd().orElse(null);
    boolean cancelled = status() == AgreementStatus.CANCELLED;
    List<AgreementVersion> all = versions();
    for (int i = 0; i < all.size(); i++) {
      AgreementVersion v = all.get(i);
      LocalDate periodFrom = i == 0 ? null : v.effectiveFrom();
      LocalDate periodUntil = i + 1 < all.size() ? all.get(i + 1).effectiveFrom() : null;
      if (periodFrom != null && periodUntil != null && !periodFrom.isBefore(periodUntil)) {
        continue;
      }
      LocalDate cut = earliest(end, v.terms().term().endExclusive().orElse(null));
      for (Charge charge : v.terms().charges()) {
        if (!includeConsumption && charge.basis() == ChargeBasis.CONSUMPTION) {
          continue;
        }
        Scheduler.occurrences(charge, series(charge.id(), i), periodFrom, periodUntil, cut, cancelled, window, meter,
            Optional.of(v.number()), items);
      }
    }
    return Scheduler.schedule(window, terms().currency(), items);
  }

  /**
   * Where the charge's series runs in version {@code index}: from the first day of the unbroken run
   * of versions that carry it (so a charge keeps its start through renewals and amendments, its
   * occurrences continue and its installments are never billed twice), moved on to the end of the
   * last period begun under an old frequency whenever an amendment changed the frequency.
   */
  private Scheduler.Series series(ChargeId charge, int index) {
    int first = index;
    while (first > 0 && versions().get(first - 1).terms().charge(charge).isPresent()) {
      first--;
    }
    Charge initial = versions().get(first).terms().charge(charge).orElseThrow();
    LocalDate introduced = first == 0 ? versions().get(0).terms().term().start() : versions().get(first).effectiveFrom();
    Scheduler.Series series = Scheduler.Series.from(initial.start().orElse(introduced));
    for (int j = first + 1; j <= index; j++) {
      series = series.continueWith(versions().get(j - 1).terms().charge(charge).orElseThrow(),
          versions().get(j).terms().charge(charge).orElseThrow(), versions().get(j).effectiveFrom());
    }
    return series;
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Replaces a draft's terms.
   *
   * @param terms the new terms
   * @param ctx the change's circumstances
   * @return the edited draft
   * @throws IllegalTransitionException unless the agreement is a draft
   */
  public Agreement edit(AgreementTerms terms, ChangeContext ctx) {
    Objects.requireNonNull(terms, "terms");
    AgreementStatus to = transition(AgreementAction.EDIT, ctx);
    AgreementVersion first = AgreementVersion.builder().number(1).effectiveFrom(terms.term().start()).terms(terms)
        .origin(AgreementVersion.Origin.ORIGINAL).createdAt(ctx.at()).build();
    return next(to, signature(), List.of(first), assets(), amendments(), ctx, AgreementEventType.EDITED, e -> { });
  }

  /**
   * Records the customer's signature; the draft's terms become version 1.
   *
   * @param acceptance the evidence of the customer's acceptance, captured no later than now
   * @param ctx the change's circumstances
   * @return the signed agreement, pending activation
   * @throws IllegalTransitionException unless the agreement is a draft
   * @throws IllegalArgumentException if the evidence is dated after the change
   */
  public Agreement sign(Evidence acceptance, ChangeContext ctx) {
    Objects.requireNonNull(acceptance, "acceptance");
    AgreementStatus to = transition(AgreementAction.SIGN, ctx);
    Checks.check(!acceptance.at().isAfter(ctx.at()), "Agreement %s: the signature's evidence is dated %s, after the "
        + "signing is recorded (%s)", id(), acceptance.at(), ctx.at());
    return next(to, Optional.of(acceptance), versions(), assets(), amendments(), ctx, AgreementEventType.SIGNED,
        e -> { });
  }

  /**
   * Puts a signed agreement in force.
   *
   * @param ctx the change's circumstances
   * @return the active agreement
   * @throws IllegalTransitionException unless pending activation
   */
  public Agreement activate(ChangeContext ctx) {
    return simple(AgreementAction.ACTIVATE, AgreementEventType.ACTIVATED, ctx);
  }

  /**
   * Suspends an active agreement.
   *
   * @param ctx the change's circumstances; its reason says why (customer request, non-payment, …)
   * @return the suspended agreement
   * @throws IllegalTransitionException unless active
   */
  public Agreement suspend(ChangeContext ctx) {
    return simple(AgreementAction.SUSPEND, AgreementEventType.SUSPENDED, ctx);
  }

  /**
   * Resumes a suspended agreement.
   *
   * @param ctx the change's circumstances
   * @return the active agreement
   * @throws IllegalTransitionException unless suspended
   */
  public Agreement resume(ChangeContext ctx) {
    return simple(AgreementAction.RESUME, AgreementEventType.RESUMED, ctx);
  }

  /**
   * Gives notice of termination on a date.
   *
   * @param terminationDate the first day without service; today or later
   * @param ctx the change's circumstances
   * @return the agreement, pending termination
   * @throws IllegalTransitionException unless active
   * @throws IllegalArgumentException if the date is in the past
   */
  public Agreement requestTermination(LocalDate terminationDate, ChangeContext ctx) {
    Objects.requireNonNull(terminationDate, "terminationDate");
    AgreementStatus to = transition(AgreementAction.REQUEST_TERMINATION, ctx);
    LocalDate today = ctx.date(zone());
    Checks.check(!terminationDate.isBefore(today), "Agreement %s: termination date %s is before today (%s)", id(),
        terminationDate, today);
    return next(to, signature(), versions(), assets(), amendments(), ctx, AgreementEventType.TERMINATION_REQUESTED,
        e -> e.effectiveDate(terminationDate));
  }

  /**
   * Withdraws a notice of termination.
   *
   * @param ctx the change's circumstances
   * @return the active agreement
   * @throws IllegalTransitionException unless pending termination
   */
  public Agreement revokeTermination(ChangeContext ctx) {
    return simple(AgreementAction.REVOKE_TERMINATION, AgreementEventType.TERMINATION_REVOKED, ctx);
  }

  /**
   * Terminates the agreement now.
   *
   * @param ctx the change's circumstances
   * @return the terminated agreement
   * @throws IllegalTransitionException unless active, suspended or pending termination
   */
  public Agreement terminate(ChangeContext ctx) {
    return simple(AgreementAction.TERMINATE, AgreementEventType.TERMINATED, ctx);
  }

  /**
   * Cancels an agreement that was never activated.
   *
   * @param ctx the change's circumstances
   * @return the cancelled agreement
   * @throws IllegalTransitionException unless draft or pending activation
   */
  public Agreement cancel(ChangeContext ctx) {
    return simple(AgreementAction.CANCEL, AgreementEventType.CANCELLED, ctx);
  }

  /**
   * Ends the agreement because its term is over.
   *
   * @param ctx the change's circumstances; its date must be after the term's last day
   * @return the expired agreement
   * @throws IllegalTransitionException unless active, suspended or pending termination
   * @throws IllegalStateException if the term is open-ended or not over yet
   */
  public Agreement expire(ChangeContext ctx) {
    AgreementStatus to = transition(AgreementAction.EXPIRE, ctx);
    Optional<LocalDate> end = terms().term().end();
    if (end.isEmpty()) {
      throw new IllegalStateException("Agreement " + id() + " has an open-ended term; it cannot expire");
    }
    LocalDate today = ctx.date(zone());
    if (!today.isAfter(end.get())) {
      throw new IllegalStateException("Agreement " + id() + "'s term ends on " + end.get() + "; it cannot expire "
          + "before " + end.get().plusDays(1) + " (today is " + today + ")");
    }
    return next(to, signature(), versions(), assets(), amendments(), ctx, AgreementEventType.EXPIRED, e -> { });
  }

  /**
   * Renews the agreement for a new term under its renewal policy: a new version with the same
   * terms and the next term, effective the day after the current term ends. Absolute dates in the
   * terms (an entitlement valid for one calendar year) are kept as they are; leave a validity empty
   * to follow the term.
   *
   * @param ctx the change's circumstances; its date must be on or after the notice period's start
   *     before the term's end, and for a MANUAL renewal no later than the term's last day (an
   *     AUTOMATIC renewal recorded late, while the agreement is still active, takes effect without a
   *     gap)
   * @return the renewed agreement
   * @throws IllegalTransitionException unless active
   * @throws IllegalStateException if the policy does not renew, the term is open-ended, or the date
   *     is outside the renewal window
   */
  public Agreement renew(ChangeContext ctx) {
    AgreementStatus to = transition(AgreementAction.RENEW, ctx);
    AgreementTerms current = terms();
    RenewalPolicy policy = current.renewal();
    if (policy.mode() == RenewalMode.NONE) {
      throw new IllegalStateException("Agreement " + id() + " has renewal mode NONE; change it by amendment to renew");
    }
    if (current.term().end().isEmpty()) {
      throw new IllegalStateException("Agreement " + id() + " has an open-ended term; there is nothing to renew");
    }
    LocalDate end = current.term().end().get();
    LocalDate opens = end.minus(policy.notice());
    LocalDate today = ctx.date(zone());
    boolean late = today.isAfter(end);
    if (today.isBefore(opens) || (late && policy.mode() == RenewalMode.MANUAL)) {
      throw new IllegalStateException("Agreement " + id() + " can be renewed from " + opens
          + (policy.mode() == RenewalMode.MANUAL ? " to " + end : "")
          + " (notice " + policy.notice() + " before the term ends); today is " + today);
    }
    LocalDate start = end.plusDays(1);
    DateRange newTerm = DateRange.of(start, start.plus(policy.renewalTerm().orElseThrow()).minusDays(1));
    AgreementTerms renewed = ImmutableAgreementTerms.copyOf(current).withTerm(newTerm);
    AgreementVersion version = AgreementVersion.builder().number(currentVersion().number() + 1).effectiveFrom(start)
        .terms(renewed).origin(AgreementVersion.Origin.RENEWAL).createdAt(ctx.at()).build();
    return next(to, signature(), append(versions(), version), assets(), amendments(), ctx,
        AgreementEventType.RENEWED, e -> { });
  }

  // ---------------------------------------------------------------- amendments

  /**
   * Proposes new terms to the customer, without a deadline for the answer.
   *
   * @param id the amendment's id
   * @param proposedTerms the terms after the change
   * @param effectiveDate the first day of the new terms; today or later
   * @param initiatedBy who asks for it
   * @param ctx the change's circumstances; its reason is the amendment's reason
   * @return the agreement with the proposed amendment
   * @see #proposeAmendment(AmendmentId, AgreementTerms, LocalDate, Initiator, Instant, ChangeContext)
   */
  public Agreement proposeAmendment(AmendmentId id, AgreementTerms proposedTerms, LocalDate effectiveDate,
      Initiator initiatedBy, ChangeContext ctx) {
    return propose(id, proposedTerms, effectiveDate, initiatedBy, Optional.empty(), ctx);
  }

  /**
   * Proposes new terms to the customer, to be accepted before {@code expiresAt}.
   *
   * @param id the amendment's id; new for this agreement
   * @param proposedTerms the terms after the change; same currency, and different from the current
   *     terms
   * @param effectiveDate the first day of the new terms; today or later, and not before the current
   *     version's start
   * @param initiatedBy who asks for it
   * @param expiresAt when the offer lapses; after now
   * @param ctx the change's circumstances; its reason is the amendment's reason
   * @return the agreement with the proposed amendment
   * @throws IllegalTransitionException unless the agreement is pending activation, active or
   *     suspended
   * @throws IllegalArgumentException for a reused id, another currency, a retroactive date or
   *     terms that change nothing
   */
  public Agreement proposeAmendment(AmendmentId id, AgreementTerms proposedTerms, LocalDate effectiveDate,
      Initiator initiatedBy, Instant expiresAt, ChangeContext ctx) {
    return propose(id, proposedTerms, effectiveDate, initiatedBy, Optional.of(Objects.requireNonNull(expiresAt,
        "expiresAt")), ctx);
  }

  private Agreement propose(AmendmentId id, AgreementTerms proposedTerms, LocalDate effectiveDate,
      Initiator initiatedBy, Optional<Instant> expiresAt, ChangeContext ctx) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(proposedTerms, "proposedTerms");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    Objects.requireNonNull(initiatedBy, "initiatedBy");
    AgreementStatus to = transition(AgreementAction.AMEND, ctx);
    Checks.check(amendment(id).isEmpty(), "Agreement %s already has an amendment %s", this.id(), id);
    Checks.check(proposedTerms.currency().equals(terms().currency()),
        "Amendment %s is in %s but agreement %s is in %s; an agreement keeps one currency", id,
        proposedTerms.currency().getCurrencyCode(), this.id(), terms().currency().getCurrencyCode());
    LocalDate today = ctx.date(zone());
    Checks.check(!effectiveDate.isBefore(today), "Amendment %s would take effect on %s, before today (%s); "
        + "amendments are never retroactive", id, effectiveDate, today);
    Checks.check(!effectiveDate.isBefore(currentVersion().effectiveFrom()),
        "Amendment %s would take effect on %s, before the current version %d (effective %s)", id, effectiveDate,
        currentVersion().number(), currentVersion().effectiveFrom());
    expiresAt.ifPresent(e -> Checks.check(e.isAfter(ctx.at()), "Amendment %s would expire at %s, which is not after "
        + "now (%s)", id, e, ctx.at()));
    for (Charge charge : proposedTerms.charges()) {
      terms().charge(charge.id()).ifPresent(old -> ChargeContinuity.check(this.id().value(), old, charge));
    }
    List<String> changes = TermsDiff.describe(terms(), proposedTerms);
    Checks.check(!changes.isEmpty(), "Amendment %s proposes terms identical to version %d of agreement %s", id,
        currentVersion().number(), this.id());
    Amendment amendment = Amendment.builder().id(id).baseVersion(currentVersion().number())
        .proposedTerms(proposedTerms).addAllChanges(changes).effectiveDate(effectiveDate).initiatedBy(initiatedBy)
        .reason(ctx.reason()).proposedAt(ctx.at()).expiresAt(expiresAt).status(AmendmentStatus.PROPOSED).build();
    return next(to, signature(), versions(), assets(), append(amendments(), amendment), ctx,
        AgreementEventType.AMENDMENT_PROPOSED, e -> e.amendment(id));
  }

  /**
   * Records the customer's acceptance of a proposed amendment.
   *
   * @param id the amendment
   * @param evidence the proof of acceptance, captured between the proposal and now
   * @param ctx the change's circumstances
   * @return the agreement with the accepted amendment
   * @throws IllegalTransitionException if the agreement cannot be amended or the amendment is not
   *     proposed
   * @throws IllegalStateException if the offer expired
   * @throws IllegalArgumentException for an unknown amendment or evidence dated outside the window
   */
  public Agreement acceptAmendment(AmendmentId id, Evidence evidence, ChangeContext ctx) {
    Objects.requireNonNull(evidence, "evidence");
    AgreementStatus to = transition(AgreementAction.AMEND, ctx);
    Amendment amendment = requireAmendment(id);
    AmendmentStatus next = Amendment.lifecycle().next(id.value() + " of agreement " + id(), amendment.status(), AmendmentAction.ACCEPT);
    if (amendment.expiresAt().map(e -> !ctx.at().isBefore(e)).orElse(false)) {
      throw new IllegalStateException("Amendment " + id + " expired at " + amendment.expiresAt().get()
          + "; it can no longer be accepted (now " + ctx.at() + "); expire it and propose again");
    }
    Checks.check(!evidence.at().isBefore(amendment.proposedAt()) && !evidence.at().isAfter(ctx.at()),
        "Amendment %s: the acceptance evidence is dated %s, outside [proposal %s, now %s]", id, evidence.at(),
        amendment.proposedAt(), ctx.at());
    Amendment accepted = amendmentWith(amendment, next, Optional.of(evidence), Optional.of(ctx.at()),
        Optional.empty());
    return next(to, signature(), versions(), assets(), replace(amendments(), accepted), ctx,
        AgreementEventType.AMENDMENT_ACCEPTED, e -> e.amendment(id));
  }

  /**
   * Records the customer's rejection of a proposed amendment. Rejections, withdrawals and expiries
   * are recorded whatever the agreement's status, so that an offer is always closed properly, even
   * on an agreement that has ended.
   *
   * @param id the amendment
   * @param ctx the change's circumstances
   * @return the agreement with the rejected amendment
   * @throws IllegalTransitionException if the amendment is not proposed
   */
  public Agreement rejectAmendment(AmendmentId id, ChangeContext ctx) {
    return decide(id, AmendmentAction.REJECT, AgreementEventType.AMENDMENT_REJECTED, ctx);
  }

  /**
   * Withdraws an amendment that is proposed or accepted but not applied.
   *
   * @param id the amendment
   * @param ctx the change's circumstances
   * @return the agreement with the withdrawn amendment
   * @throws IllegalTransitionException if the amendment is already decided otherwise or applied
   */
  public Agreement withdrawAmendment(AmendmentId id, ChangeContext ctx) {
    return decide(id, AmendmentAction.WITHDRAW, AgreementEventType.AMENDMENT_WITHDRAWN, ctx);
  }

  /**
   * Marks a proposed amendment expired once its deadline has passed.
   *
   * @param id the amendment
   * @param ctx the change's circumstances
   * @return the agreement with the expired amendment
   * @throws IllegalTransitionException if the amendment is not proposed
   * @throws IllegalStateException if it has no deadline or the deadline has not passed
   */
  public Agreement expireAmendment(AmendmentId id, ChangeContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    Amendment amendment = requireAmendment(id);
    if (amendment.expiresAt().map(e -> ctx.at().isBefore(e)).orElse(true)) {
      throw new IllegalStateException("Amendment " + id + amendment.expiresAt().map(e -> " expires at " + e
          + "; it cannot be expired at " + ctx.at()).orElse(" has no deadline; withdraw it instead"));
    }
    return decide(id, AmendmentAction.EXPIRE, AgreementEventType.AMENDMENT_EXPIRED, ctx);
  }

  private Agreement decide(AmendmentId id, AmendmentAction action, AgreementEventType type, ChangeContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    Amendment amendment = requireAmendment(id);
    AmendmentStatus next = Amendment.lifecycle().next(id.value() + " of agreement " + id(), amendment.status(), action);
    requireTimeOrder(ctx);
    Amendment decided = amendmentWith(amendment, next, amendment.acceptance(), Optional.of(ctx.at()),
        Optional.empty());
    return next(status(), signature(), versions(), assets(), replace(amendments(), decided), ctx, type,
        e -> e.amendment(id));
  }

  /**
   * Applies an accepted amendment as a new version, on or after its effective date.
   *
   * @param id the amendment
   * @param ctx the change's circumstances
   * @return the agreement with a new version
   * @throws AmendmentConsentRequiredException if the customer has not accepted it
   * @throws AmendmentConflictException if the agreement has a newer version than the amendment's
   *     base
   * @throws IllegalTransitionException if the agreement cannot be amended or the amendment was
   *     rejected, withdrawn, expired or applied
   * @throws IllegalStateException before the effective date
   */
  public Agreement applyAmendment(AmendmentId id, ChangeContext ctx) {
    AgreementStatus to = transition(AgreementAction.AMEND, ctx);
    Amendment amendment = requireAmendment(id);
    if (amendment.status() == AmendmentStatus.PROPOSED) {
      throw new AmendmentConsentRequiredException(id(), amendment);
    }
    AmendmentStatus next = Amendment.lifecycle().next(id.value() + " of agreement " + id(), amendment.status(), AmendmentAction.APPLY);
    if (amendment.baseVersion() != currentVersion().number()) {
      throw new AmendmentConflictException(id(), id, amendment.baseVersion(), currentVersion().number());
    }
    LocalDate today = ctx.date(zone());
    if (today.isBefore(amendment.effectiveDate())) {
      throw new IllegalStateException("Amendment " + id + " takes effect on " + amendment.effectiveDate()
          + "; it cannot be applied on " + today);
    }
    int number = currentVersion().number() + 1;
    AgreementVersion version = AgreementVersion.builder().number(number).effectiveFrom(amendment.effectiveDate())
        .terms(amendment.proposedTerms()).origin(AgreementVersion.Origin.AMENDMENT).amendment(id)
        .createdAt(ctx.at()).build();
    Amendment applied = amendmentWith(amendment, next, amendment.acceptance(), amendment.decidedAt(),
        Optional.of(number));
    return next(to, signature(), append(versions(), version), assets(), replace(amendments(), applied), ctx,
        AgreementEventType.AMENDMENT_APPLIED, e -> e.amendment(id));
  }

  private static Amendment amendmentWith(Amendment a, AmendmentStatus status, Optional<Evidence> acceptance,
      Optional<Instant> decidedAt, Optional<Integer> appliedVersion) {
    return Amendment.builder().id(a.id()).baseVersion(a.baseVersion()).proposedTerms(a.proposedTerms())
        .addAllChanges(a.changes()).effectiveDate(a.effectiveDate()).initiatedBy(a.initiatedBy()).reason(a.reason())
        .proposedAt(a.proposedAt()).expiresAt(a.expiresAt()).status(status).acceptance(acceptance)
        .decidedAt(decidedAt).appliedVersion(appliedVersion).build();
  }

  private Amendment requireAmendment(AmendmentId id) {
    Objects.requireNonNull(id, "id");
    return amendment(id).orElseThrow(() -> new IllegalArgumentException("Agreement " + id() + " has no amendment "
        + id + "; known: " + amendments().stream().map(a -> a.id().value()).collect(Collectors.joining(", "))));
  }

  // ---------------------------------------------------------------- assets

  /**
   * Orders a unit of a physical item for the customer.
   *
   * @param id the new asset's id
   * @param item the agreement item; physical, in the current terms
   * @param ctx the change's circumstances
   * @return the agreement with the ordered asset
   * @throws IllegalStateException unless the agreement is pending activation or active (new orders
   *     are not placed for a suspended or ending agreement), or if the item's quantity is already
   *     ordered or held
   * @throws IllegalArgumentException for a reused asset id or an unknown or non-physical item
   */
  public Agreement orderAsset(AssetId id, AgreementItemId item, ChangeContext ctx) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(item, "item");
    requireTimeOrder(ctx);
    requireProvisioning("order asset " + id);
    Checks.check(asset(id).isEmpty(), "Agreement %s already has an asset %s", id(), id);
    AgreementItem line = terms().item(item).orElseThrow(() -> new IllegalArgumentException("Agreement " + id()
        + " has no item " + item + " in version " + currentVersion().number()));
    Checks.check(line.product().kind() == ProductKind.PHYSICAL, "Agreement %s item %s is %s; only physical items "
        + "have assets", id(), item, line.product().kind());
    List<Asset> occupying = assets().stream().filter(a -> a.item().equals(item) && OCCUPYING.contains(a.status()))
        .collect(Collectors.toList());
    if (occupying.size() >= line.quantity()) {
      throw new IllegalStateException("Agreement " + id() + " item " + item + " allows " + line.quantity()
          + " asset(s) at a time and has " + occupying.stream().map(a -> a.id() + " (" + a.status() + ")")
          .collect(Collectors.joining(", ")) + "; replace or return one first");
    }
    Asset asset = Asset.builder().id(id).item(item).productCode(line.product().code()).status(AssetStatus.ORDERED)
        .build();
    return next(status(), signature(), versions(), append(assets(), asset), amendments(), ctx,
        AgreementEventType.ASSET_ORDERED, e -> e.asset(asset));
  }

  /**
   * Records that an ordered asset reached the customer.
   *
   * @param id the asset
   * @param ctx the change's circumstances
   * @return the changed agreement
   */
  public Agreement deliverAsset(AssetId id, ChangeContext ctx) {
    return assetChange(id, AssetAction.DELIVER, AgreementEventType.ASSET_DELIVERED, true, ctx, a -> a);
  }

  /**
   * Records that an ordered asset with the given serial number reached the customer.
   *
   * @param id the asset
   * @param serialNumber its serial number
   * @param ctx the change's circumstances
   * @return the changed agreement
   */
  public Agreement deliverAsset(AssetId id, String serialNumber, ChangeContext ctx) {
    Checks.code("serialNumber", serialNumber);
    return assetChange(id, AssetAction.DELIVER, AgreementEventType.ASSET_DELIVERED, true, ctx,
        a -> a.withSerialNumber(serialNumber));
  }

  /**
   * Records the installation of a delivered asset whose product needs installation.
   *
   * @param id the asset
   * @param ctx the change's circumstances
   * @return the changed agreement
   * @throws IllegalStateException if the product needs no installation (use
   *     {@link #putAssetInService})
   */
  public Agreement installAsset(AssetId id, ChangeContext ctx) {
    requireInstallation(id, true);
    return assetChange(id, AssetAction.INSTALL, AgreementEventType.ASSET_INSTALLED, true, ctx, a -> a);
  }

  /**
   * Records that a delivered asset that needs no installation is in use.
   *
   * @param id the asset
   * @param ctx the change's circumstances
   * @return the changed agreement
   * @throws IllegalStateException if the product needs installation (use {@link #installAsset})
   */
  public Agreement putAssetInService(AssetId id, ChangeContext ctx) {
    requireInstallation(id, false);
    return assetChange(id, AssetAction.PUT_IN_SERVICE, AgreementEventType.ASSET_PUT_IN_SERVICE, true, ctx, a -> a);
  }

  /**
   * Records the removal (uninstallation) of an asset in service; the customer must return it.
   *
   * @param id the asset
   * @param returnBy the last day to return it
   * @param ctx the change's circumstances
   * @return the changed agreement
   */
  public Agreement removeAsset(AssetId id, LocalDate returnBy, ChangeContext ctx) {
    requireReturnDate(returnBy, ctx);
    return assetChange(id, AssetAction.REMOVE, AgreementEventType.ASSET_REMOVED, false, ctx,
        a -> a.withReturnBy(returnBy));
  }

  /**
   * Asks the customer to return a delivered asset, e.g. because the wrong item was sent.
   *
   * @param id the asset
   * @param fault who caused the return
   * @param returnBy the last day to return it
   * @param ctx the change's circumstances
   * @return the changed agreement
   */
  public Agreement requestAssetReturn(AssetId id, FaultParty fault, LocalDate returnBy, ChangeContext ctx) {
    Objects.requireNonNull(fault, "fault");
    requireReturnDate(returnBy, ctx);
    return assetChange(id, AssetAction.REQUEST_RETURN, AgreementEventType.ASSET_RETURN_REQUESTED, false, ctx,
        a -> a.withFault(fault).withReturnBy(returnBy));
  }

  /**
   * Replaces a delivered asset with a newly ordered one. The old asset must be returned by
   * {@code returnBy}; until then the customer may hold both (the bank's wrong card kept until the
   * right one arrives). Records two events: the replacement of the old asset and the order of the
   * new one.
   *
   * @param id the asset to replace
   * @param replacement the new asset's id
   * @param fault who caused the replacement
   * @param returnBy the last day to return the old asset
   * @param ctx the change's circumstances
   * @return the changed agreement
   * @throws IllegalStateException unless the agreement is pending activation or active
   */
  public Agreement replaceAsset(AssetId id, AssetId replacement, FaultParty fault, LocalDate returnBy,
      ChangeContext ctx) {
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(fault, "fault");
    requireReturnDate(returnBy, ctx);
    Checks.check(asset(replacement).isEmpty(), "Agreement %s already has an asset %s", id(), replacement);
    Objects.requireNonNull(id, "id");
    requireTimeOrder(ctx);
    requireProvisioning("replace asset " + id);
    Asset asset = requireAsset(id);
    AssetStatus to = Asset.lifecycle().next(id.value() + " of agreement " + id(), asset.status(), AssetAction.REPLACE);
    Asset old = ImmutableAsset.copyOf(asset).withStatus(to).withFault(fault).withReturnBy(returnBy)
        .withReplacedBy(replacement);
    Asset fresh = Asset.builder().id(replacement).item(old.item()).productCode(old.productCode())
        .status(AssetStatus.ORDERED).replaces(id).build();
    int version = currentVersion().number();
    return build(status(), signature(), versions(), append(replace(assets(), old), fresh), amendments(), List.of(
        event(1, ctx, AgreementEventType.ASSET_REPLACED, status(), version, e -> e.asset(old)),
        event(2, ctx, AgreementEventType.ASSET_ORDERED, status(), version, e -> e.asset(fresh))));
  }

  /**
   * Records that an asset came back.
   *
   * @param id the asset
   * @param ctx the change's circumstances
   * @return the changed agreement
   */
  public Agreement returnAsset(AssetId id, ChangeContext ctx) {
    return assetChange(id, AssetAction.RETURN, AgreementEventType.ASSET_RETURNED, false, ctx, a -> a);
  }

  /**
   * Records that an asset was lost or stolen.
   *
   * @param id the asset
   * @param ctx the change's circumstances
   * @return the changed agreement
   */
  public Agreement reportAssetLost(AssetId id, ChangeContext ctx) {
    return assetChange(id, AssetAction.REPORT_LOST, AgreementEventType.ASSET_LOST, false, ctx, a -> a);
  }

  /**
   * Cancels an asset order before delivery.
   *
   * @param id the asset
   * @param ctx the change's circumstances
   * @return the changed agreement
   */
  public Agreement cancelAsset(AssetId id, ChangeContext ctx) {
    return assetChange(id, AssetAction.CANCEL, AgreementEventType.ASSET_CANCELLED, false, ctx, a -> a);
  }

  private Agreement assetChange(AssetId id, AssetAction action, AgreementEventType type, boolean fulfilment,
      ChangeContext ctx, UnaryOperator<ImmutableAsset> change) {
    Objects.requireNonNull(id, "id");
    requireTimeOrder(ctx);
    if (fulfilment && !FULFILLING.contains(status())) {
      throw new IllegalStateException("Agreement " + id() + " is " + status() + "; cannot record " + action
          + " of asset " + id + ": deliveries and installations are recorded only while the agreement is "
          + "PENDING_ACTIVATION, ACTIVE, SUSPENDED or PENDING_TERMINATION");
    }
    Asset asset = requireAsset(id);
    AssetStatus to = Asset.lifecycle().next(id.value() + " of agreement " + id(), asset.status(), action);
    Asset changed = change.apply(ImmutableAsset.copyOf(asset).withStatus(to));
    return next(status(), signature(), versions(), replace(assets(), changed), amendments(), ctx, type,
        e -> e.asset(changed));
  }

  private Asset requireAsset(AssetId id) {
    return asset(id).orElseThrow(() -> new IllegalArgumentException("Agreement " + id() + " has no asset " + id));
  }

  private void requireProvisioning(String what) {
    if (!PROVISIONING.contains(status())) {
      throw new IllegalStateException("Agreement " + id() + " is " + status() + "; cannot " + what
          + ": assets are provisioned only while the agreement is PENDING_ACTIVATION or ACTIVE");
    }
  }

  private void requireInstallation(AssetId id, boolean needed) {
    Objects.requireNonNull(id, "id");
    Asset asset = requireAsset(id);
    boolean requires = productOf(asset).requiresInstallation();
    if (requires != needed) {
      throw new IllegalStateException("Asset " + id + " (" + asset.productCode() + ") "
          + (requires ? "needs installation; use installAsset" : "needs no installation; use putAssetInService"));
    }
  }

  private Product productOf(Asset asset) {
    for (int i = versions().size() - 1; i >= 0; i--) {
      Optional<AgreementItem> item = versions().get(i).terms().item(asset.item());
      if (item.isPresent()) {
        return item.get().product();
      }
    }
    throw new IllegalStateException("Asset " + asset.id() + " refers to item " + asset.item()
        + " that no version of agreement " + id() + " has");
  }

  private void requireReturnDate(LocalDate returnBy, ChangeContext ctx) {
    Objects.requireNonNull(returnBy, "returnBy");
    Objects.requireNonNull(ctx, "ctx");
    LocalDate today = ctx.date(zone());
    Checks.check(!returnBy.isBefore(today), "Agreement %s: return-by date %s is before today (%s)", id(), returnBy,
        today);
  }

  // ---------------------------------------------------------------- usage

  /**
   * Records the use of units of an entitlement, after checking that the customer is entitled to
   * them now, through the context's channel.
   *
   * @param entitlement the entitlement used
   * @param units how many units, at least 1
   * @param ctx the change's circumstances
   * @return the agreement with the usage recorded
   * @throws EntitlementDeniedException if the check denies the use (the exception holds the check)
   */
  public Agreement recordUsage(EntitlementId entitlement, int units, ChangeContext ctx) {
    Objects.requireNonNull(entitlement, "entitlement");
    Objects.requireNonNull(ctx, "ctx");
    requireTimeOrder(ctx);
    EntitlementCheck check = Entitlements.check(this, entitlement, Optional.of(ctx.channel()), ctx.at(), units);
    if (!check.allowed()) {
      throw new EntitlementDeniedException(check);
    }
    return next(status(), signature(), versions(), assets(), amendments(), ctx, AgreementEventType.USAGE_RECORDED,
        e -> e.entitlement(entitlement).units(units));
  }

  // ---------------------------------------------------------------- mechanics

  private AgreementStatus transition(AgreementAction action, ChangeContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    AgreementStatus to = LIFECYCLE.next(id().value(), status(), action);
    requireTimeOrder(ctx);
    return to;
  }

  private void requireTimeOrder(ChangeContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    Instant last = events().get(events().size() - 1).at();
    Checks.check(!ctx.at().isBefore(last), "Agreement %s: a change at %s cannot follow its last event at %s; "
        + "history is recorded in time order (check the injected clock)", id(), ctx.at(), last);
  }

  private Agreement simple(AgreementAction action, AgreementEventType type, ChangeContext ctx) {
    AgreementStatus to = transition(action, ctx);
    return next(to, signature(), versions(), assets(), amendments(), ctx, type, e -> { });
  }

  private Agreement next(AgreementStatus status, Optional<Evidence> signature, List<AgreementVersion> versions,
      List<Asset> assets, List<Amendment> amendments, ChangeContext ctx, AgreementEventType type,
      Consumer<ImmutableAgreementEvent.Builder> detail) {
    AgreementEvent event = event(1, ctx, type, status, versions.get(versions.size() - 1).number(), detail);
    return build(status, signature, versions, assets, amendments, List.of(event));
  }

  private AgreementEvent event(int offset, ChangeContext ctx, AgreementEventType type, AgreementStatus status,
      int version, Consumer<ImmutableAgreementEvent.Builder> detail) {
    ImmutableAgreementEvent.Builder event = AgreementEvent.builder().sequence(events().size() + (long) offset)
        .type(type).at(ctx.at()).actor(ctx.actor()).channel(ctx.channel()).reason(ctx.reason()).status(status)
        .version(version);
    detail.accept(event);
    return event.build();
  }

  private Agreement build(AgreementStatus status, Optional<Evidence> signature, List<AgreementVersion> versions,
      List<Asset> assets, List<Amendment> amendments, List<AgreementEvent> newEvents) {
    if (LOG.isDebugEnabled()) {
      for (AgreementEvent e : newEvents) {
        LOG.debug("Agreement {} event {} {}: {} -> {}, version {}, by {} via {}", id(), e.sequence(), e.type(),
            status(), e.status(), e.version(), e.actor(), e.channel());
      }
    }
    return ImmutableAgreement.builder().id(id()).customer(customer()).provider(provider()).zone(zone())
        .status(status).signature(signature).addAllVersions(versions).addAllAssets(assets)
        .addAllAmendments(amendments).addAllEvents(events()).addAllEvents(newEvents).build();
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list.size() + 1);
    copy.addAll(list);
    copy.add(item);
    return copy;
  }

  private static List<Asset> replace(List<Asset> assets, Asset changed) {
    return assets.stream().map(a -> a.id().equals(changed.id()) ? changed : a).collect(Collectors.toList());
  }

  private static List<Amendment> replace(Collection<Amendment> amendments, Amendment changed) {
    return amendments.stream().map(a -> a.id().equals(changed.id()) ? changed : a).collect(Collectors.toList());
  }

  // ---------------------------------------------------------------- invariants

  @Value.Check
  void check() {
    AgreementIntegrity.check(this);
  }

  /** E.g. {@code Agreement[AG-42, customer C-1, ACTIVE, version 2]}; no terms, no personal data. */
  @Override
  public String toString() {
    return "Agreement[" + id() + ", customer " + customer() + ", " + status() + ", version "
        + currentVersion().number() + "]";
  }
}
