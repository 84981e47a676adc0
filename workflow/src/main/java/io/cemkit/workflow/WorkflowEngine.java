package io.cemkit.workflow;

import io.cemkit.core.AgreementId;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.ImmutableProcessSummary;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.ProcessSummary;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.internal.Checks;
import io.cemkit.core.spi.OpenProcesses;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.InstanceStore;
import io.cemkit.workflow.spi.SlaResolver;
import io.cemkit.workflow.spi.WorkflowListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step engine (W2, W3, W6, W7, W10 in part). It runs deployed {@link ProcessDefinition}s:
 * {@link #start} creates an instance pinned to a definition version and moves it on; automated
 * steps run inline through the registered {@link StepHandler}s until the instance waits for a person,
 * a partner or a timer, fails, or ends; human and partner steps become {@link WorkItem}s in the queue
 * named by their performer, timer steps ({@link Performer#timer}) items with a due time, in no queue.
 *
 * <ul>
 *   <li><b>Work queues.</b> {@link #claim}, {@link #claimNext} (highest {@linkplain WorkItem#priority()
 *       priority} first, then oldest) and {@link #release}; {@link #complete} needs only the item's id
 *       and token and returns the instance and the next item when it falls to the same performer. A
 *       claim issues a new token, so whoever released an item can no longer complete it. An item's
 *       priority starts at its instance's {@link StartRequest#priority()} and rises when an SLA alert
 *       escalates it ({@link ProcessDefinition.StepBuilder#raisePriority}). {@link #queueDepth} is
 *       O(1), {@link #oldestWaiting} O(p) for p distinct priorities waiting in the queue.
 *   <li><b>Timers.</b> A timer step's item is due at its entry time plus the delay (working time on
 *       the timer's business calendar, if it names one); the instance is
 *       {@link InstanceStatus#WAITING} there. Nobody can claim, lease, release or complete the item
 *       ({@link WorkItemStateException}); {@link #fireTimers()}, called from the host's scheduler,
 *       completes each due one with the outcome {@link Performer.Timer#ELAPSED}. Timers survive a
 *       restart (they are in the stored records) and are found by due time, without a scan.
 *   <li><b>Capacity.</b> A performer holds at most {@code capacity(performer)} claimed items
 *       (unlimited by default); a claim beyond it throws {@link CapacityExceededException}.
 *   <li><b>Guarantees.</b> One writer per instance: operations on an instance are serialised by
 *       its own lock, so concurrent use never surfaces an optimistic-lock failure. A repeated
 *       {@link StartRequest#idempotencyKey()} returns the first instance (a different request with
 *       the same key is a {@link StartConflictException}); completing an item again with its token
 *       has no second effect and returns the same next item, also after a restart (the last
 *       {@value #COMPLETED_KEPT} completions of each instance are remembered).
 *   <li><b>Failures.</b> A handler or a route condition that throws leaves the instance
 *       {@link InstanceStatus#FAILED} at its step with the reason; {@link #retry} runs the step again,
 *       or, when the step had completed and only its route failed, routes again without redoing it.
 *   <li><b>Storage.</b> Every operation writes the instance's one {@link InstanceRecord} through the
 *       {@link InstanceStore}. If anything fails before that write succeeds, the instance is put back
 *       exactly as it was last stored (from memory, without reading the store) and the error
 *       propagates: memory never runs ahead of storage. An engine built on a store that holds open
 *       instances resumes each of them, in its queue place, when its definition version is deployed.
 *       One engine per store at a time in this release. Completed instances leave memory;
 *       {@link #instance} reads them from the store.
 *   <li><b>Audit.</b> One {@link AuditRecord} per transition (and one per SLA escalation of a work item,
 *       {@link AuditRecord.Kind#ESCALATED}), sent to the {@link AuditLog} once the
 *       instance is stored (an outbox): a refused operation leaves no record, and an audit log that
 *       is down delays records (they travel in the instance's record and are sent again) without
 *       failing the work. Delivery is at least once; {@code (instance, sequence)} identifies a record.
 *       Records not yet sent travel in every later write of their instance, and an engine built on
 *       the store sends those of open instances again. Limit: an instance that ends while the audit
 *       log is down keeps its last records in its stored record ({@code pendingAudit}); if the engine
 *       is restarted before the log comes back, they are not sent again (read them from the store).
 * </ul>
 *
 * <p>Handlers and route conditions run under the instance's lock: they may read the engine but not
 * change it (a write from inside one throws {@link IllegalStateException}; act in a listener).
 * Listeners are called after the change is stored, outside the lock, in order per instance; an
 * exception from one does not stop the others and reaches the caller afterwards. The engine is the
 * customer context's {@link OpenProcesses}. Thread-safe.
 */
public final class WorkflowEngine implements OpenProcesses {
  /** The most automated steps one call may run inline before the instance is failed as looping. */
  public static final int MAX_INLINE_STEPS = 10_000;
  /** The longest lease term, 36,500 days: beyond any real lease, and its end is always a valid instant. */
  public static final Duration MAX_LEASE = Duration.ofDays(36_500);
  /** How many completed work items per instance keep their token digest for duplicate detection. */
  public static final int COMPLETED_KEPT = 32;

  private static final String ENGINE = "engine";
  /** True while a handler or route condition runs on this thread (unset means false). */
  private static final ThreadLocal<Boolean> IN_STEP = new ThreadLocal<>();

  private final Clock clock;
  private final Map<String, StepHandler> handlers;
  private final AuditLog audit;
  private final List<WorkflowListener> listeners;
  private final ToIntFunction<String> capacity;
  private final Map<String, BusinessCalendar> calendars;
  private final SlaResolver slaResolver;
  private final double slaWarningShare;
  /** Pending SLA alerts by their time, so that finding the due ones does not scan the open instances. */
  private final ConcurrentSkipListSet<AlertKey> alerts = new ConcurrentSkipListSet<>();
  private final InstanceStore store;
  private final String node;
  private final Map<String, List<Versioned<InstanceRecord>>> pending = new ConcurrentHashMap<>();
  private final CustomerIndex byCustomer = new CustomerIndex();
  private final Map<String, NavigableMap<Integer, ProcessDefinition>> definitions = new ConcurrentHashMap<>();
  /** The open instances; an open work item is found through its instance (its id names it). */
  private final Map<ProcessInstanceId, Run> runs = new ConcurrentHashMap<>();
  private final Map<String, WorkQueue> queues = new ConcurrentHashMap<>();
  /** The claimed items each performer holds (their count, for capacity, is {@link #inHand}). */
  private final Map<String, Set<WorkItemId>> holding = new ConcurrentHashMap<>();
  /** Running leases by their end, so that expiring them does not scan the open items. */
  private final ConcurrentSkipListSet<DueKey> leases = new ConcurrentSkipListSet<>();
  /** Timer steps' items by their due time, so that firing them does not scan the open items. */
  private final ConcurrentSkipListSet<DueKey> timers = new ConcurrentSkipListSet<>();
  /** Idempotency keys of starts in progress; once stored, the store answers for the key. */
  private final Map<String, ProcessInstanceId> startKeys = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> inHand = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<AuditRecord> auditBacklog = new ConcurrentLinkedQueue<>();
  private final AtomicLong sequence = new AtomicLong();

  private WorkflowEngine(Builder builder) {
    this.clock = builder.clock;
    this.handlers = Map.copyOf(builder.handlers);
    this.audit = builder.audit;
    this.listeners = List.copyOf(builder.listeners);
    this.capacity = builder.capacity;
    this.calendars = Map.copyOf(builder.calendars);
    this.slaResolver = builder.slaResolver;
    this.slaWarningShare = builder.slaWarningShare;
    this.store = builder.store;
    this.node = builder.node;
    for (Versioned<InstanceRecord> record : store.open()) {
      ProcessInstance instance = record.value().instance();
      List<Versioned<InstanceRecord>> waiting = pending.get(label(instance.processKey(), instance.version()));
      if (waiting == null) {
        waiting = new ArrayList<>();
        pending.put(label(instance.processKey(), instance.version()), waiting);
      }
      waiting.add(record);
    }
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static String label(String key, int version) {
    return key + " v" + version;
  }

  /**
   * Deploys a definition version and resumes the stored open instances pinned to it (their timers
   * included: one that came due meanwhile fires at the next {@link #fireTimers()}). Its automated
   * steps' handlers and its timer steps' calendars must be registered.
   *
   * @param definition the definition
   * @return this engine
   * @throws InvalidDefinitionException if a handler is missing, or a calendar a timer step names is not
   *     registered ({@link ProcessDefinition#timerCalendars()})
   * @throws DuplicateEntityException if another definition with the same key and version is deployed
   */
  public WorkflowEngine deploy(ProcessDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    // Plain loops, no lambdas or streams: deploying is on an engine's cold start path.
    List<String> missing = new ArrayList<>();
    for (String handler : definition.handlers()) {
      if (!handlers.containsKey(handler)) {
        missing.add("handler '" + handler + "' is not registered with the engine (registered: "
            + new TreeMap<>(handlers).keySet() + ")");
      }
    }
    for (String calendar : definition.timerCalendars()) {
      if (!calendars.containsKey(calendar)) {
        missing.add("a timer names business calendar '" + calendar + "', which is not registered with the engine "
            + "(registered: " + new TreeMap<>(calendars).keySet() + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidDefinitionException(label(definition.key(), definition.version()), missing);
    }
    NavigableMap<Integer, ProcessDefinition> versions = definitions.get(definition.key());
    if (versions == null) {
      NavigableMap<Integer, ProcessDefinition> made = new ConcurrentSkipListMap<>();
      versions = definitions.putIfAbsent(definition.key(), made);
      if (versions == null) {
        versions = made;
      }
    }
    ProcessDefinition previous = versions.putIfAbsent(definition.version(), definition);
    if (previous != null && previous != definition) {
      throw new DuplicateEntityException("ProcessDefinition", label(definition.key(), definition.version()));
    }
    if (!pending.isEmpty()) {
      List<Versioned<InstanceRecord>> resumed = pending.remove(label(definition.key(), definition.version()));
      if (resumed != null) {
        for (Versioned<InstanceRecord> stored : resumed) {
          resume(definition, stored);
        }
        drainAudit();
      }
    }
    return this;
  }

  /** Puts a stored open instance back in memory: its run, its open item, its queue place, its holder. */
  private void resume(ProcessDefinition definition, Versioned<InstanceRecord> stored) {
    Run run = new Run(definition, stored.value().instance().id());
    synchronized (run) {
      run.saved = stored;
      runs.put(run.id, run);
      byCustomer.add(stored.value().instance().customer(), run.id);
      stored.value().openItem().ifPresent(this::index);
      refileAlerts(null, stored);
      auditBacklog.addAll(stored.value().pendingAudit());
    }
  }

  // ------------------------------------------------------------------------------------------
  // Start

  /**
   * Starts an instance and moves it as far as it goes: through automated steps until it waits at a
   * human or partner step, fails, or ends. A repeated idempotency key returns the instance the
   * first call started, as it is now, and starts nothing.
   *
   * @param request what to start
   * @return the instance
   * @throws UnknownEntityException if the process or version is not deployed
   * @throws StartConflictException if the key started another process or another customer's
   */
  public ProcessInstance start(StartRequest request) {
    Objects.requireNonNull(request, "request");
    refuseFromInsideAStep();
    ProcessDefinition definition = definition(request.processKey(), request.version());
    String key = request.idempotencyKey();
    for (int attempt = 0; ; attempt++) {
      Optional<ProcessInstance> existing = started(key);
      if (existing.isPresent()) {
        return checkSameRequest(existing.get(), request);
      }
      Instant now = clock.instant();
      SlaClock sla = startSla(definition, request, now);
      Run run = new Run(definition, newInstanceId());
      Op op = new Op(run, request, now);
      op.sla = sla;
      ProcessInstanceId prior;
      // The new instance is locked before anyone can see it: a concurrent start with the same key
      // that loses the race waits on this lock for the winner to finish its first steps.
      synchronized (run) {
        runs.put(run.id, run);
        prior = startKeys.putIfAbsent(key, run.id);
        if (prior == null && store.byStartKey(key).isPresent()) {
          // Completed (and evicted) between our first look and the reservation.
          startKeys.remove(key, run.id);
          prior = run.id;
        }
        if (prior != null) {
          runs.remove(run.id);
        } else {
          try {
            byCustomer.add(op.customer, run.id);
            append(op, AuditRecord.Kind.STARTED, Optional.empty(), Optional.of(definition.start().id()),
                Optional.empty(), ENGINE, now, Optional.empty());
            enter(op, definition.start());
            persist(op);
          } catch (Throwable e) {
            restore(op, null);
            throw e;
          } finally {
            // Stored (or forgotten): from here on the store answers for the key.
            startKeys.remove(key, run.id);
          }
          ProcessInstance started = run.view();
          op.first(l -> l.instanceStarted(started));
          op.enqueue();
        }
      }
      if (prior == null) {
        op.deliver();
        drainAudit();
        return run.view();
      }
      Run winner = runs.get(prior);
      if (winner != null) {
        synchronized (winner) {
          // Wait for the winner's operation to finish.
        }
      }
      if (attempt > 1_000) {
        throw new IllegalStateException("start with key '" + Checks.abbreviate(key) + "' could not settle");
      }
    }
  }

  private ProcessInstance checkSameRequest(ProcessInstance existing, StartRequest request) {
    if (!existing.processKey().equals(request.processKey()) || !existing.customer().equals(request.customer())) {
      throw new StartConflictException(request.idempotencyKey(), existing.id(), existing.processKey(),
          request.processKey());
    }
    return existing;
  }

  /** The instance started with an idempotency key, in memory or in the store; empty while being started. */
  private Optional<ProcessInstance> started(String key) {
    ProcessInstanceId id = startKeys.get(key);
    if (id != null) {
      Run run = runs.get(id);
      if (run != null) {
        synchronized (run) {
          // A start in progress: wait for it.
        }
        ProcessInstance view = run.view();
        if (view != null) {
          return Optional.of(view);
        }
      }
    }
    return store.byStartKey(key).map(v -> v.value().instance());
  }

  private ProcessInstanceId newInstanceId() {
    long n = sequence.incrementAndGet();
    if (node != null) {
      return ProcessInstanceId.of("P-" + node + "-" + n);
    }
    // 120 random bits in 20 URL-safe characters: ids and the work item ids built on them stay short.
    byte[] random = new byte[15];
    Tokens.RANDOM.nextBytes(random);
    return ProcessInstanceId.of("P-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
  }

  // ------------------------------------------------------------------------------------------
  // Claim, release

  /**
   * Claims a work item for a performer. The item returned carries a new token; any earlier token
   * of the item stops working.
   *
   * @param item the work item
   * @param performer who takes it
   * @return the item, with its completion token
   * @throws UnknownEntityException if there is no such item
   * @throws WorkItemStateException if it is completed or held by someone else
   * @throws CapacityExceededException if the performer holds their capacity already
   */
  public WorkItem claim(WorkItemId item, String performer) {
    return claim(item, performer, null);
  }

  /**
   * Leases a work item to a partner (or anyone) for a term: a claim that ends by itself. Once the
   * term has passed, the holder's token no longer completes the item, {@link #expireLeases()} puts
   * it back in its queue, and a claim or lease by someone else takes it over. Leasing an item one
   * already holds returns it unchanged.
   *
   * @param item the work item
   * @param partner who takes it
   * @param term how long the lease lasts, positive
   * @return the item, with its completion token and {@link WorkItem#leasedUntil()}
   * @throws IllegalArgumentException if the term is not positive
   * @throws UnknownEntityException if there is no such item
   * @throws WorkItemStateException if it is completed or held by someone else under a running lease or claim
   * @throws CapacityExceededException if the partner holds their capacity already
   */
  public WorkItem lease(WorkItemId item, String partner, Duration term) {
    return claim(item, partner, checkTerm(term));
  }

  private static Duration checkTerm(Duration term) {
    Objects.requireNonNull(term, "term");
    if (term.isNegative() || term.isZero() || term.compareTo(MAX_LEASE) > 0) {
      throw new IllegalArgumentException("lease term must be positive and at most " + MAX_LEASE + ", was " + term);
    }
    return term;
  }

  private WorkItem claim(WorkItemId item, String performer, Duration term) {
    Objects.requireNonNull(performer, "performer");
    refuseFromInsideAStep();
    while (true) {
      Run run = runOf(item);
      Op op;
      WorkItem claimed;
      synchronized (run) {
        if (runs.get(run.id) != run) {
          continue;
        }
        op = new Op(run);
        if (!op.holds(item)) {
          throw completedOrUnknown(item);
        }
        refuseTimer(op.open, term == null ? "claimed" : "leased");
        if (op.open.claimedBy().filter(performer::equals).isPresent() && !op.open.leaseEndedAt(clock.instant())) {
          return op.open;
        }
        Op claiming = op;
        claimed = commit(op, () -> claimLocked(claiming, performer, term));
        WorkItem c = claimed;
        op.add(l -> l.workItemClaimed(c));
        op.enqueue();
      }
      op.deliver();
      return claimed;
    }
  }

  /**
   * Claims the next unclaimed item of a queue: the one of the highest priority, the oldest among
   * equals (by creation time, then id).
   *
   * @param queue the queue's (or partner's) code
   * @param performer who takes it
   * @return the item with its token, or empty when the queue is empty
   * @throws CapacityExceededException if the performer holds their capacity already
   */
  public Optional<WorkItem> claimNext(String queue, String performer) {
    return claimNext(queue, performer, null);
  }

  /**
   * Leases the next unclaimed item of a queue (highest priority, then oldest) for a term (see
   * {@link #lease}).
   *
   * @param queue the queue's (or partner's) code
   * @param partner who takes it
   * @param term how long the lease lasts, positive
   * @return the item with its token and lease end, or empty when the queue is empty
   * @throws IllegalArgumentException if the term is not positive
   * @throws CapacityExceededException if the partner holds their capacity already
   */
  public Optional<WorkItem> leaseNext(String queue, String partner, Duration term) {
    return claimNext(queue, partner, checkTerm(term));
  }

  private Optional<WorkItem> claimNext(String queue, String performer, Duration term) {
    Objects.requireNonNull(performer, "performer");
    refuseFromInsideAStep();
    checkCapacity(performer);
    WorkQueue q = queues.get(Objects.requireNonNull(queue, "queue"));
    while (q != null) {
      WorkItem next = q.peek();
      if (next == null) {
        return Optional.empty();
      }
      Run run = runs.get(next.instance());
      if (run == null) {
        // Not reachable while queue and instances agree; never let a stray entry block the queue.
        q.remove(next);
        continue;
      }
      Op op = null;
      WorkItem claimed = null;
      synchronized (run) {
        WorkItem open = run.open();
        if (runs.get(run.id) == run && open != null && open.id().equals(next.id()) && open.claimedBy().isEmpty()) {
          op = new Op(run);
          Op claiming = op;
          claimed = commit(op, () -> claimLocked(claiming, performer, term));
          WorkItem c = claimed;
          op.add(l -> l.workItemClaimed(c));
          op.enqueue();
        }
      }
      if (claimed != null) {
        op.deliver();
        return Optional.of(claimed);
      }
    }
    return Optional.empty();
  }

  /**
   * Claims the instance's open item: takes capacity, leaves the queue (or the hands of a holder
   * whose lease has ended), issues a new token.
   */
  private WorkItem claimLocked(Op op, String performer, Duration term) {
    WorkItem open = op.open;
    Instant now = clock.instant();
    Optional<String> holder = open.claimedBy();
    if (holder.isPresent() && !open.leaseEndedAt(now)) {
      throw new WorkItemStateException("Work item " + open.id() + " is held by " + holder.get()
          + open.leasedUntil().map(u -> " (leased until " + u + ")").orElse("") + "; it must be released before "
          + performer + " can claim it");
    }
    WorkItem claimed = new WorkItem(open.id(), open.instance(), open.step(), open.performer(), open.createdAt(),
        Optional.of(performer), Optional.of(now), newToken(), Optional.ofNullable(term).map(now::plus),
        Optional.empty(), open.priority());
    op.take(performer);
    holder.ifPresent(op::giveBack);
    op.open = claimed;
    if (holder.isPresent()) {
      op.add(l -> l.leaseExpired(open));
    }
    return claimed;
  }

  /**
   * Puts a claimed item back in its queue, in its original place (by priority and creation). The
   * releaser's token stops working.
   *
   * @param item the work item
   * @param performer who holds it
   * @return the unclaimed item
   * @throws WorkItemStateException if the performer does not hold it or it is completed
   */
  public WorkItem release(WorkItemId item, String performer) {
    Objects.requireNonNull(performer, "performer");
    refuseFromInsideAStep();
    while (true) {
      Run run = runOf(item);
      synchronized (run) {
        if (runs.get(run.id) != run) {
          continue;
        }
        Op op = new Op(run);
        if (!op.holds(item)) {
          throw completedOrUnknown(item);
        }
        WorkItem open = op.open;
        refuseTimer(open, "released");
        if (!open.claimedBy().filter(performer::equals).isPresent()) {
          throw new WorkItemStateException("Work item " + item + " is not held by " + performer
              + open.claimedBy().map(h -> " (held by " + h + ")").orElse(" (unclaimed)"));
        }
        return commit(op, () -> requeue(op));
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Complete, retry

  /**
   * Completes a work item and moves the instance on. Needs no prior query: the item's id and its
   * current token suffice. Completing again with the same token has no second effect and returns
   * the instance as it is now with the same next item, while its holder still holds it.
   *
   * @param item the work item
   * @param token its completion token
   * @param result the outcome and the variables to set
   * @return the instance after it moved on, and the next item if it falls to the same performer
   * @throws UnknownEntityException if there is no such item
   * @throws CompletionTokenException if the token is not the item's current one
   */
  public Completion complete(WorkItemId item, String token, StepResult result) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(item, "item");
    refuseFromInsideAStep();
    while (true) {
      Run run = runs.get(ownerOf(item));
      if (run == null) {
        return repeatedCompletion(null, item, token);
      }
      Op op;
      Completion completion;
      synchronized (run) {
        if (runs.get(run.id) != run) {
          continue;
        }
        op = new Op(run);
        if (!op.holds(item)) {
          return repeatedCompletion(run, item, token);
        }
        WorkItem done = op.open;
        refuseTimer(done, "completed");
        if (!sameSecret(token, done.token())) {
          throw new CompletionTokenException(item);
        }
        if (done.leaseEndedAt(clock.instant())) {
          throw new WorkItemStateException("The lease of work item " + item + " by " + done.claimedBy().orElseThrow()
              + " ended at " + done.leasedUntil().orElseThrow() + "; its token no longer completes it, and the item "
              + "goes back to queue " + done.performer().code());
        }
        Op completing = op;
        Optional<WorkItem> handed = commit(op, () -> {
          Step step = leave(completing, done, true);
          Optional<String> holder = done.claimedBy();
          String actor = holder.orElse(done.performer().code());
          completing.set(result.variables());
          moveOn(completing, step, result.outcome(), actor);
          Optional<WorkItem> next = Optional.empty();
          if (holder.isPresent() && completing.open != null
              && samePerformer(completing.open.performer(), done.performer()) && hasCapacity(holder.get())) {
            try {
              // A leased item's successor is leased for the same term.
              Duration term = done.leasedUntil().map(u -> Duration.between(done.claimedAt().orElseThrow(), u))
                  .orElse(null);
              WorkItem claimed = claimLocked(completing, holder.get(), term);
              next = Optional.of(claimed);
              completing.add(l -> l.workItemClaimed(claimed));
            } catch (CapacityExceededException raced) {
              // Another thread filled the performer's hands meanwhile: the item stays in its queue.
            }
          }
          completing.completed(new InstanceRecord.CompletedItem(item, digest(token), next.map(WorkItem::id),
              next.map(w -> digest(w.token()))));
          return next;
        });
        completion = new Completion(run.view(), handed);
        op.enqueue();
      }
      op.deliver();
      drainAudit();
      return completion;
    }
  }

  /**
   * Takes the open item off the instance as its step completes: out of its holder's hands, its claim
   * time and performer kept for the COMPLETED record.
   *
   * @param responding whether the completion is a human or partner response, for the SLA
   * @return the step it completes
   */
  private static Step leave(Op op, WorkItem done, boolean responding) {
    done.claimedBy().ifPresent(op::giveBack);
    op.open = null;
    op.claimedAt = done.claimedAt().orElse(null);
    op.completedPriority = done.priority();
    op.responding = responding;
    op.performedBy = done.performer();
    return op.definition.step(done.step()).orElseThrow();
  }

  /** Refuses a person's action on a timer's item: only {@link #fireTimers()} completes it. */
  private static void refuseTimer(WorkItem item, String action) {
    if (item.dueAt().isPresent()) {
      throw new WorkItemStateException("Work item " + item.id() + " waits at timer step '" + item.step() + "' ("
          + item.performer() + ") until " + item.dueAt().get() + "; it cannot be " + action + ": fireTimers() "
          + "completes it with outcome '" + Performer.Timer.ELAPSED + "' once it is due");
    }
  }

  /**
   * A completion of an item that is not open: a duplicate if the token is the one used. The run is
   * the instance in memory (its lock held), or null to read the instance from the store.
   */
  private Completion repeatedCompletion(Run run, WorkItemId item, String token) {
    List<InstanceRecord.CompletedItem> completed;
    ProcessInstance now;
    WorkItem open = null;
    if (run != null && run.saved != null) {
      completed = run.saved.value().completed();
      now = run.view();
      open = run.open();
    } else {
      Optional<Versioned<InstanceRecord>> stored = run != null ? Optional.empty() : store.find(ownerOf(item));
      if (stored.isEmpty()) {
        throw unknownItem(item);
      }
      completed = stored.get().value().completed();
      now = stored.get().value().instance();
    }
    for (InstanceRecord.CompletedItem done : completed) {
      if (done.id().equals(item)) {
        if (!sameSecret(digest(token), done.tokenDigest())) {
          throw new CompletionTokenException(item);
        }
        // The item handed over, only while it is still held under the token it was handed with.
        WorkItem current = open;
        Optional<WorkItem> next = done.next().filter(id -> current != null && current.id().equals(id))
            .map(id -> current).filter(w -> done.nextTokenDigest().filter(d -> sameSecret(d, digest(w.token())))
                .isPresent());
        return new Completion(now, next);
      }
    }
    throw unknownItem(item);
  }

  /**
   * Runs a failed instance on: the failed step again, or, when the step had completed and only its
   * route failed, the routing alone (the step's work is not done twice).
   *
   * @param instance the instance
   * @return the instance after the retry
   * @throws UnknownEntityException if there is no such instance
   * @throws IllegalStateException if the instance has not failed
   */
  public ProcessInstance retry(ProcessInstanceId instance) {
    refuseFromInsideAStep();
    Run run = run(instance);
    Op op;
    synchronized (run) {
      op = new Op(run);
      if (op.status != InstanceStatus.FAILED) {
        throw new IllegalStateException("Instance " + instance + " is " + op.status + "; only a FAILED instance "
            + "can be retried");
      }
      Op retrying = op;
      commit(op, () -> rerun(retrying));
      op.enqueue();
    }
    op.deliver();
    drainAudit();
    return run.view();
  }

  /** The failed step again, or its routing alone when the step had completed. */
  private Op rerun(Op op) {
    Step step = op.definition.step(op.step).orElseThrow();
    op.at = clock.instant();
    append(op, AuditRecord.Kind.RETRIED, Optional.of(step.id()), Optional.of(step.id()),
        Optional.of(step.performer()), ENGINE, op.enteredAt, Optional.empty());
    op.failure = null;
    String routed = op.pendingOutcome;
    op.pendingOutcome = null;
    op.status = InstanceStatus.WAITING;
    if (routed != null) {
      moveOn(op, step, routed, ENGINE);
    } else {
      enter(op, step);
    }
    return op;
  }

  /**
   * Cancels an open instance at its step (the customer withdrew, the case is void): its work item
   * leaves its queue or its holder's hands, one {@link AuditRecord.Kind#CANCELLED} record keeps the
   * reason, and listeners hear {@link WorkflowListener#instanceEnded}. Cancelling a cancelled
   * instance again has no second effect and returns it.
   *
   * @param instance the instance
   * @param actor who cancels (an agent, a system)
   * @param reason why, for the audit trail
   * @return the cancelled instance
   * @throws UnknownEntityException if there is no such instance
   * @throws IllegalStateException if it has completed
   * @throws IllegalArgumentException if the actor or reason is blank
   */
  public ProcessInstance cancel(ProcessInstanceId instance, String actor, String reason) {
    Objects.requireNonNull(instance, "instance");
    Checks.text("cancel actor", actor, 200);
    Checks.text("cancel reason", reason, 2000);
    refuseFromInsideAStep();
    while (true) {
      Run run = runs.get(instance);
      if (run == null) {
        ProcessInstance stored = store.find(instance).map(v -> v.value().instance())
            .orElseThrow(() -> unknownInstance(instance));
        if (!stored.status().ended()) {
          throw new UnknownEntityException("ProcessInstance", instance.value(), "it is stored " + stored.status()
              + " but its definition " + label(stored.processKey(), stored.version()) + " is not deployed on this "
              + "engine; deploy it to resume the instance");
        }
        return cancelledOrRefused(stored);
      }
      Op op;
      synchronized (run) {
        if (runs.get(run.id) != run || run.saved == null) {
          continue;
        }
        op = new Op(run);
        Op cancelling = op;
        commit(op, () -> cancelAt(cancelling, actor, reason));
        op.enqueue();
      }
      op.deliver();
      drainAudit();
      return run.view();
    }
  }

  private Op cancelAt(Op op, String actor, String reason) {
    op.at = clock.instant();
    resumeSla(op);
    Step step = op.definition.step(op.step).orElseThrow();
    // The queue the item leaves: an escalated item left the queue it was moved to, not the step's.
    Performer performer = step.performer();
    if (op.open != null) {
      performer = op.open.performer();
      op.open.claimedBy().ifPresent(op::giveBack);
      op.open = null;
    }
    append(op, AuditRecord.Kind.CANCELLED, Optional.of(step.id()), Optional.empty(), Optional.of(performer),
        actor, op.enteredAt, Optional.of(reason));
    op.status = InstanceStatus.CANCELLED;
    op.failure = null;
    op.pendingOutcome = null;
    op.endedAt = op.at;
    op.later(WorkflowListener::instanceEnded);
    return op;
  }

  private static ProcessInstance cancelledOrRefused(ProcessInstance stored) {
    if (stored.status() != InstanceStatus.CANCELLED) {
      throw new IllegalStateException("Instance " + stored.id() + " is " + stored.status() + "; only an open "
          + "(waiting or failed) instance can be cancelled");
    }
    return stored;
  }

  // ------------------------------------------------------------------------------------------
  // Service levels (W4)

  /** A pending SLA alert's place in the index: by its time, then instance and alert. */
  private record AlertKey(Instant when, String instance, SlaAlert alert) implements Comparable<AlertKey> {
    @Override
    public int compareTo(AlertKey other) {
      int c = when.compareTo(other.when);
      if (c == 0) {
        c = instance.compareTo(other.instance);
      }
      return c != 0 ? c : alert.compareTo(other.alert);
    }
  }

  /**
   * The SLA clock of a new instance: the entitlement's SLA or the definition's default, its
   * deadlines counted from the start on its business calendar; null without an SLA.
   */
  private SlaClock startSla(ProcessDefinition definition, StartRequest request, Instant now) {
    Optional<SlaTarget> target = Objects.requireNonNull(slaResolver.resolve(definition, request, now),
        "the SlaResolver returned null; return Optional.empty() for no SLA");
    if (target.isEmpty()) {
      target = definition.sla();
    }
    if (target.isEmpty()) {
      return null;
    }
    SlaTarget sla = target.get();
    BusinessCalendar calendar = calendarOf(sla.calendar(), "the SLA");
    return new SlaClock(sla.calendar(), calendar.plus(now, share(sla.firstResponse())),
        calendar.plus(now, sla.firstResponse()), Optional.empty(), calendar.plus(now, share(sla.resolution())),
        calendar.plus(now, sla.resolution()), Optional.empty(), Set.of());
  }

  /**
   * Applies the step's escalation of an alert to the open work item: moves it to another queue,
   * unclaimed, with a new token and its creation time kept (so it is among the oldest there), and
   * raises its priority. An item whose priority alone rises keeps its queue, holder, token and lease.
   * A change is one {@link AuditRecord.Kind#ESCALATED} record in the operation's outbox, so it takes
   * the instance's next sequence number and is stored in the same write as the raised alert.
   *
   * @return the item before and after, or null when nothing changed
   */
  private WorkItem[] escalate(Op op, SlaAlert alert) {
    if (op.open == null || op.step == null) {
      return null;
    }
    Escalation escalation = op.definition.step(op.step).map(s -> s.escalations().get(alert)).orElse(null);
    if (escalation == null) {
      return null;
    }
    WorkItem from = op.open;
    Performer target = escalation.queue().filter(q -> !samePerformer(q, from.performer())).orElse(null);
    int priority = escalation.raise(from.priority());
    if (target == null && priority == from.priority()) {
      return null;
    }
    if (target == null) {
      op.open = from.withPriority(priority);
    } else {
      from.claimedBy().ifPresent(op::giveBack);
      op.open = WorkItem.unclaimed(from.id(), from.instance(), from.step(), target, from.createdAt(), newToken(),
          priority);
    }
    op.at = clock.instant();
    append(op, AuditRecord.Kind.ESCALATED, Optional.of(op.step), Optional.of(op.step),
        Optional.of(op.open.performer()), ENGINE, op.enteredAt, Optional.of(alert.name()));
    return new WorkItem[] {from, op.open};
  }

  private Duration share(Duration deadline) {
    return Duration.ofMillis(Math.round(deadline.toMillis() * slaWarningShare));
  }

  /** The calendar an id names, around the clock for none; {@code who} names it in the error. */
  private BusinessCalendar calendarOf(Optional<String> id, String who) {
    if (id.isEmpty()) {
      return BusinessCalendar.always();
    }
    BusinessCalendar calendar = calendars.get(id.get());
    if (calendar == null) {
      throw new IllegalStateException(who + " names business calendar '" + id.get() + "', which is not registered "
          + "with the engine (registered: " + new TreeMap<>(calendars).keySet() + ")");
    }
    return calendar;
  }

  /**
   * Restarts a paused SLA clock as the instance leaves a step that waits for the customer: each
   * deadline still ahead when the clock stopped keeps the working time it had left then.
   */
  private void resumeSla(Op op) {
    if (op.sla == null || op.sla.pausedSince().isEmpty()) {
      return;
    }
    SlaClock c = op.sla;
    Instant since = c.pausedSince().get();
    BusinessCalendar calendar = calendarOf(c.calendar(), "the SLA");
    op.sla = c.resumed(deadline -> shifted(calendar, deadline, since, op.at));
  }

  private static Instant shifted(BusinessCalendar calendar, Instant deadline, Instant since, Instant now) {
    return deadline.isAfter(since) ? calendar.plus(now, calendar.between(since, deadline)) : deadline;
  }

  /** The index entries of a stored instance's pending alerts; none once it has ended. */
  private static Set<AlertKey> alertKeys(Versioned<InstanceRecord> stored) {
    if (stored == null || stored.value().sla().isEmpty() || stored.value().instance().status().ended()) {
      return Set.of();
    }
    SlaClock clock = stored.value().sla().get();
    String id = stored.value().instance().id().value();
    Set<AlertKey> keys = new HashSet<>();
    for (SlaAlert alert : clock.pending()) {
      keys.add(new AlertKey(clock.timeOf(alert), id, alert));
    }
    return keys;
  }

  /** Moves an instance's alert entries from what was stored before to what is stored now. */
  private void refileAlerts(Versioned<InstanceRecord> before, Versioned<InstanceRecord> now) {
    if ((before == null || before.value().sla().isEmpty()) && now.value().sla().isEmpty()) {
      return;
    }
    Set<AlertKey> was = alertKeys(before);
    Set<AlertKey> is = alertKeys(now);
    for (AlertKey key : was) {
      if (!is.contains(key)) {
        alerts.remove(key);
      }
    }
    alerts.addAll(is);
  }

  /**
   * Raises every SLA alert whose time has come (W4): a deadline at risk (the warning share of it
   * has passed) or breached, each once per instance, stored with the instance and told to the
   * listeners ({@link WorkflowListener#slaAlert}). An alert the instance's step escalates
   * ({@link ProcessDefinition.StepBuilder#escalate(SlaAlert, Escalation)}) moves the open work item to
   * another queue, raises its priority, or both, in the same write, which also holds one
   * {@link AuditRecord.Kind#ESCALATED} record (the instance's next sequence number; sent to the audit
   * log like every other record, so an audit log that is down delays it without failing the call), and
   * listeners hear {@link WorkflowListener#transitioned} with that record, then
   * {@link WorkflowListener#escalated}, then {@link WorkflowListener#slaAlert}. An alert that changes nothing (no escalation at the step, or a
   * priority already at its top) writes no record. Concurrent calls raise (and escalate) each alert
   * once. Call it from the host's scheduler. It reads only the alerts due (an index by time), never
   * the open instances; a paused clock raises nothing. A failure of the store stops the call: the
   * alert it was raising stays pending (no record, no move) and is raised at a later call, and the
   * error propagates.
   *
   * @return how many alerts it raised
   */
  public int checkDeadlines() {
    refuseFromInsideAStep();
    try {
      return raiseDueAlerts();
    } finally {
      drainAudit();
    }
  }

  private int raiseDueAlerts() {
    Instant now = clock.instant();
    int raised = 0;
    for (AlertKey key : List.copyOf(alerts.headSet(new AlertKey(now, "\uffff", SlaAlert.RESOLUTION_BREACHED),
        true))) {
      Run run = runs.get(ProcessInstanceId.of(key.instance()));
      if (run == null) {
        alerts.remove(key);
        continue;
      }
      Op op = null;
      synchronized (run) {
        SlaClock clock = run.saved == null || runs.get(run.id) != run ? null : run.saved.value().sla().orElse(null);
        if (clock == null || !clock.pending().contains(key.alert()) || !clock.timeOf(key.alert()).equals(key.when())) {
          alerts.remove(key);
          continue;
        }
        op = new Op(run);
        Op raising = op;
        WorkItem[] moved = commit(op, () -> {
          raising.sla = raising.sla.raising(key.alert());
          return escalate(raising, key.alert());
        });
        op.later((l, view) -> l.slaAlert(view, key.alert(), key.when()));
        if (moved != null) {
          op.add(l -> l.escalated(moved[0], moved[1], key.alert()));
        }
        op.enqueue();
        raised++;
      }
      op.deliver();
    }
    return raised;
  }

  // ------------------------------------------------------------------------------------------
  // Leases

  /** An item's place in an index by time (a lease's end, a timer's due time): by the time, then the item's id. */
  private record DueKey(Instant at, String item) implements Comparable<DueKey> {
    @Override
    public int compareTo(DueKey other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : item.compareTo(other.item);
    }
  }

  /**
   * Puts every item whose lease has ended back in its queue, unclaimed, with a new token (the late
   * holder's token stops working), and tells the listeners ({@link WorkflowListener#leaseExpired}).
   * Call it from the host's scheduler; it reads only the ended leases (an index by end time), never
   * the open items.
   *
   * @return how many leases it ended
   */
  public int expireLeases() {
    refuseFromInsideAStep();
    return settleDue(leases, WorkItem::leasedUntil, (op, open) -> {
      commit(op, () -> requeue(op));
      op.add(l -> l.leaseExpired(open));
    });
  }

  /**
   * Settles each item an index by time holds at or before now: under its instance's lock, while the
   * item is still open with the indexed time, runs the operation (which commits) and queues its
   * listener calls; after the lock, delivers them. The index follows storage ({@link #file}), so an
   * entry whose instance has left memory is dropped, and one whose item changed meanwhile is skipped.
   *
   * @return how many items it settled
   */
  private int settleDue(ConcurrentSkipListSet<DueKey> index, Function<WorkItem, Optional<Instant>> timeOf,
      BiConsumer<Op, WorkItem> settle) {
    Instant now = clock.instant();
    int settled = 0;
    for (DueKey due : List.copyOf(index.headSet(new DueKey(now, "\uffff"), true))) {
      WorkItemId item = WorkItemId.of(due.item());
      Run run = runs.get(ownerOf(item));
      if (run == null) {
        index.remove(due);
        continue;
      }
      Op op = null;
      synchronized (run) {
        WorkItem open = runs.get(run.id) == run ? run.open() : null;
        if (open != null && open.id().equals(item) && timeOf.apply(open).filter(due.at()::equals).isPresent()) {
          op = new Op(run);
          settle.accept(op, open);
          op.enqueue();
          settled++;
        }
      }
      if (op != null) {
        op.deliver();
      }
    }
    return settled;
  }

  // ------------------------------------------------------------------------------------------
  // Timers

  /**
   * Fires every timer that is due: each timer step's item whose {@link WorkItem#dueAt() due time} is
   * at or before the clock's now is completed with the outcome {@link Performer.Timer#ELAPSED} by the
   * actor {@value Performer.Timer#ACTOR}, and the instance moves on as after any completion: the
   * step's routes apply, automated steps after it run inline, one {@link AuditRecord} is written per
   * transition (the timer's without a claim time), and listeners hear
   * {@link WorkflowListener#timerFired}. An elapsed timer is no response for the SLA's first-response
   * deadline. The next step is entered when the timer fires, so a late call delays what follows.
   *
   * <p>Call it from the host's scheduler. It reads only the due timers (an index by due time), never
   * the open instances; concurrent calls fire each timer once. A timer that came due while no engine
   * ran (the index is rebuilt from the store when a definition is deployed) fires at the next call.
   * A failure of the store stops the call: the timer it was firing stays due and fires at a later
   * call, and the error propagates (as does a listener's, once its timer is fired).
   *
   * @return how many timers it fired
   */
  public int fireTimers() {
    refuseFromInsideAStep();
    try {
      return settleDue(timers, WorkItem::dueAt, (op, open) -> commit(op, () -> elapse(op, open)));
    } finally {
      drainAudit();
    }
  }

  /** Completes a due timer's item with {@link Performer.Timer#ELAPSED} and moves the instance on. */
  private Op elapse(Op op, WorkItem timer) {
    op.add(l -> l.timerFired(timer));
    Step step = leave(op, timer, false);
    moveOn(op, step, Performer.Timer.ELAPSED, Performer.Timer.ACTOR);
    op.completed(InstanceRecord.CompletedItem.of(timer.id(), digest(timer.token())));
    return op;
  }

  /** When a timer entered at a time falls due: on the wall clock, or on its business calendar. */
  private Instant dueAt(Performer.Timer timer, Instant enteredAt) {
    if (timer.calendar().isEmpty()) {
      return enteredAt.plus(timer.delay());
    }
    return calendarOf(timer.calendar(), "the timer").plus(enteredAt, timer.delay());
  }

  // ------------------------------------------------------------------------------------------
  // Retention

  /**
   * Deletes completed instances whose definition's {@link ProcessDefinition#retention() retention}
   * has passed since they ended, each with its audit trail (W3): history does not grow without
   * bound. Call it from the host's scheduler; each call does at most {@code limit} deletions, the
   * oldest first per definition version. Only versions deployed on this engine are purged (their
   * retention is known). A purged instance's idempotency key is forgotten with it. A failure of
   * the audit log or the store stops the call; what was deleted stays deleted and a later call goes
   * on (the trail is deleted before the record, so none is left behind).
   *
   * @param limit the most instances to delete, at least 1
   * @return how many instances were deleted
   * @throws IllegalArgumentException if the limit is below 1
   */
  public int purgeExpired(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("purgeExpired limit must be at least 1, was " + limit);
    }
    refuseFromInsideAStep();
    Instant now = clock.instant();
    int purged = 0;
    for (NavigableMap<Integer, ProcessDefinition> versions : definitions.values()) {
      for (ProcessDefinition definition : versions.values()) {
        if (purged == limit) {
          return purged;
        }
        // Due once ended + retention <= now; a retention longer than time itself is never due.
        Instant cutoff;
        try {
          cutoff = now.minus(definition.retention()).plusNanos(1);
        } catch (java.time.DateTimeException | ArithmeticException kept) {
          continue;
        }
        for (ProcessInstanceId id : store.endedBefore(definition.key(), definition.version(), cutoff,
            limit - purged)) {
          if (runs.containsKey(id) || awaitsAudit(id)) {
            // Its final write is still in progress (an instance leaves memory only after its last
            // records join the backlog), or those records have not reached the audit log yet: purge
            // it once they have.
            continue;
          }
          audit.purge(id);
          if (store.delete(id)) {
            purged++;
          }
        }
      }
    }
    if (purged > 0) {
      Log.LOG.debug("Purged {} completed instance(s) past their retention", purged);
    }
    return purged;
  }

  /** An instance's records still in the audit backlog, oldest first: none while the audit log keeps up. */
  private List<AuditRecord> unsentOf(ProcessInstanceId id) {
    if (auditBacklog.isEmpty()) {
      return List.of();
    }
    List<AuditRecord> unsent = new ArrayList<>();
    for (AuditRecord waiting : auditBacklog) {
      if (waiting.instance().equals(id)) {
        unsent.add(waiting);
      }
    }
    return unsent;
  }

  private boolean awaitsAudit(ProcessInstanceId id) {
    return !unsentOf(id).isEmpty();
  }

  // ------------------------------------------------------------------------------------------
  // Moving an instance (always under its lock)

  /**
   * Enters a step at the operation's time; runs automated steps inline until a wait, a failure or
   * the end.
   */
  private void enter(Op op, Step first) {
    Step step = first;
    for (int inline = 0; ; inline++) {
      op.step = step.id();
      op.enteredAt = op.at;
      if (op.sla != null && step.pausesSla() && op.sla.pausedSince().isEmpty()) {
        op.sla = op.sla.pausedAt(op.at);
      }
      if (!(step.performer() instanceof Performer.Automated automated)) {
        createItem(op, step);
        return;
      }
      if (inline == MAX_INLINE_STEPS) {
        fail(op, step, "more than " + MAX_INLINE_STEPS + " automated steps in one call; the routes loop",
            step.performer().code());
        return;
      }
      StepResult result;
      IN_STEP.set(true);
      try {
        result = Objects.requireNonNull(handlers.get(automated.code()).handle(new StepContext(op.id, op.customer,
            op.agreement, step, op.variables, op.at)), "the handler returned null");
      } catch (RuntimeException e) {
        fail(op, step, e.getClass().getSimpleName() + ": " + e.getMessage(), automated.code());
        return;
      } finally {
        IN_STEP.set(false);
      }
      op.set(result.variables());
      Optional<Optional<Step>> next = route(op, step, result.outcome(), automated.code());
      if (next.isEmpty()) {
        return;
      }
      if (next.get().isEmpty()) {
        end(op);
        return;
      }
      step = next.get().get();
    }
  }

  private void moveOn(Op op, Step step, String outcome, String actor) {
    Optional<Optional<Step>> next = route(op, step, outcome, actor);
    if (next.isEmpty()) {
      return;
    }
    if (next.get().isEmpty()) {
      end(op);
    } else {
      enter(op, next.get().get());
    }
  }

  /**
   * Routes a completed step: the next step, or empty for the end; nothing when a route condition
   * threw, in which case the instance has failed with the outcome kept for {@link #retry}. The
   * transition's time is the operation's time from here on.
   */
  private Optional<Optional<Step>> route(Op op, Step step, String outcome, String actor) {
    op.at = clock.instant();
    resumeSla(op);
    Optional<String> target;
    IN_STEP.set(true);
    try {
      target = step.isFinal() ? Optional.empty()
          : step.route(RouteContext.of(step.id(), outcome, op.variables)).target();
    } catch (RuntimeException e) {
      op.pendingOutcome = outcome;
      fail(op, step, "a route condition failed after outcome '" + outcome + "': " + e.getClass().getSimpleName()
          + ": " + e.getMessage(), actor);
      return Optional.empty();
    } finally {
      IN_STEP.set(false);
    }
    // A completed item's own performer: an escalated item was done by the queue it moved to.
    Performer performer = op.performedBy != null ? op.performedBy : step.performer();
    op.performedBy = null;
    append(op, AuditRecord.Kind.COMPLETED, Optional.of(step.id()), target, Optional.of(performer),
        actor, op.enteredAt, Optional.of(outcome));
    return Optional.of(target.map(t -> op.definition.step(t).orElseThrow()));
  }

  private void createItem(Op op, Step step) {
    // The item's id names its instance, so a completion finds the instance without an index.
    WorkItemId id = WorkItemId.of(op.id.value() + "/" + op.transitions);
    WorkItem item;
    if (step.performer() instanceof Performer.Timer timer) {
      Instant due;
      try {
        due = dueAt(timer, op.enteredAt);
      } catch (RuntimeException e) {
        // A calendar without enough working time ahead: the instance fails here, as at a broken handler.
        fail(op, step, "the timer's due time cannot be computed: " + e.getClass().getSimpleName() + ": "
            + e.getMessage(), ENGINE);
        return;
      }
      item = WorkItem.timer(id, op.id, step.id(), timer, op.enteredAt, newToken(), due);
    } else {
      item = WorkItem.unclaimed(id, op.id, step.id(), step.performer(), op.enteredAt, newToken(), op.priority);
    }
    op.open = item;
    op.status = InstanceStatus.WAITING;
    op.add(l -> l.workItemCreated(item));
  }

  private void fail(Op op, Step step, String reason, String actor) {
    op.at = clock.instant();
    op.status = InstanceStatus.FAILED;
    op.failure = reason;
    append(op, AuditRecord.Kind.FAILED, Optional.of(step.id()), Optional.empty(),
        Optional.of(step.performer()), actor, op.enteredAt, Optional.of(reason));
    op.later(WorkflowListener::instanceFailed);
  }

  private void end(Op op) {
    op.status = InstanceStatus.COMPLETED;
    op.step = null;
    op.endedAt = op.at;
    op.later(WorkflowListener::instanceEnded);
  }

  private void append(Op op, AuditRecord.Kind kind, Optional<String> from, Optional<String> to,
      Optional<Performer> performer, String actor, Instant enteredAt, Optional<String> outcome) {
    // The claim time belongs to the completion of the claimed step only.
    Optional<Instant> claimedAt = kind == AuditRecord.Kind.COMPLETED ? Optional.ofNullable(op.claimedAt)
        : Optional.empty();
    op.claimedAt = null;
    int priority = kind == AuditRecord.Kind.COMPLETED ? op.completedPriority
        : kind == AuditRecord.Kind.ESCALATED ? op.open.priority() : 0;
    op.completedPriority = 0;
    Optional<SlaVerdict> verdict = op.sla == null ? Optional.empty() : Optional.of(op.sla.verdictAt(op.at));
    if (op.sla != null && op.responding && kind == AuditRecord.Kind.COMPLETED && op.sla.respondedAt().isEmpty()) {
      op.sla = op.sla.respondedAt(op.at);
    }
    op.responding = false;
    op.outbox.add(new AuditRecord(op.id, ++op.transitions, kind, from, to, performer, actor, enteredAt,
        op.at, outcome, claimedAt, verdict, priority));
  }

  // ------------------------------------------------------------------------------------------
  // Storage, rollback, audit outbox

  /**
   * Runs an operation's change and stores it; if anything fails before the store has it, the
   * instance is put back as it was last stored and the error propagates.
   */
  private <T> T commit(Op op, Supplier<T> change) {
    Versioned<InstanceRecord> before = op.run.saved;
    try {
      T result = change.get();
      persist(op);
      return result;
    } catch (Throwable e) {
      restore(op, before);
      throw e;
    }
  }

  /** Puts the open item back in its queue, unclaimed, with a new token. */
  private WorkItem requeue(Op op) {
    WorkItem open = op.open;
    WorkItem released = WorkItem.unclaimed(open.id(), open.instance(), open.step(), open.performer(),
        open.createdAt(), newToken(), open.priority());
    open.claimedBy().ifPresent(op::giveBack);
    op.open = released;
    return released;
  }

  /**
   * Writes the instance's record. The operation's audit records travel in it (an outbox) and move
   * to the audit backlog once it is stored. Evicts a completed instance from memory.
   */
  private void persist(Op op) {
    InstanceRecord record = op.record();
    Run run = op.run;
    Versioned<InstanceRecord> before = run.saved;
    // One record serves the store, the rollback copy and the published view: a waiting instance
    // costs one snapshot, not three.
    Versioned<InstanceRecord> stored = before == null ? store.insert(record)
        : store.update(record, before.revision());
    run.saved = stored;
    op.deltas.clear();
    // Queues, hands and leases follow what the store holds, as the store returned it (a store may
    // keep coarser timestamps), and only once it holds it.
    WorkItem was = before == null ? null : before.value().openItem().orElse(null);
    WorkItem now = stored.value().openItem().orElse(null);
    if (was != now) {
      refile(was, now);
    }
    refileAlerts(before, stored);
    op.sent.addAll(op.outbox);
    auditBacklog.addAll(op.outbox);
    op.outbox.clear();
    if (op.status.ended()) {
      evict(run.id, op.customer);
    }
  }

  /** Sends the audit backlog in order; stops at the first refusal and tries again after the next operation. */
  private void drainAudit() {
    synchronized (auditBacklog) {
      AuditRecord next;
      while ((next = auditBacklog.peek()) != null) {
        try {
          audit.append(next);
        } catch (RuntimeException e) {
          Log.LOG.warn("Audit log refused a record of {}; {} record(s) wait and are sent after the next operation: {}",
              next.instance(), auditBacklog.size(), e.toString());
          return;
        }
        auditBacklog.poll();
      }
    }
  }

  /**
   * Puts an instance back exactly as it was last stored, from memory, with its item and queue
   * place; an instance never stored is forgotten. The operation is dropped.
   */
  private void restore(Op op, Versioned<InstanceRecord> before) {
    op.undoCounts();
    op.run.saved = before;
    if (before == null) {
      evict(op.id, op.customer);
    }
  }

  private void evict(ProcessInstanceId id, CustomerId customer) {
    runs.remove(id);
    byCustomer.remove(customer, id);
  }

  /** A stored open item found on resume: counted in its holder's hands if claimed, and filed. */
  private void index(WorkItem item) {
    item.claimedBy().ifPresent(h -> held(h).incrementAndGet());
    file(item);
  }

  /**
   * Files a stored open item: a timer's under its due time, others in their queue if unclaimed, under
   * their holder and their lease's end if claimed.
   */
  private void file(WorkItem item) {
    if (item.dueAt().isPresent()) {
      timers.add(new DueKey(item.dueAt().get(), item.id().value()));
    } else if (item.claimedBy().isPresent()) {
      holding.computeIfAbsent(item.claimedBy().get(), p -> ConcurrentHashMap.newKeySet()).add(item.id());
      item.leasedUntil().ifPresent(until -> leases.add(new DueKey(until, item.id().value())));
    } else {
      queue(item.performer()).add(item);
    }
  }

  /**
   * Moves an instance's open item from where its last stored snapshot was filed to where the new one
   * goes. An item that stays in its queue (its priority rose) is replaced there in one step, so no
   * reader sees it missing or twice; one that stays with its holder under the same lease needs no
   * change (hands and leases know items by id).
   */
  private void refile(WorkItem was, WorkItem now) {
    if (was != null && now != null && was.id().equals(now.id()) && was.dueAt().isEmpty() && now.dueAt().isEmpty()
        && samePerformer(was.performer(), now.performer())) {
      if (was.claimedBy().isEmpty() && now.claimedBy().isEmpty()) {
        queue(now.performer()).replace(was, now);
        return;
      }
      if (was.claimedBy().isPresent() && was.claimedBy().equals(now.claimedBy())
          && was.leasedUntil().equals(now.leasedUntil())) {
        return;
      }
    }
    if (was != null) {
      unfile(was);
    }
    if (now != null) {
      file(now);
    }
  }

  /** Takes a stored item out of the timers, its queue, or from under its holder and its lease's end. */
  private void unfile(WorkItem item) {
    if (item.dueAt().isPresent()) {
      timers.remove(new DueKey(item.dueAt().get(), item.id().value()));
    } else if (item.claimedBy().isPresent()) {
      Set<WorkItemId> own = holding.get(item.claimedBy().get());
      if (own != null) {
        own.remove(item.id());
      }
      item.leasedUntil().ifPresent(until -> leases.remove(new DueKey(until, item.id().value())));
    } else {
      queue(item.performer()).remove(item);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Capacity, tokens, lookups

  private void checkCapacity(String performer) {
    if (!hasCapacity(performer)) {
      throw new CapacityExceededException(performer, held(performer).get(), capacity.applyAsInt(performer));
    }
  }

  private boolean hasCapacity(String performer) {
    return held(performer).get() < capacity.applyAsInt(performer);
  }

  private void takeCapacity(String performer) {
    AtomicInteger held = held(performer);
    int cap = capacity.applyAsInt(performer);
    while (true) {
      int now = held.get();
      if (now >= cap) {
        throw new CapacityExceededException(performer, now, cap);
      }
      if (held.compareAndSet(now, now + 1)) {
        return;
      }
    }
  }

  private void giveBackCapacity(String performer) {
    held(performer).decrementAndGet();
  }

  private AtomicInteger held(String performer) {
    return inHand.computeIfAbsent(performer, p -> new AtomicInteger());
  }

  private WorkQueue queue(Performer performer) {
    return queues.computeIfAbsent(performer.code(), q -> new WorkQueue());
  }

  /** One SecureRandom for all engines, made on first use: creating one costs tens of ms in a fresh JVM. */
  private static final class Tokens {
    static final SecureRandom RANDOM = new SecureRandom();
  }

  private String newToken() {
    byte[] secret = new byte[18];
    Tokens.RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** Record equality without the record's invokedynamic-linked equals, on the completion hot path. */
  private static boolean samePerformer(Performer a, Performer b) {
    return a == b || a.getClass() == b.getClass() && a.code().equals(b.code());
  }

  private static boolean sameSecret(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(
          StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void refuseFromInsideAStep() {
    if (IN_STEP.get() == Boolean.TRUE) {
      throw new IllegalStateException("a step handler or route condition may read the engine but not change it: "
          + "return a StepResult, and start or complete other work from a WorkflowListener");
    }
  }

  /** The instance in memory that an item's id names; recheck {@link Run#holds} under its lock. */
  private Run runOf(WorkItemId item) {
    Run run = runs.get(ownerOf(Objects.requireNonNull(item, "item")));
    if (run == null) {
      throw completedOrUnknown(item);
    }
    return run;
  }

  private RuntimeException completedOrUnknown(WorkItemId item) {
    ProcessInstanceId owner = ownerOf(item);
    Run run = runs.get(owner);
    Versioned<InstanceRecord> saved = run != null ? run.saved : store.find(owner).orElse(null);
    List<InstanceRecord.CompletedItem> completed = saved == null ? List.of() : saved.value().completed();
    if (completed.stream().anyMatch(c -> c.id().equals(item))) {
      return new WorkItemStateException("Work item " + item + " is already completed");
    }
    return unknownItem(item);
  }

  private static ProcessInstanceId ownerOf(WorkItemId item) {
    int slash = item.value().lastIndexOf('/');
    return ProcessInstanceId.of(slash > 0 ? item.value().substring(0, slash) : item.value());
  }

  private static UnknownEntityException unknownItem(WorkItemId item) {
    return new UnknownEntityException("WorkItem", item.value(), "work items are created when an instance enters a "
        + "human or partner step, and an engine knows those of deployed definitions");
  }

  private Run run(ProcessInstanceId id) {
    Run run = runs.get(Objects.requireNonNull(id, "instance"));
    if (run == null || run.saved == null) {
      throw unknownInstance(id);
    }
    return run;
  }

  private static UnknownEntityException unknownInstance(ProcessInstanceId id) {
    return new UnknownEntityException("ProcessInstance", id.value(), "instances are created by start; "
        + "ended ones are read with instance(id)");
  }

  private ProcessDefinition definition(String key, Optional<Integer> version) {
    NavigableMap<Integer, ProcessDefinition> versions = definitions.get(key);
    if (versions == null || versions.isEmpty()) {
      throw new UnknownEntityException("ProcessDefinition", key, "deployed: " + new TreeMap<>(definitions).keySet());
    }
    if (version.isEmpty()) {
      return versions.lastEntry().getValue();
    }
    ProcessDefinition pinned = versions.get(version.get());
    if (pinned == null) {
      throw new UnknownEntityException("ProcessDefinition", label(key, version.get()), "deployed versions: "
          + versions.keySet());
    }
    return pinned;
  }

  // ------------------------------------------------------------------------------------------
  // Reads: no locks (each instance publishes an immutable view after every operation)

  /**
   * How many unclaimed items wait in a queue. O(1).
   *
   * @param queue the queue's (or partner's) code
   * @return the depth
   */
  public int queueDepth(String queue) {
    WorkQueue q = queues.get(Objects.requireNonNull(queue, "queue"));
    return q == null ? 0 : q.size();
  }

  /**
   * When the oldest unclaimed item of a queue was created, whatever its priority. O(p) for p
   * distinct priorities waiting in the queue.
   *
   * @param queue the queue's code
   * @return the creation time, or empty when the queue is empty
   */
  public Optional<Instant> oldestWaiting(String queue) {
    WorkQueue q = queues.get(Objects.requireNonNull(queue, "queue"));
    return q == null ? Optional.empty() : Optional.ofNullable(q.oldest());
  }

  /**
   * The unclaimed items of a queue, highest priority first, then oldest (the order {@link #claimNext}
   * takes them), as stored, with their tokens (the host's own API: show them to whoever works the
   * queue).
   *
   * @param queue the queue's (or partner's) code
   * @param limit the most items to return, at least 1
   * @return the items
   * @throws IllegalArgumentException if the limit is below 1
   */
  public List<WorkItem> queued(String queue, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("queued limit must be at least 1, was " + limit);
    }
    WorkQueue q = queues.get(Objects.requireNonNull(queue, "queue"));
    return q == null ? List.of() : q.first(limit);
  }

  /**
   * The items a performer holds, by the time they claimed them, as stored, with their tokens.
   *
   * @param performer the performer
   * @return the items
   */
  public List<WorkItem> heldBy(String performer) {
    Set<WorkItemId> own = holding.get(Objects.requireNonNull(performer, "performer"));
    if (own == null) {
      return List.of();
    }
    List<WorkItem> items = new ArrayList<>();
    for (WorkItemId id : own) {
      Run run = runs.get(ownerOf(id));
      WorkItem open = run == null ? null : run.open();
      if (open != null && open.id().equals(id) && open.claimedBy().filter(performer::equals).isPresent()) {
        items.add(open);
      }
    }
    items.sort(Comparator.comparing((WorkItem w) -> w.claimedAt().orElseThrow()).thenComparing(w -> w.id().value()));
    return items;
  }

  /**
   * How many claimed items a performer holds.
   *
   * @param performer the performer
   * @return the count
   */
  public int inHand(String performer) {
    AtomicInteger held = inHand.get(performer);
    return held == null ? 0 : held.get();
  }

  /**
   * An instance as it is now (as last stored).
   *
   * @param id the instance
   * @return the snapshot, or empty
   */
  public Optional<ProcessInstance> instance(ProcessInstanceId id) {
    Run run = runs.get(Objects.requireNonNull(id, "id"));
    ProcessInstance view = run == null ? null : run.view();
    if (view != null) {
      return Optional.of(view);
    }
    return store.find(id).map(v -> v.value().instance());
  }

  /**
   * An open work item as it is now, with its token (the host's own API: hand the token only to
   * whoever may complete the item).
   *
   * @param id the item
   * @return the snapshot, or empty once completed or if unknown
   */
  public Optional<WorkItem> workItem(WorkItemId id) {
    Run run = runs.get(ownerOf(Objects.requireNonNull(id, "id")));
    Versioned<InstanceRecord> saved = run == null ? null : run.saved;
    return saved == null ? Optional.empty() : saved.value().openItem().filter(item -> item.id().equals(id));
  }

  /**
   * The customer's open instances (waiting or failed), for the customer context.
   *
   * @param customer the customer
   * @param at ignored: the engine answers as of now
   * @return one summary per open instance, by the time it entered its step; a waiting instance
   *     names the queue or partner it waits for (at a timer, the delay: {@code P7D}), a failed one
   *     names none
   */
  @Override
  public List<ProcessSummary> openFor(CustomerId customer, Instant at) {
    Iterable<ProcessInstanceId> own = byCustomer.of(Objects.requireNonNull(customer, "customer"));
    List<ProcessSummary> summaries = new ArrayList<>();
    for (ProcessInstanceId id : own) {
      Run run = runs.get(id);
      Versioned<InstanceRecord> saved = run == null ? null : run.saved;
      ProcessInstance view = saved == null ? null : saved.value().instance();
      if (view == null || view.status().ended() || view.step().isEmpty()) {
        continue;
      }
      ImmutableProcessSummary.Builder summary = ProcessSummary.builder().id(view.id()).processType(view.processKey())
          .currentStep(view.step().get()).waitingSince(saved.value().enteredAt());
      if (view.status() == InstanceStatus.WAITING) {
        run.definition.step(view.step().get()).ifPresent(step -> summary.waitingFor(step.performer().code()));
      }
      view.agreement().ifPresent(summary::agreement);
      summaries.add(summary.build());
    }
    summaries.sort(Comparator.comparing(ProcessSummary::waitingSince).thenComparing(s -> s.id().value()));
    return summaries;
  }

  // ------------------------------------------------------------------------------------------
  // State

  /**
   * One open instance in memory: its definition and what was last stored of it (null until the
   * first write), the source of every lock-free read and of the rollback. Its monitor is the one
   * writer per instance; an operation works on an {@link Op} and stores it. A waiting instance
   * costs this small object, its stored record and its queue entry.
   */
  private static final class Run {
    final ProcessDefinition definition;
    final ProcessInstanceId id;
    volatile Versioned<InstanceRecord> saved;
    /** Events waiting for listeners, made on the first event (never without listeners). */
    volatile Mailbox mailbox;

    Run(ProcessDefinition definition, ProcessInstanceId id) {
      this.definition = definition;
      this.id = id;
    }

    /** The instance as last stored; null while its start is in progress. */
    ProcessInstance view() {
      Versioned<InstanceRecord> last = saved;
      return last == null ? null : last.value().instance();
    }

    /** The open work item as last stored, or null. */
    WorkItem open() {
      Versioned<InstanceRecord> last = saved;
      return last == null ? null : last.value().openItem().orElse(null);
    }

    /** Under the lock: the mailbox, made on first use. */
    Mailbox mailbox() {
      Mailbox box = mailbox;
      if (box == null) {
        box = new Mailbox();
        mailbox = box;
      }
      return box;
    }
  }

  /**
   * The open instances of each customer. Most customers have one, kept as the id itself; a set is
   * made for the second. Updates are atomic per customer; reads see a consistent set.
   */
  private static final class CustomerIndex {
    private final ConcurrentHashMap<CustomerId, Object> own = new ConcurrentHashMap<>();

    void add(CustomerId customer, ProcessInstanceId id) {
      own.compute(customer, (c, held) -> {
        if (held == null) {
          return id;
        }
        if (held instanceof ProcessInstanceId one) {
          Set<ProcessInstanceId> many = ConcurrentHashMap.newKeySet();
          many.add(one);
          many.add(id);
          return many;
        }
        set(held).add(id);
        return held;
      });
    }

    void remove(CustomerId customer, ProcessInstanceId id) {
      own.computeIfPresent(customer, (c, held) -> {
        if (held instanceof ProcessInstanceId one) {
          return one.equals(id) ? null : one;
        }
        Set<ProcessInstanceId> many = set(held);
        many.remove(id);
        return many.isEmpty() ? null : many;
      });
    }

    Iterable<ProcessInstanceId> of(CustomerId customer) {
      Object held = own.get(customer);
      if (held == null) {
        return List.of();
      }
      return held instanceof ProcessInstanceId one ? List.of(one) : set(held);
    }

    @SuppressWarnings("unchecked")
    private static Set<ProcessInstanceId> set(Object held) {
      return (Set<ProcessInstanceId>) held;
    }
  }

  /** An instance's events waiting for delivery, in order; one thread delivers at a time. */
  private static final class Mailbox extends ConcurrentLinkedQueue<Runnable> {
    private static final long serialVersionUID = 1L;
    final AtomicBoolean delivering = new AtomicBoolean();
  }

  /** Order within one priority of a queue: by creation time, then id. */
  private static final class QueueOrder implements Comparator<WorkItem> {
    static final QueueOrder INSTANCE = new QueueOrder();

    @Override
    public int compare(WorkItem a, WorkItem b) {
      int byTime = a.createdAt().compareTo(b.createdAt());
      return byTime != 0 ? byTime : a.id().value().compareTo(b.id().value());
    }
  }

  /** The default SLA resolver: none, without a lambda on the start-up path. */
  private static final SlaResolver NO_SLA_RESOLVER = new SlaResolver() {
    @Override
    public Optional<SlaTarget> resolve(ProcessDefinition definition, StartRequest request, Instant at) {
      return Optional.empty();
    }
  };

  /** The default capacity: no limit. */
  private static final class Unlimited implements ToIntFunction<String> {
    static final Unlimited CAPACITY = new Unlimited();

    @Override
    public int applyAsInt(String performer) {
      return Integer.MAX_VALUE;
    }
  }

  /** The logger, made on the first warning: logging set-up stays off an engine's start path. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);
  }

  /**
   * The unclaimed items of one queue, highest priority first, then oldest; its own monitor guards it.
   * Items are kept per priority, each priority's by creation time and id. An item is found by its
   * priority, creation time and id; removing a snapshot whose priority differs from the one filed
   * (not reachable while the queue follows storage) still finds it, under any priority waiting.
   */
  private static final class WorkQueue {
    /** Highest priority first; a priority without items is dropped. */
    private final TreeMap<Integer, TreeSet<WorkItem>> byPriority = new TreeMap<>(Comparator.reverseOrder());
    private int size;

    synchronized void add(WorkItem item) {
      if (byPriority.computeIfAbsent(item.priority(), p -> new TreeSet<>(QueueOrder.INSTANCE)).add(item)) {
        size++;
      }
    }

    synchronized void remove(WorkItem item) {
      if (removeAt(item.priority(), item)) {
        return;
      }
      for (Integer priority : List.copyOf(byPriority.keySet())) {
        if (priority != item.priority() && removeAt(priority, item)) {
          return;
        }
      }
    }

    /** Puts an item's new snapshot in place of its old one, atomically for readers. */
    synchronized void replace(WorkItem was, WorkItem now) {
      remove(was);
      add(now);
    }

    private boolean removeAt(int priority, WorkItem item) {
      TreeSet<WorkItem> items = byPriority.get(priority);
      if (items == null || !items.remove(item)) {
        return false;
      }
      if (items.isEmpty()) {
        byPriority.remove(priority);
      }
      size--;
      return true;
    }

    synchronized WorkItem peek() {
      return byPriority.isEmpty() ? null : byPriority.firstEntry().getValue().first();
    }

    /** When the oldest item, of any priority, was created; null when empty. */
    synchronized Instant oldest() {
      Instant oldest = null;
      for (TreeSet<WorkItem> items : byPriority.values()) {
        Instant first = items.first().createdAt();
        if (oldest == null || first.isBefore(oldest)) {
          oldest = first;
        }
      }
      return oldest;
    }

    synchronized int size() {
      return size;
    }

    synchronized List<WorkItem> first(int limit) {
      List<WorkItem> items = new ArrayList<>(Math.min(limit, size));
      for (TreeSet<WorkItem> level : byPriority.values()) {
        for (WorkItem item : level) {
          if (items.size() == limit) {
            return items;
          }
          items.add(item);
        }
      }
      return items;
    }
  }

  /**
   * One operation on one instance, under the instance's lock: the instance's working state (loaded
   * from what was last stored, or from the start request), the operation's time (its latest
   * transition's), the audit records it writes, and its listener calls. Stored by
   * {@link #persist}, dropped by {@link #restore}. {@link #enqueue} moves the calls onto the
   * instance once the operation is stored; {@link #deliver} runs what is queued after the lock, one
   * thread at a time per instance, so each listener hears an instance's events in order.
   */
  private final class Op {
    final Run run;
    final ProcessDefinition definition;
    final ProcessInstanceId id;
    final CustomerId customer;
    final Optional<AgreementId> agreement;
    final String startKey;
    final Instant startedAt;
    Map<String, Object> variables;
    /** The last {@value #COMPLETED_KEPT} completed items, oldest first; an immutable list, replaced. */
    List<InstanceRecord.CompletedItem> completed;
    InstanceStatus status;
    String step;
    /** The open work item; in its queue while unclaimed, counted in its holder's hands once claimed. */
    WorkItem open;
    String failure;
    String pendingOutcome;
    Instant enteredAt;
    Instant endedAt;
    long transitions;
    /** The operation's time: when its latest transition happened. */
    Instant at;
    /** When the item being completed was claimed, for its COMPLETED record. */
    Instant claimedAt;
    /** The priority of the item being completed, for its COMPLETED record. */
    int completedPriority;
    /** The priority each new work item of the instance starts at. */
    final int priority;
    /** Whether the operation completes a human or partner step (a response, for the SLA). */
    boolean responding;
    /** The performer of the item being completed, for its COMPLETED record. */
    Performer performedBy;
    /** The service-level clock, or null without an SLA. */
    SlaClock sla;
    /** Audit records of the operation, stored with the instance and then sent. */
    final List<AuditRecord> outbox = new ArrayList<>(2);
    /** Earlier records of the instance still waiting for the audit log: stored again, not sent again. */
    List<AuditRecord> unsent = List.of();
    /** Capacity taken (+) and given back (-) by the operation, undone if it is not stored. */
    final List<String> deltas = new ArrayList<>(2);
    /** Audit records stored by the operation, announced to listeners as transitions. */
    final List<AuditRecord> sent = new ArrayList<>(2);
    private final List<Consumer<WorkflowListener>> calls = new ArrayList<>(2);
    private final List<BiConsumer<WorkflowListener, ProcessInstance>> last = new ArrayList<>(1);

    /** A start: the instance's first state. */
    Op(Run run, StartRequest request, Instant now) {
      this.run = run;
      this.definition = run.definition;
      this.id = run.id;
      this.customer = request.customer();
      this.agreement = request.agreement();
      this.startKey = request.idempotencyKey();
      this.priority = request.priority();
      this.startedAt = now;
      this.variables = request.variables();
      this.completed = List.of();
      this.status = InstanceStatus.WAITING;
      this.enteredAt = now;
      this.at = now;
    }

    /** An operation on a stored instance. */
    Op(Run run) {
      InstanceRecord record = run.saved.value();
      ProcessInstance instance = record.instance();
      this.run = run;
      this.definition = run.definition;
      this.id = run.id;
      this.customer = instance.customer();
      this.agreement = instance.agreement();
      this.startKey = record.startKey();
      this.priority = record.priority();
      this.startedAt = instance.startedAt();
      this.variables = instance.variables();
      this.completed = record.completed();
      this.status = instance.status();
      this.step = instance.step().orElse(null);
      this.open = record.openItem().orElse(null);
      this.failure = instance.failure().orElse(null);
      this.pendingOutcome = record.pendingOutcome().orElse(null);
      this.enteredAt = record.enteredAt();
      this.endedAt = instance.endedAt().orElse(null);
      this.transitions = record.transitions();
      this.sla = record.sla().orElse(null);
      this.unsent = unsentOf(id);
    }

    /** Takes a unit of a performer's capacity for this operation (a claim). */
    void take(String performer) {
      takeCapacity(performer);
      deltas.add("+" + performer);
    }

    /** Gives back a unit of a performer's capacity for this operation (a completion, a release). */
    void giveBack(String performer) {
      giveBackCapacity(performer);
      deltas.add("-" + performer);
    }

    /** Undoes the operation's capacity changes, newest first. */
    void undoCounts() {
      for (int i = deltas.size() - 1; i >= 0; i--) {
        String delta = deltas.get(i);
        AtomicInteger held = held(delta.substring(1));
        if (delta.charAt(0) == '+') {
          held.decrementAndGet();
        } else {
          held.incrementAndGet();
        }
      }
      deltas.clear();
    }

    /** Whether this is the instance's open item. */
    boolean holds(WorkItemId item) {
      return open != null && open.id().equals(item);
    }

    /** Sets variables; the map stays immutable and is copied only when a step sets some. */
    void set(Map<String, Object> changes) {
      if (!changes.isEmpty()) {
        Map<String, Object> next = new HashMap<>(variables);
        next.putAll(changes);
        variables = Map.copyOf(next);
      }
    }

    /** Remembers a completed item, keeping the last {@value #COMPLETED_KEPT}. */
    void completed(InstanceRecord.CompletedItem done) {
      int from = completed.size() == COMPLETED_KEPT ? 1 : 0;
      List<InstanceRecord.CompletedItem> next = new ArrayList<>(completed.size() + 1 - from);
      next.addAll(completed.subList(from, completed.size()));
      next.add(done);
      completed = List.copyOf(next);
    }

    InstanceRecord record() {
      ProcessInstance instance = new ProcessInstance(id, definition.key(), definition.version(), customer, agreement,
          status, Optional.ofNullable(step), Optional.ofNullable(open).map(WorkItem::id),
          Optional.ofNullable(failure), variables, startedAt, Optional.ofNullable(endedAt));
      List<AuditRecord> pending = outbox;
      if (!unsent.isEmpty()) {
        pending = new ArrayList<>(unsent);
        pending.addAll(outbox);
      }
      return new InstanceRecord(instance, startKey, Optional.ofNullable(open), transitions, enteredAt, completed,
          Optional.ofNullable(pendingOutcome), List.copyOf(pending), Optional.ofNullable(sla), priority);
    }

    void first(Consumer<WorkflowListener> call) {
      calls.add(0, call);
    }

    void add(Consumer<WorkflowListener> call) {
      calls.add(call);
    }

    /** Calls that need the instance as stored at the end of the operation. */
    void later(BiConsumer<WorkflowListener, ProcessInstance> call) {
      last.add(call);
    }

    /** Under the instance's lock, after a successful store: the transitions, then the calls. */
    void enqueue() {
      if (listeners.isEmpty()) {
        return;
      }
      Mailbox box = run.mailbox();
      ProcessInstance view = run.view();
      for (AuditRecord r : sent) {
        box.add(() -> call(l -> l.transitioned(r)));
      }
      for (Consumer<WorkflowListener> c : calls) {
        box.add(() -> call(c));
      }
      for (BiConsumer<WorkflowListener, ProcessInstance> c : last) {
        box.add(() -> call(l -> c.accept(l, view)));
      }
    }

    private void call(Consumer<WorkflowListener> call) {
      RuntimeException failure = null;
      for (WorkflowListener listener : listeners) {
        try {
          call.accept(listener);
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }

    /** After the lock: delivers what is queued on the instance unless another thread is at it. */
    void deliver() {
      Mailbox box = run.mailbox;
      if (box == null) {
        return;
      }
      RuntimeException failure = null;
      while (!box.isEmpty() && box.delivering.compareAndSet(false, true)) {
        try {
          Runnable next;
          while ((next = box.poll()) != null) {
            try {
              next.run();
            } catch (RuntimeException e) {
              if (failure == null) {
                failure = e;
              }
            }
          }
        } finally {
          box.delivering.set(false);
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** Configures a {@link WorkflowEngine}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private final Map<String, StepHandler> handlers = new HashMap<>();
    private AuditLog audit = AuditLog.inMemory();
    private final List<WorkflowListener> listeners = new ArrayList<>();
    private ToIntFunction<String> capacity = Unlimited.CAPACITY;
    private final Map<String, BusinessCalendar> calendars = new HashMap<>();
    private SlaResolver slaResolver = NO_SLA_RESOLVER;
    private double slaWarningShare = 0.8;
    private InstanceStore store = InstanceStore.inMemory();
    private String node;

    private Builder() {}

    /**
     * The clock (default: system clock, UTC); a fixed or virtual clock in tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Registers the handler of automated steps that name it.
     *
     * @param name the handler's name
     * @param handler the handler
     * @return this builder
     * @throws IllegalArgumentException if the name is registered already
     */
    public Builder handler(String name, StepHandler handler) {
      Objects.requireNonNull(handler, "handler");
      if (handlers.putIfAbsent(Performer.automated(name).code(), handler) != null) {
        throw new IllegalArgumentException("handler '" + name + "' is registered twice");
      }
      return this;
    }

    /**
     * Where the audit trail goes (default: in memory).
     *
     * @param audit the audit log
     * @return this builder
     */
    public Builder audit(AuditLog audit) {
      this.audit = Objects.requireNonNull(audit, "audit");
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(WorkflowListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * The assignment policy's capacity: how many claimed items each performer may hold at once
     * (default: unlimited). Claims beyond it are refused, so work stays in the queue for a
     * performer who can take it.
     *
     * @param capacity the capacity of each performer, at least 1
     * @return this builder
     */
    public Builder capacity(ToIntFunction<String> capacity) {
      this.capacity = Objects.requireNonNull(capacity, "capacity");
      return this;
    }

    /**
     * Where instances are kept (default: in memory). An engine built on a store with open
     * instances resumes them as their definitions are deployed.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(InstanceStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Registers a business calendar under the id that SLA targets ({@link SlaTarget#calendar()}) and
     * timers ({@link Performer#timer(Duration, String)}) name.
     *
     * @param id the calendar's id
     * @param calendar the calendar
     * @return this builder
     * @throws IllegalArgumentException if the id is registered already
     */
    public Builder calendar(String id, BusinessCalendar calendar) {
      Objects.requireNonNull(calendar, "calendar");
      if (calendars.putIfAbsent(Checks.code("calendar id", id), calendar) != null) {
        throw new IllegalArgumentException("calendar '" + id + "' is registered twice");
      }
      return this;
    }

    /**
     * Where a start's SLA comes from (default: none, so the definition's default applies); e.g.
     * {@link SlaResolver#fromAgreements} for the entitlement in force on the customer's agreement.
     *
     * @param resolver the resolver
     * @return this builder
     */
    public Builder slaResolver(SlaResolver resolver) {
      this.slaResolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * The share of each SLA deadline after which an instance is at risk (default 0.8: a warning
     * when 80% of the working time allowed has passed).
     *
     * @param share a share strictly between 0 and 1
     * @return this builder
     * @throws IllegalArgumentException if the share is not in (0, 1)
     */
    public Builder slaWarningShare(double share) {
      if (!(share > 0 && share < 1)) {
        throw new IllegalArgumentException("slaWarningShare must be strictly between 0 and 1, was " + share);
      }
      this.slaWarningShare = share;
      return this;
    }

    /**
     * A name for this engine, used in instance ids ({@code P-<node>-<n>}) instead of random ids
     * (120 bits in 20 URL-safe Base64 characters).
     * Give one only where output must repeat (demos, documentation) and the store starts empty:
     * a restarted engine with the same name on the same store would reuse ids.
     *
     * @param node a code
     * @return this builder
     */
    public Builder node(String node) {
      this.node = Checks.code("WorkflowEngine.node", node);
      return this;
    }

    /**
     * Builds the engine; stored open instances wait for their definitions to be deployed.
     *
     * @return the engine
     */
    public WorkflowEngine build() {
      return new WorkflowEngine(this);
    }
  }
}
