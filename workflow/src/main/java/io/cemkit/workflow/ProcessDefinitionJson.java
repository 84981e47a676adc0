package io.cemkit.workflow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemkit.core.Cemkit;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.internal.Checks;
import io.cemkit.core.internal.JsonErrors;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads and writes {@link ProcessDefinition}s as JSON (W1), so that a process can be defined in a
 * file as well as with the {@linkplain ProcessDefinition#builder fluent builder}. A definition read
 * from JSON is validated like a built one, and then by the builder itself.
 *
 * <pre>{@code
 * {
 *   "key": "suspension", "version": 2, "name": "Suspend a subscription", "retention": "P400D",
 *   "steps": [
 *     {"id": "check", "action": "Check the agreement", "performer": {"handler": "check-agreement"},
 *      "routes": [{"outcome": "allowed", "to": "confirm"}, {"otherwise": true, "to": null}]},
 *     {"id": "confirm", "action": "Confirm with the customer", "performer": {"queue": "service-agents"},
 *      "routes": [{"condition": "long-suspension", "description": "more than 30 days", "to": "approve"},
 *                 {"otherwise": true, "to": "suspend"}]},
 *     {"id": "approve", "action": "Approve a long suspension", "performer": {"partner": "supervisor-desk"},
 *      "routes": [{"otherwise": true, "to": "suspend"}]},
 *     {"id": "suspend", "action": "Suspend the agreement", "performer": {"handler": "suspend-agreement"}}
 *   ]
 * }
 * }</pre>
 *
 * <p>The schema, field by field (every other field is refused):
 * <ul>
 *   <li>{@code key} (text, a code) and {@code version} (a whole number from 1 to 2147483647): required.
 *   <li>{@code name} (text, at most 200 characters): optional, the key by default.
 *   <li>{@code retention} (an ISO-8601 duration as text, such as {@code P400D} or {@code PT12H}; days at
 *       most, no years or months): optional, 365 days by default.
 *   <li>{@code serviceType} (text, at most 128 characters): optional, the key by default; the
 *       entitlement service type whose SLA applies.
 *   <li>{@code sla}: optional, the default service level, an object with {@code firstResponse} and
 *       {@code resolution} (positive durations as text, the resolution not shorter) and an optional
 *       {@code calendar} (a code: the id of a business calendar registered with the engine).
 *   <li>{@code steps}: a non-empty array, at most 10,000 steps; the first is the start. Each step has an
 *       {@code id} (a code), an {@code action} (text, at most 500 characters), a {@code performer},
 *       optionally {@code "pausesSla": true} (the step waits for the customer), optionally
 *       {@code escalations} (see below) and optionally {@code routes}, an array of at most 1,000 routes
 *       tried in order (absent or empty: the step ends the process).
 *   <li>{@code escalations} is an object from SLA alert names ({@link SlaAlert}: {@code RESPONSE_AT_RISK},
 *       {@code RESPONSE_BREACHED}, {@code RESOLUTION_AT_RISK}, {@code RESOLUTION_BREACHED}) to what the
 *       alert does to the step's work item ({@link Escalation}): either the code of the queue it moves to,
 *       {@code "supervisors"}, or an object with {@code queue} (that code), {@code raisePriority} (a whole
 *       number from 1 to 2147483647 the item's priority rises by) or both:
 *       {@code "escalations": {"RESPONSE_AT_RISK": {"raisePriority": 1},
 *       "RESPONSE_BREACHED": {"queue": "supervisors", "raisePriority": 2}}}. An automated step has no
 *       {@code escalations}.
 *   <li>A performer is an object with exactly one of {@code queue} (a work queue of people),
 *       {@code partner} (an external partner) or {@code handler} (an automated handler), each a code,
 *       or {@code timer} (a positive ISO-8601 duration as text, such as {@code P7D}, at most 36,500
 *       days) with an optional {@code calendar} (a code: the id of a business calendar registered
 *       with the engine; the delay then counts its working time): {@code {"timer": "P7D"}},
 *       {@code {"timer": "PT16H", "calendar": "office"}}. A timer step has no {@code escalations}; it
 *       leaves with the outcome {@code elapsed} ({@link Performer.Timer#ELAPSED}).
 *   <li>A route has exactly one of {@code outcome} (a code: taken when the step's outcome equals it),
 *       {@code condition} (the name of one of the host's {@link RouteCondition}s, with an optional
 *       {@code description}, {@code "condition <name>"} by default) or {@code "otherwise": true} (the
 *       unconditional route, which comes last), and {@code to}: the next step's id, or {@code null} or
 *       absent for the end of the process.
 * </ul>
 *
 * <p>Reading is strict: malformed JSON, duplicate fields, unknown fields, wrong JSON types, missing
 * required fields, invalid codes and unknown condition names all fail with an
 * {@link InvalidDefinitionException} whose problems each start with the JSON path, for example
 * {@code steps[1].routes[0]: unknown condition 'long'; known: [long-suspension]}. Every problem in the
 * document is listed (up to 100), then the builder's own validation (unknown targets, unreachable steps,
 * cycles without an exit) runs and fails with the builder's exception.
 *
 * <p>{@link #write} produces the canonical form: every field written, {@code name} and
 * {@code retention} included ({@code serviceType} when it is not the key, {@code sla} when there is
 * one, {@code pausesSla} when true, {@code escalations} when there are some, each as the queue's code when
 * it only moves the item and as an object when it raises the priority), two-space indentation and
 * {@code \n} line ends; reading what it wrote and writing again gives the same text.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProcessDefinitionJson {
  /** The most steps a definition read from JSON may have. */
  static final int MAX_STEPS = 10_000;
  /** The most routes a step read from JSON may have. */
  static final int MAX_ROUTES = 1_000;
  private static final int MAX_PROBLEMS = 100;
  private static final String ROOT = "(root)";

  private static final List<String> DEFINITION_FIELDS = List.of("key", "version", "name", "retention", "serviceType",
      "sla", "steps");
  private static final List<String> SLA_FIELDS = List.of("firstResponse", "resolution", "calendar");
  private static final List<String> ESCALATION_FIELDS = List.of("queue", "raisePriority");
  private static final List<String> STEP_FIELDS = List.of("id", "action", "performer", "pausesSla", "escalations",
      "routes");
  private static final List<String> PERFORMER_KINDS = PerformerJson.KINDS;
  private static final List<String> PERFORMER_FIELDS = List.of("queue", "partner", "handler", "timer",
      PerformerJson.CALENDAR);
  private static final List<String> ROUTE_KINDS = List.of("outcome", "condition", "otherwise");
  private static final List<String> ROUTE_FIELDS = List.of("outcome", "condition", "otherwise", "description", "to");

  private static final ObjectMapper MAPPER = mapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private ProcessDefinitionJson() {}

  /**
   * Reads a definition from JSON text.
   *
   * @param json the definition, in the schema described on this class
   * @param conditions the host's route conditions, by the name JSON routes refer to them with
   *     ({@code "condition": "long-suspension"}); may be empty
   * @return the validated definition
   * @throws InvalidDefinitionException listing every problem: malformed JSON with its line and column,
   *     or each field that breaks the schema with its JSON path, or the builder's validation problems
   * @throws NullPointerException if an argument, a condition name or a condition is null
   */
  public static ProcessDefinition read(String json, Map<String, RouteCondition> conditions) {
    // A StringReader never fails, so the reader path's UncheckedIOException cannot happen here.
    return read(new StringReader(Objects.requireNonNull(json, "json")), conditions);
  }

  /**
   * Reads a definition from a stream of JSON text, to its end; the reader is not closed.
   *
   * @param json the definition, in the schema described on this class
   * @param conditions the host's route conditions, by the name JSON routes refer to them with; may be empty
   * @return the validated definition
   * @throws InvalidDefinitionException listing every problem, as {@link #read(String, Map)} does
   * @throws UncheckedIOException if the reader fails
   * @throws NullPointerException if an argument, a condition name or a condition is null
   */
  public static ProcessDefinition read(Reader json, Map<String, RouteCondition> conditions) {
    Objects.requireNonNull(json, "json");
    checkConditions(conditions);
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Parse(conditions).definition(root);
  }

  /**
   * Writes a definition as JSON in the canonical form described on this class. Only routes JSON can
   * name can be written: routes on an outcome ({@link ProcessDefinition.StepBuilder#onOutcome}),
   * unconditional routes, and routes on a named condition of a definition read from JSON.
   *
   * @param definition the definition
   * @return the JSON text
   * @throws IllegalArgumentException naming the step and the route if a route is on a Java predicate
   *     ({@link ProcessDefinition.StepBuilder#when} or {@link ProcessDefinition.StepBuilder#whenEnd})
   */
  public static String write(ProcessDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("key", definition.key());
    root.put("version", definition.version());
    root.put("name", definition.name());
    root.put("retention", duration(definition.retention()));
    if (!definition.serviceType().equals(definition.key())) {
      root.put("serviceType", definition.serviceType());
    }
    definition.sla().ifPresent(sla -> {
      ObjectNode node = root.putObject("sla");
      node.put("firstResponse", duration(sla.firstResponse()));
      node.put("resolution", duration(sla.resolution()));
      sla.calendar().ifPresent(calendar -> node.put("calendar", calendar));
    });
    ArrayNode steps = root.putArray("steps");
    for (Step step : definition.steps()) {
      ObjectNode s = steps.addObject();
      s.put("id", step.id());
      s.put("action", step.action());
      s.set("performer", MAPPER.valueToTree(step.performer()));
      if (step.pausesSla()) {
        s.put("pausesSla", true);
      }
      if (!step.escalations().isEmpty()) {
        ObjectNode escalations = s.putObject("escalations");
        step.escalations().forEach((alert, escalation) -> {
          Optional<Performer> queue = escalation.queue();
          if (escalation.priorityRaise() == 0) {
            escalations.put(alert.name(), queue.orElseThrow().code());
          } else {
            ObjectNode e = escalations.putObject(alert.name());
            queue.ifPresent(q -> e.put("queue", q.code()));
            e.put("raisePriority", escalation.priorityRaise());
          }
        });
      }
      if (!step.isFinal()) {
        ArrayNode routes = s.putArray("routes");
        for (Route route : step.routes()) {
          writeRoute(step, route, routes.addObject());
        }
      }
    }
    try {
      return WRITER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // A tree of text, numbers and booleans always serializes; this would be a Jackson bug.
      throw new IllegalStateException("Could not write " + definition, e);
    }
  }

  private static void writeRoute(Step step, Route route, ObjectNode r) {
    if (route.outcome().isPresent()) {
      r.put("outcome", route.outcome().get());
    } else if (route.conditionName().isPresent()) {
      String name = route.conditionName().get();
      r.put("condition", name);
      if (!route.description().equals(defaultDescription(name))) {
        r.put("description", route.description());
      }
    } else if (!route.isConditional()) {
      r.put("otherwise", true);
    } else {
      throw new IllegalArgumentException("Step '" + step.id() + "' has the route '" + route + "' on a Java "
          + "predicate, which JSON cannot express; only outcome, otherwise and named-condition routes can be "
          + "written");
    }
    if (route.target().isPresent()) {
      r.put("to", route.target().get());
    } else {
      r.putNull("to");
    }
  }

  // Whole days as P400D, which people write, rather than Duration's PT9600H.
  private static String duration(Duration duration) {
    return PerformerJson.duration(duration);
  }

  private static String defaultDescription(String conditionName) {
    return "condition " + conditionName;
  }

  private static void checkConditions(Map<String, RouteCondition> conditions) {
    Objects.requireNonNull(conditions, "conditions");
    conditions.forEach((name, condition) -> {
      Objects.requireNonNull(name, "conditions: a condition name is null");
      Objects.requireNonNull(condition, () -> "conditions: condition '" + name + "' is null");
    });
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper = Cemkit.objectMapper();
    // The caller opened the reader and closes it.
    mapper.configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);
    return mapper;
  }

  private static InvalidDefinitionException malformed(JsonProcessingException e) {
    return new InvalidDefinitionException("(unknown)", List.of(JsonErrors.malformed(e)));
  }

  private enum Kind { OUTCOME, CONDITION, OTHERWISE }

  private record RouteSpec(Kind kind, String value, String description, RouteCondition condition, String target) {}

  private record StepSpec(String path, String id, String action, Performer performer, boolean pausesSla,
      Map<SlaAlert, Escalation> escalations, List<RouteSpec> routes) {}

  /** One reading: collects every problem with its path, then builds. */
  private static final class Parse {
    private final Map<String, RouteCondition> conditions;
    private final List<String> problems = new ArrayList<>();
    private int unlisted;

    Parse(Map<String, RouteCondition> conditions) {
      this.conditions = conditions;
    }

    ProcessDefinition definition(JsonNode root) {
      if (root == null || root.isMissingNode()) {
        throw new InvalidDefinitionException("(unknown)", List.of(ROOT + ": the input is empty; expected a JSON "
            + "object"));
      }
      if (!root.isObject()) {
        throw new InvalidDefinitionException("(unknown)", List.of(ROOT + ": expected an object, was "
            + describe(root)));
      }
      unknownFields(root, "", DEFINITION_FIELDS, "");
      String key = code(root, "", "key", "ProcessDefinition.key", true);
      Integer version = version(root.get("version"));
      String name = text(root, "", "name", "ProcessDefinition.name", 200, false);
      Duration retention = duration(root.get("retention"), "retention");
      String serviceType = text(root, "", "serviceType", "ProcessDefinition.serviceType", 128, false);
      SlaTarget sla = sla(root.get("sla"));
      List<StepSpec> steps = steps(root.get("steps"));
      String label = key == null ? "(unknown)" : version == null ? key : key + " v" + version;
      if (!problems.isEmpty()) {
        if (unlisted > 0) {
          problems.add("(" + unlisted + " more problems not listed)");
        }
        throw new InvalidDefinitionException(label, problems);
      }
      return build(label, key, version, name, retention, serviceType, sla, steps);
    }

    private static ProcessDefinition build(String label, String key, int version, String name, Duration retention,
        String serviceType, SlaTarget sla, List<StepSpec> steps) {
      String path = ROOT;
      try {
        ProcessDefinition.Builder builder = ProcessDefinition.builder(key, version);
        if (name != null) {
          builder.name(name);
        }
        if (retention != null) {
          builder.retention(retention);
        }
        if (serviceType != null) {
          builder.serviceType(serviceType);
        }
        if (sla != null) {
          builder.sla(sla);
        }
        for (StepSpec spec : steps) {
          path = spec.path();
          ProcessDefinition.StepBuilder step = builder.step(spec.id(), spec.performer(), spec.action());
          if (spec.pausesSla()) {
            step.pausesSla();
          }
          for (Map.Entry<SlaAlert, Escalation> escalation : spec.escalations().entrySet()) {
            step.escalate(escalation.getKey(), escalation.getValue());
          }
          for (RouteSpec route : spec.routes()) {
            step.route(route(route));
          }
        }
        return builder.build();
      } catch (IllegalArgumentException e) {
        // Every field was checked while parsing; this keeps a missed rule a definition problem.
        throw new InvalidDefinitionException(label, List.of(path + ": " + e.getMessage()));
      }
    }

    private static Route route(RouteSpec spec) {
      return switch (spec.kind()) {
        case OUTCOME -> Route.onOutcome(spec.value(), spec.target());
        case OTHERWISE -> Route.always(spec.target());
        case CONDITION -> Route.named(spec.value(), spec.description(), spec.condition(), spec.target());
      };
    }

    private Integer version(JsonNode node) {
      if (node == null) {
        problem(ROOT, "missing required field 'version'");
        return null;
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
        problem("version", "expected a whole number from 1 to " + Integer.MAX_VALUE + ", was " + describe(node));
        return null;
      }
      return node.intValue();
    }

    /** A positive ISO-8601 duration as text, or null (absent or a problem). */
    private Duration duration(JsonNode node, String path) {
      if (node == null) {
        return null;
      }
      if (!node.isTextual()) {
        problem(path, "expected an ISO-8601 duration as text, such as P400D, was " + describe(node));
        return null;
      }
      Duration duration;
      try {
        duration = PerformerJson.duration(node.textValue());
      } catch (IllegalArgumentException e) {
        problem(path, e.getMessage());
        return null;
      }
      if (duration.isNegative() || duration.isZero()) {
        problem(path, "must be positive, was " + duration);
        return null;
      }
      return duration;
    }

    private SlaTarget sla(JsonNode node) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isObject()) {
        problem("sla", "expected an object with firstResponse, resolution and an optional calendar, was "
            + describe(node));
        return null;
      }
      unknownFields(node, "sla", SLA_FIELDS, "");
      JsonNode first = field(node, "sla", "firstResponse", true);
      JsonNode resolution = field(node, "sla", "resolution", true);
      Duration firstResponse = duration(first, "sla.firstResponse");
      Duration resolve = duration(resolution, "sla.resolution");
      String calendar = code(node, "sla", "calendar", "SlaTarget.calendar", false);
      if (firstResponse == null || resolve == null) {
        return null;
      }
      if (resolve.compareTo(firstResponse) < 0) {
        problem("sla.resolution", "must not be shorter than firstResponse (" + firstResponse + "), was " + resolve);
        return null;
      }
      return calendar == null ? SlaTarget.of(firstResponse, resolve) : SlaTarget.of(firstResponse, resolve, calendar);
    }

    private List<StepSpec> steps(JsonNode node) {
      if (node == null) {
        problem(ROOT, "missing required field 'steps'");
        return List.of();
      }
      if (!node.isArray()) {
        problem("steps", "expected an array, was " + describe(node));
        return List.of();
      }
      if (node.size() > MAX_STEPS) {
        problem("steps", "has " + node.size() + " steps; at most " + MAX_STEPS + " are allowed");
        return List.of();
      }
      List<StepSpec> steps = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        StepSpec step = step(node.get(i), "steps[" + i + "]");
        if (step != null) {
          steps.add(step);
        }
      }
      return steps;
    }

    private StepSpec step(JsonNode node, String path) {
      if (!node.isObject()) {
        problem(path, "expected an object, was " + describe(node));
        return null;
      }
      unknownFields(node, path, STEP_FIELDS, "");
      String id = code(node, path, "id", "Step.id", true);
      String action = text(node, path, "action", "Step.action", 500, true);
      Performer performer = performer(node.get("performer"), path);
      boolean pausesSla = false;
      JsonNode pauses = node.get("pausesSla");
      if (pauses != null && !pauses.isBoolean()) {
        problem(child(path, "pausesSla"), "expected true or false, was " + describe(pauses));
      } else if (pauses != null) {
        pausesSla = pauses.booleanValue();
      }
      Map<SlaAlert, Escalation> escalations = escalations(node.get("escalations"), child(path, "escalations"));
      List<RouteSpec> routes = routes(node.get("routes"), child(path, "routes"));
      if (performer instanceof Performer.Timer && !escalations.isEmpty()) {
        problem(child(path, "escalations"), "a timer step cannot escalate: its work item is in no queue and nobody "
            + "holds it; remove the escalations (SLA alerts are still raised at the timer)");
      }
      if (id == null || action == null || performer == null || routes == null) {
        return null;
      }
      return new StepSpec(path, id, action, performer, pausesSla, escalations, routes);
    }

    /**
     * {@code {"RESPONSE_AT_RISK": {"raisePriority": 1}, "RESPONSE_BREACHED": "supervisors", ...}}: alert
     * names to escalations, in alert order.
     */
    private Map<SlaAlert, Escalation> escalations(JsonNode node, String path) {
      Map<SlaAlert, Escalation> out = new java.util.EnumMap<>(SlaAlert.class);
      if (node == null) {
        return out;
      }
      if (!node.isObject()) {
        problem(path, "expected an object of alert names to queues or escalations, was " + describe(node));
        return out;
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        SlaAlert alert;
        try {
          alert = SlaAlert.valueOf(field.getKey());
        } catch (IllegalArgumentException e) {
          problem(path, "unknown alert '" + Checks.abbreviate(field.getKey()) + "'; known: "
              + java.util.Arrays.toString(SlaAlert.values()));
          continue;
        }
        JsonNode value = field.getValue();
        Escalation escalation;
        if (value.isTextual()) {
          String queue = code(node, path, field.getKey(), "escalation queue", true);
          escalation = queue == null ? null : Escalation.toQueue(queue);
        } else if (value.isObject()) {
          escalation = escalation(value, child(path, alert.name()));
        } else {
          problem(child(path, alert.name()), "expected a queue's code as text, or an object with queue and/or "
              + "raisePriority, was " + describe(value));
          escalation = null;
        }
        if (escalation != null) {
          out.put(alert, escalation);
        }
      }
      return out;
    }

    /** {@code {"queue": "supervisors", "raisePriority": 2}}, either part optional but not both; null on a problem. */
    private Escalation escalation(JsonNode node, String path) {
      unknownFields(node, path, ESCALATION_FIELDS, "");
      boolean ok = true;
      String queue = null;
      if (node.has("queue")) {
        queue = code(node, path, "queue", "escalation queue", true);
        ok = queue != null;
      }
      int raise = 0;
      JsonNode by = node.get("raisePriority");
      if (by != null) {
        if (by.isIntegralNumber() && by.canConvertToInt() && by.intValue() >= 1) {
          raise = by.intValue();
        } else {
          problem(child(path, "raisePriority"), "expected a whole number from 1 to " + Integer.MAX_VALUE
              + " (how much the work item's priority rises), was " + describe(by));
          ok = false;
        }
      }
      if (!node.has("queue") && by == null) {
        problem(path, "needs queue, raisePriority or both; found "
            + (node.isEmpty() ? "an empty object" : "neither"));
        return null;
      }
      if (!ok) {
        return null;
      }
      Escalation escalation = queue == null ? null : Escalation.toQueue(queue);
      if (raise == 0) {
        return escalation;
      }
      return escalation == null ? Escalation.raisePriority(raise) : escalation.andRaisePriority(raise);
    }

    private Performer performer(JsonNode node, String stepPath) {
      String path = child(stepPath, "performer");
      if (node == null) {
        problem(stepPath, "missing required field 'performer'");
        return null;
      }
      if (!node.isObject()) {
        problem(path, "expected an object with one of " + PERFORMER_KINDS + ", was " + describe(node));
        return null;
      }
      unknownFields(node, path, PERFORMER_FIELDS, "");
      List<String> kinds = PERFORMER_KINDS.stream().filter(node::has).toList();
      if (kinds.size() != 1) {
        problem(path, "needs exactly one of queue, partner, handler or timer; found "
            + (kinds.isEmpty() ? "none" : both(kinds)));
        return null;
      }
      String kind = kinds.get(0);
      JsonNode value = node.get(kind);
      String calendar = null;
      if (node.has(PerformerJson.CALENDAR)) {
        if (!kind.equals("timer")) {
          problem(child(path, PerformerJson.CALENDAR), "a calendar goes only with a timer, not with a " + kind);
          return null;
        }
        calendar = code(node, path, PerformerJson.CALENDAR, "Performer.Timer calendar", false);
        if (calendar == null) {
          return null;
        }
      }
      if (!value.isTextual()) {
        problem(child(path, kind), "expected " + (kind.equals("timer") ? "an ISO-8601 duration as text, such as "
            + "P7D" : "text") + ", was " + describe(value));
        return null;
      }
      try {
        return PerformerJson.of(kind, value.textValue(), calendar);
      } catch (IllegalArgumentException e) {
        problem(child(path, kind), e.getMessage());
        return null;
      }
    }

    private List<RouteSpec> routes(JsonNode node, String path) {
      if (node == null) {
        return List.of();
      }
      if (!node.isArray()) {
        problem(path, "expected an array, was " + describe(node));
        return null;
      }
      if (node.size() > MAX_ROUTES) {
        problem(path, "has " + node.size() + " routes; at most " + MAX_ROUTES + " are allowed");
        return null;
      }
      List<RouteSpec> routes = new ArrayList<>(node.size());
      boolean complete = true;
      for (int i = 0; i < node.size(); i++) {
        RouteSpec route = route(node.get(i), path + "[" + i + "]");
        complete &= route != null;
        routes.add(route);
      }
      return complete ? routes : null;
    }

    private RouteSpec route(JsonNode node, String path) {
      if (!node.isObject()) {
        problem(path, "expected an object, was " + describe(node));
        return null;
      }
      List<String> kinds = ROUTE_KINDS.stream().filter(node::has).toList();
      if (kinds.size() != 1) {
        unknownFields(node, path, ROUTE_FIELDS, "");
        problem(path, "needs exactly one of outcome, condition or otherwise; found "
            + (kinds.isEmpty() ? "none" : both(kinds)));
        return null;
      }
      String kind = kinds.get(0);
      List<String> allowed = kind.equals("condition") ? List.of("condition", "description", "to")
          : List.of(kind, "to");
      unknownFields(node, path, allowed, kind.equals("condition") ? " in a condition route" : " in an " + kind
          + " route");
      String value = null;
      String description = null;
      RouteCondition condition = null;
      boolean ok;
      switch (kind) {
        case "outcome" -> {
          value = code(node, path, "outcome", "Route outcome", true);
          ok = value != null;
        }
        case "otherwise" -> {
          JsonNode otherwise = node.get("otherwise");
          ok = otherwise.isBoolean() && otherwise.booleanValue();
          if (!ok) {
            problem(child(path, "otherwise"), "expected true, was " + describe(otherwise));
          }
        }
        default -> {
          JsonNode name = node.get("condition");
          if (!name.isTextual()) {
            problem(child(path, "condition"), "expected text, was " + describe(name));
          } else if (!conditions.containsKey(name.textValue())) {
            problem(path, "unknown condition '" + Checks.abbreviate(name.textValue()) + "'; known: "
                + new TreeSet<>(conditions.keySet()));
          } else {
            value = name.textValue();
            condition = conditions.get(value);
          }
          description = text(node, path, "description", "Route.description", 200, false);
          ok = value != null && (description != null || !node.has("description"));
          if (ok && description == null) {
            description = defaultDescription(value);
          }
        }
      }
      String target = null;
      JsonNode to = node.get("to");
      if (to != null && !to.isNull()) {
        target = code(node, path, "to", "Route.target", false);
        ok &= target != null;
      }
      return ok ? new RouteSpec(Kind.valueOf(kind.toUpperCase(Locale.ROOT)), value, description, condition, target)
          : null;
    }

    private String code(JsonNode object, String path, String field, String checked, boolean required) {
      JsonNode node = field(object, path, field, required);
      if (node == null) {
        return null;
      }
      try {
        return Checks.code(checked, node.textValue());
      } catch (IllegalArgumentException e) {
        problem(child(path, field), e.getMessage());
        return null;
      }
    }

    private String text(JsonNode object, String path, String field, String checked, int max, boolean required) {
      JsonNode node = field(object, path, field, required);
      if (node == null) {
        return null;
      }
      try {
        return Checks.text(checked, node.textValue(), max);
      } catch (IllegalArgumentException e) {
        problem(child(path, field), e.getMessage());
        return null;
      }
    }

    /** The field if it is present and text; otherwise records why not and returns null. */
    private JsonNode field(JsonNode object, String path, String field, boolean required) {
      JsonNode node = object.get(field);
      if (node == null) {
        if (required) {
          problem(path.isEmpty() ? ROOT : path, "missing required field '" + field + "'");
        }
        return null;
      }
      if (!node.isTextual()) {
        problem(child(path, field), "expected text, was " + describe(node));
        return null;
      }
      return node;
    }

    private void unknownFields(JsonNode object, String path, List<String> allowed, String where) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          problem(path.isEmpty() ? ROOT : path, "unknown field '" + Checks.abbreviate(name) + "'" + where
              + "; allowed: " + allowed);
        }
      }
    }

    private void problem(String path, String text) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(path + ": " + text);
      } else {
        unlisted++;
      }
    }
  }

  private static String child(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static String both(List<String> kinds) {
    List<String> quoted = kinds.stream().map(k -> "'" + k + "'").toList();
    if (quoted.size() == 2) {
      return "both " + quoted.get(0) + " and " + quoted.get(1);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "text";
      case NUMBER -> "the number " + Checks.abbreviate(node.asText());
      case BOOLEAN -> node.asText();
      case NULL -> "null";
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }
}
