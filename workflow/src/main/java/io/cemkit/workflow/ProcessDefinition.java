package io.cemkit.workflow;

import io.cemkit.core.SlaTarget;
import io.cemkit.core.internal.Checks;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A process type: a versioned, immutable definition of steps (W1). The first step added is where an
 * instance starts. Running instances stay pinned to the version they started on, so a new version
 * is a new definition with the same key.
 *
 * <pre>{@code
 * ProcessDefinition suspension = ProcessDefinition.builder("suspension", 1)
 *     .name("Suspend a subscription")
 *     .retention(Duration.ofDays(400))
 *     .step("check", Performer.automated("check-agreement"), "Check that the agreement may be suspended")
 *         .onOutcome("allowed", "confirm")
 *         .otherwiseEnd()
 *     .step("confirm", Performer.queue("service-agents"), "Confirm the dates with the customer")
 *         .when("more than 30 days", ctx -> ctx.variable("days", Integer.class).orElse(0) > 30, "approve")
 *         .otherwise("suspend")
 *     .step("approve", Performer.queue("supervisors"), "Approve a long suspension")
 *         .then("suspend")
 *     .step("suspend", Performer.automated("suspend-agreement"), "Suspend the agreement")
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} validates and lists every problem at once in an
 * {@link InvalidDefinitionException}: a duplicate step, a route to an unknown step, a step that
 * cannot be reached from the start, a step with conditional routes but no unconditional last route
 * (an outcome could match nothing), and steps from which the end can never be reached (a cycle
 * without an exit). Whether every automated handler is registered is checked by the engine that
 * deploys the definition ({@link #handlers()} lists them), and so is whether the calendars its timer
 * steps name are registered ({@link #timerCalendars()}).
 *
 * <p>Performers: a work queue of people ({@link Performer#queue}), an external partner
 * ({@link Performer#partner}), an automated handler ({@link Performer#automated}), or a timer
 * ({@link Performer#timer(Duration)}, {@link Performer#timer(Duration, String)}), which waits and then
 * leaves its step with the outcome {@link Performer.Timer#ELAPSED}:
 *
 * <pre>{@code
 * ProcessDefinition dunning = ProcessDefinition.builder("dunning", 1)
 *     .step("remind", Performer.automated("send-reminder"), "Send a payment reminder").then("wait")
 *     .step("wait", Performer.timer(Duration.ofDays(7)), "Give the customer a week").then("notice")
 *     .step("notice", Performer.automated("send-notice"), "Send the notice")
 *     .build();
 * }</pre>
 *
 * <p>An instance is at one step at a time: the first matching route picks the one next step.
 * Parallel branches with a join are not part of this release: one open work item per instance is
 * what lets every operation be one atomic write of one record, a completion need no query, and a
 * repeated completion be recognised without a lookup. Work that truly runs in parallel (an
 * installation visit while billing is set up) is modelled as separate instances of the same
 * customer, which the customer context lists together.
 */
public final class ProcessDefinition {
  private final String key;
  private final int version;
  private final String name;
  private final Duration retention;
  private final String serviceType;
  private final SlaTarget sla;
  private final Map<String, Step> steps;

  private ProcessDefinition(Builder builder, Map<String, Step> steps) {
    this.key = builder.key;
    this.version = builder.version;
    this.name = builder.name == null ? builder.key : builder.name;
    this.retention = builder.retention;
    this.serviceType = builder.serviceType == null ? builder.key : builder.serviceType;
    this.sla = builder.sla;
    this.steps = steps;
  }

  /**
   * The entitlement service type whose SLA governs an instance started for an agreement (the key
   * unless given): the engine's {@link io.cemkit.workflow.spi.SlaResolver} looks up the
   * entitlement in force for it.
   *
   * @return the service type
   */
  public String serviceType() {
    return serviceType;
  }

  /**
   * The service level an instance gets when no entitlement gives one (W4): time to first response
   * (the first human or partner step done) and to resolution (the end), on a business calendar.
   *
   * @return the default SLA, or empty for none
   */
  public Optional<SlaTarget> sla() {
    return Optional.ofNullable(sla);
  }

  /**
   * Starts a definition.
   *
   * @param key the process type's key, a code such as {@code suspension}
   * @param version its version, from 1
   * @return a builder
   * @throws IllegalArgumentException if the key is not a code or the version is below 1
   */
  public static Builder builder(String key, int version) {
    return new Builder(key, version);
  }

  /**
   * The process type's key.
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * The version.
   *
   * @return the version, from 1
   */
  public int version() {
    return version;
  }

  /**
   * The name shown to people (the key unless given).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * How long the audit trail of a finished instance is kept.
   *
   * @return the retention
   */
  public Duration retention() {
    return retention;
  }

  /**
   * The step where instances start.
   *
   * @return the first step
   */
  public Step start() {
    return steps.values().iterator().next();
  }

  /**
   * The steps in the order they were defined.
   *
   * @return the steps
   */
  public Collection<Step> steps() {
    return steps.values();
  }

  /**
   * A step by id.
   *
   * @param id the step's id
   * @return the step, or empty
   */
  public Optional<Step> step(String id) {
    return Optional.ofNullable(steps.get(id));
  }

  /**
   * The names of the automated handlers the definition needs.
   *
   * @return the handler names, sorted
   */
  public Set<String> handlers() {
    Set<String> handlers = new TreeSet<>();
    for (Step step : steps.values()) {
      if (step.performer() instanceof Performer.Automated automated) {
        handlers.add(automated.code());
      }
    }
    return handlers;
  }

  /**
   * The ids of the business calendars the definition's timer steps count their delays on; the engine
   * that deploys the definition must have them all.
   *
   * @return the calendar ids, sorted
   */
  public Set<String> timerCalendars() {
    Set<String> calendars = new TreeSet<>();
    for (Step step : steps.values()) {
      if (step.performer() instanceof Performer.Timer timer && timer.calendar().isPresent()) {
        calendars.add(timer.calendar().get());
      }
    }
    return calendars;
  }

  /** For example {@code suspension v2 (4 steps)}. */
  @Override
  public String toString() {
    return key + " v" + version + " (" + steps.size() + " steps)";
  }

  /** Builds a {@link ProcessDefinition}; not thread-safe. */
  public static final class Builder {
    private final String key;
    private final int version;
    private String name;
    private Duration retention = Duration.ofDays(365);
    private String serviceType;
    private SlaTarget sla;
    private final List<StepBuilder> steps = new ArrayList<>();

    private Builder(String key, int version) {
      this.key = Checks.code("ProcessDefinition.key", key);
      if (version < 1) {
        throw new IllegalArgumentException("ProcessDefinition " + key + ": version must be at least 1, was "
            + version);
      }
      this.version = version;
    }

    /**
     * The name shown to people.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Checks.text("ProcessDefinition.name", name, 200);
      return this;
    }

    /**
     * How long the audit trail of a finished instance is kept (default 365 days).
     *
     * @param retention a positive duration
     * @return this builder
     */
    public Builder retention(Duration retention) {
      Objects.requireNonNull(retention, "retention");
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("ProcessDefinition " + key + ": retention must be positive, was "
            + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * The entitlement service type whose SLA applies (default: the key).
     *
     * @param serviceType the service type, as the agreement's entitlements name it
     * @return this builder
     */
    public Builder serviceType(String serviceType) {
      this.serviceType = Checks.text("ProcessDefinition.serviceType", serviceType, 128);
      return this;
    }

    /**
     * The default service level, used when no entitlement of the customer's agreement gives one.
     *
     * @param sla the targets (their calendar, if any, must be registered with the engine)
     * @return this builder
     */
    public Builder sla(SlaTarget sla) {
      this.sla = Objects.requireNonNull(sla, "sla");
      return this;
    }

    /**
     * Adds a step; the first step added is the start.
     *
     * @param id the step's id, a code
     * @param performer who performs it
     * @param action what is done, in words
     * @return the step's builder, to add its routes
     */
    public StepBuilder step(String id, Performer performer, String action) {
      StepBuilder step = new StepBuilder(this, Checks.code("Step.id", id), Objects.requireNonNull(performer,
          "performer"), Checks.text("Step.action", action, 500));
      steps.add(step);
      return step;
    }

    /**
     * Validates and builds the definition.
     *
     * @return the definition
     * @throws InvalidDefinitionException listing every problem found
     */
    public ProcessDefinition build() {
      String label = key + " v" + version;
      List<String> problems = new ArrayList<>();
      Map<String, Step> byId = new LinkedHashMap<>();
      List<Step> all = new ArrayList<>();
      for (StepBuilder s : steps) {
        Step step = new Step(s.id, s.action, s.performer, s.routes, s.pausesSla, s.escalations);
        all.add(step);
        if (byId.containsKey(s.id)) {
          problems.add("step '" + s.id + "' is defined twice");
        } else {
          byId.put(s.id, step);
        }
      }
      if (byId.isEmpty()) {
        throw new InvalidDefinitionException(label, List.of("it has no steps"));
      }
      // Every copy of a step is checked, so a duplicate's own mistakes are reported too.
      // Plain loops, no lambdas or streams: building a definition is on an engine's cold start path.
      for (Step step : all) {
        for (Route route : step.routes()) {
          String target = route.target().orElse(null);
          if (target != null && !byId.containsKey(target)) {
            problems.add("step '" + step.id() + "' routes to unknown step '" + target + "' ("
                + route.description() + ")");
          }
        }
        List<Route> routes = step.routes();
        int unconditional = -1;
        for (int i = 0; i < routes.size(); i++) {
          if (!routes.get(i).isConditional()) {
            unconditional = i;
            break;
          }
        }
        if (unconditional < 0 && !routes.isEmpty()) {
          problems.add("step '" + step.id() + "' has only conditional routes; end them with otherwise(..), "
              + "then(..) or otherwiseEnd() so that every outcome has a way on");
        } else if (unconditional >= 0 && unconditional < routes.size() - 1) {
          problems.add("step '" + step.id() + "' has routes after its unconditional route '"
              + routes.get(unconditional) + "'; they can never be taken");
        }
        if (step.performer() instanceof Performer.Timer) {
          if (!step.escalations().isEmpty()) {
            problems.add("step '" + step.id() + "' is a timer (" + step.performer() + ") and escalates "
                + step.escalations().keySet() + ": its work item is in no queue and nobody holds it, so there is "
                + "nothing to move or raise; remove the escalation (SLA alerts are still raised while an instance "
                + "waits at the timer)");
          }
        }
        java.util.Set<String> outcomes = new java.util.HashSet<>();
        for (Route route : routes) {
          String outcome = route.outcome().orElse(null);
          if (outcome != null && !outcomes.add(outcome)) {
            problems.add("step '" + step.id() + "' has two routes for outcome '" + outcome
                + "'; the second can never be taken");
          }
        }
      }
      if (problems.isEmpty()) {
        problems.addAll(graphProblems(byId));
      }
      if (!problems.isEmpty()) {
        throw new InvalidDefinitionException(label, problems);
      }
      return new ProcessDefinition(this, java.util.Collections.unmodifiableMap(byId));
    }

    private static List<String> graphProblems(Map<String, Step> byId) {
      String start = byId.keySet().iterator().next();
      Set<String> reachable = new HashSet<>();
      Deque<String> queue = new ArrayDeque<>(List.of(start));
      while (!queue.isEmpty()) {
        String id = queue.poll();
        if (reachable.add(id)) {
          for (Route route : byId.get(id).routes()) {
            if (route.target().isPresent()) {
              queue.add(route.target().get());
            }
          }
        }
      }
      // Steps that can reach the end: final steps, routes to the end, and backwards from them.
      Map<String, List<String>> into = new HashMap<>();
      Set<String> canEnd = new HashSet<>();
      for (Step step : byId.values()) {
        if (step.isFinal()) {
          canEnd.add(step.id());
        }
        for (Route route : step.routes()) {
          String target = route.target().orElse(null);
          if (target == null) {
            canEnd.add(step.id());
          } else {
            List<String> from = into.get(target);
            if (from == null) {
              from = new ArrayList<>();
              into.put(target, from);
            }
            from.add(step.id());
          }
        }
      }
      Deque<String> back = new ArrayDeque<>(canEnd);
      while (!back.isEmpty()) {
        for (String from : into.getOrDefault(back.poll(), List.of())) {
          if (canEnd.add(from)) {
            back.add(from);
          }
        }
      }
      List<String> problems = new ArrayList<>();
      List<String> unreachable = new ArrayList<>();
      List<String> trapped = new ArrayList<>();
      for (String id : byId.keySet()) {
        if (!reachable.contains(id)) {
          unreachable.add(id);
        } else if (!canEnd.contains(id)) {
          trapped.add(id);
        }
      }
      if (!unreachable.isEmpty()) {
        problems.add("steps " + unreachable + " cannot be reached from the start step '" + start + "'");
      }
      if (!trapped.isEmpty()) {
        problems.add("steps " + trapped + " form a cycle without an exit: no route from them reaches the end");
      }
      return problems;
    }
  }

  /** Adds routes to one step; {@link #step} and {@link #build} continue with the definition. */
  public static final class StepBuilder {
    private final Builder parent;
    private final String id;
    private final Performer performer;
    private final String action;
    private final List<Route> routes = new ArrayList<>();
    private boolean pausesSla;
    private final Map<SlaAlert, Escalation> escalations = new java.util.EnumMap<>(SlaAlert.class);

    private StepBuilder(Builder parent, String id, Performer performer, String action) {
      this.parent = parent;
      this.id = id;
      this.performer = performer;
      this.action = action;
    }

    /**
     * Marks the step as waiting for the customer (documents to send, a visit to book): the SLA clock
     * stops while an instance is at it, and its deadlines move on by the working time it spent
     * there.
     *
     * @return this step builder
     */
    public StepBuilder pausesSla() {
      this.pausesSla = true;
      return this;
    }

    /**
     * Escalates to another queue (W4): when the alert is raised while an instance waits at this step,
     * its work item moves to the queue, unclaimed and with a new token (whoever held it can no longer
     * complete it). The same as {@code escalate(alert, Escalation.toQueue(queue))}.
     *
     * @param alert the alert that triggers it
     * @param queue the queue the item moves to
     * @return this step builder
     * @throws IllegalArgumentException if the step is automated, the queue is not a code, or the alert
     *     has an escalation already
     */
    public StepBuilder escalate(SlaAlert alert, String queue) {
      return escalate(alert, Escalation.toQueue(queue));
    }

    /**
     * Raises the priority of the step's work item when the alert is raised while an instance waits
     * here (W4), so that its queue serves it before items of a lower priority; a claimed item keeps
     * its holder. The same as {@code escalate(alert, Escalation.raisePriority(by))}, with the step
     * and the alert named in the error.
     *
     * @param alert the alert that triggers it
     * @param by how much the priority rises, at least 1
     * @return this step builder
     * @throws IllegalArgumentException if {@code by} is below 1, the step is automated, or the alert has
     *     an escalation already
     */
    public StepBuilder raisePriority(SlaAlert alert, int by) {
      Objects.requireNonNull(alert, "alert");
      if (by < 1) {
        throw new IllegalArgumentException("step '" + id + "': the escalation of " + alert + " raises the priority "
            + "by " + by + "; it must raise it by at least 1");
      }
      return escalate(alert, Escalation.raisePriority(by));
    }

    /**
     * Escalates (W4): when the alert is raised while an instance waits at this step, its work item
     * moves to another queue, its priority rises, or both, as the {@link Escalation} says, and
     * listeners hear {@link io.cemkit.workflow.spi.WorkflowListener#escalated}. Each alert is raised
     * once per instance, so each escalation applies once; raises of several alerts add up. One
     * escalation per alert and step. A timer step cannot escalate: {@link Builder#build()} refuses it
     * with an {@link InvalidDefinitionException} (its item is in no queue).
     *
     * @param alert the alert that triggers it
     * @param escalation what it does to the item
     * @return this step builder
     * @throws IllegalArgumentException if the step is automated or the alert has an escalation already
     */
    public StepBuilder escalate(SlaAlert alert, Escalation escalation) {
      Objects.requireNonNull(alert, "alert");
      Objects.requireNonNull(escalation, "escalation");
      if (performer instanceof Performer.Automated) {
        throw new IllegalArgumentException("step '" + id + "' is automated: it never waits, so it cannot escalate");
      }
      Escalation first = escalations.putIfAbsent(alert, escalation);
      if (first != null) {
        throw new IllegalArgumentException("step '" + id + "' escalates " + alert + " twice (" + first + ", then "
            + escalation + "); give both actions in one Escalation, e.g. Escalation.toQueue(\"supervisors\")"
            + ".andRaisePriority(1)");
      }
      return this;
    }

    /**
     * A conditional route to a step.
     *
     * @param description what the condition checks, in words
     * @param condition the condition
     * @param target the next step
     * @return this step builder
     */
    public StepBuilder when(String description, RouteCondition condition, String target) {
      routes.add(Route.when(Checks.text("Route.description", description, 200), condition,
          Checks.code("Route.target", target)));
      return this;
    }

    /**
     * A conditional route to the end of the process.
     *
     * @param description what the condition checks, in words
     * @param condition the condition
     * @return this step builder
     */
    public StepBuilder whenEnd(String description, RouteCondition condition) {
      routes.add(Route.when(Checks.text("Route.description", description, 200), condition, null));
      return this;
    }

    /**
     * A route taken when the outcome equals the given one.
     *
     * @param outcome the outcome
     * @param target the next step
     * @return this step builder
     */
    public StepBuilder onOutcome(String outcome, String target) {
      Checks.code("Route outcome", outcome);
      routes.add(Route.onOutcome(outcome, Checks.code("Route.target", target)));
      return this;
    }

    /**
     * The unconditional route to a step (after any conditional ones).
     *
     * @param target the next step
     * @return this step builder
     */
    public StepBuilder otherwise(String target) {
      routes.add(Route.always(Checks.code("Route.target", target)));
      return this;
    }

    /**
     * Same as {@link #otherwise(String)}, reads better on a step with a single way on.
     *
     * @param target the next step
     * @return this step builder
     */
    public StepBuilder then(String target) {
      return otherwise(target);
    }

    /**
     * The unconditional route to the end of the process (after any conditional ones).
     *
     * @return this step builder
     */
    public StepBuilder otherwiseEnd() {
      routes.add(Route.always(null));
      return this;
    }

    /** Adds a route as it is; ProcessDefinitionJson checks its fields first. */
    StepBuilder route(Route route) {
      routes.add(Objects.requireNonNull(route, "route"));
      return this;
    }

    /**
     * Adds the next step.
     *
     * @param id the step's id
     * @param performer who performs it
     * @param action what is done
     * @return the new step's builder
     */
    public StepBuilder step(String id, Performer performer, String action) {
      return parent.step(id, performer, action);
    }

    /**
     * Validates and builds the definition.
     *
     * @return the definition
     * @throws InvalidDefinitionException listing every problem found
     */
    public ProcessDefinition build() {
      return parent.build();
    }
  }
}
