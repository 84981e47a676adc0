package io.cemkit.examples;

import io.cemkit.core.VirtualClock;
import io.cemkit.core.AgreementId;
import io.cemkit.core.CustomerId;
import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.Completion;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.ProcessDefinition;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.StartRequest;
import io.cemkit.workflow.Step;
import io.cemkit.workflow.StepResult;
import io.cemkit.workflow.WorkItem;
import io.cemkit.workflow.WorkflowEngine;
import io.cemkit.workflow.spi.AuditLog;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The agreement story's service process: Dana asks to suspend her account for 45 days, and the
 * request runs through the step engine — an automated check, the service agents' queue, the
 * supervisors' queue (a suspension over 30 days needs approval), and an automated suspension —
 * with the queues, the hand-over of work and the audit trail shown.
 */
public final class WorkflowDemo {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final VirtualClock clock = VirtualClock.at(Instant.parse("2026-05-12T09:00:00Z"));
  private final AuditLog audit = AuditLog.inMemory();

  /**
   * A demo that prints to the given writer.
   *
   * @param out where the story goes
   */
  public WorkflowDemo(PrintWriter out) {
    this.out = out;
  }

  /** The suspension request's definition: what the demo runs. */
  static ProcessDefinition suspension() {
    return ProcessDefinition.builder("suspension", 1)
        .name("Suspend an account at the customer's request")
        .retention(Duration.ofDays(730))
        .step("check", Performer.automated("check-agreement"), "Check the agreement may be suspended")
            .onOutcome("allowed", "confirm")
            .otherwiseEnd()
        .step("confirm", Performer.queue("service-agents"), "Confirm the dates with the customer")
            .when("over 30 days", ctx -> ctx.variable("days", Integer.class).orElse(0) > 30, "approve")
            .otherwise("suspend")
        .step("approve", Performer.queue("supervisors"), "Approve a suspension over 30 days")
            .onOutcome("approved", "suspend")
            .otherwiseEnd()
        .step("suspend", Performer.automated("suspend-agreement"), "Suspend the agreement")
        .build();
  }

  /**
   * Runs the story.
   *
   * @return the completed instance
   */
  public ProcessInstance run() {
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock).audit(audit).node("demo")
        .handler("check-agreement", ctx -> StepResult.of("allowed"))
        .handler("suspend-agreement", ctx -> StepResult.of("suspended")
            .with("suspendedFrom", ctx.now().atZone(ZoneId.of("UTC")).toLocalDate().plusDays(3).toString()))
        .capacity(performer -> 5)
        .build();
    ProcessDefinition definition = suspension();
    engine.deploy(definition);
    out.println("12. Dana asks to suspend her account for 45 days: the request runs as a process");
    out.println("  " + definition.key() + " v" + definition.version() + ": " + definition.steps().stream()
        .map(WorkflowDemo::describe).collect(Collectors.joining(" -> ")));

    ProcessInstance started = engine.start(StartRequest.of("suspension", CustomerId.of("C-DANA"), "call-2026-05-12-0907")
        .forAgreement(AgreementId.of("AG-2026-0042")).with("days", 45));
    out.println("  started " + started.id() + ": the check ran inline, now waiting at " + started.step().orElseThrow()
        + "; queue service-agents holds " + engine.queueDepth("service-agents") + " item since "
        + TIME.format(engine.oldestWaiting("service-agents").orElseThrow()));
    out.println("  a retried start with the same key returns " + engine.start(StartRequest.of("suspension",
        CustomerId.of("C-DANA"), "call-2026-05-12-0907")).id() + " and starts nothing");

    clock.advance(Duration.ofMinutes(12));
    WorkItem confirm = engine.claimNext("service-agents", "agent-17").orElseThrow();
    Completion confirmed = engine.complete(confirm.id(), confirm.token(), StepResult.of("confirmed"));
    out.println("  " + TIME.format(clock.instant()) + " agent-17 takes it from the queue and confirms: waiting at "
        + confirmed.instance().step().orElseThrow() + " (over 30 days); queue supervisors holds "
        + engine.queueDepth("supervisors"));
    Completion retried = engine.complete(confirm.id(), confirm.token(), StepResult.of("confirmed"));
    out.println("  the same completion sent again changes nothing: still at " + retried.instance().step().orElseThrow());

    clock.advance(Duration.ofMinutes(28));
    WorkItem approve = engine.claimNext("supervisors", "supervisor-3").orElseThrow();
    Completion approved = engine.complete(approve.id(), approve.token(), StepResult.of("approved"));
    ProcessInstance done = approved.instance();
    out.println("  " + TIME.format(clock.instant()) + " supervisor-3 approves; the suspension runs inline: "
        + done.status() + ", suspended from " + done.variables().get("suspendedFrom"));
    out.println("  audit trail, one record per transition:");
    List<AuditRecord> records = audit.records(done.id());
    for (AuditRecord r : records) {
      out.printf(Locale.ROOT, "    %d %-9s %-8s -> %-8s %-10s by %-17s waited %s%n", r.sequence(), r.kind(),
          r.from().orElse("(start)"), r.to().orElse("(end)"), r.outcome().orElse(""), r.actor(),
          minutes(Duration.between(r.enteredAt(), r.at())));
    }
    return done;
  }

  private static String describe(Step step) {
    return step.id() + " (" + step.performer() + ")";
  }

  private static String minutes(Duration duration) {
    return duration.toMinutes() + " min";
  }

}
