package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.BottleneckReport.Bottleneck;
import io.cemkit.workflow.BottleneckReport.Cause;
import io.cemkit.workflow.spi.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded-random day of complaint handling on a {@link WorkflowEngine} with a virtual clock:
 * intake (automated) → review (queue agents) → approve (queue supervisors) → reply (queue agents).
 * Complaints arrive from 08:00 to 16:00; people claim the next item of their queue, work it,
 * complete it and take the next, and when the queue is empty look again after their polling
 * interval. The report is as of 19:00 unless a scenario says otherwise.
 */
class SimulatedDayTest {
  private static final Instant EIGHT = Instant.parse("2026-03-02T08:00:00Z");
  private static final ProcessDefinition COMPLAINT = ProcessDefinition.builder("complaint", 1)
      .step("intake", Performer.automated("intake"), "Register the complaint").then("review")
      .step("review", Performer.queue("agents"), "Review the complaint").then("approve")
      .step("approve", Performer.queue("supervisors"), "Approve the remedy").then("reply")
      .step("reply", Performer.queue("agents"), "Reply to the customer")
      .build();

  /** A queue's people: how many, how often they look when it is empty, how long an item takes. */
  record Staff(String queue, int people, Duration poll, Duration minWork, Duration maxWork) {}

  /** What a simulated day left behind. */
  record Day(ProcessInsight live, AuditLog audit, List<ProcessInstanceId> instances, Instant end) {}

  private static final Staff AGENTS = new Staff("agents", 5, Duration.ofMinutes(2), Duration.ofMinutes(3),
      Duration.ofMinutes(6));

  private record Event(Instant at, long order, Runnable action) {}

  /** Runs a day: arrivals every 12 minutes on average from 08:00 to 16:00, events until {@code end}. */
  static Day simulate(long seed, Instant end, Staff... staff) {
    Random random = new Random(seed);
    VirtualClock clock = VirtualClock.at(EIGHT);
    AuditLog audit = AuditLog.inMemory();
    ProcessInsight live = ProcessInsight.create(COMPLAINT);
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock).audit(audit).listener(live)
        .handler("intake", ctx -> StepResult.of("registered")).build().deploy(COMPLAINT);
    PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
        ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
    long[] order = {0};
    List<ProcessInstanceId> instances = new ArrayList<>();
    class Sim {
      void at(Instant when, Runnable action) {
        events.add(new Event(when, order[0]++, action));
      }

      Duration between(Duration min, Duration max) {
        return min.plusSeconds((long) (random.nextDouble() * (max.minus(min).toSeconds() + 1)));
      }

      /** A person looks at their queue: takes the next item, or looks again after the poll interval. */
      void look(Staff s, String person) {
        Optional<WorkItem> next = engine.claimNext(s.queue(), person);
        if (next.isEmpty()) {
          at(clock.instant().plus(between(s.poll().multipliedBy(3).dividedBy(4), s.poll().multipliedBy(5)
              .dividedBy(4))), () -> look(s, person));
          return;
        }
        WorkItem item = next.get();
        at(clock.instant().plus(between(s.minWork(), s.maxWork())), () -> {
          engine.complete(item.id(), item.token(), StepResult.of("done"));
          look(s, person);
        });
      }
    }
    Sim sim = new Sim();
    int arrivals = 0;
    for (Instant t = EIGHT; t.isBefore(EIGHT.plus(Duration.ofHours(8))); arrivals++) {
      String n = Integer.toString(arrivals + 1);
      sim.at(t, () -> instances.add(engine.start(StartRequest.of("complaint", CustomerId.of("C-" + n), "c-" + n))
          .id()));
      t = t.plusSeconds((long) (-Math.log(1 - random.nextDouble()) * 12 * 60));
    }
    for (Staff s : staff) {
      for (int p = 1; p <= s.people(); p++) {
        String person = s.queue() + "-" + p;
        // Everyone starts their day at a different moment of their first polling interval.
        sim.at(EIGHT.plus(sim.between(Duration.ZERO, s.poll())), () -> sim.look(s, person));
      }
    }
    while (!events.isEmpty() && !events.peek().at().isAfter(end)) {
      Event e = events.poll();
      clock.advance(Duration.between(clock.instant(), e.at()));
      e.action().run();
    }
    clock.advance(Duration.between(clock.instant(), end));
    return new Day(live, audit, instances, end);
  }

  private static InsightReport replayed(Day day) {
    ProcessInsight replay = ProcessInsight.create(COMPLAINT);
    for (ProcessInstanceId id : day.instances()) {
      replay.replay("complaint", day.audit().records(id));
    }
    return replay.report(day.end());
  }

  private static Day slowSupervisor(long seed) {
    // One supervisor who looks at the queue about every 45 minutes and then clears it.
    return simulate(seed, EIGHT.plus(Duration.ofHours(11)), AGENTS,
        new Staff("supervisors", 1, Duration.ofMinutes(45), Duration.ofMinutes(3), Duration.ofMinutes(6)));
  }

  @Test
  @DisplayName("the simulated day: the supervisor who picks work up every 45 minutes is the bottleneck, by waiting")
  void supervisorsAreTheBottleneck() {
    Day day = slowSupervisor(20260302L);
    InsightReport report = day.live().report(day.end());
    BottleneckReport bottlenecks = report.bottlenecks();
    Bottleneck top = bottlenecks.bottleneck().orElseThrow();
    assertSoftly(soft -> {
      soft.assertThat(top.name()).isEqualTo("queue supervisors");
      soft.assertThat(top.cause()).isEqualTo(Cause.WAITING);
      soft.assertThat(top.mainStep()).contains("complaint/approve");
      soft.assertThat(top.explanation()).startsWith("queue supervisors adds ").contains("waiting: items wait a median");
      soft.assertThat(bottlenecks.steps().get(0).name()).isEqualTo("complaint/approve");
      soft.assertThat(top.medianWait()).isGreaterThan(top.medianWork());
      soft.assertThat(top.share()).isGreaterThan(0.5);
      soft.assertThat(top.backlog()).isZero();
      soft.assertThat(report.processes()).singleElement().satisfies(p -> {
        soft.assertThat(p.entered()).isEqualTo(day.instances().size());
        soft.assertThat(p.completed()).isEqualTo(day.instances().size());
      });
    });
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 4L, 20260302L})
  @DisplayName("replaying the audit log gives the same report as listening to the engine live")
  void replayEqualsLive(long seed) {
    // Stop mid-afternoon, so that items are open and the backlog is not empty.
    Day day = simulate(seed, EIGHT.plus(Duration.ofHours(6)), AGENTS,
        new Staff("supervisors", 1, Duration.ofMinutes(45), Duration.ofMinutes(3), Duration.ofMinutes(6)));
    InsightReport live = day.live().report(day.end());
    assertThat(live.performers()).extracting(InsightFigures::backlog).anySatisfy(b -> assertThat(b).isPositive());
    assertThat(replayed(day)).isEqualTo(live);
    assertThat(replayed(day).bottlenecks().toText()).isEqualTo(live.bottlenecks().toText());
  }

  @Test
  @DisplayName("a queue whose work itself is long is the bottleneck by working")
  void longWorkIsWorking() {
    // Eight specialists who look every 2 minutes, but each approval takes 50 to 70 minutes.
    Day day = simulate(7L, EIGHT.plus(Duration.ofHours(11)), AGENTS,
        new Staff("supervisors", 8, Duration.ofMinutes(2), Duration.ofMinutes(50), Duration.ofMinutes(70)));
    BottleneckReport bottlenecks = day.live().report(day.end()).bottlenecks();
    Bottleneck top = bottlenecks.bottleneck().orElseThrow();
    assertThat(top.name()).isEqualTo("queue supervisors");
    assertThat(top.cause()).isEqualTo(Cause.WORKING);
    assertThat(top.explanation()).contains("working: the work itself takes a median");
  }

  @Test
  @DisplayName("a queue that completes less than arrives is the bottleneck by capacity")
  void tooFewPeopleIsCapacity() {
    // One supervisor, attentive, but 15 to 25 minutes per item against one arrival every 12: report at 16:00.
    Day day = simulate(11L, EIGHT.plus(Duration.ofHours(8)), AGENTS,
        new Staff("supervisors", 1, Duration.ofMinutes(2), Duration.ofMinutes(15), Duration.ofMinutes(25)));
    BottleneckReport bottlenecks = day.live().report(day.end()).bottlenecks();
    Bottleneck top = bottlenecks.bottleneck().orElseThrow();
    assertThat(top.name()).isEqualTo("queue supervisors");
    assertThat(top.cause()).isEqualTo(Cause.CAPACITY);
    assertThat(top.backlogGrowth()).isEqualTo(top.entered() - top.left()).isGreaterThanOrEqualTo(3);
    assertThat(top.oldestAge()).isPresent();
  }
}
