package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.ProcessSummary;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.StorageException;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.WorkflowListener;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timer steps (W2, W8 collection): a step that waits a delay and leaves with the outcome "elapsed". */
class TimerTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  /** Monday 2026-03-02, 09:00 UTC. */
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration WEEK = Duration.ofDays(7);
  private static final BusinessCalendar OFFICE = WorkingHours.mondayToFriday(ZoneOffset.UTC, LocalTime.of(9, 0),
      LocalTime.of(17, 0));

  private final VirtualClock clock = VirtualClock.at(T0);
  private final HookedStore store = new HookedStore();
  private final AuditLog audit = AuditLog.inMemory();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  /**
   * remind (handler) -> wait (timer, 7 days) -> notice (handler) for a small debt, or collect
   * (queue collectors) for a large one.
   */
  private static ProcessDefinition dunning() {
    return ProcessDefinition.builder("dunning", 1)
        .step("remind", Performer.automated("remind"), "Send a payment reminder").then("wait")
        .step("wait", Performer.timer(WEEK), "Give the customer a week to pay")
            .when("a large debt", ctx -> ctx.variable("amount", Integer.class).orElse(0) > 100, "collect")
            .onOutcome(Performer.Timer.ELAPSED, "notice")
            .otherwiseEnd()
        .step("notice", Performer.automated("notice"), "Send the notice")
        .step("collect", Performer.queue("collectors"), "Call the customer")
        .build();
  }

  /** wait (timer, 16 working hours on the office calendar), then the end. */
  private static ProcessDefinition followUp() {
    return ProcessDefinition.builder("follow-up", 1)
        .step("wait", Performer.timer(Duration.ofHours(16), "office"), "Two working days")
        .build();
  }

  /** first (timer, a day) -> second (timer, 12 hours) -> the end. */
  private static ProcessDefinition reminders() {
    return ProcessDefinition.builder("reminders", 1)
        .step("first", Performer.timer(DAY), "Wait a day").onOutcome(Performer.Timer.ELAPSED, "second")
            .otherwiseEnd()
        .step("second", Performer.timer(Duration.ofHours(12)), "Wait half a day").otherwiseEnd()
        .build();
  }

  private WorkflowEngine.Builder builder(BusinessCalendar office) {
    return WorkflowEngine.builder().clock(clock).store(store).audit(audit)
        .handler("remind", ctx -> StepResult.of("sent"))
        .handler("notice", ctx -> StepResult.of("sent"))
        .calendar("office", office)
        .listener(new WorkflowListener() {
          @Override
          public void transitioned(AuditRecord record) {
            events.add("transitioned " + record.from().orElse("-") + " -> " + record.to().orElse("-"));
          }

          @Override
          public void workItemCreated(WorkItem item) {
            events.add("created " + item.step());
          }

          @Override
          public void timerFired(WorkItem item) {
            events.add("fired " + item.step() + " due " + item.dueAt().orElseThrow());
          }

          @Override
          public void slaAlert(ProcessInstance instance, SlaAlert alert, Instant at) {
            events.add("alert " + instance.processKey() + " " + alert);
          }
        });
  }

  private WorkflowEngine.Builder builder() {
    return builder(OFFICE);
  }

  /** The instance's open item as the engine has it now. */
  private static WorkItem openItem(WorkflowEngine engine, ProcessInstance instance) {
    return engine.workItem(instance.workItem().orElseThrow()).orElseThrow();
  }

  private List<AuditRecord> elapsed(ProcessInstanceId id) {
    return audit.records(id).stream().filter(r -> r.outcome().equals(Optional.of(Performer.Timer.ELAPSED)))
        .toList();
  }

  private void advanceTo(Instant at) {
    clock.advance(Duration.between(clock.instant(), at));
  }

  @Test
  @DisplayName("a timer step waits in no queue and fires exactly at its due time, not a nanosecond before")
  void firesAtDue() {
    WorkflowEngine engine = builder().build().deploy(dunning());
    ProcessInstance started = engine.start(StartRequest.of("dunning", DANA, "d-1"));
    WorkItem timer = openItem(engine, started);
    assertSoftly(s -> {
      s.assertThat(started.status()).isEqualTo(InstanceStatus.WAITING);
      s.assertThat(started.isWaitingAt("wait")).isTrue();
      s.assertThat(timer.performer()).isEqualTo(Performer.timer(WEEK));
      s.assertThat(timer.createdAt()).isEqualTo(T0);
      s.assertThat(timer.dueAt()).contains(T0.plus(WEEK));
      s.assertThat(timer.claimedBy()).isEmpty();
      s.assertThat(engine.queueDepth("P7D")).isZero();
      s.assertThat(engine.claimNext("P7D", "ann")).isEmpty();
      s.assertThat(engine.leaseNext("P7D", "acme", DAY)).isEmpty();
      s.assertThat(engine.openFor(DANA, T0)).extracting(ProcessSummary::currentStep, ProcessSummary::waitingFor)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("wait", Optional.of("P7D")));
    });

    clock.advance(WEEK.minusNanos(1));
    assertThat(engine.fireTimers()).isZero();
    assertThat(engine.instance(started.id()).orElseThrow().isWaitingAt("wait")).isTrue();
    clock.advance(Duration.ofNanos(1));
    assertThat(engine.fireTimers()).isEqualTo(1);
    assertThat(engine.fireTimers()).isZero();

    assertThat(engine.instance(started.id()).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(audit.records(started.id())).extracting(r -> r.from().orElse("-") + " -> " + r.to().orElse("-"))
        .containsExactly("- -> remind", "remind -> wait", "wait -> notice", "notice -> -");
    AuditRecord fired = elapsed(started.id()).get(0);
    assertSoftly(s -> {
      s.assertThat(fired.kind()).isEqualTo(AuditRecord.Kind.COMPLETED);
      s.assertThat(fired.actor()).isEqualTo("timer");
      s.assertThat(fired.performer()).contains(Performer.timer(WEEK));
      s.assertThat(fired.enteredAt()).isEqualTo(T0);
      s.assertThat(fired.at()).isEqualTo(T0.plus(WEEK));
      s.assertThat(fired.claimedAt()).isEmpty();
    });
  }

  @Test
  @DisplayName("with a calendar the delay is working time: 16 hours from Friday 15:00 fall due on Tuesday 15:00")
  void workingTimeAcrossTheWeekend() {
    WorkflowEngine engine = builder().build().deploy(followUp());
    // Friday 15:00-17:00 is 2 working hours, Monday 8, Tuesday 09:00-15:00 the last 6.
    advanceTo(Instant.parse("2026-03-06T15:00:00Z"));
    ProcessInstance started = engine.start(StartRequest.of("follow-up", DANA, "f-1"));
    Instant due = Instant.parse("2026-03-10T15:00:00Z");
    assertThat(openItem(engine, started).dueAt()).contains(due);

    advanceTo(due.minusNanos(1));
    assertThat(engine.fireTimers()).isZero();
    advanceTo(due);
    assertThat(engine.fireTimers()).isEqualTo(1);
    // A timer as the last step: its completion ends the process.
    ProcessInstance done = engine.instance(started.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(done.endedAt()).contains(due);
    assertThat(elapsed(started.id())).singleElement().satisfies(r -> assertThat(r.to()).isEmpty());
  }

  @Test
  @DisplayName("the step's routes apply to the outcome 'elapsed': conditions on the variables, then onOutcome")
  void routesAfterElapsed() {
    WorkflowEngine engine = builder().build().deploy(dunning());
    ProcessInstance large = engine.start(StartRequest.of("dunning", DANA, "d-1").with("amount", 500));
    ProcessInstance small = engine.start(StartRequest.of("dunning", DANA, "d-2").with("amount", 50));
    clock.advance(WEEK);
    assertThat(engine.fireTimers()).isEqualTo(2);

    assertThat(engine.instance(small.id()).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
    ProcessInstance collecting = engine.instance(large.id()).orElseThrow();
    assertThat(collecting.isWaitingAt("collect")).isTrue();
    WorkItem call = engine.claimNext("collectors", "ann").orElseThrow();
    assertThat(call.instance()).isEqualTo(large.id());
    engine.complete(call.id(), call.token(), StepResult.of("paid"));
    assertThat(engine.instance(large.id()).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  @DisplayName("chained timers: the next one counts from when the first fired, and listeners hear each in order")
  void chainedTimers() {
    WorkflowEngine engine = builder().build().deploy(reminders());
    ProcessInstance started = engine.start(StartRequest.of("reminders", DANA, "r-1"));
    events.clear();
    // Fired an hour late: the second timer starts then.
    clock.advance(DAY.plus(Duration.ofHours(1)));
    assertThat(engine.fireTimers()).isEqualTo(1);
    WorkItem second = openItem(engine, engine.instance(started.id()).orElseThrow());
    Instant secondDue = T0.plus(DAY).plus(Duration.ofHours(13));
    assertThat(second.step()).isEqualTo("second");
    assertThat(second.dueAt()).contains(secondDue);
    assertThat(events).containsExactly("transitioned first -> second", "fired first due 2026-03-03T09:00:00Z",
        "created second");

    advanceTo(secondDue.minusNanos(1));
    assertThat(engine.fireTimers()).isZero();
    advanceTo(secondDue);
    assertThat(engine.fireTimers()).isEqualTo(1);
    assertThat(engine.instance(started.id()).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(elapsed(started.id())).extracting(AuditRecord::enteredAt, AuditRecord::at).containsExactly(
        org.assertj.core.groups.Tuple.tuple(T0, T0.plus(DAY).plus(Duration.ofHours(1))),
        org.assertj.core.groups.Tuple.tuple(T0.plus(DAY).plus(Duration.ofHours(1)), secondDue));
  }

  @Test
  @DisplayName("a timer that came due while no engine ran fires at the next call of a new engine on the store")
  void restart() {
    WorkflowEngine first = builder().build().deploy(dunning());
    ProcessInstance started = first.start(StartRequest.of("dunning", DANA, "d-1"));
    WorkItem timer = openItem(first, started);
    clock.advance(WEEK.plus(Duration.ofDays(3)));

    WorkflowEngine second = builder().build();
    assertThat(second.fireTimers()).as("before its definition is deployed").isZero();
    second.deploy(dunning());
    assertThat(second.workItem(timer.id())).contains(timer);
    assertThat(second.fireTimers()).isEqualTo(1);
    assertThat(second.instance(started.id()).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(elapsed(started.id())).singleElement().satisfies(r -> assertThat(r.at()).isEqualTo(T0.plus(
        WEEK).plus(Duration.ofDays(3))));
  }

  @Test
  @Timeout(120)
  @DisplayName("8 threads calling fireTimers at once fire each timer exactly once")
  void concurrentCallers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 20; round++) {
        VirtualClock c = VirtualClock.at(T0);
        AuditLog log = AuditLog.inMemory();
        AtomicInteger heard = new AtomicInteger();
        WorkflowEngine engine = WorkflowEngine.builder().clock(c).audit(log)
            .listener(new WorkflowListener() {
              @Override
              public void timerFired(WorkItem item) {
                heard.incrementAndGet();
              }
            })
            .build().deploy(reminders());
        List<ProcessInstanceId> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          ids.add(engine.start(StartRequest.of("reminders", DANA, "r-" + i)).id());
          c.advance(Duration.ofSeconds(1));
        }
        c.advance(DAY);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          calls.add(pool.submit(() -> {
            go.await();
            return engine.fireTimers() + engine.fireTimers();
          }));
        }
        go.countDown();
        int fired = 0;
        for (Future<Integer> call : calls) {
          fired += call.get(30, TimeUnit.SECONDS);
        }
        assertThat(fired).as("round %d", round).isEqualTo(100);
        assertThat(heard).as("round %d", round).hasValue(100);
        for (ProcessInstanceId id : ids) {
          assertThat(log.records(id).stream().filter(r -> r.outcome().equals(Optional.of("elapsed"))))
              .as("round %d, %s", round, id).hasSize(1);
          assertThat(engine.instance(id).orElseThrow().isWaitingAt("second")).isTrue();
        }
        assertThat(engine.fireTimers()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("a store failure leaves the timer due and propagates; a later call fires it")
  void storeFailure() {
    WorkflowEngine engine = builder().build().deploy(dunning());
    ProcessInstance first = engine.start(StartRequest.of("dunning", DANA, "d-1"));
    clock.advance(Duration.ofMinutes(1));
    ProcessInstance second = engine.start(StartRequest.of("dunning", DANA, "d-2"));
    WorkItem secondTimer = openItem(engine, second);
    clock.advance(WEEK);
    events.clear();

    store.failWrites.set(true);
    assertThatThrownBy(engine::fireTimers).isInstanceOf(StorageException.class).hasMessageContaining("database down");
    store.failWrites.set(false);
    assertThat(engine.instance(first.id()).orElseThrow().isWaitingAt("wait")).isTrue();
    assertThat(elapsed(first.id())).isEmpty();
    assertThat(events).isEmpty();

    // The first fires; the store refuses the second's write.
    store.beforeWrite = record -> {
      if (record.instance().id().equals(second.id())) {
        throw new StorageException("database down", new RuntimeException("timeout"));
      }
    };
    assertThatThrownBy(engine::fireTimers).isInstanceOf(StorageException.class);
    store.beforeWrite = null;
    assertThat(engine.instance(first.id()).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(engine.workItem(secondTimer.id())).contains(secondTimer);
    assertThat(elapsed(second.id())).isEmpty();

    assertThat(engine.fireTimers()).isEqualTo(1);
    assertThat(engine.instance(second.id()).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(elapsed(first.id())).hasSize(1);
    assertThat(elapsed(second.id())).hasSize(1);
    assertThat(engine.fireTimers()).isZero();
  }

  @Test
  @DisplayName("cancelling an instance at a timer removes the timer: nothing fires later")
  void cancel() {
    WorkflowEngine engine = builder().build().deploy(dunning());
    ProcessInstance started = engine.start(StartRequest.of("dunning", DANA, "d-1"));
    WorkItemId timer = started.workItem().orElseThrow();
    ProcessInstance cancelled = engine.cancel(started.id(), "agent-7", "paid in full");
    assertThat(cancelled.status()).isEqualTo(InstanceStatus.CANCELLED);
    clock.advance(WEEK.multipliedBy(2));
    assertThat(engine.fireTimers()).isZero();
    assertThat(engine.workItem(timer)).isEmpty();
    assertThat(events).noneMatch(e -> e.startsWith("fired"));
    assertThat(audit.records(started.id())).extracting(AuditRecord::kind).containsExactly(AuditRecord.Kind.STARTED,
        AuditRecord.Kind.COMPLETED, AuditRecord.Kind.CANCELLED);
  }

  @Test
  @DisplayName("nobody can claim, lease, release or complete a timer's item, before or after its due time")
  void refusals() {
    WorkflowEngine engine = builder().build().deploy(dunning());
    ProcessInstance started = engine.start(StartRequest.of("dunning", DANA, "d-1"));
    WorkItem timer = openItem(engine, started);
    String item = timer.id().value();
    for (int late = 0; late < 2; late++) {
      assertThatThrownBy(() -> engine.claim(timer.id(), "ann")).isInstanceOf(WorkItemStateException.class)
          .hasMessage("Work item " + item + " waits at timer step 'wait' (timer P7D) until 2026-03-09T09:00:00Z; "
              + "it cannot be claimed: fireTimers() completes it with outcome 'elapsed' once it is due");
      assertThatThrownBy(() -> engine.lease(timer.id(), "acme", DAY)).isInstanceOf(WorkItemStateException.class)
          .hasMessageContaining(item).hasMessageContaining("'wait'").hasMessageContaining("2026-03-09T09:00:00Z")
          .hasMessageContaining("cannot be leased");
      assertThatThrownBy(() -> engine.release(timer.id(), "ann")).isInstanceOf(WorkItemStateException.class)
          .hasMessageContaining(item).hasMessageContaining("cannot be released");
      assertThatThrownBy(() -> engine.complete(timer.id(), timer.token(), StepResult.of("elapsed")))
          .isInstanceOf(WorkItemStateException.class).hasMessageContaining(item).hasMessageContaining("'wait'")
          .hasMessageContaining("2026-03-09T09:00:00Z").hasMessageContaining("cannot be completed");
      assertThatThrownBy(() -> engine.complete(timer.id(), "guess", StepResult.of("elapsed")))
          .isInstanceOf(WorkItemStateException.class);
      clock.advance(WEEK);
    }
    assertThat(engine.inHand("ann")).isZero();
    assertThat(engine.instance(started.id()).orElseThrow().isWaitingAt("wait")).isTrue();
    assertThat(audit.records(started.id())).hasSize(2);

    assertThat(engine.fireTimers()).isEqualTo(1);
    assertThatThrownBy(() -> engine.claim(timer.id(), "ann")).isInstanceOf(WorkItemStateException.class)
        .hasMessage("Work item " + item + " is already completed");
  }

  @Test
  @DisplayName("SLA alerts count the time at a timer unless the step pauses the SLA; an elapsed timer is no response")
  void slaAtATimer() {
    WorkflowEngine engine = builder().build().deploy(slaWait("counted", false)).deploy(slaWait("paused", true));
    ProcessInstance counted = engine.start(StartRequest.of("counted", DANA, "c-1"));
    ProcessInstance paused = engine.start(StartRequest.of("paused", DANA, "p-1"));
    events.clear();
    clock.advance(DAY);
    assertThat(engine.checkDeadlines()).isEqualTo(4);
    assertThat(events).containsExactlyInAnyOrder("alert counted RESPONSE_AT_RISK", "alert counted RESPONSE_BREACHED",
        "alert counted RESOLUTION_AT_RISK", "alert counted RESOLUTION_BREACHED");

    assertThat(engine.fireTimers()).isEqualTo(2);
    assertThat(store.find(counted.id()).orElseThrow().value().sla().orElseThrow().respondedAt()).isEmpty();
    SlaClock resumed = store.find(paused.id()).orElseThrow().value().sla().orElseThrow();
    assertThat(resumed.respondedAt()).isEmpty();
    assertThat(resumed.responseDue()).isEqualTo(T0.plus(DAY).plus(Duration.ofHours(2)));
    assertThat(resumed.resolutionDue()).isEqualTo(T0.plus(DAY).plus(Duration.ofHours(8)));
  }

  /** wait (timer, a day; optionally pausing the SLA) -> review (agents), with a 2h/8h SLA. */
  private static ProcessDefinition slaWait(String key, boolean pauses) {
    ProcessDefinition.StepBuilder wait = ProcessDefinition.builder(key, 1)
        .sla(SlaTarget.of(Duration.ofHours(2), Duration.ofHours(8)))
        .step("wait", Performer.timer(DAY), "Wait for the payment");
    if (pauses) {
      wait.pausesSla();
    }
    return wait.then("review").step("review", Performer.queue("agents"), "Review").build();
  }

  @Test
  @DisplayName("a timer step cannot escalate, and an engine without the timer's calendar refuses the definition")
  void definitionRefusals() {
    assertThatThrownBy(() -> ProcessDefinition.builder("x", 1)
        .step("wait", Performer.timer(DAY), "Wait").escalate(SlaAlert.RESPONSE_BREACHED, "supervisors")
        .build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("step 'wait' is a timer (timer P1D) and escalates [RESPONSE_BREACHED]")
        .hasMessageContaining("in no queue");

    assertThat(followUp().timerCalendars()).containsExactly("office");
    assertThat(dunning().timerCalendars()).isEmpty();
    WorkflowEngine withoutOffice = WorkflowEngine.builder().clock(clock).calendar("shop", OFFICE).build();
    assertThatThrownBy(() -> withoutOffice.deploy(followUp())).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("follow-up v1")
        .hasMessageContaining("a timer names business calendar 'office', which is not registered with the engine "
            + "(registered: [shop])");
    assertThatThrownBy(() -> withoutOffice.start(StartRequest.of("follow-up", DANA, "f-1")))
        .isInstanceOf(io.cemkit.core.UnknownEntityException.class);
  }

  @Test
  @DisplayName("a calendar that cannot compute the due time fails the instance at the timer; retry enters it again")
  void calendarFailure() {
    AtomicBoolean broken = new AtomicBoolean(true);
    BusinessCalendar flaky = new BusinessCalendar() {
      @Override
      public Instant plus(Instant from, Duration workingTime) {
        if (broken.get()) {
          throw new IllegalStateException("no working time within 100 years");
        }
        return OFFICE.plus(from, workingTime);
      }

      @Override
      public Duration between(Instant from, Instant to) {
        return OFFICE.between(from, to);
      }

      @Override
      public boolean isWorking(Instant at) {
        return OFFICE.isWorking(at);
      }
    };
    WorkflowEngine engine = builder(flaky).build().deploy(followUp());
    ProcessInstance failed = engine.start(StartRequest.of("follow-up", DANA, "f-1"));
    assertThat(failed.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(failed.step()).contains("wait");
    assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("due time")
        .contains("no working time within 100 years"));

    broken.set(false);
    ProcessInstance retried = engine.retry(failed.id());
    assertThat(retried.isWaitingAt("wait")).isTrue();
    assertThat(openItem(engine, retried).dueAt())
        .contains(Instant.parse("2026-03-03T17:00:00Z"));
  }

  @Test
  @DisplayName("Performer.timer: code is the ISO-8601 delay, bad delays and calendars are refused naming the value")
  void performer() {
    assertSoftly(s -> {
      s.assertThat(Performer.timer(WEEK).code()).isEqualTo("P7D");
      s.assertThat(Performer.timer(WEEK)).hasToString("timer P7D");
      s.assertThat(Performer.timer(Duration.ofHours(16), "office").code()).isEqualTo("PT16H");
      s.assertThat(Performer.timer(Duration.ofHours(16), "office")).hasToString("timer PT16H on calendar office");
      s.assertThat(Performer.timer(Duration.ofMinutes(90)).code()).isEqualTo("PT1H30M");
      s.assertThat(Performer.timer(Duration.ofHours(168))).isEqualTo(Performer.timer(WEEK));
      s.assertThat(Performer.timer(WEEK, "office")).isNotEqualTo(Performer.timer(WEEK));
      s.assertThat(Performer.timer(Performer.Timer.MAX_DELAY).code()).isEqualTo("P36500D");
    });
    assertThatThrownBy(() -> Performer.timer(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Performer.Timer delay must be positive and at most PT876000H, was PT0S");
    assertThatThrownBy(() -> Performer.timer(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-1S");
    assertThatThrownBy(() -> Performer.timer(Performer.Timer.MAX_DELAY.plusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT876000H0.000000001S");
    assertThatThrownBy(() -> Performer.timer(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("delay");
    assertThatThrownBy(() -> Performer.timer(WEEK, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("calendar");
    assertThatThrownBy(() -> Performer.timer(WEEK, "no spaces")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Performer.Timer calendar has an invalid character");
  }

  @Test
  @DisplayName("the bottleneck report never names a timer: its time is waiting by design")
  void insight() {
    ProcessDefinition reviewed = ProcessDefinition.builder("reviewed", 1)
        .step("wait", Performer.timer(WEEK), "Wait a week").then("review")
        .step("review", Performer.queue("agents"), "Review")
        .build();
    ProcessInsight insight = ProcessInsight.create(reviewed);
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock).listener(insight).build().deploy(reviewed);
    for (int i = 0; i < 3; i++) {
      engine.start(StartRequest.of("reviewed", DANA, "r-" + i));
    }
    clock.advance(WEEK);
    assertThat(engine.fireTimers()).isEqualTo(3);
    clock.advance(Duration.ofHours(2));
    for (int i = 0; i < 3; i++) {
      WorkItem item = engine.claimNext("agents", "ann").orElseThrow();
      engine.complete(item.id(), item.token(), StepResult.of("done"));
    }

    InsightReport report = insight.report(clock.instant());
    InsightFigures wait = report.steps().stream().filter(f -> f.name().equals("reviewed/wait")).findFirst()
        .orElseThrow();
    assertSoftly(s -> {
      s.assertThat(wait.completed()).isEqualTo(3);
      s.assertThat(wait.waitTime().median()).isEqualTo(WEEK);
      s.assertThat(wait.workTime().median()).isEqualTo(Duration.ZERO);
    });
    BottleneckReport bottlenecks = report.bottlenecks();
    assertThat(bottlenecks.bottleneck().orElseThrow().name()).isEqualTo("queue agents");
    assertThat(bottlenecks.performers()).extracting(BottleneckReport.Bottleneck::name)
        .containsExactly("queue agents");
    assertThat(bottlenecks.steps()).extracting(BottleneckReport.Bottleneck::name).containsExactly("reviewed/review");
    assertThat(bottlenecks.totalDelay()).isEqualTo(Duration.ofHours(6));
  }
}
