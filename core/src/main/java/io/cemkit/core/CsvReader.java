package io.cemkit.core;

import io.cemkit.core.internal.Checks;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A streaming reader of comma-separated values with a header row (RFC 4180): fields may be quoted
 * with {@code "}, a quote inside a quoted field is doubled, quoted fields may hold commas and line
 * breaks, lines end in LF or CRLF, a leading byte-order mark is ignored, and blank lines are
 * skipped. Every row must have as many fields as the header. Errors are
 * {@link CsvFormatException}s naming the line.
 *
 * <pre>{@code
 * try (CsvReader csv = CsvReader.of(Files.newBufferedReader(path))) {
 *   int score = csv.column("score");
 *   for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
 *     String value = row.get(score);
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe. A field may be at most {@value #MAX_FIELD_LENGTH} characters and a row at
 * most {@value #MAX_FIELDS} fields, so a malformed file cannot exhaust memory.
 */
public final class CsvReader implements Closeable {
  /** The longest field accepted, in characters. */
  public static final int MAX_FIELD_LENGTH = 1 << 20;
  /** The most fields a row may have. */
  public static final int MAX_FIELDS = 4096;

  private final Reader in;
  private final List<String> header;
  private final Map<String, Integer> columns;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private long line = 1;
  private int pushedBack = -2;

  private CsvReader(Reader in) {
    this.in = in;
    skipByteOrderMark();
    long headerLine = line;
    List<String> names = readRecord();
    if (names == null) {
      throw new CsvFormatException(1, "the file is empty; expected a header row");
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip();
      if (name.isEmpty()) {
        throw new CsvFormatException(headerLine, "column " + (i + 1) + " of the header has no name");
      }
      if (index.putIfAbsent(name, i) != null) {
        throw new CsvFormatException(headerLine, "column '" + Checks.abbreviate(name)
            + "' appears twice in the header");
      }
    }
    this.header = List.copyOf(index.keySet());
    this.columns = Collections.unmodifiableMap(index);
  }

  /**
   * Opens a reader and reads the header row.
   *
   * @param in the text; closed by {@link #close()}
   * @return the reader
   * @throws CsvFormatException if there is no header or it names a column twice or leaves one
   *     unnamed
   * @throws UncheckedIOException if reading fails
   */
  public static CsvReader of(Reader in) {
    return new CsvReader(Objects.requireNonNull(in, "in"));
  }

  /**
   * Opens a reader of UTF-8 bytes (a leading byte-order mark is ignored) and reads the header row.
   * Bytes that are not UTF-8 fail with a {@link CsvFormatException} naming their line.
   *
   * @param in the bytes; closed by {@link #close()}
   * @return the reader
   * @throws CsvFormatException if the header is missing or malformed, or the bytes are not UTF-8
   * @throws UncheckedIOException if reading fails
   */
  public static CsvReader ofUtf8(java.io.InputStream in) {
    return new CsvReader(new io.cemkit.core.internal.StrictUtf8Reader(in));
  }

  /**
   * The column names, stripped of surrounding blanks, in file order.
   *
   * @return the names
   */
  public List<String> header() {
    return header;
  }

  /**
   * The index of a column.
   *
   * @param name the column's name
   * @return its zero-based index
   * @throws CsvFormatException (line 1) if the header has no such column
   */
  public int column(String name) {
    Integer index = columns.get(name);
    if (index == null) {
      throw new CsvFormatException(1, "missing column '" + Checks.abbreviate(name) + "'; the header has "
          + header);
    }
    return index;
  }

  /**
   * Whether the header has a column.
   *
   * @param name the column's name
   * @return true if present
   */
  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /**
   * The next data row.
   *
   * @return the row, or null at the end of the file
   * @throws CsvFormatException if the row is malformed or has a different number of fields than
   *     the header
   * @throws UncheckedIOException if reading fails
   */
  public Row next() {
    while (true) {
      long start = line;
      List<String> fields = readRecord();
      if (fields == null) {
        return null;
      }
      if (fields.size() == 1 && fields.get(0).isEmpty()) {
        continue;
      }
      if (fields.size() != header.size()) {
        throw new CsvFormatException(start, "expected " + header.size() + " fields as in the header, found "
            + fields.size());
      }
      return new Row(start, fields);
    }
  }

  /** Reads one record, or null at the end of input; {@link #line} moves past it. */
  private List<String> readRecord() {
    int c = read();
    if (c == -1) {
      return null;
    }
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new CsvFormatException(start, "a quoted field is not closed before the end of the file");
        }
        if (c == '"') {
          int next = read();
          if (next == '"') {
            append(field, '"', start);
          } else {
            quoted = false;
            afterQuote = true;
            c = next;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          append(field, (char) c, start);
        }
        c = read();
        continue;
      }
      if (c == ',') {
        addField(fields, field, start);
        afterQuote = false;
      } else if (c == '\n' || c == -1) {
        addField(fields, field, start);
        if (c == '\n') {
          line++;
        }
        return fields;
      } else if (c == '\r') {
        int next = read();
        if (next != '\n') {
          unread(next);
        }
        addField(fields, field, start);
        line++;
        return fields;
      } else if (afterQuote) {
        throw new CsvFormatException(start, "unexpected character '" + (char) c
            + "' after the closing quote of field " + (fields.size() + 1));
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else {
        append(field, (char) c, start);
      }
      c = read();
    }
  }

  private void addField(List<String> fields, StringBuilder field, long start) {
    if (fields.size() == MAX_FIELDS) {
      throw new CsvFormatException(start, "a row has more than " + MAX_FIELDS + " fields");
    }
    fields.add(field.toString());
    field.setLength(0);
  }

  private static void append(StringBuilder field, char c, long start) {
    if (field.length() == MAX_FIELD_LENGTH) {
      throw new CsvFormatException(start, "a field is longer than " + MAX_FIELD_LENGTH + " characters");
    }
    field.append(c);
  }

  private void skipByteOrderMark() {
    int c = read();
    if (c != '\uFEFF') {
      unread(c);
    }
  }

  private int read() {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    if (position == limit) {
      try {
        int read;
        do {
          read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
          return -1;
        }
        position = 0;
        limit = read;
      } catch (IOException e) {
        throw new UncheckedIOException("reading CSV line " + line + " failed", e);
      }
    }
    return buffer[position++];
  }

  private void unread(int c) {
    pushedBack = c;
  }

  /**
   * Closes the underlying reader.
   *
   * @throws UncheckedIOException if closing fails
   */
  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One data row: its line number and its fields, in header order.
   *
   * @param line the 1-based line on which the row starts
   * @param fields the fields
   */
  public record Row(long line, List<String> fields) {
    /**
     * Copies the fields.
     *
     * @param line the line
     * @param fields the fields
     */
    public Row {
      fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    /**
     * A field by column index.
     *
     * @param column the index from {@link CsvReader#column(String)}
     * @return the field, as written (not stripped)
     */
    public String get(int column) {
      return fields.get(column);
    }

    /**
     * A format error on this row's line.
     *
     * @param reason what is wrong
     * @return the exception, to throw
     */
    public CsvFormatException error(String reason) {
      return new CsvFormatException(line, reason);
    }
  }
}
