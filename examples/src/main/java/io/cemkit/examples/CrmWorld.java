package io.cemkit.examples;

import io.cemkit.core.Channel;
import io.cemkit.core.ConsentDecision;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.ConsentRecord;
import io.cemkit.core.Continuations;
import io.cemkit.core.CustomerContext;
import io.cemkit.core.CustomerId;
import io.cemkit.core.Evidence;
import io.cemkit.core.EvidenceMethod;
import io.cemkit.core.InteractionClass;
import io.cemkit.core.InteractionTaxonomy;
import io.cemkit.core.Interactions;
import io.cemkit.core.InvoiceId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.VirtualClock;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.LinkResolver;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.WorkflowEngine;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.SlaResolver;
import io.cemkit.workflow.spi.WorkflowListener;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The core stores a demo's CRM runs on, wired to one step engine the way a host wires them: customers,
 * agreements, the interaction log with a taxonomy and a {@link LinkResolver} that knows the engine's instances
 * and the host's invoices (so messages linked to them are checked to stay with one customer), continuations for
 * omnichannel instances, the audit log, and the engine's SLA taken from the agreements' entitlements. Everything
 * runs on one virtual clock.
 */
final class CrmWorld {
  /** The interaction class of a recorded channel switch (core's default). */
  static final String SWITCH_CLASS = "continuation.channel-switch";

  private final VirtualClock clock;
  final CustomerStore customers = CustomerStore.inMemory();
  final AgreementStore agreements = AgreementStore.inMemory();
  final InteractionLog log = InteractionLog.inMemory();
  final ContinuationStore continuationStore = ContinuationStore.inMemory();
  final AuditLog audit = AuditLog.inMemory();
  private final Map<InvoiceId, CustomerId> invoices = new ConcurrentHashMap<>();
  private final AtomicReference<WorkflowEngine> engine = new AtomicReference<>();
  final Interactions interactions;
  final Continuations continuations;

  /**
   * An empty world.
   *
   * @param clock the clock of the engine and the continuations
   * @param classes the interaction classes besides the channel switch
   */
  CrmWorld(VirtualClock clock, InteractionTaxonomy classes) {
    this.clock = Objects.requireNonNull(clock, "clock");
    LinkResolver links = new LinkResolver() {
      @Override
      public Optional<CustomerId> ownerOf(ProcessInstanceId id) {
        return Optional.ofNullable(engine.get()).flatMap(e -> e.instance(id)).map(ProcessInstance::customer);
      }

      @Override
      public Optional<CustomerId> ownerOf(InvoiceId id) {
        return Optional.ofNullable(invoices.get(id));
      }
    };
    InteractionTaxonomy taxonomy = InteractionTaxonomy.of(Stream.concat(classes.classes().stream(),
        Stream.of(InteractionClass.of(SWITCH_CLASS))).toList());
    interactions = Interactions.builder().customers(customers).agreements(agreements).log(log).taxonomy(taxonomy)
        .links(links).continuations(continuationStore).build();
    continuations = Continuations.builder().store(continuationStore).interactions(interactions).clock(clock).build();
  }

  /**
   * Builds the world's engine: its clock, audit log and SLA from the agreements, and the listeners.
   *
   * @param builder the engine builder, with the host's handlers and calendars
   * @param listeners told about every transition
   * @return the engine
   */
  WorkflowEngine engine(WorkflowEngine.Builder builder, WorkflowListener... listeners) {
    builder.clock(clock).audit(audit).slaResolver(SlaResolver.fromAgreements(agreements));
    Arrays.stream(listeners).forEach(builder::listener);
    WorkflowEngine built = builder.build();
    engine.set(built);
    return built;
  }

  /** Bills an invoice to a customer, so that a message linking it is known to be hers. */
  void invoice(InvoiceId invoice, CustomerId customer) {
    invoices.put(invoice, customer);
  }

  /** The agent's 360° view: customers, agreements, interactions, continuations and the engine's open processes. */
  CustomerContext context() {
    return CustomerContext.builder().customers(customers).agreements(agreements).interactions(log)
        .continuations(continuationStore).processes(Objects.requireNonNull(engine.get(), "engine")).build();
  }

  /** A consent withdrawn on one channel for one purpose, recorded from a call. */
  static ConsentRecord withdrawn(ConsentPurpose purpose, Channel channel, Instant at) {
    return ConsentRecord.builder().purpose(purpose).channel(channel).decision(ConsentDecision.WITHDRAWN)
        .validFrom(at).recordedAt(at).evidence(Evidence.of(at, Channel.PHONE, EvidenceMethod.RECORDED_CALL,
            "CALL-" + at.getEpochSecond())).build();
  }
}
