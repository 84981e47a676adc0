package io.cemkit.journey;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stage funnel to measure (J6): an ordered list of stages s0…sk, an optional conversion window and the
 * order mode.
 *
 * <p><b>Ordered</b> (the default, as Mixpanel's and Amplitude's "any order in between"): a customer reaches
 * step i when their events, in time order (ties in arrival order), contain events e0, e1, …, ei at
 * increasing positions with stage(ej) = sj — not necessarily adjacent. Step 0 is every customer with an s0
 * event.
 *
 * <p><b>Window</b>: as in Mixpanel and Amplitude, the window is measured from the s0 event that starts the
 * sequence: si must happen at most the window after e0 (time(ei) − time(e0) ≤ window, inclusive). Any s0
 * event may start a sequence, and a customer counts at the furthest step any start reaches (Mixpanel's
 * re-entry; ClickHouse's {@code windowFunnel}).
 *
 * <p><b>Strict</b>: no other stage may intervene. The customer's events are first collapsed into stage
 * visits (maximal runs of consecutive events with one stage, each timed by its first event); the steps must
 * then be consecutive visits. Repeated events in one stage are therefore allowed; a detour through any other
 * stage, listed or not, breaks the sequence (a later s0 may start a new one).
 *
 * @param stages the stages' codes, at least one
 * @param window the conversion window, positive, if any
 * @param strict whether the steps must be consecutive stage visits
 */
public record Funnel(List<String> stages, Optional<Duration> window, boolean strict) {
  /**
   * Checks the definition.
   *
   * @param stages the stages
   * @param window the window
   * @param strict the mode
   * @throws IllegalArgumentException if there is no stage, a stage is blank or the window is not positive
   */
  public Funnel {
    Objects.requireNonNull(stages, "stages");
    for (int i = 0; i < stages.size(); i++) {
      String stage = Objects.requireNonNull(stages.get(i), "stages[" + i + "]");
      // A blank stage never matches an event: event codes are stripped and never blank.
      if (stage.isBlank()) {
        throw new IllegalArgumentException("Funnel.stages[" + i + "] must not be blank, was '" + stage + "'");
      }
    }
    stages = List.copyOf(stages);
    Objects.requireNonNull(window, "window");
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("Funnel.stages must name at least one stage");
    }
    window.ifPresent(w -> {
      if (w.isNegative() || w.isZero()) {
        throw new IllegalArgumentException("Funnel.window must be positive, was " + w);
      }
    });
  }

  /**
   * An ordered funnel without a window.
   *
   * @param stages the stages' codes, in order
   * @return the funnel
   */
  public static Funnel of(List<String> stages) {
    return new Funnel(stages, Optional.empty(), false);
  }

  /**
   * An ordered funnel without a window.
   *
   * @param stages the stages' codes, in order
   * @return the funnel
   */
  public static Funnel of(String... stages) {
    return of(java.util.Arrays.asList(Objects.requireNonNull(stages, "stages")));
  }

  /**
   * This funnel with a conversion window.
   *
   * @param value positive
   * @return a copy
   */
  public Funnel within(Duration value) {
    return new Funnel(stages, Optional.of(Objects.requireNonNull(value, "value")), strict);
  }

  /**
   * This funnel in strict mode.
   *
   * @return a copy
   */
  public Funnel strictly() {
    return new Funnel(stages, window, true);
  }
}
