package io.cemkit.workflow;

import io.cemkit.core.Actor;
import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementItem;
import io.cemkit.core.AgreementItemId;
import io.cemkit.core.AgreementTerms;
import io.cemkit.core.AssetId;
import io.cemkit.core.ChangeContext;
import io.cemkit.core.Channel;
import io.cemkit.core.ConsentDecision;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.ConsentRecord;
import io.cemkit.core.ContactPoint;
import io.cemkit.core.Continuations;
import io.cemkit.core.Customer;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DateRange;
import io.cemkit.core.Entitlement;
import io.cemkit.core.EntitlementId;
import io.cemkit.core.Evidence;
import io.cemkit.core.EvidenceMethod;
import io.cemkit.core.Individual;
import io.cemkit.core.InteractionTaxonomy;
import io.cemkit.core.Interactions;
import io.cemkit.core.InvoiceId;
import io.cemkit.core.PersonalData;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.Product;
import io.cemkit.core.ProductKind;
import io.cemkit.core.ProviderId;
import io.cemkit.core.RenewalPolicy;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.VirtualClock;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.LinkResolver;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.SlaResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A telecom's world for the CRM processes: Dana with e-mail and SMS, an active fibre agreement with
 * a router to install and SLA entitlements, billing, interactions, continuations, and an engine on a
 * virtual clock with the Israeli office calendar (Sunday to Thursday, 09:00 to 17:00).
 */
final class CrmFixture {
  static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
  static final CustomerId DANA = CustomerId.of("C-1");
  static final CustomerId AVI = CustomerId.of("C-2");
  static final AgreementId FIBRE = AgreementId.of("AG-FIBRE");
  static final AgreementItemId LINE = AgreementItemId.of("line");
  static final AgreementItemId ROUTER_ITEM = AgreementItemId.of("router");
  static final AssetId ROUTER = AssetId.of("router-1");
  static final InvoiceId INVOICE = InvoiceId.of("INV-2026-11");
  static final String OFFICE = "office";
  static final InteractionTaxonomy TAXONOMY = InteractionTaxonomy.of(CrmProcesses.REMINDER_CLASS,
      CrmProcesses.NOTICE_CLASS, CrmProcesses.ANSWER_CLASS, "channel.switch", "service.request");
  static final SlaTarget SUSPENSION_SLA = SlaTarget.of(Duration.ofHours(4), Duration.ofHours(8), OFFICE);
  static final SlaTarget RESUMPTION_SLA = SlaTarget.of(Duration.ofHours(2), Duration.ofHours(4), OFFICE);
  static final SlaTarget COLLECTION_SLA = SlaTarget.of(Duration.ofDays(15), Duration.ofDays(60));

  final VirtualClock clock;
  final CustomerStore customers = CustomerStore.inMemory();
  final AgreementStore agreements = AgreementStore.inMemory();
  final InteractionLog log = InteractionLog.inMemory();
  final ContinuationStore continuationStore = ContinuationStore.inMemory();
  final InMemoryBilling billing = new InMemoryBilling();
  final AtomicReference<WorkflowEngine> engineRef = new AtomicReference<>();
  final Interactions interactions;
  final Continuations continuations;
  final CrmProcesses crm;
  final AuditLog audit = AuditLog.inMemory();
  /** The in-memory store with a refusal switch, for lost writes of the instances. */
  final HookedStore store = new HookedStore();
  WorkflowEngine engine;

  /** The world at an instant in Jerusalem. */
  CrmFixture(LocalDateTime start) {
    this(start, DunningPolicyHolder.DEFAULT);
  }

  CrmFixture(LocalDateTime start, DunningPolicy dunning) {
    clock = VirtualClock.at(start.atZone(ZONE).toInstant());
    customers.insert(dana(Instant.parse("2025-01-01T00:00:00Z")));
    customers.insert(Individual.builder().id(AVI).name(PersonalData.name("Avi Cohen")).build());
    agreements.insert(activeFibre());
    billing.issue(FIBRE, INVOICE);
    LinkResolver links = new LinkResolver() {
      @Override
      public Optional<CustomerId> ownerOf(ProcessInstanceId id) {
        return engineRef.get().instance(id).map(ProcessInstance::customer);
      }

      @Override
      public Optional<CustomerId> ownerOf(InvoiceId id) {
        return id.equals(INVOICE) ? Optional.of(DANA) : Optional.empty();
      }
    };
    interactions = Interactions.builder().customers(customers).agreements(agreements).log(log).taxonomy(TAXONOMY)
        .links(links).continuations(continuationStore).build();
    continuations = Continuations.builder().store(continuationStore).interactions(interactions).clock(clock)
        .switchClass(io.cemkit.core.InteractionClass.of("channel.switch")).build();
    crm = CrmProcesses.builder().agreements(agreements).customers(customers).interactions(interactions)
        .billing(billing).catalog(CrmFixture::catalog).provider(ProviderId.of("telco")).zone(ZONE)
        .dunning(dunning).sla(CrmProcesses.COLLECTION, COLLECTION_SLA).build();
    engine = newEngine(WorkflowEngine.builder());
  }

  WorkflowEngine newEngine(WorkflowEngine.Builder builder) {
    WorkflowEngine e = crm.registerHandlers(builder).clock(clock).audit(audit).store(store)
        .calendar(OFFICE, BusinessCalendar.workingHours(ZONE).sundayToThursday(LocalTime.of(9, 0),
            LocalTime.of(17, 0)).build())
        .slaResolver(SlaResolver.fromAgreements(agreements)).build();
    engineRef.set(e);
    crm.deployAll(e);
    return e;
  }

  /** Holder so the default policy is built once. */
  private static final class DunningPolicyHolder {
    static final DunningPolicy DEFAULT = DunningPolicy.ofDefaults();
  }

  static Instant at(LocalDateTime local) {
    return local.atZone(ZONE).toInstant();
  }

  Agreement agreement() {
    return agreements.find(FIBRE).orElseThrow().value();
  }

  Agreement agreement(AgreementId id) {
    return agreements.find(id).orElseThrow().value();
  }

  /** Dana: e-mail and SMS; e-mail withdrawn for billing messages only if asked. */
  static Individual dana(Instant t) {
    return Individual.builder().id(DANA).name(PersonalData.name("Dana Levi"))
        .addContactPoints(ContactPoint.of(Channel.EMAIL, PersonalData.email("dana@example.com")))
        .addContactPoints(ContactPoint.of(Channel.SMS, PersonalData.phone("+972-54-1234567")))
        .build();
  }

  /** Dana withdraws a channel for a purpose. */
  void withdraw(Channel channel, ConsentPurpose purpose) {
    decide(channel, purpose, ConsentDecision.WITHDRAWN);
  }

  /** Dana grants a channel for a purpose. */
  void grant(Channel channel, ConsentPurpose purpose) {
    decide(channel, purpose, ConsentDecision.GRANTED);
  }

  private void decide(Channel channel, ConsentPurpose purpose, ConsentDecision decision) {
    Instant t = clock.instant();
    var stored = customers.find(DANA).orElseThrow();
    Customer updated = ((Individual) stored.value()).withConsent(ConsentRecord.builder().purpose(purpose)
        .channel(channel).decision(decision).validFrom(t).recordedAt(t)
        .evidence(Evidence.of(t, Channel.PHONE, EvidenceMethod.RECORDED_CALL, "CALL-" + t.getEpochSecond())).build());
    customers.update(updated, stored.revision());
  }

  static AgreementTerms terms(LocalDate start) {
    return AgreementTerms.builder().term(DateRange.of(start, start.plusYears(1).minusDays(1)))
        .renewal(RenewalPolicy.automatic(Period.ofYears(1))).currency(Currency.getInstance("ILS"))
        .addItems(AgreementItem.of(LINE, Product.of("FIBRE-1G", "Fibre 1 Gb/s", ProductKind.SERVICE)))
        .addItems(AgreementItem.of(ROUTER_ITEM, Product.installed("ROUTER-X", "Fibre router")))
        .addEntitlements(Entitlement.builder().id(EntitlementId.of("suspension")).serviceType(
            CrmProcesses.SUSPENSION).sla(SUSPENSION_SLA).build())
        .addEntitlements(Entitlement.builder().id(EntitlementId.of("resumption")).serviceType(
            CrmProcesses.RESUMPTION).sla(RESUMPTION_SLA).build())
        .build();
  }

  static Agreement activeFibre() {
    LocalDate start = LocalDate.of(2026, 1, 1);
    Instant signed = at(LocalDateTime.of(2025, 12, 20, 10, 0));
    ChangeContext ctx = ChangeContext.of(Clock.fixed(signed, ZoneOffset.UTC), Actor.agent("a-1"), Channel.BRANCH,
        "sale");
    ChangeContext activated = ChangeContext.of(Clock.fixed(at(start.atTime(9, 0)), ZoneOffset.UTC), Actor.agent("a-1"),
        Channel.BRANCH, "activation");
    return Agreement.draft(FIBRE, DANA, ProviderId.of("telco"), ZONE, terms(start), ctx)
        .sign(Evidence.of(signed, Channel.BRANCH, EvidenceMethod.SIGNATURE, "DOC-1"), ctx)
        .orderAsset(ROUTER, ROUTER_ITEM, ctx).activate(activated);
  }

  static AgreementTerms catalog(String offer, CustomerId customer, LocalDate start) {
    if (!offer.equals("fibre-1g")) {
      throw new IllegalArgumentException("offer '" + offer + "' is not in the catalog; known: [fibre-1g]");
    }
    return terms(start);
  }

  /** Claims and completes the instance's open item as a performer, with an outcome and variables. */
  Completion work(ProcessInstance instance, String performer, String outcome, java.util.Map<String, Object> vars) {
    ProcessInstance now = engine.instance(instance.id()).orElseThrow();
    WorkItem item = engine.claim(now.workItem().orElseThrow(), performer);
    return engine.complete(item.id(), item.token(), StepResult.of(outcome, vars));
  }

  List<AuditRecord> trail(ProcessInstance instance) {
    return audit.records(instance.id());
  }
}
