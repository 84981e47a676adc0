package io.cemkit.workflow;

import io.cemkit.core.ProcessInstanceId;
import io.cemkit.workflow.spi.WorkflowListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects audit records and reports where the time goes (W5): per process, step and performer,
 * the counts, wait and work time distributions, throughput, backlog and its age, and SLA
 * compliance ({@link InsightReport}), and from those the bottleneck ({@link BottleneckReport}).
 *
 * <p>Two ways to feed it, one result: register it with {@link WorkflowEngine.Builder#listener} and
 * it hears every transition live; or {@link #replay} an {@link io.cemkit.workflow.spi.AuditLog}'s
 * records. Given the same records (and the same definitions), both give equal reports.
 *
 * <pre>{@code
 * ProcessInsight insight = ProcessInsight.create(complaints);
 * WorkflowEngine engine = WorkflowEngine.builder().listener(insight).build().deploy(complaints);
 * // ... a day of work ...
 * System.out.println(insight.report(clock.instant()).bottlenecks().toText());
 * }</pre>
 *
 * <p>Input rules. Records may come in any order: each instance's records are put in sequence order
 * before they are read. A record whose {@code (instance, sequence)} was already taken is ignored,
 * as the audit log's contract says (the first one is kept). A missing record merges the stays
 * around it. An audit record does not name its process: live, the process is learned from
 * {@link #instanceStarted}, {@link #instanceFailed} and {@link #instanceEnded}; replayed, it is the
 * key given to {@link #replay}; an instance never named is reported under the process
 * {@value #UNKNOWN_PROCESS}. A record names the performer of the step it leaves; the performer of a
 * step no record has left yet (an open item) is taken, in this order, from the live work item
 * ({@link #workItemCreated}), from the most recent record that left the same step of the same
 * process (of a stay that was not escalated: the queue the step's items are created in), or from the
 * definitions given to {@link #create}.
 *
 * <p>Escalations. An SLA escalation that moves an open item to another queue or raises its priority
 * is an {@link AuditRecord.Kind#ESCALATED} record, heard live and replayed alike, so both count the
 * item under the same queue. A stay is not split between queues: it is counted whole under the queue
 * its item is in at the report's end, or was in when it left the step. A report as of a time before
 * the escalation counts the stay under the queue the item was created in; a report after it counts
 * the whole stay, its wait before the move included, under the queue it moved to. So that queue's
 * backlog holds the moved open item, and its wait time (entering the step to the claim) and delay
 * include the time the item waited in the first queue, whose figures no longer show the item; the
 * step's figures are the same either way. An ESCALATED record does not end a stay and is not judged
 * against the SLA: it is written because a deadline is at risk or breached.
 *
 * <p>Thread-safe: every method locks the collector. It keeps every record it is given (the exact
 * percentiles need every duration); for a long-running engine, start a new one per period and
 * replay what the period needs.
 */
public final class ProcessInsight implements WorkflowListener {
  /** The process key reported for instances whose process was never learned. */
  public static final String UNKNOWN_PROCESS = "?";

  private final Map<String, Map<String, Performer>> defined = new HashMap<>();
  private final Map<ProcessInstanceId, Trail> trails = new HashMap<>();

  private ProcessInsight(ProcessDefinition... definitions) {
    for (int i = 0; i < definitions.length; i++) {
      ProcessDefinition definition = Objects.requireNonNull(definitions[i], "definitions[" + i + "]");
      Map<String, Performer> steps = defined.computeIfAbsent(definition.key(), k -> new HashMap<>());
      for (Step step : definition.steps()) {
        steps.put(step.id(), step.performer());
      }
    }
  }

  /**
   * A new, empty collector.
   *
   * @param definitions definitions whose steps' performers name the queues of open items no record
   *     has left yet; a later version of a key overrides an earlier one's steps
   * @return the collector
   */
  public static ProcessInsight create(ProcessDefinition... definitions) {
    Objects.requireNonNull(definitions, "definitions");
    return new ProcessInsight(definitions);
  }

  /**
   * Takes one transition, live. Ignored if its {@code (instance, sequence)} was taken before.
   *
   * @param record the transition
   */
  @Override
  public synchronized void transitioned(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    trails.computeIfAbsent(record.instance(), id -> new Trail()).records.putIfAbsent(record.sequence(), record);
  }

  /**
   * Learns an instance's process.
   *
   * @param instance the instance
   */
  @Override
  public void instanceStarted(ProcessInstance instance) {
    learn(instance);
  }

  /**
   * Learns an instance's process.
   *
   * @param instance the instance
   */
  @Override
  public void instanceFailed(ProcessInstance instance) {
    learn(instance);
  }

  /**
   * Learns an instance's process.
   *
   * @param instance the instance
   */
  @Override
  public void instanceEnded(ProcessInstance instance) {
    learn(instance);
  }

  /**
   * Learns the performer of an open item's step.
   *
   * @param item the item
   */
  @Override
  public synchronized void workItemCreated(WorkItem item) {
    Objects.requireNonNull(item, "item");
    trails.computeIfAbsent(item.instance(), id -> new Trail()).openPerformers.put(item.step(), item.performer());
  }

  private synchronized void learn(ProcessInstance instance) {
    Objects.requireNonNull(instance, "instance");
    trails.computeIfAbsent(instance.id(), id -> new Trail()).process = instance.processKey();
  }

  /**
   * Takes the records of instances of one process, such as {@code AuditLog.records(id)} of each;
   * in any order, duplicates ignored. Nothing is taken if a record is null or an instance is known
   * to belong to another process.
   *
   * @param processKey the process the instances belong to
   * @param records the records
   * @return this collector
   * @throws IllegalArgumentException if an instance was already learned under another process
   */
  public synchronized ProcessInsight replay(String processKey, Iterable<AuditRecord> records) {
    Objects.requireNonNull(processKey, "processKey");
    Objects.requireNonNull(records, "records");
    List<AuditRecord> taken = new ArrayList<>();
    for (AuditRecord record : records) {
      Objects.requireNonNull(record, () -> "records[" + taken.size() + "]");
      Trail known = trails.get(record.instance());
      if (known != null && known.process != null && !known.process.equals(processKey)) {
        throw new IllegalArgumentException("Instance " + record.instance() + " belongs to process " + known.process
            + ", not " + processKey + "; replay each process's records under its own key");
      }
      taken.add(record);
    }
    for (AuditRecord record : taken) {
      transitioned(record);
      trails.get(record.instance()).process = processKey;
    }
    return this;
  }

  /**
   * The report over everything taken so far, as of a time: the window runs from the earliest
   * transition taken (or {@code asOf} if none is earlier) to {@code asOf}; transitions after
   * {@code asOf} are left out.
   *
   * @param asOf the time the report is as of
   * @return the report
   */
  public synchronized InsightReport report(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Instant from = asOf;
    for (Trail trail : trails.values()) {
      for (AuditRecord r : trail.records.values()) {
        if (r.at().isBefore(from)) {
          from = r.at();
        }
      }
    }
    return report(from, asOf);
  }

  /**
   * The report over a window {@code [from, to]}, as of {@code to}: transitions after {@code to} are
   * left out; those before {@code from} only tell what was open when the window began. The figures
   * are defined on {@link InsightFigures}.
   *
   * @param from the window's start
   * @param to the window's end
   * @return the report
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public synchronized InsightReport report(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("report window must not end before it starts: from " + from + ", to " + to);
    }
    InsightTally tally = new InsightTally(from, to, defined);
    trails.forEach((id, trail) -> tally.add(trail.process == null ? UNKNOWN_PROCESS : trail.process,
        trail.records.values(), trail.openPerformers));
    return tally.report();
  }

  /** One instance's records in sequence order, and what the live engine told about it. */
  private static final class Trail {
    final TreeMap<Long, AuditRecord> records = new TreeMap<>();
    final Map<String, Performer> openPerformers = new HashMap<>(2);
    String process;
  }
}
