package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemkit.core.Cemkit;
import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.spi.InstanceStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON forms of timers: the performer, the item's {@code dueAt}, and timer steps in a definition. */
class TimerJsonTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final ProcessInstanceId P1 = ProcessInstanceId.of("P-1");
  private static final WorkItemId ITEM = WorkItemId.of("P-1/2");

  private final ObjectMapper mapper = Cemkit.objectMapper();

  private static WorkItem timerItem() {
    return WorkItem.timer(ITEM, P1, "wait", new Performer.Timer(Duration.ofDays(7), Optional.empty()),
        T0.plusSeconds(1), "tok-2", T0.plusSeconds(1).plus(Duration.ofDays(7)));
  }

  @Test
  @DisplayName("a timer is {\"timer\": delay}, with its calendar if it has one; the fields may come in any order")
  void performer() throws Exception {
    Performer week = Performer.timer(Duration.ofDays(7));
    Performer office = Performer.timer(Duration.ofHours(16), "office");
    assertThat(mapper.writeValueAsString(week)).isEqualTo("{\"timer\":\"P7D\"}");
    assertThat(mapper.writeValueAsString(office)).isEqualTo("{\"timer\":\"PT16H\",\"calendar\":\"office\"}");
    assertThat(mapper.readValue("{\"timer\":\"P7D\"}", Performer.class)).isEqualTo(week);
    assertThat(mapper.readValue("{\"timer\":\"PT168H\"}", Performer.class)).isEqualTo(week);
    assertThat(mapper.readValue("{\"timer\":\"PT16H\",\"calendar\":\"office\"}", Performer.class)).isEqualTo(office);
    assertThat(mapper.readValue("{\"calendar\":\"office\",\"timer\":\"PT16H\"}", Performer.class)).isEqualTo(office);
  }

  @Test
  @DisplayName("a timer's item carries dueAt and round-trips; other items have none")
  void workItem() throws Exception {
    WorkItem item = timerItem();
    String json = mapper.writeValueAsString(item);
    assertThat(json).isEqualTo("{\"createdAt\":\"2026-03-02T09:00:01Z\",\"dueAt\":\"2026-03-09T09:00:01Z\","
        + "\"id\":\"P-1/2\",\"instance\":\"P-1\",\"performer\":{\"timer\":\"P7D\"},\"step\":\"wait\","
        + "\"token\":\"tok-2\"}");
    assertThat(mapper.readValue(json, WorkItem.class)).isEqualTo(item);
    assertThat(item).hasToString("WorkItem[P-1/2, P-1 at wait, timer P7D, due at 2026-03-09T09:00:01Z]");
    assertThat(mapper.writeValueAsString(WorkItem.unclaimed(ITEM, P1, "confirm", Performer.queue("agents"), T0,
        "tok"))).doesNotContain("dueAt");
  }

  static Stream<Arguments> inconsistentItems() {
    String queue = "{\"queue\":\"agents\"}";
    String timer = "{\"timer\":\"P7D\"}";
    return Stream.of(
        Arguments.of(queue, ",\"dueAt\":\"2026-03-09T09:00:00Z\"",
            "WorkItem P-1/2: dueAt 2026-03-09T09:00:00Z on the item of queue agents; only a timer's item falls due"),
        Arguments.of(timer, "", "WorkItem P-1/2: the item of timer P7D has no dueAt"),
        Arguments.of(timer, ",\"dueAt\":\"2026-03-09T09:00:00Z\",\"claimedBy\":\"ann\"",
            "WorkItem P-1/2: the item of timer P7D is held by ann; nobody holds a timer's item"));
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("inconsistentItems")
  @DisplayName("an item whose due time disagrees with its performer is refused on reading")
  void inconsistentItemRefused(String performer, String extra, String message) {
    String json = "{\"id\":\"P-1/2\",\"instance\":\"P-1\",\"step\":\"wait\",\"performer\":" + performer
        + ",\"createdAt\":\"2026-03-02T09:00:00Z\",\"token\":\"t\"" + extra + "}";
    assertThatThrownBy(() -> mapper.readValue(json, WorkItem.class)).isInstanceOf(JsonMappingException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("the record an engine stores for an instance at a timer round-trips, dueAt and audit performer included")
  void storedRecord() throws Exception {
    InstanceStore store = InstanceStore.inMemory();
    WorkflowEngine engine = WorkflowEngine.builder().clock(VirtualClock.at(T0)).store(store)
        .calendar("office", WorkingHours.mondayToFriday(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0)))
        .build()
        .deploy(ProcessDefinition.builder("follow-up", 1)
            .step("wait", Performer.timer(Duration.ofHours(16), "office"), "Two working days").then("call")
            .step("call", Performer.queue("agents"), "Call the customer")
            .build());
    ProcessInstance started = engine.start(StartRequest.of("follow-up", CustomerId.of("C-DANA"), "f-1"));
    InstanceRecord record = store.find(started.id()).orElseThrow().value();
    String json = mapper.writeValueAsString(record);
    assertThat(json).contains("\"dueAt\":\"2026-03-03T17:00:00Z\"")
        .contains("\"performer\":{\"timer\":\"PT16H\",\"calendar\":\"office\"}");
    assertThat(mapper.readValue(json, InstanceRecord.class)).isEqualTo(record);

    AuditRecord fired = new AuditRecord(P1, 3, AuditRecord.Kind.COMPLETED, Optional.of("wait"), Optional.of("call"),
        Optional.of(Performer.timer(Duration.ofHours(16), "office")), Performer.Timer.ACTOR, T0,
        Instant.parse("2026-03-03T17:00:00Z"), Optional.of(Performer.Timer.ELAPSED), Optional.empty(),
        Optional.empty());
    assertThat(mapper.readValue(mapper.writeValueAsString(fired), AuditRecord.class)).isEqualTo(fired);
  }

  // --- definitions -----------------------------------------------------------------------------

  private static final String DUNNING = """
      {
        "key": "dunning",
        "version": 1,
        "name": "dunning",
        "retention": "P365D",
        "steps": [
          {
            "id": "remind",
            "action": "Send a reminder",
            "performer": {
              "handler": "remind"
            },
            "routes": [
              {
                "otherwise": true,
                "to": "wait"
              }
            ]
          },
          {
            "id": "wait",
            "action": "Give the customer a week",
            "performer": {
              "timer": "P7D"
            },
            "routes": [
              {
                "outcome": "elapsed",
                "to": "call"
              },
              {
                "otherwise": true,
                "to": null
              }
            ]
          },
          {
            "id": "call",
            "action": "Call within two working days",
            "performer": {
              "timer": "PT16H",
              "calendar": "office"
            },
            "pausesSla": true
          }
        ]
      }""";

  @Test
  @DisplayName("a definition's timer steps are read and written back in the canonical form")
  void definition() {
    ProcessDefinition definition = ProcessDefinitionJson.read(DUNNING, Map.of());
    assertThat(definition.step("wait").orElseThrow().performer()).isEqualTo(Performer.timer(Duration.ofDays(7)));
    assertThat(definition.step("call").orElseThrow().performer())
        .isEqualTo(Performer.timer(Duration.ofHours(16), "office"));
    assertThat(definition.timerCalendars()).containsExactly("office");
    assertThat(ProcessDefinitionJson.write(definition)).isEqualTo(DUNNING);
  }

  private static List<String> problems(String performer, String extra) {
    String json = ("{'key': 'p', 'version': 1, 'steps': [{'id': 'a', 'action': 'A', 'performer': " + performer
        + extra + "}]}").replace('\'', '"');
    InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
        () -> ProcessDefinitionJson.read(json, Map.of()));
    assertThat(e).as("InvalidDefinitionException for %s", json).isNotNull();
    return e.problems();
  }

  static Stream<Arguments> badDefinitions() {
    return Stream.of(
        Arguments.of("{'timer': 'soon'}", "", "steps[0].performer.timer: 'soon' is not an ISO-8601 duration such as "
            + "P400D or PT12H (days at most: no years or months)"),
        Arguments.of("{'timer': 7}", "", "steps[0].performer.timer: expected an ISO-8601 duration as text, such as "
            + "P7D, was the number 7"),
        Arguments.of("{'timer': 'PT0S'}", "", "steps[0].performer.timer: Performer.Timer delay must be positive and "
            + "at most PT876000H, was PT0S"),
        Arguments.of("{'timer': 'P7D', 'calendar': 'no spaces'}", "", "steps[0].performer.calendar: Performer.Timer "
            + "calendar has an invalid character U+0020 at index 2 of 9"),
        Arguments.of("{'timer': 'P7D', 'calendar': 5}", "", "steps[0].performer.calendar: expected text, was the "
            + "number 5"),
        Arguments.of("{'queue': 'agents', 'calendar': 'office'}", "", "steps[0].performer.calendar: a calendar goes "
            + "only with a timer, not with a queue"),
        Arguments.of("{'calendar': 'office'}", "", "steps[0].performer: needs exactly one of queue, partner, handler "
            + "or timer; found none"),
        Arguments.of("{'timer': 'P7D'}", ", 'escalations': {'RESPONSE_BREACHED': 'supervisors'}",
            "steps[0].escalations: a timer step cannot escalate: its work item is in no queue and nobody holds it; "
                + "remove the escalations (SLA alerts are still raised at the timer)"));
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("badDefinitions")
  @DisplayName("a bad timer step in a definition is refused with its JSON path")
  void badDefinitionRefused(String performer, String extra, String problem) {
    List<String> found = problems(performer, extra);
    assertThat(found).hasSize(1);
    assertThat(found.get(0)).startsWith(problem);
  }
}
