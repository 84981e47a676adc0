package io.cemkit.workflow;

/**
 * A typed Java predicate that decides whether a {@link Route} is taken: plain code a unit test can
 * call with {@link RouteContext#of}. Must not have side effects; it may be evaluated again when an
 * instance is replayed.
 */
@FunctionalInterface
public interface RouteCondition {

  /**
   * Whether the route is taken.
   *
   * @param context the outcome and the variables
   * @return true to take the route
   */
  boolean test(RouteContext context);

  /**
   * Taken when the outcome equals the given one.
   *
   * @param outcome the outcome
   * @return the condition
   */
  static RouteCondition outcomeIs(String outcome) {
    java.util.Objects.requireNonNull(outcome, "outcome");
    return context -> outcome.equals(context.outcome());
  }
}
