package io.cemkit.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an instance goes after a step: to {@link #target()}, or to the end when the target is
 * empty, if its condition holds ({@link #matches}; always, for an unconditional route). Routes of a step are
 * tried in order; the first that holds is taken.
 */
public final class Route {
  private final String description;
  private final RouteCondition condition;
  private final String target;
  // Kept so that ProcessDefinitionJson can write the route back: a Java predicate cannot be written.
  private final String outcome;
  private final String conditionName;

  private Route(String description, RouteCondition condition, String target, String outcome, String conditionName) {
    this.description = Objects.requireNonNull(description, "description");
    this.condition = condition;
    this.target = target;
    this.outcome = outcome;
    this.conditionName = conditionName;
  }

  static Route when(String description, RouteCondition condition, String target) {
    return new Route(description, Objects.requireNonNull(condition, "condition"), target, null, null);
  }

  static Route onOutcome(String outcome, String target) {
    return new Route("outcome " + outcome, RouteCondition.outcomeIs(outcome), target, outcome, null);
  }

  static Route named(String conditionName, String description, RouteCondition condition, String target) {
    return new Route(description, Objects.requireNonNull(condition, "condition"), target, null,
        Objects.requireNonNull(conditionName, "conditionName"));
  }

  static Route always(String target) {
    return new Route("otherwise", null, target, null, null);
  }

  /** The outcome this route is taken on, if built by {@code onOutcome}; empty for any other route. */
  Optional<String> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** The host's name for the condition, if read from JSON with a named condition; empty otherwise. */
  Optional<String> conditionName() {
    return Optional.ofNullable(conditionName);
  }

  /**
   * What the condition checks, in words ("otherwise" for an unconditional route).
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Whether the route has a condition.
   *
   * @return false for the unconditional route
   */
  public boolean isConditional() {
    return condition != null;
  }

  /**
   * The next step, or empty for the end of the process.
   *
   * @return the target step id
   */
  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  /**
   * Whether the route is taken in a context.
   *
   * @param context the outcome and variables
   * @return true if taken
   */
  public boolean matches(RouteContext context) {
    return condition == null || condition.test(context);
  }

  /** For example {@code outcome approved -> suspend} or {@code otherwise -> end}. */
  @Override
  public String toString() {
    return description + " -> " + (target == null ? "end" : target);
  }
}
