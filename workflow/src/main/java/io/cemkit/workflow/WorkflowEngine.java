package io.cemkit.workflow;

import io.cemkit.core.AgreementId;
import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessSummary;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.OpenProcesses;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.InstanceStore;
import io.cemkit.workflow.spi.WorkflowListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * The step engine (W2, W3, W6; in-memory in this release). It runs deployed
 * {@link ProcessDefinition}s: {@link #start} creates an instance pinned to a definition version and
 * moves it on; automated steps run inline through the registered {@link StepHandler}s until the
 * instance waits for a person or a partner, fails, or ends; human and partner steps become
 * {@link WorkItem}s in the queue named by their performer.
 *
 * <ul>
 *   <li><b>Work queues.</b> {@link #claim}, {@link #claimNext} (oldest first) and {@link #release};
 *       {@link #complete} needs only the item's id and token and returns the instance and the next
 *       item when it falls to the same performer. {@link #queueDepth} is O(1) and
 *       {@link #oldestWaiting} O(log n).
 *   <li><b>Capacity.</b> A performer may hold at most {@code capacity(performer)} claimed items
 *       (unlimited by default); a claim beyond it throws {@link CapacityExceededException}.
 *   <li><b>Guarantees.</b> One writer per instance: operations on an instance are serialised by
 *       its own lock, so concurrent use never surfaces an optimistic-lock failure. A repeated
 *       {@link StartRequest#idempotencyKey()} returns the first instance; completing an item again
 *       with its token returns the first {@link Completion} and has no second effect.
 *   <li><b>Failures.</b> A handler that throws leaves the instance {@link InstanceStatus#FAILED} at
 *       its step with the reason; {@link #retry} runs the step again.
 *   <li><b>Audit.</b> One {@link AuditRecord} per transition goes to the {@link AuditLog}.
 * </ul>
 *
 * <ul>
 *   <li><b>Storage.</b> Every operation writes the instance's one {@link InstanceRecord} through the
 *       {@link InstanceStore} before it returns. An engine built on a store that holds open
 *       instances resumes each of them when its definition version is deployed, with its queue
 *       place, its holder and its idempotency data. If the store refuses a write, the instance is
 *       reloaded from the store and the error propagates: memory never runs ahead of storage (the
 *       audit records of the refused operation stay). One engine per store at a time in this
 *       release. Completed instances leave memory; {@link #instance} reads them from the store.
 * </ul>
 *
 * <p>The engine is the customer context's {@link OpenProcesses}. Listeners are called after the
 * change is recorded, outside the instance's lock. Thread-safe.
 */
public final class WorkflowEngine implements OpenProcesses {
  /** The most automated steps one call may run inline before the instance is failed as looping. */
  public static final int MAX_INLINE_STEPS = 10_000;
  private static final String ENGINE = "engine";
  /** How many completed work items per instance keep their token digest for duplicate detection. */
  private static final int COMPLETED_KEPT = 32;

  private final Clock clock;
  private final Map<String, StepHandler> handlers;
  private final AuditLog audit;
  private final List<WorkflowListener> listeners;
  private final ToIntFunction<String> capacity;
  private final InstanceStore store;
  private final String nonce;
  private final Map<String, List<Versioned<InstanceRecord>>> pending = new ConcurrentHashMap<>();
  private final Map<CustomerId, Set<ProcessInstanceId>> byCustomer = new ConcurrentHashMap<>();
  private final Map<String, NavigableMap<Integer, ProcessDefinition>> definitions = new ConcurrentHashMap<>();
  private final Map<ProcessInstanceId, Run> runs = new ConcurrentHashMap<>();
  private final Map<WorkItemId, Item> items = new ConcurrentHashMap<>();
  private final Map<String, WorkQueue> queues = new ConcurrentHashMap<>();
  private final Map<String, ProcessInstanceId> startKeys = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> inHand = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final SecureRandom random = new SecureRandom();

  private WorkflowEngine(Builder builder) {
    this.clock = builder.clock;
    this.handlers = Map.copyOf(builder.handlers);
    this.audit = builder.audit;
    this.listeners = List.copyOf(builder.listeners);
    this.capacity = builder.capacity;
    this.store = builder.store;
    if (builder.node != null) {
      this.nonce = builder.node;
    } else {
      byte[] bytes = new byte[4];
      random.nextBytes(bytes);
      this.nonce = HexFormat.of().formatHex(bytes);
    }
    for (Versioned<InstanceRecord> record : store.open()) {
      ProcessInstance instance = record.value().instance();
      pending.computeIfAbsent(instance.processKey() + " v" + instance.version(), k -> new ArrayList<>()).add(record);
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

  /**
   * Deploys a definition version. Its automated steps' handlers must be registered.
   *
   * @param definition the definition
   * @return this engine
   * @throws InvalidDefinitionException if a handler is missing
   * @throws DuplicateEntityException if another definition with the same key and version is deployed
   */
  public WorkflowEngine deploy(ProcessDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    List<String> missing = definition.handlers().stream().filter(h -> !handlers.containsKey(h))
        .map(h -> "handler '" + h + "' is not registered with the engine (registered: " + new TreeMap<>(handlers)
            .keySet() + ")")
        .toList();
    if (!missing.isEmpty()) {
      throw new InvalidDefinitionException(definition.key() + " v" + definition.version(), missing);
    }
    NavigableMap<Integer, ProcessDefinition> versions = definitions.computeIfAbsent(definition.key(),
        k -> new ConcurrentSkipListMap<>());
    ProcessDefinition previous = versions.putIfAbsent(definition.version(), definition);
    if (previous != null && previous != definition) {
      throw new DuplicateEntityException("ProcessDefinition", definition.key() + " v" + definition.version());
    }
    List<Versioned<InstanceRecord>> resumed = pending.remove(definition.key() + " v" + definition.version());
    if (resumed != null) {
      resumed.forEach(r -> resume(definition, r));
    }
    return this;
  }

  /** Puts a stored open instance back in memory: its run, its open item, its queue place, its holder. */
  private void resume(ProcessDefinition definition, Versioned<InstanceRecord> stored) {
    InstanceRecord record = stored.value();
    Run run = new Run(definition, record, stored.revision());
    synchronized (run) {
      runs.put(run.id, run);
      startKeys.put(run.startKey, run.id);
      byCustomer.computeIfAbsent(run.customer, c -> ConcurrentHashMap.newKeySet()).add(run.id);
      record.openItem().ifPresent(item -> index(run, item));
    }
  }

  private void index(Run run, WorkItem item) {
    Item it = new Item(run, item, sequence.incrementAndGet());
    items.put(item.id(), it);
    item.claimedBy().ifPresentOrElse(h -> held(h).incrementAndGet(), () -> queue(item.performer()).add(it.sequence,
        item.id()));
  }

  /**
   * Starts an instance and moves it as far as it goes: through automated steps until it waits at a
   * human or partner step, fails, or ends. A repeated idempotency key returns the instance the
   * first call started, as it is now, and starts nothing.
   *
   * @param request what to start
   * @return the instance
   * @throws UnknownEntityException if the process or version is not deployed
   */
  public ProcessInstance start(StartRequest request) {
    Objects.requireNonNull(request, "request");
    ProcessDefinition definition = definition(request.processKey(), request.version());
    String key = request.idempotencyKey();
    Optional<ProcessInstance> existing = started(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    List<Runnable> events = new ArrayList<>();
    Run run = new Run(definition, ProcessInstanceId.of("P-" + nonce + "-" + sequence.incrementAndGet()), request);
    ProcessInstance result;
    // The new instance is locked before anyone can see it: a concurrent start with the same key that
    // loses the race waits for the winner to finish its first steps.
    synchronized (run) {
      ProcessInstanceId prior = startKeys.putIfAbsent(key, run.id);
      if (prior != null) {
        result = null;
      } else if (store.byStartKey(key).isPresent()) {
        // Completed and evicted between our first look and the reservation.
        startKeys.remove(key, run.id);
        result = null;
      } else {
        runs.put(run.id, run);
        byCustomer.computeIfAbsent(run.customer, c -> ConcurrentHashMap.newKeySet()).add(run.id);
        append(run, AuditRecord.Kind.STARTED, Optional.empty(), Optional.of(definition.start().id()),
            Optional.empty(), ENGINE, run.startedAt, Optional.empty());
        enter(run, definition.start(), events);
        persist(run);
        result = run.snapshot();
        ProcessInstance started = result;
        events.add(0, () -> listeners.forEach(l -> l.instanceStarted(started)));
        announceTransitions(run, events);
      }
    }
    if (result == null) {
      return started(key).orElseThrow();
    }
    events.forEach(Runnable::run);
    return result;
  }

  /** The instance started with an idempotency key, in memory or in the store. */
  private Optional<ProcessInstance> started(String key) {
    ProcessInstanceId id = startKeys.get(key);
    if (id != null) {
      Optional<ProcessInstance> live = instance(id);
      if (live.isPresent()) {
        return live;
      }
    }
    return store.byStartKey(key).map(v -> v.value().instance());
  }

  /**
   * Claims a work item for a performer.
   *
   * @param item the work item
   * @param performer who takes it
   * @return the item, with its completion token
   * @throws UnknownEntityException if there is no such item
   * @throws WorkItemStateException if it is completed or held by someone else
   * @throws CapacityExceededException if the performer holds their capacity already
   */
  public WorkItem claim(WorkItemId item, String performer) {
    Objects.requireNonNull(performer, "performer");
    Item it = item(item);
    WorkItem claimed;
    synchronized (it.run) {
      if (items.get(item) != it) {
        throw completedOrUnknown(item);
      }
      claimed = claimLocked(it, performer);
      persist(it.run);
    }
    listeners.forEach(l -> l.workItemClaimed(claimed));
    return claimed;
  }

  /**
   * Claims the oldest unclaimed item of a queue.
   *
   * @param queue the queue's (or partner's) code
   * @param performer who takes it
   * @return the item with its token, or empty when the queue is empty
   * @throws CapacityExceededException if the performer holds their capacity already
   */
  public Optional<WorkItem> claimNext(String queue, String performer) {
    Objects.requireNonNull(performer, "performer");
    checkCapacity(performer);
    WorkQueue q = queues.get(Objects.requireNonNull(queue, "queue"));
    while (q != null) {
      WorkItemId next = q.poll();
      if (next == null) {
        return Optional.empty();
      }
      Item it = items.get(next);
      if (it == null) {
        continue;
      }
      WorkItem claimed = null;
      synchronized (it.run) {
        if (items.get(next) == it && it.snapshot.claimedBy().isEmpty()) {
          try {
            claimed = claimLocked(it, performer);
          } catch (CapacityExceededException e) {
            q.add(it.sequence, next);
            throw e;
          }
          persist(it.run);
        }
      }
      if (claimed != null) {
        WorkItem c = claimed;
        listeners.forEach(l -> l.workItemClaimed(c));
        return Optional.of(claimed);
      }
    }
    return Optional.empty();
  }

  private WorkItem claimLocked(Item it, String performer) {
    Optional<String> holder = it.snapshot.claimedBy();
    if (holder.isPresent()) {
      if (holder.get().equals(performer)) {
        return it.snapshot;
      }
      throw new WorkItemStateException("Work item " + it.snapshot.id() + " is held by " + holder.get()
          + "; it must be released before " + performer + " can claim it");
    }
    takeCapacity(performer);
    queue(it.snapshot.performer()).remove(it.snapshot.id());
    it.snapshot = new WorkItem(it.snapshot.id(), it.snapshot.instance(), it.snapshot.step(), it.snapshot.performer(),
        it.snapshot.createdAt(), Optional.of(performer), Optional.of(clock.instant()), it.snapshot.token());
    return it.snapshot;
  }

  /**
   * Puts a claimed item back in its queue, in its original place (by creation).
   *
   * @param item the work item
   * @param performer who holds it
   * @return the unclaimed item
   * @throws WorkItemStateException if the performer does not hold it or it is completed
   */
  public WorkItem release(WorkItemId item, String performer) {
    Objects.requireNonNull(performer, "performer");
    Item it = item(item);
    synchronized (it.run) {
      if (items.get(item) != it) {
        throw completedOrUnknown(item);
      }
      if (!it.snapshot.claimedBy().filter(performer::equals).isPresent()) {
        throw new WorkItemStateException("Work item " + item + " is not held by " + performer
            + it.snapshot.claimedBy().map(h -> " (held by " + h + ")").orElse(" (unclaimed)"));
      }
      giveBackCapacity(performer);
      it.snapshot = new WorkItem(it.snapshot.id(), it.snapshot.instance(), it.snapshot.step(), it.snapshot.performer(),
          it.snapshot.createdAt(), Optional.empty(), Optional.empty(), it.snapshot.token());
      queue(it.snapshot.performer()).add(it.sequence, item);
      persist(it.run);
      return it.snapshot;
    }
  }

  /**
   * Completes a work item and moves the instance on. Needs no prior query: the item's id and its
   * token suffice. Completing again with the same token returns the first result.
   *
   * @param item the work item
   * @param token its completion token
   * @param result the outcome and the variables to set
   * @return the instance after it moved on, and the next item if it falls to the same performer
   * @throws UnknownEntityException if there is no such item
   * @throws CompletionTokenException if the token is not the item's
   */
  public Completion complete(WorkItemId item, String token, StepResult result) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(result, "result");
    Item it = items.get(Objects.requireNonNull(item, "item"));
    if (it == null) {
      return repeatedCompletion(item, token);
    }
    List<Runnable> events = new ArrayList<>();
    Completion completion;
    synchronized (it.run) {
      if (items.get(item) != it) {
        return repeatedCompletion(item, token);
      }
      if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
          it.snapshot.token().getBytes(StandardCharsets.UTF_8))) {
        throw new CompletionTokenException(item);
      }
      Run run = it.run;
      items.remove(item);
      Optional<String> holder = it.snapshot.claimedBy();
      holder.ifPresentOrElse(this::giveBackCapacity, () -> queue(it.snapshot.performer()).remove(item));
      run.item = null;
      run.completed.addLast(new InstanceRecord.CompletedItem(item, digest(token)));
      if (run.completed.size() > COMPLETED_KEPT) {
        run.completed.removeFirst();
      }
      String actor = holder.orElse(it.snapshot.performer().code());
      Step step = run.definition.step(it.snapshot.step()).orElseThrow();
      run.variables.putAll(result.variables());
      moveOn(run, step, result, actor, events);
      Optional<WorkItem> next = Optional.empty();
      if (holder.isPresent() && run.item != null) {
        Item created = items.get(run.item);
        if (created.snapshot.performer().equals(it.snapshot.performer()) && hasCapacity(holder.get())) {
          try {
            WorkItem claimed = claimLocked(created, holder.get());
            next = Optional.of(claimed);
            events.add(() -> listeners.forEach(l -> l.workItemClaimed(claimed)));
          } catch (CapacityExceededException raced) {
            // Another thread filled the performer's hands meanwhile: the item stays in its queue.
          }
        }
      }
      persist(run);
      completion = new Completion(run.snapshot(), next);
      announceTransitions(run, events);
    }
    events.forEach(Runnable::run);
    return completion;
  }

  /** A completion of an item that is no longer open: a duplicate if the token is the one used. */
  private Completion repeatedCompletion(WorkItemId item, String token) {
    ProcessInstanceId owner = ownerOf(item);
    Run run = runs.get(owner);
    List<InstanceRecord.CompletedItem> completed;
    ProcessInstance now;
    if (run != null) {
      synchronized (run) {
        completed = List.copyOf(run.completed);
        now = run.snapshot();
      }
    } else {
      Optional<Versioned<InstanceRecord>> stored = store.find(owner);
      if (stored.isEmpty()) {
        throw unknownItem(item);
      }
      completed = stored.get().value().completed();
      now = stored.get().value().instance();
    }
    for (InstanceRecord.CompletedItem done : completed) {
      if (done.id().equals(item)) {
        if (!MessageDigest.isEqual(done.tokenDigest().getBytes(StandardCharsets.UTF_8),
            digest(token).getBytes(StandardCharsets.UTF_8))) {
          throw new CompletionTokenException(item);
        }
        return new Completion(now, Optional.empty());
      }
    }
    throw unknownItem(item);
  }

  private RuntimeException completedOrUnknown(WorkItemId item) {
    ProcessInstanceId owner = ownerOf(item);
    Run run = runs.get(owner);
    List<InstanceRecord.CompletedItem> completed = run != null ? List.copyOf(run.completed)
        : store.find(owner).map(v -> v.value().completed()).orElse(List.of());
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
        + "human or partner step");
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(
          StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Writes the instance's record; on a refused write, reloads the instance from the store so that
   * memory never runs ahead of storage, and rethrows. Evicts a completed instance from memory.
   */
  private void persist(Run run) {
    InstanceRecord record = run.record();
    try {
      run.revision = run.revision == 0 ? store.insert(record).revision()
          : store.update(record, run.revision).revision();
    } catch (RuntimeException e) {
      reload(run);
      throw e;
    }
    if (run.status == InstanceStatus.COMPLETED) {
      runs.remove(run.id);
      startKeys.remove(run.startKey, run.id);
      Set<ProcessInstanceId> own = byCustomer.get(run.customer);
      if (own != null) {
        own.remove(run.id);
      }
    }
  }

  /** Drops the in-memory state of an instance and rebuilds it from its stored record, if any. */
  private void reload(Run run) {
    for (Map.Entry<WorkItemId, Item> e : List.copyOf(items.entrySet())) {
      if (e.getValue().run == run) {
        items.remove(e.getKey());
        e.getValue().snapshot.claimedBy().ifPresentOrElse(this::giveBackCapacity,
            () -> queue(e.getValue().snapshot.performer()).remove(e.getKey()));
      }
    }
    Optional<Versioned<InstanceRecord>> stored = store.find(run.id);
    if (stored.isEmpty()) {
      runs.remove(run.id);
      startKeys.remove(run.startKey, run.id);
      Set<ProcessInstanceId> own = byCustomer.get(run.customer);
      if (own != null) {
        own.remove(run.id);
      }
      return;
    }
    run.fresh.clear();
    run.restore(stored.get().value(), stored.get().revision());
    stored.get().value().openItem().ifPresent(item -> index(run, item));
  }

  /**
   * Runs the failed step of a failed instance again.
   *
   * @param instance the instance
   * @return the instance after the retry
   * @throws UnknownEntityException if there is no such instance
   * @throws IllegalStateException if the instance has not failed
   */
  public ProcessInstance retry(ProcessInstanceId instance) {
    Run run = run(instance);
    List<Runnable> events = new ArrayList<>();
    ProcessInstance after;
    synchronized (run) {
      if (run.status != InstanceStatus.FAILED) {
        throw new IllegalStateException("Instance " + instance + " is " + run.status + "; only a FAILED instance "
            + "can be retried");
      }
      Step step = run.definition.step(run.step).orElseThrow();
      append(run, AuditRecord.Kind.RETRIED, Optional.of(step.id()), Optional.of(step.id()),
          Optional.of(step.performer()), ENGINE, run.enteredAt, Optional.empty());
      run.failure = null;
      enter(run, step, events);
      persist(run);
      after = run.snapshot();
      announceTransitions(run, events);
    }
    events.forEach(Runnable::run);
    return after;
  }

  /** Enters a step; runs automated steps inline until a wait, a failure or the end. */
  private void enter(Run run, Step first, List<Runnable> events) {
    Step step = first;
    for (int inline = 0; ; inline++) {
      run.step = step.id();
      run.enteredAt = clock.instant();
      if (!(step.performer() instanceof Performer.Automated automated)) {
        createItem(run, step, events);
        return;
      }
      if (inline == MAX_INLINE_STEPS) {
        fail(run, step, "more than " + MAX_INLINE_STEPS + " automated steps in one call; the routes loop", events);
        return;
      }
      StepResult result;
      try {
        result = Objects.requireNonNull(handlers.get(automated.code()).handle(new StepContext(run.id, run.customer,
            step, Map.copyOf(run.variables), clock.instant())), "the handler returned null");
      } catch (RuntimeException e) {
        fail(run, step, e.getClass().getSimpleName() + ": " + e.getMessage(), events);
        return;
      }
      run.variables.putAll(result.variables());
      Optional<Step> next;
      try {
        next = route(run, step, result, automated.code());
      } catch (RuntimeException e) {
        fail(run, step, "a route condition failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), events);
        return;
      }
      if (next.isEmpty()) {
        end(run, events);
        return;
      }
      step = next.get();
    }
  }

  private void moveOn(Run run, Step step, StepResult result, String actor, List<Runnable> events) {
    Optional<Step> next;
    try {
      next = route(run, step, result, actor);
    } catch (RuntimeException e) {
      // The work is done and stays done; the instance waits, failed, at the step whose routes broke.
      fail(run, step, "a route condition failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), events);
      return;
    }
    if (next.isEmpty()) {
      end(run, events);
    } else {
      enter(run, next.get(), events);
    }
  }

  private Optional<Step> route(Run run, Step step, StepResult result, String actor) {
    Optional<String> target = step.isFinal() ? Optional.empty()
        : step.route(RouteContext.of(step.id(), result.outcome(), run.variables)).target();
    append(run, AuditRecord.Kind.COMPLETED, Optional.of(step.id()), target, Optional.of(step.performer()),
        actor, run.enteredAt, Optional.of(result.outcome()));
    return target.map(t -> run.definition.step(t).orElseThrow());
  }

  private void createItem(Run run, Step step, List<Runnable> events) {
    byte[] secret = new byte[18];
    random.nextBytes(secret);
    // The item's id names its instance, so a completion finds the instance without an index.
    WorkItem item = new WorkItem(WorkItemId.of(run.id.value() + "/" + run.transitions), run.id, step.id(),
        step.performer(), run.enteredAt, Optional.empty(), Optional.empty(),
        Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    index(run, item);
    run.item = item.id();
    run.status = InstanceStatus.WAITING;
    events.add(() -> listeners.forEach(l -> l.workItemCreated(item)));
  }

  private void fail(Run run, Step step, String reason, List<Runnable> events) {
    run.status = InstanceStatus.FAILED;
    run.failure = reason;
    append(run, AuditRecord.Kind.FAILED, Optional.of(step.id()), Optional.empty(), Optional.of(step.performer()),
        step.performer().code(), run.enteredAt, Optional.of(reason));
    ProcessInstance failed = run.snapshot();
    events.add(() -> listeners.forEach(l -> l.instanceFailed(failed)));
  }

  private void end(Run run, List<Runnable> events) {
    run.status = InstanceStatus.COMPLETED;
    run.step = null;
    run.endedAt = clock.instant();
    ProcessInstance ended = run.snapshot();
    events.add(() -> listeners.forEach(l -> l.instanceEnded(ended)));
  }

  private void append(Run run, AuditRecord.Kind kind, Optional<String> from, Optional<String> to,
      Optional<Performer> performer, String actor, Instant enteredAt, Optional<String> outcome) {
    AuditRecord record = new AuditRecord(run.id, ++run.transitions, kind, from, to, performer, actor, enteredAt,
        clock.instant(), outcome);
    audit.append(record);
    run.fresh.add(record);
  }

  /** Puts the transitions an operation recorded ahead of its other events, in order. */
  private void announceTransitions(Run run, List<Runnable> events) {
    List<AuditRecord> records = List.copyOf(run.fresh);
    run.fresh.clear();
    events.add(0, () -> records.forEach(r -> listeners.forEach(l -> l.transitioned(r))));
  }

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
   * When the oldest unclaimed item of a queue was created.
   *
   * @param queue the queue's code
   * @return the creation time, or empty when the queue is empty
   */
  public Optional<Instant> oldestWaiting(String queue) {
    WorkQueue q = queues.get(Objects.requireNonNull(queue, "queue"));
    WorkItemId oldest = q == null ? null : q.peek();
    return oldest == null ? Optional.empty() : Optional.of(items.get(oldest).snapshot.createdAt());
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
   * An instance as it is now.
   *
   * @param id the instance
   * @return the snapshot, or empty
   */
  public Optional<ProcessInstance> instance(ProcessInstanceId id) {
    Run run = runs.get(Objects.requireNonNull(id, "id"));
    if (run == null) {
      return store.find(id).map(v -> v.value().instance());
    }
    synchronized (run) {
      return Optional.of(run.snapshot());
    }
  }

  /**
   * The customer's open instances (waiting or failed), for the customer context.
   *
   * @param customer the customer
   * @param at ignored: the engine answers as of now
   * @return one summary per open instance, by the time it entered its step; a waiting instance
   *     names the queue or partner it waits for, a failed one names none
   */
  @Override
  public List<ProcessSummary> openFor(CustomerId customer, Instant at) {
    Set<ProcessInstanceId> own = byCustomer.getOrDefault(Objects.requireNonNull(customer, "customer"), Set.of());
    List<ProcessSummary> summaries = new ArrayList<>();
    for (ProcessInstanceId id : own) {
      Run run = runs.get(id);
      if (run == null) {
        continue;
      }
      synchronized (run) {
        if (run.status == InstanceStatus.COMPLETED) {
          continue;
        }
        io.cemkit.core.ImmutableProcessSummary.Builder summary = ProcessSummary.builder().id(run.id).processType(run.definition.key())
            .currentStep(run.step).waitingSince(run.enteredAt);
        if (run.status == InstanceStatus.WAITING) {
          run.definition.step(run.step).ifPresent(step -> summary.waitingFor(step.performer().code()));
        }
        run.agreement.ifPresent(summary::agreement);
        summaries.add(summary.build());
      }
    }
    summaries.sort(java.util.Comparator.comparing(ProcessSummary::waitingSince));
    return summaries;
  }

  /**
   * An open work item as it is now, with its token.
   *
   * @param id the item
   * @return the snapshot, or empty once completed or if unknown
   */
  public Optional<WorkItem> workItem(WorkItemId id) {
    Item it = items.get(Objects.requireNonNull(id, "id"));
    if (it == null) {
      return Optional.empty();
    }
    synchronized (it.run) {
      return items.get(id) == it ? Optional.of(it.snapshot) : Optional.empty();
    }
  }

  private Item item(WorkItemId id) {
    Item it = items.get(Objects.requireNonNull(id, "item"));
    if (it == null) {
      throw completedOrUnknown(id);
    }
    return it;
  }

  private Run run(ProcessInstanceId id) {
    Run run = runs.get(Objects.requireNonNull(id, "instance"));
    if (run == null) {
      throw new UnknownEntityException("ProcessInstance", id.value(), "instances are created by start");
    }
    return run;
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
      throw new UnknownEntityException("ProcessDefinition", key + " v" + version.get(), "deployed versions: "
          + versions.keySet());
    }
    return pinned;
  }

  /** One instance's mutable state, guarded by its own monitor: the one writer per instance. */
  private final class Run {
    final ProcessDefinition definition;
    final ProcessInstanceId id;
    final CustomerId customer;
    final Optional<AgreementId> agreement;
    final String startKey;
    final Instant startedAt;
    final Map<String, Object> variables = new LinkedHashMap<>();
    final ArrayDeque<InstanceRecord.CompletedItem> completed = new ArrayDeque<>();
    /** Audit records of the operation in progress, announced to listeners when it ends. */
    final List<AuditRecord> fresh = new ArrayList<>();
    InstanceStatus status = InstanceStatus.WAITING;
    String step;
    WorkItemId item;
    String failure;
    Instant enteredAt;
    Instant endedAt;
    long transitions;
    long revision;

    Run(ProcessDefinition definition, ProcessInstanceId id, StartRequest request) {
      this.definition = definition;
      this.id = id;
      this.customer = request.customer();
      this.agreement = request.agreement();
      this.startKey = request.idempotencyKey();
      this.variables.putAll(request.variables());
      this.startedAt = clock.instant();
      this.enteredAt = startedAt;
    }

    Run(ProcessDefinition definition, InstanceRecord record, long revision) {
      this.definition = definition;
      this.id = record.instance().id();
      this.customer = record.instance().customer();
      this.agreement = record.instance().agreement();
      this.startKey = record.startKey();
      this.startedAt = record.instance().startedAt();
      restore(record, revision);
    }

    void restore(InstanceRecord record, long storedRevision) {
      ProcessInstance instance = record.instance();
      variables.clear();
      variables.putAll(instance.variables());
      completed.clear();
      completed.addAll(record.completed());
      status = instance.status();
      step = instance.step().orElse(null);
      item = instance.workItem().orElse(null);
      failure = instance.failure().orElse(null);
      enteredAt = record.enteredAt();
      endedAt = instance.endedAt().orElse(null);
      transitions = record.transitions();
      revision = storedRevision;
    }

    ProcessInstance snapshot() {
      return new ProcessInstance(id, definition.key(), definition.version(), customer, agreement, status,
          Optional.ofNullable(step), Optional.ofNullable(item), Optional.ofNullable(failure), variables, startedAt,
          Optional.ofNullable(endedAt));
    }

    InstanceRecord record() {
      Optional<WorkItem> open = item == null ? Optional.empty() : Optional.ofNullable(items.get(item))
          .map(it -> it.snapshot);
      return new InstanceRecord(snapshot(), startKey, open, transitions, enteredAt, List.copyOf(completed));
    }
  }

  /** One work item's mutable state, guarded by its instance's monitor. */
  private static final class Item {
    final Run run;
    final long sequence;
    WorkItem snapshot;

    Item(Run run, WorkItem snapshot, long sequence) {
      this.run = run;
      this.snapshot = snapshot;
      this.sequence = sequence;
    }
  }

  /** The unclaimed items of one queue, oldest first; its own monitor guards it. */
  private static final class WorkQueue {
    private final TreeMap<Long, WorkItemId> bySequence = new TreeMap<>();
    private final Map<WorkItemId, Long> sequences = new HashMap<>();

    synchronized void add(long seq, WorkItemId id) {
      bySequence.put(seq, id);
      sequences.put(id, seq);
    }

    synchronized void remove(WorkItemId id) {
      Long seq = sequences.remove(id);
      if (seq != null) {
        bySequence.remove(seq);
      }
    }

    synchronized WorkItemId poll() {
      Map.Entry<Long, WorkItemId> first = bySequence.pollFirstEntry();
      if (first == null) {
        return null;
      }
      sequences.remove(first.getValue());
      return first.getValue();
    }

    synchronized WorkItemId peek() {
      Map.Entry<Long, WorkItemId> first = bySequence.firstEntry();
      return first == null ? null : first.getValue();
    }

    synchronized int size() {
      return sequences.size();
    }
  }

  /** Configures a {@link WorkflowEngine}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private final Map<String, StepHandler> handlers = new HashMap<>();
    private AuditLog audit = AuditLog.inMemory();
    private final List<WorkflowListener> listeners = new ArrayList<>();
    private ToIntFunction<String> capacity = performer -> Integer.MAX_VALUE;
    private InstanceStore store = InstanceStore.inMemory();
    private String node;

    private Builder() {}

    /**
     * A name for this engine, used in instance ids ({@code P-<node>-<n>}); by default a random one,
     * so that engines restarted on one store never reuse an id. Give a fixed name only where
     * output must repeat (demos, documentation) and the store starts empty.
     *
     * @param node a code
     * @return this builder
     */
    public Builder node(String node) {
      this.node = io.cemkit.core.internal.Checks.code("WorkflowEngine.node", node);
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
     * Builds the engine.
     *
     * @return the engine
     */
    public WorkflowEngine build() {
      return new WorkflowEngine(this);
    }
  }
}
