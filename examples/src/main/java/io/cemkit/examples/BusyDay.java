package io.cemkit.examples;

import io.cemkit.core.Actor;
import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementId;
import io.cemkit.core.AssetId;
import io.cemkit.core.Channel;
import io.cemkit.core.CustomerId;
import io.cemkit.core.FaultParty;
import io.cemkit.workflow.BottleneckReport;
import io.cemkit.workflow.CrmProcesses;
import io.cemkit.workflow.InsightFigures;
import io.cemkit.workflow.InsightReport;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.ProcessInsight;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.SlaAlert;
import io.cemkit.workflow.SlaVerdict;
import io.cemkit.workflow.StartRequest;
import io.cemkit.workflow.spi.WorkflowListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * E2's busy day (seed 003: "measurable, so that delays and bottlenecks can be found and solved"): a Sunday of
 * 260 requests from as many subscribers, across the telecom's queues and its field-service partner. Each
 * request is a CRM process instance under its subscriber's SLA; the people of each queue work it as
 * {@link QueueSimulation} has them, a scheduler checks the deadlines every 15 minutes, and {@link ProcessInsight}
 * listens. At the end of the office day the bottleneck report says where the time went.
 *
 * @param out where the story goes
 * @param files where the pictures go
 */
record BusyDay(PrintWriter out, DemoFiles files) {
  static final LocalDate DAY = LocalDate.of(2026, 12, 13);
  /** How many requests of each process the day brings. */
  static final Map<String, Integer> MIX = mix();
  static final int REQUESTS = MIX.values().stream().mapToInt(Integer::intValue).sum();
  private static final long SEED = 20261213L;
  private static final List<Channel> CHANNELS = List.of(Channel.PHONE, Channel.PHONE, Channel.APP, Channel.WEB);

  /**
   * What the day came to.
   *
   * @param report the insight report over the day's window
   * @param alerts the SLA alerts raised, per kind
   */
  record Outcome(InsightReport report, Map<SlaAlert, Integer> alerts) {
    BottleneckReport bottlenecks() {
      return report.bottlenecks();
    }
  }

  /**
   * The people of each queue and the partner's technicians: provisioning cuts, restores and deactivates;
   * complaints triages and resolves; sales confirms renewals; retention talks to those who leave.
   */
  static List<QueueSimulation.Staff> staff() {
    return List.of(
        new QueueSimulation.Staff(CrmProcesses.PROVISIONING, 3, minutes(10), minutes(4), minutes(12)),
        new QueueSimulation.Staff(CrmProcesses.COMPLAINTS, 3, minutes(10), minutes(8), minutes(25)),
        new QueueSimulation.Staff(CrmProcesses.SALES, 2, minutes(15), minutes(5), minutes(15)),
        new QueueSimulation.Staff(CrmProcesses.RETENTION, 1, minutes(15), minutes(10), minutes(25)),
        new QueueSimulation.Staff(CrmProcesses.FIELD_SERVICE, 4, minutes(30), minutes(60), minutes(150)));
  }

  Outcome run() {
    Instant midnight = DAY.atStartOfDay(Telco.ZONE).toInstant();
    Instant from = DAY.atTime(7, 0).atZone(Telco.ZONE).toInstant();
    Instant end = DAY.atTime(Telco.CLOSES).atZone(Telco.ZONE).toInstant();
    Map<SlaAlert, Integer> alerts = new EnumMap<>(SlaAlert.class);
    ProcessInsight insight = ProcessInsight.create();
    Telco telco = new Telco(midnight, "day", insight, new WorkflowListener() {
      @Override
      public void slaAlert(ProcessInstance instance, SlaAlert alert, Instant at) {
        alerts.merge(alert, 1, Integer::sum);
      }
    });
    QueueSimulation sim = new QueueSimulation(SEED, telco.clock, telco.engine, Telco.officeHours());
    Random random = new Random(SEED);
    List<String> requests = new ArrayList<>();
    MIX.forEach((process, n) -> {
      for (int i = 0; i < n; i++) {
        requests.add(process);
      }
    });
    Collections.shuffle(requests, random);
    for (int i = 1; i <= requests.size(); i++) {
      String process = requests.get(i - 1);
      StartRequest request = subscriber(telco, i, process, CHANNELS.get(random.nextInt(CHANNELS.size())));
      sim.at(from.plus(sim.between(Duration.ZERO, Duration.ofHours(10))), () -> telco.engine.start(request));
    }
    staff().forEach(s -> sim.staff(s, midnight));
    sim.every(minutes(15), midnight, telco.engine::checkDeadlines);
    sim.runUntil(end);
    InsightReport report = insight.report(from, end);

    out.printf(Locale.ROOT, "7. A busy Sunday, %s: %d requests from %d subscribers across the queues (simulated)%n",
        DAY, REQUESTS, REQUESTS);
    out.println("  requests: " + MIX.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", ")) + "; 07:00-17:00 by phone, app and web");
    out.println("  staff: " + staff().stream().map(s -> s.queue() + " " + s.people()).collect(Collectors.joining(", "))
        + " (field-service: the partner's technicians); checkDeadlines() every 15 minutes");
    table(report);
    out.println("  alerts raised: " + (alerts.isEmpty() ? "none" : alerts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
    String text = report.bottlenecks().toText();
    List<String> idle = text.lines().filter(l -> l.contains(": 0s (0%)")).toList();
    out.println("  the bottleneck report (ProcessInsight's report(from, to).bottlenecks().toText()), without the "
        + idle.size() + " automated lines that added no delay:");
    text.lines().filter(l -> !idle.contains(l)).forEach(l -> out.println("    " + l));
    files.write(out, "bottlenecks.txt", text, "the bottleneck report as text, every line");
    files.write(out, "bottlenecks.json", NpsCommand.jsonText(report.bottlenecks()) + System.lineSeparator(),
        "the bottleneck report as JSON: performers and steps ranked by delay, each with its cause and explanation");
    files.write(out, "busy-day.mmd", mermaid(report), "the day as a Mermaid flowchart: each process to the queues "
        + "and partner it waited for, edges labelled with the delay, the bottleneck highlighted");
    return new Outcome(report, alerts);
  }

  /** Subscriber {@code n}, with an agreement in the state the request needs, and the request. */
  private static StartRequest subscriber(Telco telco, int n, String process, Channel channel) {
    String code = String.format(Locale.ROOT, "%04d", n);
    CustomerId customer = CustomerId.of("S-" + code);
    AgreementId id = AgreementId.of("AG-S-" + code);
    AssetId router = AssetId.of("router-S-" + code);
    telco.world.customers.insert(Telco.subscriber(customer, "Subscriber " + code, "s" + code + "@example.com",
        "+972-50-000" + code, false));
    boolean newLine = process.equals(CrmProcesses.INSTALLATION);
    Agreement agreement = Telco.fibre(id, customer, router, newLine ? DAY.minusDays(3) : TelecomDemo.START);
    if (!newLine) {
      agreement = Telco.installed(agreement, router, TelecomDemo.START.plusDays(4));
    }
    if (process.equals(CrmProcesses.RESUMPTION)) {
      agreement = agreement.suspend(Telco.change(DAY.minusDays(9).atTime(LocalTime.NOON), Actor.customer(customer),
          Channel.APP, "abroad"));
    }
    telco.world.agreements.insert(agreement);
    StartRequest request = CrmProcesses.request(process, customer, id, channel, "day-" + code);
    switch (process) {
      case CrmProcesses.SUSPENSION:
        return request.with(CrmProcesses.REASON, "abroad");
      case CrmProcesses.INSTALLATION:
        return request.with(CrmProcesses.ASSET, router.value());
      case CrmProcesses.REPLACEMENT:
        return request.with(CrmProcesses.ASSET, router.value()).with(CrmProcesses.REPLACEMENT_ASSET,
            router.value() + "-2").with(CrmProcesses.FAULT, FaultParty.PROVIDER.name())
            .with(CrmProcesses.COLLECTED, true);
      default:
        return request;
    }
  }

  /** Per process: requests, done, open, cycle time and SLA compliance over the day. */
  private void table(InsightReport report) {
    List<List<String>> rows = new ArrayList<>();
    for (InsightFigures p : report.processes()) {
      rows.add(List.of(p.process().orElseThrow(), Figures.count(p.entered()), Figures.count(p.completed()),
          Figures.count(p.backlog()), Figures.duration(p.duration().median()), Figures.duration(p.duration().p90()),
          met(p, SlaVerdict.Deadline.RESPONSE),
          met(p, SlaVerdict.Deadline.RESOLUTION)));
    }
    StringWriter text = new StringWriter();
    Table.print(new PrintWriter(text), List.of("process", "requests", "done", "open", "median time", "p90",
        "response met", "resolution met"), rows);
    text.toString().lines().forEach(line -> out.println("  " + line));
  }

  private static String met(InsightFigures f, SlaVerdict.Deadline deadline) {
    return f.sla().stream().filter(c -> c.deadline() == deadline).findFirst()
        .map(c -> Figures.percent(c.compliance()) + " of " + c.judged()).orElse("-");
  }

  /**
   * A Mermaid flowchart of the report: a node per process, a node per queue or partner, an edge per human or
   * partner step labelled with the step and its delay; the bottleneck's node is highlighted.
   */
  static String mermaid(InsightReport report) {
    StringBuilder m = new StringBuilder("flowchart LR\n");
    m.append("  classDef bottleneck fill:#f8d0c8,stroke:#c0392b,stroke-width:3px\n");
    Map<String, String> nodes = new LinkedHashMap<>();
    for (InsightFigures p : report.processes()) {
      String id = "p" + nodes.size();
      nodes.put(p.name(), id);
      m.append(String.format(Locale.ROOT, "  %s([\"%s<br/>%d in, %d done, %d open\"])%n", id, p.name(),
          p.entered(), p.completed(), p.backlog()));
    }
    BottleneckReport bottlenecks = report.bottlenecks();
    for (BottleneckReport.Bottleneck b : bottlenecks.performers()) {
      if (!b.name().startsWith("queue ") && !b.name().startsWith("partner ")) {
        continue;
      }
      String id = "q" + nodes.size();
      nodes.put(b.name(), id);
      m.append(String.format(Locale.ROOT, "  %s[\"%s<br/>%s of the delay, %s\"]%n", id, b.name(),
          Figures.percent(b.share()), b.cause().name().toLowerCase(Locale.ROOT)));
    }
    for (InsightFigures s : report.steps()) {
      Performer performer = s.performer().orElse(null);
      if (!(performer instanceof Performer.Queue || performer instanceof Performer.Partner)) {
        continue;
      }
      m.append(String.format(Locale.ROOT, "  %s -->|\"%s %s\"| %s%n", nodes.get(s.process().orElseThrow()),
          s.step().orElseThrow(), Figures.duration(s.delay()), nodes.get(performer.toString())));
    }
    bottlenecks.bottleneck().map(b -> nodes.get(b.name())).ifPresent(id -> m.append("  class ").append(id)
        .append(" bottleneck\n"));
    return m.toString();
  }

  private static Map<String, Integer> mix() {
    Map<String, Integer> mix = new LinkedHashMap<>();
    mix.put(CrmProcesses.COMPLAINT, 70);
    mix.put(CrmProcesses.RENEWAL, 45);
    mix.put(CrmProcesses.SUSPENSION, 35);
    mix.put(CrmProcesses.TERMINATION, 30);
    mix.put(CrmProcesses.INSTALLATION, 30);
    mix.put(CrmProcesses.RESUMPTION, 25);
    mix.put(CrmProcesses.REPLACEMENT, 25);
    return Collections.unmodifiableMap(mix);
  }

  private static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }
}
