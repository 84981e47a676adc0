package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProcessDefinitionJsonTest {

  private static final Map<String, RouteCondition> CONDITIONS = Map.of(
      "long-suspension", ctx -> ctx.variable("days", Integer.class).orElse(0) > 30,
      "vip", ctx -> ctx.variable("vip", Boolean.class).orElse(false),
      "fast", ctx -> ctx.outcome().startsWith("f"));

  private static final String EXAMPLE = """
      {
        "key": "suspension", "version": 2, "name": "Suspend a subscription", "retention": "P400D",
        "steps": [
          {"id": "check", "action": "Check the agreement", "performer": {"handler": "check-agreement"},
           "routes": [{"outcome": "allowed", "to": "confirm"}, {"otherwise": true, "to": null}]},
          {"id": "confirm", "action": "Confirm with the customer", "performer": {"queue": "service-agents"},
           "routes": [{"condition": "long-suspension", "description": "more than 30 days", "to": "approve"},
                      {"otherwise": true, "to": "suspend"}]},
          {"id": "approve", "action": "Approve a long suspension", "performer": {"partner": "supervisor-desk"},
           "routes": [{"otherwise": true, "to": "suspend"}]},
          {"id": "suspend", "action": "Suspend the agreement", "performer": {"handler": "suspend-agreement"}}
        ]
      }
      """;

  private static final String EXAMPLE_WRITTEN = """
      {
        "key": "suspension",
        "version": 2,
        "name": "Suspend a subscription",
        "retention": "P400D",
        "steps": [
          {
            "id": "check",
            "action": "Check the agreement",
            "performer": {
              "handler": "check-agreement"
            },
            "routes": [
              {
                "outcome": "allowed",
                "to": "confirm"
              },
              {
                "otherwise": true,
                "to": null
              }
            ]
          },
          {
            "id": "confirm",
            "action": "Confirm with the customer",
            "performer": {
              "queue": "service-agents"
            },
            "routes": [
              {
                "condition": "long-suspension",
                "description": "more than 30 days",
                "to": "approve"
              },
              {
                "otherwise": true,
                "to": "suspend"
              }
            ]
          },
          {
            "id": "approve",
            "action": "Approve a long suspension",
            "performer": {
              "partner": "supervisor-desk"
            },
            "routes": [
              {
                "otherwise": true,
                "to": "suspend"
              }
            ]
          },
          {
            "id": "suspend",
            "action": "Suspend the agreement",
            "performer": {
              "handler": "suspend-agreement"
            }
          }
        ]
      }""";

  /** A minimal valid definition with {@code %s} where a test puts the first step's routes. */
  private static final String ONE_STEP = "{'key': 'p', 'version': 1, 'steps': [{'id': 'a', 'action': 'A', "
      + "'performer': {'queue': 'q'}%s}]}";

  /** JSON with single quotes, which need no escaping in Java strings. */
  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static String withRoutes(String routes) {
    return json(String.format(ONE_STEP, ", 'routes': " + routes));
  }

  private static InvalidDefinitionException invalid(String json) {
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
        () -> ProcessDefinitionJson.read(json, CONDITIONS));
    assertThat(e).as("InvalidDefinitionException for %s", json).isNotNull();
    return e;
  }

  private static List<String> problems(String json) {
    return invalid(json).problems();
  }

  @Test
  @DisplayName("the example reads into the definition the builder would make, with the host's named condition")
  void example() {
    ProcessDefinition definition = ProcessDefinitionJson.read(EXAMPLE, CONDITIONS);
    assertSoftly(s -> {
      s.assertThat(definition.key()).isEqualTo("suspension");
      s.assertThat(definition.version()).isEqualTo(2);
      s.assertThat(definition.name()).isEqualTo("Suspend a subscription");
      s.assertThat(definition.retention()).isEqualTo(Duration.ofDays(400));
      s.assertThat(definition.steps()).extracting(Step::id).containsExactly("check", "confirm", "approve", "suspend");
      s.assertThat(definition.steps()).extracting(Step::performer).containsExactly(
          Performer.automated("check-agreement"), Performer.queue("service-agents"),
          Performer.partner("supervisor-desk"), Performer.automated("suspend-agreement"));
      s.assertThat(definition.step("confirm").orElseThrow().action()).isEqualTo("Confirm with the customer");
      s.assertThat(definition.step("check").orElseThrow().routes()).extracting(Route::toString)
          .containsExactly("outcome allowed -> confirm", "otherwise -> end");
      s.assertThat(definition.step("confirm").orElseThrow().routes()).extracting(Route::toString)
          .containsExactly("more than 30 days -> approve", "otherwise -> suspend");
      s.assertThat(definition.step("suspend").orElseThrow().isFinal()).isTrue();
      s.assertThat(definition.handlers()).containsExactly("check-agreement", "suspend-agreement");
    });
    Step check = definition.step("check").orElseThrow();
    assertThat(check.route(RouteContext.of("check", "allowed", Map.of())).target()).contains("confirm");
    assertThat(check.route(RouteContext.of("check", "refused", Map.of())).target()).isEmpty();
    Step confirm = definition.step("confirm").orElseThrow();
    assertThat(confirm.route(RouteContext.of("confirm", "done", Map.of("days", 45))).target()).contains("approve");
    assertThat(confirm.route(RouteContext.of("confirm", "done", Map.of("days", 10))).target()).contains("suspend");
  }

  @Test
  @DisplayName("write gives the canonical form: every field, whole days as P400D, two-space indents, \\n line ends")
  void writeExample() {
    String written = ProcessDefinitionJson.write(ProcessDefinitionJson.read(EXAMPLE, CONDITIONS));
    assertThat(written).isEqualTo(EXAMPLE_WRITTEN);
    assertThat(ProcessDefinitionJson.write(ProcessDefinitionJson.read(written, CONDITIONS))).isEqualTo(written);
  }

  @Test
  @DisplayName("a definition built in Java with outcome routes writes, reads back and writes the same text, "
      + "and routes the same way")
  void roundTripFromBuilder() {
    ProcessDefinition built = ProcessDefinition.builder("rework", 3)
        .retention(Duration.ofHours(36))
        .step("draft", Performer.queue("writers"), "Draft the letter").then("review")
        .step("review", Performer.partner("legal"), "Review \"the\" letter\nwith care")
            .onOutcome("rejected", "draft").onOutcome("escalated", "board").otherwiseEnd()
        .step("board", Performer.automated("notify-board"), "Tell the board").otherwise("review")
        .build();
    String written = ProcessDefinitionJson.write(built);
    ProcessDefinition read = ProcessDefinitionJson.read(written, Map.of());
    assertThat(ProcessDefinitionJson.write(read)).isEqualTo(written);
    assertThat(written).contains("\"retention\": \"PT36H\"", "\"name\": \"rework\"",
        "\"action\": \"Review \\\"the\\\" letter\\nwith care\"");
    assertSameDefinition(read, built);
    for (String outcome : List.of("rejected", "escalated", "approved", "")) {
      for (Step step : built.steps()) {
        RouteContext context = RouteContext.of(step.id(), outcome, Map.of());
        assertThat(read.step(step.id()).orElseThrow().route(context).target())
            .as("%s on %s", step.id(), outcome).isEqualTo(step.route(context).target());
      }
    }
  }

  @Test
  @DisplayName("a route on a Java predicate cannot be written; the message names the step and the route")
  void javaPredicateCannotBeWritten() {
    ProcessDefinition definition = ProcessDefinition.builder("p", 1)
        .step("a", Performer.queue("q"), "A")
            .when("more than 30 days", ctx -> ctx.variable("days", Integer.class).orElse(0) > 30, "b")
            .otherwiseEnd()
        .step("b", Performer.queue("q"), "B")
        .build();
    assertThatThrownBy(() -> ProcessDefinitionJson.write(definition)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Step 'a' has the route 'more than 30 days -> b' on a Java predicate, which JSON cannot express; "
            + "only outcome, otherwise and named-condition routes can be written");
    ProcessDefinition outcomeAsPredicate = ProcessDefinition.builder("p", 1)
        .step("a", Performer.queue("q"), "A").whenEnd("done", RouteCondition.outcomeIs("done")).then("a")
        .build();
    assertThatThrownBy(() -> ProcessDefinitionJson.write(outcomeAsPredicate))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Step 'a' has the route 'done -> end'");
  }

  @Test
  @DisplayName("optional fields: name and retention default as in the builder, to absent or null is the end, "
      + "a condition's description defaults to its name and is then not written")
  void defaults() {
    ProcessDefinition definition = ProcessDefinitionJson.read(json("{'key': 'p', 'version': 1, 'steps': ["
        + "{'id': 'a', 'action': 'A', 'performer': {'queue': 'q'}, 'routes': [{'outcome': 'stop'}, "
        + "{'condition': 'vip', 'to': null}, {'otherwise': true, 'to': 'b'}]}, "
        + "{'id': 'b', 'action': 'B', 'performer': {'partner': 'x'}, 'routes': []}]}"), CONDITIONS);
    assertThat(definition.name()).isEqualTo("p");
    assertThat(definition.retention()).isEqualTo(Duration.ofDays(365));
    assertThat(definition.step("a").orElseThrow().routes()).extracting(Route::toString)
        .containsExactly("outcome stop -> end", "condition vip -> end", "otherwise -> b");
    assertThat(definition.step("b").orElseThrow().isFinal()).isTrue();
    String written = ProcessDefinitionJson.write(definition);
    assertThat(written).contains("\"retention\": \"P365D\"")
        .contains("{\n          \"condition\": \"vip\",\n          \"to\": null\n        }")
        .doesNotContain("description").doesNotContain("[]");
  }

  @Test
  @DisplayName("read from a Reader, which is left open")
  void fromReader() throws IOException {
    StringReader reader = new StringReader(EXAMPLE);
    ProcessDefinition definition = ProcessDefinitionJson.read(reader, CONDITIONS);
    assertThat(definition.toString()).isEqualTo("suspension v2 (4 steps)");
    assertThat(reader.ready()).as("the reader is still open").isTrue();
    assertThatThrownBy(() -> ProcessDefinitionJson.read(new StringReader("{"), CONDITIONS))
        .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("malformed JSON");
    java.io.Reader failing = new java.io.Reader() {
      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        throw new IOException("disk gone");
      }

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> ProcessDefinitionJson.read(failing, CONDITIONS))
        .isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk gone");
  }

  @Test
  @DisplayName("null arguments, condition names and conditions fail with NullPointerException")
  void nulls() {
    Map<String, RouteCondition> withNull = new HashMap<>();
    withNull.put("x", null);
    assertThatThrownBy(() -> ProcessDefinitionJson.read((String) null, CONDITIONS))
        .isInstanceOf(NullPointerException.class).hasMessage("json");
    assertThatThrownBy(() -> ProcessDefinitionJson.read(EXAMPLE, null))
        .isInstanceOf(NullPointerException.class).hasMessage("conditions");
    assertThatThrownBy(() -> ProcessDefinitionJson.read(EXAMPLE, withNull))
        .isInstanceOf(NullPointerException.class).hasMessage("conditions: condition 'x' is null");
    assertThatThrownBy(() -> ProcessDefinitionJson.write(null))
        .isInstanceOf(NullPointerException.class).hasMessage("definition");
  }

  // ---- Malformed JSON ----

  @Test
  @DisplayName("malformed JSON fails with the path reached, the line and the column")
  void malformed() {
    InvalidDefinitionException e = invalid("{\n  \"key\": \"p\",\n  \"steps\": [1,}");
    assertThat(e).hasMessageStartingWith("Process definition (unknown) is invalid: ");
    assertThat(e.problems()).containsExactly(
        "steps[1] (line 3, column 15): malformed JSON: Unexpected character ('}' (code 125)): expected a value");
    assertThat(problems("{\"key\": \"p\"")).containsExactly("key (line 1, column 12): malformed JSON: Unexpected "
        + "end-of-input: expected close marker for Object (start marker at [line: 1, column: 1])");
  }

  @Test
  @DisplayName("a duplicate field fails with its path")
  void duplicateField() {
    assertThat(problems(json(String.format(ONE_STEP, ", 'id': 'b'")))).containsExactly(
        "steps[0].id (line 1, column 98): malformed JSON: Duplicate field 'id'");
  }

  @Test
  @DisplayName("anything after the object fails")
  void trailingTokens() {
    assertThat(problems(EXAMPLE + " {}")).containsExactly("(root) (line 14, column 2): malformed JSON: Trailing "
        + "token (of type START_OBJECT) found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not "
        + "allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
  }

  @Test
  @DisplayName("empty input and a document that is not an object fail")
  void notAnObject() {
    assertThat(problems("  ")).containsExactly("(root): the input is empty; expected a JSON object");
    assertThat(problems("[]")).containsExactly("(root): expected an object, was an array");
    assertThat(problems("null")).containsExactly("(root): expected an object, was null");
  }

  @Test
  @DisplayName("nesting deeper than Jackson's limit fails as malformed JSON")
  void deepNesting() {
    assertThat(problems(withRoutes("[".repeat(2000)))).singleElement().asString()
        .contains("malformed JSON: Document nesting depth (1001) exceeds the maximum allowed (1000");
  }

  // ---- The definition's own fields ----

  @Test
  @DisplayName("missing required fields are each listed, and the label is (unknown) without a key")
  void missingFields() {
    InvalidDefinitionException e = invalid(json("{'steps': [{'performer': {'queue': 'q'}}]}"));
    assertThat(e).hasMessageStartingWith("Process definition (unknown) is invalid: ");
    assertThat(e.problems()).containsExactly(
        "(root): missing required field 'key'",
        "(root): missing required field 'version'",
        "steps[0]: missing required field 'id'",
        "steps[0]: missing required field 'action'");
    assertThat(problems(json("{'key': 'p', 'version': 1}"))).containsExactly("(root): missing required field "
        + "'steps'");
    assertThat(problems(json("{'key': 'p', 'version': 1, 'steps': [{'id': 'a', 'action': 'A'}]}")))
        .containsExactly("steps[0]: missing required field 'performer'");
  }

  @Test
  @DisplayName("unknown fields are refused with the allowed ones listed")
  void unknownFields() {
    InvalidDefinitionException e = invalid(json("{'key': 'p', 'version': 1, 'owner': 'x', 'steps': [{'id': 'a', "
        + "'action': 'A', 'performer': {'queue': 'q', 'team': 't'}, 'next': 'b', 'routes': [{'outcome': 'o', "
        + "'description': 'd', 'to': null}, {'otherwise': true, 'when': 1}]}]}"));
    assertThat(e).hasMessageStartingWith("Process definition p v1 is invalid: ");
    assertThat(e.problems()).containsExactly(
        "(root): unknown field 'owner'; allowed: [key, version, name, retention, serviceType, sla, steps]",
        "steps[0]: unknown field 'next'; allowed: [id, action, performer, pausesSla, escalations, routes]",
        "steps[0].performer: unknown field 'team'; allowed: [queue, partner, handler, timer, calendar]",
        "steps[0].routes[0]: unknown field 'description' in an outcome route; allowed: [outcome, to]",
        "steps[0].routes[1]: unknown field 'when' in an otherwise route; allowed: [otherwise, to]");
    assertThat(problems(withRoutes("[{'condition': 'vip', 'outcome': 'x', 'label': 'l'}, {'otherwise': true}]")))
        .containsExactly(
            "steps[0].routes[0]: unknown field 'label'; allowed: [outcome, condition, otherwise, description, to]",
            "steps[0].routes[0]: needs exactly one of outcome, condition or otherwise; found both 'outcome' and "
                + "'condition'");
  }

  @Test
  @DisplayName("a text field holding another JSON type fails with the type found")
  void wrongTypes() {
    assertThat(problems(json("{'key': 7, 'version': 1, 'name': ['n'], 'steps': [{'id': true, 'action': null, "
        + "'performer': {'queue': 3}}]}"))).containsExactly(
            "key: expected text, was the number 7",
            "name: expected text, was an array",
            "steps[0].id: expected text, was true",
            "steps[0].action: expected text, was null",
            "steps[0].performer.queue: expected text, was the number 3");
    assertThat(problems(json("{'key': 'p', 'version': 1, 'steps': {'id': 'a'}}")))
        .containsExactly("steps: expected an array, was an object");
    assertThat(problems(json("{'key': 'p', 'version': 1, 'steps': ['a']}")))
        .containsExactly("steps[0]: expected an object, was text");
    assertThat(problems(json(String.format(ONE_STEP, ", 'routes': {}"))))
        .containsExactly("steps[0].routes: expected an array, was an object");
    assertThat(problems(withRoutes("[null]"))).containsExactly("steps[0].routes[0]: expected an object, was null");
    assertThat(problems(withRoutes("[{'outcome': 1, 'to': 2}, {'condition': false}, {'otherwise': 'yes'}]")))
        .containsExactly(
            "steps[0].routes[0].outcome: expected text, was the number 1",
            "steps[0].routes[0].to: expected text, was the number 2",
            "steps[0].routes[1].condition: expected text, was false",
            "steps[0].routes[2].otherwise: expected true, was text");
    assertThat(problems(withRoutes("[{'otherwise': false}]")))
        .containsExactly("steps[0].routes[0].otherwise: expected true, was false");
    assertThat(problems(withRoutes("[{'condition': 'vip', 'description': 5}, {'otherwise': true}]")))
        .containsExactly("steps[0].routes[0].description: expected text, was the number 5");
  }

  @Test
  @DisplayName("the version must be a whole number from 1 to 2147483647, not text, a fraction or out of range")
  void version() {
    String wanted = "version: expected a whole number from 1 to 2147483647, was ";
    for (Map.Entry<String, String> c : Map.of("'2'", "text", "2.0", "the number 2.0", "0", "the number 0",
        "-3", "the number -3", "2147483648", "the number 2147483648", "null", "null").entrySet()) {
      InvalidDefinitionException e = invalid(json(String.format(ONE_STEP, "").replace("'version': 1",
          "'version': " + c.getKey())));
      assertThat(e.problems()).as(c.getKey()).containsExactly(wanted + c.getValue());
      assertThat(e).hasMessageStartingWith("Process definition p is invalid: ");
    }
  }

  @Test
  @DisplayName("the retention must be a positive ISO-8601 duration as text")
  void retention() {
    String base = json(String.format(ONE_STEP, "")).replace("\"steps\"", "\"retention\": %s, \"steps\"");
    assertThat(ProcessDefinitionJson.read(String.format(base, "\"PT12H\""), CONDITIONS).retention())
        .isEqualTo(Duration.ofHours(12));
    assertThat(problems(String.format(base, "400"))).containsExactly(
        "retention: expected an ISO-8601 duration as text, such as P400D, was the number 400");
    assertThat(problems(String.format(base, "\"P1Y\""))).containsExactly(
        "retention: 'P1Y' is not an ISO-8601 duration such as P400D or PT12H (days at most: no years or months)");
    assertThat(problems(String.format(base, "\"P400\""))).containsExactly(
        "retention: 'P400' is not an ISO-8601 duration such as P400D or PT12H (days at most: no years or months)");
    assertThat(problems(String.format(base, "\"PT0S\""))).containsExactly("retention: must be positive, was PT0S");
    assertThat(problems(String.format(base, "\"-P1D\""))).containsExactly("retention: must be positive, was PT-24H");
  }

  @Test
  @DisplayName("codes, texts and lengths are checked as the builder checks them, with the JSON path")
  void codesAndTexts() {
    assertThat(problems(json("{'key': 'my process', 'version': 1, 'name': ' ', 'steps': [{'id': 'a b', "
        + "'action': '" + "x".repeat(501) + "', 'performer': {'handler': '-h'}}]}"))).containsExactly(
            "key: ProcessDefinition.key has an invalid character U+0020 at index 2 of 10; allowed are letters, digits "
                + "and - _ . : / (not first)",
            "name: ProcessDefinition.name must not be blank",
            "steps[0].id: Step.id has an invalid character U+0020 at index 1 of 3; allowed are letters, digits and "
                + "- _ . : / (not first)",
            "steps[0].action: Step.action must be at most 500 characters, was 501",
            "steps[0].performer.handler: Performer.Automated has an invalid character '-' at index 0 of 2; allowed "
                + "are letters, digits and - _ . : / (not first)");
    assertThat(problems(withRoutes("[{'outcome': '', 'to': 'a!'}, {'otherwise': true}]"))).containsExactly(
        "steps[0].routes[0].outcome: Route outcome must be 1 to 128 characters, was 0",
        "steps[0].routes[0].to: Route.target has an invalid character '!' at index 1 of 2; allowed are letters, "
            + "digits and - _ . : / (not first)");
    assertThat(problems(withRoutes("[{'condition': 'vip', 'description': 'a\\u0007'}, {'otherwise': true}]")))
        .containsExactly("steps[0].routes[0].description: Route.description must not contain control characters "
            + "(found U+0007 at index 1)");
  }

  // ---- Performers and routes ----

  @Test
  @DisplayName("a performer needs exactly one of queue, partner, handler or timer")
  void performerKinds() {
    String step = "{'key': 'p', 'version': 1, 'steps': [{'id': 'a', 'action': 'A', 'performer': %s}]}";
    assertThat(problems(json(String.format(step, "{}")))).containsExactly(
        "steps[0].performer: needs exactly one of queue, partner, handler or timer; found none");
    assertThat(problems(json(String.format(step, "{'queue': 'q', 'handler': 'h'}")))).containsExactly(
        "steps[0].performer: needs exactly one of queue, partner, handler or timer; found both 'queue' and 'handler'");
    assertThat(problems(json(String.format(step, "{'queue': 'q', 'partner': 'p', 'handler': 'h'}"))))
        .containsExactly("steps[0].performer: needs exactly one of queue, partner, handler or timer; found 'queue', "
            + "'partner' and 'handler'");
    assertThat(problems(json(String.format(step, "'service-agents'")))).containsExactly(
        "steps[0].performer: expected an object with one of [queue, partner, handler, timer], was text");
  }

  @Test
  @DisplayName("a route has exactly one of outcome, condition or otherwise")
  void routeKinds() {
    assertThat(problems(withRoutes("[{'outcome': 'ok', 'condition': 'vip', 'to': 'a'}, {'otherwise': true}]")))
        .containsExactly("steps[0].routes[0]: needs exactly one of outcome, condition or otherwise; found both "
            + "'outcome' and 'condition'");
    assertThat(problems(withRoutes("[{'to': 'a'}]"))).containsExactly(
        "steps[0].routes[0]: needs exactly one of outcome, condition or otherwise; found none");
    assertThat(problems(withRoutes("[{'outcome': 'a', 'condition': 'vip', 'otherwise': true}]"))).containsExactly(
        "steps[0].routes[0]: needs exactly one of outcome, condition or otherwise; found 'outcome', 'condition' and "
            + "'otherwise'");
  }

  @Test
  @DisplayName("an unknown condition name fails with the known names")
  void unknownCondition() {
    String json = json("{'key': 'p', 'version': 1, 'steps': [{'id': 'a', 'action': 'A', 'performer': {'queue': "
        + "'q'}, 'routes': [{'otherwise': true, 'to': 'b'}]}, {'id': 'b', 'action': 'B', 'performer': {'queue': "
        + "'q'}, 'routes': [{'condition': 'long', 'to': 'a'}, {'otherwise': true}]}]}");
    assertThatThrownBy(() -> ProcessDefinitionJson.read(json, Map.of("long-suspension", CONDITIONS.get("vip"))))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("Process definition p v1 is invalid: steps[1].routes[0]: unknown condition 'long'; known: "
            + "[long-suspension]");
    assertThat(problems(json)).containsExactly(
        "steps[1].routes[0]: unknown condition 'long'; known: [fast, long-suspension, vip]");
  }

  // ---- Limits ----

  @Test
  @DisplayName("more than 10,000 steps or 1,000 routes on a step are refused before any is read")
  void limits() {
    String step = "{\"id\": \"a\", \"action\": \"A\", \"performer\": {\"queue\": \"q\"}}";
    String steps = String.join(",", java.util.Collections.nCopies(ProcessDefinitionJson.MAX_STEPS + 1, step));
    assertThat(problems("{\"key\": \"p\", \"version\": 1, \"steps\": [" + steps + "]}")).containsExactly(
        "steps: has 10001 steps; at most 10000 are allowed");
    String routes = String.join(",", java.util.Collections.nCopies(ProcessDefinitionJson.MAX_ROUTES + 1,
        "{\"outcome\": \"x\"}"));
    assertThat(problems(json(String.format(ONE_STEP, ", 'routes': [" + routes + "]")))).containsExactly(
        "steps[0].routes: has 1001 routes; at most 1000 are allowed");
  }

  @Test
  @DisplayName("at most 100 problems are listed, then how many more there are")
  void manyProblems() {
    String steps = String.join(",", java.util.Collections.nCopies(150, "{\"id\": 1, \"action\": \"A\", "
        + "\"performer\": {\"queue\": \"q\"}}"));
    List<String> problems = problems("{\"key\": \"p\", \"version\": 1, \"steps\": [" + steps + "]}");
    assertThat(problems).hasSize(101).startsWith("steps[0].id: expected text, was the number 1")
        .endsWith("(50 more problems not listed)");
    assertThat(problems.get(99)).isEqualTo("steps[99].id: expected text, was the number 1");
  }

  // ---- The builder's validation ----

  @Test
  @DisplayName("the builder's problems (unknown targets, unreachable steps, cycles, no steps) surface unchanged")
  void builderProblems() {
    assertThat(problems(withRoutes("[{'outcome': 'ok', 'to': 'zzz'}, {'otherwise': true}]"))).containsExactly(
        "step 'a' routes to unknown step 'zzz' (outcome ok)");
    assertThat(problems(withRoutes("[{'otherwise': true}, {'otherwise': true, 'to': 'a'}]"))).containsExactly(
        "step 'a' has routes after its unconditional route 'otherwise -> end'; they can never be taken");
    assertThat(problems(withRoutes("[{'outcome': 'ok'}]"))).containsExactly("step 'a' has only conditional routes; "
        + "end them with otherwise(..), then(..) or otherwiseEnd() so that every outcome has a way on");
    assertThat(problems(withRoutes("[{'otherwise': true, 'to': 'a'}]"))).containsExactly(
        "steps [a] form a cycle without an exit: no route from them reaches the end");
    assertThatThrownBy(() -> ProcessDefinitionJson.read(json("{'key': 'p', 'version': 1, 'steps': []}"), CONDITIONS))
        .isInstanceOf(InvalidDefinitionException.class).hasMessage("Process definition p v1 is invalid: it has no "
            + "steps");
    String twice = json(String.format(ONE_STEP, "").replace("]}", ", {'id': 'a', 'action': 'B', 'performer': "
        + "{'queue': 'q'}}]}"));
    assertThat(problems(twice)).containsExactly("step 'a' is defined twice");
    String orphan = json(String.format(ONE_STEP, "").replace("]}", ", {'id': 'b', 'action': 'B', 'performer': "
        + "{'queue': 'q'}}]}"));
    assertThat(problems(orphan)).containsExactly("steps [b] cannot be reached from the start step 'a'");
  }

  // ---- Seeded random ----

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("random valid definitions write, read back and write the same text, and route the same way")
  void randomRoundTrip(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ProcessDefinition definition = randomDefinition(random);
    String written = ProcessDefinitionJson.write(definition);
    ProcessDefinition read = ProcessDefinitionJson.read(written, CONDITIONS);
    assertThat(ProcessDefinitionJson.write(read)).isEqualTo(written);
    assertSameDefinition(read, definition);
    List<String> outcomes = List.of("o0", "o1", "o2", "fast", "slow", "");
    for (int i = 0; i < 50; i++) {
      Map<String, Object> variables = new HashMap<>();
      if (random.nextBoolean()) {
        variables.put("days", random.nextInt(60));
      }
      if (random.nextBoolean()) {
        variables.put("vip", random.nextBoolean());
      }
      for (Step step : definition.steps()) {
        RouteContext context = RouteContext.of(step.id(), outcomes.get(random.nextInt(outcomes.size())), variables);
        if (!step.isFinal()) {
          assertThat(read.step(step.id()).orElseThrow().route(context).toString()).as("%s", context)
              .isEqualTo(step.route(context).toString());
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("mutated JSON (a character deleted, inserted or replaced; a field removed, added or of another "
      + "type) is read or refused with InvalidDefinitionException, never another exception")
  void randomMutations(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    String valid = ProcessDefinitionJson.write(randomDefinition(random));
    ObjectMapper plain = new ObjectMapper();
    for (int i = 0; i < 40; i++) {
      String mutated = switch (random.nextInt(5)) {
        case 0 -> deleteChar(valid, random);
        case 1 -> insertChar(valid, random);
        case 2 -> replaceChar(valid, random);
        case 3 -> duplicateField(valid, random);
        default -> plain.writeValueAsString(mutateTree(plain.readTree(valid), random));
      };
      try {
        ProcessDefinition read = ProcessDefinitionJson.read(mutated, CONDITIONS);
        String written = ProcessDefinitionJson.write(read);
        assertThat(ProcessDefinitionJson.write(ProcessDefinitionJson.read(written, CONDITIONS))).isEqualTo(written);
      } catch (InvalidDefinitionException e) {
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
      } catch (RuntimeException | AssertionError e) {
        fail("Reading threw " + e + " for:\n" + mutated, e);
      }
    }
  }

  private static String deleteChar(String json, SplittableRandom random) {
    int at = random.nextInt(json.length());
    return json.substring(0, at) + json.substring(at + 1);
  }

  private static String insertChar(String json, SplittableRandom random) {
    String chars = "{}[]\":,0-1.5e a\\\u0000\u00e9";
    int at = random.nextInt(json.length() + 1);
    return json.substring(0, at) + chars.charAt(random.nextInt(chars.length())) + json.substring(at);
  }

  private static String replaceChar(String json, SplittableRandom random) {
    String chars = "{}[]\":,0-1.5e a\\\u0000\u00e9";
    int at = random.nextInt(json.length());
    return json.substring(0, at) + chars.charAt(random.nextInt(chars.length())) + json.substring(at + 1);
  }

  private static String duplicateField(String json, SplittableRandom random) {
    List<Integer> objects = new ArrayList<>();
    for (int i = json.indexOf('{'); i >= 0; i = json.indexOf('{', i + 1)) {
      objects.add(i);
    }
    int at = objects.get(random.nextInt(objects.size())) + 1;
    String field = List.of("key", "id", "to", "queue", "outcome", "steps").get(random.nextInt(6));
    return json.substring(0, at) + "\"" + field + "\": \"x\", " + json.substring(at);
  }

  /** Removes, adds or retypes one field or element somewhere in the tree. */
  private static JsonNode mutateTree(JsonNode root, SplittableRandom random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    JsonNode replacement = randomNode(random);
    if (target instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      int action = random.nextInt(3);
      if (names.isEmpty() || action == 0) {
        String name = List.of("key", "version", "name", "retention", "steps", "id", "action", "performer", "routes",
            "queue", "partner", "handler", "outcome", "condition", "otherwise", "description", "to", "extra")
            .get(random.nextInt(18));
        object.set(name, replacement);
      } else if (action == 1) {
        object.remove(names.get(random.nextInt(names.size())));
      } else {
        object.set(names.get(random.nextInt(names.size())), replacement);
      }
    } else if (target instanceof ArrayNode array) {
      if (array.isEmpty() || random.nextBoolean()) {
        array.insert(random.nextInt(array.size() + 1), replacement);
      } else {
        int at = random.nextInt(array.size());
        if (random.nextBoolean()) {
          array.remove(at);
        } else {
          array.set(at, replacement);
        }
      }
    }
    return root;
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
        collect(children.next(), containers);
      }
    }
  }

  private static JsonNode randomNode(SplittableRandom random) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (random.nextInt(12)) {
      case 0 -> nodes.textNode("s0");
      case 1 -> nodes.textNode("");
      case 2 -> nodes.textNode("has space");
      case 3 -> nodes.numberNode(random.nextInt(-2, 5));
      case 4 -> nodes.numberNode(2.5);
      case 5 -> nodes.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
      case 6 -> nodes.booleanNode(random.nextBoolean());
      case 7 -> nodes.nullNode();
      case 8 -> nodes.objectNode();
      case 9 -> nodes.arrayNode();
      case 10 -> nodes.textNode(List.of("vip", "fast", "P3D", "PT1S", "P1Y", "unknown").get(random.nextInt(6)));
      default -> nodes.objectNode().put("queue", "q");
    };
  }

  /** A chain s0 → s1 → … → end, with extra outcome and named-condition routes forward, backward and to the end. */
  static ProcessDefinition randomDefinition(SplittableRandom random) {
    int size = 1 + random.nextInt(8);
    ProcessDefinition.Builder builder = ProcessDefinition.builder("p" + random.nextInt(1000),
        1 + random.nextInt(Integer.MAX_VALUE));
    if (random.nextBoolean()) {
      builder.name(randomText(random));
    }
    if (random.nextBoolean()) {
      builder.retention(random.nextBoolean() ? Duration.ofDays(1 + random.nextInt(3000))
          : Duration.ofSeconds(1 + random.nextLong(100_000_000L), random.nextInt(1_000_000_000)));
    }
    List<String> conditionNames = List.copyOf(new java.util.TreeSet<>(CONDITIONS.keySet()));
    for (int i = 0; i < size; i++) {
      ProcessDefinition.StepBuilder step = builder.step("s" + i, randomPerformer(random), randomText(random));
      int extra = random.nextInt(4);
      // Distinct outcomes per step: a second route for an outcome is refused as never taken.
      java.util.Set<String> used = new java.util.HashSet<>();
      for (int k = 0; k < extra; k++) {
        int to = random.nextInt(size + 1);
        String target = to == size ? null : "s" + to;
        String outcome = "o" + random.nextInt(3);
        if (random.nextInt(3) < 2 && used.add(outcome)) {
          if (target == null) {
            step.route(Route.onOutcome(outcome, null));
          } else {
            step.onOutcome(outcome, target);
          }
        } else {
          String name = conditionNames.get(random.nextInt(conditionNames.size()));
          String description = random.nextBoolean() ? "condition " + name : randomText(random);
          step.route(Route.named(name, description, CONDITIONS.get(name), target));
        }
      }
      if (i < size - 1) {
        step.otherwise("s" + (i + 1));
      } else if (extra > 0 || random.nextBoolean()) {
        step.otherwiseEnd();
      }
    }
    return builder.build();
  }

  private static Performer randomPerformer(SplittableRandom random) {
    String code = List.of("q", "service-agents", "a.b:c/d_e", "X9").get(random.nextInt(4));
    return switch (random.nextInt(3)) {
      case 0 -> Performer.queue(code);
      case 1 -> Performer.partner(code);
      default -> Performer.automated(code);
    };
  }

  private static String randomText(SplittableRandom random) {
    List<String> words = List.of("Check", "the", "agreement", "é", "\"quoted\"", "back\\slash", "tab\there",
        "line\nbreak", "🙂", "<b>&amp;</b>", "'single'", "{json}", "[1]");
    StringBuilder text = new StringBuilder(words.get(random.nextInt(3)));
    for (int i = random.nextInt(6); i > 0; i--) {
      text.append(' ').append(words.get(random.nextInt(words.size())));
    }
    return text.toString();
  }

  private static void assertSameDefinition(ProcessDefinition actual, ProcessDefinition expected) {
    assertSoftly(s -> {
      s.assertThat(actual.key()).isEqualTo(expected.key());
      s.assertThat(actual.version()).isEqualTo(expected.version());
      s.assertThat(actual.name()).isEqualTo(expected.name());
      s.assertThat(actual.retention()).isEqualTo(expected.retention());
      s.assertThat(actual.steps()).extracting(Step::toString)
          .containsExactlyElementsOf(expected.steps().stream().map(Step::toString).toList());
      for (Step step : expected.steps()) {
        s.assertThat(actual.step(step.id()).orElseThrow().routes()).extracting(Route::toString)
            .containsExactlyElementsOf(step.routes().stream().map(Route::toString).toList());
      }
    });
  }
}
