package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.AgreementId;
import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.internal.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one process instance: which definition version it is pinned to, whose it is, where
 * it stands, its variables, and when it started and ended. Immutable; the engine hands out a new
 * snapshot after every transition.
 *
 * <p>Its JSON form (for a host's {@link io.cemkit.workflow.spi.InstanceStore}) is described on
 * {@link InstanceRecord}; each variable is written as an object with one type tag, such as
 * {@code {"days": {"int": 10}}}, so it reads back as the same Java type.
 *
 * @param id the instance's id
 * @param processKey the definition's key
 * @param version the definition version the instance is pinned to
 * @param customer the customer it belongs to
 * @param agreement the agreement it serves, if any
 * @param status where it stands
 * @param step the step it waits at, failed at or was cancelled at; empty once completed
 * @param workItem the open work item while it waits at a human or partner step
 * @param failure why the step failed, while failed
 * @param variables its variables, unmodifiable; names are codes and values of the storable types
 *     {@link StartRequest#with} lists
 * @param startedAt when it started
 * @param endedAt when it completed or was cancelled
 */
public record ProcessInstance(@JsonProperty(required = true) ProcessInstanceId id,
    @JsonProperty(required = true) String processKey, @JsonProperty(required = true) int version,
    @JsonProperty(required = true) CustomerId customer, @JsonProperty Optional<AgreementId> agreement,
    @JsonProperty(required = true) InstanceStatus status, @JsonProperty Optional<String> step,
    @JsonProperty Optional<WorkItemId> workItem, @JsonProperty Optional<String> failure,
    @JsonProperty(required = true) @JsonSerialize(using = Variables.Serializer.class)
    @JsonDeserialize(using = Variables.Deserializer.class) Map<String, Object> variables,
    @JsonProperty(required = true) Instant startedAt, @JsonProperty Optional<Instant> endedAt) {

  /**
   * Checks and copies the parts.
   *
   * @param id the id
   * @param processKey the key
   * @param version the version
   * @param customer the customer
   * @param agreement the agreement
   * @param status the status
   * @param step the step
   * @param workItem the work item
   * @param failure the failure
   * @param variables the variables
   * @param startedAt the start
   * @param endedAt the end
   * @throws IllegalArgumentException if the key is not a code, the version is below 1, a variable's name
   *     is not a code or its value not of a storable type
   */
  public ProcessInstance {
    Objects.requireNonNull(id, "id");
    Checks.code("ProcessInstance.processKey", processKey);
    if (version < 1) {
      throw new IllegalArgumentException("ProcessInstance " + id + ": version must be at least 1, was " + version);
    }
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(workItem, "workItem");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(endedAt, "endedAt");
    variables = Variables.check("ProcessInstance", variables);
    Objects.requireNonNull(startedAt, "startedAt");
  }

  /**
   * Whether the instance waits at the given step.
   *
   * @param stepId the step's id
   * @return true if waiting there
   */
  public boolean isWaitingAt(String stepId) {
    return status == InstanceStatus.WAITING && step.filter(stepId::equals).isPresent();
  }

  /** Id, process, status and step; variables are not printed (they may hold personal data). */
  @Override
  public String toString() {
    return "ProcessInstance[" + id + ", " + processKey + " v" + version + ", " + status
        + step.map(s -> " at " + s).orElse("") + "]";
  }
}
