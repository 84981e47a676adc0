package io.cemkit.workflow;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import io.cemkit.core.Cemkit;
import io.cemkit.core.testing.JsonFuzz;
import java.util.List;
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
  private static final List<Class<?>> TYPES = List.of(InstanceRecord.class, InstanceRecord.CompletedItem.class,
      ProcessInstance.class, WorkItem.class, WorkItemId.class, Performer.class, AuditRecord.class, SlaClock.class,
      SlaVerdict.class);
  private static final JsonFuzz FUZZ = JsonFuzz.of(Cemkit.objectMapper(), TYPES, MAX_BYTES);

  @FuzzTest(maxDuration = "3m")
  void readsStoredRecordsOrFailsWithAJacksonException(byte[] input) throws Exception {
    FUZZ.readOrRefuse(input);
  }
}
