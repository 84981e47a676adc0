package io.cemkit.examples;

import io.cemkit.core.CustomerId;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.BottleneckReport;
import io.cemkit.workflow.BusinessCalendar;
import io.cemkit.workflow.InsightFigures;
import io.cemkit.workflow.InsightReport;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.ProcessDefinition;
import io.cemkit.workflow.ProcessInsight;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.SlaAlert;
import io.cemkit.workflow.SlaCompliance;
import io.cemkit.workflow.StartRequest;
import io.cemkit.workflow.StepResult;
import io.cemkit.workflow.WorkItem;
import io.cemkit.workflow.WorkflowEngine;
import io.cemkit.workflow.spi.WorkflowListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The bank's onboarding as a process (seed 001, E1): every switcher's account opening runs through the step
 * engine from the "new customers" team to card operations and, last, to the "existing customers" service team
 * for the welcome call — the handoff where the seed's promises got lost. The process has an SLA counted on the
 * bank's business calendar (Sunday to Thursday, a short day before Passover, Passover closed); a scheduler
 * calls {@code checkDeadlines()} every 15 minutes; a welcome call whose resolution falls at risk escalates to
 * the service supervisors. Two weeks of 60 switchers are simulated from a seed, and {@link ProcessInsight}
 * tells where the time went.
 */
final class OnboardingDemo {
  static final ZoneId ZONE = AgreementDemo.ZONE;
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 22);
  static final LocalDate EREV_PESACH = LocalDate.of(2026, 4, 1);
  static final LocalDate PESACH = LocalDate.of(2026, 4, 2);
  static final int SWITCHERS = 60;
  static final Instant END = LocalDate.of(2026, 4, 9).atTime(17, 0).atZone(ZONE).toInstant();
  private static final long SEED = 20260322L;

  /**
   * What the fortnight came to.
   *
   * @param report the insight report as of the end
   * @param alerts the SLA alerts raised, per kind
   * @param escalations the work items escalated
   */
  record Outcome(InsightReport report, Map<SlaAlert, Integer> alerts, int escalations) {}

  private final PrintWriter out;

  OnboardingDemo(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Sunday to Thursday 08:30–16:30 in Jerusalem; Erev Pesach until 12:30; the first day of Pesach closed. */
  static BusinessCalendar bankHours() {
    return BusinessCalendar.workingHours(ZONE).sundayToThursday(LocalTime.of(8, 30), LocalTime.of(16, 30))
        .specialDay(EREV_PESACH, LocalTime.of(8, 30), LocalTime.of(12, 30)).holiday(PESACH).build();
  }

  /** The onboarding definition: an SLA of 1 working hour to the first response and 8 to the end. */
  static ProcessDefinition onboarding() {
    return ProcessDefinition.builder("onboarding", 1).name("Open the account and move the customer over")
        .sla(SlaTarget.of(Duration.ofHours(1), Duration.ofHours(8), "bank-hours"))
        .step("kyc", Performer.automated("kyc-check"), "Check identity and the old bank's account")
            .then("open-account")
        .step("open-account", Performer.queue("new-customers"), "Open the account and order the card she chose")
            .then("issue-card")
        .step("issue-card", Performer.queue("card-operations"), "Issue the card in the cards system")
            .then("transfer")
        .step("transfer", Performer.queue("new-customers"), "Move standing orders and direct debits over")
            .then("welcome-call")
        .step("welcome-call", Performer.queue("existing-customers"),
            "First call from regular service, carrying over open promises")
            .escalate(SlaAlert.RESOLUTION_AT_RISK, "service-supervisors")
        .build();
  }

  Outcome run() {
    Instant start = FIRST_DAY.atStartOfDay(ZONE).toInstant();
    VirtualClock clock = VirtualClock.at(start);
    ProcessDefinition definition = onboarding();
    ProcessInsight insight = ProcessInsight.create(definition);
    Map<SlaAlert, Integer> alerts = new EnumMap<>(SlaAlert.class);
    int[] escalations = {0};
    BusinessCalendar hours = bankHours();
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock).node("onboarding").calendar("bank-hours", hours)
        .handler("kyc-check", ctx -> StepResult.of("passed")).listener(insight)
        .listener(new WorkflowListener() {
          @Override
          public void slaAlert(ProcessInstance instance, SlaAlert alert, Instant at) {
            alerts.merge(alert, 1, Integer::sum);
          }

          @Override
          public void escalated(WorkItem from, WorkItem to, SlaAlert alert) {
            escalations[0]++;
          }
        })
        .build().deploy(definition);

    out.println("14. Onboarding as a process: queues, the bank's calendar and an SLA");
    out.println("  " + definition.key() + " v" + definition.version() + ": " + definition.steps().stream()
        .map(s -> s.id() + " (" + s.performer() + ")").collect(Collectors.joining(" -> ")));
    out.println("  SLA: first response within 1 working hour, the whole onboarding within 8 (one working day), "
        + "on bank-hours: Sunday-Thursday 08:30-16:30, " + EREV_PESACH + " (Erev Pesach) until 12:30, " + PESACH
        + " (Pesach) closed; at risk from 80%; a welcome call at risk goes to the service supervisors");

    QueueSimulation sim = new QueueSimulation(SEED, clock, engine, hours);
    List<LocalDate> days = FIRST_DAY.datesUntil(PESACH).filter(d -> hours.isWorking(d.atTime(10, 0).atZone(ZONE)
        .toInstant())).toList();
    for (int i = 1; i <= SWITCHERS; i++) {
      LocalDate day = days.get((i - 1) % days.size());
      Instant at = sim.working(day.atTime(8, 30).atZone(ZONE).toInstant().plus(sim.between(Duration.ZERO,
          Duration.ofHours(8))));
      String n = String.format(Locale.ROOT, "%03d", i);
      sim.at(at, () -> engine.start(StartRequest.of("onboarding", CustomerId.of("S-" + n), "switch-" + n)));
    }
    sim.staff(new QueueSimulation.Staff("new-customers", 3, Duration.ofMinutes(10), Duration.ofMinutes(15),
        Duration.ofMinutes(40)), start);
    sim.staff(new QueueSimulation.Staff("card-operations", 1, Duration.ofHours(2), Duration.ofMinutes(5),
        Duration.ofMinutes(15)), start);
    sim.staff(new QueueSimulation.Staff("existing-customers", 1, Duration.ofHours(8), Duration.ofMinutes(10),
        Duration.ofMinutes(20)), start);
    sim.staff(new QueueSimulation.Staff("service-supervisors", 1, Duration.ofMinutes(30), Duration.ofMinutes(10),
        Duration.ofMinutes(20)), start);
    sim.every(Duration.ofMinutes(15), start, engine::checkDeadlines);
    sim.runUntil(END);

    InsightReport report = insight.report(start, END);
    InsightFigures process = report.processes().get(0);
    out.printf(Locale.ROOT, "  %d switchers start on the %d working days from %s to %s; checkDeadlines() runs "
        + "every 15 minutes%n", SWITCHERS, days.size(), days.get(0), days.get(days.size() - 1));
    out.printf(Locale.ROOT, "  by %s: %d completed, %d open; cycle time median %s, p90 %s, longest %s%n",
        END.atZone(ZONE).toLocalDate(), process.completed(), process.backlog(), Figures.duration(process.duration()
            .median()), Figures.duration(process.duration().p90()), Figures.duration(process.duration().max()));
    out.println("  alerts raised: " + (alerts.isEmpty() ? "none" : alerts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
        + "; welcome calls escalated to service-supervisors: " + escalations[0]);
    for (SlaCompliance c : process.sla()) {
      out.printf(Locale.ROOT, "  SLA %-10s %d judged: %d on time, %d at risk, %d breached (%s met)%n",
          c.deadline(), c.judged(), c.onTime(), c.atRisk(), c.breached(), Figures.percent(c.compliance()));
    }
    BottleneckReport bottlenecks = report.bottlenecks();
    out.println("  bottleneck: " + bottlenecks.bottleneck().map(BottleneckReport.Bottleneck::explanation)
        .orElse("none"));
    List<BottleneckReport.Bottleneck> ranked = bottlenecks.performers();
    for (BottleneckReport.Bottleneck b : ranked) {
      out.printf(Locale.ROOT, "    %-30s %5s of the delay, %s; wait median %s, work median %s%n", b.name(),
          Figures.percent(b.share()), b.cause().name().toLowerCase(Locale.ROOT), Figures.duration(b.medianWait()),
          Figures.duration(b.medianWork()));
    }
    out.flush();
    return new Outcome(report, alerts, escalations[0]);
  }
}
