package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link JourneyMapJson#read(String)}, which reads the map files of {@code cemkit journey render} and
 * {@code observe --map}. The only exception allowed out is {@link InvalidJourneyMapException} with at least
 * one problem; a map that is read writes the canonical JSON, which reads back to an equal map and writes the
 * same text again.
 *
 * <p>The seeds in {@code JourneyMapJsonFuzzTestInputs/} are small valid maps and the shipped examples. In the
 * default build this replays them; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JourneyMapJsonFuzzTest {
  /** Small inputs, yet room for the shipped example maps. */
  private static final int MAX_BYTES = 16_384;

  @FuzzTest(maxDuration = "3m")
  void readsAMapOrListsItsProblems(byte[] input) {
    if (input.length > MAX_BYTES) {
      return;
    }
    JourneyMap map;
    try {
      map = JourneyMapJson.read(new String(input, StandardCharsets.UTF_8));
    } catch (InvalidJourneyMapException e) {
      assertThat(e.problems()).isNotEmpty();
      return;
    }
    String written = JourneyMapJson.write(map);
    JourneyMap back = JourneyMapJson.read(written);
    assertThat(back).as(written).isEqualTo(map);
    assertThat(JourneyMapJson.write(back)).isEqualTo(written);
  }
}
