package io.cemkit.examples;

import io.cemkit.core.CsvFormatException;
import io.cemkit.core.CsvReader;
import io.cemkit.nps.CalendarPeriod;
import io.cemkit.nps.NpsTally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an NPS answers file for the {@code cemkit nps} commands: a CSV with a header, one answer
 * per row, tallied per group in one pass. The score is an integer 0–10; the weight a decimal
 * number, not negative; the time an ISO-8601 date, local date-time or date-time with offset or
 * zone. Every problem is a {@link CsvFormatException} with the line number.
 */
final class NpsCsv {
  private static final Pattern OFFSET = Pattern.compile(".*[+-]\\d\\d(:?\\d\\d)?$");
  /** Offsets as +02:00, +0200 or +02, and Z. */
  private static final DateTimeFormatter OFFSET_DATE_TIME = new java.time.format.DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendPattern("[XXX][XX][X]").toFormatter(java.util.Locale.ROOT);

  /** What to read: the score column, the grouping columns, the optional weight and period. */
  record Spec(String scoreColumn, List<String> groupColumns, Optional<String> weightColumn,
      Optional<CalendarPeriod> period, Optional<String> timeColumn, ZoneId zone) {}

  /**
   * The tallies of a file: overall and per group key (the group columns' values, then the period),
   * groups sorted by key.
   *
   * @param overall every answer
   * @param groups the answers per group
   * @param rows the number of data rows read
   */
  record Tallies(NpsTally overall, Map<List<String>, NpsTally> groups, long rows) {}

  private NpsCsv() {}

  static Tallies read(Path file, Spec spec) {
    java.io.InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UncheckedIOException("cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e, e);
    }
    try (CsvReader csv = CsvReader.ofUtf8(in)) {
      return read(csv, spec);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getCause(), e.getCause());
    }
  }

  static Tallies read(CsvReader csv, Spec spec) {
    int score = csv.column(spec.scoreColumn());
    int[] group = spec.groupColumns().stream().mapToInt(csv::column).toArray();
    int weight = spec.weightColumn().map(csv::column).orElse(-1);
    int time = spec.timeColumn().map(csv::column).orElse(-1);
    NpsTally overall = NpsTally.strict();
    Map<List<String>, NpsTally> groups = new LinkedHashMap<>();
    Map<LocalDate, String> periodKeys = new java.util.HashMap<>();
    long rows = 0;
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      rows++;
      int answer = score(row, score, spec.scoreColumn());
      double w = weight < 0 ? 1 : weight(row, weight, spec.weightColumn().orElseThrow());
      List<String> key = new ArrayList<>(group.length + 1);
      for (int column : group) {
        // Stripped like the header names, so "9, north" groups under "north".
        key.add(row.get(column).strip());
      }
      if (spec.period().isPresent()) {
        LocalDate date = date(row, time, spec.timeColumn().orElseThrow(), spec.zone());
        key.add(periodKeys.computeIfAbsent(date, spec.period().get()::keyOf));
      }
      NpsTally tally = groups.get(key);
      if (tally == null) {
        tally = NpsTally.strict();
        groups.put(List.copyOf(key), tally);
      }
      if (weight < 0) {
        overall.record(answer);
        tally.record(answer);
      } else {
        overall.record(answer, w);
        tally.record(answer, w);
      }
    }
    Map<List<String>, NpsTally> sorted = new java.util.TreeMap<>(NpsCsv::compareKeys);
    sorted.putAll(groups);
    return new Tallies(overall, sorted, rows);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  static int score(CsvReader.Row row, int column, String name) {
    String text = row.get(column).strip();
    int value = -1;
    if (text.length() == 1 || text.length() == 2) {
      value = 0;
      for (int i = 0; i < text.length() && value >= 0; i++) {
        char c = text.charAt(i);
        value = c >= '0' && c <= '9' ? value * 10 + (c - '0') : -1;
      }
    }
    if (value < 0 || value > 10) {
      throw row.error("score '" + abbreviate(row.get(column)) + "' in column '" + name
          + "' is not an integer from 0 to 10");
    }
    return value;
  }

  static double weight(CsvReader.Row row, int column, String name) {
    String text = row.get(column).strip();
    double value = Double.NaN;
    if (isDecimal(text)) {
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
    }
    if (!NpsTally.isValidWeight(value)) {
      throw row.error("weight '" + abbreviate(row.get(column)) + "' in column '" + name
          + "' is not a decimal number that is 0 or from " + NpsTally.MIN_POSITIVE_WEIGHT + " to "
          + NpsTally.MAX_WEIGHT);
    }
    return value;
  }

  static LocalDate date(CsvReader.Row row, int column, String name, ZoneId zone) {
    String text = row.get(column).strip();
    if (text.length() > 10 && text.charAt(10) == ' ') {
      // "2025-03-14 09:30:00", as spreadsheets and databases export it.
      text = text.substring(0, 10) + 'T' + text.substring(11);
    }
    try {
      if (text.length() == 10) {
        return isoDate(text);
      }
      if (text.endsWith("Z") || OFFSET.matcher(text).matches()) {
        return OffsetDateTime.parse(text, OFFSET_DATE_TIME).atZoneSameInstant(zone).toLocalDate();
      }
      if (text.endsWith("]")) {
        return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME).withZoneSameInstant(zone)
            .toLocalDate();
      }
      return LocalDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      throw row.error("time '" + abbreviate(row.get(column)) + "' in column '" + name
          + "' is not an ISO-8601 date or date-time (e.g. 2025-03-14, 2025-03-14T09:30:00Z or 2025-03-14 09:30:00+02:00)");
    }
  }

  /** Only digits, a point, an exponent and signs: keeps out NaN, Infinity, hex and type suffixes. */
  private static boolean isDecimal(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** yyyy-MM-dd without the formatter machinery: this runs once per row. */
  private static LocalDate isoDate(String text) {
    if (text.charAt(4) != '-' || text.charAt(7) != '-') {
      return LocalDate.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return LocalDate.parse(text);
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      throw new DateTimeParseException(e.getMessage(), text, 0, e);
    }
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 37) + "...";
  }
}
