package io.cemkit.workflow;

import io.cemkit.core.Actor;
import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AgreementTerms;
import io.cemkit.core.Asset;
import io.cemkit.core.AssetId;
import io.cemkit.core.AssetStatus;
import io.cemkit.core.ChangeContext;
import io.cemkit.core.Channel;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.ConsentRequiredException;
import io.cemkit.core.CrossCustomerLinkException;
import io.cemkit.core.Customer;
import io.cemkit.core.CustomerId;
import io.cemkit.core.Direction;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.Evidence;
import io.cemkit.core.EvidenceMethod;
import io.cemkit.core.FaultParty;
import io.cemkit.core.IllegalTransitionException;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionClass;
import io.cemkit.core.InteractionId;
import io.cemkit.core.Interactions;
import io.cemkit.core.InvoiceId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.ProviderId;
import io.cemkit.core.SettlementState;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.internal.Checks;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.spi.Billing;
import io.cemkit.workflow.spi.Catalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The CRM's own processes, ready to deploy (W8): lead to order, activation, suspension, resumption,
 * termination, renewal, installation, removal, replacement of equipment, complaint handling and
 * collection, wired to core's agreement and asset state machines.
 *
 * <h2>The rule they share</h2>
 * An agreement changes state only when its service process completes. Each service process starts
 * with a {@code check} step that tries the change on the agreement as it is now (nothing is stored):
 * if the agreement's state machine refuses it (resume a terminated agreement, install an asset that
 * is already in service), the instance ends at once with outcome {@value #REFUSED} and the reason in
 * the variable {@value #REFUSAL}. Otherwise the work goes to people (a queue or a field-service
 * partner), and the final {@code apply} step makes the change for real, through the
 * {@link AgreementStore} with its revision check, as an agreement event whose actor is the system
 * {@value #ACTOR}, whose channel is the instance's {@value #CHANNEL} variable and whose reason is the
 * {@value #REASON} variable (or the process name). If the agreement changed meanwhile so that the
 * change is no longer allowed (the customer paid while the service was being cut), {@code apply} refuses
 * it too, and the people who did the work get an {@code undo} step (same queue or partner) so that the
 * network matches the agreement again; renewal has no physical work and simply ends.
 * An {@code apply} run again after the instance's own write failed (the engine puts the instance
 * back, and the completion or {@link WorkflowEngine#fireTimers()} is repeated) finds the change it
 * made, by the process named in the event's reason, and ends with {@value #DONE}; nothing is done twice.
 * An instance acts only on its own customer's records: {@code check} and {@code apply} refuse an
 * agreement of another customer, and a complaint's dispute step fails with a
 * {@link CrossCustomerLinkException} rather than dispute another customer's invoice.
 *
 * <table>
 *   <caption>The processes (key = entitlement service type for the SLA; steps in order)</caption>
 *   <tr><th>Key</th><th>Steps</th><th>Change on completion</th><th>Variables</th></tr>
 *   <tr><td>{@value #LEAD_TO_ORDER}</td><td>qualify ({@value #SALES}: {@code lost} ends), offer ({@value #SALES}:
 *     {@code accepted} orders, anything else ends), order</td><td>a new agreement from the {@link Catalog} terms
 *     of the offer, signed with the customer's acceptance as evidence; its id in {@value #AGREEMENT}; an offer
 *     the catalog refuses goes back to the offer step with the reason in {@value #REFUSAL}; a customer not in the
 *     customer store fails the step (retry it once the customer is stored)</td>
 *     <td>{@value #OFFER} (set when completing the offer), {@value #EVIDENCE} (an {@link EvidenceMethod};
 *     default from the channel)</td></tr>
 *   <tr><td>{@value #ACTIVATION}</td><td>check, provision ({@value #PROVISIONING}), apply</td>
 *     <td>activate</td><td></td></tr>
 *   <tr><td>{@value #SUSPENSION}</td><td>check, cut ({@value #PROVISIONING}), apply</td><td>suspend</td>
 *     <td>{@value #REASON}; {@value #NON_PAYMENT} also needs {@value #INVOICE}</td></tr>
 *   <tr><td>{@value #RESUMPTION}</td><td>check, restore ({@value #PROVISIONING}), apply</td><td>resume</td>
 *     <td></td></tr>
 *   <tr><td>{@value #TERMINATION}</td><td>check, retain ({@value #RETENTION}: {@code retained} ends), deactivate
 *     ({@value #PROVISIONING}), apply</td><td>terminate now, or give notice for {@value #TERMINATION_DATE}</td>
 *     <td>{@value #TERMINATION_DATE} (a {@link LocalDate}, optional)</td></tr>
 *   <tr><td>{@value #RENEWAL}</td><td>check, confirm ({@value #SALES}: {@code declined} ends), apply</td>
 *     <td>renew</td><td></td></tr>
 *   <tr><td>{@value #INSTALLATION}</td><td>check, visit (partner {@value #FIELD_SERVICE}), apply</td>
 *     <td>deliver the asset if ordered, then install it (or put it in service if it needs no installation)</td>
 *     <td>{@value #ASSET}, {@value #SERIAL} (optional)</td></tr>
 *   <tr><td>{@value #REMOVAL}</td><td>check, visit (partner {@value #FIELD_SERVICE}), apply</td>
 *     <td>remove the asset, to be returned within the return period; returned at once if {@value #COLLECTED}
 *     is true</td><td>{@value #ASSET}, {@value #COLLECTED}</td></tr>
 *   <tr><td>{@value #REPLACEMENT}</td><td>check, visit (partner {@value #FIELD_SERVICE}), apply</td>
 *     <td>replace the asset (the old one to be returned, returned at once if {@value #COLLECTED}), deliver the
 *     replacement and install it or put it in service</td><td>{@value #ASSET}, {@value #REPLACEMENT}
 *     (the new asset's id), {@value #FAULT} (a {@link FaultParty}; default {@code PROVIDER}),
 *     {@value #COLLECTED}</td></tr>
 *   <tr><td>{@value #COMPLAINT}</td><td>triage ({@value #COMPLAINTS}: {@code billing} opens a dispute on
 *     {@value #INVOICE}, {@code rejected} answers at once), resolve ({@value #COMPLAINTS}: {@code upheld} or
 *     anything else), answer, then a call-back ({@value #COMPLAINTS}) when no channel may carry the answer</td>
 *     <td>a billing dispute opened and closed through {@link Billing}; only the dispute the instance opened
 *     (its invoice in {@value #DISPUTE}) is closed</td><td>{@value #INVOICE} for a billing complaint</td></tr>
 *   <tr><td>{@value #COLLECTION}</td><td>see {@link DunningPolicy}: await the due date, then per reminder and
 *     for the final notice: check, send, wait; then check and suspend</td><td>suspend for non-payment</td>
 *     <td>{@value #INVOICE}</td></tr>
 * </table>
 *
 * <h2>Collection</h2>
 * Every collection step asks {@link Billing} first: a paid invoice ends the run (outcome
 * {@value #PAID}); a disputed one freezes it at a hold step (a timer that pauses the SLA clock and
 * asks again every {@link DunningPolicy#disputeRecheck()}); an invoice billing does not know goes to
 * a {@value #COLLECTIONS} agent ({@code verify}: {@value #UNPAID} goes on, anything else ends). Every
 * reminder and the notice is an outbound interaction (purpose {@link ConsentPurpose#BILLING_COLLECTION},
 * linked to the agreement, the invoice and the instance) on the first channel of the policy where the
 * customer has a contact point and has not withdrawn it for billing messages; with none, a
 * {@value #COLLECTIONS} agent makes contact ({@code contact}). Service already paid for is never
 * suspended: suspension for non-payment, in collection or in {@value #SUSPENSION}, requires billing to
 * report the invoice {@link SettlementState#OPEN} and undisputed, both at the check and at the moment of
 * suspending. Collection uses timers, so the host calls {@link WorkflowEngine#fireTimers()} on a
 * schedule. Only the steps of people count as the first response of an SLA, so a collection that runs
 * without an agent is judged against its first-response deadline throughout: give collection an SLA
 * whose first response is the time you allow until a collector acts, or none (a dispute that is never
 * closed keeps collection at its hold step: watch the {@value #COLLECTIONS} desk's open disputes).
 *
 * <h2>Wiring</h2>
 * <pre>{@code
 * CrmProcesses crm = CrmProcesses.builder()
 *     .agreements(agreementStore).customers(customerStore).interactions(interactions)
 *     .billing(billing).catalog(catalog).provider(ProviderId.of("telco")).zone(ZoneId.of("Asia/Jerusalem"))
 *     .build();
 * WorkflowEngine engine = crm.registerHandlers(WorkflowEngine.builder())
 *     .clock(clock).slaResolver(SlaResolver.fromAgreements(agreementStore)).build();
 * crm.deployAll(engine);
 * engine.start(CrmProcesses.request(CrmProcesses.SUSPENSION, customer, agreement, Channel.PHONE, "req-1")
 *     .with(CrmProcesses.REASON, "travel abroad"));
 * }</pre>
 * The interactions it records must be classes of the taxonomy of the given {@link Interactions}
 * ({@value #REMINDER_CLASS}, {@value #NOTICE_CLASS}, {@value #ANSWER_CLASS} unless configured), and the
 * {@link io.cemkit.core.spi.LinkResolver} of those interactions must know the engine's instances and the
 * host's invoices; {@link Builder#build()} checks the classes. Handlers are named
 * {@code crm.<process>.<step>}. Thread-safe; stateless apart from the stores it is given.
 */
public final class CrmProcesses {
  /** Lead to order: the sale creates the agreement. */
  public static final String LEAD_TO_ORDER = "lead-to-order";
  /** Activation of a signed agreement. */
  public static final String ACTIVATION = "activation";
  /** Suspension of an active agreement. */
  public static final String SUSPENSION = "suspension";
  /** Resumption of a suspended agreement. */
  public static final String RESUMPTION = "resumption";
  /** Termination, now or on a date. */
  public static final String TERMINATION = "termination";
  /** Renewal for a new term. */
  public static final String RENEWAL = "renewal";
  /** Installation of equipment at the customer's. */
  public static final String INSTALLATION = "installation";
  /** Removal of equipment. */
  public static final String REMOVAL = "removal";
  /** Replacement of equipment. */
  public static final String REPLACEMENT = "replacement";
  /** Complaint handling, with billing disputes. */
  public static final String COMPLAINT = "complaint";
  /** Collection of an unpaid invoice: reminders, notice, suspension. */
  public static final String COLLECTION = "collection";

  /** The sales queue. */
  public static final String SALES = "sales";
  /** The queue that provisions and cuts service. */
  public static final String PROVISIONING = "provisioning";
  /** The retention desk. */
  public static final String RETENTION = "retention";
  /** The complaints desk. */
  public static final String COMPLAINTS = "complaints";
  /** The collections desk. */
  public static final String COLLECTIONS = "collections";
  /** The field-service partner that visits the customer. */
  public static final String FIELD_SERVICE = "field-service";

  /** Variable: the {@link Channel} name the request came through. */
  public static final String CHANNEL = "channel";
  /** Variable: why (recorded on the agreement event). */
  public static final String REASON = "reason";
  /** Variable: the asset's id. */
  public static final String ASSET = "asset";
  /** Variable: the replacement asset's id. */
  public static final String REPLACEMENT_ASSET = "replacement";
  /** Variable: who caused a replacement, a {@link FaultParty} name. */
  public static final String FAULT = "fault";
  /** Variable: the serial number of a delivered asset. */
  public static final String SERIAL = "serial";
  /** Variable: true when the technician took the old equipment back. */
  public static final String COLLECTED = "collected";
  /** Variable: the date a termination takes effect. */
  public static final String TERMINATION_DATE = "terminationDate";
  /** Variable: the invoice's id. */
  public static final String INVOICE = "invoice";
  /** Variable: the offer's code. */
  public static final String OFFER = "offer";
  /** Variable: how the customer accepted, an {@link EvidenceMethod} name. */
  public static final String EVIDENCE = "evidence";
  /** Variable set by lead to order: the new agreement's id. */
  public static final String AGREEMENT = "agreement";
  /** Variable set by a billing complaint's dispute step: the invoice it disputes, whose dispute it closes. */
  public static final String DISPUTE = "dispute";
  /** Variable set on refusal: why the change was refused. */
  public static final String REFUSAL = "refusal";
  /** Variable set by a sent message: the channel it went through. */
  public static final String SENT_ON = "sentOn";
  /** The {@value #REASON} that makes a suspension one for non-payment. */
  public static final String NON_PAYMENT = "non-payment";

  /** Outcome: the change is allowed now. */
  public static final String ALLOWED = "allowed";
  /** Outcome: the change is refused; see {@value #REFUSAL}. */
  public static final String REFUSED = "refused";
  /** Outcome: the change is made. */
  public static final String DONE = "done";
  /** Outcome: the message was recorded as sent. */
  public static final String SENT = "sent";
  /** Outcome: no channel may carry the message. */
  public static final String NO_CHANNEL = "no-channel";
  /** Outcome: the invoice is paid. */
  public static final String PAID = "paid";
  /** Outcome: the invoice is disputed. */
  public static final String DISPUTED = "disputed";
  /** Outcome: the invoice is unpaid. */
  public static final String UNPAID = "unpaid";
  /** Outcome: billing does not know the invoice. */
  public static final String UNKNOWN = "unknown";

  /** Default interaction class of a reminder. */
  public static final String REMINDER_CLASS = "billing.reminder";
  /** Default interaction class of the final notice. */
  public static final String NOTICE_CLASS = "billing.notice";
  /** Default interaction class of the answer to a complaint. */
  public static final String ANSWER_CLASS = "complaint.answer";
  /** The system actor of agreement changes and messages. */
  public static final String ACTOR = "cemkit-workflow";

  private static final int WRITE_ATTEMPTS = 5;

  private final AgreementStore agreements;
  private final CustomerStore customers;
  private final Interactions interactions;
  private final Billing billing;
  private final Catalog catalog;
  private final ProviderId provider;
  private final ZoneId zone;
  private final DunningPolicy dunning;
  private final Channel systemChannel;
  private final Period returnPeriod;
  private final InteractionClass reminderClass;
  private final InteractionClass noticeClass;
  private final InteractionClass answerClass;
  private final Map<String, SlaTarget> slas;
  private final Map<String, ProcessDefinition> definitions;
  private final List<ProcessDefinition> ordered;
  private final Map<String, StepHandler> handlers = new LinkedHashMap<>();

  /** A change to an agreement, tried by {@code check} and made by {@code apply}. */
  @FunctionalInterface
  private interface Change {
    Agreement apply(Agreement agreement, ChangeContext ctx, StepContext step);
  }

  /** A refusal by the processes' own rules (the agreement's state machine refuses with its own exceptions). */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message, null, false, false);
    }
  }

  private CrmProcesses(Builder b) {
    this.agreements = Objects.requireNonNull(b.agreements, "agreements");
    this.customers = Objects.requireNonNull(b.customers, "customers");
    this.interactions = Objects.requireNonNull(b.interactions, "interactions");
    this.billing = Objects.requireNonNull(b.billing, "billing");
    this.catalog = Objects.requireNonNull(b.catalog, "catalog");
    this.provider = Objects.requireNonNull(b.provider, "provider");
    this.zone = Objects.requireNonNull(b.zone, "zone");
    this.dunning = b.dunning;
    this.systemChannel = b.systemChannel;
    this.returnPeriod = b.returnPeriod;
    this.reminderClass = interactions.taxonomy().require(InteractionClass.of(b.reminderClass));
    this.noticeClass = interactions.taxonomy().require(InteractionClass.of(b.noticeClass));
    this.answerClass = interactions.taxonomy().require(InteractionClass.of(b.answerClass));
    this.slas = Map.copyOf(b.slas);
    Map<String, ProcessDefinition> all = new LinkedHashMap<>();
    for (ProcessDefinition d : List.of(leadToOrder(), service(ACTIVATION, "Activate a service", "provision",
        PROVISIONING, "Provision the service", (a, ctx, s) -> a.activate(ctx)),
        service(SUSPENSION, "Suspend a service", "cut", PROVISIONING, "Suspend the service in the network",
            (a, ctx, s) -> suspend(a, ctx, s, variable(s, REASON, String.class).filter(NON_PAYMENT::equals)
                .isPresent())),
        service(RESUMPTION, "Resume a suspended service", "restore", PROVISIONING, "Restore the service",
            (a, ctx, s) -> a.resume(ctx)),
        termination(), renewal(),
        service(INSTALLATION, "Install equipment", "visit", null, "Visit and install", this::install),
        service(REMOVAL, "Remove equipment", "visit", null, "Visit and remove", this::remove),
        service(REPLACEMENT, "Replace equipment", "visit", null, "Visit and replace", this::replace),
        complaint(), collection())) {
      all.put(d.key(), d);
    }
    for (String key : slas.keySet()) {
      if (!all.containsKey(key)) {
        throw new IllegalArgumentException("CrmProcesses: an SLA was given for '" + key + "', which is not one of the "
            + "processes " + all.keySet());
      }
    }
    this.definitions = Map.copyOf(all);
    this.ordered = List.copyOf(all.values());
  }

  /**
   * A builder; agreements, customers, interactions, billing, catalog, provider and zone are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A start request for one of these processes, with the channel it came through.
   *
   * @param process the process key, e.g. {@link #SUSPENSION}
   * @param customer the customer
   * @param agreement the agreement it serves
   * @param channel where the customer asked
   * @param idempotencyKey a key unique per intended start
   * @return the request
   */
  public static StartRequest request(String process, CustomerId customer, AgreementId agreement, Channel channel,
      String idempotencyKey) {
    return new StartRequest(process, Optional.empty(), customer, Optional.of(Objects.requireNonNull(agreement,
        "agreement")), Map.of(CHANNEL, Objects.requireNonNull(channel, "channel").name()), idempotencyKey);
  }

  /**
   * The definitions, in the order of the class description.
   *
   * @return the eleven definitions
   */
  public List<ProcessDefinition> definitions() {
    return ordered;
  }

  /**
   * One definition.
   *
   * @param key the process key
   * @return the definition
   * @throws IllegalArgumentException naming the known keys if there is no such process
   */
  public ProcessDefinition definition(String key) {
    ProcessDefinition d = definitions.get(key);
    if (d == null) {
      throw new IllegalArgumentException("No CRM process '" + key + "'; known: " + ordered.stream()
          .map(ProcessDefinition::key).toList());
    }
    return d;
  }

  /**
   * Registers the processes' step handlers with an engine builder.
   *
   * @param engine the builder
   * @return the same builder
   */
  public WorkflowEngine.Builder registerHandlers(WorkflowEngine.Builder engine) {
    handlers.forEach(engine::handler);
    return engine;
  }

  /**
   * Deploys every definition on an engine built with {@link #registerHandlers}.
   *
   * @param engine the engine
   * @return the engine
   */
  public WorkflowEngine deployAll(WorkflowEngine engine) {
    ordered.forEach(engine::deploy);
    return engine;
  }

  // ------------------------------------------------------------------------------------------
  // Definitions

  private String handler(String process, String step, StepHandler handler) {
    String name = "crm." + process + "." + step;
    handlers.put(name, handler);
    return name;
  }

  private ProcessDefinition.Builder blank(String key, String name) {
    ProcessDefinition.Builder b = ProcessDefinition.builder(key, 1).name(name).serviceType(key);
    SlaTarget sla = slas.get(key);
    return sla == null ? b : b.sla(sla);
  }

  /** check → one human step → apply, the shape of every service process. */
  private ProcessDefinition service(String key, String name, String workStep, String queue, String action,
      Change change) {
    ProcessDefinition.Builder b = blank(key, name);
    check(b, key, change, workStep);
    Performer worker = queue == null ? Performer.partner(FIELD_SERVICE) : Performer.queue(queue);
    b.step(workStep, worker, action).then("apply");
    applyOrUndo(b, key, change, worker);
    return b.build();
  }

  private void check(ProcessDefinition.Builder b, String key, Change change, String next) {
    b.step("check", Performer.automated(handler(key, "check", ctx -> tryChange(key, ctx, change, false))),
        "Check that the agreement allows it now").onOutcome(ALLOWED, next).otherwiseEnd();
  }

  private ProcessDefinition.StepBuilder apply(ProcessDefinition.Builder b, String key, Change change) {
    return b.step("apply", Performer.automated(handler(key, "apply", ctx -> tryChange(key, ctx, change, true))),
        "Change the agreement");
  }

  /**
   * The final apply after physical work: if the agreement refuses the change by then (the customer paid while
   * the service was being cut), whoever did the work undoes it, so the network matches the agreement.
   */
  private void applyOrUndo(ProcessDefinition.Builder b, String key, Change change, Performer worker) {
    apply(b, key, change).onOutcome(REFUSED, "undo").otherwiseEnd()
        .step("undo", worker, "Undo the work: the agreement refused the change (see the variable " + REFUSAL + ")");
  }

  private ProcessDefinition termination() {
    Change change = (a, ctx, s) -> variable(s, TERMINATION_DATE, LocalDate.class)
        .map(date -> a.requestTermination(date, ctx)).orElseGet(() -> a.terminate(ctx));
    ProcessDefinition.Builder b = blank(TERMINATION, "Terminate a service");
    check(b, TERMINATION, change, "retain");
    b.step("retain", Performer.queue(RETENTION), "Offer the customer a reason to stay")
        .whenEnd("the customer stays", RouteCondition.outcomeIs("retained")).otherwise("deactivate")
        .step("deactivate", Performer.queue(PROVISIONING), "Deactivate the service").then("apply");
    applyOrUndo(b, TERMINATION, change, Performer.queue(PROVISIONING));
    return b.build();
  }

  private ProcessDefinition renewal() {
    Change change = (a, ctx, s) -> a.renew(ctx);
    ProcessDefinition.Builder b = blank(RENEWAL, "Renew an agreement");
    check(b, RENEWAL, change, "confirm");
    b.step("confirm", Performer.queue(SALES), "Confirm the renewal with the customer")
        .whenEnd("the customer declines", RouteCondition.outcomeIs("declined")).otherwise("apply");
    apply(b, RENEWAL, change);
    return b.build();
  }

  private ProcessDefinition leadToOrder() {
    return blank(LEAD_TO_ORDER, "From lead to order")
        .step("qualify", Performer.queue(SALES), "Qualify the lead")
        .whenEnd("the lead is lost", RouteCondition.outcomeIs("lost")).otherwise("offer")
        .step("offer", Performer.queue(SALES), "Make an offer and record the customer's acceptance")
        .onOutcome("accepted", "order").otherwiseEnd()
        .step("order", Performer.automated(handler(LEAD_TO_ORDER, "order", this::order)),
            "Record the sale as a signed agreement")
        .onOutcome(REFUSED, "offer").otherwiseEnd()
        .build();
  }

  private ProcessDefinition complaint() {
    return blank(COMPLAINT, "Handle a complaint")
        .step("triage", Performer.queue(COMPLAINTS), "Read the complaint and classify it")
        .onOutcome("billing", "dispute").onOutcome("rejected", "answer").otherwise("resolve")
        .step("dispute", Performer.automated(handler(COMPLAINT, "dispute", this::openDispute)),
            "Open a dispute on the invoice; collection freezes").then("resolve")
        .step("resolve", Performer.queue(COMPLAINTS), "Investigate and decide")
        .onOutcome("upheld", "uphold").otherwise("reject")
        .step("uphold", Performer.automated(handler(COMPLAINT, "uphold", ctx -> closeDispute(ctx, true))),
            "Close the dispute for the customer").then("answer")
        .step("reject", Performer.automated(handler(COMPLAINT, "reject", ctx -> closeDispute(ctx, false))),
            "Close the dispute; the invoice stands").then("answer")
        .step("answer", Performer.automated(handler(COMPLAINT, "answer", ctx -> send(ctx, answerClass,
            ConsentPurpose.SERVICE))), "Send the customer the answer")
        .onOutcome(NO_CHANNEL, "call-back").otherwiseEnd()
        .step("call-back", Performer.queue(COMPLAINTS), "Call the customer with the answer")
        .build();
  }

  private ProcessDefinition collection() {
    ProcessDefinition.Builder b = blank(COLLECTION, "Collect an unpaid invoice");
    String check = handler(COLLECTION, "check", this::invoiceState);
    String remind = handler(COLLECTION, "remind", ctx -> send(ctx, reminderClass, ConsentPurpose.BILLING_COLLECTION));
    String notify = handler(COLLECTION, "notice", ctx -> send(ctx, noticeClass, ConsentPurpose.BILLING_COLLECTION));
    b.step("await-due", Performer.timer(dunning.paymentTerm()), "Wait for the due date").then("check-1");
    int stages = dunning.reminders().size() + 1;
    for (int i = 1; i <= stages; i++) {
      boolean notice = i == stages;
      String send = notice ? "notice" : "remind-" + i;
      collectionCheck(b, check, i, send);
      b.step(send, Performer.automated(notice ? notify : remind), notice ? "Send the final notice"
          : "Send reminder " + i)
          .onOutcome(NO_CHANNEL, "contact-" + i).otherwise("wait-" + i);
      b.step("contact-" + i, Performer.queue(COLLECTIONS), "Reach the customer: no channel may carry the message")
          .then("wait-" + i);
      Duration wait = notice ? dunning.noticePeriod() : dunning.reminders().get(i - 1);
      b.step("wait-" + i, Performer.timer(wait), "Give the customer time to pay").then("check-" + (i + 1));
    }
    collectionCheck(b, check, stages + 1, "suspend");
    Change forNonPayment = (a, ctx, s) -> suspend(a, ctx, s, true);
    b.step("suspend", Performer.automated(handler(COLLECTION, "suspend", ctx -> tryChange(COLLECTION, ctx,
        forNonPayment, true))), "Suspend the service for non-payment");
    return b.build();
  }

  private void collectionCheck(ProcessDefinition.Builder b, String handler, int i, String next) {
    b.step("check-" + i, Performer.automated(handler), "Ask billing about the invoice")
        .whenEnd("the invoice is paid", RouteCondition.outcomeIs(PAID))
        .onOutcome(DISPUTED, "hold-" + i).onOutcome(UNKNOWN, "verify-" + i).otherwise(next)
        .step("hold-" + i, Performer.timer(dunning.disputeRecheck()), "Frozen while the invoice is disputed")
        .pausesSla().then("check-" + i)
        .step("verify-" + i, Performer.queue(COLLECTIONS), "Billing does not know the invoice: verify it")
        .onOutcome(UNPAID, next).otherwiseEnd();
  }

  // ------------------------------------------------------------------------------------------
  // Handlers

  /** Tries a change on the current agreement; with {@code store}, makes it. */
  private StepResult tryChange(String process, StepContext ctx, Change change, boolean store) {
    AgreementId id = ctx.agreement().orElse(null);
    if (id == null) {
      return refused("process instance " + ctx.instance() + " serves no agreement; start it with one");
    }
    for (int attempt = 1; ; attempt++) {
      Versioned<Agreement> current = agreements.find(id).orElse(null);
      if (current == null) {
        return refused("agreement " + id + " does not exist");
      }
      if (!current.value().customer().equals(ctx.customer())) {
        return refused("agreement " + id + " belongs to customer " + current.value().customer() + ", not to customer "
            + ctx.customer() + ", whom process instance " + ctx.instance() + " serves");
      }
      if (store && madeBy(current.value(), ctx.instance())) {
        // An earlier attempt of this step made the change and then the instance's own write was lost
        // (the engine put the instance back): the change is done, and it is this instance's.
        return StepResult.of(DONE);
      }
      Agreement next;
      try {
        next = change.apply(current.value(), changeContext(process, ctx), ctx);
      } catch (Refusal | IllegalTransitionException | IllegalStateException | IllegalArgumentException e) {
        return refused(e.getMessage());
      }
      if (!store) {
        return StepResult.of(ALLOWED);
      }
      try {
        agreements.update(next, current.revision());
        return StepResult.of(DONE);
      } catch (StaleWriteException e) {
        if (attempt == WRITE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static StepResult refused(String why) {
    return StepResult.of(REFUSED, Map.of(REFUSAL, why.length() > 1_000 ? why.substring(0, 1_000) : why));
  }

  private ChangeContext changeContext(String process, StepContext ctx) {
    String reason = process.equals(COLLECTION) ? NON_PAYMENT + " of invoice " + required(ctx, INVOICE)
        : variable(ctx, REASON, String.class).orElse(definitions.get(process).name());
    return ChangeContext.of(Clock.fixed(ctx.now(), ZoneOffset.UTC), Actor.system(ACTOR), channel(ctx),
        reason + mark(ctx.instance()));
  }

  /** How the reason of every agreement event an instance records ends. */
  private static String mark(ProcessInstanceId instance) {
    return " (process " + instance + ")";
  }

  /** Whether an instance has already changed the agreement: one step of it writes there, once. */
  private static boolean madeBy(Agreement agreement, ProcessInstanceId instance) {
    String mark = mark(instance);
    Actor system = Actor.system(ACTOR);
    return agreement.events().stream().anyMatch(e -> e.actor().equals(system) && e.reason().endsWith(mark));
  }

  private Channel channel(StepContext ctx) {
    return constant(ctx, CHANNEL, Channel.class).orElse(systemChannel);
  }

  /** Suspends; for non-payment only when billing reports the invoice open and undisputed. */
  private Agreement suspend(Agreement agreement, ChangeContext ctx, StepContext step, boolean forNonPayment) {
    if (forNonPayment) {
      InvoiceId invoice = invoice(step);
      SettlementState state = billing.invoiceState(agreement.id(), invoice);
      if (state != SettlementState.OPEN) {
        throw new Refusal("invoice " + invoice + " is " + state + " in billing; service already paid for (or not "
            + "known to be unpaid) is never suspended for non-payment");
      }
      if (billing.isDisputed(agreement.id(), invoice)) {
        throw new Refusal("invoice " + invoice + " is disputed; no suspension for non-payment while it is");
      }
    }
    return agreement.suspend(ctx);
  }

  private Agreement install(Agreement agreement, ChangeContext ctx, StepContext step) {
    AssetId id = AssetId.of(required(step, ASSET));
    Agreement delivered = deliverIfOrdered(agreement, id, ctx, step);
    return inService(delivered, id, ctx);
  }

  private Agreement remove(Agreement agreement, ChangeContext ctx, StepContext step) {
    AssetId id = AssetId.of(required(step, ASSET));
    return returnedIfCollected(agreement.removeAsset(id, ctx.date(agreement.zone()).plus(returnPeriod), ctx), id,
        ctx, step);
  }

  private Agreement replace(Agreement agreement, ChangeContext ctx, StepContext step) {
    AssetId id = AssetId.of(required(step, ASSET));
    AssetId fresh = AssetId.of(required(step, REPLACEMENT_ASSET));
    FaultParty fault = constant(step, FAULT, FaultParty.class).orElse(FaultParty.PROVIDER);
    Agreement replaced = agreement.replaceAsset(id, fresh, fault, ctx.date(agreement.zone()).plus(returnPeriod), ctx);
    Agreement installed = inService(deliverIfOrdered(replaced, fresh, ctx, step), fresh, ctx);
    return returnedIfCollected(installed, id, ctx, step);
  }

  private static Agreement deliverIfOrdered(Agreement agreement, AssetId id, ChangeContext ctx, StepContext step) {
    Asset asset = agreement.asset(id).orElseThrow(() -> new Refusal("agreement " + agreement.id() + " has no asset "
        + id));
    if (asset.status() != AssetStatus.ORDERED) {
      return agreement;
    }
    Optional<String> serial = variable(step, SERIAL, String.class);
    return serial.isPresent() ? agreement.deliverAsset(id, serial.get(), ctx) : agreement.deliverAsset(id, ctx);
  }

  private static Agreement inService(Agreement agreement, AssetId id, ChangeContext ctx) {
    Asset asset = agreement.asset(id).orElseThrow();
    boolean install = agreement.terms().item(asset.item()).map(i -> i.product().requiresInstallation())
        .orElse(true);
    return install ? agreement.installAsset(id, ctx) : agreement.putAssetInService(id, ctx);
  }

  private static Agreement returnedIfCollected(Agreement agreement, AssetId id, ChangeContext ctx, StepContext step) {
    return variable(step, COLLECTED, Boolean.class).orElse(false) ? agreement.returnAsset(id, ctx) : agreement;
  }

  private StepResult order(StepContext ctx) {
    Optional<String> offer = variable(ctx, OFFER, String.class);
    if (offer.isEmpty()) {
      return refused("the offer step was completed as accepted without the variable '" + OFFER + "'");
    }
    if (customers.find(ctx.customer()).isEmpty()) {
      throw new UnknownEntityException("Customer", ctx.customer().value(), "process instance " + ctx.instance()
          + " cannot sign an agreement for it; store the customer (a prospect will do), then retry the instance");
    }
    ChangeContext change;
    AgreementTerms terms;
    Evidence evidence;
    try {
      change = changeContext(LEAD_TO_ORDER, ctx);
      terms = catalog.terms(offer.get(), ctx.customer(), LocalDate.ofInstant(ctx.now(), zone));
      evidence = Evidence.of(ctx.now(), change.channel(), evidence(ctx, change.channel()), ctx.instance().value());
    } catch (Refusal | IllegalArgumentException e) {
      return refused(e.getMessage());
    }
    AgreementId id = AgreementId.of("A-" + ctx.instance().value());
    Agreement signed = Agreement.draft(id, ctx.customer(), provider, zone, terms, change).sign(evidence, change);
    try {
      agreements.insert(signed);
    } catch (DuplicateEntityException e) {
      // A retried step: the first attempt stored it; it must be this customer's.
      Agreement stored = agreements.find(id).orElseThrow(() -> e).value();
      if (!stored.customer().equals(ctx.customer())) {
        throw e;
      }
    }
    return StepResult.of(DONE, Map.of(AGREEMENT, id.value()));
  }

  private static EvidenceMethod evidence(StepContext ctx, Channel channel) {
    Optional<EvidenceMethod> method = constant(ctx, EVIDENCE, EvidenceMethod.class);
    if (method.isPresent()) {
      return method.get();
    }
    switch (channel) {
      case PHONE:
        return EvidenceMethod.RECORDED_CALL;
      case BRANCH:
      case FIELD:
      case LETTER:
      case FAX:
        return EvidenceMethod.SIGNATURE;
      default:
        return EvidenceMethod.CLICKWRAP;
    }
  }

  private StepResult openDispute(StepContext ctx) {
    AgreementId agreement = ctx.agreement().orElseThrow(() -> new IllegalStateException("process instance "
        + ctx.instance() + " has no agreement, so no invoice of it can be disputed"));
    Optional<CustomerId> owner = agreements.find(agreement).map(v -> v.value().customer());
    if (owner.isPresent() && !owner.get().equals(ctx.customer())) {
      throw new CrossCustomerLinkException("Process instance " + ctx.instance() + " of customer " + ctx.customer(),
          "agreement " + agreement, owner.get());
    }
    InvoiceId invoice = invoice(ctx);
    billing.openDispute(agreement, invoice, variable(ctx, REASON, String.class).orElse("complaint "
        + ctx.instance()), ctx.now());
    return StepResult.of(DONE, Map.of(DISPUTE, invoice.value()));
  }

  /**
   * Closes the dispute this instance opened, if it opened one: a complaint triaged as something else
   * that merely names an invoice must neither credit it nor end another complaint's dispute.
   */
  private StepResult closeDispute(StepContext ctx, boolean upheld) {
    Optional<String> disputed = variable(ctx, DISPUTE, String.class);
    if (disputed.isPresent() && ctx.agreement().isPresent()) {
      billing.closeDispute(ctx.agreement().get(), InvoiceId.of(disputed.get()), upheld, ctx.now());
    }
    return StepResult.of(DONE);
  }

  private StepResult invoiceState(StepContext ctx) {
    AgreementId agreement = ctx.agreement().orElseThrow(() -> new IllegalStateException("collection instance "
        + ctx.instance() + " has no agreement; start it with the agreement the invoice bills"));
    InvoiceId invoice = invoice(ctx);
    SettlementState state = billing.invoiceState(agreement, invoice);
    if (state == SettlementState.SETTLED) {
      return StepResult.of(PAID);
    }
    if (billing.isDisputed(agreement, invoice)) {
      return StepResult.of(DISPUTED);
    }
    return StepResult.of(state == SettlementState.OPEN ? UNPAID : UNKNOWN);
  }

  /**
   * Records an outbound message on the first channel that may carry it; the interaction's id derives
   * from the instance and the step, so a retried step does not send twice.
   */
  private StepResult send(StepContext ctx, InteractionClass kind, ConsentPurpose purpose) {
    Customer customer = customers.find(ctx.customer()).map(Versioned::value).orElseThrow(() ->
        new UnknownEntityException("Customer", ctx.customer().value(), "process instance " + ctx.instance()
            + " must message it"));
    InteractionId id = InteractionId.of(ctx.instance().value() + ":" + ctx.step().id());
    Optional<InvoiceId> invoice = ctx.variables().containsKey(INVOICE) ? Optional.of(invoice(ctx)) : Optional.empty();
    List<String> refused = new ArrayList<>();
    for (Channel channel : dunning.channels()) {
      if (customer.contactPoints(channel).isEmpty()) {
        continue;
      }
      Interaction message = Interaction.builder().id(id).customer(customer.id()).channel(channel)
          .direction(Direction.OUTBOUND).classification(kind).purpose(purpose).startedAt(ctx.now()).endedAt(ctx.now())
          .performer(Actor.system(ACTOR)).agreement(ctx.agreement()).invoice(invoice)
          .processInstance(ctx.instance()).outcome(SENT).build();
      try {
        interactions.record(message);
      } catch (ConsentRequiredException e) {
        refused.add(channel.name().toLowerCase(Locale.ROOT));
        continue;
      } catch (DuplicateEntityException e) {
        // Recorded by an earlier attempt of this step.
        return StepResult.of(SENT);
      }
      return StepResult.of(SENT, Map.of(SENT_ON, channel.name()));
    }
    return StepResult.of(NO_CHANNEL, Map.of(REFUSAL, refused.isEmpty() ? "no contact point on " + dunning.channels()
        : "withdrawn for " + purpose + " on " + refused + "; no contact point on the other channels"));
  }

  private static InvoiceId invoice(StepContext ctx) {
    return InvoiceId.of(required(ctx, INVOICE));
  }

  private static String required(StepContext ctx, String name) {
    return variable(ctx, name, String.class).orElseThrow(() -> new Refusal("process instance " + ctx.instance()
        + " at step " + ctx.step().id() + " needs the variable '" + name + "'"));
  }

  /** A variable that holds the name of an enum constant; refused naming the allowed names otherwise. */
  private static <E extends Enum<E>> Optional<E> constant(StepContext ctx, String name, Class<E> type) {
    Optional<String> value = variable(ctx, name, String.class);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, value.get()));
    } catch (IllegalArgumentException e) {
      throw new Refusal("variable '" + name + "' is '" + value.get() + "', not one of "
          + List.of(type.getEnumConstants()));
    }
  }

  private static <T> Optional<T> variable(StepContext ctx, String name, Class<T> type) {
    Object value = ctx.variables().get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      // The value itself is not repeated: variables may hold personal data, and refusals reach the audit trail.
      throw new Refusal("variable '" + name + "' must be a " + type.getSimpleName() + ", was a "
          + value.getClass().getSimpleName());
    }
    return Optional.of(type.cast(value));
  }

  /** Builds {@link CrmProcesses}. */
  public static final class Builder {
    private AgreementStore agreements;
    private CustomerStore customers;
    private Interactions interactions;
    private Billing billing;
    private Catalog catalog;
    private ProviderId provider;
    private ZoneId zone;
    private DunningPolicy dunning = DunningPolicy.ofDefaults();
    private Channel systemChannel = Channel.WEB;
    private Period returnPeriod = Period.ofDays(14);
    private String reminderClass = REMINDER_CLASS;
    private String noticeClass = NOTICE_CLASS;
    private String answerClass = ANSWER_CLASS;
    private final Map<String, SlaTarget> slas = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The agreements the processes change.
     *
     * @param store the store
     * @return this
     */
    public Builder agreements(AgreementStore store) {
      this.agreements = Objects.requireNonNull(store, "agreements");
      return this;
    }

    /**
     * The customers, for their contact points and consents.
     *
     * @param store the store
     * @return this
     */
    public Builder customers(CustomerStore store) {
      this.customers = Objects.requireNonNull(store, "customers");
      return this;
    }

    /**
     * Where outbound messages are recorded (and their basis checked).
     *
     * @param interactions the interactions
     * @return this
     */
    public Builder interactions(Interactions interactions) {
      this.interactions = Objects.requireNonNull(interactions, "interactions");
      return this;
    }

    /**
     * The host's billing.
     *
     * @param billing the billing
     * @return this
     */
    public Builder billing(Billing billing) {
      this.billing = Objects.requireNonNull(billing, "billing");
      return this;
    }

    /**
     * The host's offers, for lead to order.
     *
     * @param catalog the catalog
     * @return this
     */
    public Builder catalog(Catalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * The provider of the agreements a sale creates.
     *
     * @param provider the provider
     * @return this
     */
    public Builder provider(ProviderId provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * The zone of the agreements a sale creates, and of their start dates.
     *
     * @param zone the zone
     * @return this
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * How collection chases unpaid invoices; {@link DunningPolicy#ofDefaults()} unless given. Its
     * channels are also those complaint answers may use.
     *
     * @param policy the policy
     * @return this
     */
    public Builder dunning(DunningPolicy policy) {
      this.dunning = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The channel recorded for changes whose instance has no {@value CrmProcesses#CHANNEL} variable
     * (a suspension at the end of collection); {@link Channel#WEB} unless given.
     *
     * @param channel the channel
     * @return this
     */
    public Builder systemChannel(Channel channel) {
      this.systemChannel = Objects.requireNonNull(channel, "channel");
      return this;
    }

    /**
     * How long a customer has to return removed or replaced equipment; 14 days unless given.
     *
     * @param period the period, positive
     * @return this
     * @throws IllegalArgumentException if the period is not positive
     */
    public Builder returnPeriod(Period period) {
      Objects.requireNonNull(period, "period");
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("CrmProcesses.returnPeriod must be positive, was " + period);
      }
      this.returnPeriod = period;
      return this;
    }

    /**
     * The interaction classes of reminders, notices and complaint answers, which the taxonomy must
     * hold.
     *
     * @param reminder the reminders' class
     * @param notice the notice's class
     * @param answer the answers' class
     * @return this
     * @throws IllegalArgumentException naming the class if one is not an interaction class code
     */
    public Builder messageClasses(String reminder, String notice, String answer) {
      // Checked here, where the message can say which of the three is wrong.
      this.reminderClass = Checks.code("CrmProcesses.messageClasses reminder", reminder);
      this.noticeClass = Checks.code("CrmProcesses.messageClasses notice", notice);
      this.answerClass = Checks.code("CrmProcesses.messageClasses answer", answer);
      return this;
    }

    /**
     * A process's default SLA, for instances whose agreement has no entitlement with one.
     *
     * @param process the process key
     * @param sla the SLA
     * @return this
     */
    public Builder sla(String process, SlaTarget sla) {
      slas.put(Objects.requireNonNull(process, "process"), Objects.requireNonNull(sla, "sla"));
      return this;
    }

    /**
     * Builds the processes.
     *
     * @return the processes
     * @throws NullPointerException naming a required part that is missing
     * @throws IllegalArgumentException if a message class is not in the interactions' taxonomy, or an SLA
     *     names an unknown process
     */
    public CrmProcesses build() {
      return new CrmProcesses(this);
    }
  }
}
