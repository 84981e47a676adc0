package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cemkit.core.CsvFormatException;
import io.cemkit.core.CsvReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link EventLog#readCsv}, the reader of {@code cemkit journey observe}'s event CSV. The only exception
 * allowed out is {@link CsvFormatException}; a file that is read has one event per data row, and the analyses
 * the command runs on it (transitions, stage transitions and durations, variants, channel switches, feedback,
 * a funnel) answer without an exception.
 *
 * <p>The seeds in {@code EventLogFuzzTestInputs/} are small event files with and without the optional
 * columns. In the default build this replays them; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventLogFuzzTest {
  private static final int MAX_BYTES = 4096;
  private static final Funnel FUNNEL = Funnel.of("browse", "cart", "checkout");

  @FuzzTest(maxDuration = "3m")
  void readsEventsOrNamesTheLine(byte[] input) {
    if (input.length > MAX_BYTES) {
      return;
    }
    String text = new String(input, StandardCharsets.UTF_8);
    EventLog log;
    try {
      log = EventLog.readCsv(new StringReader(text));
    } catch (CsvFormatException e) {
      assertThat(e.line()).as(e.getMessage()).isPositive();
      return;
    }
    assertThat(log.size()).isEqualTo(dataRows(text));
    ObservedJourney observed = log.observe();
    assertThat(observed.events()).isEqualTo(log.size());
    assertThat(observed.customers()).isEqualTo(log.customerCount()).isLessThanOrEqualTo(log.size());
    observed.transitions();
    observed.stageTransitions();
    observed.stageDurations();
    assertThat(observed.variants(10)).hasSizeLessThanOrEqualTo(10);
    observed.channelSwitches();
    observed.feedback();
    assertThat(observed.funnel(FUNNEL)).isNotNull();
  }

  private static int dataRows(String text) {
    int rows = 0;
    try (CsvReader csv = CsvReader.of(new StringReader(text))) {
      for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
        rows++;
      }
    }
    return rows;
  }
}
