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
 * @param processKey the definition's key
 * @param version a pinned version, or empty for the latest deployed
 * @param customer the customer
 * @param agreement the agreement, if any
 * @param variables the first variables
 * @param idempotencyKey a key unique per intended start; a repeated key returns the first instance
 */
public record StartRequest(String processKey, Optional<Integer> version, CustomerId customer,
    Optional<AgreementId> agreement, Map<String, Object> variables, String idempotencyKey) {

  /**
   * Checks and copies the parts.
   *
   * @param processKey the key
   * @param version the version
   * @param customer the customer
   * @param agreement the agreement
   * @param variables the variables
   * @param idempotencyKey the key
   */
  public StartRequest {
    Objects.requireNonNull(processKey, "processKey");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(agreement, "agreement");
    variables = Map.copyOf(variables);
    Checks.text("StartRequest.idempotencyKey", idempotencyKey, 200);
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
   * @param name the name
   * @param value the value
   * @return a new request
   */
  public StartRequest with(String name, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(variables);
    next.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new StartRequest(processKey, version, customer, agreement, next, idempotencyKey);
  }

  /**
   * This request for an agreement.
   *
   * @param agreement the agreement
   * @return a new request
   */
  public StartRequest forAgreement(AgreementId agreement) {
    return new StartRequest(processKey, version, customer, Optional.of(agreement), variables, idempotencyKey);
  }

  /**
   * This request pinned to a version.
   *
   * @param pinned the version
   * @return a new request
   */
  public StartRequest atVersion(int pinned) {
    return new StartRequest(processKey, Optional.of(pinned), customer, agreement, variables, idempotencyKey);
  }
}
