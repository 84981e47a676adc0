package io.cemkit.workflow;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RouteCondition} sees when a step completes: the step's outcome and the instance's
 * variables after the step.
 */
public interface RouteContext {

  /**
   * The completed step's id.
   *
   * @return the step id
   */
  String step();

  /**
   * The outcome the performer reported, for example {@code approved}.
   *
   * @return the outcome
   */
  String outcome();

  /**
   * The instance's variables.
   *
   * @return the variables, unmodifiable
   */
  Map<String, Object> variables();

  /**
   * A typed variable.
   *
   * @param <T> the type
   * @param name the variable's name
   * @param type its expected type
   * @return the value, empty if unset
   * @throws ClassCastException naming the variable if it holds another type
   */
  default <T> Optional<T> variable(String name, Class<T> type) {
    Object value = variables().get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new ClassCastException("variable '" + name + "' holds a " + value.getClass().getSimpleName()
          + ", expected " + type.getSimpleName());
    }
    return Optional.of(type.cast(value));
  }

  /**
   * A context, for tests of route conditions.
   *
   * @param step the step
   * @param outcome the outcome
   * @param variables the variables
   * @return the context
   */
  static RouteContext of(String step, String outcome, Map<String, Object> variables) {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(outcome, "outcome");
    Map<String, Object> copy = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    return new RouteContext() {
      @Override
      public String step() {
        return step;
      }

      @Override
      public String outcome() {
        return outcome;
      }

      @Override
      public Map<String, Object> variables() {
        return copy;
      }

      @Override
      public String toString() {
        return "RouteContext[step=" + step + ", outcome=" + outcome + ", variables=" + copy.keySet() + "]";
      }
    };
  }
}
