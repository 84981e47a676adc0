package io.cemkit.journey;

import io.cemkit.core.CsvFormatException;
import io.cemkit.core.CsvReader;
import io.cemkit.core.Interaction;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Observed touchpoint events held as columns (J6): an {@code int} code per customer, touchpoint, stage and
 * channel, the time in epoch nanoseconds, and the optional outcome, sentiment and NPS answer, in arrival
 * order. Events may arrive in any order: the analytics of {@link #observe()} read each customer's events by
 * time, ties keeping arrival order. A log that arrives in that order already (written as events happen,
 * customers interleaved) is read as it is, one pass per analysis; any other is regrouped once per
 * {@link ObservedJourney}.
 *
 * <p>Sources: {@link JourneyEvent}s ({@link #of(Iterable)}, {@link #builder()}), core's
 * {@link Interaction}s ({@link #ofInteractions(Iterable)}), a CSV file ({@link #readCsv(Reader)}) and
 * ready-made code columns ({@link #ofColumns}). Times must lie between the years 1678 and 2261 (what a
 * {@code long} of nanoseconds holds). Immutable once built.
 */
public final class EventLog {
  /** The CSV columns every file has. */
  public static final List<String> CSV_COLUMNS = List.of("customer_id", "timestamp", "touchpoint", "stage",
      "channel");
  private static final long MIN_SECONDS = Long.MIN_VALUE / 1_000_000_000L + 1;
  private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;
  private static final long MIN_NANOS = MIN_SECONDS * 1_000_000_000L;
  private static final long MAX_NANOS = MAX_SECONDS * 1_000_000_000L + 999_999_999L;
  private static final Pattern OFFSET = Pattern.compile(".*(Z|z|[+-]\\d\\d(:?\\d\\d)?)$");

  final int size;
  final int[] customer;
  final long[] time;
  final int[] touchpoint;
  final int[] stage;
  final int[] channel;
  /** NaN where absent; null when no event has one. */
  final double[] sentiment;
  /** -1 where absent; null when no event has one. */
  final byte[] nps;
  /** -1 where absent; null when no event has one. */
  final int[] outcome;
  final Codes customers;
  final Codes touchpoints;
  final Codes stages;
  final Codes channels;
  final Codes outcomes;

  private EventLog(Builder b) {
    this.size = b.size;
    this.customer = Arrays.copyOf(b.customer, size);
    this.time = Arrays.copyOf(b.time, size);
    this.touchpoint = Arrays.copyOf(b.touchpoint, size);
    this.stage = Arrays.copyOf(b.stage, size);
    this.channel = Arrays.copyOf(b.channel, size);
    this.sentiment = b.sentiment == null ? null : Arrays.copyOf(b.sentiment, size);
    this.nps = b.nps == null ? null : Arrays.copyOf(b.nps, size);
    this.outcome = b.outcome == null ? null : Arrays.copyOf(b.outcome, size);
    this.customers = b.customers;
    this.touchpoints = b.touchpoints;
    this.stages = b.stages;
    this.channels = b.channels;
    this.outcomes = b.outcomes;
  }

  private EventLog(int customerCount, long[] time, int[] customer, int[] touchpoint, int[] stage, int[] channel,
      List<String> touchpointNames, List<String> stageNames, List<String> channelNames) {
    this.size = time.length;
    this.customer = customer;
    this.time = time;
    this.touchpoint = touchpoint;
    this.stage = stage;
    this.channel = channel;
    this.sentiment = null;
    this.nps = null;
    this.outcome = null;
    this.customers = Codes.numbered(customerCount);
    this.touchpoints = Codes.of(touchpointNames);
    this.stages = Codes.of(stageNames);
    this.channels = Codes.of(channelNames);
    this.outcomes = new Codes();
  }

  /**
   * A builder that takes events one at a time.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A log of the given events, in the iteration's order as arrival order.
   *
   * @param events the events
   * @return the log
   */
  public static EventLog of(Iterable<JourneyEvent> events) {
    Objects.requireNonNull(events, "events");
    Builder b = builder();
    events.forEach(b::add);
    return b.build();
  }

  /**
   * A log of core's interactions: customer, start time, touchpoint, stage, channel (its lower-case name),
   * outcome and sentiment score. Interactions without a touchpoint or a stage are not journey events and
   * are left out.
   *
   * @param interactions the interactions, in arrival order
   * @return the log
   */
  public static EventLog ofInteractions(Iterable<Interaction> interactions) {
    Objects.requireNonNull(interactions, "interactions");
    Builder b = builder();
    for (Interaction i : interactions) {
      if (i.touchpoint().isEmpty() || i.stage().isEmpty()) {
        continue;
      }
      JourneyEvent e = JourneyEvent.of(i.customer(), i.startedAt(), i.touchpoint().get(), i.stage().get(),
          i.channel());
      if (i.outcome().isPresent()) {
        e = e.withOutcome(i.outcome().get());
      }
      if (i.sentiment().isPresent()) {
        e = e.withSentiment(i.sentiment().get().score());
      }
      b.add(e);
    }
    return b.build();
  }

  /**
   * A log from code columns, for bulk loads: event {@code i} is customer {@code customers[i]} (named by its
   * number) at {@code epochNanos[i]}, at touchpoint {@code touchpointNames.get(touchpoints[i])}, and so on.
   * The arrays are used as they are, not copied: the caller must not change them afterwards.
   *
   * @param customerCount the number of customers; codes are 0 to customerCount - 1
   * @param epochNanos the times, nanoseconds since 1970-01-01T00:00Z
   * @param customers the customer codes
   * @param touchpoints the touchpoint codes
   * @param stages the stage codes
   * @param channels the channel codes
   * @param touchpointNames the touchpoints' names by code, distinct
   * @param stageNames the stages' names by code, distinct
   * @param channelNames the channels' names by code, distinct
   * @return the log
   * @throws IllegalArgumentException if the customer count is negative, the arrays differ in length, a code
   *     is out of range or a time is outside the years 1678 to 2261 (as {@link #builder()} refuses it)
   */
  public static EventLog ofColumns(int customerCount, long[] epochNanos, int[] customers, int[] touchpoints,
      int[] stages, int[] channels, List<String> touchpointNames, List<String> stageNames,
      List<String> channelNames) {
    // A negative count would read as "not numbered" and let every customer code through.
    if (customerCount < 0) {
      throw new IllegalArgumentException("EventLog.ofColumns customerCount must be at least 0, was " + customerCount);
    }
    Objects.requireNonNull(epochNanos, "epochNanos");
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(touchpoints, "touchpoints");
    Objects.requireNonNull(stages, "stages");
    Objects.requireNonNull(channels, "channels");
    Objects.requireNonNull(touchpointNames, "touchpointNames");
    Objects.requireNonNull(stageNames, "stageNames");
    Objects.requireNonNull(channelNames, "channelNames");
    int n = epochNanos.length;
    if (customers.length != n || touchpoints.length != n || stages.length != n || channels.length != n) {
      throw new IllegalArgumentException("EventLog.ofColumns needs arrays of one length, had " + n + ", "
          + customers.length + ", " + touchpoints.length + ", " + stages.length + ", " + channels.length);
    }
    checkCodes("customers", customers, customerCount);
    checkCodes("touchpoints", touchpoints, touchpointNames.size());
    checkCodes("stages", stages, stageNames.size());
    checkCodes("channels", channels, channelNames.size());
    for (int i = 0; i < n; i++) {
      if (epochNanos[i] < MIN_NANOS || epochNanos[i] > MAX_NANOS) {
        throw new IllegalArgumentException("EventLog.ofColumns epochNanos[" + i + "] must be within [" + MIN_NANOS
            + ", " + MAX_NANOS + "] (the years 1678 to 2261), was " + epochNanos[i]);
      }
    }
    return new EventLog(customerCount, epochNanos, customers, touchpoints, stages, channels, touchpointNames,
        stageNames, channelNames);
  }

  private static void checkCodes(String what, int[] codes, int count) {
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0 || codes[i] >= count) {
        throw new IllegalArgumentException("EventLog.ofColumns " + what + "[" + i + "] must be within [0, "
            + count + "), was " + codes[i]);
      }
    }
  }

  /**
   * Reads a CSV file with the header columns {@link #CSV_COLUMNS} (in any order, others ignored) and,
   * optionally, {@code outcome}, {@code sentiment} (a decimal from -1 to 1) and {@code nps} (an integer 0
   * to 10), whose empty cells mean "none". Timestamps are ISO-8601 date-times: with {@code Z} or an offset
   * ({@code 2025-03-14T09:30:00Z}, {@code 2025-03-14T10:30:00+01:00}), or without one, read as UTC; a space
   * may stand for the {@code T}. Fields are stripped of surrounding blanks.
   *
   * @param in the text; not closed
   * @return the log
   * @throws CsvFormatException naming the line and the reason at the first bad row
   */
  public static EventLog readCsv(Reader in) {
    CsvReader csv = CsvReader.of(in);
    int[] cols = CSV_COLUMNS.stream().mapToInt(csv::column).toArray();
    int outcomeCol = csv.hasColumn("outcome") ? csv.column("outcome") : -1;
    int sentimentCol = csv.hasColumn("sentiment") ? csv.column("sentiment") : -1;
    int npsCol = csv.hasColumn("nps") ? csv.column("nps") : -1;
    Builder b = builder();
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      String[] v = new String[5];
      for (int c = 0; c < 5; c++) {
        v[c] = row.get(cols[c]).strip();
        if (v[c].isEmpty()) {
          throw row.error(CSV_COLUMNS.get(c) + " is empty");
        }
      }
      long nanos = parseTime(row, v[1]);
      b.append(v[0], nanos, v[2], v[3], v[4]);
      if (outcomeCol >= 0 && !row.get(outcomeCol).isBlank()) {
        b.setOutcome(row.get(outcomeCol).strip());
      }
      if (sentimentCol >= 0 && !row.get(sentimentCol).isBlank()) {
        b.setSentiment(parseSentiment(row, row.get(sentimentCol).strip()));
      }
      if (npsCol >= 0 && !row.get(npsCol).isBlank()) {
        b.setNps(parseNps(row, row.get(npsCol).strip()));
      }
    }
    return b.build();
  }

  private static long parseTime(CsvReader.Row row, String text) {
    String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
        : text;
    Instant at;
    try {
      if (OFFSET.matcher(t).matches()) {
        at = OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } else {
        at = LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      throw row.error("timestamp '" + abbreviate(text) + "' is not an ISO-8601 date-time (e.g. "
          + "2025-03-14T09:30:00Z or 2025-03-14T09:30:00+02:00)");
    }
    try {
      return nanos(at);
    } catch (IllegalArgumentException e) {
      throw row.error(e.getMessage());
    }
  }

  private static double parseSentiment(CsvReader.Row row, String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!(value >= -1 && value <= 1)) {
      throw row.error("sentiment '" + abbreviate(text) + "' is not a number from -1 to 1");
    }
    return value;
  }

  private static int parseNps(CsvReader.Row row, String text) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 0 && value <= 10) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the others
    }
    throw row.error("nps '" + abbreviate(text) + "' is not an integer from 0 to 10");
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  static long nanos(Instant at) {
    long s = at.getEpochSecond();
    if (s < MIN_SECONDS || s > MAX_SECONDS) {
      throw new IllegalArgumentException("time " + at + " is outside the years 1678 to 2261");
    }
    return s * 1_000_000_000L + at.getNano();
  }

  /**
   * The analytics of these events. Does no work by itself: the first analysis finds out whether the log
   * arrived in each customer's time order (then every analysis is one pass over it as it is) or must be
   * regrouped, once for all analyses of the returned object.
   *
   * @return the observed journey
   */
  public ObservedJourney observe() {
    return new ObservedJourney(this);
  }

  /**
   * The number of events.
   *
   * @return zero or more
   */
  public int size() {
    return size;
  }

  /**
   * The number of distinct customers.
   *
   * @return zero or more
   */
  public int customerCount() {
    return customers.size();
  }

  @Override
  public String toString() {
    return "EventLog[" + size + " events, " + customers.size() + " customers, " + touchpoints.size()
        + " touchpoints, " + stages.size() + " stages, " + channels.size() + " channels]";
  }

  /** Names to dense codes, in order of first appearance. */
  static final class Codes {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private int numbered = -1;

    static Codes of(List<String> names) {
      Codes c = new Codes();
      names.forEach(n -> {
        // A new name gets the next code; a repeated one keeps its first (for a repeat of the name just
        // added, that is also size - 1, so the size is what tells).
        int before = c.size();
        c.code(Objects.requireNonNull(n, "name"));
        if (c.size() == before) {
          throw new IllegalArgumentException("EventLog.ofColumns names must be distinct, '" + n + "' repeats");
        }
      });
      return c;
    }

    static Codes numbered(int count) {
      Codes c = new Codes();
      c.numbered = count;
      return c;
    }

    int code(String name) {
      Integer code = codes.get(name);
      if (code == null) {
        code = names.size();
        codes.put(name, code);
        names.add(name);
      }
      return code;
    }

    int find(String name) {
      if (numbered >= 0) {
        try {
          int n = Integer.parseInt(name);
          return n >= 0 && n < numbered ? n : -1;
        } catch (NumberFormatException e) {
          return -1;
        }
      }
      return codes.getOrDefault(name, -1);
    }

    String name(int code) {
      return numbered >= 0 ? Integer.toString(code) : names.get(code);
    }

    int size() {
      return numbered >= 0 ? numbered : names.size();
    }
  }

  /** Collects events one at a time; not thread-safe. */
  public static final class Builder {
    private int size;
    private int[] customer = new int[16];
    private long[] time = new long[16];
    private int[] touchpoint = new int[16];
    private int[] stage = new int[16];
    private int[] channel = new int[16];
    private double[] sentiment;
    private byte[] nps;
    private int[] outcome;
    private final Codes customers = new Codes();
    private final Codes touchpoints = new Codes();
    private final Codes stages = new Codes();
    private final Codes channels = new Codes();
    private final Codes outcomes = new Codes();

    private Builder() {}

    /**
     * Adds an event.
     *
     * @param event the event
     * @return this builder
     * @throws IllegalArgumentException if its time is outside the years 1678 to 2261
     */
    public Builder add(JourneyEvent event) {
      Objects.requireNonNull(event, "event");
      long nanos = nanos(event.at());
      append(event.customer(), nanos, event.touchpoint(), event.stage(), event.channel());
      event.outcome().ifPresent(this::setOutcome);
      event.sentiment().ifPresent(this::setSentiment);
      event.nps().ifPresent(this::setNps);
      return this;
    }

    /**
     * Adds an event without outcome, sentiment or NPS answer.
     *
     * @param customer the customer's code
     * @param at when
     * @param touchpoint the touchpoint's code
     * @param stage the stage's code
     * @param channel the channel's code
     * @return this builder
     */
    public Builder add(String customer, Instant at, String touchpoint, String stage, String channel) {
      return add(JourneyEvent.of(customer, at, touchpoint, stage, channel));
    }

    void append(String c, long nanos, String tp, String st, String ch) {
      if (size == time.length) {
        int capacity = size + (size >> 1);
        customer = Arrays.copyOf(customer, capacity);
        time = Arrays.copyOf(time, capacity);
        touchpoint = Arrays.copyOf(touchpoint, capacity);
        stage = Arrays.copyOf(stage, capacity);
        channel = Arrays.copyOf(channel, capacity);
        if (sentiment != null) {
          sentiment = grow(sentiment, capacity);
        }
        if (nps != null) {
          nps = grow(nps, capacity);
        }
        if (outcome != null) {
          outcome = grow(outcome, capacity);
        }
      }
      customer[size] = customers.code(c);
      time[size] = nanos;
      touchpoint[size] = touchpoints.code(tp);
      stage[size] = stages.code(st);
      channel[size] = channels.code(ch);
      size++;
    }

    void setOutcome(String value) {
      if (outcome == null) {
        outcome = grow(new int[0], time.length);
      }
      outcome[size - 1] = outcomes.code(value);
    }

    void setSentiment(double value) {
      if (sentiment == null) {
        sentiment = grow(new double[0], time.length);
      }
      sentiment[size - 1] = value;
    }

    void setNps(int value) {
      if (nps == null) {
        nps = grow(new byte[0], time.length);
      }
      nps[size - 1] = (byte) value;
    }

    private static double[] grow(double[] a, int capacity) {
      double[] b = Arrays.copyOf(a, capacity);
      Arrays.fill(b, a.length, capacity, Double.NaN);
      return b;
    }

    private static byte[] grow(byte[] a, int capacity) {
      byte[] b = Arrays.copyOf(a, capacity);
      Arrays.fill(b, a.length, capacity, (byte) -1);
      return b;
    }

    private static int[] grow(int[] a, int capacity) {
      int[] b = Arrays.copyOf(a, capacity);
      Arrays.fill(b, a.length, capacity, -1);
      return b;
    }

    /**
     * The log of the events added so far.
     *
     * @return the log
     */
    public EventLog build() {
      return new EventLog(this);
    }
  }
}
