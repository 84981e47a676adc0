package io.cemkit.workflow;

import io.cemkit.core.AgreementId;
import io.cemkit.core.CustomerId;
import io.cemkit.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What starting an instance needs: the process (latest version unless given), the customer, the
 * agreement it serves, the first variables, and an idempotency key so that a retried start has no
 * second effect.
 *
 * <p>Variables are stored with the instance, so their names are codes and their values of the
 * storable types {@link #with} lists.
 *
 * <p>A request may carry a {@linkplain #atPriority priority} (a customer who must be served first):
 * every work item of the instance starts at it, and SLA escalations raise an item from there
 * ({@link ProcessDefinition.StepBuilder#raisePriority}). The instance keeps it for all its steps.
 *
 * @param processKey the definition's key
 * @param version a pinned version, or empty for the latest deployed
 * @param customer the customer
 * @param agreement the agreement, if any
 * @param variables the first variables
 * @param idempotencyKey a key unique per intended start; a repeated key returns the first instance
 * @param priority the priority each work item of the instance starts at, higher served first; 0 by default
 */
public record StartRequest(String processKey, Optional<Integer> version, CustomerId customer,
    Optional<AgreementId> agreement, Map<String, Object> variables, String idempotencyKey, int priority) {

  /**
   * Checks and copies the parts.
   *
   * @param processKey the key
   * @param version the version
   * @param customer the customer
   * @param agreement the agreement
   * @param variables the variables
   * @param idempotencyKey the key
   * @param priority the work items' starting priority
   * @throws IllegalArgumentException if the key is not a code, the version is below 1, a variable's name
   *     is not a code or its value not of a storable type (see {@link #with})
   */
  public StartRequest {
    // A definition's key is a code and its versions start at 1: anything else can never start.
    Checks.code("StartRequest.processKey", processKey);
    Objects.requireNonNull(version, "version");
    version.ifPresent(v -> Checks.check(v >= 1, "StartRequest.version must be at least 1, was %d", v));
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(agreement, "agreement");
    variables = Variables.check("StartRequest", variables);
    Checks.text("StartRequest.idempotencyKey", idempotencyKey, 200);
  }

  /**
   * A request at the default priority 0, as before priorities existed.
   *
   * @param processKey the key
   * @param version the version
   * @param customer the customer
   * @param agreement the agreement
   * @param variables the variables
   * @param idempotencyKey the key
   * @throws IllegalArgumentException as the canonical constructor
   */
  public StartRequest(String processKey, Optional<Integer> version, CustomerId customer,
      Optional<AgreementId> agreement, Map<String, Object> variables, String idempotencyKey) {
    this(processKey, version, customer, agreement, variables, idempotencyKey, 0);
  }

  /**
   * A request for the latest version with no agreement and no variables.
   *
   * @param processKey the definition's key
   * @param customer the customer
   * @param idempotencyKey the idempotency key
   * @return the request
   */
  public static StartRequest of(String processKey, CustomerId customer, String idempotencyKey) {
    return new StartRequest(processKey, Optional.empty(), customer, Optional.empty(), Map.of(), idempotencyKey);
  }

  /**
   * This request with one more variable.
   *
   * <p>The value must be one of the storable types, which keep their exact type through the
   * {@link io.cemkit.workflow.spi.InstanceStore} and its JSON form: {@link String}, {@link Boolean},
   * {@link Integer}, {@link Long}, {@link Double} (finite), {@link java.math.BigDecimal},
   * {@link java.time.Instant}, {@link java.time.LocalDate}, {@link java.time.Duration} or
   * {@link io.cemkit.core.Money}. Anything else (a {@code Date}, a {@code Float}, a list, a host
   * object) is refused here rather than lost or changed when the instance is stored.
   *
   * @param name the name: 1 to 128 letters, digits and {@code - _ . : /}, starting with a letter or
   *     digit
   * @param value the value, of a storable type
   * @return a new request
   * @throws IllegalArgumentException naming the variable if the name is not such a code, or naming the
   *     variable, the value's class and the allowed types if the value is not of one of them (or is a
   *     {@code Double} that is not finite)
   * @throws NullPointerException if the name or the value is null
   */
  public StartRequest with(String name, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(variables);
    next.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new StartRequest(processKey, version, customer, agreement, next, idempotencyKey, priority);
  }

  /**
   * This request for an agreement.
   *
   * @param agreement the agreement
   * @return a new request
   */
  public StartRequest forAgreement(AgreementId agreement) {
    return new StartRequest(processKey, version, customer, Optional.of(Objects.requireNonNull(agreement, "agreement")),
        variables, idempotencyKey, priority);
  }

  /**
   * This request pinned to a version.
   *
   * @param pinned the version
   * @return a new request
   */
  public StartRequest atVersion(int pinned) {
    return new StartRequest(processKey, Optional.of(pinned), customer, agreement, variables, idempotencyKey,
        priority);
  }

  /**
   * This request at a priority: each work item of the instance starts at it (a queue serves higher
   * first; escalations raise an item from there). A repeated start with the same key returns the
   * first instance at the priority it was started with.
   *
   * @param priority the priority, higher served first; negative for work that may wait
   * @return a new request
   */
  public StartRequest atPriority(int priority) {
    return new StartRequest(processKey, version, customer, agreement, variables, idempotencyKey, priority);
  }
}
