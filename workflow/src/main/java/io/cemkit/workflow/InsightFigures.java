package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures of one scope of an {@link InsightReport} over its window {@code [from, to]} (W5): a
 * process (only {@code process} is set), a step of a process ({@code process}, {@code step} and, when
 * known, {@code performer}), or a performer, a queue, partner or handler across all processes (only
 * {@code performer}). What each figure counts is a <em>stay</em>: an item at a step from the
 * transition that entered it until the transition that left it (for a process, an instance from its
 * start until its end); a failed step that is retried is one stay, and so is a step whose work item an
 * SLA escalation moved to another queue: for a performer it is counted whole under the queue the item
 * is in at the window's end or left the step from (see {@link ProcessInsight}, Escalations).
 *
 * <ul>
 *   <li>{@code entered}: stays that began in the window; {@code completed}, {@code cancelled}: stays
 *       that ended in the window that way (for a process: instances completed or cancelled);
 *       {@code failed}: {@link AuditRecord.Kind#FAILED} transitions in the window.
 *   <li>{@code duration}: the time in step of the stays completed in the window (for a process, the
 *       instances' cycle time). {@code waitTime}: from entering the step to the (last) claim;
 *       {@code workTime}: from the claim to the completion; wait + work = duration. A completion without
 *       a claim time (automated steps, a partner completing with its token without a lease) counts
 *       as work only, except at a {@linkplain Performer.Timer timer} step, where it is all wait. For a
 *       process, wait and work are the sums over each completed instance's steps.
 *   <li>{@code delay}: the time the scope's stays spent inside the window, open ones included: what
 *       the scope added to the instances' time. It is the measure {@link BottleneckReport} ranks by.
 *   <li>{@code throughputPerHour}: completions in the window divided by the window's length in hours
 *       (0 for an empty window).
 *   <li>{@code backlogAtStart}: stays open at {@code from} that began before it; {@code backlog}:
 *       stays open at {@code to} (so {@code backlog - backlogAtStart = entered - completed - cancelled});
 *       {@code oldestSince} and {@code oldestAge}: when the oldest of those began and its age at
 *       {@code to}. Whether an open stay is waiting or being worked is not in the audit trail (the
 *       claim time is recorded with the completion), so open stays have no wait/work split; the
 *       live engine's {@link WorkflowEngine#queueDepth} and {@link WorkflowEngine#heldBy} tell.
 *   <li>{@code sla}: per deadline, the transitions in the window that carried an {@link SlaVerdict}
 *       (for a step: those that left it; {@link AuditRecord.Kind#ESCALATED} records are not counted);
 *       empty when none did ("no SLA").
 * </ul>
 *
 * <p>JSON: the components by name; empty optionals are left out; durations and instants as ISO-8601
 * text; the performer as on {@link Performer}.
 *
 * @param process the process key, for a process or a step
 * @param step the step's id, for a step
 * @param performer the performer, for a performer, and for a step when known
 * @param entered stays begun in the window
 * @param completed stays completed in the window
 * @param failed failures in the window
 * @param cancelled stays cancelled in the window
 * @param duration time in step (or cycle time) of the completed stays
 * @param waitTime their wait time
 * @param workTime their work time
 * @param delay time spent in the scope inside the window
 * @param throughputPerHour completions per hour of the window
 * @param backlogAtStart stays open at the window's start
 * @param backlog stays open at the window's end
 * @param oldestSince when the oldest open stay began
 * @param oldestAge its age at the window's end
 * @param sla SLA compliance per deadline, in deadline order
 */
public record InsightFigures(@JsonProperty Optional<String> process, @JsonProperty Optional<String> step,
    @JsonProperty Optional<Performer> performer, @JsonProperty(required = true) long entered,
    @JsonProperty(required = true) long completed, @JsonProperty(required = true) long failed,
    @JsonProperty(required = true) long cancelled, @JsonProperty(required = true) Distribution duration,
    @JsonProperty(required = true) Distribution waitTime, @JsonProperty(required = true) Distribution workTime,
    @JsonProperty(required = true) Duration delay, @JsonProperty(required = true) double throughputPerHour,
    @JsonProperty(required = true) long backlogAtStart, @JsonProperty(required = true) long backlog,
    @JsonProperty Optional<Instant> oldestSince, @JsonProperty Optional<Duration> oldestAge,
    @JsonProperty(required = true) List<SlaCompliance> sla) {

  /**
   * Checks and copies the parts.
   *
   * @param process the process
   * @param step the step
   * @param performer the performer
   * @param entered entered
   * @param completed completed
   * @param failed failed
   * @param cancelled cancelled
   * @param duration durations
   * @param waitTime wait times
   * @param workTime work times
   * @param delay delay
   * @param throughputPerHour throughput
   * @param backlogAtStart backlog at the start
   * @param backlog backlog at the end
   * @param oldestSince the oldest open stay's start
   * @param oldestAge its age
   * @param sla SLA compliance
   * @throws IllegalArgumentException if no scope is named or a count is negative
   */
  public InsightFigures {
    process = Objects.requireNonNullElse(process, Optional.empty());
    step = Objects.requireNonNullElse(step, Optional.empty());
    performer = Objects.requireNonNullElse(performer, Optional.empty());
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(waitTime, "waitTime");
    Objects.requireNonNull(workTime, "workTime");
    Objects.requireNonNull(delay, "delay");
    oldestSince = Objects.requireNonNullElse(oldestSince, Optional.empty());
    oldestAge = Objects.requireNonNullElse(oldestAge, Optional.empty());
    sla = List.copyOf(Objects.requireNonNull(sla, "sla"));
    if (process.isEmpty() && performer.isEmpty()) {
      throw new IllegalArgumentException("InsightFigures must name a process, a step or a performer; none given");
    }
    if (entered < 0 || completed < 0 || failed < 0 || cancelled < 0 || backlogAtStart < 0 || backlog < 0
        || !(throughputPerHour >= 0)) {
      throw new IllegalArgumentException("InsightFigures counts must be at least 0, were entered " + entered
          + ", completed " + completed + ", failed " + failed + ", cancelled " + cancelled + ", backlogAtStart "
          + backlogAtStart + ", backlog " + backlog + ", throughputPerHour " + throughputPerHour);
    }
  }

  /**
   * The scope's name: {@code complaint} for a process, {@code complaint/approve} for a step,
   * {@code queue supervisors} for a performer.
   *
   * @return the name
   */
  public String name() {
    if (process.isEmpty()) {
      return performer.orElseThrow().toString();
    }
    return step.map(s -> process.get() + "/" + s).orElse(process.get());
  }

  /**
   * Stays that ended in the window, completed or cancelled.
   *
   * @return the count
   */
  public long left() {
    return completed + cancelled;
  }

  /** One line of {@link InsightReport#toText()}. */
  String toText() {
    StringBuilder line = new StringBuilder(name());
    if (step.isPresent()) {
      performer.ifPresent(p -> line.append(" (").append(p).append(')'));
    }
    line.append(String.format(Locale.ROOT, ": entered %d, completed %d, failed %d, cancelled %d; time %s; wait %s;"
        + " work %s; delay %s; throughput %.2f/h; backlog %d (at start %d)", entered, completed, failed, cancelled,
        spread(duration), spread(waitTime), spread(workTime), InsightReport.duration(delay), throughputPerHour, backlog,
        backlogAtStart));
    oldestAge.ifPresent(age -> line.append(", oldest ").append(InsightReport.duration(age)));
    line.append("; SLA ");
    if (sla.isEmpty()) {
      line.append("none");
    }
    for (int i = 0; i < sla.size(); i++) {
      SlaCompliance c = sla.get(i);
      line.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f%% of %d (%d at risk, %d breached)",
          c.deadline().name().toLowerCase(Locale.ROOT), 100 * c.compliance(), c.judged(), c.atRisk(), c.breached()));
    }
    return line.toString();
  }

  private static String spread(Distribution d) {
    return d.count() == 0 ? "-" : "median " + InsightReport.duration(d.median()) + " p90 "
        + InsightReport.duration(d.p90());
  }
}
