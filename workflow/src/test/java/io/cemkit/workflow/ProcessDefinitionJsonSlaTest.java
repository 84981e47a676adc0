package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.SlaTarget;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SLA parts of a definition in JSON: serviceType, sla and pausesSla. */
class ProcessDefinitionJsonSlaTest {

  private static final String JSON = """
      {
        "key": "complaint",
        "version": 1,
        "name": "complaint",
        "retention": "P365D",
        "serviceType": "phone-support",
        "sla": {
          "firstResponse": "PT4H",
          "resolution": "P2D",
          "calendar": "office"
        },
        "steps": [
          {
            "id": "review",
            "action": "Review",
            "performer": {
              "queue": "agents"
            },
            "escalations": {
              "RESPONSE_BREACHED": "supervisors"
            },
            "routes": [
              {
                "otherwise": true,
                "to": "documents"
              }
            ]
          },
          {
            "id": "documents",
            "action": "Wait for the documents",
            "performer": {
              "queue": "customer-replies"
            },
            "pausesSla": true
          }
        ]
      }""";

  @Test
  @DisplayName("serviceType, sla and pausesSla are read, and written back in the canonical form")
  void roundTrip() {
    ProcessDefinition definition = ProcessDefinitionJson.read(JSON, java.util.Map.of());
    assertThat(definition.serviceType()).isEqualTo("phone-support");
    assertThat(definition.sla()).contains(SlaTarget.of(Duration.ofHours(4), Duration.ofDays(2), "office"));
    assertThat(definition.step("documents").orElseThrow().pausesSla()).isTrue();
    assertThat(definition.step("review").orElseThrow().pausesSla()).isFalse();
    assertThat(definition.step("review").orElseThrow().escalation(SlaAlert.RESPONSE_BREACHED))
        .contains(Performer.queue("supervisors"));
    assertThat(definition.step("review").orElseThrow().escalation(SlaAlert.RESOLUTION_BREACHED)).isEmpty();
    assertThat(ProcessDefinitionJson.write(definition)).isEqualTo(JSON);
  }

  @Test
  @DisplayName("without them nothing is written: the service type defaults to the key and there is no SLA")
  void absent() {
    String json = JSON.replace("  \"serviceType\": \"phone-support\",\n", "")
        .replace("  \"sla\": {\n    \"firstResponse\": \"PT4H\",\n    \"resolution\": \"P2D\",\n"
            + "    \"calendar\": \"office\"\n  },\n", "")
        .replace(",\n      \"pausesSla\": true", "")
        .replace("      \"escalations\": {\n        \"RESPONSE_BREACHED\": \"supervisors\"\n      },\n", "");
    ProcessDefinition definition = ProcessDefinitionJson.read(json, java.util.Map.of());
    assertThat(definition.serviceType()).isEqualTo("complaint");
    assertThat(definition.sla()).isEmpty();
    assertThat(ProcessDefinitionJson.write(definition)).isEqualTo(json);
  }

  @Test
  @DisplayName("bad SLA parts are each reported with their JSON path")
  void problems() {
    String json = JSON.replace("\"PT4H\"", "\"four hours\"").replace("\"P2D\"", "3")
        .replace("\"calendar\": \"office\"", "\"calendar\": \"the office\", \"grace\": \"PT1H\"")
        .replace("\"pausesSla\": true", "\"pausesSla\": \"yes\"")
        .replace("\"RESPONSE_BREACHED\": \"supervisors\"", "\"LATE\": \"supervisors\"");
    assertThatThrownBy(() -> ProcessDefinitionJson.read(json, java.util.Map.of())).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("sla.firstResponse: 'four hours' is not an ISO-8601 duration")
        .hasMessageContaining("sla.resolution: expected text")
        .hasMessageContaining("sla.calendar")
        .hasMessageContaining("grace")
        .hasMessageContaining("steps[1].pausesSla: expected true or false")
        .hasMessageContaining("steps[0].escalations: unknown alert 'LATE'");
    String shorter = JSON.replace("\"P2D\"", "\"PT1H\"");
    assertThatThrownBy(() -> ProcessDefinitionJson.read(shorter, java.util.Map.of())).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("sla.resolution: must not be shorter than firstResponse (PT4H), was PT1H");
    String missing = JSON.replace("    \"firstResponse\": \"PT4H\",\n", "");
    assertThatThrownBy(() -> ProcessDefinitionJson.read(missing, java.util.Map.of())).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("missing required field 'firstResponse'");
  }
}
