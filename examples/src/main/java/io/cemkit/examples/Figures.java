package io.cemkit.examples;

import io.cemkit.nps.Interval;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/** How the demos print figures: the same way in every story, whatever the machine's locale. */
final class Figures {
  private Figures() {}

  /** 8,906. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** 33.7: one decimal. */
  static String format1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** 0.25: two decimals. */
  static String format2(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** [32.0, 35.4]: as the {@code cemkit nps} tables print it. */
  static String plainInterval(Interval interval) {
    return "[" + format1(interval.low()) + ", " + format1(interval.high()) + "]";
  }

  /** +33.7 or -2.8: an NPS or a difference in points. */
  static String signed(double value) {
    return String.format(Locale.ROOT, "%+.1f", value);
  }

  /** [+32.0, +35.4]. */
  static String interval(Interval interval) {
    return "[" + signed(interval.low()) + ", " + signed(interval.high()) + "]";
  }

  /** 36.4%. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /** 36.4%, of a count. */
  static String percent(long part, long whole) {
    return percent(whole == 0 ? 0 : (double) part / whole);
  }

  /** A p-value: three decimals, or scientific below 0.001. */
  static String pValue(double p) {
    return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
  }

  static String duration(Duration d) {
    return duration((double) d.toSeconds());
  }

  static String duration(OptionalDouble seconds) {
    return seconds.isPresent() ? duration(seconds.getAsDouble()) : "-";
  }

  /** Seconds as 45s, 4m12s, 3h05m or 2d04h. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    if (s < 86_400) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
    return String.format(Locale.ROOT, "%dd%02dh", s / 86_400, s % 86_400 / 3600);
  }
}
