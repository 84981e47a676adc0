package io.cemkit.workflow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Who performs a step: a {@link Queue} of people (service agents, back office), an external
 * {@link Partner} who leases the work and completes it with a token (an installer, a referred
 * doctor), an {@link Automated} handler, a Java function the host registers by name, or a
 * {@link Timer}, which lets time pass ("7 days after the reminder, send the notice"): the engine
 * completes its step when the delay has elapsed ({@link WorkflowEngine#fireTimers()}).
 *
 * <p>JSON, here as in {@link ProcessDefinitionJson}: an object with exactly one field, named by the
 * kind, whose value is the code: {@code {"queue": "service-agents"}},
 * {@code {"partner": "installer-north"}}, {@code {"handler": "suspend-agreement"}} or
 * {@code {"timer": "P7D"}}; a timer may add the calendar its delay counts working time on,
 * {@code {"timer": "PT16H", "calendar": "office"}}. Kinds are these fixed names, never Java class
 * names; anything else fails to read with a {@link com.fasterxml.jackson.databind.JsonMappingException}.
 */
@JsonSerialize(using = PerformerJson.Serializer.class)
@JsonDeserialize(using = PerformerJson.Deserializer.class)
public sealed interface Performer {

  /**
   * The performer's code: the queue, partner or handler name, or a timer's delay as ISO-8601 text.
   *
   * @return the code
   */
  String code();

  /**
   * A work queue of people.
   *
   * @param queue the queue's code, e.g. {@code service-agents}
   * @return the performer
   * @throws IllegalArgumentException if the code is not a valid code
   */
  static Performer queue(String queue) {
    return new Queue(queue);
  }

  /**
   * An external partner.
   *
   * @param partner the partner's code
   * @return the performer
   * @throws IllegalArgumentException if the code is not a valid code
   */
  static Performer partner(String partner) {
    return new Partner(partner);
  }

  /**
   * An automated handler the host registers under this name.
   *
   * @param handler the handler's name
   * @return the performer
   * @throws IllegalArgumentException if the name is not a valid code
   */
  static Performer automated(String handler) {
    return new Automated(handler);
  }

  /**
   * A timer: its step waits for a delay of wall-clock time, then the engine completes it with the
   * outcome {@link Timer#ELAPSED}.
   *
   * @param delay how long the step waits, positive and at most {@link Timer#MAX_DELAY}
   * @return the performer
   * @throws NullPointerException if the delay is null
   * @throws IllegalArgumentException if the delay is not positive or longer than {@link Timer#MAX_DELAY}
   */
  static Performer timer(Duration delay) {
    return new Timer(delay, Optional.empty());
  }

  /**
   * A timer whose delay is working time on a business calendar: {@code timer(Duration.ofHours(16),
   * "office")} waits two working days of eight hours, however many nights and weekends lie between.
   *
   * @param delay how much working time the step waits, positive and at most {@link Timer#MAX_DELAY}
   * @param calendar the id of a calendar registered with
   *     {@link WorkflowEngine.Builder#calendar(String, BusinessCalendar)}; an engine refuses to deploy a
   *     definition whose timer names a calendar it does not have
   * @return the performer
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the delay is not positive or too long, or the calendar is not a code
   */
  static Performer timer(Duration delay, String calendar) {
    return new Timer(delay, Optional.of(Objects.requireNonNull(calendar, "calendar")));
  }

  /**
   * A work queue of people.
   *
   * @param code the queue's code
   */
  record Queue(String code) implements Performer {
    /**
     * Validates the code.
     *
     * @param code the code
     */
    public Queue {
      Checks.code("Performer.Queue", code);
    }

    @Override
    public String toString() {
      return "queue " + code;
    }
  }

  /**
   * An external partner who leases the work and completes it with a token.
   *
   * @param code the partner's code
   */
  record Partner(String code) implements Performer {
    /**
     * Validates the code.
     *
     * @param code the code
     */
    public Partner {
      Checks.code("Performer.Partner", code);
    }

    @Override
    public String toString() {
      return "partner " + code;
    }
  }

  /**
   * An automated handler registered by the host.
   *
   * @param code the handler's name
   */
  record Automated(String code) implements Performer {
    /**
     * Validates the name.
     *
     * @param code the name
     */
    public Automated {
      Checks.code("Performer.Automated", code);
    }

    @Override
    public String toString() {
      return "handler " + code;
    }
  }

  /**
   * A timer, the intermediate timer event of BPMN engines: entering its step creates the instance's
   * open {@link WorkItem} with a {@link WorkItem#dueAt() due time}, in no queue, which nobody can
   * claim, lease, release or complete; {@link WorkflowEngine#fireTimers()} completes it once due, with
   * the outcome {@value #ELAPSED} by the actor {@value #ACTOR}, and the step's routes apply.
   *
   * <p>The due time is the entry time plus the delay, on the wall clock; with a calendar, it is
   * {@link BusinessCalendar#plus(java.time.Instant, Duration) calendar.plus(entry, delay)}, so the
   * delay counts working time only.
   *
   * <p>{@link #code()} is the delay as ISO-8601 text, whole days as days ({@code P7D}, {@code PT16H},
   * {@code PT90M} as {@code PT1H30M}): the value JSON writes for {@code "timer"}. {@link #toString()}
   * is {@code timer P7D}, or {@code timer PT16H on calendar office}; reports name the performer by it.
   *
   * @param delay how long the step waits (working time, with a calendar)
   * @param calendar the id of the business calendar the delay counts on; empty for the wall clock
   */
  record Timer(Duration delay, Optional<String> calendar) implements Performer {
    /** The outcome of a timer step when its delay has elapsed: route it with {@code onOutcome("elapsed", ..)}. */
    public static final String ELAPSED = "elapsed";
    /** The actor an elapsed timer's audit record names. */
    public static final String ACTOR = "timer";
    /**
     * The longest delay, 36,500 days (as {@link WorkflowEngine#MAX_LEASE}): beyond any real wait, and
     * its due time is always a valid instant.
     */
    public static final Duration MAX_DELAY = Duration.ofDays(36_500);

    /**
     * Validates the delay and the calendar.
     *
     * @param delay the delay
     * @param calendar the calendar's id, or empty
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the delay is not positive or longer than {@link #MAX_DELAY},
     *     or the calendar is not a code
     */
    public Timer {
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(calendar, "calendar");
      if (delay.isNegative() || delay.isZero() || delay.compareTo(MAX_DELAY) > 0) {
        throw new IllegalArgumentException("Performer.Timer delay must be positive and at most " + MAX_DELAY
            + ", was " + delay);
      }
      calendar.ifPresent(c -> Checks.code("Performer.Timer calendar", c));
    }

    /**
     * The delay as ISO-8601 text, whole days as days: {@code P7D}, {@code PT16H}.
     *
     * @return the delay's text
     */
    @Override
    public String code() {
      return PerformerJson.duration(delay);
    }

    /** For example {@code timer P7D} or {@code timer PT16H on calendar office}. */
    @Override
    public String toString() {
      return "timer " + code() + calendar.map(c -> " on calendar " + c).orElse("");
    }
  }
}
