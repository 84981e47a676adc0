package io.cemkit.journey;

import java.time.Duration;
import java.util.Arrays;

/**
 * Each customer's progress through a {@link Funnel}, fed every customer's events in time order (customers
 * may be interleaved): the matching rules that {@link Funnel} describes, kept as per-customer state, so a
 * funnel is one pass over the log.
 *
 * <p>A customer's steps reached only grow, one step per event at most: an event can only complete the step
 * after the last one reached, since every step needs the previous one from an earlier event. Without a
 * window and without times to convert to report, that is all the state an ordered funnel needs: the next
 * step's stage is awaited, and a table of the next level by level and stage makes each event one load and
 * one store, with no branch to mispredict while the customer's state is fetched. Otherwise each customer
 * also keeps, per step, the start of the sequence that reaches it: in ordered mode the latest s0 from which
 * the step is reached, in strict mode the start of the sequence that reaches it at the customer's current
 * stage visit, if any.
 */
final class FunnelProgress {
  /** No sequence at this step (strict mode); never a time, as times lie within the years 1678 to 2261. */
  private static final long NONE = Long.MIN_VALUE;

  private final int steps;
  /** Each step's stage code; -1 for a stage that the log does not have. */
  private final int[] stages;
  private final long window;
  private final boolean strict;
  /** Per customer, the steps reached. */
  final int[] level;
  /** Untimed ordered mode: the level after an event, at {@code level * stageCount + stage}; else null. */
  private final int[] next;
  private final int stageCount;
  /** Per customer and step, the start of the sequence that reached it; null when not needed. */
  private final long[] start;
  /** Strict mode, per customer: the stage of the previous event plus one, 0 before the first. */
  private final int[] previous;
  private long timeToConvert;

  /**
   * Starts every customer at no step.
   *
   * @param funnel the funnel
   * @param stageCodes the log's stage codes
   * @param customers the number of customers
   * @param timed whether {@link #timeToConvert()} will be asked for
   */
  FunnelProgress(Funnel funnel, EventLog.Codes stageCodes, int customers, boolean timed) {
    steps = funnel.stages().size();
    stages = funnel.stages().stream().mapToInt(stageCodes::find).toArray();
    window = funnel.window().map(FunnelProgress::nanos).orElse(Long.MAX_VALUE);
    strict = funnel.strict();
    level = new int[customers];
    start = timed || strict || funnel.window().isPresent() ? new long[Math.multiplyExact(customers, steps)] : null;
    previous = strict ? new int[customers] : null;
    if (strict) {
      Arrays.fill(start, NONE);
    }
    stageCount = stageCodes.size();
    if (start == null) {
      next = new int[(steps + 1) * stageCount];
      for (int l = 0; l <= steps; l++) {
        for (int s = 0; s < stageCount; s++) {
          next[l * stageCount + s] = l < steps && stages[l] == s ? l + 1 : l;
        }
      }
    } else {
      next = null;
    }
  }

  private static long nanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Feeds customer {@code c}'s next event.
   *
   * @param c the customer
   * @param stage the event's stage code
   * @param time the event's time
   * @return the step this event reached first (0 to steps - 1), or -1 when it reached no new step
   */
  int advance(int c, int stage, long time) {
    int reached = level[c];
    if (next != null) {
      int after = next[reached * stageCount + stage];
      level[c] = after;
      return after > reached ? reached : -1;
    }
    return strict ? advanceStrict(c, stage, time, reached) : advanceOrdered(c, stage, time, reached);
  }

  private int advanceOrdered(int c, int stage, long time, int reached) {
    int base = c * steps;
    int step = -1;
    // From the last step down, so that each step sees the previous step as it was before this event.
    for (int i = Math.min(reached, steps - 1); i >= 1; i--) {
      long from = start[base + i - 1];
      if (stages[i] == stage && TimeOrdered.gap(from, time) <= window) {
        if (i == reached) {
          step = i;
          timeToConvert = TimeOrdered.gap(from, time);
          start[base + i] = from;
        } else if (from > start[base + i]) {
          start[base + i] = from;
        }
      }
    }
    if (stages[0] == stage) {
      if (reached == 0) {
        step = 0;
        timeToConvert = 0;
      }
      start[base] = time;
    }
    if (step >= 0) {
      level[c] = step + 1;
    }
    return step;
  }

  private int advanceStrict(int c, int stage, long time, int reached) {
    if (previous[c] == stage + 1) {
      return -1;
    }
    previous[c] = stage + 1;
    int base = c * steps;
    int step = -1;
    for (int i = steps - 1; i >= 0; i--) {
      long from = i == 0 ? time : start[base + i - 1];
      boolean on = stages[i] == stage && from != NONE && TimeOrdered.gap(from, time) <= window;
      start[base + i] = on ? from : NONE;
      if (on && i == reached) {
        step = i;
        timeToConvert = TimeOrdered.gap(from, time);
      }
    }
    if (step >= 0) {
      level[c] = step + 1;
    }
    return step;
  }

  /**
   * The time to convert of the step that the last {@link #advance} reached: from the start of its sequence
   * to the event.
   *
   * @return nanoseconds, zero or more
   */
  long timeToConvert() {
    return timeToConvert;
  }

  /**
   * How many customers reached each step.
   *
   * @return per step
   */
  long[] counts() {
    long[] atLevel = new long[steps + 1];
    for (int l : level) {
      atLevel[l]++;
    }
    long[] out = new long[steps];
    long sum = 0;
    for (int i = steps - 1; i >= 0; i--) {
      sum += atLevel[i + 1];
      out[i] = sum;
    }
    return out;
  }
}
