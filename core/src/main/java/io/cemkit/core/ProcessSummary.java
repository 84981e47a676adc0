package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** An open process of a customer as the customer context shows it: where it waits, and until when. */
@Value.Immutable
@JsonSerialize(as = ImmutableProcessSummary.class)
@JsonDeserialize(as = ImmutableProcessSummary.class)
public abstract class ProcessSummary {
  ProcessSummary() {}

  /**
   * The process instance.
   *
   * @return its id
   */
  public abstract ProcessInstanceId id();

  /**
   * The process type, e.g. {@code complaint-handling}.
   *
   * @return the type's code
   */
  public abstract String processType();

  /**
   * The step it waits at, e.g. {@code verify-documents}.
   *
   * @return the step's code
   */
  public abstract String currentStep();

  /**
   * The queue or performer it waits for, if any.
   *
   * @return the queue's code
   */
  public abstract Optional<String> waitingFor();

  /**
   * Since when it waits there.
   *
   * @return the instant
   */
  public abstract Instant waitingSince();

  /**
   * Its SLA deadline, if any.
   *
   * @return the deadline
   */
  public abstract Optional<Instant> dueAt();

  /**
   * The agreement it serves, if any.
   *
   * @return the agreement's id
   */
  public abstract Optional<AgreementId> agreement();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableProcessSummary.Builder builder() {
    return ImmutableProcessSummary.builder();
  }

  @Value.Check
  void check() {
    Checks.code("ProcessSummary.processType", processType());
    Checks.code("ProcessSummary.currentStep", currentStep());
    waitingFor().ifPresent(w -> Checks.code("ProcessSummary.waitingFor", w));
  }
}
