package io.cemkit.examples;

import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.BusinessCalendar;
import io.cemkit.workflow.StepResult;
import io.cemkit.workflow.WorkItem;
import io.cemkit.workflow.WorkflowEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A seeded, discrete-event run of a {@link WorkflowEngine} on a {@link VirtualClock}, for the demos that show
 * queues at work: things happen at given instants (arrivals, a scheduler calling {@code checkDeadlines()}), and
 * the people of each queue look at it during working hours, take the oldest item, work it for a while,
 * complete it and look again, or come back after their polling interval when it is empty. Same seed, same run.
 */
final class QueueSimulation {
  /**
   * The people of one queue.
   *
   * @param queue the queue they work
   * @param people how many
   * @param poll how long they wait before looking again at an empty queue (±25%)
   * @param minWork the shortest an item takes
   * @param maxWork the longest an item takes
   */
  record Staff(String queue, int people, Duration poll, Duration minWork, Duration maxWork) {}

  private record Event(Instant at, long order, Runnable action) {}

  private final Random random;
  private final VirtualClock clock;
  private final WorkflowEngine engine;
  private final BusinessCalendar hours;
  private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
      ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
  private long order;

  QueueSimulation(long seed, VirtualClock clock, WorkflowEngine engine, BusinessCalendar hours) {
    this.random = new Random(seed);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.hours = Objects.requireNonNull(hours, "hours");
  }

  /** Runs {@code action} at {@code when}. */
  void at(Instant when, Runnable action) {
    events.add(new Event(when, order++, action));
  }

  /** Runs {@code action} every {@code period} from {@code from}, as long as the simulation runs. */
  void every(Duration period, Instant from, Runnable action) {
    at(from, () -> {
      action.run();
      every(period, clock.instant().plus(period), action);
    });
  }

  /** Puts the people of a queue to work from {@code from}, each starting at a random moment of a poll. */
  void staff(Staff staff, Instant from) {
    for (int p = 1; p <= staff.people(); p++) {
      String person = staff.queue() + "-" + p;
      at(from.plus(between(Duration.ZERO, staff.poll())), () -> look(staff, person));
    }
  }

  /** A uniform random duration in {@code [min, max]}, to the second. */
  Duration between(Duration min, Duration max) {
    return min.plusSeconds((long) (random.nextDouble() * (max.minus(min).toSeconds() + 1)));
  }

  /** The next working instant at or after {@code t}. */
  Instant working(Instant t) {
    return hours.isWorking(t) ? t : hours.plus(t, Duration.ofSeconds(1)).minusSeconds(1);
  }

  /** Runs every event up to {@code end}, then moves the clock to {@code end}. */
  void runUntil(Instant end) {
    while (!events.isEmpty() && !events.peek().at().isAfter(end)) {
      Event e = events.poll();
      clock.advance(Duration.between(clock.instant(), e.at()));
      e.action().run();
    }
    clock.advance(Duration.between(clock.instant(), end));
  }

  private void look(Staff s, String person) {
    Instant now = clock.instant();
    if (!hours.isWorking(now)) {
      at(working(now), () -> look(s, person));
      return;
    }
    Optional<WorkItem> next = engine.claimNext(s.queue(), person);
    if (next.isEmpty()) {
      at(now.plus(between(s.poll().multipliedBy(3).dividedBy(4), s.poll().multipliedBy(5).dividedBy(4))),
          () -> look(s, person));
      return;
    }
    work(s, person, next.get());
  }

  /**
   * Works an item for a while, completes it and looks again; an item the completion hands straight back (the
   * next step falls to the same person, as a complaint's triage and resolution do) is worked next.
   */
  private void work(Staff s, String person, WorkItem item) {
    at(clock.instant().plus(between(s.minWork(), s.maxWork())), () -> {
      // An item escalated while it was in hand has left this person: nothing to complete.
      if (engine.workItem(item.id()).flatMap(WorkItem::claimedBy).filter(person::equals).isPresent()) {
        Optional<WorkItem> handedBack = engine.complete(item.id(), item.token(), StepResult.of("done")).next();
        if (handedBack.isPresent()) {
          work(s, person, handedBack.get());
          return;
        }
      }
      look(s, person);
    });
  }
}
