package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A step handler or a route condition runs under its instance's lock, in the middle of a transition: it may read
 * the engine, but every call that changes it is refused, and the instance fails with the reason instead of
 * deadlocking or nesting one transition inside another.
 */
class StepReentrancyTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String REFUSAL = "IllegalStateException: a step handler or route condition may read the "
      + "engine but not change it: return a StepResult, and start or complete other work from a WorkflowListener";
  private static final WorkItemId ITEM = WorkItemId.of("P-n-1/1");
  private static final ProcessInstanceId OTHER = ProcessInstanceId.of("P-n-1");

  private final VirtualClock clock = VirtualClock.at(T0);
  private final AtomicReference<WorkflowEngine> engine = new AtomicReference<>();

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("start", (Consumer<WorkflowEngine>) e -> e.start(StartRequest.of("ticket", DANA, "nested"))),
        Arguments.of("claim", (Consumer<WorkflowEngine>) e -> e.claim(ITEM, "agent-1")),
        Arguments.of("lease", (Consumer<WorkflowEngine>) e -> e.lease(ITEM, "partner", Duration.ofHours(1))),
        Arguments.of("claimNext", (Consumer<WorkflowEngine>) e -> e.claimNext("agents", "agent-1")),
        Arguments.of("leaseNext", (Consumer<WorkflowEngine>) e -> e.leaseNext("agents", "p", Duration.ofHours(1))),
        Arguments.of("release", (Consumer<WorkflowEngine>) e -> e.release(ITEM, "agent-1")),
        Arguments.of("complete", (Consumer<WorkflowEngine>) e -> e.complete(ITEM, "token", StepResult.of("done"))),
        Arguments.of("retry", (Consumer<WorkflowEngine>) e -> e.retry(OTHER)),
        Arguments.of("cancel", (Consumer<WorkflowEngine>) e -> e.cancel(OTHER, "agent-1", "nested")),
        Arguments.of("checkDeadlines", (Consumer<WorkflowEngine>) WorkflowEngine::checkDeadlines),
        Arguments.of("expireLeases", (Consumer<WorkflowEngine>) WorkflowEngine::expireLeases),
        Arguments.of("fireTimers", (Consumer<WorkflowEngine>) WorkflowEngine::fireTimers),
        Arguments.of("purgeExpired", (Consumer<WorkflowEngine>) e -> e.purgeExpired(10)));
  }

  /** ticket: answer (queue agents), then the automated step "check", then the end. */
  private WorkflowEngine engine(StepHandler check, RouteCondition condition) {
    ProcessDefinition ticket = ProcessDefinition.builder("ticket", 1)
        .step("answer", Performer.queue("agents"), "Answer the customer").then("check")
        .step("check", Performer.automated("check"), "Check the answer")
        .whenEnd("the check passed", condition).otherwiseEnd()
        .build();
    WorkflowEngine built = WorkflowEngine.builder().clock(clock).handler("check", check).node("n").build()
        .deploy(ticket);
    engine.set(built);
    return built;
  }

  /** Starts a ticket (P-n-1, item P-n-1/1 in queue agents) and a second one, then completes the second's answer. */
  private ProcessInstance runSecond(WorkflowEngine e) {
    e.start(StartRequest.of("ticket", DANA, "first"));
    WorkItemId second = e.start(StartRequest.of("ticket", DANA, "second")).workItem().orElseThrow();
    WorkItem claimed = e.claim(second, "agent-2");
    return e.complete(second, claimed.token(), StepResult.of("answered")).instance();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void aHandlerThatChangesTheEngineFailsItsInstanceAndChangesNothing(String call, Consumer<WorkflowEngine> change) {
    WorkflowEngine e = engine(ctx -> {
      change.accept(engine.get());
      return StepResult.of("ok");
    }, ctx -> true);
    ProcessInstance second = runSecond(e);
    assertThat(second.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(second.step()).contains("check");
    assertThat(second.failure()).contains(REFUSAL);
    ProcessInstance first = e.instance(OTHER).orElseThrow();
    assertThat(first.status()).isEqualTo(InstanceStatus.WAITING);
    assertThat(e.workItem(ITEM).orElseThrow().claimedBy()).isEmpty();
    assertThat(e.queueDepth("agents")).isEqualTo(1);
    assertThat(e.instance(ProcessInstanceId.of("P-n-3"))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void aRouteConditionThatChangesTheEngineFailsItsInstance(String call, Consumer<WorkflowEngine> change) {
    WorkflowEngine e = engine(ctx -> StepResult.of("ok"), ctx -> {
      change.accept(engine.get());
      return true;
    });
    ProcessInstance second = runSecond(e);
    assertThat(second.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(second.failure()).contains("a route condition failed after outcome 'ok': " + REFUSAL);
    assertThat(e.instance(OTHER).orElseThrow().status()).isEqualTo(InstanceStatus.WAITING);
    assertThat(e.queueDepth("agents")).isEqualTo(1);
    assertThat(e.instance(ProcessInstanceId.of("P-n-3"))).isEmpty();
  }

  @Test
  void aHandlerMayReadTheEngineAndLaterCallsMayChangeItAgain() {
    AtomicReference<String> seen = new AtomicReference<>();
    WorkflowEngine e = engine(ctx -> {
      WorkflowEngine read = engine.get();
      seen.set(read.queueDepth("agents") + " queued, first " + read.instance(OTHER).orElseThrow().status());
      return StepResult.of("ok", Map.of("checked", true));
    }, ctx -> true);
    ProcessInstance second = runSecond(e);
    assertThat(second.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(second.variables()).containsEntry("checked", true);
    assertThat(seen.get()).isEqualTo("1 queued, first WAITING");
    // the flag is cleared after the step: the same thread may change the engine again
    WorkItem claimed = e.claim(ITEM, "agent-1");
    assertThat(e.complete(ITEM, claimed.token(), StepResult.of("answered")).instance().status())
        .isEqualTo(InstanceStatus.COMPLETED);
  }
}
