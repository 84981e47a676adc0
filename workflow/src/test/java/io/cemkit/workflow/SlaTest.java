package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.AgreementId;
import io.cemkit.core.CustomerId;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.InstanceStore;
import io.cemkit.workflow.spi.WorkflowListener;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Service levels (W4): deadlines from the entitlement or the definition, on a business calendar. */
class SlaTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  /** Friday 2026-03-06, 16:00 UTC. */
  private static final Instant FRIDAY_4PM = Instant.parse("2026-03-06T16:00:00Z");
  private static final Instant MONDAY_9AM = Instant.parse("2026-03-09T09:00:00Z");

  private final VirtualClock clock = VirtualClock.at(FRIDAY_4PM);
  private final InstanceStore store = InstanceStore.inMemory();
  private final AuditLog audit = AuditLog.inMemory();
  private final List<String> alerts = Collections.synchronizedList(new ArrayList<>());

  /** review (agents) -> wait for documents (customer, pauses the SLA) -> decide (agents). */
  private static ProcessDefinition complaint() {
    return ProcessDefinition.builder("complaint", 1)
        .sla(SlaTarget.of(Duration.ofHours(2), Duration.ofHours(8), "office"))
        .step("review", Performer.queue("agents"), "Review the complaint").then("documents")
        .step("documents", Performer.queue("customer-replies"), "Wait for the customer's documents").pausesSla()
            .then("decide")
        .step("decide", Performer.queue("agents"), "Decide")
        .build();
  }

  private WorkflowEngine.Builder builder() {
    return WorkflowEngine.builder().clock(clock).store(store).audit(audit)
        .calendar("office", WorkingHours.mondayToFriday(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0)))
        .listener(new WorkflowListener() {
          @Override
          public void slaAlert(ProcessInstance instance, SlaAlert alert, Instant at) {
            alerts.add(alert + " at " + at);
          }
        });
  }

  private Completion work(WorkflowEngine engine, String queue, String outcome) {
    WorkItem item = engine.claimNext(queue, "agent-1").orElseThrow();
    return engine.complete(item.id(), item.token(), StepResult.of(outcome));
  }

  @Test
  @DisplayName("deadlines count working hours across the weekend; alerts come once each, at their time")
  void acrossTheWeekend() {
    WorkflowEngine engine = builder().build().deploy(complaint());
    ProcessInstance started = engine.start(StartRequest.of("complaint", DANA, "c-1"));
    SlaClock sla = store.find(started.id()).orElseThrow().value().sla().orElseThrow();
    // Friday 16:00-17:00 is one working hour; the rest falls on Monday.
    assertThat(sla.responseDue()).isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
    assertThat(sla.responseAtRisk()).isEqualTo(Instant.parse("2026-03-09T09:36:00Z"));
    assertThat(sla.resolutionDue()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
    assertThat(sla.resolutionAtRisk()).isEqualTo(Instant.parse("2026-03-09T14:24:00Z"));

    clock.advance(Duration.ofDays(1));
    assertThat(engine.checkDeadlines()).isZero();
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-09T09:40:00Z")));
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    assertThat(engine.checkDeadlines()).isZero();
    clock.advance(Duration.ofMinutes(30));
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    assertThat(alerts).containsExactly("RESPONSE_AT_RISK at 2026-03-09T09:36:00Z",
        "RESPONSE_BREACHED at 2026-03-09T10:00:00Z");

    work(engine, "agents", "reviewed");
    List<AuditRecord> trail = audit.records(started.id());
    assertThat(trail.get(0).sla()).contains(new SlaVerdict(SlaVerdict.Deadline.RESPONSE,
        Instant.parse("2026-03-09T10:00:00Z"), SlaVerdict.Status.ON_TIME));
    assertThat(trail.get(1).sla()).contains(new SlaVerdict(SlaVerdict.Deadline.RESPONSE,
        Instant.parse("2026-03-09T10:00:00Z"), SlaVerdict.Status.BREACHED));
    assertThat(store.find(started.id()).orElseThrow().value().sla().orElseThrow().respondedAt())
        .contains(Instant.parse("2026-03-09T10:10:00Z"));
  }

  @Test
  @DisplayName("waiting for the customer stops the clock: the resolution keeps the working time it had left")
  void pause() {
    WorkflowEngine engine = builder().build().deploy(complaint());
    clock.advance(Duration.between(FRIDAY_4PM, MONDAY_9AM));
    ProcessInstance started = engine.start(StartRequest.of("complaint", DANA, "c-1"));
    // Resolution due Monday 17:00 (8 working hours from Monday 09:00).
    clock.advance(Duration.ofHours(1));
    work(engine, "agents", "reviewed");
    assertThat(store.find(started.id()).orElseThrow().value().sla().orElseThrow().pausedSince())
        .contains(Instant.parse("2026-03-09T10:00:00Z"));
    // Paused: nothing falls due, however long the customer takes.
    clock.advance(Duration.ofDays(2));
    assertThat(engine.checkDeadlines()).isZero();
    work(engine, "customer-replies", "received");
    SlaClock resumed = store.find(started.id()).orElseThrow().value().sla().orElseThrow();
    assertThat(resumed.pausedSince()).isEmpty();
    // Seven working hours were left at Monday 10:00; resumed Wednesday 10:00, due Wednesday 17:00.
    assertThat(resumed.resolutionDue()).isEqualTo(Instant.parse("2026-03-11T17:00:00Z"));
    clock.advance(Duration.ofHours(6));
    Completion done = work(engine, "agents", "decided");
    assertThat(done.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
    AuditRecord last = audit.records(started.id()).get(3);
    assertThat(last.sla()).contains(new SlaVerdict(SlaVerdict.Deadline.RESOLUTION,
        Instant.parse("2026-03-11T17:00:00Z"), SlaVerdict.Status.AT_RISK));
  }

  @Test
  @DisplayName("the entitlement's SLA wins over the definition's default; without either there is no SLA")
  void entitlementFirst() {
    WorkflowEngine engine = builder()
        .slaResolver((definition, request, at) -> request.agreement()
            .map(a -> SlaTarget.of(Duration.ofMinutes(30), Duration.ofHours(1))))
        .build()
        .deploy(complaint())
        .deploy(ProcessDefinition.builder("note", 1).step("write", Performer.queue("agents"), "Write").build());
    ProcessInstance premium = engine.start(StartRequest.of("complaint", DANA, "p-1")
        .forAgreement(AgreementId.of("AG-1")));
    SlaClock sla = store.find(premium.id()).orElseThrow().value().sla().orElseThrow();
    assertThat(sla.calendar()).isEmpty();
    assertThat(sla.responseDue()).isEqualTo(FRIDAY_4PM.plusSeconds(1800));
    assertThat(sla.resolutionDue()).isEqualTo(FRIDAY_4PM.plusSeconds(3600));
    ProcessInstance none = engine.start(StartRequest.of("note", DANA, "n-1"));
    assertThat(store.find(none.id()).orElseThrow().value().sla()).isEmpty();
    assertThat(audit.records(none.id()).get(0).sla()).isEmpty();
  }

  @Test
  @DisplayName("alerts survive a restart; an ended instance raises none; an unknown calendar is refused at start")
  void restartAndRefusals() {
    WorkflowEngine first = builder().build().deploy(complaint());
    ProcessInstance started = first.start(StartRequest.of("complaint", DANA, "c-1"));
    WorkflowEngine second = builder().build().deploy(complaint());
    clock.advance(Duration.between(FRIDAY_4PM, Instant.parse("2026-03-09T10:30:00Z")));
    assertThat(second.checkDeadlines()).isEqualTo(2);
    assertThat(store.find(started.id()).orElseThrow().value().sla().orElseThrow().raised())
        .containsExactly(SlaAlert.RESPONSE_AT_RISK, SlaAlert.RESPONSE_BREACHED);
    second.cancel(started.id(), "agent-1", "withdrawn");
    clock.advance(Duration.ofDays(7));
    assertThat(second.checkDeadlines()).isZero();

    WorkflowEngine noCalendar = WorkflowEngine.builder().clock(clock).build().deploy(complaint());
    assertThatThrownBy(() -> noCalendar.start(StartRequest.of("complaint", DANA, "x-1")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'office'")
        .hasMessageContaining("not registered");
    assertThatThrownBy(() -> WorkflowEngine.builder().slaWarningShare(1.0)).isInstanceOf(
        IllegalArgumentException.class).hasMessageContaining("slaWarningShare").hasMessageContaining("1.0");
    assertThat(Optional.of(noCalendar)).isPresent();
    WorkflowEngine broken = WorkflowEngine.builder().clock(clock).slaResolver((d, r, at) -> null).build()
        .deploy(ProcessDefinition.builder("note", 1).step("write", Performer.queue("agents"), "Write").build());
    assertThatThrownBy(() -> broken.start(StartRequest.of("note", DANA, "b-1")))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("SlaResolver returned null");
  }

  @Test
  @DisplayName("a breached response escalates the item to the supervisors' queue; its holder loses it")
  void escalation() {
    List<String> moves = Collections.synchronizedList(new ArrayList<>());
    WorkflowEngine engine = builder()
        .listener(new WorkflowListener() {
          @Override
          public void escalated(WorkItem from, WorkItem to, SlaAlert alert) {
            moves.add(alert + ": " + from.performer().code() + " -> " + to.performer().code());
          }
        })
        .build()
        .deploy(ProcessDefinition.builder("urgent", 1)
            .sla(SlaTarget.of(Duration.ofHours(1), Duration.ofHours(4)))
            .step("answer", Performer.queue("agents"), "Answer").escalate(SlaAlert.RESPONSE_BREACHED, "supervisors")
            .build());
    ProcessInstance started = engine.start(StartRequest.of("urgent", DANA, "u-1"));
    WorkItem held = engine.claim(started.workItem().orElseThrow(), "agent-1");
    clock.advance(Duration.ofMinutes(50));
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    assertThat(moves).isEmpty();
    clock.advance(Duration.ofMinutes(11));
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    assertThat(moves).containsExactly("RESPONSE_BREACHED: agents -> supervisors");
    assertThat(engine.inHand("agent-1")).isZero();
    assertThat(engine.queueDepth("supervisors")).isEqualTo(1);
    assertThatThrownBy(() -> engine.complete(held.id(), held.token(), StepResult.of("answered")))
        .isInstanceOf(CompletionTokenException.class);
    WorkItem moved = engine.claimNext("supervisors", "boss").orElseThrow();
    assertThat(moved.createdAt()).isEqualTo(FRIDAY_4PM);
    engine.complete(moved.id(), moved.token(), StepResult.of("answered"));
    // The at-risk alert escalates nothing and writes no record; the breach moves the item and writes one.
    assertThat(audit.records(started.id())).extracting(AuditRecord::kind).containsExactly(AuditRecord.Kind.STARTED,
        AuditRecord.Kind.ESCALATED, AuditRecord.Kind.COMPLETED);
    AuditRecord done = audit.records(started.id()).get(2);
    assertThat(done.performer()).contains(Performer.queue("supervisors"));
    assertThat(done.actor()).isEqualTo("boss");
    assertThatThrownBy(() -> ProcessDefinition.builder("x", 1).step("a", Performer.automated("h"), "A")
        .escalate(SlaAlert.RESPONSE_BREACHED, "supervisors")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("automated");
    assertThatThrownBy(() -> ProcessDefinition.builder("x", 1).step("a", Performer.queue("q"), "A")
        .escalate(SlaAlert.RESPONSE_BREACHED, "s").escalate(SlaAlert.RESPONSE_BREACHED, "t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
  }
}
