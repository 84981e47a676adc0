package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.spi.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Work item priorities (W4, W6): queue order, the starting priority of a request, storage and audit. */
class PriorityTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  /** Monday 2026-03-02, 09:00 UTC. */
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final VirtualClock clock = VirtualClock.at(T0);
  private final HookedStore store = new HookedStore();
  private final AuditLog audit = AuditLog.inMemory();

  /** answer (queue agents) -> file (queue back-office), then the end. */
  private static ProcessDefinition ticket() {
    return ProcessDefinition.builder("ticket", 1)
        .step("answer", Performer.queue("agents"), "Answer the customer").then("file")
        .step("file", Performer.queue("back-office"), "File the answer")
        .build();
  }

  private WorkflowEngine engine() {
    return WorkflowEngine.builder().clock(clock).store(store).audit(audit).node("n").build().deploy(ticket());
  }

  /** Starts a ticket at a priority, one minute after the previous one; returns its work item. */
  private WorkItemId start(WorkflowEngine engine, String key, int priority) {
    clock.advance(Duration.ofMinutes(1));
    return engine.start(StartRequest.of("ticket", DANA, key).atPriority(priority)).workItem().orElseThrow();
  }

  private static List<String> order(List<WorkItem> items) {
    return items.stream().map(w -> w.instance().value() + "@" + w.priority()).toList();
  }

  @Test
  @DisplayName("a queue serves the highest priority first, the oldest first among equals; the oldest waiting is "
      + "still the oldest")
  void queueOrder() {
    WorkflowEngine engine = engine();
    start(engine, "a", 0);
    start(engine, "b", 0);
    start(engine, "c", 2);
    start(engine, "d", 1);
    start(engine, "e", -1);
    start(engine, "f", 2);

    assertThat(order(engine.queued("agents", 10)))
        .containsExactly("P-n-3@2", "P-n-6@2", "P-n-4@1", "P-n-1@0", "P-n-2@0", "P-n-5@-1");
    assertThat(order(engine.queued("agents", 2))).containsExactly("P-n-3@2", "P-n-6@2");
    assertThat(engine.queueDepth("agents")).isEqualTo(6);
    assertThat(engine.oldestWaiting("agents")).contains(T0.plus(Duration.ofMinutes(1)));

    List<String> claimed = new ArrayList<>();
    for (Optional<WorkItem> next = engine.claimNext("agents", "agent-1"); next.isPresent();
        next = engine.claimNext("agents", "agent-1")) {
      claimed.add(next.get().instance().value() + "@" + next.get().priority());
    }
    assertThat(claimed).containsExactly("P-n-3@2", "P-n-6@2", "P-n-4@1", "P-n-1@0", "P-n-2@0", "P-n-5@-1");
    assertThat(engine.queueDepth("agents")).isZero();
    assertThat(engine.oldestWaiting("agents")).isEmpty();
  }

  @Test
  @DisplayName("a released item goes back to its priority's place; the next step's item starts at the "
      + "instance's priority")
  void releaseAndNextStep() {
    WorkflowEngine engine = engine();
    start(engine, "old", 0);
    WorkItemId vip = start(engine, "vip", 3);
    WorkItem held = engine.claimNext("agents", "agent-1").orElseThrow();
    assertThat(held.id()).isEqualTo(vip);
    assertThat(held.priority()).isEqualTo(3);

    WorkItem released = engine.release(vip, "agent-1");
    assertThat(released.priority()).isEqualTo(3);
    assertThat(order(engine.queued("agents", 10))).containsExactly("P-n-2@3", "P-n-1@0");

    WorkItem again = engine.claim(vip, "agent-2");
    Completion done = engine.complete(again.id(), again.token(), StepResult.of("answered"));
    WorkItem filed = engine.workItem(done.instance().workItem().orElseThrow()).orElseThrow();
    assertSoftly(soft -> {
      soft.assertThat(filed.step()).isEqualTo("file");
      soft.assertThat(filed.priority()).isEqualTo(3);
      soft.assertThat(filed.claimedBy()).isEmpty();
      soft.assertThat(engine.queued("back-office", 10)).containsExactly(filed);
    });
  }

  @Test
  @DisplayName("the starting priority is stored with the instance; a new engine on the store serves in the same "
      + "order")
  void storedAndResumed() {
    WorkflowEngine engine = engine();
    start(engine, "a", 0);
    WorkItemId b = start(engine, "b", 5);
    start(engine, "c", 1);
    List<WorkItem> before = engine.queued("agents", 10);
    InstanceRecord stored = store.find(ProcessInstanceId.of("P-n-2")).orElseThrow().value();
    assertThat(stored.priority()).isEqualTo(5);
    assertThat(stored.openItem().orElseThrow().priority()).isEqualTo(5);

    WorkflowEngine second = WorkflowEngine.builder().clock(clock).store(store).audit(audit).build().deploy(ticket());
    assertThat(second.queued("agents", 10)).isEqualTo(before);
    assertThat(order(before)).containsExactly("P-n-2@5", "P-n-3@1", "P-n-1@0");
    WorkItem next = second.claimNext("agents", "agent-1").orElseThrow();
    assertThat(next.id()).isEqualTo(b);
    second.complete(next.id(), next.token(), StepResult.of("answered"));
    assertThat(second.workItem(second.instance(ProcessInstanceId.of("P-n-2")).orElseThrow().workItem()
        .orElseThrow()).orElseThrow().priority()).isEqualTo(5);
  }

  @Test
  @DisplayName("a completion's audit record carries the item's priority; other records and items at 0 carry none")
  void audited() {
    WorkflowEngine engine = engine();
    WorkItemId vip = start(engine, "vip", 2);
    WorkItemId plain = start(engine, "plain", 0);
    for (WorkItemId id : List.of(vip, plain)) {
      WorkItem item = engine.claim(id, "agent-1");
      engine.complete(item.id(), item.token(), StepResult.of("answered"));
    }
    assertThat(audit.records(ProcessInstanceId.of("P-n-1")))
        .extracting(r -> r.kind() + " " + r.from().orElse("-") + " " + r.priority())
        .containsExactly("STARTED - 0", "COMPLETED answer 2");
    assertThat(audit.records(ProcessInstanceId.of("P-n-2")))
        .extracting(r -> r.kind() + " " + r.from().orElse("-") + " " + r.priority())
        .containsExactly("STARTED - 0", "COMPLETED answer 0");
    assertThatThrownBy(() -> new AuditRecord(ProcessInstanceId.of("P-1"), 1, AuditRecord.Kind.STARTED,
        Optional.empty(), Optional.of("answer"), Optional.empty(), "engine", T0, T0, Optional.empty(),
        Optional.empty(), Optional.empty(), 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priority 1 on a STARTED record; only a COMPLETED or ESCALATED record carries");
  }

  @Test
  @DisplayName("a timer's item has priority 0 whatever the request's, and a WorkItem refuses another")
  void timerHasNoPriority() {
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock).build()
        .deploy(ProcessDefinition.builder("cool-off", 1)
            .step("wait", Performer.timer(Duration.ofDays(14)), "Fourteen days to withdraw").build());
    ProcessInstance started = engine.start(StartRequest.of("cool-off", DANA, "k").atPriority(4));
    WorkItem timer = engine.workItem(started.workItem().orElseThrow()).orElseThrow();
    assertThat(timer.priority()).isZero();
    assertThatThrownBy(() -> timer.withPriority(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has priority 1; a timer's item is in no queue, so its priority is 0");
  }

  @Test
  @DisplayName("StartRequest: 0 by default, kept by every wither; WorkItem's older constructors give 0")
  void defaults() {
    StartRequest plain = StartRequest.of("ticket", DANA, "k");
    StartRequest vip = plain.atPriority(7).with("channel", "phone").atVersion(1)
        .forAgreement(io.cemkit.core.AgreementId.of("AG-1"));
    assertThat(plain.priority()).isZero();
    assertThat(new StartRequest("ticket", Optional.empty(), DANA, Optional.empty(), Map.of(), "k").priority())
        .isZero();
    assertThat(vip.priority()).isEqualTo(7);
    assertThat(vip.variables()).containsEntry("channel", "phone");

    WorkItem item = WorkItem.unclaimed(WorkItemId.of("P-1/1"), ProcessInstanceId.of("P-1"), "answer",
        Performer.queue("agents"), T0, "tok");
    assertThat(item.priority()).isZero();
    assertThat(new WorkItem(item.id(), item.instance(), item.step(), item.performer(), T0, Optional.empty(),
        Optional.empty(), "tok", Optional.empty()).priority()).isZero();
    assertThat(item.withPriority(3)).isEqualTo(WorkItem.unclaimed(item.id(), item.instance(), "answer",
        Performer.queue("agents"), T0, "tok", 3));
    assertThat(item.withPriority(3).toString()).endsWith(", unclaimed, priority 3]").doesNotContain("tok");
    assertThat(item.toString()).endsWith(", unclaimed]");
  }
}
