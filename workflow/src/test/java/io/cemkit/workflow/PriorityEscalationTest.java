package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.WorkflowListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SLA escalation by priority (W4): an alert raises the priority of the waiting work item, moves it to
 * another queue, or both; once per alert, under concurrent deadline checks too.
 */
class PriorityEscalationTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  /** Monday 2026-03-02, 09:00 UTC. */
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  /** A one-hour response around the clock: at risk after 48 minutes (the default 0.8), breached after 60. */
  private static final SlaTarget HOUR = SlaTarget.of(Duration.ofHours(1), Duration.ofHours(4));

  private final VirtualClock clock = VirtualClock.at(T0);
  private final HookedStore store = new HookedStore();
  private final AuditLog audit = AuditLog.inMemory();
  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());

  /** answer (agents): +1 when the response is at risk; to the supervisors, +2, when it is breached. */
  private static ProcessDefinition urgent() {
    return ProcessDefinition.builder("urgent", 1).sla(HOUR)
        .step("answer", Performer.queue("agents"), "Answer")
            .raisePriority(SlaAlert.RESPONSE_AT_RISK, 1)
            .escalate(SlaAlert.RESPONSE_BREACHED, Escalation.toQueue("supervisors").andRaisePriority(2))
        .build();
  }

  /** answer (agents): +1 when the response is at risk, +2 more when it is breached; it stays in its queue. */
  private static ProcessDefinition vip() {
    return ProcessDefinition.builder("vip", 1).sla(HOUR)
        .step("answer", Performer.queue("agents"), "Answer")
            .raisePriority(SlaAlert.RESPONSE_AT_RISK, 1).raisePriority(SlaAlert.RESPONSE_BREACHED, 2)
        .build();
  }

  /** answer (agents), without an SLA. */
  private static ProcessDefinition routine() {
    return ProcessDefinition.builder("routine", 1).step("answer", Performer.queue("agents"), "Answer").build();
  }

  private WorkflowEngine.Builder builder() {
    return WorkflowEngine.builder().clock(clock).store(store).audit(audit).node("n")
        .listener(new WorkflowListener() {
          @Override
          public void escalated(WorkItem from, WorkItem to, SlaAlert alert) {
            heard.add(alert + ": " + describe(from) + " -> " + describe(to));
          }
        });
  }

  private WorkflowEngine engine() {
    return builder().build().deploy(urgent()).deploy(vip()).deploy(routine());
  }

  private static String describe(WorkItem item) {
    return item.performer().code() + "@" + item.priority() + item.claimedBy().map(h -> " held by " + h).orElse("");
  }

  private WorkItemId start(WorkflowEngine engine, String process, String key) {
    return engine.start(StartRequest.of(process, DANA, key)).workItem().orElseThrow();
  }

  private static List<String> order(List<WorkItem> items) {
    return items.stream().map(w -> w.instance().value() + "@" + w.priority()).toList();
  }

  private void at(Duration sinceT0) {
    clock.advance(Duration.between(clock.instant(), T0.plus(sinceT0)));
  }

  @Test
  @DisplayName("at risk, the item moves ahead of older ones in its queue; breached, it moves to the supervisors "
      + "at priority 3; its place is kept once each time")
  void atRiskThenBreached() {
    WorkflowEngine engine = engine();
    start(engine, "routine", "r-1");
    at(Duration.ofMinutes(1));
    start(engine, "routine", "r-2");
    at(Duration.ofMinutes(2));
    WorkItemId urgent = start(engine, "urgent", "u-1");
    String token = engine.workItem(urgent).orElseThrow().token();
    assertThat(order(engine.queued("agents", 10))).containsExactly("P-n-1@0", "P-n-2@0", "P-n-3@0");

    at(Duration.ofMinutes(49));
    assertThat(engine.checkDeadlines()).isZero();
    at(Duration.ofMinutes(50));
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    assertThat(heard).containsExactly("RESPONSE_AT_RISK: agents@0 -> agents@1");
    assertThat(order(engine.queued("agents", 10))).containsExactly("P-n-3@1", "P-n-1@0", "P-n-2@0");
    assertThat(engine.queueDepth("agents")).isEqualTo(3);
    assertThat(engine.workItem(urgent).orElseThrow().token()).isEqualTo(token);
    assertThat(engine.oldestWaiting("agents")).contains(T0);

    at(Duration.ofMinutes(62));
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    assertThat(engine.checkDeadlines()).isZero();
    assertThat(heard).containsExactly("RESPONSE_AT_RISK: agents@0 -> agents@1",
        "RESPONSE_BREACHED: agents@1 -> supervisors@3");
    assertThat(order(engine.queued("agents", 10))).containsExactly("P-n-1@0", "P-n-2@0");
    WorkItem moved = engine.claimNext("supervisors", "boss").orElseThrow();
    assertSoftly(soft -> {
      soft.assertThat(moved.id()).isEqualTo(urgent);
      soft.assertThat(moved.priority()).isEqualTo(3);
      soft.assertThat(moved.createdAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
      soft.assertThat(engine.queueDepth("supervisors")).isZero();
    });
    engine.complete(moved.id(), moved.token(), StepResult.of("answered"));
    // Each escalation is a record of its own, between the start and the completion.
    assertThat(audit.records(ProcessInstanceId.of("P-n-3")))
        .extracting(r -> r.kind() + " " + r.outcome().orElse("-") + " " + r.performer().map(Performer::code)
            .orElse("-") + "@" + r.priority())
        .containsExactly("STARTED - -@0", "ESCALATED RESPONSE_AT_RISK agents@1",
            "ESCALATED RESPONSE_BREACHED supervisors@3", "COMPLETED answered supervisors@3");
    AuditRecord done = audit.records(ProcessInstanceId.of("P-n-3")).get(3);
    assertThat(done.kind()).isEqualTo(AuditRecord.Kind.COMPLETED);
    assertThat(done.performer()).contains(Performer.queue("supervisors"));
    assertThat(done.priority()).isEqualTo(3);
  }

  @Test
  @DisplayName("a raised unclaimed item is in its queue exactly once: depth, listing and claims agree, and "
      + "nothing is left behind")
  void noStaleEntry() {
    WorkflowEngine engine = engine();
    WorkItemId vip = start(engine, "vip", "v-1");
    start(engine, "routine", "r-1");
    at(Duration.ofMinutes(50));
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    at(Duration.ofMinutes(61));
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    assertThat(heard).containsExactly("RESPONSE_AT_RISK: agents@0 -> agents@1",
        "RESPONSE_BREACHED: agents@1 -> agents@3");
    assertThat(engine.queueDepth("agents")).isEqualTo(2);
    assertThat(order(engine.queued("agents", 10))).containsExactly("P-n-1@3", "P-n-2@0");

    WorkItem first = engine.claimNext("agents", "agent-1").orElseThrow();
    assertThat(first.id()).isEqualTo(vip);
    assertThat(engine.release(vip, "agent-1").priority()).isEqualTo(3);
    assertThat(order(engine.queued("agents", 10))).containsExactly("P-n-1@3", "P-n-2@0");
    assertThat(engine.claimNext("agents", "agent-1").orElseThrow().id()).isEqualTo(vip);
    assertThat(engine.claimNext("agents", "agent-2").orElseThrow().instance().value()).isEqualTo("P-n-2");
    assertThat(engine.claimNext("agents", "agent-3")).isEmpty();
    assertThat(engine.queueDepth("agents")).isZero();
    assertThat(engine.queued("agents", 10)).isEmpty();
    assertThat(engine.oldestWaiting("agents")).isEmpty();
  }

  @Test
  @DisplayName("a claimed or leased item keeps its holder, token and lease at the raised priority; raises add "
      + "up, and an ended lease puts it back at that priority")
  void claimedKeepsItsHolder() {
    WorkflowEngine engine = engine();
    WorkItemId claimed = start(engine, "vip", "v-1");
    WorkItemId leased = start(engine, "vip", "v-2");
    start(engine, "routine", "r-1");
    WorkItem held = engine.claim(claimed, "agent-1");
    WorkItem lease = engine.lease(leased, "partner-1", Duration.ofHours(3));

    at(Duration.ofMinutes(50));
    assertThat(engine.checkDeadlines()).isEqualTo(2);
    at(Duration.ofMinutes(61));
    assertThat(engine.checkDeadlines()).isEqualTo(2);
    assertThat(heard).containsExactlyInAnyOrder("RESPONSE_AT_RISK: agents@0 held by agent-1 -> agents@1 held by "
        + "agent-1", "RESPONSE_AT_RISK: agents@0 held by partner-1 -> agents@1 held by partner-1",
        "RESPONSE_BREACHED: agents@1 held by agent-1 -> agents@3 held by agent-1",
        "RESPONSE_BREACHED: agents@1 held by partner-1 -> agents@3 held by partner-1");
    assertThat(engine.heldBy("agent-1")).containsExactly(held.withPriority(3));
    assertThat(engine.heldBy("partner-1")).containsExactly(lease.withPriority(3));
    assertThat(engine.inHand("agent-1")).isEqualTo(1);
    assertThat(order(engine.queued("agents", 10))).containsExactly("P-n-3@0");

    engine.complete(held.id(), held.token(), StepResult.of("answered"));
    assertThat(audit.records(ProcessInstanceId.of("P-n-1"))).extracting(r -> r.kind() + "@" + r.priority())
        .containsExactly("STARTED@0", "ESCALATED@1", "ESCALATED@3", "COMPLETED@3");
    at(Duration.ofHours(3));
    assertThat(engine.expireLeases()).isEqualTo(1);
    assertThat(order(engine.queued("agents", 10))).containsExactly("P-n-2@3", "P-n-3@0");
  }

  @Test
  @DisplayName("a raised priority is stored: a new engine on the store serves it first and does not raise it again")
  void survivesARestart() {
    WorkflowEngine engine = engine();
    start(engine, "routine", "r-1");
    WorkItemId urgent = start(engine, "urgent", "u-1");
    at(Duration.ofMinutes(50));
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    assertThat(store.find(ProcessInstanceId.of("P-n-2")).orElseThrow().value().openItem().orElseThrow().priority())
        .isEqualTo(1);

    WorkflowEngine second = WorkflowEngine.builder().clock(clock).store(store).audit(audit).build()
        .deploy(urgent()).deploy(routine());
    assertThat(second.checkDeadlines()).isZero();
    assertThat(order(second.queued("agents", 10))).containsExactly("P-n-2@1", "P-n-1@0");
    assertThat(second.claimNext("agents", "agent-1").orElseThrow().id()).isEqualTo(urgent);
  }

  @Test
  @DisplayName("a priority at Integer.MAX_VALUE stays there: no overflow, and no escalation is heard")
  void saturates() {
    WorkflowEngine engine = engine();
    WorkItemId top = engine.start(StartRequest.of("vip", DANA, "v-1").atPriority(Integer.MAX_VALUE)).workItem()
        .orElseThrow();
    at(Duration.ofMinutes(50));
    assertThat(engine.checkDeadlines()).isEqualTo(1);
    assertThat(engine.workItem(top).orElseThrow().priority()).isEqualTo(Integer.MAX_VALUE);
    assertThat(heard).isEmpty();
  }

  @Test
  @Timeout(120)
  @DisplayName("two threads calling checkDeadlines at once raise each item's priority once; a reader meanwhile "
      + "never sees an item missing from its queue or in it twice")
  void concurrentDeadlineChecks() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 20; round++) {
        VirtualClock c = VirtualClock.at(T0);
        AtomicInteger escalations = new AtomicInteger();
        WorkflowEngine engine = WorkflowEngine.builder().clock(c)
            .listener(new WorkflowListener() {
              @Override
              public void escalated(WorkItem from, WorkItem to, SlaAlert alert) {
                escalations.incrementAndGet();
              }
            })
            .build().deploy(urgent());
        List<WorkItemId> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          items.add(engine.start(StartRequest.of("urgent", DANA, "u-" + i)).workItem().orElseThrow());
        }
        c.advance(Duration.ofMinutes(50));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          calls.add(pool.submit(() -> {
            go.await();
            return engine.checkDeadlines() + engine.checkDeadlines();
          }));
        }
        AtomicBoolean checking = new AtomicBoolean(true);
        Future<Set<Integer>> reader = pool.submit(() -> {
          go.await();
          Set<Integer> seen = new HashSet<>();
          // At least one look, however the threads are scheduled; as many as fit while the checks run.
          do {
            seen.add(engine.queueDepth("agents"));
            seen.add((int) engine.queued("agents", 100).stream().map(WorkItem::id).distinct().count());
          } while (checking.get());
          return seen;
        });
        go.countDown();
        int raised = 0;
        for (Future<Integer> call : calls) {
          raised += call.get(30, TimeUnit.SECONDS);
        }
        checking.set(false);
        assertThat(reader.get(30, TimeUnit.SECONDS)).as("round %d", round).containsOnly(50);
        assertThat(raised).as("round %d", round).isEqualTo(50);
        assertThat(escalations).as("round %d", round).hasValue(50);
        for (WorkItemId id : items) {
          assertThat(engine.workItem(id).orElseThrow().priority()).as("round %d, %s", round, id).isEqualTo(1);
        }
        assertThat(engine.queueDepth("agents")).as("round %d", round).isEqualTo(50);
        assertThat(engine.queued("agents", 100)).as("round %d", round).hasSize(50)
            .allSatisfy(w -> assertThat(w.priority()).isEqualTo(1));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(120)
  @DisplayName("claimers racing deadline checks that raise the items they take: each item is claimed once and "
      + "the queue ends empty")
  void claimersRaceRaises() throws Exception {
    int items = 200;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      VirtualClock c = VirtualClock.at(T0);
      WorkflowEngine engine = WorkflowEngine.builder().clock(c).build().deploy(vip());
      for (int i = 0; i < items; i++) {
        engine.start(StartRequest.of("vip", DANA, "v-" + i));
      }
      c.advance(Duration.ofMinutes(50));
      CountDownLatch go = new CountDownLatch(1);
      AtomicInteger claims = new AtomicInteger();
      AtomicInteger raises = new AtomicInteger();
      List<Future<List<WorkItemId>>> claimers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        String agent = "agent-" + t;
        claimers.add(pool.submit(() -> {
          go.await();
          List<WorkItemId> mine = new ArrayList<>();
          while (claims.get() < items) {
            engine.claimNext("agents", agent).ifPresent(w -> {
              mine.add(w.id());
              claims.incrementAndGet();
            });
          }
          return mine;
        }));
      }
      List<Future<?>> checkers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        checkers.add(pool.submit(() -> {
          go.await();
          while (raises.get() < items) {
            raises.addAndGet(engine.checkDeadlines());
          }
          return null;
        }));
      }
      go.countDown();
      List<WorkItemId> claimed = new ArrayList<>();
      for (Future<List<WorkItemId>> claimer : claimers) {
        claimed.addAll(claimer.get(60, TimeUnit.SECONDS));
      }
      for (Future<?> checker : checkers) {
        checker.get(60, TimeUnit.SECONDS);
      }
      Set<WorkItemId> distinct = new HashSet<>(claimed);
      assertThat(claimed).hasSize(items);
      assertThat(distinct).hasSize(items);
      assertThat(raises).hasValue(items);
      assertThat(engine.queueDepth("agents")).isZero();
      assertThat(engine.queued("agents", 10)).isEmpty();
      assertThat(engine.claimNext("agents", "agent-9")).isEmpty();
      assertThat(engine.inHand("agent-0") + engine.inHand("agent-1")).isEqualTo(items);
      for (WorkItemId id : distinct) {
        WorkItem item = engine.workItem(id).orElseThrow();
        assertThat(item.priority()).as("%s", id).isEqualTo(1);
        assertThat(item.claimedBy()).as("%s", id).isPresent();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("the builder refuses a raise below 1, a second escalation of the same alert, an automated step and "
      + "a timer step, naming the step, the alert and the value")
  void validation() {
    ProcessDefinition.StepBuilder step = ProcessDefinition.builder("x", 1)
        .step("answer", Performer.queue("agents"), "Answer");
    assertThatThrownBy(() -> step.raisePriority(SlaAlert.RESPONSE_AT_RISK, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step 'answer': the escalation of RESPONSE_AT_RISK raises the priority by 0; it must raise it "
            + "by at least 1");
    assertThatThrownBy(() -> step.raisePriority(SlaAlert.RESPONSE_AT_RISK, -2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("by -2");
    step.escalate(SlaAlert.RESPONSE_BREACHED, "supervisors");
    assertThatThrownBy(() -> step.raisePriority(SlaAlert.RESPONSE_BREACHED, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step 'answer' escalates RESPONSE_BREACHED twice (to queue supervisors, then priority +1); give "
            + "both actions in one Escalation, e.g. Escalation.toQueue(\"supervisors\").andRaisePriority(1)");
    assertThatThrownBy(() -> ProcessDefinition.builder("x", 1).step("a", Performer.automated("h"), "A")
        .raisePriority(SlaAlert.RESPONSE_AT_RISK, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step 'a' is automated: it never waits, so it cannot escalate");
    assertThatThrownBy(() -> ProcessDefinition.builder("x", 1)
        .step("wait", Performer.timer(Duration.ofDays(1)), "Wait").raisePriority(SlaAlert.RESPONSE_AT_RISK, 1)
        .build()).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("step 'wait' is a timer (timer P1D) and escalates [RESPONSE_AT_RISK]")
        .hasMessageContaining("nothing to move or raise");

    assertThatThrownBy(() -> Escalation.raisePriority(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Escalation priority raise must be at least 1, was 0");
    assertThatThrownBy(() -> Escalation.toQueue("supervisors").andRaisePriority(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1");
    assertThatThrownBy(() -> Escalation.raisePriority(1).andRaisePriority(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Escalation priority +1 raises the priority already; give the whole raise once, e.g. "
            + "raisePriority(3)");
    assertThatThrownBy(() -> Escalation.toQueue("the supervisors")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("Escalation: what it does, equality and words; the step lists its escalations in alert order")
  void escalationValue() {
    Escalation both = Escalation.toQueue("supervisors").andRaisePriority(2);
    assertSoftly(soft -> {
      soft.assertThat(both.queue()).contains(Performer.queue("supervisors"));
      soft.assertThat(both.priorityRaise()).isEqualTo(2);
      soft.assertThat(both).isEqualTo(Escalation.toQueue("supervisors").andRaisePriority(2))
          .hasSameHashCodeAs(Escalation.toQueue("supervisors").andRaisePriority(2))
          .isNotEqualTo(Escalation.toQueue("supervisors"));
      soft.assertThat(both).hasToString("to queue supervisors, priority +2");
      soft.assertThat(Escalation.toQueue("supervisors")).hasToString("to queue supervisors");
      soft.assertThat(Escalation.raisePriority(1).queue()).isEmpty();
      soft.assertThat(Escalation.raisePriority(1)).hasToString("priority +1");
    });
    Step answer = urgent().step("answer").orElseThrow();
    assertThat(answer.escalations()).containsExactly(
        Map.entry(SlaAlert.RESPONSE_AT_RISK, Escalation.raisePriority(1)),
        Map.entry(SlaAlert.RESPONSE_BREACHED, both));
    assertThat(answer.escalation(SlaAlert.RESPONSE_AT_RISK)).isEmpty();
    assertThat(answer.escalation(SlaAlert.RESPONSE_BREACHED)).contains(Performer.queue("supervisors"));
    assertThatThrownBy(() -> answer.escalations().put(SlaAlert.RESOLUTION_BREACHED, both))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
