package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

  private static List<CsvReader.Row> rows(String text) {
    try (CsvReader csv = CsvReader.of(new StringReader(text))) {
      List<CsvReader.Row> rows = new ArrayList<>();
      for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
        rows.add(row);
      }
      return rows;
    }
  }

  @Test
  @DisplayName("reads the header and rows with their line numbers")
  void readsHeaderAndRows() {
    try (CsvReader csv = CsvReader.of(new StringReader("a,b\n1,2\n3,4\n"))) {
      assertThat(csv.header()).containsExactly("a", "b");
      assertThat(csv.column("b")).isEqualTo(1);
      assertThat(csv.hasColumn("c")).isFalse();
      CsvReader.Row first = csv.next();
      assertThat(first.line()).isEqualTo(2);
      assertThat(first.fields()).containsExactly("1", "2");
      assertThat(csv.next().fields()).containsExactly("3", "4");
      assertThat(csv.next()).isNull();
      assertThat(csv.next()).isNull();
    }
  }

  @Test
  @DisplayName("quoted fields hold commas, doubled quotes and line breaks; line numbers count them")
  void quotedFields() {
    List<CsvReader.Row> rows = rows("name,note\n\"Smith, J\",\"say \"\"hi\"\"\"\n\"multi\nline\",x\nlast,\"\"\n");
    assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(
        List.of("Smith, J", "say \"hi\""), List.of("multi\nline", "x"), List.of("last", ""));
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(2L, 3L, 5L);
  }

  @Test
  @DisplayName("CRLF and CR line ends, a byte-order mark, blank lines and a missing final newline")
  void lineEnds() {
    List<CsvReader.Row> rows = rows("\uFEFFa,b\r\n1,2\r\n\r\n3,4\r5,6");
    assertThat(rows).extracting(CsvReader.Row::fields)
        .containsExactly(List.of("1", "2"), List.of("3", "4"), List.of("5", "6"));
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(2L, 4L, 5L);
  }

  @Test
  @DisplayName("header names are stripped; an unnamed or repeated column is refused")
  void header() {
    try (CsvReader csv = CsvReader.of(new StringReader(" a , b\n"))) {
      assertThat(csv.header()).containsExactly("a", "b");
    }
    assertThatThrownBy(() -> CsvReader.of(new StringReader("a,,c\n")))
        .isInstanceOf(CsvFormatException.class).hasMessage("line 1: column 2 of the header has no name");
    assertThatThrownBy(() -> CsvReader.of(new StringReader("a,b,a\n")))
        .isInstanceOf(CsvFormatException.class).hasMessage("line 1: column 'a' appears twice in the header");
    assertThatThrownBy(() -> CsvReader.of(new StringReader("")))
        .isInstanceOf(CsvFormatException.class).hasMessage("line 1: the file is empty; expected a header row");
  }

  @Test
  @DisplayName("a missing column names itself and the header")
  void missingColumn() {
    try (CsvReader csv = CsvReader.of(new StringReader("a,b\n"))) {
      assertThatThrownBy(() -> csv.column("score"))
          .isInstanceOf(CsvFormatException.class)
          .hasMessage("line 1: missing column 'score'; the header has [a, b]")
          .extracting(e -> ((CsvFormatException) e).line()).isEqualTo(1L);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,b\n1,2\n1,2,3\n", "a,b\n1,2\n1\n"})
  @DisplayName("a row with another number of fields than the header fails with its line")
  void wrongFieldCount(String text) {
    assertThatThrownBy(() -> rows(text)).isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("line 3: expected 2 fields as in the header, found ");
  }

  @Test
  @DisplayName("an unterminated quote and text after a closing quote fail with the row's first line")
  void badQuotes() {
    assertThatThrownBy(() -> rows("a,b\n1,\"open\nstill open\n"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("line 2: a quoted field is not closed before the end of the file");
    assertThatThrownBy(() -> rows("a,b\n\"x\"y,2\n"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("line 2: unexpected character 'y' after the closing quote of field 1");
  }

  @Test
  @DisplayName("a quote inside an unquoted field is kept as text")
  void quoteInsideUnquotedField() {
    assertThat(rows("a\nsay \"x\"\n")).extracting(CsvReader.Row::fields).containsExactly(List.of("say \"x\""));
  }

  @Test
  @DisplayName("an overlong field is refused instead of exhausting memory")
  void overlongField() {
    String text = "a\n" + "x".repeat(CsvReader.MAX_FIELD_LENGTH + 1) + "\n";
    assertThatThrownBy(() -> rows(text)).isInstanceOf(CsvFormatException.class)
        .hasMessage("line 2: a field is longer than " + CsvReader.MAX_FIELD_LENGTH + " characters");
  }

  @Test
  @DisplayName("a read failure is an UncheckedIOException naming the line")
  void readFailure() {
    Reader failing = new Reader() {
      private int calls;

      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        if (calls++ == 0) {
          "a\n1\n".getChars(0, 4, buffer, offset);
          return 4;
        }
        throw new IOException("disk gone");
      }

      @Override
      public void close() {}
    };
    CsvReader csv = CsvReader.of(failing);
    assertThatThrownBy(() -> {
      csv.next();
      csv.next();
    }).isInstanceOf(UncheckedIOException.class).hasMessage("reading CSV line 3 failed");
  }

  @Test
  @DisplayName("UTF-8 input: multi-byte characters across buffer boundaries read back; a bad byte names its line")
  void utf8() {
    StringBuilder text = new StringBuilder("name,score\n");
    for (int i = 0; i < 20_000; i++) {
      text.append("שלום-").append(i).append(",").append(i % 11).append('\n');
    }
    byte[] good = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int rows = 0;
    try (CsvReader csv = CsvReader.ofUtf8(new java.io.ByteArrayInputStream(good))) {
      for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
        assertThat(row.get(0)).isEqualTo("שלום-" + rows);
        rows++;
      }
    }
    assertThat(rows).isEqualTo(20_000);
    byte[] bad = good.clone();
    int offset = text.indexOf("שלום-15000");
    int badAt = text.substring(0, offset).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    bad[badAt] = (byte) 0xE9;
    assertThatThrownBy(() -> {
      try (CsvReader csv = CsvReader.ofUtf8(new java.io.ByteArrayInputStream(bad))) {
        while (csv.next() != null) {
          // read on until the bad byte
        }
      }
    }).isInstanceOf(CsvFormatException.class)
        .hasMessage("line 15002: the file is not valid UTF-8: byte 0xE9 at byte offset " + badAt
            + " (save the file as UTF-8)");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  @DisplayName("written fields read back unchanged (seeded random fields with quotes, commas, line breaks)")
  void roundTrip(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String alphabet = "ab,\"\n\r x1";
    List<List<String>> written = new ArrayList<>();
    StringBuilder text = new StringBuilder("c1,c2,c3\n");
    for (int r = 0; r < 200; r++) {
      List<String> fields = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        StringBuilder field = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
          field.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        fields.add(field.toString());
        text.append(c == 0 ? "" : ",").append('"').append(field.toString().replace("\"", "\"\"")).append('"');
      }
      text.append(random.nextBoolean() ? "\n" : "\r\n");
      written.add(fields);
    }
    assertThat(rows(text.toString())).extracting(CsvReader.Row::fields).containsExactlyElementsOf(written);
  }

  @Test
  @DisplayName("a byte-order mark is not part of the first column's name")
  void byteOrderMarkNotInHeader() {
    try (CsvReader csv = CsvReader.of(new StringReader("\uFEFFa,b\n1,2\n"))) {
      assertThat(csv.header()).containsExactly("a", "b");
      assertThat(csv.hasColumn("a")).isTrue();
      assertThat(csv.column("a")).isZero();
    }
  }

  @Test
  @DisplayName("closing the reader closes the underlying reader")
  void closesUnderlyingReader() throws IOException {
    StringReader in = new StringReader("a\n1\n");
    CsvReader.of(in).close();
    assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("Stream closed");
  }
}
