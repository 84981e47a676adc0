package io.cemkit.workflow;

import io.cemkit.core.AgreementId;
import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an automated {@link StepHandler} sees: the instance, its customer, the step and the
 * variables so far.
 *
 * @param instance the instance
 * @param customer its customer
 * @param agreement the agreement it serves, if any
 * @param step the step being performed
 * @param variables the instance's variables, unmodifiable
 * @param now the engine clock's instant
 */
public record StepContext(ProcessInstanceId instance, CustomerId customer, Optional<AgreementId> agreement, Step step,
    Map<String, Object> variables, Instant now) {
  /**
   * Checks the parts.
   *
   * @param instance the instance
   * @param customer its customer
   * @param agreement the agreement it serves, if any
   * @param step the step being performed
   * @param variables the instance's variables, unmodifiable
   * @param now the engine clock's instant
   */
  public StepContext {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(now, "now");
  }
}
