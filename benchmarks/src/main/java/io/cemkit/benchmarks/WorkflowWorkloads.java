package io.cemkit.benchmarks;

import io.cemkit.core.CustomerId;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.ProcessDefinition;
import io.cemkit.workflow.StepResult;
import io.cemkit.workflow.WorkflowEngine;
import io.cemkit.workflow.spi.AuditLog;

/**
 * The two workloads of the research note's peer measurement (docs/research/bpm.md, section 5), the
 * names both engines share and the cemkit side; {@link FlowableWorkloads} builds the same processes
 * in Flowable. (This class never touches Flowable, so that timing cemkit's start-up loads no
 * Flowable class.)
 *
 * <ul>
 *   <li><b>A</b> ({@value #AUTOMATED}): five automated steps, start to end in one call. cemkit: five
 *       {@link Performer#automated} steps whose handler returns {@code StepResult.of("ok")}; Flowable:
 *       five service tasks with a no-op {@code JavaDelegate}.
 *   <li><b>B</b> ({@value #HUMAN}): five human steps in the queues {@code queue-1} .. {@code queue-5}.
 *       cemkit: {@link Performer#queue} steps; Flowable: user tasks with that candidate group.
 * </ul>
 */
final class WorkflowWorkloads {
  /** Workload A's process key, the same in both engines. */
  static final String AUTOMATED = "automated5";
  /** Workload B's process key, the same in both engines. */
  static final String HUMAN = "human5";
  /** The steps per process. */
  static final int STEPS = 5;
  /** B's queues, {@code queue-1} .. {@code queue-5}: one per step, as in the peer harness. */
  static final String[] QUEUES = {"queue-1", "queue-2", "queue-3", "queue-4", "queue-5"};
  /** The step ids, the same in both engines. */
  static final String[] STEP_IDS = {"step-1", "step-2", "step-3", "step-4", "step-5"};
  // Literals rather than "step-" + i: the start-up benchmark times building the definitions, and
  // a string concatenation's first run links an invokedynamic call site, which is the benchmark's
  // cost, not the engine's.
  private static final String[] AUTOMATED_ACTIONS = {"Automated step 1", "Automated step 2", "Automated step 3",
      "Automated step 4", "Automated step 5"};
  private static final String[] HUMAN_ACTIONS = {"Human step 1", "Human step 2", "Human step 3", "Human step 4",
      "Human step 5"};
  /** The one customer every instance belongs to. */
  static final CustomerId CUSTOMER = CustomerId.of("C-1");
  /** The cemkit handler every automated step names. */
  static final String NO_OP = "no-op";

  private WorkflowWorkloads() {}

  /**
   * A cemkit engine with the no-op handler and the in-memory audit log (the default, named here
   * so that it stays on), both workloads deployed.
   *
   * @param audit the audit log
   * @return the engine
   */
  static WorkflowEngine cemkit(AuditLog audit) {
    return WorkflowEngine.builder()
        .handler(NO_OP, context -> StepResult.of("ok"))
        .audit(audit)
        .build()
        .deploy(cemkitAutomated())
        .deploy(cemkitHuman());
  }

  /**
   * Workload A for cemkit.
   *
   * @return five automated steps in a row
   */
  static ProcessDefinition cemkitAutomated() {
    ProcessDefinition.Builder builder = ProcessDefinition.builder(AUTOMATED, 1);
    for (int i = 0; i < STEPS; i++) {
      ProcessDefinition.StepBuilder step = builder.step(STEP_IDS[i], Performer.automated(NO_OP), AUTOMATED_ACTIONS[i]);
      if (i + 1 < STEPS) {
        step.then(STEP_IDS[i + 1]);
      }
    }
    return builder.build();
  }

  /**
   * Workload B for cemkit.
   *
   * @return five human steps in a row, step N in {@code queue-N}
   */
  static ProcessDefinition cemkitHuman() {
    ProcessDefinition.Builder builder = ProcessDefinition.builder(HUMAN, 1);
    for (int i = 0; i < STEPS; i++) {
      ProcessDefinition.StepBuilder step = builder.step(STEP_IDS[i], Performer.queue(QUEUES[i]), HUMAN_ACTIONS[i]);
      if (i + 1 < STEPS) {
        step.then(STEP_IDS[i + 1]);
      }
    }
    return builder.build();
  }
}
