package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link ProcessDefinitionJson#read(String, Map)}, the reader of process definitions from files. The
 * only exception allowed out is {@link InvalidDefinitionException} with at least one problem (the class
 * Javadoc: every problem of the JSON, then the builder's validation); a definition that is read writes the
 * canonical JSON, which reads back to a definition that writes the same text.
 *
 * <p>The seeds in {@code ProcessDefinitionJsonFuzzTestInputs/} are the documented example, one with a service
 * level and escalations, one with timers, and the shipped CRM processes. In the default build this replays
 * them; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessDefinitionJsonFuzzTest {
  private static final int MAX_BYTES = 16_384;
  private static final Map<String, RouteCondition> CONDITIONS = Map.of(
      "long-suspension", ctx -> ctx.variable("days", Integer.class).orElse(0) > 30,
      "vip", ctx -> ctx.variable("vip", Boolean.class).orElse(false));

  @FuzzTest(maxDuration = "4m")
  void readsADefinitionOrListsItsProblems(byte[] input) {
    if (input.length > MAX_BYTES) {
      return;
    }
    ProcessDefinition definition;
    try {
      definition = ProcessDefinitionJson.read(new String(input, StandardCharsets.UTF_8), CONDITIONS);
    } catch (InvalidDefinitionException e) {
      assertThat(e.problems()).isNotEmpty();
      return;
    }
    String written = ProcessDefinitionJson.write(definition);
    ProcessDefinition back = ProcessDefinitionJson.read(written, CONDITIONS);
    assertThat(ProcessDefinitionJson.write(back)).isEqualTo(written);
    assertThat(back.key()).isEqualTo(definition.key());
    assertThat(back.version()).isEqualTo(definition.version());
    assertThat(back.steps()).hasSameSizeAs(definition.steps());
  }
}
