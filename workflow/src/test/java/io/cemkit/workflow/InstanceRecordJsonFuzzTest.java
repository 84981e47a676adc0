package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemkit.core.Cemkit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link Cemkit#objectMapper()} reading what the engine stores, as a host's {@code InstanceStore} and
 * {@code AuditLog} read it back: {@link InstanceRecord} and its parts, {@link AuditRecord}, and with them the
 * performer JSON ({@code PerformerJson}) and the tagged variables ({@code Variables}). The only exception
 * allowed out is Jackson's {@link JacksonException} ({@link InstanceRecord}'s Javadoc: a
 * {@code JsonMappingException} naming the field); a value that is read writes JSON that reads back equal and
 * writes the same text again.
 *
 * <p>An input is the type's simple name, a line end, then the JSON text; a name that is no type's picks one by
 * its hash. The seeds in {@code InstanceRecordJsonFuzzTestInputs/} are each type's JSON as the mapper writes
 * it. In the default build this replays them; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InstanceRecordJsonFuzzTest {
  private static final int MAX_BYTES = 8192;
  private static final ObjectMapper MAPPER = Cemkit.objectMapper();
  private static final List<Class<?>> TYPES = List.of(InstanceRecord.class, InstanceRecord.CompletedItem.class,
      ProcessInstance.class, WorkItem.class, WorkItemId.class, Performer.class, AuditRecord.class, SlaClock.class,
      SlaVerdict.class);
  private static final Map<String, Class<?>> BY_NAME = TYPES.stream()
      .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

  @FuzzTest(maxDuration = "3m")
  void readsStoredRecordsOrFailsWithAJacksonException(byte[] input) throws Exception {
    if (input.length > MAX_BYTES) {
      return;
    }
    String text = new String(input, StandardCharsets.UTF_8);
    int lineEnd = text.indexOf('\n');
    String name = lineEnd < 0 ? "" : text.substring(0, lineEnd).strip();
    Class<?> type = BY_NAME.getOrDefault(name, TYPES.get(Math.floorMod(name.hashCode(), TYPES.size())));
    Object value;
    try {
      value = MAPPER.readValue(text.substring(lineEnd + 1), type);
    } catch (JacksonException e) {
      return;
    }
    if (value == null) {
      return;
    }
    assertThat(value).isInstanceOf(type);
    String written = MAPPER.writeValueAsString(value);
    Object back = MAPPER.readValue(written, type);
    assertThat(back).as(written).isEqualTo(value);
    assertThat(MAPPER.writeValueAsString(back)).isEqualTo(written);
  }
}
