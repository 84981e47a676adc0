package io.cemkit.workflow;

import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.StorageException;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.spi.InstanceStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The in-memory store with hooks around writes, a refusal switch and an optional millisecond precision. */
final class HookedStore implements InstanceStore {
  final InstanceStore real = InstanceStore.inMemory();
  final AtomicBoolean failWrites = new AtomicBoolean();
  volatile Consumer<InstanceRecord> beforeWrite;
  volatile Consumer<InstanceRecord> afterWrite;
  volatile boolean truncateToMillis;

  private InstanceRecord before(InstanceRecord record) {
    Consumer<InstanceRecord> hook = beforeWrite;
    if (hook != null) {
      hook.accept(record);
    }
    if (failWrites.get()) {
      throw new StorageException("database down", new RuntimeException("timeout"));
    }
    return truncateToMillis ? truncate(record) : record;
  }

  private Versioned<InstanceRecord> after(Versioned<InstanceRecord> stored) {
    Consumer<InstanceRecord> hook = afterWrite;
    if (hook != null) {
      hook.accept(stored.value());
    }
    return stored;
  }

  private static Instant ms(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS);
  }

  private static InstanceRecord truncate(InstanceRecord r) {
    Optional<WorkItem> open = r.openItem().map(w -> new WorkItem(w.id(), w.instance(), w.step(), w.performer(),
        ms(w.createdAt()), w.claimedBy(), w.claimedAt().map(HookedStore::ms), w.token(),
        w.leasedUntil().map(HookedStore::ms), w.dueAt().map(HookedStore::ms), w.priority()));
    return new InstanceRecord(r.instance(), r.startKey(), open, r.transitions(), ms(r.enteredAt()), r.completed(),
        r.pendingOutcome(), r.pendingAudit(), r.sla(), r.priority());
  }

  @Override
  public Versioned<InstanceRecord> insert(InstanceRecord record) {
    return after(real.insert(before(record)));
  }

  @Override
  public Versioned<InstanceRecord> update(InstanceRecord record, long expectedRevision) {
    return after(real.update(before(record), expectedRevision));
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
