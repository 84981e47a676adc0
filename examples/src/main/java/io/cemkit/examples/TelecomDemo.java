package io.cemkit.examples;

import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementEvent;
import io.cemkit.core.AgreementId;
import io.cemkit.core.Asset;
import io.cemkit.core.AssetId;
import io.cemkit.core.CemkitException;
import io.cemkit.core.Channel;
import io.cemkit.core.CustomerId;
import io.cemkit.core.Direction;
import io.cemkit.core.Entitlements;
import io.cemkit.core.Individual;
import io.cemkit.core.Interaction;
import io.cemkit.core.InvoiceId;
import io.cemkit.core.SlaTarget;
import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.CrmProcesses;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.SlaAlert;
import io.cemkit.workflow.StartRequest;
import io.cemkit.workflow.StepResult;
import io.cemkit.workflow.WorkItem;
import io.cemkit.workflow.spi.WorkflowListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * E2, seed 003, telecom service: "the service processes keep the agreements repository up to date", each
 * under the SLA the customer's agreement grants. Maya's fibre line over 2026 through the ready CRM processes
 * ({@link CrmProcesses}) on a virtual clock: the router installed by a field-service partner that leases the
 * visit (and loses the first lease), a dunning run on her invoice and on Avi's (reminders only where billing
 * messages are allowed, her dispute freezing her run until she pays, his ending in suspension), her suspension
 * asked on a Thursday afternoon and done on Sunday within the SLA counted in office hours, the renewal refused
 * while suspended, the resumption, and the renewal inside its window; then a busy Sunday of 260 requests across
 * the queues, simulated, and the bottleneck report of the day.
 *
 * @param out where the story goes
 * @param files where the pictures go
 */
record TelecomDemo(PrintWriter out, DemoFiles files) {
  static final CustomerId MAYA = CustomerId.of("C-3001");
  static final CustomerId AVI = CustomerId.of("C-3002");
  static final AgreementId MAYA_LINE = AgreementId.of("AG-3001");
  static final AgreementId AVI_LINE = AgreementId.of("AG-3002");
  static final AssetId MAYA_ROUTER = AssetId.of("router-3001");
  static final InvoiceId MAYA_INVOICE = InvoiceId.of("INV-2603-3001");
  static final InvoiceId AVI_INVOICE = InvoiceId.of("INV-2603-3002");
  static final LocalDate START = LocalDate.of(2026, 1, 1);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT)
      .withZone(Telco.ZONE);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
      .withZone(Telco.ZONE);

  /**
   * What the story came to.
   *
   * @param maya Maya's agreement at the end of the year
   * @param avi Avi's agreement after his unpaid invoice
   * @param installation the installation's verdicts, one line per step
   * @param suspension the suspension's verdicts
   * @param mayaCollection the steps of Maya's collection, {@code step:outcome}
   * @param aviCollection the steps of Avi's collection
   * @param busyDay what happened on the busy day
   */
  record Outcome(Agreement maya, Agreement avi, List<String> installation, List<String> suspension,
      List<String> mayaCollection, List<String> aviCollection, BusyDay.Outcome busyDay) {}

  Outcome run() {
    out.println("cemkit demo telecom: a subscriber's service processes under the SLA of her agreement (seed 003)");
    out.println();
    List<SlaAlertAt> alerts = new ArrayList<>();
    Telco telco = new Telco(Telco.at(LocalDateTime.of(2025, 12, 20, 9, 0)), "telco", new WorkflowListener() {
      @Override
      public void slaAlert(ProcessInstance instance, SlaAlert alert, Instant at) {
        alerts.add(new SlaAlertAt(alert, at));
      }
    });
    subscribers(telco);
    out.println();
    List<String> installation = installation(telco);
    out.println();
    List<List<String>> collections = dunning(telco);
    out.println();
    List<String> suspension = suspension(telco, alerts);
    out.println();
    resumptionAndRenewal(telco);
    out.println();
    Agreement maya = history(telco);
    out.println();
    BusyDay.Outcome busy = new BusyDay(out, files).run();
    out.flush();
    return new Outcome(maya, agreement(telco, AVI_LINE), installation, suspension, collections.get(0),
        collections.get(1), busy);
  }

  /** An SLA alert as the listener heard it. */
  private record SlaAlertAt(SlaAlert alert, Instant at) {}

  /** Section 1: the subscribers, Maya's agreement with its SLA per process, the processes deployed. */
  private void subscribers(Telco telco) {
    Individual maya = Telco.subscriber(MAYA, "Maya Peretz", "maya.peretz@example.com", "+972-52-7654321", false);
    Individual avi = Telco.subscriber(AVI, "Avi Mizrahi", "avi.m@example.com", "+972-54-1112233", true);
    telco.world.customers.insert(maya);
    telco.world.customers.insert(avi);
    Agreement line = Telco.fibre(MAYA_LINE, MAYA, MAYA_ROUTER, START);
    telco.world.agreements.insert(line);
    telco.world.agreements.insert(Telco.installed(Telco.fibre(AVI_LINE, AVI, AssetId.of("router-3002"), START),
        AssetId.of("router-3002"), LocalDate.of(2026, 1, 4)));

    out.println("1. Maya's fibre line: the agreement every service process works on");
    out.printf(Locale.ROOT, "  customer %s: %s%n", maya.id(), maya.contactPoints().stream()
        .map(c -> c.channel() + " " + c.address().masked()).collect(Collectors.joining(", ")));
    out.printf(Locale.ROOT, "  agreement %s %s from %s, term to %s, renewed on request from %s (%d days' notice)%n",
        line.id(), line.status(), line.terms().term().start(), line.terms().term().end().orElseThrow(),
        line.terms().term().end().orElseThrow().minus(line.terms().renewal().notice()),
        line.terms().renewal().notice().getDays());
    line.terms().items().forEach(i -> out.printf(Locale.ROOT, "  item %-6s %s (%s)%s%n", i.id(), i.product().code(),
        i.product().name(), line.assets().stream().filter(a -> a.item().equals(i.id()))
            .map(a -> ", " + a.id() + " " + a.status()).collect(Collectors.joining())));
    line.terms().charges().forEach(c -> out.printf(Locale.ROOT, "  charge %s %s, %s%n", c.id(), c.amount(),
        c.periodicity()));
    out.println("  the SLA of each service process, entitlements of the agreement, counted in office hours "
        + "(Sunday-Thursday 09:00-17:00, Asia/Jerusalem):");
    Telco.SLAS.forEach((process, sla) -> out.printf(Locale.ROOT, "    %-13s first response %s, resolution %s%n",
        process, hours(sla.firstResponse()), hours(sla.resolution())));
    out.println("  deployed: " + String.join(", ", telco.keys()));
    out.println("  another subscriber, " + AVI + " (line " + AVI_LINE + "), has withdrawn e-mail for billing messages");
  }

  /** Section 2: the router's installation by the field-service partner, with a lost lease. */
  private List<String> installation(Telco telco) {
    out.println("2. The router is installed by FiberTech, the field-service partner, which leases each visit");
    moveTo(telco, LocalDateTime.of(2026, 1, 1, 9, 5));
    ProcessInstance started = telco.engine.start(CrmProcesses.request(CrmProcesses.INSTALLATION, MAYA, MAYA_LINE,
        Channel.WEB, "install-" + MAYA_ROUTER).with(CrmProcesses.ASSET, MAYA_ROUTER.value()));
    out.printf(Locale.ROOT, "  %s %s %s started with the line: check %s, waiting at %s for partner %s%n",
        WHEN.format(started.startedAt()), started.processKey(), started.id(), outcome(telco, started, "check"),
        started.step().orElseThrow(), CrmProcesses.FIELD_SERVICE);
    WorkItem first = lease(telco, LocalDateTime.of(2026, 1, 4, 9, 30), "fibertech-07", 4);
    moveTo(telco, LocalDateTime.of(2026, 1, 4, 13, 45));
    out.printf(Locale.ROOT, "  %s nobody came: expireLeases() ends %d lease, the visit is back in the queue (%d "
        + "waiting)%n", WHEN.format(now(telco)), telco.engine.expireLeases(),
        telco.engine.queueDepth(CrmProcesses.FIELD_SERVICE));
    moveTo(telco, LocalDateTime.of(2026, 1, 4, 16, 20));
    try {
      telco.engine.complete(first.id(), first.token(), StepResult.of("installed"));
    } catch (CemkitException e) {
      out.printf(Locale.ROOT, "  %s fibertech-07 reports the visit done with the old lease: refused (%s)%n",
          WHEN.format(now(telco)), e.getClass().getSimpleName());
    }
    WorkItem second = lease(telco, LocalDateTime.of(2026, 1, 5, 8, 40), "fibertech-12", 8);
    moveTo(telco, LocalDateTime.of(2026, 1, 5, 11, 20));
    telco.engine.complete(second.id(), second.token(), StepResult.of("installed", Map.of(CrmProcesses.SERIAL,
        "RX-88412")));
    Asset router = agreement(telco, MAYA_LINE).asset(MAYA_ROUTER).orElseThrow();
    out.printf(Locale.ROOT, "  %s installed and reported with the token: %s %s, serial %s%n",
        WHEN.format(now(telco)), router.id(), router.status(), router.serialNumber().orElse("-"));
    return verdicts(telco, started);
  }

  /** A technician of the partner leases the oldest visit for some hours. */
  private WorkItem lease(Telco telco, LocalDateTime when, String technician, int hours) {
    moveTo(telco, when);
    WorkItem item = telco.engine.leaseNext(CrmProcesses.FIELD_SERVICE, technician, Duration.ofHours(hours))
        .orElseThrow();
    out.printf(Locale.ROOT, "  %s technician %s leases the visit for %dh, until %s%n", WHEN.format(now(telco)),
        technician, hours, TIME.format(item.leasedUntil().orElseThrow()));
    return item;
  }

  /** Section 3: a dunning run on Maya's and Avi's March invoices. */
  private List<List<String>> dunning(Telco telco) {
    out.println("3. March: a dunning run on two invoices, reminders only on channels open to billing messages");
    moveTo(telco, LocalDateTime.of(2026, 3, 1, 10, 0));
    telco.issue(MAYA_LINE, MAYA, MAYA_INVOICE);
    telco.issue(AVI_LINE, AVI, AVI_INVOICE);
    ProcessInstance maya = collect(telco, MAYA, MAYA_LINE, MAYA_INVOICE);
    ProcessInstance avi = collect(telco, AVI, AVI_LINE, AVI_INVOICE);
    out.printf(Locale.ROOT, "  %s %s (Maya) and %s (Avi) issued, due in 14 days; %s and %s chase them%n",
        WHEN.format(now(telco)), MAYA_INVOICE, AVI_INVOICE, maya.id(), avi.id());

    days(telco, LocalDate.of(2026, 3, 17));
    moveTo(telco, LocalDateTime.of(2026, 3, 17, 11, 0));
    ProcessInstance complaint = telco.engine.start(CrmProcesses.request(CrmProcesses.COMPLAINT, MAYA, MAYA_LINE,
        Channel.PHONE, "complaint-" + MAYA_INVOICE).with(CrmProcesses.INVOICE, MAYA_INVOICE.value())
        .with(CrmProcesses.REASON, "charged for a router rental she never ordered"));
    out.printf(Locale.ROOT, "  %s Maya calls: the invoice is wrong; complaint %s%n", WHEN.format(now(telco)),
        complaint.id());
    moveTo(telco, LocalDateTime.of(2026, 3, 17, 11, 40));
    work(telco, CrmProcesses.COMPLAINTS, "desk-3", "billing");
    out.printf(Locale.ROOT, "  %s desk-3 triages it as billing and keeps it to resolve: a dispute is open, her "
        + "dunning freezes%n", WHEN.format(now(telco)));
    days(telco, LocalDate.of(2026, 3, 24));
    moveTo(telco, LocalDateTime.of(2026, 3, 24, 14, 0));
    work(telco, CrmProcesses.COMPLAINTS, "desk-3", "rejected");
    out.printf(Locale.ROOT, "  %s desk-3 finds the charge right and rejects the claim: the dispute closes, the "
        + "answer goes by %s%n", WHEN.format(now(telco)), messages(telco, MAYA).stream()
        .filter(i -> i.classification().code().equals(CrmProcesses.ANSWER_CLASS)).map(Interaction::channel)
        .findFirst().orElseThrow());
    days(telco, LocalDate.of(2026, 3, 26));
    telco.billing.pay(MAYA_LINE, MAYA_INVOICE);
    out.printf(Locale.ROOT, "  %s Maya pays%n", WHEN.format(now(telco)));
    days(telco, LocalDate.of(2026, 4, 6));

    out.println("  messages sent, each an outbound interaction linked to the agreement, the invoice and the run:");
    List<Interaction> sent = new ArrayList<>(messages(telco, MAYA));
    sent.addAll(messages(telco, AVI));
    sent.sort(Comparator.comparing(Interaction::startedAt).thenComparing(i -> i.customer().value()));
    for (Interaction i : sent) {
      out.printf(Locale.ROOT, "    %s %-6s %-5s %-16s %s%n", LocalDate.ofInstant(i.startedAt(), Telco.ZONE),
          i.customer(), i.channel(), i.classification(), i.purpose().map(Object::toString).orElse("-"));
    }
    List<String> mayaSteps = steps(telco, maya);
    List<String> aviSteps = steps(telco, avi);
    long held = mayaSteps.stream().filter(s -> s.startsWith("hold-")).count();
    ProcessInstance mayaRun = telco.engine.instance(maya.id()).orElseThrow();
    out.printf(Locale.ROOT, "  Maya's run: frozen at hold-2 for %d days while disputed (billing asked daily), reminded "
        + "again when the dispute closed, %s %s at %s; %s stays %s%n", held, mayaRun.status(), last(mayaSteps),
        WHEN.format(mayaRun.endedAt().orElseThrow()), MAYA_LINE, agreement(telco, MAYA_LINE).status());
    out.printf(Locale.ROOT, "    %s%n", String.join(" > ", mayaSteps));
    Agreement aviLine = agreement(telco, AVI_LINE);
    AgreementEvent suspended = aviLine.events().get(aviLine.events().size() - 1);
    out.printf(Locale.ROOT, "  Avi's run: never paid; %s %s %s: %s%n", WHEN.format(suspended.at()), AVI_LINE,
        aviLine.status(), suspended.reason());
    out.printf(Locale.ROOT, "    %s%n", String.join(" > ", aviSteps));
    return List.of(mayaSteps, aviSteps);
  }

  private ProcessInstance collect(Telco telco, CustomerId customer, AgreementId agreement, InvoiceId invoice) {
    return telco.engine.start(StartRequest.of(CrmProcesses.COLLECTION, customer, "collect-" + invoice)
        .forAgreement(agreement).with(CrmProcesses.INVOICE, invoice.value()));
  }

  /** Section 4: the suspension asked on Thursday afternoon and done on Sunday, within its SLA. */
  private List<String> suspension(Telco telco, List<SlaAlertAt> alerts) {
    moveTo(telco, LocalDateTime.of(2026, 11, 19, 15, 0));
    SlaTarget sla = Entitlements.check(agreement(telco, MAYA_LINE), CrmProcesses.SUSPENSION, now(telco)).sla()
        .orElseThrow();
    out.printf(Locale.ROOT, "4. %s: Maya, about to fly abroad, asks on the phone to suspend her line%n",
        WHEN.format(now(telco)));
    out.printf(Locale.ROOT, "  her agreement's SLA for a suspension: first response %s, resolution %s, on the "
        + "office calendar%n", hours(sla.firstResponse()), hours(sla.resolution()));
    ProcessInstance started = telco.engine.start(CrmProcesses.request(CrmProcesses.SUSPENSION, MAYA, MAYA_LINE,
        Channel.PHONE, "suspend-2026-11-19").with(CrmProcesses.REASON, "abroad for two weeks"));
    out.printf(Locale.ROOT, "  %s %s: check %s, waiting at %s in queue %s%n", started.processKey(), started.id(),
        outcome(telco, started, "check"), started.step().orElseThrow(), CrmProcesses.PROVISIONING);
    int before = alerts.size();
    Instant friday = Telco.at(LocalDateTime.of(2026, 11, 22, 9, 0));
    while (now(telco).isBefore(friday)) {
      telco.clock.advance(Duration.ofMinutes(15));
      telco.engine.checkDeadlines();
    }
    out.printf(Locale.ROOT, "  checkDeadlines() every 15 minutes from Thursday to Sunday 09:00: %d alerts, no "
        + "office hour passes on Friday and Saturday%n", alerts.size() - before);
    Instant claim = Telco.at(LocalDateTime.of(2026, 11, 22, 10, 20));
    while (now(telco).isBefore(claim)) {
      telco.clock.advance(Duration.ofMinutes(15).compareTo(Duration.between(now(telco), claim)) < 0
          ? Duration.ofMinutes(15) : Duration.between(now(telco), claim));
      telco.engine.checkDeadlines();
    }
    alerts.subList(before, alerts.size()).forEach(a -> out.printf(Locale.ROOT, "  %s alert %s: 80%% of the "
        + "first-response time has gone%n", WHEN.format(a.at()), a.alert()));
    WorkItem cut = telco.engine.claimNext(CrmProcesses.PROVISIONING, "ops-2").orElseThrow();
    out.printf(Locale.ROOT, "  %s ops-2 takes the cut from the queue%n", WHEN.format(now(telco)));
    moveTo(telco, LocalDateTime.of(2026, 11, 22, 10, 35));
    telco.engine.complete(cut.id(), cut.token(), StepResult.of(CrmProcesses.DONE));
    out.printf(Locale.ROOT, "  %s the line is cut; apply suspends the agreement: %s %s%n", WHEN.format(now(telco)),
        MAYA_LINE, agreement(telco, MAYA_LINE).status());
    List<String> verdicts = verdicts(telco, started);
    files.write(out, "suspension-audit.json", NpsCommand.jsonText(telco.world.audit.records(started.id()))
        + System.lineSeparator(), "the suspension's audit trail, one record per transition with its SLA verdict");
    return verdicts;
  }

  /** Section 5: renewal refused while suspended, the resumption, and the renewal inside its window. */
  private void resumptionAndRenewal(Telco telco) {
    out.println("5. Back home: resumption, and the renewal inside its window");
    moveTo(telco, LocalDateTime.of(2026, 11, 25, 20, 15));
    ProcessInstance early = telco.engine.start(CrmProcesses.request(CrmProcesses.RENEWAL, MAYA, MAYA_LINE,
        Channel.APP, "renew-2026-11-25"));
    out.printf(Locale.ROOT, "  %s renewal asked in the app while suspended: %s, %s%n", WHEN.format(now(telco)),
        outcome(telco, early, "check"), early.variables().get(CrmProcesses.REFUSAL));
    moveTo(telco, LocalDateTime.of(2026, 12, 6, 9, 10));
    out.printf(Locale.ROOT, "  %s resumption asked in the app; her terms hold no resumption entitlement, so it "
        + "runs under the process's own SLA: %s / %s%n", WHEN.format(now(telco)),
        hours(Telco.RESUMPTION_SLA.firstResponse()), hours(Telco.RESUMPTION_SLA.resolution()));
    ProcessInstance resumption = telco.engine.start(CrmProcesses.request(CrmProcesses.RESUMPTION, MAYA, MAYA_LINE,
        Channel.APP, "resume-2026-12-06"));
    moveTo(telco, LocalDateTime.of(2026, 12, 6, 9, 40));
    work(telco, CrmProcesses.PROVISIONING, "ops-5", CrmProcesses.DONE);
    out.printf(Locale.ROOT, "  %s ops-5 restores the line: %s %s%n", WHEN.format(now(telco)), MAYA_LINE,
        agreement(telco, MAYA_LINE).status());
    verdicts(telco, resumption);
    moveTo(telco, LocalDateTime.of(2026, 12, 8, 12, 0));
    ProcessInstance renewal = telco.engine.start(CrmProcesses.request(CrmProcesses.RENEWAL, MAYA, MAYA_LINE,
        Channel.PHONE, "renew-2026-12-08"));
    out.printf(Locale.ROOT, "  %s renewal asked on the phone, inside the window: check %s, waiting at %s in queue "
        + "%s%n", WHEN.format(now(telco)), outcome(telco, renewal, "check"), renewal.step().orElseThrow(),
        CrmProcesses.SALES);
    moveTo(telco, LocalDateTime.of(2026, 12, 8, 12, 25));
    work(telco, CrmProcesses.SALES, "sales-4", "confirmed");
    Agreement renewed = agreement(telco, MAYA_LINE);
    out.printf(Locale.ROOT, "  %s sales-4 confirms: %s version %d, term %s to %s%n", WHEN.format(now(telco)),
        renewed.events().get(renewed.events().size() - 1).type(), renewed.currentVersion().number(),
        renewed.currentVersion().terms().term().start(), renewed.currentVersion().terms().term().end().orElseThrow());
    verdicts(telco, renewal);
  }

  /** Section 6: the agreement's history, every change with when, who, through which channel and why. */
  private Agreement history(Telco telco) {
    Agreement line = agreement(telco, MAYA_LINE);
    out.println("6. " + MAYA_LINE + "'s history: every change an event with when, who, which channel and why");
    for (AgreementEvent e : line.events()) {
      out.printf(Locale.ROOT, "  %2d %s %-18s %-8s %-15s %-6s %s%n", e.sequence(), LocalDate.ofInstant(e.at(),
          Telco.ZONE), e.type(), e.actor().kind().name().toLowerCase(Locale.ROOT), e.actor().id(), e.channel(),
          e.reason());
    }
    files.write(out, MAYA_LINE + "-events.json", NpsCommand.jsonText(line.events()) + System.lineSeparator(),
        "the agreement's events as JSON, as Cemkit.objectMapper() writes them");
    return line;
  }

  // ------------------------------------------------------------------------------------------

  /** Each step's verdict against the instance's SLA, printed and returned. */
  private List<String> verdicts(Telco telco, ProcessInstance instance) {
    List<String> lines = telco.world.audit.records(instance.id()).stream()
        .filter(r -> r.kind() == AuditRecord.Kind.COMPLETED && r.sla().isPresent())
        .map(r -> String.format(Locale.ROOT, "%-8s %-10s %-10s %-8s due %s", r.from().orElseThrow(),
            r.outcome().orElseThrow(), r.sla().get().deadline(), r.sla().get().status(),
            WHEN.format(r.sla().get().due())))
        .toList();
    out.println("  SLA verdicts of " + instance.id() + ":");
    lines.forEach(l -> out.println("    " + l));
    return lines;
  }

  private static String outcome(Telco telco, ProcessInstance instance, String step) {
    return telco.world.audit.records(instance.id()).stream().filter(r -> r.from().filter(step::equals).isPresent())
        .findFirst().flatMap(AuditRecord::outcome).orElse("-");
  }

  private static List<String> steps(Telco telco, ProcessInstance instance) {
    return telco.world.audit.records(instance.id()).stream().filter(r -> r.kind() == AuditRecord.Kind.COMPLETED)
        .map(r -> r.from().orElseThrow() + ":" + r.outcome().orElseThrow()).toList();
  }

  private static String last(List<String> steps) {
    return steps.get(steps.size() - 1);
  }

  private static List<Interaction> messages(Telco telco, CustomerId customer) {
    return telco.world.log.recent(customer, telco.clock.instant(), 50).stream()
        .filter(i -> i.direction() == Direction.OUTBOUND).sorted(Comparator.comparing(Interaction::startedAt))
        .toList();
  }

  /** Completes what {@code who} holds from the queue (a step handed back to her), or the oldest item in it. */
  private static void work(Telco telco, String queue, String who, String outcome) {
    WorkItem item = telco.engine.heldBy(who).stream().filter(i -> i.performer().code().equals(queue)).findFirst()
        .or(() -> telco.engine.claimNext(queue, who)).orElseThrow(() -> new IllegalStateException(queue
            + " is empty"));
    telco.engine.complete(item.id(), item.token(), StepResult.of(outcome));
  }

  /**
   * An hourly scheduler calling fireTimers() up to 10:00 of {@code until}. Timers count wall-clock time: a week
   * after 10:00 on the Sunday before the clocks go forward is 11:00 on the next.
   */
  private static void days(Telco telco, LocalDate until) {
    Instant end = Telco.at(until.atTime(10, 0));
    while (telco.clock.instant().isBefore(end)) {
      Instant next = telco.clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
      telco.clock.advance(Duration.between(telco.clock.instant(), next.isBefore(end) ? next : end));
      telco.engine.fireTimers();
    }
  }

  private static void moveTo(Telco telco, LocalDateTime when) {
    telco.clock.advance(Duration.between(telco.clock.instant(), Telco.at(when)));
  }

  private static Instant now(Telco telco) {
    return telco.clock.instant();
  }

  private static Agreement agreement(Telco telco, AgreementId id) {
    return telco.world.agreements.find(id).orElseThrow().value();
  }

  private static String hours(Duration d) {
    return d.toHours() + "h";
  }
}
