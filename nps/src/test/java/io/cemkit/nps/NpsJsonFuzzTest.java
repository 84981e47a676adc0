package io.cemkit.nps;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import io.cemkit.core.Cemkit;
import io.cemkit.core.testing.JsonFuzz;
import java.util.List;
import org.junit.jupiter.api.Timeout;


/**
 * Fuzzes {@link Cemkit#objectMapper()} reading the NPS module's value types, as a host's {@code FeedbackStore}
 * reads responses and follow-ups back and a client reads the figures. The module has no reader of its own
 * (its CSV tool lives in {@code examples}). The only exception allowed out is Jackson's
 * {@link JacksonException}; a value that is read writes JSON that reads back equal and writes the same text
 * again.
 *
 * <p>An input is the type's simple name, a line end, then the JSON text; a name that is no type's picks one by
 * its hash. The seeds in {@code NpsJsonFuzzTestInputs/} are each type's JSON as the mapper writes it. In the
 * default build this replays them; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NpsJsonFuzzTest {
  private static final int MAX_BYTES = 4096;
  private static final List<Class<?>> TYPES = List.of(NpsResponse.class, ResponseId.class, FollowUp.class,
      FollowUpId.class, NpsEstimate.class, NpsIntervals.class, Interval.class, WeightedNps.class,
      NpsComparison.class);
  private static final JsonFuzz FUZZ = JsonFuzz.of(Cemkit.objectMapper(), TYPES, MAX_BYTES);

  @FuzzTest(maxDuration = "3m")
  void readsNpsValuesOrFailsWithAJacksonException(byte[] input) throws Exception {
    FUZZ.readOrRefuse(input);
  }
}
