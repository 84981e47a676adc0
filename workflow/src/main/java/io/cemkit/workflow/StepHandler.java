package io.cemkit.workflow;

/**
 * An automated step: a Java function the host registers with the engine under the name a
 * {@link Performer.Automated} step refers to. It runs inline, on the thread that moved the
 * instance to its step. If it throws, the instance records the failure and waits in
 * {@link InstanceStatus#FAILED} until {@link WorkflowEngine#retry} runs it again; nothing is lost.
 */
@FunctionalInterface
public interface StepHandler {

  /**
   * Performs the step.
   *
   * @param context the instance, the step and the variables
   * @return the outcome and the variables to set
   */
  StepResult handle(StepContext context);
}
