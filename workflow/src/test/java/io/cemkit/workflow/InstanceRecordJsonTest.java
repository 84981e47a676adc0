package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cemkit.core.AgreementId;
import io.cemkit.core.Cemkit;
import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON form of what the engine stores: {@link InstanceRecord} and its parts, and {@link AuditRecord}. */
class InstanceRecordJsonTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final ProcessInstanceId P1 = ProcessInstanceId.of("P-1");
  private static final WorkItemId ITEM_1 = WorkItemId.of("P-1/1");
  private static final WorkItemId ITEM_2 = WorkItemId.of("P-1/2");

  private final ObjectMapper mapper = Cemkit.objectMapper();

  /** The mappers a host may use: the library's, a copy of it, a host's configured by cemkit, and a plain one. */
  static Stream<Arguments> mappers() {
    return Stream.of(
        Arguments.of("Cemkit.objectMapper()", Cemkit.objectMapper()),
        Arguments.of("Cemkit.objectMapper().copy()", Cemkit.objectMapper().copy()),
        Arguments.of("Cemkit.objectMapper(host)", Cemkit.objectMapper(new ObjectMapper())),
        Arguments.of("plain JsonMapper + Jdk8Module + JavaTimeModule",
            JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule()).build()));
  }

  private static WorkItem claimedItem() {
    return new WorkItem(ITEM_2, P1, "confirm", Performer.queue("agents"), T0.plusSeconds(1), Optional.of("agent-1"),
        Optional.of(Instant.parse("2026-03-02T09:05:00.123456789Z")), "tok-2", Optional.empty());
  }

  private static ProcessInstance instance(InstanceStatus status) {
    return switch (status) {
      case WAITING -> new ProcessInstance(P1, "suspension", 2, CustomerId.of("C-DANA"),
          Optional.of(AgreementId.of("AG-42")), status, Optional.of("confirm"), Optional.of(ITEM_2), Optional.empty(),
          Map.of("days", 45, "fee", new BigDecimal("12.50"), "due", Instant.parse("2026-03-09T09:00:00Z")), T0,
          Optional.empty());
      case FAILED -> new ProcessInstance(P1, "suspension", 2, CustomerId.of("C-DANA"), Optional.empty(), status,
          Optional.of("suspend"), Optional.empty(), Optional.of("billing system down"), Map.of("days", 45), T0,
          Optional.empty());
      case COMPLETED -> new ProcessInstance(P1, "suspension", 2, CustomerId.of("C-DANA"), Optional.empty(), status,
          Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), T0, Optional.of(T0.plusSeconds(3600)));
      case CANCELLED -> new ProcessInstance(P1, "suspension", 2, CustomerId.of("C-DANA"), Optional.empty(), status,
          Optional.of("confirm"), Optional.empty(), Optional.empty(), Map.of("days", 45), T0,
          Optional.of(T0.plusSeconds(600)));
    };
  }

  private static AuditRecord audit(AuditRecord.Kind kind) {
    return switch (kind) {
      case STARTED -> new AuditRecord(P1, 1, kind, Optional.empty(), Optional.of("check"), Optional.empty(), "engine",
          T0, T0, Optional.empty(), Optional.empty(), Optional.empty());
      case COMPLETED -> new AuditRecord(P1, 2, kind, Optional.of("check"), Optional.of("confirm"),
          Optional.of(Performer.automated("check")), "check", T0, T0.plusMillis(5), Optional.of("ok"), Optional.empty(), Optional.empty());
      case FAILED -> new AuditRecord(P1, 3, kind, Optional.of("suspend"), Optional.empty(),
          Optional.of(Performer.automated("suspend")), "suspend", T0, T0.plusSeconds(2),
          Optional.of("billing system down"), Optional.empty(), Optional.empty());
      case RETRIED -> new AuditRecord(P1, 4, kind, Optional.of("suspend"), Optional.of("suspend"),
          Optional.of(Performer.partner("installer-north")), "installer-north", T0, T0.plusSeconds(60),
          Optional.empty(), Optional.empty(), Optional.empty());
      case CANCELLED -> new AuditRecord(P1, 5, kind, Optional.of("confirm"), Optional.empty(),
          Optional.of(Performer.queue("agents")), "agent-7", T0, T0.plusSeconds(600),
          Optional.of("the customer withdrew"), Optional.empty(), Optional.empty());
      case ESCALATED -> new AuditRecord(P1, 6, kind, Optional.of("answer"), Optional.of("answer"),
          Optional.of(Performer.queue("supervisors")), "engine", T0, T0.plusSeconds(3720),
          Optional.of(SlaAlert.RESPONSE_BREACHED.name()), Optional.empty(),
          Optional.of(new SlaVerdict(SlaVerdict.Deadline.RESPONSE, T0.plusSeconds(3600), SlaVerdict.Status.BREACHED)),
          3);
    };
  }

  /** A waiting instance with a claimed item, two completed items, a pending outcome and a pending audit record. */
  private static InstanceRecord fullRecord() {
    return new InstanceRecord(instance(InstanceStatus.WAITING), "req-1", Optional.of(claimedItem()), 3,
        T0.plusSeconds(1),
        List.of(new InstanceRecord.CompletedItem(ITEM_1, "9f86d081884c7d65", Optional.of(ITEM_2), Optional.of("5d2f2f1c")),
            InstanceRecord.CompletedItem.of(WorkItemId.of("P-1/0"), "60303ae22b998861")),
        Optional.of("confirmed"), List.of(audit(AuditRecord.Kind.COMPLETED)));
  }

  private <T> T roundTrip(ObjectMapper m, T value, Class<T> type) throws Exception {
    return m.readValue(m.writeValueAsString(value), type);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mappers")
  @DisplayName("an InstanceRecord with a claimed item, completed items, a pending outcome and audit round-trips")
  void fullRecordRoundTrips(String name, ObjectMapper m) throws Exception {
    InstanceRecord record = fullRecord();
    InstanceRecord back = roundTrip(m, record, InstanceRecord.class);
    assertThat(back).isEqualTo(record);
    assertThat(back.instance().variables()).containsEntry("fee", new BigDecimal("12.50"));
    assertThat(back.openItem()).contains(claimedItem());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(InstanceStatus.class)
  @DisplayName("a ProcessInstance in each status round-trips")
  void instanceInEachStatus(InstanceStatus status) throws Exception {
    ProcessInstance instance = instance(status);
    assertThat(roundTrip(mapper, instance, ProcessInstance.class)).isEqualTo(instance);
  }

  @Test
  @DisplayName("a record of a completed instance: no open item, no pending outcome, empty lists")
  void completedRecordRoundTrips() throws Exception {
    InstanceRecord record = new InstanceRecord(instance(InstanceStatus.COMPLETED), "req-1", Optional.empty(), 9,
        T0.plusSeconds(3600), List.of(), Optional.empty(), List.of());
    String json = mapper.writeValueAsString(record);
    assertThat(json).doesNotContain("openItem").doesNotContain("pendingOutcome").contains("\"completed\":[]")
        .contains("\"variables\":{}");
    assertThat(mapper.readValue(json, InstanceRecord.class)).isEqualTo(record);
  }

  @Test
  @DisplayName("a WorkItem round-trips claimed and unclaimed, with each kind of performer")
  void workItemRoundTrips() throws Exception {
    WorkItem claimed = claimedItem();
    WorkItem unclaimed = WorkItem.unclaimed(ITEM_1, P1, "install", Performer.partner("installer-north"), T0,
        "tok-1");
    WorkItem leased = new WorkItem(ITEM_1, P1, "install", Performer.partner("installer-north"), T0,
        Optional.of("installer-north"), Optional.of(T0.plusSeconds(5)), "tok-3", Optional.of(T0.plusSeconds(86_405)));
    assertThat(roundTrip(mapper, claimed, WorkItem.class)).isEqualTo(claimed);
    assertThat(roundTrip(mapper, leased, WorkItem.class)).isEqualTo(leased);
    assertThat(mapper.writeValueAsString(leased)).contains("\"leasedUntil\":\"2026-03-03T09:00:05Z\"");
    assertThat(mapper.writeValueAsString(claimed)).doesNotContain("leasedUntil");
    assertThat(roundTrip(mapper, unclaimed, WorkItem.class)).isEqualTo(unclaimed);
    assertThat(mapper.writeValueAsString(unclaimed)).doesNotContain("claimedBy").doesNotContain("claimedAt");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AuditRecord.Kind.class)
  @DisplayName("an AuditRecord of each kind round-trips")
  void auditRecordRoundTrips(AuditRecord.Kind kind) throws Exception {
    AuditRecord record = audit(kind);
    for (Arguments mapperArguments : mappers().toList()) {
      ObjectMapper m = (ObjectMapper) mapperArguments.get()[1];
      assertThat(roundTrip(m, record, AuditRecord.class)).as("%s", mapperArguments.get()[0]).isEqualTo(record);
    }
  }

  @Test
  @DisplayName("an ESCALATED record's JSON is pinned: the alert as outcome, the queue moved to as performer, the "
      + "raised priority, the step as from and to")
  void escalatedJson() throws Exception {
    AuditRecord escalated = audit(AuditRecord.Kind.ESCALATED);
    String json = "{\"actor\":\"engine\",\"at\":\"2026-03-02T10:02:00Z\",\"enteredAt\":\"2026-03-02T09:00:00Z\","
        + "\"from\":\"answer\",\"instance\":\"P-1\",\"kind\":\"ESCALATED\",\"outcome\":\"RESPONSE_BREACHED\","
        + "\"performer\":{\"queue\":\"supervisors\"},\"priority\":3,\"sequence\":6,"
        + "\"sla\":{\"deadline\":\"RESPONSE\",\"due\":\"2026-03-02T10:00:00Z\",\"status\":\"BREACHED\"},"
        + "\"to\":\"answer\"}";
    assertThat(mapper.writeValueAsString(escalated)).isEqualTo(json);
    assertThat(mapper.readValue(json, AuditRecord.class)).isEqualTo(escalated);
    assertThatThrownBy(() -> mapper.readValue(json.replace("\"to\":\"answer\"", "\"to\":\"close\""),
        AuditRecord.class)).hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("AuditRecord P-1 #6 (ESCALATED): from answer and to close must both name the step the "
            + "instance stays at");
  }

  @Test
  @DisplayName("optional fields are left out when empty and read back empty when missing")
  void optionalFieldsAbsent() throws Exception {
    AuditRecord started = audit(AuditRecord.Kind.STARTED);
    JsonNode tree = mapper.readTree(mapper.writeValueAsString(started));
    assertThat(tree.has("from")).as("from written").isFalse();
    assertThat(tree.has("performer")).as("performer written").isFalse();
    assertThat(tree.has("outcome")).as("outcome written").isFalse();
    String minimal = "{\"instance\":\"P-1\",\"sequence\":1,\"kind\":\"STARTED\",\"actor\":\"engine\","
        + "\"enteredAt\":\"2026-03-02T09:00:00Z\",\"at\":\"2026-03-02T09:00:00Z\",\"to\":\"check\"}";
    assertThat(mapper.readValue(minimal, AuditRecord.class)).isEqualTo(started);
  }

  @Test
  @DisplayName("the record's JSON is pinned: field names, order and the tagged variables")
  void golden() throws Exception {
    String json = mapper.writer(new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)))
        .writeValueAsString(fullRecord());
    assertThat(json).isEqualTo("""
        {
          "completed": [
            {
              "id": "P-1/1",
              "next": "P-1/2",
              "nextTokenDigest": "5d2f2f1c",
              "tokenDigest": "9f86d081884c7d65"
            },
            {
              "id": "P-1/0",
              "tokenDigest": "60303ae22b998861"
            }
          ],
          "enteredAt": "2026-03-02T09:00:01Z",
          "instance": {
            "agreement": "AG-42",
            "customer": "C-DANA",
            "id": "P-1",
            "processKey": "suspension",
            "startedAt": "2026-03-02T09:00:00Z",
            "status": "WAITING",
            "step": "confirm",
            "variables": {
              "days": {
                "int": 45
              },
              "due": {
                "instant": "2026-03-09T09:00:00Z"
              },
              "fee": {
                "decimal": "12.50"
              }
            },
            "version": 2,
            "workItem": "P-1/2"
          },
          "openItem": {
            "claimedAt": "2026-03-02T09:05:00.123456789Z",
            "claimedBy": "agent-1",
            "createdAt": "2026-03-02T09:00:01Z",
            "id": "P-1/2",
            "instance": "P-1",
            "performer": {
              "queue": "agents"
            },
            "step": "confirm",
            "token": "tok-2"
          },
          "pendingAudit": [
            {
              "actor": "check",
              "at": "2026-03-02T09:00:00.005Z",
              "enteredAt": "2026-03-02T09:00:00Z",
              "from": "check",
              "instance": "P-1",
              "kind": "COMPLETED",
              "outcome": "ok",
              "performer": {
                "handler": "check"
              },
              "sequence": 2,
              "to": "confirm"
            }
          ],
          "pendingOutcome": "confirmed",
          "startKey": "req-1",
          "transitions": 3
        }""");
  }

  @Test
  @DisplayName("a performer is written as {kind: code}, the same object ProcessDefinitionJson writes")
  void performerMatchesDefinitionJson() throws Exception {
    ProcessDefinition definition = ProcessDefinition.builder("p", 1)
        .step("a", Performer.queue("agents"), "A").then("b")
        .step("b", Performer.partner("installer-north"), "B").then("c")
        .step("c", Performer.automated("suspend"), "C")
        .build();
    JsonNode steps = mapper.readTree(ProcessDefinitionJson.write(definition)).get("steps");
    List<Step> defined = List.copyOf(definition.steps());
    for (int i = 0; i < 3; i++) {
      Performer performer = defined.get(i).performer();
      assertThat(mapper.valueToTree(performer).toString()).as(performer.toString())
          .isEqualTo(steps.get(i).get("performer").toString());
      assertThat(mapper.readValue(steps.get(i).get("performer").toString(), Performer.class)).isEqualTo(performer);
    }
    assertThat(mapper.writeValueAsString(Performer.queue("agents"))).isEqualTo("{\"queue\":\"agents\"}");
    assertThat(mapper.writeValueAsString(Performer.partner("p1"))).isEqualTo("{\"partner\":\"p1\"}");
    assertThat(mapper.writeValueAsString(Performer.automated("h1"))).isEqualTo("{\"handler\":\"h1\"}");
  }

  // --- rejections ---------------------------------------------------------------------------------

  private String itemJson(String performer) {
    return "{\"id\":\"P-1/1\",\"instance\":\"P-1\",\"step\":\"confirm\",\"performer\":" + performer
        + ",\"createdAt\":\"2026-03-02T09:00:00Z\",\"token\":\"t\"}";
  }

  @Test
  @DisplayName("the item JSON used by the rejection tests is itself valid")
  void itemJsonIsValid() throws Exception {
    assertThat(mapper.readValue(itemJson("{\"queue\":\"agents\"}"), WorkItem.class).performer())
        .isEqualTo(Performer.queue("agents"));
  }

  static Stream<Arguments> badPerformers() {
    return Stream.of(
        Arguments.of("{\"robot\":\"r2\"}", "unknown kind 'robot'"),
        Arguments.of("{\"@class\":\"io.cemkit.workflow.Performer$Queue\",\"code\":\"agents\"}", "unknown kind '@class'"),
        Arguments.of("\"io.cemkit.workflow.Performer$Queue\"", "expected an object with exactly one of [queue, "
            + "partner, handler, timer]"),
        Arguments.of("[\"queue\",\"agents\"]", "was an array"),
        Arguments.of("{}", "was an empty object"),
        Arguments.of("{\"queue\":\"agents\",\"partner\":\"p1\"}", "more than one field after 'queue'"),
        Arguments.of("{\"queue\":5}", "the queue must be a code as text, was a whole number"),
        Arguments.of("{\"queue\":\"no spaces\"}", "Performer.Queue has an invalid character"),
        Arguments.of("null", "problem: performer"),
        Arguments.of("{\"timer\":\"7 days\"}", "'7 days' is not an ISO-8601 duration such as P400D or PT12H"),
        Arguments.of("{\"timer\":\"PT0S\"}", "Performer.Timer delay must be positive and at most PT876000H, was PT0S"),
        Arguments.of("{\"timer\":\"P36501D\"}", "at most PT876000H, was PT876024H"),
        Arguments.of("{\"timer\":7}", "the timer must be an ISO-8601 duration as text, was a whole number"),
        Arguments.of("{\"timer\":\"P7D\",\"calendar\":3}", "the calendar must be a code as text, was a whole number"),
        Arguments.of("{\"timer\":\"P7D\",\"calendar\":\"no spaces\"}", "Performer.Timer calendar has an invalid"),
        Arguments.of("{\"queue\":\"agents\",\"calendar\":\"office\"}", "a calendar goes only with a timer, not with a "
            + "queue"),
        Arguments.of("{\"calendar\":\"office\"}", "a calendar without a timer"),
        Arguments.of("{\"timer\":\"P7D\",\"queue\":\"agents\"}", "more than one field after 'timer'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPerformers")
  @DisplayName("a performer other than {queue|partner|handler: code} or {timer: delay, calendar} is refused, "
      + "naming the problem")
  void badPerformerRefused(String performer, String message) {
    assertThatThrownBy(() -> mapper.readValue(itemJson(performer), WorkItem.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("a missing required field is refused, naming it")
  void missingRequiredField() {
    assertThatThrownBy(() -> mapper.readValue("{\"id\":\"P-1/1\",\"instance\":\"P-1\",\"step\":\"confirm\","
        + "\"performer\":{\"queue\":\"agents\"},\"createdAt\":\"2026-03-02T09:00:00Z\"}", WorkItem.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("Missing required creator property 'token'");
    assertThatThrownBy(() -> mapper.readValue("{\"instance\":\"P-1\",\"sequence\":1,\"kind\":\"STARTED\","
        + "\"actor\":\"engine\",\"enteredAt\":\"2026-03-02T09:00:00Z\"}", AuditRecord.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("Missing required creator property 'at'");
  }

  @Test
  @DisplayName("a required field given as null is refused, naming it")
  void nullRequiredField() {
    assertThatThrownBy(() -> mapper.readValue(itemJson("{\"queue\":\"agents\"}").replace("\"token\":\"t\"",
        "\"token\":null"), WorkItem.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("problem: token");
  }

  @Test
  @DisplayName("the records' own checks run on reading: a record whose parts disagree is refused")
  void recordChecksRunOnReading() throws Exception {
    String json = mapper.writeValueAsString(fullRecord());
    String withoutOpenItem = mapper.writeValueAsString(((ObjectNode) mapper.readTree(json)).without("openItem"));
    assertThatThrownBy(() -> mapper.readValue(withoutOpenItem, InstanceRecord.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("InstanceRecord P-1: the open item and the instance's work item must agree");
    String sequenceZero = mapper.writeValueAsString(audit(AuditRecord.Kind.STARTED)).replace("\"sequence\":1",
        "\"sequence\":0");
    assertThatThrownBy(() -> mapper.readValue(sequenceZero, AuditRecord.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("AuditRecord.sequence must be at least 1, was 0");
  }

  @Test
  @DisplayName("an unknown field is refused by the library's mapper")
  void unknownFieldRefused() throws Exception {
    String json = mapper.writeValueAsString(audit(AuditRecord.Kind.STARTED)).replace("{", "{\"extra\":1,");
    assertThatThrownBy(() -> mapper.readValue(json, AuditRecord.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("extra");
  }

  @Test
  @DisplayName("an unknown status or audit kind is refused")
  void unknownEnumRefused() throws Exception {
    String json = mapper.writeValueAsString(audit(AuditRecord.Kind.STARTED)).replace("STARTED", "PAUSED");
    assertThatThrownBy(() -> mapper.readValue(json, AuditRecord.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("PAUSED");
  }
}
