package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemkit.core.VirtualClock;
import io.cemkit.core.Cemkit;
import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.StorageException;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.InstanceStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Review findings on the step engine: each test states the behaviour the Javadoc or the issue
 * promises and is disabled while the engine does not keep it.
 */
class WorkflowEngineReviewTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  private static final CustomerId BOB = CustomerId.of("C-BOB");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final VirtualClock clock = VirtualClock.at(T0);

  /** check (automated) -> confirm (agents) -> [days > 30: approve (agents)] -> suspend (automated). */
  private static ProcessDefinition suspension(int version) {
    return ProcessDefinition.builder("suspension", version)
        .step("check", Performer.automated("check"), "Check the agreement").then("confirm")
        .step("confirm", Performer.queue("agents"), "Confirm with the customer")
            .when("long suspension", ctx -> ctx.variable("days", Integer.class).orElse(0) > 30, "approve")
            .otherwise("suspend")
        .step("approve", Performer.queue("agents"), "Approve a long suspension").then("suspend")
        .step("suspend", Performer.automated("suspend"), "Suspend the agreement")
        .build();
  }

  private WorkflowEngine.Builder builder() {
    return WorkflowEngine.builder().clock(clock)
        .handler("check", ctx -> StepResult.of("ok"))
        .handler("suspend", ctx -> StepResult.of("done"));
  }

  // ---------------------------------------------------------------------------------------------
  // Memory runs ahead of storage when something other than a refused store write throws mid-way.

  @Test
  @DisplayName("an audit log that is down delays the records, never the work: start is stored, records follow")
  void auditFailureAtStart() {
    FlakyAudit audit = new FlakyAudit();
    InstanceStore store = InstanceStore.inMemory();
    WorkflowEngine engine = builder().audit(audit).store(store).build().deploy(suspension(1));
    audit.failNext.set(1);
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k"));
    assertThat(started.isWaitingAt("confirm")).isTrue();
    assertThat(store.byStartKey("k")).as("the instance the caller was given is stored").isPresent();
    assertThat(audit.records(started.id())).as("the records wait in the outbox").isEmpty();
    assertThatCode(() -> engine.openFor(DANA, clock.instant())).doesNotThrowAnyException();
    // The next operation sends the backlog, in order.
    WorkItem item = engine.claim(started.workItem().orElseThrow(), "agent-1");
    engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(audit.records(started.id())).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  @DisplayName("an audit failure during complete is neither a route failure nor an error: the work moves on")
  void auditFailureDuringCompleteIsNotARouteFailure() {
    FlakyAudit audit = new FlakyAudit();
    WorkflowEngine engine = builder().audit(audit).build().deploy(suspension(1));
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k"));
    WorkItem item = engine.claim(started.workItem().orElseThrow(), "agent-1");
    audit.failNext.set(1);
    Completion completion = engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(completion.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(engine.instance(started.id()).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
    engine.start(StartRequest.of("suspension", DANA, "another"));
    assertThat(audit.records(started.id())).extracting(AuditRecord::kind).containsExactly(AuditRecord.Kind.STARTED,
        AuditRecord.Kind.COMPLETED, AuditRecord.Kind.COMPLETED, AuditRecord.Kind.COMPLETED);
  }

  @Test
  @DisplayName("memory agrees with the store after an audit hiccup; a retried completion is a duplicate")
  void auditFailureDuringCompleteLeavesMemoryAsStored() {
    FlakyAudit audit = new FlakyAudit();
    InstanceStore store = InstanceStore.inMemory();
    WorkflowEngine engine = builder().audit(audit).store(store).build().deploy(suspension(1));
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k"));
    WorkItem item = engine.claim(started.workItem().orElseThrow(), "agent-1");
    audit.failNext.set(2);
    Completion first = engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(engine.instance(started.id()).orElseThrow().status())
        .isEqualTo(store.find(started.id()).orElseThrow().value().instance().status());
    Completion retried = engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(retried.instance()).isEqualTo(first.instance());
    assertThat(store.find(started.id()).orElseThrow().value().instance().status())
        .isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  @DisplayName("a store that refuses both the write and the reload read does not let memory run ahead")
  void storeDownForWritesAndReads() {
    FlakyStore store = new FlakyStore();
    WorkflowEngine engine = builder().store(store).build().deploy(suspension(1));
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k"));
    WorkItem item = engine.claim(started.workItem().orElseThrow(), "agent-1");
    store.down.set(true);
    assertThatThrownBy(() -> engine.complete(item.id(), item.token(), StepResult.of("confirmed")))
        .isInstanceOf(StorageException.class);
    store.down.set(false);
    assertThat(engine.instance(started.id()).orElseThrow().isWaitingAt("confirm"))
        .as("memory is as stored: still waiting at confirm").isTrue();
    assertThat(engine.inHand("agent-1")).as("agent-1 still holds the stored item").isEqualTo(1);
    Completion retried = engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(retried.instance().status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(store.find(started.id()).orElseThrow().value().instance().status())
        .as("the completion the caller was told about is stored").isEqualTo(InstanceStatus.COMPLETED);
  }

  @Test
  @DisplayName("after a refused write and a retry the audit trail has one record per transition, numbered 1..n")
  void refusedWriteKeepsAuditSequencesUnique() {
    AuditLog audit = AuditLog.inMemory();
    FlakyStore store = new FlakyStore();
    WorkflowEngine engine = builder().audit(audit).store(store).build().deploy(suspension(1));
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k"));
    WorkItem item = engine.claim(started.workItem().orElseThrow(), "agent-1");
    store.updatesDown.set(true);
    assertThatThrownBy(() -> engine.complete(item.id(), item.token(), StepResult.of("confirmed")))
        .isInstanceOf(StorageException.class);
    store.updatesDown.set(false);
    engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(audit.records(started.id())).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  @DisplayName("an exception from the capacity policy during claimNext leaves the item in its queue")
  void capacityPolicyFailureKeepsTheItemQueued() {
    AtomicInteger calls = new AtomicInteger();
    WorkflowEngine engine = builder().capacity(p -> {
      if (p.equals("flaky") && calls.incrementAndGet() == 2) {
        throw new IllegalStateException("roster service timed out");
      }
      return 5;
    }).build().deploy(suspension(1));
    engine.start(StartRequest.of("suspension", DANA, "k"));
    assertThatThrownBy(() -> engine.claimNext("agents", "flaky")).isInstanceOf(IllegalStateException.class);
    assertThat(engine.queueDepth("agents")).isEqualTo(1);
    assertThat(engine.claimNext("agents", "agent-2")).isPresent();
  }

  // ---------------------------------------------------------------------------------------------
  // Idempotency.

  @Test
  @DisplayName("a retried completion (lost response) returns the first Completion, including the auto-claimed next item")
  void duplicateCompletionReturnsTheFirstCompletion() {
    WorkflowEngine engine = builder().capacity(p -> 1).build().deploy(suspension(1));
    engine.start(StartRequest.of("suspension", DANA, "k").with("days", 45));
    WorkItem item = engine.claimNext("agents", "agent-1").orElseThrow();
    Completion first = engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(first.next()).isPresent();
    // The response was lost; the client retries.
    Completion again = engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(again.next().map(WorkItem::id)).isEqualTo(first.next().map(WorkItem::id));
  }

  @Test
  @Timeout(60)
  @DisplayName("8 threads starting with the same key all get the one instance (store with read latency)")
  void concurrentStartsWithOneKey() throws Exception {
    FlakyStore store = new FlakyStore();
    store.byStartKeyLatencyMillis = 20;
    WorkflowEngine engine = builder().store(store).build().deploy(suspension(1));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 5; round++) {
        String key = "same-" + round;
        CyclicBarrier go = new CyclicBarrier(8);
        List<Future<ProcessInstanceId>> starts = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          starts.add(pool.submit(() -> {
            go.await(10, TimeUnit.SECONDS);
            return engine.start(StartRequest.of("suspension", DANA, key)).id();
          }));
        }
        Set<ProcessInstanceId> ids = ConcurrentHashMap.newKeySet();
        for (Future<ProcessInstanceId> f : starts) {
          ids.add(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(ids).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("a start key reused with a different request is refused, never answered with someone else's instance")
  void startKeyReusedForAnotherCustomer() {
    WorkflowEngine engine = builder().build().deploy(suspension(1)).deploy(ProcessDefinition.builder("renewal", 1)
        .step("offer", Performer.queue("sales"), "Offer a renewal").build());
    engine.start(StartRequest.of("suspension", DANA, "req-1").with("reason", "moving abroad"));
    assertThatThrownBy(() -> engine.start(StartRequest.of("renewal", BOB, "req-1")))
        .isInstanceOf(StartConflictException.class)
        .hasMessageContaining("Idempotency key 'req-1' already started instance")
        .hasMessageContaining("of suspension, not renewal").hasMessageNotContaining("moving abroad");
    assertThatThrownBy(() -> engine.start(StartRequest.of("suspension", BOB, "req-1")))
        .isInstanceOf(StartConflictException.class).hasMessageContaining("for another customer");
  }

  @Test
  @DisplayName("a performer who released an item can no longer complete it")
  void releasedHolderCannotComplete() {
    AuditLog audit = AuditLog.inMemory();
    WorkflowEngine engine = builder().audit(audit).build().deploy(suspension(1));
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k"));
    WorkItem mine = engine.claim(started.workItem().orElseThrow(), "agent-1");
    engine.release(mine.id(), "agent-1");
    engine.claim(mine.id(), "agent-2");
    assertThatThrownBy(() -> engine.complete(mine.id(), mine.token(), StepResult.of("confirmed")))
        .isInstanceOfAny(CompletionTokenException.class, WorkItemStateException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // Audit.

  @Test
  @DisplayName("a human completion followed by a broken route is audited with its actor and outcome")
  void humanCompletionBeforeBrokenRouteIsAudited() {
    AuditLog audit = AuditLog.inMemory();
    WorkflowEngine engine = builder().audit(audit).build().deploy(suspension(1));
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k").with("days", "forty"));
    WorkItem item = engine.claim(started.workItem().orElseThrow(), "agent-1");
    Completion completion = engine.complete(item.id(), item.token(), StepResult.of("confirmed"));
    assertThat(completion.instance().status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(audit.records(started.id()))
        .anySatisfy(r -> {
          assertThat(r.actor()).isEqualTo("agent-1");
          assertThat(r.outcome().orElse("")).contains("outcome 'confirmed'");
        });
  }

  @Test
  @DisplayName("retrying a route failure after a successful handler re-routes; it does not run the handler again")
  void retryAfterRouteFailureDoesNotRerunTheHandler() {
    AtomicInteger charged = new AtomicInteger();
    AtomicBoolean ruleBroken = new AtomicBoolean(true);
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock)
        .handler("charge", ctx -> {
          charged.incrementAndGet();
          return StepResult.of("charged");
        })
        .build()
        .deploy(ProcessDefinition.builder("fee", 1)
            .step("charge", Performer.automated("charge"), "Charge the cancellation fee")
                .when("vip", ctx -> {
                  if (ruleBroken.get()) {
                    throw new IllegalStateException("tier lookup failed");
                  }
                  return false;
                }, "refund")
                .otherwise("notify")
            .step("refund", Performer.queue("agents"), "Refund a VIP")
            .step("notify", Performer.queue("agents"), "Tell the customer")
            .build());
    ProcessInstance failed = engine.start(StartRequest.of("fee", DANA, "k"));
    assertThat(failed.status()).isEqualTo(InstanceStatus.FAILED);
    ruleBroken.set(false);
    assertThat(engine.retry(failed.id()).isWaitingAt("notify")).isTrue();
    assertThat(charged.get()).as("the customer was charged once").isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Queues.

  @Test
  @DisplayName("after a restart the queue is still oldest first")
  void queueOrderSurvivesRestart() {
    InstanceStore store = InstanceStore.inMemory();
    WorkflowEngine before = builder().store(store).build().deploy(suspension(1)).deploy(ProcessDefinition
        .builder("suspension", 2).step("confirm", Performer.queue("agents"), "Confirm").build());
    ProcessInstance old = before.start(StartRequest.of("suspension", DANA, "a").atVersion(1));
    clock.advance(Duration.ofMinutes(1));
    before.start(StartRequest.of("suspension", DANA, "b"));

    WorkflowEngine after = builder().store(store).build().deploy(ProcessDefinition
        .builder("suspension", 2).step("confirm", Performer.queue("agents"), "Confirm").build())
        .deploy(suspension(1));
    assertThat(after.oldestWaiting("agents")).contains(T0);
    assertThat(after.claimNext("agents", "agent-1").orElseThrow().id()).isEqualTo(old.workItem().orElseThrow());
  }

  @Test
  @DisplayName("a refused claim leaves the item in its place in the queue")
  void refusedClaimKeepsQueuePlace() {
    FlakyStore store = new FlakyStore();
    WorkflowEngine engine = builder().store(store).build().deploy(suspension(1));
    ProcessInstance oldest = engine.start(StartRequest.of("suspension", DANA, "a"));
    clock.advance(Duration.ofMinutes(1));
    engine.start(StartRequest.of("suspension", DANA, "b"));
    store.updatesDown.set(true);
    assertThatThrownBy(() -> engine.claim(oldest.workItem().orElseThrow(), "agent-1"))
        .isInstanceOf(StorageException.class);
    store.updatesDown.set(false);
    assertThat(engine.oldestWaiting("agents")).contains(T0);
    assertThat(engine.claimNext("agents", "agent-1").orElseThrow().id()).isEqualTo(oldest.workItem().orElseThrow());
  }

  @Test
  @Timeout(120)
  @DisplayName("oldestWaiting never throws while partners complete unclaimed items (8 threads)")
  void oldestWaitingUnderConcurrentCompletion() throws Exception {
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock).build().deploy(ProcessDefinition
        .builder("install", 1).step("visit", Performer.partner("installer"), "Install the router").build());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> tasks = new ArrayList<>();
    AtomicInteger keys = new AtomicInteger();
    try {
      for (int w = 0; w < 4; w++) {
        tasks.add(pool.submit(() -> {
          for (int i = 0; i < 20_000 && !stop.get(); i++) {
            ProcessInstance p = engine.start(StartRequest.of("install", DANA, "k" + keys.incrementAndGet()));
            WorkItem item = engine.workItem(p.workItem().orElseThrow()).orElseThrow();
            engine.complete(item.id(), item.token(), StepResult.of("installed"));
          }
          return null;
        }));
      }
      for (int r = 0; r < 4; r++) {
        tasks.add(pool.submit(() -> {
          while (!stop.get()) {
            try {
              engine.oldestWaiting("installer");
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
              stop.set(true);
            }
          }
          return null;
        }));
      }
      for (int w = 0; w < 4; w++) {
        tasks.get(w).get(100, TimeUnit.SECONDS);
      }
      stop.set(true);
      for (Future<?> f : tasks) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
    assertThat(failure.get()).isNull();
  }

  // ---------------------------------------------------------------------------------------------
  // Stale Item objects after a reload.

  @Test
  @Timeout(30)
  @DisplayName("a claim racing with a refused write of the same instance sees the item as open")
  void staleItemAfterReload() throws Exception {
    FlakyStore store = new FlakyStore();
    WorkflowEngine engine = builder().store(store).build().deploy(suspension(1));
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k"));
    WorkItemId id = started.workItem().orElseThrow();
    store.gate = new CountDownLatch(1);
    store.updatesDown.set(true);
    Thread writer = new Thread(() -> {
      try {
        engine.claim(id, "agent-1");
      } catch (StorageException expected) {
        // refused
      }
    });
    writer.setDaemon(true);
    writer.start();
    store.inUpdate.await(10, TimeUnit.SECONDS);
    AtomicReference<Throwable> seen = new AtomicReference<>();
    Thread claimer = new Thread(() -> {
      try {
        engine.claim(id, "agent-2");
      } catch (Throwable e) {
        seen.set(e);
      }
    });
    claimer.setDaemon(true);
    claimer.start();
    while (claimer.getState() != Thread.State.BLOCKED && claimer.isAlive()) {
      Thread.onSpinWait();
    }
    store.updatesDown.set(false);
    store.gate.countDown();
    writer.join(10_000);
    claimer.join(10_000);
    assertThat(seen.get()).isNull();
    assertThat(engine.workItem(id).orElseThrow().claimedBy()).contains("agent-2");
  }

  // ---------------------------------------------------------------------------------------------
  // Handlers that call back into the engine.

  @Test
  @Timeout(60)
  @DisplayName("two handlers that read the customer's open processes at the same time do not deadlock")
  void handlersReadingOpenProcessesDoNotDeadlock() throws Exception {
    AtomicReference<WorkflowEngine> ref = new AtomicReference<>();
    CyclicBarrier bothInside = new CyclicBarrier(2);
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock)
        .handler("dedupe", ctx -> {
          try {
            bothInside.await(5, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          int open = ref.get().openFor(ctx.customer(), ctx.now()).size();
          return StepResult.of("ok").with("open", open);
        })
        .build()
        .deploy(ProcessDefinition.builder("suspension", 1)
            .step("dedupe", Performer.automated("dedupe"), "Check for a suspension in progress").then("confirm")
            .step("confirm", Performer.queue("agents"), "Confirm").build());
    ref.set(engine);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    for (String key : List.of("a", "b")) {
      Thread t = new Thread(() -> {
        try {
          engine.start(StartRequest.of("suspension", DANA, key));
        } catch (Throwable e) {
          errors.add(e);
        }
      }, "start-" + key);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(5_000);
    }
    long[] deadlocked = ManagementFactory.getThreadMXBean().findMonitorDeadlockedThreads();
    assertThat(deadlocked).as("threads deadlocked on instance monitors").isNull();
    assertThat(threads).noneMatch(Thread::isAlive);
    assertThat(errors).isEmpty();
  }

  @Test
  @Timeout(30)
  @DisplayName("a listener hears that an item was created before it hears that it was claimed")
  void listenerHearsCreatedBeforeClaimed() throws Exception {
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch creating = new CountDownLatch(1);
    CountDownLatch claimed = new CountDownLatch(1);
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock)
        .listener(new io.cemkit.workflow.spi.WorkflowListener() {
          @Override
          public void workItemCreated(WorkItem item) {
            // A listener that takes a moment (a push to a UI, a message to a partner).
            creating.countDown();
            try {
              claimed.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        })
        .listener(new io.cemkit.workflow.spi.WorkflowListener() {
          @Override
          public void workItemCreated(WorkItem item) {
            heard.add("created " + item.id());
          }

          @Override
          public void workItemClaimed(WorkItem item) {
            heard.add("claimed " + item.id());
          }
        })
        .build()
        .deploy(ProcessDefinition.builder("install", 1)
            .step("visit", Performer.partner("installer"), "Install the router").build());
    Thread starter = new Thread(() -> engine.start(StartRequest.of("install", DANA, "k")));
    starter.setDaemon(true);
    starter.start();
    assertThat(creating.await(10, TimeUnit.SECONDS)).isTrue();
    WorkItem item = engine.claimNext("installer", "installer-1").orElseThrow();
    claimed.countDown();
    starter.join(10_000);
    assertThat(heard).containsExactly("created " + item.id(), "claimed " + item.id());
  }

  // ---------------------------------------------------------------------------------------------
  // Storage adapters.

  @Test
  @DisplayName("an InstanceRecord round-trips through the library's ObjectMapper")
  void instanceRecordJsonRoundTrip() throws Exception {
    InstanceStore store = InstanceStore.inMemory();
    WorkflowEngine engine = builder().store(store).build().deploy(suspension(1));
    ProcessInstance started = engine.start(StartRequest.of("suspension", DANA, "k").with("days", 10));
    engine.claim(started.workItem().orElseThrow(), "agent-1");
    InstanceRecord record = store.find(started.id()).orElseThrow().value();
    ObjectMapper mapper = Cemkit.objectMapper();
    String json = mapper.writeValueAsString(record);
    InstanceRecord back = mapper.readValue(json, InstanceRecord.class);
    assertThat(back).isEqualTo(record);
  }

  // ---------------------------------------------------------------------------------------------

  /** An audit log that refuses the next n appends. */
  private static final class FlakyAudit implements AuditLog {
    final AuditLog real = AuditLog.inMemory();
    final AtomicInteger failNext = new AtomicInteger();

    @Override
    public void append(AuditRecord record) {
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new StorageException("audit database down", new RuntimeException("timeout"));
      }
      real.append(record);
    }

    @Override
    public List<AuditRecord> records(ProcessInstanceId instance) {
      return real.records(instance);
    }

    @Override
    public int purge(ProcessInstanceId instance) {
      return real.purge(instance);
    }
  }

  /** An in-memory store that can refuse writes and reads, block in update, and answer start keys slowly. */
  private static final class FlakyStore implements InstanceStore {
    final InstanceStore real = InstanceStore.inMemory();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicBoolean updatesDown = new AtomicBoolean();
    final CountDownLatch inUpdate = new CountDownLatch(1);
    volatile CountDownLatch gate;
    volatile long byStartKeyLatencyMillis;

    private void check() {
      if (down.get()) {
        throw new StorageException("database down", new RuntimeException("timeout"));
      }
    }

    @Override
    public Versioned<InstanceRecord> insert(InstanceRecord record) {
      check();
      return real.insert(record);
    }

    @Override
    public Versioned<InstanceRecord> update(InstanceRecord record, long expectedRevision) {
      CountDownLatch g = gate;
      if (g != null) {
        inUpdate.countDown();
        try {
          g.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        gate = null;
        throw new StorageException("database down", new RuntimeException("timeout"));
      }
      check();
      if (updatesDown.get()) {
        throw new StorageException("database down", new RuntimeException("timeout"));
      }
      return real.update(record, expectedRevision);
    }

    @Override
    public Optional<Versioned<InstanceRecord>> find(ProcessInstanceId id) {
      check();
      return real.find(id);
    }

    @Override
    public Optional<Versioned<InstanceRecord>> byStartKey(String startKey) {
      check();
      Optional<Versioned<InstanceRecord>> found = real.byStartKey(startKey);
      long latency = byStartKeyLatencyMillis;
      if (latency > 0) {
        try {
          Thread.sleep(latency);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return found;
    }

    @Override
    public List<Versioned<InstanceRecord>> open() {
      check();
      return real.open();
    }

    @Override
    public List<ProcessInstanceId> endedBefore(String processKey, int version, java.time.Instant before, int limit) {
      check();
      return real.endedBefore(processKey, version, before, limit);
    }

    @Override
    public boolean delete(ProcessInstanceId id) {
      check();
      return real.delete(id);
    }
  }

}
