package io.cemkit.nps;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Breakdowns of NPS (N3): by any key or combination of dimensions, by calendar period, over
 * rolling windows, each group with its n and intervals; trends between consecutive periods with
 * the significance of every change; and the impact of each segment on the overall score.
 *
 * <pre>{@code
 * Map<Map<String, String>, NpsTally> byBranch = NpsBreakdown.byDimensions(responses, List.of("branch"));
 * List<NpsGroup<Map<String, String>>> groups = NpsBreakdown.groups(byBranch, 0.95, MinimumSample.ofDefaults());
 * SortedMap<String, NpsTally> months = NpsBreakdown.byPeriod(responses, CalendarPeriod.MONTH, zone);
 * List<NpsChange<String>> trend = NpsBreakdown.trend(months, IntervalMethod.ADJUSTED_WALD, 0.95);
 * }</pre>
 *
 * <p>Responses with a weight other than 1 are recorded as weighted answers. Scores are checked
 * strictly on the classic scale unless a scale is given.
 */
public final class NpsBreakdown {
  /** The most rolling windows one call may produce. */
  public static final int MAX_WINDOWS = 1_000_000;

  private NpsBreakdown() {}

  /**
   * Tallies items by any key, in one pass.
   *
   * @param <T> the item type
   * @param <K> the key type
   * @param items the items
   * @param key the group of an item (not null)
   * @param score the answer of an item
   * @param scale the scale of the answers
   * @return a strict tally per key, in the order keys were first seen
   * @throws InvalidScoreException if an answer is off the scale (position = the item's index)
   * @throws NullPointerException if an item's key is null
   */
  public static <T, K> Map<K, NpsTally> tally(Iterable<T> items, Function<? super T, ? extends K> key,
      ToIntFunction<? super T> score, NpsScale scale) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(scale, "scale");
    Map<K, NpsTally> tallies = new LinkedHashMap<>();
    long index = 0;
    for (T item : items) {
      K k = Objects.requireNonNull(key.apply(item), "key of an item");
      int answer = score.applyAsInt(item);
      if (!scale.isValid(answer)) {
        throw new InvalidScoreException(answer, index, scale);
      }
      tallies.computeIfAbsent(k, x -> NpsTally.strict(scale)).record(answer);
      index++;
    }
    return tallies;
  }

  /**
   * Tallies responses by one or more dimensions ({@code touchpoint}, {@code channel},
   * {@code agent}, {@code customer} or any name in {@link NpsResponse#dimensions()}). A response
   * without a value for a dimension is grouped under the empty text.
   *
   * @param responses the responses
   * @param dimensions the dimensions, in key order
   * @return a tally per combination, keyed by dimension → value (in the given order), in the order
   *     combinations were first seen
   * @throws InvalidScoreException if a score is off the classic scale
   * @throws IllegalArgumentException if no dimension is given or one is given twice
   */
  public static Map<Map<String, String>, NpsTally> byDimensions(Iterable<NpsResponse> responses,
      List<String> dimensions) {
    Objects.requireNonNull(dimensions, "dimensions");
    if (dimensions.isEmpty() || dimensions.stream().distinct().count() != dimensions.size()) {
      throw new IllegalArgumentException("byDimensions needs one or more distinct dimensions, was " + dimensions);
    }
    return tallyResponses(responses, r -> {
      Map<String, String> key = new LinkedHashMap<>();
      for (String d : dimensions) {
        key.put(d, r.dimension(d).orElse(""));
      }
      return Collections.unmodifiableMap(key);
    });
  }

  /**
   * Tallies responses by calendar period in a time zone.
   *
   * @param responses the responses
   * @param period the period
   * @param zone the zone whose calendar counts
   * @return a tally per period, sorted by time (ISO keys such as {@code 2025-03})
   * @throws InvalidScoreException if a score is off the classic scale
   */
  public static SortedMap<String, NpsTally> byPeriod(Iterable<NpsResponse> responses, CalendarPeriod period,
      ZoneId zone) {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(zone, "zone");
    return new TreeMap<>(tallyResponses(responses, r -> period.keyOf(r.at(), zone)));
  }

  private static <K> Map<K, NpsTally> tallyResponses(Iterable<NpsResponse> responses,
      Function<NpsResponse, K> key) {
    Objects.requireNonNull(responses, "responses");
    Map<K, NpsTally> tallies = new LinkedHashMap<>();
    for (NpsResponse r : responses) {
      record(tallies.computeIfAbsent(key.apply(r), k -> NpsTally.strict()), r);
    }
    return tallies;
  }

  private static void record(NpsTally tally, NpsResponse response) {
    if (!tally.scale().isValid(response.score())) {
      throw new InvalidScoreException(response.score(), "of response " + response.id(), tally.scale());
    }
    if (response.weight() == 1) {
      tally.record(response.score());
    } else {
      tally.record(response.score(), response.weight());
    }
  }

  /**
   * Rolling windows {@code [from + k·step, from + k·step + window)} for k = 0, 1, … while the window
   * ends at or before {@code to}. Each response is added and removed once (the tally is
   * subtractable), so the cost is the number of responses plus the number of windows.
   *
   * @param responses the responses, in any order
   * @param from the start of the first window
   * @param to the latest end of a window
   * @param window the window length, positive
   * @param step the distance between window starts, positive
   * @return the windows in time order; each holds its own tally
   * @throws IllegalArgumentException if the durations are not positive, the range is shorter than
   *     one window, or there would be more than {@value #MAX_WINDOWS} windows
   */
  public static List<NpsWindow> rolling(Iterable<NpsResponse> responses, Instant from, Instant to,
      Duration window, Duration step) {
    Objects.requireNonNull(responses, "responses");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(step, "step");
    if (window.isNegative() || window.isZero() || step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("rolling window and step must be positive, were " + window + " and "
          + step);
    }
    if (from.plus(window).isAfter(to)) {
      throw new IllegalArgumentException("rolling range " + from + " to " + to + " is shorter than one window of "
          + window);
    }
    long windows = Duration.between(from.plus(window), to).dividedBy(step) + 1;
    if (windows > MAX_WINDOWS) {
      throw new IllegalArgumentException("rolling would produce " + windows + " windows; at most " + MAX_WINDOWS
          + " are allowed (use a longer step)");
    }
    List<NpsResponse> sorted = new ArrayList<>();
    responses.forEach(sorted::add);
    sorted.sort(Comparator.comparing(NpsResponse::at));
    List<NpsWindow> result = new ArrayList<>();
    NpsTally current = NpsTally.strict();
    NpsTally one = NpsTally.strict();
    // current holds sorted[removed, added): every response enters once and leaves once.
    int added = 0;
    int removed = 0;
    for (long k = 0; k < windows; k++) {
      Instant start = from.plus(step.multipliedBy(k));
      Instant end = start.plus(window);
      while (added < sorted.size() && sorted.get(added).at().isBefore(end)) {
        record(current, sorted.get(added++));
      }
      while (removed < added && sorted.get(removed).at().isBefore(start)) {
        one.clear();
        record(one, sorted.get(removed++));
        current.subtract(one);
      }
      result.add(new NpsWindow(start, end, current.copy()));
    }
    return result;
  }

  /**
   * Estimates for every group at a confidence level, marking those below the minimum sample.
   *
   * @param <K> the key type
   * @param tallies the groups, in the order to report them
   * @param confidence the confidence level
   * @param minimum the minimum-sample policy
   * @return the groups in the same order
   */
  public static <K> List<NpsGroup<K>> groups(Map<K, NpsTally> tallies, double confidence, MinimumSample minimum) {
    Objects.requireNonNull(tallies, "tallies");
    Objects.requireNonNull(minimum, "minimum");
    NpsStatistics.z(confidence);
    List<NpsGroup<K>> groups = new ArrayList<>();
    tallies.forEach((k, t) -> groups.add(new NpsGroup<>(k, t, NpsStatistics.estimate(t, confidence),
        minimum.isMet(t))));
    return groups;
  }

  /**
   * The change between each pair of consecutive non-empty groups, in iteration order (use a
   * sorted map of periods).
   *
   * @param <K> the key type
   * @param ordered the groups in order
   * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
   * @param confidence the confidence level
   * @return one change per consecutive pair, later − earlier
   * @throws IllegalArgumentException if the method is SCORE or the confidence is not strictly between 0
   *     and 1, whether or not there are groups to compare
   */
  public static <K> List<NpsChange<K>> trend(Map<K, NpsTally> ordered, IntervalMethod method, double confidence) {
    Objects.requireNonNull(ordered, "ordered");
    Objects.requireNonNull(method, "method");
    // Checked here, not only in compare: with fewer than two groups compare never runs.
    NpsStatistics.z(confidence);
    if (method == IntervalMethod.SCORE) {
      throw new IllegalArgumentException("trend supports WALD and ADJUSTED_WALD, not SCORE");
    }
    List<NpsChange<K>> changes = new ArrayList<>();
    K previousKey = null;
    NpsTally previous = null;
    for (Map.Entry<K, NpsTally> e : ordered.entrySet()) {
      if (e.getValue().n() == 0) {
        continue;
      }
      if (previous != null) {
        changes.add(new NpsChange<>(previousKey, e.getKey(), NpsStatistics.compare(String.valueOf(e.getKey()),
            e.getValue(), String.valueOf(previousKey), previous, method, confidence)));
      }
      previousKey = e.getKey();
      previous = e.getValue();
    }
    return changes;
  }

  /**
   * The impact of every segment on the overall score: overall NPS minus NPS without the segment
   * (see {@link NpsStatistics#impact}). The segments must partition the answers, or at least each
   * be contained in their sum.
   *
   * @param <K> the key type
   * @param segments the segments
   * @return the impact of each segment in points, in the same order; segments whose removal leaves
   *     nothing are left out
   */
  public static <K> Map<K, Double> impacts(Map<K, NpsTally> segments) {
    Objects.requireNonNull(segments, "segments");
    NpsTally overall = null;
    for (NpsTally t : segments.values()) {
      overall = overall == null ? t.copy() : overall.add(t);
    }
    Map<K, Double> impacts = new LinkedHashMap<>();
    for (Map.Entry<K, NpsTally> e : segments.entrySet()) {
      NpsStatistics.impact(overall, e.getValue()).ifPresent(v -> impacts.put(e.getKey(), v));
    }
    return impacts;
  }
}
