package io.cemkit.testkit;

import static io.cemkit.testkit.CemkitAssertions.assertThat;
import static io.cemkit.testkit.CemkitAssertions.assertThatThrownBy;

import io.cemkit.core.CustomerId;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.ProcessDefinition;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.StartRequest;
import io.cemkit.workflow.StepResult;
import io.cemkit.workflow.WorkItem;
import io.cemkit.workflow.WorkflowEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcessInstanceAssertTest {
  private final WorkflowEngine engine = WorkflowEngine.builder()
      .handler("fail", ctx -> {
        throw new IllegalStateException("down");
      })
      .build()
      .deploy(ProcessDefinition.builder("verify", 3)
          .step("verify-documents", Performer.queue("back-office"), "Verify the documents").onOutcome("bad", "escalate")
          .otherwiseEnd()
          .step("escalate", Performer.automated("fail"), "Escalate")
          .build());

  @Test
  @DisplayName("isWaitingAt, isPinnedTo and hasVariable pass on a waiting instance and explain a mismatch")
  void waiting() {
    ProcessInstance instance = engine.start(StartRequest.of("verify", CustomerId.of("C-1"), "k").with("pages", 3).with("note", "private-note"));
    assertThat(instance).isWaitingAt("verify-documents").isPinnedTo(3).hasVariable("pages", 3);
    assertThatThrownBy(() -> assertThat(instance).isWaitingAt("escalate")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be waiting at escalate but it is WAITING at verify-documents");
    assertThatThrownBy(() -> assertThat(instance).isCompleted()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be completed but it is WAITING at verify-documents");
    assertThatThrownBy(() -> assertThat(instance).hasVariable("note", "other")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("variable note with the expected value, but it differs")
        .hasMessageNotContaining("private-note");
    assertThatThrownBy(() -> assertThat(instance).hasVariable("missing", 1)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("variable missing with the expected value, but it is not set");
    assertThatThrownBy(() -> assertThat(instance).isPinnedTo(2)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to run on version 2 but it runs on 3");
  }

  @Test
  @DisplayName("isCompleted and hasFailedAt follow the engine")
  void completedAndFailed() {
    ProcessInstance a = engine.start(StartRequest.of("verify", CustomerId.of("C-1"), "a"));
    WorkItem item = engine.claim(a.workItem().orElseThrow(), "clerk");
    assertThat(engine.complete(item.id(), item.token(), StepResult.of("ok")).instance()).isCompleted();
    ProcessInstance b = engine.start(StartRequest.of("verify", CustomerId.of("C-1"), "b"));
    WorkItem other = engine.claim(b.workItem().orElseThrow(), "clerk");
    assertThat(engine.complete(other.id(), other.token(), StepResult.of("bad")).instance()).hasFailedAt("escalate");
  }

  @Test
  @DisplayName("isCancelledAt names the step; a waiting instance fails it with its status")
  void cancelled() {
    ProcessInstance open = engine.start(StartRequest.of("verify", CustomerId.of("C-1"), "c"));
    assertThatThrownBy(() -> assertThat(open).isCancelledAt("verify-documents")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be cancelled at <verify-documents> but it is WAITING at verify-documents");
    ProcessInstance cancelled = engine.cancel(open.id(), "clerk", "withdrawn");
    assertThat(cancelled).isCancelledAt("verify-documents");
    assertThatThrownBy(() -> assertThat(cancelled).isCancelledAt("escalate")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it is CANCELLED at verify-documents");
  }
}
