package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which performer (queue, partner or handler) and which step add the most delay to the instances
 * over a window, and why (W5). Made from an {@link InsightReport} by {@link #of}.
 *
 * <p><b>Ranking.</b> Performers and steps are ranked, each list on its own, by their
 * {@linkplain InsightFigures#delay() delay}: the time items spent with them inside the window, open
 * items included; ties by name. A share is that delay over the total, the delay of all steps (timers aside).
 * {@link #bottleneck()} is the first performer (or the first step if no step has a known performer).
 *
 * <p><b>Escalations.</b> An item an SLA escalation moved to another queue counts, whole, under the queue
 * it is in at the window's end or left its step from (see {@link ProcessInsight}): an escalation queue's
 * delay and wait include the time its items waited in the queue they came from, whose own figures then
 * no longer show those items. The step's figures, and the {@link AuditRecord.Kind#ESCALATED} records,
 * tell where the time was spent.
 *
 * <p><b>Timers.</b> {@linkplain Performer.Timer Timer} steps and timer performers are left out of
 * the ranking and of the total: their time is waiting by design (a dunning process waits its seven
 * days on purpose), not delay anyone could remove, so a timer is never named the bottleneck. Their
 * figures stay in the {@link InsightReport} (as wait time).
 *
 * <p><b>Why</b>, decided in this order:
 * <ol>
 *   <li>{@link Cause#CAPACITY} when the backlog grew by at least {@value #CAPACITY_MIN_GROWTH} items
 *       and by at least {@value #CAPACITY_MIN_GROWTH_PERCENT}% of the items that arrived: arrivals
 *       exceed completions, so the queue falls behind whatever its people do per item;
 *   <li>otherwise {@link Cause#WAITING} when the total wait time (entering the step to the claim) of
 *       the stays completed in the window exceeds their total work time (claim to completion):
 *       items sit until someone takes them; also when nothing completed (there is no work to see);
 *   <li>otherwise {@link Cause#WORKING}: the task itself takes the time (automated steps always
 *       land here, their time is all work).
 * </ol>
 *
 * <p>JSON: {@code {"from": ..., "to": ..., "totalDelay": "PT6H", "performers": [...], "steps": [...]}},
 * each entry as on {@link Bottleneck}; causes by name.
 *
 * @param from the window's start
 * @param to the window's end
 * @param totalDelay the delay of all steps together, timer steps aside
 * @param performers the performers, most delay first
 * @param steps the steps, most delay first
 */
public record BottleneckReport(@JsonProperty(required = true) Instant from, @JsonProperty(required = true) Instant to,
    @JsonProperty(required = true) Duration totalDelay, @JsonProperty(required = true) List<Bottleneck> performers,
    @JsonProperty(required = true) List<Bottleneck> steps) {

  /** The least growth of the backlog, in items, that counts as a lack of capacity. */
  public static final int CAPACITY_MIN_GROWTH = 3;
  /** The least growth of the backlog, in percent of the arrivals, that counts as a lack of capacity. */
  public static final int CAPACITY_MIN_GROWTH_PERCENT = 20;

  /**
   * Checks and copies the parts.
   *
   * @param from the start
   * @param to the end
   * @param totalDelay the total delay
   * @param performers the performers
   * @param steps the steps
   */
  public BottleneckReport {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(totalDelay, "totalDelay");
    performers = List.copyOf(Objects.requireNonNull(performers, "performers"));
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
  }

  /** Why a performer or step adds delay. */
  public enum Cause {
    /** Items wait for someone to take them: add people or have them pick work up more often. */
    WAITING,
    /** The work itself is slow: simplify, automate or split the task. */
    WORKING,
    /** More arrives than is completed and the backlog grows: add capacity. */
    CAPACITY
  }

  /**
   * One ranked performer or step.
   *
   * @param name the performer ({@code queue supervisors}) or step ({@code complaint/approve})
   * @param mainStep for a performer, its step with the most delay
   * @param delay the delay it added in the window
   * @param share that delay over the total, 0 to 1
   * @param cause why
   * @param medianWait the median wait of its completed stays
   * @param medianWork the median work of its completed stays
   * @param waitTotal the total wait of its completed stays
   * @param workTotal the total work of its completed stays
   * @param entered stays that began in the window
   * @param left stays that ended in the window
   * @param backlog stays open at the window's end
   * @param backlogGrowth the backlog's growth over the window ({@code entered - left})
   * @param oldestAge the age of the oldest open stay at the window's end
   * @param explanation a sentence saying how much, why and what to do
   */
  public record Bottleneck(@JsonProperty(required = true) String name, @JsonProperty Optional<String> mainStep,
      @JsonProperty(required = true) Duration delay, @JsonProperty(required = true) double share,
      @JsonProperty(required = true) Cause cause, @JsonProperty(required = true) Duration medianWait,
      @JsonProperty(required = true) Duration medianWork, @JsonProperty(required = true) Duration waitTotal,
      @JsonProperty(required = true) Duration workTotal, @JsonProperty(required = true) long entered,
      @JsonProperty(required = true) long left, @JsonProperty(required = true) long backlog,
      @JsonProperty(required = true) long backlogGrowth, @JsonProperty Optional<Duration> oldestAge,
      @JsonProperty(required = true) String explanation) {

    /**
     * Checks the parts.
     *
     * @param name the name
     * @param mainStep the main step
     * @param delay the delay
     * @param share the share
     * @param cause the cause
     * @param medianWait the median wait
     * @param medianWork the median work
     * @param waitTotal the total wait
     * @param workTotal the total work
     * @param entered entered
     * @param left left
     * @param backlog the backlog
     * @param backlogGrowth its growth
     * @param oldestAge the oldest open stay's age
     * @param explanation the sentence
     */
    public Bottleneck {
      Objects.requireNonNull(name, "name");
      mainStep = Objects.requireNonNullElse(mainStep, Optional.empty());
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(medianWait, "medianWait");
      Objects.requireNonNull(medianWork, "medianWork");
      Objects.requireNonNull(waitTotal, "waitTotal");
      Objects.requireNonNull(workTotal, "workTotal");
      oldestAge = Objects.requireNonNullElse(oldestAge, Optional.empty());
      Objects.requireNonNull(explanation, "explanation");
    }
  }

  /**
   * Ranks the performers and steps of a report.
   *
   * @param report the report
   * @return the bottlenecks
   */
  public static BottleneckReport of(InsightReport report) {
    Objects.requireNonNull(report, "report");
    Duration total = Duration.ZERO;
    List<InsightFigures> ranked = new ArrayList<>();
    for (InsightFigures step : report.steps()) {
      if (!isTimer(step)) {
        ranked.add(step);
        total = total.plus(step.delay());
      }
    }
    List<Bottleneck> performers = new ArrayList<>();
    for (InsightFigures p : report.performers()) {
      if (isTimer(p)) {
        continue;
      }
      Optional<String> main = ranked.stream().filter(s -> s.performer().equals(p.performer()))
          .max(Comparator.comparing(InsightFigures::delay).thenComparing(InsightFigures::name,
              Comparator.reverseOrder()))
          .map(InsightFigures::name);
      performers.add(rank(p, main, total));
    }
    List<Bottleneck> steps = new ArrayList<>();
    for (InsightFigures s : ranked) {
      steps.add(rank(s, Optional.empty(), total));
    }
    Comparator<Bottleneck> order = Comparator.comparing(Bottleneck::delay).reversed()
        .thenComparing(Bottleneck::name);
    performers.sort(order);
    steps.sort(order);
    return new BottleneckReport(report.from(), report.to(), total, performers, steps);
  }

  private static boolean isTimer(InsightFigures figures) {
    return figures.performer().filter(Performer.Timer.class::isInstance).isPresent();
  }

  /**
   * The bottleneck: the performer that adds the most delay, or the step if no performer is known.
   *
   * @return it, or empty when nothing was seen
   */
  public Optional<Bottleneck> bottleneck() {
    return performers.isEmpty() ? steps.stream().findFirst() : Optional.of(performers.get(0));
  }

  /**
   * The report as text: the window, the bottleneck's sentence, then the ranked performers and
   * steps, one line each. Numbers use {@link Locale#ROOT}.
   *
   * @return the text, lines ending in a newline
   */
  public String toText() {
    StringBuilder text = new StringBuilder("Bottlenecks from ").append(from).append(" to ").append(to)
        .append(": ").append(InsightReport.duration(totalDelay)).append(" of delay in all\n");
    text.append("Bottleneck: ").append(bottleneck().map(Bottleneck::explanation).orElse("none, nothing was seen"))
        .append('\n');
    section(text, "Performers", performers);
    section(text, "Steps", steps);
    return text.toString();
  }

  private static void section(StringBuilder text, String title, List<Bottleneck> ranked) {
    text.append(title).append(":\n");
    for (int i = 0; i < ranked.size(); i++) {
      Bottleneck b = ranked.get(i);
      text.append(String.format(Locale.ROOT, "  %d. %s: %s (%.0f%%), %s; wait median %s, work median %s;"
          + " in %d, out %d, backlog %d (%+d)%n", i + 1, b.name(), InsightReport.duration(b.delay()),
          100 * b.share(), b.cause().name().toLowerCase(Locale.ROOT), InsightReport.duration(b.medianWait()),
          InsightReport.duration(b.medianWork()), b.entered(), b.left(), b.backlog(), b.backlogGrowth()));
    }
  }

  private static Bottleneck rank(InsightFigures f, Optional<String> mainStep, Duration total) {
    long growth = f.backlog() - f.backlogAtStart();
    Duration waitTotal = f.waitTime().total();
    Duration workTotal = f.workTime().total();
    Cause cause;
    if (growth >= CAPACITY_MIN_GROWTH && growth * 100 >= (long) CAPACITY_MIN_GROWTH_PERCENT * f.entered()) {
      cause = Cause.CAPACITY;
    } else if (f.completed() == 0 || waitTotal.compareTo(workTotal) > 0) {
      cause = Cause.WAITING;
    } else {
      cause = Cause.WORKING;
    }
    double share = total.isZero() ? 0.0 : (double) f.delay().toNanos() / total.toNanos();
    String name = f.name();
    String wait = InsightReport.duration(f.waitTime().median());
    String work = InsightReport.duration(f.workTime().median());
    String why = switch (cause) {
      case WAITING -> f.completed() == 0
          ? String.format(Locale.ROOT, "%d items are open and none completed: see whether anyone takes them",
              f.backlog())
          : "items wait a median " + wait + " before anyone takes them (work " + work
              + "): add people or have them pick work up more often";
      case WORKING -> "the work itself takes a median " + work + " (wait " + wait
          + "): simplify, automate or split the task";
      case CAPACITY -> String.format(Locale.ROOT, "%d items arrived and %d left, so the backlog grew by %d to %d%s:"
          + " more arrives than is completed, add capacity", f.entered(), f.left(), growth, f.backlog(),
          f.oldestAge().map(a -> " (oldest " + InsightReport.duration(a) + ")").orElse(""));
    };
    String explanation = String.format(Locale.ROOT, "%s adds %s of the %s of delay (%.0f%%)%s; %s: %s", name,
        InsightReport.duration(f.delay()), InsightReport.duration(total), 100 * share,
        mainStep.map(s -> ", mostly at " + s).orElse(""), cause.name().toLowerCase(Locale.ROOT), why);
    return new Bottleneck(name, mainStep, f.delay(), share, cause, f.waitTime().median(), f.workTime().median(),
        waitTotal, workTotal, f.entered(), f.left(), f.backlog(), growth, f.oldestAge(), explanation);
  }
}
