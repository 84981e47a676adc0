package io.cemkit.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns instances' records into stays and stays into {@link InsightFigures}, for one window. Not
 * thread-safe; {@link ProcessInsight} makes one per report.
 */
final class InsightTally {
  private final Instant from;
  private final Instant to;
  private final Map<String, Map<String, Performer>> defined;
  private final List<Stay> instances = new ArrayList<>();
  private final List<Stay> steps = new ArrayList<>();
  /**
   * The performer of each (process, step) as the most recent record leaving it says, from stays that
   * were never escalated: the queue the step's items are created in, for open items no record names.
   */
  private final Map<String, Map<String, AuditRecord>> lastLeft = new HashMap<>();

  InsightTally(Instant from, Instant to, Map<String, Map<String, Performer>> defined) {
    this.from = from;
    this.to = to;
    this.defined = defined;
  }

  /** Reads one instance's records, in sequence order. */
  void add(String process, Collection<AuditRecord> records, Map<String, Performer> openPerformers) {
    Stay instance = null;
    Stay current = null;
    List<Stay> mine = new ArrayList<>();
    for (AuditRecord r : records) {
      if (r.at().isAfter(to)) {
        break;
      }
      if (instance == null) {
        instance = new Stay(process, null, r.kind() == AuditRecord.Kind.STARTED ? r.at() : r.enteredAt());
        instances.add(instance);
      }
      instance.records.add(r);
      if (r.from().isPresent()) {
        String left = r.from().get();
        if (current == null || !current.step.equals(left)) {
          // A record is missing: the stay began when this record says the step was entered.
          current = step(process, left, r.enteredAt(), mine);
        }
        current.records.add(r);
        if (r.kind() == AuditRecord.Kind.ESCALATED) {
          // The item is in another queue (or at another priority) from here on; the stay is counted whole
          // under the queue it is in as of the report's end.
          current.escalated = true;
        }
        if (r.performer().isPresent()) {
          current.performer = r.performer().get();
          if (!current.escalated) {
            lastLeft.computeIfAbsent(process, p -> new HashMap<>()).merge(left, r, InsightTally::later);
          }
        }
        if (r.kind() == AuditRecord.Kind.COMPLETED || r.kind() == AuditRecord.Kind.CANCELLED) {
          current.end(r);
          current = null;
        }
      }
      boolean moves = r.kind() == AuditRecord.Kind.STARTED || r.kind() == AuditRecord.Kind.COMPLETED;
      if (moves && r.to().isPresent()) {
        current = step(process, r.to().get(), r.at(), mine);
      } else if (moves || r.kind() == AuditRecord.Kind.CANCELLED) {
        instance.end(r);
      }
    }
    if (current != null && current.performer == null) {
      current.performer = openPerformers.get(current.step);
    }
    if (instance != null && instance.endKind == AuditRecord.Kind.COMPLETED) {
      // An instance's wait and work are the sums over its steps.
      for (Stay s : mine) {
        if (s.endKind == AuditRecord.Kind.COMPLETED) {
          instance.wait += s.wait;
          instance.work += s.work;
        }
      }
    }
  }

  private Stay step(String process, String step, Instant start, List<Stay> mine) {
    Stay stay = new Stay(process, step, start);
    steps.add(stay);
    mine.add(stay);
    return stay;
  }

  private static AuditRecord later(AuditRecord a, AuditRecord b) {
    Comparator<AuditRecord> order = Comparator.comparing(AuditRecord::at)
        .thenComparing(r -> r.instance().value()).thenComparingLong(AuditRecord::sequence);
    return order.compare(a, b) >= 0 ? a : b;
  }

  InsightReport report() {
    for (Stay s : steps) {
      if (s.performer == null) {
        AuditRecord last = lastLeft.getOrDefault(s.process, Map.of()).get(s.step);
        s.performer = last != null ? last.performer().orElseThrow()
            : defined.getOrDefault(s.process, Map.of()).get(s.step);
      }
    }
    Map<String, List<Stay>> byProcess = new TreeMap<>();
    instances.forEach(s -> byProcess.computeIfAbsent(s.process, k -> new ArrayList<>()).add(s));
    Map<String, List<Stay>> byStep = new TreeMap<>();
    Map<String, List<Stay>> byPerformer = new TreeMap<>();
    for (Stay s : steps) {
      // '\u0000' sorts before every character of a code, so a process's steps stay together.
      byStep.computeIfAbsent(s.process + '\u0000' + s.step, k -> new ArrayList<>()).add(s);
      if (s.performer != null) {
        byPerformer.computeIfAbsent(s.performer.toString(), k -> new ArrayList<>()).add(s);
      }
    }
    List<InsightFigures> processes = new ArrayList<>();
    byProcess.forEach((k, stays) -> processes.add(figures(Optional.of(k), Optional.empty(), Optional.empty(), stays)));
    List<InsightFigures> stepFigures = new ArrayList<>();
    byStep.values().forEach(stays -> {
      Stay first = stays.get(0);
      // The step's performer as the most recent of its stays has it.
      Optional<Performer> performer = stays.stream().filter(s -> s.performer != null)
          .max(Comparator.comparing((Stay s) -> s.start)).map(s -> s.performer);
      stepFigures.add(figures(Optional.of(first.process), Optional.of(first.step), performer, stays));
    });
    List<InsightFigures> performers = new ArrayList<>();
    byPerformer.values().forEach(stays -> performers.add(figures(Optional.empty(), Optional.empty(),
        Optional.of(stays.get(0).performer), stays)));
    return new InsightReport(from, to, processes, stepFigures, performers);
  }

  private InsightFigures figures(Optional<String> process, Optional<String> step, Optional<Performer> performer,
      List<Stay> stays) {
    long entered = 0;
    long completed = 0;
    long cancelled = 0;
    long failed = 0;
    long atStart = 0;
    long open = 0;
    long delay = 0;
    Instant oldest = null;
    List<long[]> done = new ArrayList<>();
    Map<SlaVerdict.Deadline, long[]> verdicts = new EnumMap<>(SlaVerdict.Deadline.class);
    for (Stay s : stays) {
      if (!s.start.isBefore(from)) {
        entered++;
      } else if (s.end == null || !s.end.isBefore(from)) {
        atStart++;
      }
      if (s.end == null) {
        open++;
        oldest = oldest == null || s.start.isBefore(oldest) ? s.start : oldest;
      } else if (!s.end.isBefore(from)) {
        if (s.endKind == AuditRecord.Kind.COMPLETED) {
          completed++;
          done.add(new long[] {s.duration, s.wait, s.work});
        } else {
          cancelled++;
        }
      }
      Instant overlapStart = s.start.isBefore(from) ? from : s.start;
      Instant overlapEnd = s.end == null ? to : s.end;
      if (overlapEnd.isAfter(overlapStart)) {
        delay += Duration.between(overlapStart, overlapEnd).toNanos();
      }
      for (AuditRecord r : s.records) {
        if (r.at().isBefore(from)) {
          continue;
        }
        if (r.kind() == AuditRecord.Kind.FAILED) {
          failed++;
        }
        if (r.kind() == AuditRecord.Kind.ESCALATED) {
          // Raised because a deadline is at risk or breached: judging it would count the alert, not the work.
          continue;
        }
        r.sla().ifPresent(v -> verdicts.computeIfAbsent(v.deadline(), d -> new long[3])[v.status().ordinal()]++);
      }
    }
    List<SlaCompliance> sla = new ArrayList<>();
    verdicts.forEach((d, n) -> sla.add(new SlaCompliance(d, n[0] + n[1] + n[2], n[0], n[1], n[2])));
    long windowNanos = Duration.between(from, to).toNanos();
    double throughput = windowNanos == 0 ? 0.0 : completed * 3_600_000_000_000.0 / windowNanos;
    Instant oldestSince = oldest;
    return new InsightFigures(process, step, performer, entered, completed, failed, cancelled, column(done, 0),
        column(done, 1), column(done, 2), Duration.ofNanos(delay), throughput, atStart, open,
        Optional.ofNullable(oldestSince), Optional.ofNullable(oldestSince).map(o -> Duration.between(o, to)), sla);
  }

  private static Distribution column(List<long[]> rows, int column) {
    long[] values = new long[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = rows.get(i)[column];
    }
    return Distribution.ofNanos(values);
  }

  /** An instance at a step (or in its process) from {@code start} until {@code end}, null while open. */
  private static final class Stay {
    final String process;
    final String step;
    final Instant start;
    final List<AuditRecord> records = new ArrayList<>(2);
    Performer performer;
    /** Whether an ESCALATED record moved or raised the stay's item. */
    boolean escalated;
    Instant end;
    AuditRecord.Kind endKind;
    long duration;
    long wait;
    long work;

    Stay(String process, String step, Instant start) {
      this.process = process;
      this.step = step;
      this.start = start;
    }

    void end(AuditRecord r) {
      end = r.at();
      endKind = r.kind();
      duration = Math.max(0, Duration.between(start, end).toNanos());
      if (step == null || endKind != AuditRecord.Kind.COMPLETED) {
        return;
      }
      // Wait until the claim, clamped into the stay; no claim time: all of it counts as work, except
      // at a timer, where nobody works and all of it is waiting by design.
      long waited = r.performer().filter(Performer.Timer.class::isInstance).isPresent() ? duration
          : r.claimedAt().map(c -> Duration.between(start, c).toNanos()).orElse(0L);
      wait = Math.min(Math.max(0, waited), duration);
      work = duration - wait;
    }
  }
}
