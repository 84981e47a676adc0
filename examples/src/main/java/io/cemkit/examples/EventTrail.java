package io.cemkit.examples;

import io.cemkit.journey.JourneyEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * Writes seeded touchpoint events for the demos' simulated customers: one customer at a time, each event a
 * random gap after the last, so a generator reads as the path it simulates ({@code visit("cart", "cart",
 * channel, seconds(20), minutes(2))}). Sentiments are rounded to two decimals, so a CSV copy of the events reads
 * back to the same values.
 */
final class EventTrail {
  private final Random random;
  private final List<JourneyEvent> events = new ArrayList<>();
  private String customer;
  private Instant now;

  EventTrail(long seed) {
    this.random = new Random(seed);
  }

  /** Starts the next customer's trail at {@code at}. */
  void begin(String id, Instant at) {
    this.customer = Objects.requireNonNull(id, "id");
    this.now = Objects.requireNonNull(at, "at");
  }

  /** Adds an event a random gap in {@code [min, max]} after the last one (or at the start, for the first). */
  void visit(String touchpoint, String stage, String channel, Duration min, Duration max) {
    wait(min, max);
    events.add(JourneyEvent.of(customer, now, touchpoint, stage, channel));
  }

  /** Moves the customer's clock on without an event. */
  void wait(Duration min, Duration max) {
    now = now.plus(between(min, max));
  }

  /** Gives the last event a sentiment, {@code mean} ± {@code spread}, clamped to [-1, 1]. */
  void feel(double mean, double spread) {
    double value = Math.max(-1, Math.min(1, mean + (random.nextDouble() * 2 - 1) * spread));
    replaceLast(last().withSentiment(Math.round(value * 100) / 100.0));
  }

  /** Gives the last event an NPS answer. */
  void answer(int score) {
    replaceLast(last().withNps(score));
  }

  /** Gives the last event an outcome. */
  void outcome(String value) {
    replaceLast(last().withOutcome(value));
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** A uniform number in [0, 1). */
  double fraction() {
    return random.nextDouble();
  }

  int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  Duration between(Duration min, Duration max) {
    return min.plusSeconds((long) (random.nextDouble() * (max.minus(min).toSeconds() + 1)));
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  Instant now() {
    return now;
  }

  List<JourneyEvent> events() {
    return List.copyOf(events);
  }

  private JourneyEvent last() {
    return events.get(events.size() - 1);
  }

  private void replaceLast(JourneyEvent event) {
    events.set(events.size() - 1, event);
  }

  static Duration seconds(long n) {
    return Duration.ofSeconds(n);
  }

  static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }

  static Duration hours(long n) {
    return Duration.ofHours(n);
  }

  static Duration days(long n) {
    return Duration.ofDays(n);
  }

  /**
   * The events as the CSV that {@code cemkit journey observe} reads, in time order: the standard columns and
   * outcome, sentiment and nps, blank where absent.
   */
  static String csv(List<JourneyEvent> events) {
    StringBuilder csv = new StringBuilder("customer_id,timestamp,touchpoint,stage,channel,outcome,sentiment,nps\n");
    events.stream().sorted(java.util.Comparator.comparing(JourneyEvent::at)).forEach(e -> csv
        .append(e.customer()).append(',').append(e.at()).append(',').append(e.touchpoint()).append(',')
        .append(e.stage()).append(',').append(e.channel()).append(',').append(e.outcome().orElse("")).append(',')
        .append(e.sentiment().isPresent() ? String.format(Locale.ROOT, "%.2f", e.sentiment().getAsDouble()) : "")
        .append(',').append(e.nps().isPresent() ? Integer.toString(e.nps().getAsInt()) : "").append('\n'));
    return csv.toString();
  }
}
