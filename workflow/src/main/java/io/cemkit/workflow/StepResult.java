package io.cemkit.workflow;

import io.cemkit.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a step produced: its outcome (which routes read) and the variables it sets on the instance.
 * Immutable.
 *
 * <p>Variables are stored with the instance, so a variable's name is a code (1 to 128 letters,
 * digits and {@code - _ . : /}, starting with a letter or digit) and its value one of the storable
 * types, which keep their exact type through the {@link io.cemkit.workflow.spi.InstanceStore} and
 * its JSON form: {@link String}, {@link Boolean}, {@link Integer}, {@link Long}, {@link Double}
 * (finite), {@link java.math.BigDecimal}, {@link java.time.Instant}, {@link java.time.LocalDate},
 * {@link java.time.Duration} or {@link io.cemkit.core.Money}. {@link #of(String, Map)} and
 * {@link #with} refuse anything else with an {@link IllegalArgumentException} naming the variable,
 * the value's class and the allowed types.
 */
public final class StepResult {
  private final String outcome;
  private final Map<String, Object> variables;

  private StepResult(String outcome, Map<String, Object> variables) {
    this.outcome = Checks.code("StepResult.outcome", outcome);
    this.variables = Variables.check("StepResult", variables);
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
   * @param variables variables to set (no null names or values), of the storable types listed on this class
   * @return the result
   * @throws IllegalArgumentException naming the variable if a name is not a code or a value is not of
   *     a storable type
   */
  public static StepResult of(String outcome, Map<String, Object> variables) {
    return new StepResult(outcome, Objects.requireNonNull(variables, "variables"));
  }

  /**
   * This result with one more variable.
   *
   * @param name the variable's name, a code
   * @param value its value, not null, of a storable type listed on this class
   * @return a new result
   * @throws IllegalArgumentException naming the variable if the name is not a code or the value is not
   *     of a storable type
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
