package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link CsvReader}, the reader under the NPS and journey CSV tools, with any bytes. The only
 * exception allowed out is {@link CsvFormatException} with a line that exists; an accepted file reads the
 * same through {@link CsvReader#of} as through {@link CsvReader#ofUtf8}, and written back with every field
 * quoted it reads back to the same header and rows.
 *
 * <p>In the default build this replays {@code CsvReaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes
 * (README, "Fuzzing"). The timeout turns a hang into a failure in both modes (Jazzer passes it to libFuzzer
 * as its per-input {@code -timeout}).
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CsvReaderFuzzTest {
  /** Small inputs: a format bug shows on a few lines, and a larger input only slows the fuzzer. */
  private static final int MAX_BYTES = 4096;

  @FuzzTest(maxDuration = "3m")
  void readsAnyBytesOrNamesTheLine(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return;
    }
    List<List<String>> table;
    try {
      table = readAll(CsvReader.ofUtf8(new ByteArrayInputStream(bytes)));
    } catch (CsvFormatException e) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      long lines = text.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
      assertThat(e.line()).as(e.getMessage()).isBetween(1L, lines);
      assertThat(e.getMessage()).startsWith("line " + e.line() + ": ");
      return;
    }
    // Accepted, so the bytes were UTF-8 throughout and decode to the same characters.
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(readAll(CsvReader.of(new StringReader(text)))).isEqualTo(table);
    assertThat(readAll(CsvReader.of(new StringReader(quoted(table))))).isEqualTo(table);
  }

  /** The header, then every data row, as lists of fields. */
  private static List<List<String>> readAll(CsvReader csv) {
    try (csv) {
      List<List<String>> table = new ArrayList<>();
      table.add(csv.header());
      for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
        assertThat(row.fields()).hasSameSizeAs(csv.header());
        table.add(row.fields());
      }
      return table;
    }
  }

  /** The table with every field quoted, CRLF line ends. */
  private static String quoted(List<List<String>> table) {
    StringBuilder out = new StringBuilder();
    for (List<String> row : table) {
      for (int i = 0; i < row.size(); i++) {
        out.append(i == 0 ? "" : ",").append('"').append(row.get(i).replace("\"", "\"\"")).append('"');
      }
      out.append("\r\n");
    }
    return out.toString();
  }
}
