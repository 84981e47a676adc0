package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.StorageException;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.AuditRecord.Kind;
import io.cemkit.workflow.SlaVerdict.Deadline;
import io.cemkit.workflow.SlaVerdict.Status;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.WorkflowListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The audit record of an SLA escalation ({@link Kind#ESCALATED}): its fields, its place in the
 * instance's gap-free sequence, and what happens to it when the audit log or the store is down or two
 * threads check the deadlines at once.
 */
class EscalationAuditTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  /** Monday 2026-03-02, 09:00 UTC. */
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  /** A one-hour response around the clock: at risk after 48 minutes (the default 0.8), breached after 60. */
  private static final SlaTarget HOUR = SlaTarget.of(Duration.ofHours(1), Duration.ofHours(4));
  private static final ProcessInstanceId P1 = ProcessInstanceId.of("P-n-1");
  private static final Performer AGENTS = Performer.queue("agents");
  private static final Performer SUPERVISORS = Performer.queue("supervisors");
  private static final SlaVerdict RESPONSE_AT_RISK = new SlaVerdict(Deadline.RESPONSE, min(60), Status.AT_RISK);
  private static final SlaVerdict RESPONSE_BREACHED = new SlaVerdict(Deadline.RESPONSE, min(60), Status.BREACHED);

  private final VirtualClock clock = VirtualClock.at(T0);
  private final HookedStore store = new HookedStore();
  private final FlakyAudit audit = new FlakyAudit();
  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());

  /** answer (agents): to the supervisors when the response is breached. */
  private static ProcessDefinition moving() {
    return ProcessDefinition.builder("moving", 1).sla(HOUR)
        .step("answer", AGENTS, "Answer").escalate(SlaAlert.RESPONSE_BREACHED, "supervisors")
        .build();
  }

  /** answer (agents): +1 when the response is at risk, +2 more when it is breached; it stays in its queue. */
  private static ProcessDefinition raising() {
    return ProcessDefinition.builder("raising", 1).sla(HOUR)
        .step("answer", AGENTS, "Answer")
            .raisePriority(SlaAlert.RESPONSE_AT_RISK, 1).raisePriority(SlaAlert.RESPONSE_BREACHED, 2)
        .build();
  }

  /** answer (agents): +1 when the response is at risk; to the supervisors, +2, when it is breached. */
  private static ProcessDefinition both() {
    return ProcessDefinition.builder("both", 1).sla(HOUR)
        .step("answer", AGENTS, "Answer")
            .raisePriority(SlaAlert.RESPONSE_AT_RISK, 1)
            .escalate(SlaAlert.RESPONSE_BREACHED, Escalation.toQueue("supervisors").andRaisePriority(2))
        .build();
  }

  /** answer (agents): "escalated" to the agents, the queue it is in, when the response is breached. */
  private static ProcessDefinition nowhere() {
    return ProcessDefinition.builder("nowhere", 1).sla(HOUR)
        .step("answer", AGENTS, "Answer").escalate(SlaAlert.RESPONSE_BREACHED, "agents")
        .build();
  }

  private static Instant min(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private WorkflowEngine engine() {
    return WorkflowEngine.builder().clock(clock).store(store).audit(audit).node("n")
        .listener(new WorkflowListener() {
          @Override
          public void transitioned(AuditRecord record) {
            heard.add("transitioned " + record.instance() + " #" + record.sequence() + " " + record.kind());
          }

          @Override
          public void escalated(WorkItem from, WorkItem to, SlaAlert alert) {
            heard.add("escalated " + from.instance() + " " + alert);
          }

          @Override
          public void slaAlert(ProcessInstance instance, SlaAlert alert, Instant at) {
            heard.add("slaAlert " + instance.id() + " " + alert);
          }
        })
        .build().deploy(moving()).deploy(raising()).deploy(both()).deploy(nowhere());
  }

  private void at(long minutes) {
    clock.advance(Duration.between(clock.instant(), min(minutes)));
  }

  /** The ESCALATED record the engine is expected to write for P-n-1 at step answer. */
  private static AuditRecord escalated(long sequence, Performer to, Instant at, SlaAlert alert, SlaVerdict sla,
      int priority) {
    return new AuditRecord(P1, sequence, Kind.ESCALATED, Optional.of("answer"), Optional.of("answer"),
        Optional.of(to), "engine", T0, at, Optional.of(alert.name()), Optional.empty(), Optional.of(sla), priority);
  }

  @Test
  @DisplayName("a move: one ESCALATED record naming the alert, the new queue, the priority and the verdict; the "
      + "at-risk alert, which escalates nothing, writes none")
  void move() {
    WorkflowEngine engine = engine();
    WorkItemId item = engine.start(StartRequest.of("moving", DANA, "m-1")).workItem().orElseThrow();
    at(5);
    engine.claim(item, "agent-1");
    at(61);
    assertThat(engine.checkDeadlines()).isEqualTo(2);
    assertThat(audit.records(P1)).containsExactly(
        new AuditRecord(P1, 1, Kind.STARTED, Optional.empty(), Optional.of("answer"), Optional.empty(), "engine", T0,
            T0, Optional.empty(), Optional.empty(), Optional.of(new SlaVerdict(Deadline.RESPONSE, min(60),
            Status.ON_TIME))),
        escalated(2, SUPERVISORS, min(61), SlaAlert.RESPONSE_BREACHED, RESPONSE_BREACHED, 0));
    assertThat(engine.workItem(item).orElseThrow().performer()).isEqualTo(SUPERVISORS);
    assertThat(engine.inHand("agent-1")).isZero();
    assertThat(store.find(P1).orElseThrow().value().transitions()).isEqualTo(2);
  }

  @Test
  @DisplayName("a raise: at risk, then breached, two records in the item's queue at priorities 1 and 3")
  void raise() {
    WorkflowEngine engine = engine();
    engine.start(StartRequest.of("raising", DANA, "r-1"));
    at(50);
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    at(62);
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    assertThat(audit.records(P1)).extracting(AuditRecord::kind).containsExactly(Kind.STARTED, Kind.ESCALATED,
        Kind.ESCALATED);
    assertThat(audit.records(P1).subList(1, 3)).containsExactly(
        escalated(2, AGENTS, min(50), SlaAlert.RESPONSE_AT_RISK, RESPONSE_AT_RISK, 1),
        escalated(3, AGENTS, min(62), SlaAlert.RESPONSE_BREACHED, RESPONSE_BREACHED, 3));
  }

  @Test
  @DisplayName("both, at risk then breached, then done: the trail reads start, escalated, escalated, completed, "
      + "numbered 1 to 4 in time order, and listeners hear each record before the escalation and the alert")
  void bothThenCompleted() {
    WorkflowEngine engine = engine();
    engine.start(StartRequest.of("both", DANA, "b-1"));
    at(50);
    engine.checkDeadlines();
    at(62);
    engine.checkDeadlines();
    at(70);
    WorkItem held = engine.claimNext("supervisors", "boss").orElseThrow();
    at(75);
    engine.complete(held.id(), held.token(), StepResult.of("answered"));

    List<AuditRecord> trail = audit.records(P1);
    assertThat(trail).extracting(AuditRecord::kind).containsExactly(Kind.STARTED, Kind.ESCALATED, Kind.ESCALATED,
        Kind.COMPLETED);
    assertThat(trail).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(trail).extracting(AuditRecord::at).containsExactly(T0, min(50), min(62), min(75));
    assertThat(trail.subList(1, 3)).containsExactly(
        escalated(2, AGENTS, min(50), SlaAlert.RESPONSE_AT_RISK, RESPONSE_AT_RISK, 1),
        escalated(3, SUPERVISORS, min(62), SlaAlert.RESPONSE_BREACHED, RESPONSE_BREACHED, 3));
    assertThat(trail.get(3)).isEqualTo(new AuditRecord(P1, 4, Kind.COMPLETED, Optional.of("answer"),
        Optional.empty(), Optional.of(SUPERVISORS), "boss", T0, min(75), Optional.of("answered"),
        Optional.of(min(70)), Optional.of(RESPONSE_BREACHED), 3));
    assertThat(heard).containsExactly("transitioned P-n-1 #1 STARTED",
        "transitioned P-n-1 #2 ESCALATED", "escalated P-n-1 RESPONSE_AT_RISK", "slaAlert P-n-1 RESPONSE_AT_RISK",
        "transitioned P-n-1 #3 ESCALATED", "escalated P-n-1 RESPONSE_BREACHED", "slaAlert P-n-1 RESPONSE_BREACHED",
        "transitioned P-n-1 #4 COMPLETED");
  }

  @Test
  @DisplayName("moved, then completed: the trail reads start, escalated, completed, and the completion names the "
      + "queue the item was moved to")
  void movedThenCompleted() {
    WorkflowEngine engine = engine();
    engine.start(StartRequest.of("moving", DANA, "m-1"));
    at(61);
    engine.checkDeadlines();
    WorkItem held = engine.claimNext("supervisors", "boss").orElseThrow();
    at(64);
    engine.complete(held.id(), held.token(), StepResult.of("answered"));
    assertThat(audit.records(P1)).extracting(r -> r.sequence() + " " + r.kind() + " " + r.from().orElse("(start)")
        + " -> " + r.to().orElse("(end)") + " " + r.performer().map(Performer::toString).orElse("-") + " "
        + r.outcome().orElse("-") + " by " + r.actor())
        .containsExactly("1 STARTED (start) -> answer - - by engine",
            "2 ESCALATED answer -> answer queue supervisors RESPONSE_BREACHED by engine",
            "3 COMPLETED answer -> (end) queue supervisors answered by boss");
  }

  @Test
  @DisplayName("an alert that changes nothing writes no record: a priority at its top, a move to the item's own "
      + "queue, a step without an escalation")
  void nothingChanged() {
    WorkflowEngine engine = engine();
    engine.start(StartRequest.of("raising", DANA, "r-1").atPriority(Integer.MAX_VALUE));
    engine.start(StartRequest.of("nowhere", DANA, "n-1"));
    at(61);
    assertThat(engine.checkDeadlines()).isEqualTo(4);
    assertThat(audit.records(P1)).extracting(AuditRecord::kind).containsExactly(Kind.STARTED);
    assertThat(audit.records(ProcessInstanceId.of("P-n-2"))).extracting(AuditRecord::kind)
        .containsExactly(Kind.STARTED);
    assertThat(heard).noneMatch(h -> h.startsWith("escalated"));
  }

  @Test
  @DisplayName("an audit log that is down delays the ESCALATED record, never the escalation: it waits in the "
      + "stored instance and follows at the next call, in sequence")
  void auditDown() {
    WorkflowEngine engine = engine();
    WorkItemId item = engine.start(StartRequest.of("moving", DANA, "m-1")).workItem().orElseThrow();
    at(61);
    audit.failNext.set(1);
    assertThat(engine.checkDeadlines()).isEqualTo(2);
    assertThat(engine.workItem(item).orElseThrow().performer()).isEqualTo(SUPERVISORS);
    assertThat(audit.records(P1)).extracting(AuditRecord::sequence).containsExactly(1L);
    AuditRecord waiting = escalated(2, SUPERVISORS, min(61), SlaAlert.RESPONSE_BREACHED, RESPONSE_BREACHED, 0);
    assertThat(store.find(P1).orElseThrow().value().pendingAudit()).containsExactly(waiting);
    assertThat(heard).contains("transitioned P-n-1 #2 ESCALATED");

    at(62);
    assertThat(engine.checkDeadlines()).isZero();
    assertThat(audit.records(P1)).extracting(AuditRecord::sequence).containsExactly(1L, 2L);
    assertThat(audit.records(P1).get(1)).isEqualTo(waiting);
    WorkItem held = engine.claimNext("supervisors", "boss").orElseThrow();
    engine.complete(held.id(), held.token(), StepResult.of("answered"));
    assertThat(audit.records(P1)).extracting(AuditRecord::kind).containsExactly(Kind.STARTED, Kind.ESCALATED,
        Kind.COMPLETED);
    assertThat(audit.records(P1)).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L);
  }

  @Test
  @DisplayName("a store that refuses the write stops the call: no record, no move; the next call escalates with "
      + "the next number, so the sequence has no gap")
  void storeDown() {
    WorkflowEngine engine = engine();
    WorkItemId item = engine.start(StartRequest.of("both", DANA, "b-1")).workItem().orElseThrow();
    at(62);
    store.failWrites.set(true);
    assertThatThrownBy(engine::checkDeadlines).isInstanceOf(StorageException.class).hasMessageContaining("down");
    assertSoftly(soft -> {
      soft.assertThat(engine.workItem(item).orElseThrow().performer()).isEqualTo(AGENTS);
      soft.assertThat(engine.workItem(item).orElseThrow().priority()).isZero();
      soft.assertThat(audit.records(P1)).extracting(AuditRecord::kind).containsExactly(Kind.STARTED);
      soft.assertThat(heard).noneMatch(h -> h.contains("ESCALATED") || h.startsWith("escalated"));
    });

    store.failWrites.set(false);
    at(63);
    assertThat(engine.checkDeadlines()).isEqualTo(2);
    assertThat(audit.records(P1)).containsExactly(audit.records(P1).get(0),
        escalated(2, AGENTS, min(63), SlaAlert.RESPONSE_AT_RISK, RESPONSE_BREACHED, 1),
        escalated(3, SUPERVISORS, min(63), SlaAlert.RESPONSE_BREACHED, RESPONSE_BREACHED, 3));
  }

  @Test
  @DisplayName("cancelling an escalated item: the CANCELLED record names the queue the item left, the one it was "
      + "moved to")
  void cancelledAfterMove() {
    WorkflowEngine engine = engine();
    engine.start(StartRequest.of("moving", DANA, "m-1"));
    at(61);
    engine.checkDeadlines();
    at(65);
    engine.cancel(P1, "agent-9", "the customer withdrew");
    assertThat(audit.records(P1)).extracting(r -> r.kind() + " " + r.performer().map(Performer::toString)
        .orElse("-")).containsExactly("STARTED -", "ESCALATED queue supervisors", "CANCELLED queue supervisors");
  }

  @Test
  @Timeout(120)
  @DisplayName("two threads checking the deadlines at once write one ESCALATED record per alert, each instance's "
      + "trail numbered 1 to 3 with the at-risk raise before the breach")
  void concurrentChecks() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        VirtualClock c = VirtualClock.at(T0);
        AuditLog log = AuditLog.inMemory();
        AtomicInteger escalations = new AtomicInteger();
        WorkflowEngine engine = WorkflowEngine.builder().clock(c).audit(log).node("n")
            .listener(new WorkflowListener() {
              @Override
              public void escalated(WorkItem from, WorkItem to, SlaAlert alert) {
                escalations.incrementAndGet();
              }
            })
            .build().deploy(both());
        List<ProcessInstanceId> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          ids.add(engine.start(StartRequest.of("both", DANA, "b-" + i)).id());
        }
        c.advance(Duration.ofMinutes(62));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          calls.add(pool.submit(() -> {
            go.await();
            return engine.checkDeadlines() + engine.checkDeadlines();
          }));
        }
        go.countDown();
        int raised = 0;
        for (Future<Integer> call : calls) {
          raised += call.get(60, TimeUnit.SECONDS);
        }
        assertThat(raised).as("round %d", round).isEqualTo(80);
        assertThat(escalations).as("round %d", round).hasValue(80);
        for (ProcessInstanceId id : ids) {
          assertThat(log.records(id)).as("round %d, %s", round, id)
              .extracting(r -> r.sequence() + " " + r.kind() + " " + r.outcome().orElse("-") + " "
                  + r.performer().map(Performer::code).orElse("-") + "@" + r.priority())
              .containsExactly("1 STARTED - -@0", "2 ESCALATED RESPONSE_AT_RISK agents@1",
                  "3 ESCALATED RESPONSE_BREACHED supervisors@3");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("an ESCALATED record must name its step (the same in from and to), the queue it is in and the alert")
  void recordChecks() {
    AuditRecord ok = escalated(2, SUPERVISORS, min(61), SlaAlert.RESPONSE_BREACHED, RESPONSE_BREACHED, 0);
    assertThatThrownBy(() -> new AuditRecord(P1, 2, Kind.ESCALATED, Optional.of("answer"), Optional.empty(),
        ok.performer(), "engine", T0, min(61), ok.outcome(), Optional.empty(), ok.sla(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AuditRecord P-n-1 #2 (ESCALATED): from answer and to (none) must both name the step the "
            + "instance stays at");
    assertThatThrownBy(() -> new AuditRecord(P1, 2, Kind.ESCALATED, Optional.of("answer"), Optional.of("close"),
        ok.performer(), "engine", T0, min(61), ok.outcome(), Optional.empty(), ok.sla(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from answer and to close");
    assertThatThrownBy(() -> new AuditRecord(P1, 2, Kind.ESCALATED, ok.from(), ok.to(), Optional.empty(), "engine",
        T0, min(61), ok.outcome(), Optional.empty(), ok.sla(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AuditRecord P-n-1 #2 (ESCALATED): performer is missing; it must name the queue the item is in "
            + "after the escalation");
    assertThatThrownBy(() -> new AuditRecord(P1, 2, Kind.ESCALATED, ok.from(), ok.to(), ok.performer(), "engine",
        T0, min(61), Optional.of("LATE"), Optional.empty(), ok.sla(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AuditRecord P-n-1 #2 (ESCALATED): outcome LATE must be the alert's name, one of "
            + "[RESPONSE_AT_RISK, RESPONSE_BREACHED, RESOLUTION_AT_RISK, RESOLUTION_BREACHED]");
    assertThatThrownBy(() -> new AuditRecord(P1, 2, Kind.ESCALATED, ok.from(), ok.to(), ok.performer(), "engine",
        T0, min(61), Optional.empty(), Optional.empty(), ok.sla(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome (none) must be the alert's name");
    assertThatThrownBy(() -> new AuditRecord(P1, 2, Kind.RETRIED, ok.from(), ok.to(), ok.performer(), "engine",
        T0, min(61), Optional.empty(), Optional.empty(), ok.sla(), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priority 2 on a RETRIED record; only a COMPLETED or ESCALATED record carries");
    assertThat(ok.priority()).isZero();
  }

  /** An audit log that refuses the next n appends. */
  private static final class FlakyAudit implements AuditLog {
    final AuditLog real = AuditLog.inMemory();
    final AtomicInteger failNext = new AtomicInteger();

    @Override
    public void append(AuditRecord record) {
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new StorageException("audit database down", new RuntimeException("timeout"));
      }
      real.append(record);
    }

    @Override
    public List<AuditRecord> records(ProcessInstanceId instance) {
      return real.records(instance);
    }

    @Override
    public int purge(ProcessInstanceId instance) {
      return real.purge(instance);
    }
  }
}
