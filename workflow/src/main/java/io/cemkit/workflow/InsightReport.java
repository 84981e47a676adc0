package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link ProcessInsight} saw over a window {@code [from, to]} (W5): the {@link InsightFigures}
 * of every process (sorted by key), every step (by process, then step id) and every performer, the
 * queues, partners and handlers across processes (by name, such as
 * {@code queue agents}). Immutable; equal inputs give equal reports.
 *
 * <p>JSON: {@code {"from": ..., "to": ..., "processes": [...], "steps": [...], "performers": [...]}},
 * each entry as on {@link InsightFigures}.
 *
 * @param from the window's start
 * @param to the window's end, the time the report is as of
 * @param processes the processes' figures
 * @param steps the steps' figures
 * @param performers the performers' figures
 */
public record InsightReport(@JsonProperty(required = true) Instant from, @JsonProperty(required = true) Instant to,
    @JsonProperty(required = true) List<InsightFigures> processes,
    @JsonProperty(required = true) List<InsightFigures> steps,
    @JsonProperty(required = true) List<InsightFigures> performers) {

  /**
   * Checks and copies the parts.
   *
   * @param from the start
   * @param to the end
   * @param processes the processes
   * @param steps the steps
   * @param performers the performers
   * @throws IllegalArgumentException if the window ends before it starts
   */
  public InsightReport {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    processes = List.copyOf(Objects.requireNonNull(processes, "processes"));
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    performers = List.copyOf(Objects.requireNonNull(performers, "performers"));
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("InsightReport window must not end before it starts: from " + from
          + ", to " + to);
    }
  }

  /**
   * The window's length.
   *
   * @return {@code to - from}
   */
  public Duration window() {
    return Duration.between(from, to);
  }

  /**
   * The bottlenecks: which performer and step add the most delay and why.
   *
   * @return the bottleneck report
   */
  public BottleneckReport bottlenecks() {
    return BottleneckReport.of(this);
  }

  /**
   * The report as text: a header, then one line per process, step and performer, in the report's
   * order. Numbers use {@link Locale#ROOT}; durations are written as by the bottleneck report
   * ({@code 4h10m}, {@code 52m}, {@code 6m30s}, {@code 45s}).
   *
   * @return the text, lines ending in a newline
   */
  public String toText() {
    StringBuilder text = new StringBuilder("Insight from ").append(from).append(" to ").append(to).append(" (")
        .append(duration(window())).append(")\n");
    section(text, "Processes", processes);
    section(text, "Steps", steps);
    section(text, "Performers", performers);
    return text.toString();
  }

  private static void section(StringBuilder text, String title, List<InsightFigures> figures) {
    text.append(title).append(":\n");
    if (figures.isEmpty()) {
      text.append("  none\n");
    }
    for (InsightFigures f : figures) {
      text.append("  ").append(f.toText()).append('\n');
    }
  }

  /**
   * A duration as people read it: {@code 2d3h}, {@code 4h10m}, {@code 4h}, {@code 52m},
   * {@code 6m30s}, {@code 45s}, {@code 250ms}, {@code 0s}; cut, not rounded, to the two largest units.
   */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms >= 86_400_000L) {
      return units(ms / 86_400_000L, "d", ms / 3_600_000L % 24, "h");
    }
    if (ms >= 3_600_000L) {
      return units(ms / 3_600_000L, "h", ms / 60_000L % 60, "m");
    }
    if (ms >= 60_000L) {
      return units(ms / 60_000L, "m", ms / 1000L % 60, "s");
    }
    if (ms >= 1000L || ms == 0) {
      return ms / 1000L + "s";
    }
    return ms + "ms";
  }

  private static String units(long major, String majorUnit, long minor, String minorUnit) {
    return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
  }
}
