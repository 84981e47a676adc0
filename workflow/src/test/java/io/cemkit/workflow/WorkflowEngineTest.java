package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.VirtualClock;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.InstanceStore;
import io.cemkit.workflow.spi.WorkflowListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WorkflowEngineTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final VirtualClock clock = VirtualClock.at(T0);
  private final AuditLog audit = AuditLog.inMemory();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean checkFails = new AtomicBoolean();

  private WorkflowEngine.Builder engineBuilder() {
    return WorkflowEngine.builder().clock(clock).audit(audit)
        .handler("check", ctx -> {
          if (checkFails.get()) {
            throw new IllegalStateException("agreement store unavailable");
          }
          return StepResult.of("ok").with("checked", true);
        })
        .handler("suspend", ctx -> StepResult.of("done"))
        .listener(new WorkflowListener() {
          @Override
          public void instanceStarted(ProcessInstance instance) {
            events.add("started " + instance.id());
          }

          @Override
          public void workItemCreated(WorkItem item) {
            events.add("item " + item.step());
          }

          @Override
          public void instanceFailed(ProcessInstance instance) {
            events.add("failed " + instance.id());
          }

          @Override
          public void instanceEnded(ProcessInstance instance) {
            events.add("ended " + instance.id());
          }
        });
  }

  private static ProcessDefinition suspension(int version) {
    return ProcessDefinition.builder("suspension", version)
        .step("check", Performer.automated("check"), "Check the agreement").then("confirm")
        .step("confirm", Performer.queue("agents"), "Confirm with the customer")
            .when("long suspension", ctx -> ctx.variable("days", Integer.class).orElse(0) > 30, "approve")
            .onOutcome("cancelled", "cancel-note")
            .otherwise("suspend")
        .step("approve", Performer.queue("agents"), "Approve a long suspension").then("suspend")
        .step("cancel-note", Performer.queue("agents"), "Note why the customer cancelled")
        .step("suspend", Performer.automated("suspend"), "Suspend the agreement")
        .build();
  }

  private WorkflowEngine engine() {
    return engineBuilder().build().deploy(suspension(1));
  }

  @Test
  @DisplayName("automated steps run inline until a human step; the item waits in its queue")
  void startRunsUntilHumanStep() {
    WorkflowEngine engine = engine();
    ProcessInstance instance = engine.start(StartRequest.of("suspension", DANA, "req-1").with("days", 10));
    assertThat(instance.isWaitingAt("confirm")).isTrue();
    assertThat(instance.variables()).containsEntry("checked", true).containsEntry("days", 10);
    assertThat(instance.version()).isEqualTo(1);
    assertThat(engine.queueDepth("agents")).isEqualTo(1);
    assertThat(engine.oldestWaiting("agents")).contains(T0);
    assertThat(events).containsExactly("started " + instance.id(), "item confirm");
    assertThat(audit.records(instance.id())).extracting(AuditRecord::kind, r -> r.from().orElse("-"),
        r -> r.to().orElse("-"), AuditRecord::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditRecord.Kind.STARTED, "-", "check", "engine"),
            org.assertj.core.groups.Tuple.tuple(AuditRecord.Kind.COMPLETED, "check", "confirm", "check"));
  }

  @Test
  @DisplayName("claim, complete with the token, route on a typed variable, and get the next item of the same queue")
  void completeHandsOverTheNextItem() {
    WorkflowEngine engine = engine();
    engine.start(StartRequest.of("suspension", DANA, "req-1").with("days", 45));
    WorkItem item = engine.claimNext("agents", "agent-7").orElseThrow();
    assertThat(engine.queueDepth("agents")).isZero();
    assertThat(engine.inHand("agent-7")).isEqualTo(1);
    clock.advance(Duration.ofMinutes(5));
    Completion completion = engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(completion.instance().isWaitingAt("approve")).isTrue();
    WorkItem next = completion.next().orElseThrow();
    assertThat(next.step()).isEqualTo("approve");
    assertThat(next.claimedBy()).contains("agent-7");
    assertThat(engine.inHand("agent-7")).isEqualTo(1);
    Completion done = engine.complete(next.id(), next.token(), StepResult.of("approved"));
    assertThat(done.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(done.instance().endedAt()).contains(T0.plus(Duration.ofMinutes(5)));
    assertThat(done.next()).isEmpty();
    assertThat(engine.inHand("agent-7")).isZero();
    List<AuditRecord> records = audit.records(done.instance().id());
    assertThat(records).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(records.get(2).actor()).isEqualTo("agent-7");
    assertThat(records.get(2).outcome()).contains("confirmed");
    assertThat(records.get(2).enteredAt()).isEqualTo(T0);
    assertThat(records.get(2).at()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(records.get(4).to()).isEmpty();
  }

  @Test
  @DisplayName("a wrong token is refused without showing either token; a repeated completion has no second effect")
  void tokensAndDuplicates() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "req-1"));
    WorkItem item = engine.workItem(started.workItem().orElseThrow()).orElseThrow();
    assertThatThrownBy(() -> engine.complete(item.id(), "guess", StepResult.of("x")))
        .isInstanceOf(CompletionTokenException.class).hasMessageNotContaining("guess")
        .hasMessageNotContaining(item.token()).hasMessageContaining(item.id().value());
    Completion first = engine.complete(item.id(), item.token(), StepResult.of("cancelled"));
    int recorded = audit.records(started.id()).size();
    Completion again = engine.complete(item.id(), item.token(), StepResult.of("something-else"));
    assertThat(again.instance()).isEqualTo(first.instance());
    assertThat(again.next()).isEmpty();
    assertThatThrownBy(() -> engine.complete(item.id(), "wrong", StepResult.of("x")))
        .isInstanceOf(CompletionTokenException.class);
    assertThat(audit.records(started.id())).hasSize(recorded);
    assertThat(first.instance().isWaitingAt("cancel-note")).isTrue();
    assertThat(item.toString()).doesNotContain(item.token());
    assertThatThrownBy(() -> engine.claim(item.id(), "agent-1")).isInstanceOf(WorkItemStateException.class)
        .hasMessageContaining("already completed");
  }

  @Test
  @DisplayName("a repeated idempotency key returns the first instance and starts nothing")
  void idempotentStart() {
    WorkflowEngine engine = engine();
    ProcessInstance first = engine.start(StartRequest.of("suspension", DANA, "req-1"));
    ProcessInstance second = engine.start(StartRequest.of("suspension", DANA, "req-1"));
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(engine.queueDepth("agents")).isEqualTo(1);
    assertThat(events.stream().filter(e -> e.startsWith("started"))).hasSize(1);
  }

  @Test
  @DisplayName("a failing handler leaves the instance visibly FAILED; retry runs the step again")
  void failureAndRetry() {
    WorkflowEngine engine = engine();
    checkFails.set(true);
    ProcessInstance failed = engine.start(StartRequest.of("suspension", DANA, "req-1"));
    assertThat(failed.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(failed.step()).contains("check");
    assertThat(failed.failure()).contains("IllegalStateException: agreement store unavailable");
    assertThat(events).contains("failed " + failed.id());
    assertThat(audit.records(failed.id()).get(1).kind()).isEqualTo(AuditRecord.Kind.FAILED);
    checkFails.set(false);
    ProcessInstance retried = engine.retry(failed.id());
    assertThat(retried.isWaitingAt("confirm")).isTrue();
    assertThat(retried.failure()).isEmpty();
    assertThat(audit.records(failed.id())).extracting(AuditRecord::kind).containsExactly(AuditRecord.Kind.STARTED,
        AuditRecord.Kind.FAILED, AuditRecord.Kind.RETRIED, AuditRecord.Kind.COMPLETED);
    assertThatThrownBy(() -> engine.retry(failed.id())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is WAITING; only a FAILED instance can be retried");
  }

  @Test
  @DisplayName("a route condition that throws fails the instance at that step instead of losing the transition")
  void brokenCondition() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k").with("days", "forty"));
    WorkItem item = engine.claim(started.workItem().orElseThrow(), "agent-1");
    Completion completion = engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(completion.instance().status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(completion.instance().step()).contains("confirm");
    assertThat(completion.instance().failure())
        .contains("a route condition failed after outcome 'confirmed': ClassCastException: variable 'days' holds a "
            + "String, expected Integer");
    assertThat(engine.inHand("agent-1")).isZero();
  }

  @Test
  @DisplayName("automated steps that route in a circle are stopped and the instance fails, not the thread")
  void inlineLoopGuard() {
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock)
        .handler("spin", ctx -> StepResult.of(ctx.variables().isEmpty() ? "again" : "stop"))
        .build()
        .deploy(ProcessDefinition.builder("spinner", 1)
            .step("a", Performer.automated("spin"), "A").onOutcome("again", "b").otherwiseEnd()
            .step("b", Performer.automated("spin"), "B").then("a")
            .build());
    ProcessInstance instance = engine.start(StartRequest.of("spinner", DANA, "k"));
    assertThat(instance.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(instance.failure()).contains("more than 10000 automated steps in one call; the routes loop");
  }

  @Test
  @DisplayName("capacity: a performer cannot hold more than their capacity; the refused item stays queued")
  void capacity() {
    WorkflowEngine engine = engineBuilder().capacity(p -> 1).build().deploy(suspension(1));
    engine.start(StartRequest.of("suspension", DANA, "a"));
    engine.start(StartRequest.of("suspension", DANA, "b"));
    WorkItem first = engine.claimNext("agents", "agent-1").orElseThrow();
    assertThatThrownBy(() -> engine.claimNext("agents", "agent-1")).isInstanceOf(CapacityExceededException.class)
        .hasMessage("Performer agent-1 holds 1 work item(s), their capacity is 1; complete or release one first");
    assertThat(engine.queueDepth("agents")).isEqualTo(1);
    WorkItem other = engine.claimNext("agents", "agent-2").orElseThrow();
    assertThat(other.id()).isNotEqualTo(first.id());
    assertThat(engine.claimNext("agents", "agent-3")).isEmpty();
  }

  @Test
  @DisplayName("release puts an item back in its original place; only its holder may release it")
  void release() {
    WorkflowEngine engine = engine();
    engine.start(StartRequest.of("suspension", DANA, "a"));
    clock.advance(Duration.ofMinutes(1));
    engine.start(StartRequest.of("suspension", DANA, "b"));
    WorkItem oldest = engine.claimNext("agents", "agent-1").orElseThrow();
    assertThat(engine.oldestWaiting("agents")).contains(T0.plus(Duration.ofMinutes(1)));
    assertThatThrownBy(() -> engine.release(oldest.id(), "agent-2")).isInstanceOf(WorkItemStateException.class)
        .hasMessage("Work item " + oldest.id() + " is not held by agent-2 (held by agent-1)");
    assertThatThrownBy(() -> engine.claim(oldest.id(), "agent-2")).isInstanceOf(WorkItemStateException.class)
        .hasMessageContaining("is held by agent-1");
    engine.release(oldest.id(), "agent-1");
    assertThat(engine.inHand("agent-1")).isZero();
    assertThat(engine.oldestWaiting("agents")).contains(T0);
    assertThat(engine.claimNext("agents", "agent-2").orElseThrow().id()).isEqualTo(oldest.id());
  }

  @Test
  @DisplayName("deploying needs every handler; unknown processes, versions and items fail clearly")
  void deployAndLookups() {
    WorkflowEngine bare = WorkflowEngine.builder().clock(clock).handler("check", ctx -> StepResult.of("ok")).build();
    assertThatThrownBy(() -> bare.deploy(suspension(1))).isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("Process definition suspension v1 is invalid: handler 'suspend' is not registered with the "
            + "engine (registered: [check])");
    WorkflowEngine engine = engine();
    assertThatThrownBy(() -> engine.deploy(suspension(1))).isInstanceOf(DuplicateEntityException.class);
    assertThatThrownBy(() -> engine.start(StartRequest.of("renewal", DANA, "k")))
        .isInstanceOf(UnknownEntityException.class).hasMessageContaining("renewal").hasMessageContaining("[suspension]");
    assertThatThrownBy(() -> engine.start(StartRequest.of("suspension", DANA, "k").atVersion(7)))
        .isInstanceOf(UnknownEntityException.class).hasMessageContaining("deployed versions: [1]");
    assertThatThrownBy(() -> engine.claim(WorkItemId.of("W-404"), "a")).isInstanceOf(UnknownEntityException.class);
    assertThatThrownBy(() -> engine.retry(ProcessInstanceId.of("P-404"))).isInstanceOf(UnknownEntityException.class);
    assertThatThrownBy(() -> WorkflowEngine.builder().handler("x", c -> null).handler("x", c -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("handler 'x' is registered twice");
  }

  @Test
  @DisplayName("running instances stay on their version; new starts take the latest")
  void pinnedVersions() {
    WorkflowEngine engine = engine();
    ProcessInstance old = engine.start(StartRequest.of("suspension", DANA, "old"));
    engine.deploy(ProcessDefinition.builder("suspension", 2)
        .step("confirm", Performer.queue("agents"), "Confirm").build());
    ProcessInstance fresh = engine.start(StartRequest.of("suspension", DANA, "new"));
    assertThat(fresh.version()).isEqualTo(2);
    WorkItem item = engine.claim(old.workItem().orElseThrow(), "agent-1");
    Completion completion = engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(completion.instance().version()).isEqualTo(1);
    assertThat(completion.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  @Timeout(60)
  @DisplayName("8 threads claiming and completing 1,600 three-step instances: no lost or doubled transition")
  void concurrentWorkers() throws Exception {
    WorkflowEngine engine = engineBuilder().capacity(p -> 3).build().deploy(ProcessDefinition.builder("triple", 1)
        .step("one", Performer.queue("q"), "One").then("two")
        .step("two", Performer.queue("q"), "Two").then("three")
        .step("three", Performer.queue("q"), "Three")
        .build());
    int instances = 1_600;
    List<ProcessInstanceId> ids = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      ids.add(engine.start(StartRequest.of("triple", DANA, "k" + i)).id());
    }
    AtomicInteger completions = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      String worker = "worker-" + w;
      workers.add(pool.submit(() -> {
        Optional<WorkItem> item = engine.claimNext("q", worker);
        while (item.isPresent()) {
          WorkItem it = item.get();
          Completion c = engine.complete(it.id(), it.token(), StepResult.of("done"));
          // A duplicate completion from a retrying client changes nothing.
          engine.complete(it.id(), it.token(), StepResult.of("done"));
          completions.incrementAndGet();
          item = c.next().isPresent() ? c.next() : engine.claimNext("q", worker);
        }
        return null;
      }));
    }
    for (Future<?> f : workers) {
      f.get();
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(completions.get()).isEqualTo(instances * 3);
    assertThat(engine.queueDepth("q")).isZero();
    for (int w = 0; w < 8; w++) {
      assertThat(engine.inHand("worker-" + w)).isZero();
    }
    for (ProcessInstanceId id : ids) {
      assertThat(engine.instance(id).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(audit.records(id)).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
    }
  }

  @Test
  @DisplayName("an engine rebuilt on the same store continues where the last one stopped")
  void restart() {
    InstanceStore store = InstanceStore.inMemory();
    WorkflowEngine before = engineBuilder().store(store).build().deploy(suspension(1));
    ProcessInstance a = before.start(StartRequest.of("suspension", DANA, "a").with("days", 45));
    ProcessInstance b = before.start(StartRequest.of("suspension", DANA, "b"));
    WorkItem held = before.claim(a.workItem().orElseThrow(), "agent-1");
    Completion moved = before.complete(held.id(), held.token(), StepResult.of("confirmed"));
    WorkItem approval = moved.next().orElseThrow();

    WorkflowEngine after = engineBuilder().store(store).build();
    assertThat(after.queueDepth("agents")).isZero();
    after.deploy(suspension(1));
    assertThat(after.queueDepth("agents")).isEqualTo(1);
    assertThat(after.inHand("agent-1")).isEqualTo(1);
    assertThat(after.instance(a.id()).orElseThrow().isWaitingAt("approve")).isTrue();
    assertThat(after.start(StartRequest.of("suspension", DANA, "b")).id()).isEqualTo(b.id());
    // A client that retries the completion it made before the restart changes nothing.
    assertThat(after.complete(held.id(), held.token(), StepResult.of("confirmed")).instance().isWaitingAt("approve"))
        .isTrue();
    Completion done = after.complete(approval.id(), approval.token(), StepResult.of("approved"));
    assertThat(done.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(audit.records(a.id())).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(after.inHand("agent-1")).isZero();
    // Completed instances leave memory but stay readable, and their idempotency key still holds.
    assertThat(after.instance(a.id()).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(after.start(StartRequest.of("suspension", DANA, "a")).id()).isEqualTo(a.id());
    assertThat(after.complete(approval.id(), approval.token(), StepResult.of("approved")).instance().status())
        .isEqualTo(InstanceStatus.COMPLETED);
    assertThatThrownBy(() -> after.claim(approval.id(), "agent-2")).isInstanceOf(WorkItemStateException.class)
        .hasMessageContaining("already completed");
  }

  @Test
  @DisplayName("a refused store write leaves the instance as stored, and the error reaches the caller")
  void storeFailure() {
    HookedStore flaky = new HookedStore();
    WorkflowEngine engine = engineBuilder().store(flaky).build().deploy(suspension(1));
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k"));
    WorkItem item = engine.claim(started.workItem().orElseThrow(), "agent-1");
    flaky.failWrites.set(true);
    assertThatThrownBy(() -> engine.complete(item.id(), item.token(), StepResult.of("confirmed")))
        .isInstanceOf(io.cemkit.core.StorageException.class).hasMessage("database down");
    assertThat(engine.instance(started.id()).orElseThrow().isWaitingAt("confirm")).isTrue();
    assertThat(engine.inHand("agent-1")).isEqualTo(1);
    flaky.failWrites.set(false);
    Completion completion = engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(completion.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(engine.inHand("agent-1")).isZero();
  }

  @Test
  @DisplayName("the customer context sees the open instances, where they wait and since when")
  void openProcesses() {
    WorkflowEngine engine = engine();
    ProcessInstance waiting = engine.start(StartRequest.of("suspension", DANA, "a")
        .forAgreement(io.cemkit.core.AgreementId.of("AG-1")));
    checkFails.set(true);
    clock.advance(Duration.ofMinutes(3));
    ProcessInstance failed = engine.start(StartRequest.of("suspension", DANA, "b"));
    assertThat(engine.openFor(DANA, clock.instant())).extracting(io.cemkit.core.ProcessSummary::id,
        io.cemkit.core.ProcessSummary::currentStep, s -> s.waitingFor().orElse("-"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(waiting.id(), "confirm", "agents"),
            org.assertj.core.groups.Tuple.tuple(failed.id(), "check", "-"));
    assertThat(engine.openFor(DANA, clock.instant()).get(0).agreement())
        .contains(io.cemkit.core.AgreementId.of("AG-1"));
    assertThat(engine.openFor(CustomerId.of("C-OTHER"), clock.instant())).isEmpty();
  }

  @Test
  @DisplayName("listeners hear every transition once, in order, after it is recorded")
  void transitionsAnnounced() {
    List<String> heard = new ArrayList<>();
    WorkflowEngine engine = engineBuilder().listener(new WorkflowListener() {
      @Override
      public void transitioned(AuditRecord record) {
        heard.add(record.sequence() + " " + record.kind() + " " + record.to().orElse("(end)"));
      }
    }).build().deploy(suspension(1));
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k"));
    WorkItem item = engine.claim(started.workItem().orElseThrow(), "agent-1");
    engine.complete(item.id(), item.token(), StepResult.of("fine"));
    assertThat(heard).containsExactly("1 STARTED check", "2 COMPLETED confirm", "3 COMPLETED suspend",
        "4 COMPLETED (end)");
  }


}
