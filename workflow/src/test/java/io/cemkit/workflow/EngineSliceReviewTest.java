package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.StorageException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.spi.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Review of the engine slice since c076e94 (memory refactor, retention, leases, cancel, listings).
 * Each disabled test demonstrates a confirmed bug and passes once it is fixed; the enabled ones
 * document behaviour that was checked and holds.
 */
class EngineSliceReviewTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  private final VirtualClock clock = VirtualClock.at(T0);
  private final HookedStore store = new HookedStore();
  private final AuditLog audit = AuditLog.inMemory();
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "slice-review");
    t.setDaemon(true);
    return t;
  });

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** install (partner installers) -> report (partner installers). */
  private static ProcessDefinition installation() {
    return ProcessDefinition.builder("installation", 1)
        .step("install", Performer.partner("installers"), "Install the router").then("report")
        .step("report", Performer.partner("installers"), "Report the installation")
        .build();
  }

  /** first (agents) -> second (agents). */
  private static ProcessDefinition twoSteps() {
    return ProcessDefinition.builder("two", 1).retention(DAY)
        .step("first", Performer.queue("agents"), "First").then("second")
        .step("second", Performer.queue("agents"), "Second")
        .build();
  }

  /** review (agents), then the end. */
  private static ProcessDefinition oneHumanStep(Duration retention) {
    return ProcessDefinition.builder("review", 1).retention(retention)
        .step("review", Performer.queue("agents"), "Review")
        .build();
  }

  /** One automated step: completes as it starts. */
  private static ProcessDefinition automated(String key, Duration retention) {
    return ProcessDefinition.builder(key, 1).retention(retention)
        .step("do", Performer.automated("do"), "Do it")
        .build();
  }

  private WorkflowEngine.Builder builder() {
    return WorkflowEngine.builder().clock(clock).store(store).audit(audit).handler("do", ctx -> StepResult.of("ok"));
  }

  // =============================================================================================
  // Confirmed bugs (disabled so that the branch stays green)

  @Test
  @DisplayName("a definition kept for ever does not stop the purge of the others")
  void foreverRetention() {
    WorkflowEngine engine = builder().build()
        .deploy(automated("short", Duration.ofDays(30)))
        .deploy(automated("kept", ChronoUnit.FOREVER.getDuration()));
    ProcessInstance shortLived = engine.start(StartRequest.of("short", DANA, "s-1"));
    ProcessInstance kept = engine.start(StartRequest.of("kept", DANA, "k-1"));
    clock.advance(Duration.ofDays(31));

    assertThat(engine.purgeExpired(10)).isEqualTo(1);
    assertThat(engine.instance(shortLived.id())).isEmpty();
    assertThat(engine.instance(kept.id())).isPresent();
  }

  @Test
  @DisplayName("cancelling an instance whose definition is not deployed yet is refused as unknown, not as WAITING")
  void cancelBeforeDeploy() {
    WorkflowEngine first = builder().build().deploy(oneHumanStep(DAY));
    ProcessInstance started = first.start(StartRequest.of("review", DANA, "r-1"));

    WorkflowEngine restarted = builder().build(); // its definitions are not deployed yet
    assertThatThrownBy(() -> restarted.cancel(started.id(), "agent-7", "customer withdrew"))
        .isInstanceOf(UnknownEntityException.class);
  }

  @Test
  @DisplayName("queued() lists the items as stored, also while another operation's write is in progress")
  void queuedRunsAheadOfStorage() {
    WorkflowEngine engine = builder().build().deploy(twoSteps());
    engine.start(StartRequest.of("two", DANA, "t-1"));
    List<WorkItem> stored = engine.queued("agents", 10);
    WorkItem first = stored.get(0);
    List<WorkItem> seenDuringWrite = new ArrayList<>();
    store.beforeWrite = record -> {
      store.beforeWrite = null;
      seenDuringWrite.addAll(engine.queued("agents", 10)); // a lock-free read from another request
      throw new StorageException("database down", new RuntimeException("timeout"));
    };
    // Completing the unclaimed item with its queue token (as a partner would) creates "second".
    assertThatThrownBy(() -> engine.complete(first.id(), first.token(), StepResult.of("ok")))
        .isInstanceOf(StorageException.class);

    assertThat(engine.queued("agents", 10)).isEqualTo(stored);
    assertThat(seenDuringWrite).as("what a reader saw while the write was in progress").isEqualTo(stored);
  }

  @Test
  @DisplayName("a store that keeps milliseconds: a claimed item leaves its queue and claimNext returns")
  @Timeout(30)
  void millisecondStore() throws Exception {
    store.truncateToMillis = true;
    clock.advance(Duration.ofNanos(123_456_789));
    WorkflowEngine engine = builder().build().deploy(oneHumanStep(DAY));
    ProcessInstance started = engine.start(StartRequest.of("review", DANA, "r-1"));
    engine.claim(started.workItem().orElseThrow(), "ann");

    Future<Optional<WorkItem>> next = pool.submit(() -> engine.claimNext("agents", "bob"));
    try {
      // Today: a TimeoutException, the claimNext thread spins on the stale queue entry for ever.
      assertThat(next.get(2, TimeUnit.SECONDS)).isEmpty();
    } finally {
      next.cancel(true); // the spinning thread is a daemon; it does not check interrupts
    }
    assertThat(engine.queueDepth("agents")).isZero();
  }

  @Test
  @DisplayName("audit records refused while the log was down reach it after a restart (at least once)")
  void auditRecordsSurviveARestart() {
    AtomicBoolean down = new AtomicBoolean(true);
    AuditLog flaky = new AuditLog() {
      @Override
      public void append(AuditRecord record) {
        if (down.get()) {
          throw new StorageException("audit log down", new RuntimeException("timeout"));
        }
        audit.append(record);
      }

      @Override
      public List<AuditRecord> records(ProcessInstanceId instance) {
        return audit.records(instance);
      }

      @Override
      public int purge(ProcessInstanceId instance) {
        return audit.purge(instance);
      }
    };
    WorkflowEngine first = builder().audit(flaky).build().deploy(twoSteps());
    ProcessInstance started = first.start(StartRequest.of("two", DANA, "t-1")); // STARTED, in write 1
    first.claimNext("agents", "ann"); // write 2, no records: the stored outbox is now empty

    down.set(false);
    WorkflowEngine second = builder().audit(flaky).build().deploy(twoSteps());
    second.start(StartRequest.of("two", DANA, "t-2")); // drains the backlog
    assertThat(audit.records(started.id())).extracting(AuditRecord::kind).contains(AuditRecord.Kind.STARTED);
  }

  // =============================================================================================
  // Checked and found correct

  @Test
  @DisplayName("cancelling a leased item's instance frees the partner's hands and the lease index")
  void cancelLeased() {
    WorkflowEngine engine = builder().build().deploy(installation());
    ProcessInstance started = engine.start(StartRequest.of("installation", DANA, "i-1"));
    WorkItem leased = engine.lease(started.workItem().orElseThrow(), "acme", DAY);
    engine.cancel(started.id(), "agent-7", "customer withdrew");
    assertThat(engine.inHand("acme")).isZero();
    assertThat(engine.heldBy("acme")).isEmpty();
    assertThat(engine.queueDepth("installers")).isZero();
    clock.advance(DAY.multipliedBy(2));
    assertThat(engine.expireLeases()).isZero();
    assertThatThrownBy(() -> engine.complete(leased.id(), leased.token(), StepResult.of("installed")))
        .isInstanceOf(UnknownEntityException.class);
  }

  @Test
  @DisplayName("a refused write while taking over an ended lease leaves the late holder, its hands and its lease")
  void refusedTakeOver() {
    WorkflowEngine engine = builder().build().deploy(installation());
    ProcessInstance started = engine.start(StartRequest.of("installation", DANA, "i-1"));
    WorkItem leased = engine.lease(started.workItem().orElseThrow(), "acme", DAY);
    clock.advance(DAY);
    store.failWrites.set(true);
    assertThatThrownBy(() -> engine.lease(leased.id(), "bolt", DAY)).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> engine.expireLeases()).isInstanceOf(StorageException.class);
    store.failWrites.set(false);

    assertThat(engine.workItem(leased.id())).contains(leased);
    assertThat(engine.inHand("acme")).isEqualTo(1);
    assertThat(engine.inHand("bolt")).isZero();
    assertThat(engine.heldBy("acme")).containsExactly(leased);
    assertThat(engine.queueDepth("installers")).isZero();
    assertThat(engine.expireLeases()).isEqualTo(1);
    assertThat(engine.queueDepth("installers")).isEqualTo(1);
    assertThat(engine.inHand("acme")).isZero();
    assertThat(engine.expireLeases()).isZero();
  }

  @Test
  @DisplayName("a refused completion of a leased item keeps its successor out of the queue and the hands")
  void refusedCompletionWithNext() {
    WorkflowEngine engine = builder().capacity(p -> 1).build().deploy(installation());
    engine.start(StartRequest.of("installation", DANA, "i-1"));
    WorkItem leased = engine.leaseNext("installers", "acme", DAY).orElseThrow();
    store.failWrites.set(true);
    assertThatThrownBy(() -> engine.complete(leased.id(), leased.token(), StepResult.of("installed")))
        .isInstanceOf(StorageException.class);
    store.failWrites.set(false);
    assertThat(engine.inHand("acme")).isEqualTo(1);
    assertThat(engine.heldBy("acme")).containsExactly(leased);
    assertThat(engine.queueDepth("installers")).isZero();
    Completion done = engine.complete(leased.id(), leased.token(), StepResult.of("installed"));
    assertThat(done.next()).isPresent();
    assertThat(engine.inHand("acme")).isEqualTo(1);
    clock.advance(DAY);
    assertThat(engine.expireLeases()).isEqualTo(1);
    assertThat(engine.inHand("acme")).isZero();
    assertThat(engine.queueDepth("installers")).isEqualTo(1);
  }

  @Test
  @DisplayName("after a restart a claimed item is in its holder's hands, and released goes back to its queue")
  void restartOfAClaim() {
    WorkflowEngine first = builder().build().deploy(twoSteps());
    first.start(StartRequest.of("two", DANA, "t-1"));
    WorkItem claimed = first.claimNext("agents", "ann").orElseThrow();

    WorkflowEngine second = builder().build().deploy(twoSteps());
    assertThat(second.heldBy("ann")).containsExactly(claimed);
    assertThat(second.inHand("ann")).isEqualTo(1);
    assertThat(second.queueDepth("agents")).isZero();
    second.release(claimed.id(), "ann");
    assertThat(second.inHand("ann")).isZero();
    assertThat(second.heldBy("ann")).isEmpty();
    assertThat(second.queued("agents", 5)).extracting(WorkItem::id).containsExactly(claimed.id());
  }

  @Test
  @DisplayName("retention is due exactly at end + retention, not a nanosecond before")
  void purgeBoundary() {
    WorkflowEngine engine = builder().build().deploy(automated("short", DAY));
    clock.advance(Duration.ofNanos(7));
    ProcessInstance done = engine.start(StartRequest.of("short", DANA, "s-1"));
    clock.advance(DAY.minusNanos(1));
    assertThat(engine.purgeExpired(10)).isZero();
    clock.advance(Duration.ofNanos(1));
    assertThat(engine.purgeExpired(10)).isEqualTo(1);
    assertThat(engine.instance(done.id())).isEmpty();
  }

  @Test
  @DisplayName("new public methods refuse nulls and bad limits with the argument's name")
  void nullsAndLimits() {
    WorkflowEngine engine = builder().build().deploy(twoSteps());
    assertThatThrownBy(() -> engine.queued(null, 1)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("queue");
    assertThatThrownBy(() -> engine.queued("agents", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine.heldBy(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("performer");
    assertThatThrownBy(() -> engine.cancel(null, "a", "b")).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("instance");
    assertThatThrownBy(() -> engine.lease(null, "acme", DAY)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("item");
    assertThatThrownBy(() -> engine.leaseNext("agents", null, DAY)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("performer");
    assertThatThrownBy(() -> engine.purgeExpired(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @Timeout(60)
  @DisplayName("8 threads racing starts with one key on a process that ends at once all get the one instance")
  void racingStartsOfAnEvictedInstance() throws Exception {
    WorkflowEngine engine = builder().build().deploy(automated("short", DAY));
    for (int round = 0; round < 50; round++) {
      String key = "k-" + round;
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ProcessInstanceId>> ids = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        ids.add(pool.submit(() -> {
          go.await();
          return engine.start(StartRequest.of("short", DANA, key)).id();
        }));
      }
      go.countDown();
      ProcessInstanceId firstId = ids.get(0).get(10, TimeUnit.SECONDS);
      for (Future<ProcessInstanceId> id : ids) {
        assertThat(id.get(10, TimeUnit.SECONDS)).isEqualTo(firstId);
      }
    }
  }

  @Test
  @Timeout(120)
  @DisplayName("claim, lease, release, complete, cancel and expireLeases racing on one item leave every index "
      + "as stored")
  void racingOperationsKeepTheIndexes() throws Exception {
    for (int round = 0; round < 150; round++) {
      VirtualClock c = VirtualClock.at(T0);
      WorkflowEngine engine = WorkflowEngine.builder().clock(c).capacity(p -> 2).build().deploy(installation());
      ProcessInstance started = engine.start(StartRequest.of("installation", DANA, "i-" + round));
      WorkItemId item = started.workItem().orElseThrow();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> all = new ArrayList<>();
      String[] who = {"acme", "bolt", "core"};
      int r = round;
      for (int t = 0; t < 6; t++) {
        int n = t;
        all.add(pool.submit(() -> {
          go.await();
          String me = who[n % 3];
          for (int i = 0; i < 20; i++) {
            try {
              switch ((n + i + r) % 7) {
                case 0 -> engine.lease(item, me, Duration.ofMinutes(1 + i % 3));
                case 1 -> engine.leaseNext("installers", me, Duration.ofMinutes(2));
                case 2 -> engine.release(item, me);
                case 3 -> engine.workItem(item).filter(w -> w.claimedBy().filter(me::equals).isPresent())
                    .ifPresent(w -> engine.complete(w.id(), w.token(), StepResult.of("done")));
                case 4 -> c.advance(Duration.ofMinutes(1));
                case 5 -> engine.expireLeases();
                default -> {
                  if (i == 19 && n == 0 && r % 5 == 0) {
                    engine.cancel(started.id(), "agent", "withdrawn");
                  } else {
                    engine.claimNext("installers", me);
                  }
                }
              }
            } catch (WorkItemStateException | CapacityExceededException | UnknownEntityException
                | CompletionTokenException | IllegalStateException expected) {
              // refusals are part of the race
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : all) {
        f.get(30, TimeUnit.SECONDS);
      }
      // Every index agrees with what is stored.
      ProcessInstance now = engine.instance(started.id()).orElseThrow();
      Optional<WorkItem> open = now.workItem().flatMap(engine::workItem);
      int queued = open.filter(w -> w.claimedBy().isEmpty()).isPresent() ? 1 : 0;
      assertThat(engine.queueDepth("installers")).as("queue depth, round %d", round).isEqualTo(queued);
      for (String p : who) {
        int holds = open.flatMap(WorkItem::claimedBy).filter(p::equals).isPresent() ? 1 : 0;
        assertThat(engine.inHand(p)).as("inHand(%s), round %d", p, round).isEqualTo(holds);
        assertThat(engine.heldBy(p)).as("heldBy(%s), round %d", p, round).hasSize(holds);
      }
      c.advance(Duration.ofDays(1));
      int leased = open.flatMap(WorkItem::leasedUntil).isPresent() ? 1 : 0;
      assertThat(engine.expireLeases()).as("leases, round %d", round).isEqualTo(leased);
      boolean free = open.filter(w -> w.claimedBy().isEmpty() || w.leasedUntil().isPresent()).isPresent();
      assertThat(engine.claimNext("installers", "zed").isPresent()).isEqualTo(free);
    }
  }

}
