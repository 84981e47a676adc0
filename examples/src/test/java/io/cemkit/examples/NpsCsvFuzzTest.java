package io.cemkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cemkit.core.CsvFormatException;
import io.cemkit.core.CsvReader;
import io.cemkit.nps.CalendarPeriod;
import io.cemkit.nps.NpsStatistics;
import io.cemkit.nps.NpsTally;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link NpsCsv}, the reader of the {@code cemkit nps} commands' answers file, with any bytes, read as
 * the command reads them ({@link CsvReader#ofUtf8}). The spec follows the header as a user's options would:
 * the {@code score} column, {@code branch} and {@code channel} as groups and {@code weight} as the weight when
 * present, and a period over {@code answered_at} when present (which period and zone depends on the header's
 * width, so every one is reached). The only exception allowed out is {@link CsvFormatException}; a file that
 * is read counts every row once overall and once in its group, and its estimates compute.
 *
 * <p>The seeds in {@code NpsCsvFuzzTestInputs/} are small answer files. In the default build this replays
 * them; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NpsCsvFuzzTest {
  private static final int MAX_BYTES = 4096;
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Jerusalem"),
      ZoneId.of("America/St_Johns"));

  @FuzzTest(maxDuration = "3m")
  void readsAnswersOrNamesTheLine(byte[] input) {
    if (input.length > MAX_BYTES) {
      return;
    }
    NpsCsv.Tallies tallies;
    try (CsvReader csv = CsvReader.ofUtf8(new ByteArrayInputStream(input))) {
      tallies = NpsCsv.read(csv, spec(csv));
    } catch (CsvFormatException e) {
      assertThat(e.line()).as(e.getMessage()).isPositive();
      return;
    }
    assertThat(tallies.overall().answers()).isEqualTo(tallies.rows());
    assertThat(tallies.groups().values().stream().mapToLong(NpsTally::answers).sum()).isEqualTo(tallies.rows());
    NpsStatistics.estimate(tallies.overall());
    tallies.groups().values().forEach(NpsStatistics::estimate);
  }

  private static NpsCsv.Spec spec(CsvReader csv) {
    List<String> groups = Stream.of("branch", "channel").filter(csv::hasColumn).toList();
    Optional<String> weight = Optional.of("weight").filter(csv::hasColumn);
    Optional<String> time = Optional.of("answered_at").filter(csv::hasColumn);
    int width = csv.header().size();
    Optional<CalendarPeriod> period = time.map(t -> CalendarPeriod.values()[width % CalendarPeriod.values().length]);
    return new NpsCsv.Spec("score", groups, weight, period, time, ZONES.get(width % ZONES.size()));
  }
}
