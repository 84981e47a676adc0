package io.cemkit.examples;

import static io.cemkit.testkit.CemkitAssertions.assertThat;

import io.cemkit.workflow.ProcessInstance;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkflowDemoTest {

  @Test
  @DisplayName("the suspension request passes both queues, ends suspended, and the story shows its audit trail")
  void story() {
    StringWriter text = new StringWriter();
    ProcessInstance done = new WorkflowDemo(new PrintWriter(text, true)).run();
    assertThat(done).isCompleted().isPinnedTo(1).hasVariable("suspendedFrom", "2026-05-15").hasVariable("days", 45);
    assertThat(text.toString().lines().toList()).contains(
        "  started P-demo-1: the check ran inline, now waiting at confirm; queue service-agents holds 1 item since 09:00",
        "  09:12 agent-17 takes it from the queue and confirms: waiting at approve (over 30 days); queue supervisors holds 1",
        "  the same completion sent again changes nothing: still at approve",
        "    3 COMPLETED confirm  -> approve  confirmed  by agent-17          waited 12 min",
        "    5 COMPLETED suspend  -> (end)    suspended  by suspend-agreement waited 0 min");
  }
}
