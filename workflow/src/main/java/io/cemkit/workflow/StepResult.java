package io.cemkit.workflow;

import io.cemkit.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a step produced: its outcome (which routes read) and the variables it sets on the instance.
 * Immutable.
 */
public final class StepResult {
  private final String outcome;
  private final Map<String, Object> variables;

  private StepResult(String outcome, Map<String, Object> variables) {
    this.outcome = Checks.code("StepResult.outcome", outcome);
    this.variables = Map.copyOf(variables);
  }

  /**
   * A result with an outcome and no variables.
   *
   * @param outcome the outcome, a code such as {@code approved}
   * @return the result
   */
  public static StepResult of(String outcome) {
    return new StepResult(outcome, Map.of());
  }

  /**
   * A result with an outcome and variables.
   *
   * @param outcome the outcome
   * @param variables variables to set (no null names or values)
   * @return the result
   */
  public static StepResult of(String outcome, Map<String, Object> variables) {
    return new StepResult(outcome, Objects.requireNonNull(variables, "variables"));
  }

  /**
   * This result with one more variable.
   *
   * @param name the variable's name
   * @param value its value, not null
   * @return a new result
   */
  public StepResult with(String name, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(variables);
    next.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new StepResult(outcome, next);
  }

  /**
   * The outcome.
   *
   * @return the outcome
   */
  public String outcome() {
    return outcome;
  }

  /**
   * The variables set.
   *
   * @return the variables, unmodifiable
   */
  public Map<String, Object> variables() {
    return variables;
  }

  @Override
  public String toString() {
    return "StepResult[" + outcome + ", variables=" + variables.keySet() + "]";
  }
}
