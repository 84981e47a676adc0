package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.InstanceStore;
import io.cemkit.workflow.spi.WorkflowListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cancelling instances, and reading a queue's items and a performer's hands. */
class CancelAndListingTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final VirtualClock clock = VirtualClock.at(T0);
  private final InstanceStore store = InstanceStore.inMemory();
  private final AuditLog audit = AuditLog.inMemory();
  private final List<String> ended = Collections.synchronizedList(new ArrayList<>());

  /** review (agents) -> approve (supervisors). */
  private static ProcessDefinition complaint() {
    return ProcessDefinition.builder("complaint", 1).retention(Duration.ofDays(10))
        .step("review", Performer.queue("agents"), "Review the complaint").then("approve")
        .step("approve", Performer.queue("supervisors"), "Approve the answer")
        .build();
  }

  private WorkflowEngine engine() {
    return WorkflowEngine.builder().clock(clock).store(store).audit(audit)
        .listener(new WorkflowListener() {
          @Override
          public void instanceEnded(ProcessInstance instance) {
            ended.add(instance.id() + " " + instance.status());
          }
        })
        .build().deploy(complaint());
  }

  @Test
  @DisplayName("cancel takes the item out of its queue, records the reason, ends the instance; again is a no-op")
  void cancelWaiting() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("complaint", DANA, "c-1"));
    clock.advance(Duration.ofMinutes(5));
    ProcessInstance cancelled = engine.cancel(started.id(), "agent-7", "the customer withdrew the complaint");

    assertThat(cancelled.status()).isEqualTo(InstanceStatus.CANCELLED);
    assertThat(cancelled.step()).contains("review");
    assertThat(cancelled.workItem()).isEmpty();
    assertThat(cancelled.endedAt()).contains(T0.plusSeconds(300));
    assertThat(engine.queueDepth("agents")).isZero();
    assertThat(engine.workItem(started.workItem().orElseThrow())).isEmpty();
    assertThat(engine.openFor(DANA, clock.instant())).isEmpty();
    assertThat(ended).containsExactly(started.id() + " CANCELLED");
    AuditRecord last = audit.records(started.id()).get(1);
    assertThat(last.kind()).isEqualTo(AuditRecord.Kind.CANCELLED);
    assertThat(last.from()).contains("review");
    assertThat(last.to()).isEmpty();
    assertThat(last.actor()).isEqualTo("agent-7");
    assertThat(last.outcome()).contains("the customer withdrew the complaint");
    assertThat(last.at()).isEqualTo(T0.plusSeconds(300));

    assertThat(engine.cancel(started.id(), "agent-7", "again")).isEqualTo(cancelled);
    assertThat(audit.records(started.id())).hasSize(2);
    assertThat(ended).hasSize(1);
  }

  @Test
  @DisplayName("cancelling a claimed item's instance frees the holder's hands; its token no longer completes")
  void cancelClaimed() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("complaint", DANA, "c-1"));
    WorkItem claimed = engine.claim(started.workItem().orElseThrow(), "agent-1");
    engine.cancel(started.id(), "system", "duplicate complaint");
    assertThat(engine.inHand("agent-1")).isZero();
    assertThat(engine.heldBy("agent-1")).isEmpty();
    assertThatThrownBy(() -> engine.complete(claimed.id(), claimed.token(), StepResult.of("done")))
        .isInstanceOf(UnknownEntityException.class).hasMessageContaining(claimed.id().value());
  }

  @Test
  @DisplayName("a completed instance cannot be cancelled; an unknown one is reported; blank reasons are refused")
  void refusals() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("complaint", DANA, "c-1"));
    WorkItem review = engine.claimNext("agents", "agent-1").orElseThrow();
    WorkItem approve = engine.complete(review.id(), review.token(), StepResult.of("answered")).next()
        .orElseGet(() -> engine.claimNext("supervisors", "boss").orElseThrow());
    engine.complete(approve.id(), approve.token(), StepResult.of("approved"));

    assertThatThrownBy(() -> engine.cancel(started.id(), "agent-7", "too late"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(started.id().value())
        .hasMessageContaining("COMPLETED");
    assertThatThrownBy(() -> engine.cancel(ProcessInstanceId.of("P-nope"), "agent-7", "why"))
        .isInstanceOf(UnknownEntityException.class).hasMessageContaining("P-nope");
    ProcessInstance open = engine.start(StartRequest.of("complaint", DANA, "c-2"));
    assertThatThrownBy(() -> engine.cancel(open.id(), "agent-7", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    assertThat(engine.instance(open.id()).orElseThrow().status()).isEqualTo(InstanceStatus.WAITING);
  }

  @Test
  @DisplayName("a cancelled instance survives a restart as ended and is purged after its retention")
  void cancelledIsEnded() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("complaint", DANA, "c-1"));
    engine.cancel(started.id(), "agent-7", "withdrawn");
    assertThat(store.open()).isEmpty();
    WorkflowEngine rebuilt = engine();
    assertThat(rebuilt.instance(started.id()).orElseThrow().status()).isEqualTo(InstanceStatus.CANCELLED);
    assertThat(rebuilt.queueDepth("agents")).isZero();
    clock.advance(Duration.ofDays(10));
    assertThat(rebuilt.purgeExpired(10)).isEqualTo(1);
    assertThat(rebuilt.instance(started.id())).isEmpty();
  }

  @Test
  @DisplayName("queued lists a queue oldest first up to a limit; heldBy lists a performer's items by claim time")
  void listings() {
    WorkflowEngine engine = engine();
    List<ProcessInstance> started = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      started.add(engine.start(StartRequest.of("complaint", CustomerId.of("C-" + i), "c-" + i)));
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(engine.queued("agents", 10)).extracting(WorkItem::instance)
        .containsExactly(started.get(0).id(), started.get(1).id(), started.get(2).id(), started.get(3).id());
    assertThat(engine.queued("agents", 2)).extracting(WorkItem::instance)
        .containsExactly(started.get(0).id(), started.get(1).id());
    assertThat(engine.queued("nobody", 5)).isEmpty();
    assertThatThrownBy(() -> engine.queued("agents", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");

    WorkItem third = engine.claim(started.get(2).workItem().orElseThrow(), "agent-1");
    clock.advance(Duration.ofMinutes(1));
    WorkItem first = engine.claim(started.get(0).workItem().orElseThrow(), "agent-1");
    engine.claim(started.get(1).workItem().orElseThrow(), "agent-2");
    assertThat(engine.heldBy("agent-1")).containsExactly(third, first);
    assertThat(engine.queued("agents", 10)).extracting(WorkItem::instance).containsExactly(started.get(3).id());

    engine.release(third.id(), "agent-1");
    assertThat(engine.heldBy("agent-1")).containsExactly(first);
    assertThat(engine.queued("agents", 10)).extracting(WorkItem::instance)
        .containsExactly(started.get(2).id(), started.get(3).id());
    engine.complete(first.id(), first.token(), StepResult.of("answered"));
    assertThat(engine.heldBy("agent-1")).isEmpty();
    assertThat(engine.heldBy("nobody")).isEmpty();
  }

  @Test
  @DisplayName("the completion of a claimed step records when it was claimed: wait and work time can be told apart")
  void claimTimeInTheTrail() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("complaint", DANA, "c-1"));
    clock.advance(Duration.ofMinutes(10));
    WorkItem review = engine.claim(started.workItem().orElseThrow(), "agent-1");
    clock.advance(Duration.ofMinutes(25));
    engine.complete(review.id(), review.token(), StepResult.of("answered"));
    AuditRecord completed = audit.records(started.id()).get(1);
    assertThat(completed.kind()).isEqualTo(AuditRecord.Kind.COMPLETED);
    assertThat(completed.enteredAt()).isEqualTo(T0);
    assertThat(completed.claimedAt()).contains(T0.plusSeconds(600));
    assertThat(completed.at()).isEqualTo(T0.plusSeconds(2100));
    assertThat(audit.records(started.id()).get(0).claimedAt()).isEmpty();
  }
}
