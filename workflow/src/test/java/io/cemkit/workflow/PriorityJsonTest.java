package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cemkit.core.Cemkit;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Priorities in JSON: escalations that raise the priority in a definition (both forms, read and
 * written), and the priority of stored work items, instances and audit records, old records included.
 */
class PriorityJsonTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final ProcessInstanceId P1 = ProcessInstanceId.of("P-1");
  private static final WorkItemId ITEM = WorkItemId.of("P-1/1");

  private static final String DEFINITION = """
      {
        "key": "urgent",
        "version": 1,
        "name": "urgent",
        "retention": "P365D",
        "sla": {
          "firstResponse": "PT1H",
          "resolution": "PT4H"
        },
        "steps": [
          {
            "id": "answer",
            "action": "Answer",
            "performer": {
              "queue": "agents"
            },
            "escalations": {
              "RESPONSE_AT_RISK": {
                "raisePriority": 1
              },
              "RESPONSE_BREACHED": {
                "queue": "supervisors",
                "raisePriority": 2
              },
              "RESOLUTION_BREACHED": "managers"
            }
          }
        ]
      }""";

  private final ObjectMapper mapper = Cemkit.objectMapper();

  @Test
  @DisplayName("escalations as objects and as a queue's code are read, and written back in the canonical form")
  void definitionRoundTrip() {
    ProcessDefinition definition = ProcessDefinitionJson.read(DEFINITION, Map.of());
    assertThat(definition.step("answer").orElseThrow().escalations()).containsExactly(
        Map.entry(SlaAlert.RESPONSE_AT_RISK, Escalation.raisePriority(1)),
        Map.entry(SlaAlert.RESPONSE_BREACHED, Escalation.toQueue("supervisors").andRaisePriority(2)),
        Map.entry(SlaAlert.RESOLUTION_BREACHED, Escalation.toQueue("managers")));
    assertThat(ProcessDefinitionJson.write(definition)).isEqualTo(DEFINITION);
  }

  @Test
  @DisplayName("a definition built in Java is written and read back with the same escalations")
  void builtDefinition() {
    ProcessDefinition built = ProcessDefinition.builder("urgent", 1)
        .sla(SlaTarget.of(Duration.ofHours(1), Duration.ofHours(4)))
        .step("answer", Performer.queue("agents"), "Answer")
            .raisePriority(SlaAlert.RESPONSE_AT_RISK, 1)
            .escalate(SlaAlert.RESPONSE_BREACHED, Escalation.toQueue("supervisors").andRaisePriority(2))
            .escalate(SlaAlert.RESOLUTION_BREACHED, "managers")
        .build();
    String json = ProcessDefinitionJson.write(built);
    assertThat(json).isEqualTo(DEFINITION);
    assertThat(ProcessDefinitionJson.read(json, Map.of()).step("answer").orElseThrow().escalations())
        .isEqualTo(built.step("answer").orElseThrow().escalations());
  }

  private static List<String> problems(String escalations, String performer) {
    String json = ("{'key': 'p', 'version': 1, 'steps': [{'id': 'a', 'action': 'A', 'performer': " + performer
        + ", 'escalations': " + escalations + "}]}").replace('\'', '"');
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
        () -> ProcessDefinitionJson.read(json, Map.of()));
    assertThat(e).as("InvalidDefinitionException for %s", json).isNotNull();
    return e.problems();
  }

  static Stream<Arguments> badEscalations() {
    String whole = "expected a whole number from 1 to 2147483647 (how much the work item's priority rises), was ";
    return Stream.of(
        Arguments.of("{'RESPONSE_AT_RISK': {'raisePriority': 0}}",
            List.of("steps[0].escalations.RESPONSE_AT_RISK.raisePriority: " + whole + "the number 0")),
        Arguments.of("{'RESPONSE_AT_RISK': {'raisePriority': -3}}",
            List.of("steps[0].escalations.RESPONSE_AT_RISK.raisePriority: " + whole + "the number -3")),
        Arguments.of("{'RESPONSE_AT_RISK': {'raisePriority': 1.5}}",
            List.of("steps[0].escalations.RESPONSE_AT_RISK.raisePriority: " + whole + "the number 1.5")),
        Arguments.of("{'RESPONSE_AT_RISK': {'raisePriority': '2'}}",
            List.of("steps[0].escalations.RESPONSE_AT_RISK.raisePriority: " + whole + "text")),
        Arguments.of("{'RESPONSE_AT_RISK': {'raisePriority': 2147483648}}",
            List.of("steps[0].escalations.RESPONSE_AT_RISK.raisePriority: " + whole + "the number 2147483648")),
        Arguments.of("{'RESPONSE_AT_RISK': {'raisePriority': null}}",
            List.of("steps[0].escalations.RESPONSE_AT_RISK.raisePriority: " + whole + "null")),
        Arguments.of("{'RESPONSE_AT_RISK': {}}",
            List.of("steps[0].escalations.RESPONSE_AT_RISK: needs queue, raisePriority or both; found an empty "
                + "object")),
        Arguments.of("{'RESPONSE_AT_RISK': {'priority': 2}}",
            List.of("steps[0].escalations.RESPONSE_AT_RISK: unknown field 'priority'; allowed: [queue, "
                + "raisePriority]", "steps[0].escalations.RESPONSE_AT_RISK: needs queue, raisePriority or both; "
                + "found neither")),
        Arguments.of("{'RESPONSE_BREACHED': {'queue': 'the supervisors', 'raisePriority': 2}}",
            List.of("steps[0].escalations.RESPONSE_BREACHED.queue: escalation queue has an invalid character "
                + "U+0020 at index 3 of 15; allowed are letters, digits and - _ . : / (not first)")),
        Arguments.of("{'RESPONSE_BREACHED': {'queue': 7}}",
            List.of("steps[0].escalations.RESPONSE_BREACHED.queue: expected text, was the number 7")),
        Arguments.of("{'RESPONSE_BREACHED': 3}",
            List.of("steps[0].escalations.RESPONSE_BREACHED: expected a queue's code as text, or an object with "
                + "queue and/or raisePriority, was the number 3")),
        Arguments.of("{'RESPONSE_BREACHED': ['supervisors']}",
            List.of("steps[0].escalations.RESPONSE_BREACHED: expected a queue's code as text, or an object with "
                + "queue and/or raisePriority, was an array")),
        Arguments.of("{'LATE': {'raisePriority': 1}}",
            List.of("steps[0].escalations: unknown alert 'LATE'; known: [RESPONSE_AT_RISK, RESPONSE_BREACHED, "
                + "RESOLUTION_AT_RISK, RESOLUTION_BREACHED]")),
        Arguments.of("[{'RESPONSE_AT_RISK': 1}]",
            List.of("steps[0].escalations: expected an object of alert names to queues or escalations, was an "
                + "array")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEscalations")
  @DisplayName("a bad escalation is refused with its JSON path, the alert and the value")
  void badEscalationRefused(String escalations, List<String> expected) {
    assertThat(problems(escalations, "{'queue': 'agents'}")).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("a raise on an automated or a timer step is refused with the step's path")
  void wrongStepRefused() {
    assertThat(problems("{'RESPONSE_AT_RISK': {'raisePriority': 1}}", "{'handler': 'check'}"))
        .containsExactly("steps[0]: step 'a' is automated: it never waits, so it cannot escalate");
    assertThat(problems("{'RESPONSE_AT_RISK': {'raisePriority': 1}}", "{'timer': 'P7D'}"))
        .containsExactly("steps[0].escalations: a timer step cannot escalate: its work item is in no queue and "
            + "nobody holds it; remove the escalations (SLA alerts are still raised at the timer)");
  }

  @Test
  @DisplayName("a work item's priority is written when not 0 and round-trips; a missing one reads as 0")
  void workItem() throws Exception {
    WorkItem plain = WorkItem.unclaimed(ITEM, P1, "answer", Performer.queue("agents"), T0, "tok");
    WorkItem raised = plain.withPriority(3);
    WorkItem lowered = plain.withPriority(-2);
    assertThat(mapper.writeValueAsString(plain)).doesNotContain("priority");
    assertThat(mapper.writeValueAsString(raised)).contains("\"priority\":3");
    ObjectMapper plainMapper = JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule())
        .build();
    for (WorkItem item : List.of(plain, raised, lowered)) {
      assertThat(mapper.readValue(mapper.writeValueAsString(item), WorkItem.class)).isEqualTo(item);
      assertThat(plainMapper.readValue(plainMapper.writeValueAsString(item), WorkItem.class)).isEqualTo(item);
    }
    String old = "{\"id\":\"P-1/1\",\"instance\":\"P-1\",\"step\":\"answer\",\"performer\":{\"queue\":\"agents\"},"
        + "\"createdAt\":\"2026-03-02T09:00:00Z\",\"token\":\"tok\"}";
    assertThat(mapper.readValue(old, WorkItem.class)).isEqualTo(plain);
  }

  @Test
  @DisplayName("a priority that is not a whole number is refused, naming the field")
  void badPriorityRefused() {
    String json = "{\"id\":\"P-1/1\",\"instance\":\"P-1\",\"step\":\"answer\",\"performer\":{\"queue\":\"agents\"},"
        + "\"createdAt\":\"2026-03-02T09:00:00Z\",\"token\":\"tok\",\"priority\":%s}";
    for (String bad : List.of("\"high\"", "1.5", "2147483648")) {
      assertThatThrownBy(() -> mapper.readValue(json.formatted(bad), WorkItem.class))
          .as(bad).isInstanceOf(JsonMappingException.class).hasMessageContaining("priority");
    }
  }

  @Test
  @DisplayName("a stored record written before priorities existed reads with priority 0; one with priorities "
      + "round-trips")
  void instanceRecord() throws Exception {
    String old = """
        {
          "completed": [],
          "enteredAt": "2026-03-02T09:00:00Z",
          "instance": {
            "customer": "C-DANA", "id": "P-1", "processKey": "urgent", "startedAt": "2026-03-02T09:00:00Z",
            "status": "WAITING", "step": "answer", "variables": {}, "version": 1, "workItem": "P-1/1"
          },
          "openItem": {
            "createdAt": "2026-03-02T09:00:00Z", "id": "P-1/1", "instance": "P-1",
            "performer": {"queue": "agents"}, "step": "answer", "token": "tok"
          },
          "pendingAudit": [
            {"actor": "agent-1", "at": "2026-03-02T09:00:00Z", "enteredAt": "2026-03-02T09:00:00Z",
             "from": "triage", "instance": "P-1", "kind": "COMPLETED", "sequence": 2, "to": "answer"}
          ],
          "startKey": "u-1",
          "transitions": 2
        }""";
    InstanceRecord read = mapper.readValue(old, InstanceRecord.class);
    assertThat(read.priority()).isZero();
    assertThat(read.openItem().orElseThrow().priority()).isZero();
    assertThat(read.pendingAudit().get(0).priority()).isZero();

    ProcessInstance instance = read.instance();
    AuditRecord completed = read.pendingAudit().get(0);
    AuditRecord atPriority = new AuditRecord(completed.instance(), completed.sequence(), completed.kind(),
        completed.from(), completed.to(), completed.performer(), completed.actor(), completed.enteredAt(),
        completed.at(), completed.outcome(), completed.claimedAt(), completed.sla(), 4);
    InstanceRecord prioritised = new InstanceRecord(instance, "u-1", Optional.of(read.openItem().orElseThrow()
        .withPriority(4)), 2, T0, List.of(), Optional.empty(), List.of(atPriority), Optional.empty(), 1);
    String json = mapper.writeValueAsString(prioritised);
    assertThat(json).contains("\"priority\":1,").contains("\"priority\":4");
    assertThat(mapper.readValue(json, InstanceRecord.class)).isEqualTo(prioritised);
    assertThat(mapper.writeValueAsString(read)).doesNotContain("priority");
    assertThat(new InstanceRecord(instance, "u-1", read.openItem(), 2, T0, List.of(), Optional.empty(), List.of(),
        Optional.empty()).priority()).isZero();
  }
}
