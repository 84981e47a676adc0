package io.cemkit.workflow;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link ProcessDefinition}: its id, the action in words, who performs it, and the
 * routes out of it. A step without routes ends the process when it completes.
 */
public final class Step {
  private final String id;
  private final String action;
  private final Performer performer;
  private final List<Route> routes;
  private final boolean pausesSla;
  /** In alert order; unmodifiable. */
  private final Map<SlaAlert, Escalation> escalations;

  Step(String id, String action, Performer performer, List<Route> routes, boolean pausesSla,
      Map<SlaAlert, Escalation> escalations) {
    this.id = id;
    this.action = action;
    this.performer = performer;
    this.routes = List.copyOf(routes);
    this.pausesSla = pausesSla;
    this.escalations = escalations.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(escalations));
  }

  /**
   * Where the step's work item moves when an SLA alert is raised while an instance waits here.
   *
   * @param alert the alert
   * @return the queue, or empty when the alert does not move the item (it may still raise its
   *     priority: see {@link #escalations()})
   */
  public Optional<Performer> escalation(SlaAlert alert) {
    Escalation escalation = escalations.get(alert);
    return escalation == null ? Optional.empty() : escalation.queue();
  }

  /**
   * What each SLA alert does to the step's work item while an instance waits here: move it, raise
   * its priority, or both.
   *
   * @return the escalations by alert, in alert order; empty when no alert escalates
   */
  public Map<SlaAlert, Escalation> escalations() {
    return escalations;
  }

  /**
   * Whether the step waits for the customer, so that the SLA clock stops while an instance is at it.
   *
   * @return true if it pauses the SLA
   */
  public boolean pausesSla() {
    return pausesSla;
  }

  /**
   * The step's id, unique in its definition.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * What is done at this step, in words.
   *
   * @return the action
   */
  public String action() {
    return action;
  }

  /**
   * Who performs it.
   *
   * @return the performer
   */
  public Performer performer() {
    return performer;
  }

  /**
   * The routes out of the step, tried in order.
   *
   * @return the routes; empty when the step ends the process
   */
  public List<Route> routes() {
    return routes;
  }

  /**
   * Whether completing the step ends the process (it has no routes).
   *
   * @return true for a final step
   */
  public boolean isFinal() {
    return routes.isEmpty();
  }

  /**
   * The route taken in a context: the first whose condition holds.
   *
   * @param context the outcome and the variables
   * @return the route
   * @throws IllegalStateException if no route holds (impossible for a validated definition, whose
   *     routed steps end with an unconditional route)
   */
  public Route route(RouteContext context) {
    Objects.requireNonNull(context, "context");
    for (Route route : routes) {
      if (route.matches(context)) {
        return route;
      }
    }
    throw new IllegalStateException("Step " + id + ": no route holds for outcome '" + context.outcome() + "'");
  }

  /** For example {@code verify (queue back-office): Verify the documents}. */
  @Override
  public String toString() {
    return id + " (" + performer + "): " + action;
  }
}
