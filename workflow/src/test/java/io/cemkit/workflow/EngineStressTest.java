package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cemkit.core.CemkitException;
import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.ProcessSummary;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.StorageException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.VirtualClock;
import io.cemkit.core.spi.Versioned;
import io.cemkit.core.testing.StressRun;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.InstanceStore;
import io.cemkit.workflow.spi.WorkflowListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


/**
 * The step engine under {@value StressRun#THREADS} threads for a bounded time (issue #10): a seeded mix of
 * starts (new, repeated and conflicting idempotency keys, some racing for the same key), claims racing for
 * the same items, leases, releases, completions (by the holder, the same completion again from another
 * thread, and stale tokens), cancellations, retries of failed instances, and the scheduler's calls
 * ({@code fireTimers}, {@code expireLeases}, {@code checkDeadlines}) while a virtual clock moves on, readers
 * list queues, hands, instances and audit trails, the store refuses a write now and then and the audit log
 * goes down for a moment. Afterwards every invariant is checked exactly: each instance is in one consistent
 * state, in memory and in the store; its audit trail is a gap-free chain from its start to that state; each
 * work item was completed at most once and exactly when a completion returned; listeners heard each
 * transition, claim, alert and timer once; queue depths, hands and the store's open instances equal the
 * items and instances actually open; live insight equals insight replayed from the audit log (but for the
 * performer an open escalated item is counted under, see {@code checkInvariants}); and an engine rebuilt
 * on the store sees the same queues and hands.
 *
 * <p>How long and which seed: see {@link StressRun} ({@code -Dcemkit.stress.seconds}, {@code -Psoak}).
 */
class EngineStressTest {
  private static final String PROCESS = "stress";
  private static final String AGENTS = "agents";
  private static final String SUPERVISORS = "supervisors";
  private static final String INSTALLERS = "installers";
  private static final List<String> QUEUES = List.of(AGENTS, SUPERVISORS, INSTALLERS);
  private static final Set<String> WAITING_STEPS = Set.of("answer", "install", "cool-off");
  private static final int CUSTOMERS = 16;
  private static final int CAPACITY = 4;
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /**
   * intake (handler classify: the start's "path" variable picks the way; fails once when "flaky") ->
   * answer (queue agents, escalated to supervisors when the first response is late; "again" loops) |
   * install (partner installers, leased; "again" loops) | cool-off (timer, 45 minutes) -> check (handler
   * verify) -> the end.
   */
  private static ProcessDefinition definition() {
    return ProcessDefinition.builder(PROCESS, 1)
        .sla(SlaTarget.of(Duration.ofHours(2), Duration.ofHours(8)))
        .step("intake", Performer.automated("classify"), "Classify the request")
            .onOutcome("human", "answer").onOutcome("partner", "install").onOutcome("timer", "cool-off")
            .otherwiseEnd()
        .step("answer", Performer.queue(AGENTS), "Answer the customer")
            .escalate(SlaAlert.RESPONSE_BREACHED, SUPERVISORS)
            .onOutcome("again", "answer").onOutcome("partner", "install").otherwise("check")
        .step("install", Performer.partner(INSTALLERS), "Install on site")
            .onOutcome("again", "install").otherwise("check")
        .step("cool-off", Performer.timer(Duration.ofMinutes(45)), "Give the customer time").then("answer")
        .step("check", Performer.automated("verify"), "Verify the work")
        .build();
  }

  @Test
  @DisplayName("8 threads start, claim, lease, release, complete (twice, and with stale tokens), cancel, retry and "
      + "run the scheduler while readers list; afterwards instances, audit trails, listeners, queues and hands agree")
  void engineUnderLoad() throws InterruptedException {
    StressRun run = StressRun.of("EngineStressTest", 1.0);
    for (int round = 0; round < run.rounds(); round++) {
      World world = new World(run);
      run.run(world::worker);
      world.settle();
      long checking = System.nanoTime();
      run.verify(world::checkInvariants);
      LoggerHolder.LOG.info("EngineStressTest: invariants checked in {} ms",
          (System.nanoTime() - checking) / 1_000_000);
    }
    run.logReport();
  }

  // ------------------------------------------------------------------------------------------
  // Fault injection

  /** The worker's random source while its operation may see a refused store write; unset for the scheduler. */
  private static final ThreadLocal<Random> FAULTS = new ThreadLocal<>();

  /** The in-memory store, refusing about one write in 300 of the operations that allow it. */
  private static final class FaultyStore implements InstanceStore {
    final InstanceStore real = InstanceStore.inMemory();
    final LongAdder refused = new LongAdder();

    private void maybeFail() {
      Random random = FAULTS.get();
      if (random != null && random.nextInt(300) == 0) {
        refused.increment();
        throw new StorageException("injected: store refused the write", new RuntimeException("stress"));
      }
    }

    @Override
    public Versioned<InstanceRecord> insert(InstanceRecord record) {
      maybeFail();
      return real.insert(record);
    }

    @Override
    public Versioned<InstanceRecord> update(InstanceRecord record, long expectedRevision) {
      maybeFail();
      return real.update(record, expectedRevision);
    }

    @Override
    public Optional<Versioned<InstanceRecord>> find(ProcessInstanceId id) {
      return real.find(id);
    }

    @Override
    public Optional<Versioned<InstanceRecord>> byStartKey(String startKey) {
      return real.byStartKey(startKey);
    }

    @Override
    public List<Versioned<InstanceRecord>> open() {
      return real.open();
    }

    @Override
    public List<ProcessInstanceId> endedBefore(String processKey, int version, Instant before, int limit) {
      return real.endedBefore(processKey, version, before, limit);
    }

    @Override
    public boolean delete(ProcessInstanceId id) {
      return real.delete(id);
    }
  }

  /** The in-memory audit log, down for the next few appends after {@link #outage()}. */
  private static final class FlakyAudit implements AuditLog {
    final AuditLog real = AuditLog.inMemory();
    final AtomicInteger down = new AtomicInteger();
    final LongAdder refused = new LongAdder();

    void outage() {
      down.set(3);
    }

    @Override
    public void append(AuditRecord record) {
      if (down.get() > 0 && down.getAndDecrement() > 0) {
        refused.increment();
        throw new StorageException("injected: audit log down", new RuntimeException("stress"));
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

  // ------------------------------------------------------------------------------------------
  // What the listeners heard

  /** Records every listener call, per instance where it matters. */
  private static final class Heard implements WorkflowListener {
    final Map<ProcessInstanceId, List<AuditRecord>> transitions = new ConcurrentHashMap<>();
    final Map<ProcessInstanceId, AtomicInteger> started = new ConcurrentHashMap<>();
    final Map<ProcessInstanceId, AtomicInteger> ended = new ConcurrentHashMap<>();
    final LongAdder failed = new LongAdder();
    final Map<WorkItemId, AtomicInteger> created = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> claimedTokens = new ConcurrentHashMap<>();
    final Map<String, WorkItem> expired = new ConcurrentHashMap<>();
    final LongAdder expiredEvents = new LongAdder();
    final LongAdder timersFired = new LongAdder();
    final Map<ProcessInstanceId, Set<SlaAlert>> alerts = new ConcurrentHashMap<>();
    final LongAdder alertEvents = new LongAdder();
    final List<String> doubled = Collections.synchronizedList(new ArrayList<>());
    final List<WorkItem[]> escalations = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void instanceStarted(ProcessInstance instance) {
      started.computeIfAbsent(instance.id(), id -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void transitioned(AuditRecord record) {
      List<AuditRecord> trail = transitions.computeIfAbsent(record.instance(),
          id -> Collections.synchronizedList(new ArrayList<>()));
      synchronized (trail) {
        if (!trail.isEmpty() && trail.get(trail.size() - 1).sequence() >= record.sequence()) {
          doubled.add("transition " + record.instance() + " #" + record.sequence() + " heard after #"
              + trail.get(trail.size() - 1).sequence());
        }
        trail.add(record);
      }
    }

    @Override
    public void workItemCreated(WorkItem item) {
      created.computeIfAbsent(item.id(), id -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void workItemClaimed(WorkItem item) {
      claimedTokens.computeIfAbsent(item.token(), t -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void leaseExpired(WorkItem item) {
      expiredEvents.increment();
      if (expired.putIfAbsent(item.token(), item) != null) {
        doubled.add("lease of " + item.id() + " by " + item.claimedBy().orElse("?") + " expired twice");
      }
    }

    @Override
    public void timerFired(WorkItem item) {
      timersFired.increment();
    }

    @Override
    public void slaAlert(ProcessInstance instance, SlaAlert alert, Instant at) {
      alertEvents.increment();
      if (!alerts.computeIfAbsent(instance.id(), id -> ConcurrentHashMap.newKeySet()).add(alert)) {
        doubled.add("alert " + alert + " of " + instance.id() + " heard twice");
      }
    }

    @Override
    public void escalated(WorkItem from, WorkItem to, SlaAlert alert) {
      escalations.add(new WorkItem[] {from, to});
    }

    @Override
    public void instanceFailed(ProcessInstance instance) {
      failed.increment();
    }

    @Override
    public void instanceEnded(ProcessInstance instance) {
      ended.computeIfAbsent(instance.id(), id -> new AtomicInteger()).incrementAndGet();
    }
  }

  // ------------------------------------------------------------------------------------------
  // The shared world and the workers

  /** A start request whose first call another thread may race with. */
  private record StartOffer(StartRequest request) {}

  /** A completion another thread may repeat. */
  private record CompletionOffer(WorkItem item, String outcome) {}

  private static final class World {
    final StressRun run;
    final VirtualClock clock = VirtualClock.at(T0);
    final FaultyStore store = new FaultyStore();
    final FlakyAudit audit = new FlakyAudit();
    final Heard heard = new Heard();
    final ProcessInsight insight = ProcessInsight.create(definition());
    /** How often each instance's classify handler ran: it fails the first time for a "flaky" instance. */
    final Map<ProcessInstanceId, AtomicInteger> classified = new ConcurrentHashMap<>();
    final WorkflowEngine engine;

    /** Every instance a start created, in the order its first start returned. */
    final List<ProcessInstanceId> started = Collections.synchronizedList(new ArrayList<>());
    final Map<String, ProcessInstanceId> byKey = new ConcurrentHashMap<>();
    final List<StartRequest> requests = Collections.synchronizedList(new ArrayList<>());
    final Set<ProcessInstanceId> flaky = ConcurrentHashMap.newKeySet();
    final List<ProcessInstanceId> flakyList = Collections.synchronizedList(new ArrayList<>());
    final ConcurrentLinkedQueue<StartOffer> startOffers = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<CompletionOffer> completionOffers = new ConcurrentLinkedQueue<>();
    /** The token each completed item was completed with, from every completion that returned. */
    final Map<WorkItemId, String> completedWith = new ConcurrentHashMap<>();
    /** The next item a completion handed over, from every completion that returned one. */
    final Map<WorkItemId, WorkItem> handedOver = new ConcurrentHashMap<>();
    /** Every token a claim, a lease or a hand-over returned. */
    final Set<String> claimTokens = ConcurrentHashMap.newKeySet();
    final Set<ProcessInstanceId> cancelled = ConcurrentHashMap.newKeySet();
    final LongAdder retried = new LongAdder();
    final LongAdder fired = new LongAdder();
    final LongAdder leasesEnded = new LongAdder();
    final LongAdder alertsRaised = new LongAdder();
    final AtomicInteger outages = new AtomicInteger();
    final int maxOutages;

    World(StressRun run) {
      this.run = run;
      this.maxOutages = (int) Math.max(1, 2 * run.roundSeconds());
      this.engine = builder().listener(heard).listener(insight).build().deploy(definition());
    }

    WorkflowEngine.Builder builder() {
      return WorkflowEngine.builder().clock(clock).store(store).audit(audit).node("s")
          .capacity(p -> CAPACITY)
          .handler("classify", ctx -> {
            int attempt = classified.computeIfAbsent(ctx.instance(), id -> new AtomicInteger()).incrementAndGet();
            if (Boolean.TRUE.equals(ctx.variables().get("flaky")) && attempt == 1) {
              throw new IllegalStateException("flaky classifier");
            }
            return StepResult.of((String) ctx.variables().get("path"));
          })
          .handler("verify", ctx -> StepResult.of("verified"));
    }

    /** One worker: its own performers, the items it holds, the tokens it gave up. */
    StressRun.Operation worker(int index, StressRun run) {
      String agent = "agent-" + index;
      String partner = "partner-" + index;
      List<WorkItem> held = new ArrayList<>();
      List<WorkItem> gaveUp = new ArrayList<>();
      int[] keys = new int[1];
      return random -> {
        FAULTS.set(random);
        try {
          step(random, index, agent, partner, held, gaveUp, keys);
        } finally {
          FAULTS.remove();
        }
      };
    }

    private void step(Random random, int index, String agent, String partner, List<WorkItem> held,
        List<WorkItem> gaveUp, int[] keys) {
      if (random.nextInt(2_000) == 0 && outages.incrementAndGet() <= maxOutages) {
        // A few per second of the round at most: each costs the engine a WARN line per refused drain.
        audit.outage();
        run.count("audit", "outage");
      }
      if (random.nextInt(100_000) == 0) {
        // Reads every record taken so far: rare, or it would dominate the run.
        insight.report(clock.instant());
        run.count("read", "insight");
      }
      int dice = random.nextInt(1000);
      if (dice < 110) {
        start(random, index, keys);
      } else if (dice < 140) {
        repeatStart(random);
      } else if (dice < 145) {
        conflictingStart(random);
      } else if (dice < 275) {
        String queue = random.nextInt(10) < 7 ? AGENTS : SUPERVISORS;
        claimed("claimNext", agent, held, () -> engine.claimNext(queue, agent));
      } else if (dice < 335) {
        Duration term = Duration.ofMinutes(20 + random.nextInt(100));
        claimed("leaseNext", partner, held, () -> engine.leaseNext(INSTALLERS, partner, term));
      } else if (dice < 395) {
        claimListed(random, agent, partner, held);
      } else if (dice < 565) {
        completeHeld(random, agent, partner, held);
      } else if (dice < 605) {
        completeOffered();
      } else if (dice < 635) {
        completeStale(random, gaveUp);
      } else if (dice < 675) {
        release(random, held, gaveUp);
      } else if (dice < 690) {
        cancel(random, agent);
      } else if (dice < 710) {
        retry(random);
      } else if (dice < 760) {
        scheduler(random);
      } else if (dice < 785) {
        clock.advance(Duration.ofMinutes(2 + random.nextInt(19)));
        run.count("clock", "advanced");
      } else if (dice < 805) {
        held.clear();
        held.addAll(engine.heldBy(agent));
        held.addAll(engine.heldBy(partner));
        run.count("heldBy", "resync");
      } else {
        read(random, agent);
      }
    }

    // ---------------------------------------------------------------- starts

    private StartRequest request(CustomerId customer, String key, Random random) {
      int way = random.nextInt(100);
      String path = way < 45 ? "human" : way < 65 ? "partner" : way < 85 ? "timer" : "done";
      return StartRequest.of(PROCESS, customer, key).with("path", path).with("flaky", random.nextInt(10) == 0);
    }

    private void start(Random random, int index, int[] keys) {
      StartRequest request = request(CustomerId.of("C-" + random.nextInt(CUSTOMERS)), "k-" + index + "-" + keys[0]++,
          random);
      if (random.nextInt(10) < 3) {
        // Another thread may start the same request at the same time: both must get the same instance.
        startOffers.add(new StartOffer(request));
        Thread.yield();
      }
      startAndRecord("start", request);
    }

    private void startAndRecord(String kind, StartRequest request) {
      ProcessInstance instance;
      try {
        instance = engine.start(request);
      } catch (StorageException refused) {
        run.count(kind, "storage-refused");
        return;
      }
      ProcessInstanceId first = byKey.putIfAbsent(request.idempotencyKey(), instance.id());
      if (first == null) {
        started.add(instance.id());
        requests.add(request);
        if (Boolean.TRUE.equals(request.variables().get("flaky"))) {
          flaky.add(instance.id());
          flakyList.add(instance.id());
        }
        run.count(kind, "new");
      } else {
        assertThat(instance.id()).as("a repeated start with key %s", request.idempotencyKey()).isEqualTo(first);
        run.count(kind, "same-instance");
      }
    }

    private void repeatStart(Random random) {
      StartOffer offer = random.nextBoolean() ? startOffers.poll() : null;
      if (offer != null) {
        startAndRecord("startRace", offer.request());
        return;
      }
      StartRequest earlier = pick(requests, random);
      if (earlier == null) {
        run.count("startAgain", "nothing");
        return;
      }
      ProcessInstance again = engine.start(earlier);
      assertThat(again.id()).as("a repeated start with key %s", earlier.idempotencyKey())
          .isEqualTo(byKey.get(earlier.idempotencyKey()));
      run.count("startAgain", "same-instance");
    }

    private void conflictingStart(Random random) {
      StartRequest earlier = pick(requests, random);
      if (earlier == null) {
        run.count("startConflict", "nothing");
        return;
      }
      StartRequest other = StartRequest.of(PROCESS, CustomerId.of("C-other"), earlier.idempotencyKey());
      try {
        engine.start(other);
        fail("a start with key %s for another customer was not refused", earlier.idempotencyKey());
      } catch (StartConflictException refused) {
        assertThat(refused).hasMessageContaining(byKey.get(earlier.idempotencyKey()).value());
        run.count("startConflict", "refused");
      }
    }

    // ---------------------------------------------------------------- claims

    @FunctionalInterface
    private interface Claim {
      Optional<WorkItem> claim();
    }

    private void claimed(String kind, String performer, List<WorkItem> held, Claim claim) {
      try {
        Optional<WorkItem> item = claim.claim();
        if (item.isEmpty()) {
          run.count(kind, "empty");
          return;
        }
        took(performer, held, item.get());
        run.count(kind, "claimed");
      } catch (CapacityExceededException full) {
        run.count(kind, "capacity");
      } catch (StorageException refused) {
        run.count(kind, "storage-refused");
      }
    }

    private void took(String performer, List<WorkItem> held, WorkItem item) {
      assertThat(item.claimedBy()).as("claimed %s", item.id()).contains(performer);
      claimTokens.add(item.token());
      held.add(item);
    }

    /** Claims (or leases) an item seen in a queue listing: other threads race for the same ones. */
    private void claimListed(Random random, String agent, String partner, List<WorkItem> held) {
      String queue = QUEUES.get(random.nextInt(QUEUES.size()));
      List<WorkItem> listed = engine.queued(queue, 8);
      if (listed.isEmpty()) {
        run.count("claimListed", "empty");
        return;
      }
      WorkItem item = listed.get(random.nextInt(listed.size()));
      try {
        if (queue.equals(INSTALLERS)) {
          took(partner, held, engine.lease(item.id(), partner, Duration.ofMinutes(20 + random.nextInt(100))));
        } else {
          took(agent, held, engine.claim(item.id(), agent));
        }
        run.count("claimListed", "claimed");
      } catch (WorkItemStateException lost) {
        // Someone else took it, or completed it, meanwhile.
        run.count("claimListed", "taken");
      } catch (UnknownEntityException gone) {
        assertCancelled(item.instance(), gone);
        run.count("claimListed", "cancelled");
      } catch (CapacityExceededException full) {
        run.count("claimListed", "capacity");
      } catch (StorageException refused) {
        run.count("claimListed", "storage-refused");
      }
    }

    private void release(Random random, List<WorkItem> held, List<WorkItem> gaveUp) {
      if (held.isEmpty()) {
        run.count("release", "nothing");
        return;
      }
      WorkItem item = held.remove(random.nextInt(held.size()));
      try {
        WorkItem back = engine.release(item.id(), item.claimedBy().orElseThrow());
        assertThat(back.claimedBy()).isEmpty();
        assertThat(back.token()).isNotEqualTo(item.token());
        remember(gaveUp, item);
        run.count("release", "released");
      } catch (WorkItemStateException notHeld) {
        // Escalated away from its holder, or its lease ended; or completed, maybe with this very token by the
        // thread it was offered to: not known to be stale, so not remembered as such.
        run.count("release", "not-held");
      } catch (UnknownEntityException gone) {
        assertCancelled(item.instance(), gone);
        run.count("release", "cancelled");
      } catch (StorageException refused) {
        held.add(item);
        run.count("release", "storage-refused");
      }
    }

    private static void remember(List<WorkItem> gaveUp, WorkItem item) {
      if (gaveUp.size() == 16) {
        gaveUp.remove(0);
      }
      gaveUp.add(item);
    }

    // ---------------------------------------------------------------- completions

    private String outcome(WorkItem item, Random random) {
      int dice = random.nextInt(100);
      if (item.step().equals("answer")) {
        return dice < 20 ? "again" : dice < 35 ? "partner" : "done";
      }
      return dice < 15 ? "again" : "done";
    }

    private void completeHeld(Random random, String agent, String partner, List<WorkItem> held) {
      if (held.isEmpty()) {
        run.count("complete", "nothing");
        return;
      }
      WorkItem item = held.remove(random.nextInt(held.size()));
      String outcome = outcome(item, random);
      if (random.nextInt(4) == 0) {
        // Another thread completes it too, maybe at the same moment: one effect, the same answer.
        completionOffers.add(new CompletionOffer(item, outcome));
        Thread.yield();
      }
      String result = complete("complete", item, outcome, held);
      if (result.equals("storage-refused")) {
        held.add(item);
      }
    }

    private void completeOffered() {
      CompletionOffer offer = completionOffers.poll();
      if (offer == null) {
        run.count("completeAgain", "nothing");
        return;
      }
      complete("completeAgain", offer.item(), offer.outcome(), null);
    }

    /** Completes an item with the token it was claimed with; the outcome as counted. */
    private String complete(String kind, WorkItem item, String outcome, List<WorkItem> held) {
      String result;
      try {
        Completion done = engine.complete(item.id(), item.token(), StepResult.of(outcome));
        String first = completedWith.putIfAbsent(item.id(), item.token());
        assertThat(first == null || first.equals(item.token())).as("%s completed with two tokens", item.id())
            .isTrue();
        if (done.next().isPresent()) {
          WorkItem next = done.next().get();
          WorkItem before = handedOver.putIfAbsent(item.id(), next);
          assertThat(before == null || before.equals(next))
              .as("completions of %s handed over %s and %s", item.id(), before, next).isTrue();
          claimTokens.add(next.token());
          if (held != null && next.claimedBy().equals(item.claimedBy())) {
            held.add(next);
          }
          result = "completed+next";
        } else {
          result = "completed";
        }
      } catch (CompletionTokenException changed) {
        // Escalated (a new token), or its lease ended and the item went back or to someone else.
        result = "token-changed";
      } catch (WorkItemStateException leaseEnded) {
        assertThat(item.leasedUntil()).as("%s refused though not leased: %s", item.id(), leaseEnded.getMessage())
            .isPresent();
        result = "lease-ended";
      } catch (UnknownEntityException gone) {
        assertCancelled(item.instance(), gone);
        result = "cancelled";
      } catch (StorageException refused) {
        result = "storage-refused";
      }
      run.count(kind, result);
      return result;
    }

    /** A token its holder released (the release issued a new one) or a forged one never completes. */
    private void completeStale(Random random, List<WorkItem> gaveUp) {
      WorkItem item;
      String token;
      if (!gaveUp.isEmpty() && random.nextBoolean()) {
        item = gaveUp.get(random.nextInt(gaveUp.size()));
        token = item.token();
      } else {
        List<WorkItem> listed = engine.queued(QUEUES.get(random.nextInt(QUEUES.size())), 8);
        if (listed.isEmpty()) {
          run.count("completeStale", "nothing");
          return;
        }
        item = listed.get(random.nextInt(listed.size()));
        token = "forged-" + random.nextLong();
      }
      try {
        engine.complete(item.id(), token, StepResult.of("done"));
        fail("%s was completed with a stale token", item.id());
      } catch (CompletionTokenException refused) {
        assertThat(refused).hasMessageContaining(item.id().value());
        run.count("completeStale", "refused");
      } catch (UnknownEntityException gone) {
        assertCancelled(item.instance(), gone);
        run.count("completeStale", "cancelled");
      }
    }

    // ---------------------------------------------------------------- instances

    private void cancel(Random random, String agent) {
      ProcessInstanceId id = pick(started, random);
      if (id == null) {
        run.count("cancel", "nothing");
        return;
      }
      try {
        ProcessInstance cancelledNow = engine.cancel(id, agent, "stress: the customer withdrew");
        assertThat(cancelledNow.status()).isEqualTo(InstanceStatus.CANCELLED);
        cancelled.add(id);
        run.count("cancel", "cancelled");
      } catch (IllegalStateException completed) {
        assertThat(engine.instance(id).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
        run.count("cancel", "completed");
      } catch (StorageException refused) {
        run.count("cancel", "storage-refused");
      }
    }

    private void retry(Random random) {
      ProcessInstanceId id = pick(flakyList, random);
      if (id == null) {
        run.count("retry", "nothing");
        return;
      }
      try {
        engine.retry(id);
        retried.increment();
        run.count("retry", "retried");
      } catch (IllegalStateException notFailed) {
        run.count("retry", "not-failed");
      } catch (UnknownEntityException ended) {
        assertThat(engine.instance(id).orElseThrow().status().ended()).isTrue();
        run.count("retry", "ended");
      } catch (StorageException refused) {
        run.count("retry", "storage-refused");
      }
    }

    private void assertCancelled(ProcessInstanceId id, CemkitException why) {
      assertThat(engine.instance(id).orElseThrow().status()).as("%s: %s", id, why.getMessage())
          .isEqualTo(InstanceStatus.CANCELLED);
    }

    /** The host's scheduler; its store writes are never refused here, so that its counts are exact. */
    private void scheduler(Random random) {
      FAULTS.remove();
      switch (random.nextInt(3)) {
        case 0 -> {
          fired.add(engine.fireTimers());
          run.count("fireTimers", "called");
        }
        case 1 -> {
          leasesEnded.add(engine.expireLeases());
          run.count("expireLeases", "called");
        }
        default -> {
          alertsRaised.add(engine.checkDeadlines());
          run.count("checkDeadlines", "called");
        }
      }
    }

    // ---------------------------------------------------------------- readers

    private void read(Random random, String agent) {
      int dice = random.nextInt(100);
      if (dice < 30) {
        ProcessInstanceId id = pick(started, random);
        if (id != null) {
          List<AuditRecord> trail = audit.records(id);
          for (int i = 0; i < trail.size(); i++) {
            assertThat(trail.get(i).sequence()).as("audit trail of %s read during writes", id).isEqualTo(i + 1L);
          }
          ProcessInstance seen = engine.instance(id).orElseThrow();
          assertThat(seen.id()).isEqualTo(id);
        }
        run.count("read", "instance+audit");
      } else if (dice < 55) {
        String queue = QUEUES.get(random.nextInt(QUEUES.size()));
        List<WorkItem> listed = engine.queued(queue, 32);
        for (int i = 0; i < listed.size(); i++) {
          WorkItem item = listed.get(i);
          assertThat(item.claimedBy()).as("listed in %s: %s", queue, item).isEmpty();
          assertThat(item.performer().code()).isEqualTo(queue);
          if (i > 0) {
            WorkItem before = listed.get(i - 1);
            assertThat(before.createdAt().isBefore(item.createdAt()) || before.createdAt().equals(item.createdAt())
                && before.id().value().compareTo(item.id().value()) < 0).as("%s listed after %s", item, before)
                .isTrue();
          }
        }
        engine.queueDepth(queue);
        engine.oldestWaiting(queue);
        run.count("read", "queue");
      } else if (dice < 70) {
        for (WorkItem item : engine.heldBy(agent)) {
          assertThat(item.claimedBy()).contains(agent);
        }
        engine.inHand(agent);
        run.count("read", "hands");
      } else if (dice < 90) {
        CustomerId customer = CustomerId.of("C-" + random.nextInt(CUSTOMERS));
        List<ProcessSummary> open = engine.openFor(customer, clock.instant());
        assertThat(open).extracting(ProcessSummary::id).doesNotHaveDuplicates();
        run.count("read", "openFor");
      } else {
        ProcessInstanceId id = pick(started, random);
        if (id != null) {
          engine.instance(id).flatMap(ProcessInstance::workItem).ifPresent(engine::workItem);
        }
        run.count("read", "workItem");
      }
    }

    private static <T> T pick(List<T> list, Random random) {
      synchronized (list) {
        return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
      }
    }

    // ---------------------------------------------------------------- afterwards

    /** Sends what waits for the audit log (an outage may have left records behind). */
    void settle() {
      audit.down.set(0);
      fired.add(engine.fireTimers());
    }

    void checkInvariants() {
      List<ProcessInstanceId> ids = List.copyOf(started);
      assertThat(ids).as("instances started").doesNotHaveDuplicates().isNotEmpty();
      assertThat(new HashSet<>(byKey.values())).as("instances by idempotency key").isEqualTo(new HashSet<>(ids));
      assertThat(heard.doubled).as("events heard twice or out of order").isEmpty();

      Map<String, Set<WorkItem>> queued = new HashMap<>();
      Map<String, Set<WorkItem>> hands = new HashMap<>();
      Set<ProcessInstanceId> open = new HashSet<>();
      Map<CustomerId, Set<ProcessInstanceId>> openByCustomer = new HashMap<>();
      Set<WorkItemId> created = new HashSet<>();
      Set<WorkItemId> completedByPeople = new HashSet<>();
      Map<AuditRecord.Kind, Long> kinds = new TreeMap<>();
      long timerCompletions = 0;
      long transitions = 0;
      for (ProcessInstanceId id : ids) {
        Versioned<InstanceRecord> stored = store.real.find(id)
            .orElseThrow(() -> new AssertionError(id + " not stored"));
        InstanceRecord record = stored.value();
        ProcessInstance instance = record.instance();
        check(engine.instance(id).equals(Optional.of(instance)), "%s in memory %s, in the store %s", id,
            engine.instance(id), instance);
        List<AuditRecord> trail = audit.records(id);
        // Records stored while the audit log was down travel in the record until its next write: all sent.
        check(trail.containsAll(record.pendingAudit()), "%s: records that waited for the audit log not sent: %s", id,
            record.pendingAudit());
        check(trail.size() == record.transitions(), "%s: %d audit records for %d transitions", id, trail.size(),
            record.transitions());
        check(heard.transitions.getOrDefault(id, List.of()).equals(trail), "%s: transitions heard %s, audit trail %s",
            id, heard.transitions.get(id), trail);
        transitions += trail.size();
        trail.forEach(r -> kinds.merge(r.kind(), 1L, Long::sum));

        Chain chain = Chain.of(instance, trail);
        created.addAll(chain.created);
        completedByPeople.addAll(chain.completedByPeople);
        timerCompletions += chain.timerCompletions;

        Optional<WorkItem> item = record.openItem();
        switch (instance.status()) {
          case WAITING -> {
            WorkItem it = item.orElseThrow(() -> new AssertionError(id + " waits without a work item"));
            check(it.id().equals(chain.openItem) && it.step().equals(instance.step().orElseThrow()),
                "%s waits at %s with item %s; its trail opened %s", id, instance.step(), it, chain.openItem);
            if (it.dueAt().isEmpty()) {
              String where = it.claimedBy().orElse(null);
              if (where == null) {
                queued.computeIfAbsent(it.performer().code(), q -> new HashSet<>()).add(it);
              } else {
                hands.computeIfAbsent(where, p -> new HashSet<>()).add(it);
              }
            }
          }
          case FAILED -> {
            check(item.isEmpty() && instance.failure().filter(f -> f.contains("flaky classifier")).isPresent()
                && flaky.contains(id), "%s failed: %s, open item %s", id, instance.failure(), item);
          }
          case COMPLETED, CANCELLED -> {
            check(item.isEmpty() && instance.endedAt().isPresent(), "%s ended with open item %s", id, item);
          }
          default -> fail("unknown status " + instance.status());
        }
        if (!instance.status().ended()) {
          open.add(id);
          openByCustomer.computeIfAbsent(instance.customer(), c -> new HashSet<>()).add(id);
        }
        check(heard.started.containsKey(id) && heard.started.get(id).get() == 1, "%s start heard %s times", id,
            heard.started.get(id));
        AtomicInteger ends = heard.ended.get(id);
        check(instance.status().ended() ? ends != null && ends.get() == 1 : ends == null, "%s %s, end heard %s times",
            id, instance.status(), ends);
        Set<SlaAlert> raised = record.sla().map(SlaClock::raised).orElse(Set.of());
        check(heard.alerts.getOrDefault(id, Set.of()).equals(raised), "%s: alerts heard %s, raised %s", id,
            heard.alerts.get(id), raised);
      }
      assertThat(heard.started).as("starts heard").hasSize(ids.size());
      assertThat(heard.transitions.values().stream().mapToLong(List::size).sum()).as("transitions heard")
          .isEqualTo(transitions);

      // Each work item completed at most once, and exactly when a completion returned.
      assertThat(completedByPeople).as("items completed by people, by the audit trail")
          .isEqualTo(completedWith.keySet());
      assertThat(timerCompletions).as("timers fired").isEqualTo(fired.sum()).isEqualTo(heard.timersFired.sum());
      assertThat(heard.created.keySet()).as("work items created").isEqualTo(created);
      assertThat(heard.created.values().stream().filter(n -> n.get() != 1).count()).as("work items created twice")
          .isZero();
      assertThat(kinds.getOrDefault(AuditRecord.Kind.STARTED, 0L)).isEqualTo(ids.size());
      assertThat(kinds.getOrDefault(AuditRecord.Kind.RETRIED, 0L)).as("retries").isEqualTo(retried.sum());
      Set<ProcessInstanceId> stored = new HashSet<>(ids);
      assertThat(kinds.getOrDefault(AuditRecord.Kind.FAILED, 0L)).as("failures")
          .isEqualTo(flaky.stream().filter(stored::contains).count()).isEqualTo(heard.failed.sum());
      assertThat(ids.stream().filter(id -> engine.instance(id).orElseThrow().status() == InstanceStatus.CANCELLED))
          .as("cancelled instances").containsExactlyInAnyOrderElementsOf(cancelled);
      assertThat(kinds.getOrDefault(AuditRecord.Kind.CANCELLED, 0L)).isEqualTo(cancelled.size());

      // Claims, leases, alerts.
      assertThat(heard.claimedTokens.keySet()).as("claims heard").isEqualTo(claimTokens);
      assertThat(heard.claimedTokens.values().stream().filter(n -> n.get() != 1).count()).as("claims heard twice")
          .isZero();
      assertThat(heard.expiredEvents.sum()).as("leases ended").isGreaterThanOrEqualTo(leasesEnded.sum());
      for (WorkItem lease : heard.expired.values()) {
        check(lease.leasedUntil().isPresent() && claimTokens.contains(lease.token()), "lease ended: %s", lease);
        check(!lease.token().equals(completedWith.get(lease.id())), "%s completed with an expired lease's token",
            lease.id());
      }
      assertThat(heard.alertEvents.sum()).as("SLA alerts").isEqualTo(alertsRaised.sum());
      long breaches = heard.alerts.values().stream().filter(a -> a.contains(SlaAlert.RESPONSE_BREACHED)).count();
      assertThat(kinds.getOrDefault(AuditRecord.Kind.ESCALATED, 0L)).as("ESCALATED records")
          .isEqualTo(heard.escalations.size());
      assertThat(heard.escalations).as("escalations").hasSizeLessThanOrEqualTo((int) breaches)
          .allSatisfy(e -> {
            assertThat(e[0].performer()).isEqualTo(Performer.queue(AGENTS));
            assertThat(e[1].performer()).isEqualTo(Performer.queue(SUPERVISORS));
            assertThat(e[1].claimedBy()).isEmpty();
            assertThat(e[1].id()).isEqualTo(e[0].id());
          });

      // Queues and hands equal the open items, in this engine and in one rebuilt on the store.
      WorkflowEngine rebuilt = builder().build().deploy(definition());
      for (WorkflowEngine e : List.of(engine, rebuilt)) {
        String which = e == engine ? "engine" : "rebuilt engine";
        for (String queue : QUEUES) {
          Set<WorkItem> expected = queued.getOrDefault(queue, Set.of());
          assertThat(new HashSet<>(e.queued(queue, Integer.MAX_VALUE))).as("%s queue %s", which, queue)
              .isEqualTo(expected);
          assertThat(e.queueDepth(queue)).as("%s depth of %s", which, queue).isEqualTo(expected.size());
          assertThat(e.oldestWaiting(queue)).as("%s oldest in %s", which, queue)
              .isEqualTo(expected.stream().map(WorkItem::createdAt).min(Comparator.naturalOrder()));
        }
        for (int i = 0; i < StressRun.THREADS; i++) {
          for (String performer : List.of("agent-" + i, "partner-" + i)) {
            Set<WorkItem> expected = hands.getOrDefault(performer, Set.of());
            assertThat(new HashSet<>(e.heldBy(performer))).as("%s hands of %s", which, performer)
                .isEqualTo(expected);
            assertThat(e.inHand(performer)).as("%s inHand of %s", which, performer).isEqualTo(expected.size())
                .isLessThanOrEqualTo(CAPACITY);
          }
        }
        for (int c = 0; c < CUSTOMERS; c++) {
          CustomerId customer = CustomerId.of("C-" + c);
          assertThat(e.openFor(customer, clock.instant())).extracting(ProcessSummary::id)
              .as("%s open for %s", which, customer)
              .containsExactlyInAnyOrderElementsOf(openByCustomer.getOrDefault(customer, Set.of()));
        }
      }
      assertThat(hands.keySet()).allMatch(p -> p.startsWith("agent-") || p.startsWith("partner-"));
      assertThat(store.real.open()).extracting(v -> v.value().instance().id()).as("open in the store")
          .containsExactlyInAnyOrderElementsOf(open);

      // Insight: what the listener heard live equals a replay of the audit log, escalated items included (their
      // ESCALATED records name the queue they moved to).
      Instant now = clock.instant();
      List<AuditRecord> all = ids.stream().flatMap(id -> audit.records(id).stream()).collect(Collectors.toList());
      InsightReport replayed = ProcessInsight.create(definition()).replay(PROCESS, all).report(now);
      InsightReport live = insight.report(now);
      assertThat(live.from()).isEqualTo(replayed.from());
      assertThat(live.processes()).as("live process insight against the replayed audit log")
          .isEqualTo(replayed.processes());
      assertThat(live.steps()).as("live step insight against the replayed audit log").isEqualTo(replayed.steps());
      assertThat(live.performers()).as("live performer insight against the replayed audit log")
          .isEqualTo(replayed.performers());
      // Its backlog counts the instances open at each step (waiting or failed), no more, no less.
      Map<String, Long> openAt = open.stream().map(id -> engine.instance(id).orElseThrow().step().orElseThrow())
          .collect(Collectors.groupingBy(step -> step, TreeMap::new, Collectors.counting()));
      Map<String, Long> backlog = new TreeMap<>();
      live.steps().stream().filter(f -> f.backlog() > 0).forEach(f -> backlog.put(f.step().orElseThrow(), f.backlog()));
      assertThat(backlog).as("insight backlog per step").isEqualTo(openAt);
      assertThat(live.processes()).singleElement().satisfies(f -> assertThat(f.backlog()).as("insight backlog")
          .isEqualTo(open.size()));
      assertThat(live.performers().stream().mapToLong(InsightFigures::entered).sum())
          .as("stays counted under some performer, live and replayed")
          .isEqualTo(replayed.performers().stream().mapToLong(InsightFigures::entered).sum());

      LoggerHolder.LOG.info("EngineStressTest checked {} instances ({} open), {} transitions {}, {} claims, {} "
          + "completions by people, {} timers, {} lease ends, {} SLA alerts, {} escalations; injected {} store "
          + "refusals and {} audit refusals", ids.size(), open.size(), transitions, kinds, claimTokens.size(),
          completedWith.size(), fired.sum(), heard.expiredEvents.sum(), heard.alertEvents.sum(),
          heard.escalations.size(), store.refused.sum(), audit.refused.sum());
    }
  }

  /**
   * One instance's audit trail read as a chain: numbered from 1 without a gap, in time order, each record
   * leaving the step the one before it entered, ending where the instance is.
   */
  private static final class Chain {
    final Set<WorkItemId> created = new HashSet<>();
    final Set<WorkItemId> completedByPeople = new HashSet<>();
    long timerCompletions;
    WorkItemId openItem;

    static Chain of(ProcessInstance instance, List<AuditRecord> trail) {
      Chain chain = new Chain();
      ProcessInstanceId id = instance.id();
      check(!trail.isEmpty(), "%s has no audit trail", id);
      String at = null;
      boolean ended = false;
      AuditRecord before = null;
      WorkItemId waiting = null;
      for (int i = 0; i < trail.size(); i++) {
        AuditRecord r = trail.get(i);
        check(r.instance().equals(id) && r.sequence() == i + 1L, "%s: record %d of its trail is %s", id, i + 1, r);
        check(!ended, "%s: a record after the end: %s", id, r);
        if (i == 0) {
          check(r.kind() == AuditRecord.Kind.STARTED && r.to().equals(Optional.of("intake")),
              "%s: the first record is %s", id, r);
          at = "intake";
        } else {
          check(!r.at().isBefore(before.at()), "%s: %s before %s", id, r, before);
          check(r.from().equals(Optional.of(at)), "%s: %s does not leave %s, where the last record entered", id, r,
              at);
          if (r.kind() == AuditRecord.Kind.ESCALATED) {
            // An SLA escalation moved or raised the waiting item: the instance stays at its step.
            check(r.to().equals(r.from()) && waiting != null, "%s: %s escalates no waiting item", id, r);
            before = r;
            continue;
          }
          check(before.kind() != AuditRecord.Kind.FAILED || r.kind() == AuditRecord.Kind.RETRIED
              || r.kind() == AuditRecord.Kind.CANCELLED, "%s: %s after a failure", id, r);
          if (waiting != null) {
            // The item of the step left: completed once (by its holder or the timer) or cancelled.
            if (r.kind() == AuditRecord.Kind.COMPLETED) {
              if (at.equals("cool-off")) {
                check(r.actor().equals(Performer.Timer.ACTOR)
                    && r.outcome().equals(Optional.of(Performer.Timer.ELAPSED)), "%s: timer left by %s", id, r);
                chain.timerCompletions++;
              } else {
                check(HOLDER.matcher(r.actor()).matches() && r.claimedAt().isPresent(),
                    "%s: %s not completed by its holder", id, r);
                chain.completedByPeople.add(waiting);
              }
            } else {
              check(r.kind() == AuditRecord.Kind.CANCELLED, "%s: %s leaves a waiting step", id, r);
            }
            waiting = null;
          }
          switch (r.kind()) {
            case COMPLETED -> {
              at = r.to().orElse(null);
              ended = at == null;
            }
            case FAILED -> check(r.to().isEmpty(), "%s: %s", id, r);
            case RETRIED -> check(before.kind() == AuditRecord.Kind.FAILED && r.to().equals(Optional.of(at)),
                "%s: %s does not retry a failure", id, r);
            case CANCELLED -> ended = true;
            default -> fail("%s: a second start: %s", id, r);
          }
        }
        if (!ended && r.kind() != AuditRecord.Kind.FAILED && at != null && WAITING_STEPS.contains(at)) {
          waiting = WorkItemId.of(id.value() + "/" + r.sequence());
          chain.created.add(waiting);
        }
        before = r;
      }
      AuditRecord last = trail.get(trail.size() - 1);
      switch (instance.status()) {
        case COMPLETED -> check(last.kind() == AuditRecord.Kind.COMPLETED && last.to().isEmpty(),
            "%s completed; last record %s", id, last);
        case CANCELLED -> check(last.kind() == AuditRecord.Kind.CANCELLED, "%s cancelled; last record %s", id, last);
        case FAILED -> check(last.kind() == AuditRecord.Kind.FAILED && instance.step().equals(Optional.of(at)),
            "%s failed at %s; last record %s", id, instance.step(), last);
        case WAITING -> {
          check(instance.step().equals(Optional.of(at)), "%s waits at %s; its trail ends at %s", id,
              instance.step(), at);
          check(waiting != null, "%s waits at %s without an item in its trail", id, at);
          chain.openItem = waiting;
        }
        default -> fail("unknown status " + instance.status());
      }
      return chain;
    }
  }

  private static final java.util.regex.Pattern HOLDER = java.util.regex.Pattern.compile("(agent|partner)-\\d+");

  /**
   * A check for the loops over every instance and record, where an AssertJ chain per check would cost more
   * than the run it checks; the message is made only on failure.
   */
  private static void check(boolean holds, String message, Object... args) {
    if (!holds) {
      throw new AssertionError(String.format(Locale.ROOT, message, args));
    }
  }

  /** The test's logger. */
  private static final class LoggerHolder {
    static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineStressTest.class);
  }
}
