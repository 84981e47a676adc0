package io.cemkit.workflow.internal;

import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.InstanceRecord;
import io.cemkit.workflow.InstanceStatus;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.spi.InstanceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** The in-memory {@link InstanceStore}. Not supported API; use {@link InstanceStore#inMemory()}. */
public final class InMemoryInstanceStore implements InstanceStore {
  private final Map<ProcessInstanceId, Versioned<InstanceRecord>> records = new HashMap<>();
  private final Map<String, ProcessInstanceId> byKey = new HashMap<>();
  /** Completed instances by definition version and end time, for retention. */
  private final TreeSet<Ended> ended = new TreeSet<>();

  /** A completed instance's place in the retention index. */
  private record Ended(String processKey, int version, Instant endedAt, String id) implements Comparable<Ended> {
    static Ended of(InstanceRecord record) {
      ProcessInstance instance = record.instance();
      return new Ended(instance.processKey(), instance.version(), instance.endedAt().orElse(record.enteredAt()),
          instance.id().value());
    }

    @Override
    public int compareTo(Ended other) {
      int c = processKey.compareTo(other.processKey);
      if (c == 0) {
        c = Integer.compare(version, other.version);
      }
      if (c == 0) {
        c = endedAt.compareTo(other.endedAt);
      }
      return c != 0 ? c : id.compareTo(other.id);
    }
  }

  @Override
  public synchronized Versioned<InstanceRecord> insert(InstanceRecord record) {
    Objects.requireNonNull(record, "record");
    ProcessInstanceId id = record.instance().id();
    if (records.containsKey(id)) {
      throw new DuplicateEntityException("ProcessInstance", id.value());
    }
    if (byKey.containsKey(record.startKey())) {
      throw new DuplicateEntityException("ProcessInstance start key", "of " + byKey.get(record.startKey()));
    }
    Versioned<InstanceRecord> stored = Versioned.of(record, 1);
    records.put(id, stored);
    byKey.put(record.startKey(), id);
    index(record);
    return stored;
  }

  @Override
  public synchronized Versioned<InstanceRecord> update(InstanceRecord record, long expectedRevision) {
    Objects.requireNonNull(record, "record");
    ProcessInstanceId id = record.instance().id();
    Versioned<InstanceRecord> stored = records.get(id);
    if (stored == null) {
      throw new UnknownEntityException("ProcessInstance", id.value(), "insert it first");
    }
    if (stored.revision() != expectedRevision) {
      throw new StaleWriteException("ProcessInstance", id.value(), expectedRevision, stored.revision());
    }
    if (!stored.value().startKey().equals(record.startKey())) {
      throw new IllegalArgumentException("ProcessInstance " + id + ": the start key cannot change");
    }
    Versioned<InstanceRecord> next = Versioned.of(record, expectedRevision + 1);
    records.put(id, next);
    index(record);
    return next;
  }

  private void index(InstanceRecord record) {
    if (record.instance().status().ended()) {
      ended.add(Ended.of(record));
    }
  }

  @Override
  public synchronized List<ProcessInstanceId> endedBefore(String processKey, int version, Instant before,
      int limit) {
    Objects.requireNonNull(processKey, "processKey");
    Objects.requireNonNull(before, "before");
    if (limit < 1) {
      throw new IllegalArgumentException("InstanceStore.endedBefore limit must be at least 1, was " + limit);
    }
    List<ProcessInstanceId> ids = new ArrayList<>();
    for (Ended e : ended.subSet(new Ended(processKey, version, Instant.MIN, ""), new Ended(processKey, version,
        before, ""))) {
      if (ids.size() == limit) {
        break;
      }
      ids.add(ProcessInstanceId.of(e.id()));
    }
    return ids;
  }

  @Override
  public synchronized boolean delete(ProcessInstanceId id) {
    Versioned<InstanceRecord> stored = records.get(Objects.requireNonNull(id, "id"));
    if (stored == null) {
      return false;
    }
    InstanceRecord record = stored.value();
    if (!record.instance().status().ended()) {
      throw new IllegalStateException("ProcessInstance " + id + " is " + record.instance().status()
          + "; only an ended (completed or cancelled) instance can be deleted");
    }
    records.remove(id);
    byKey.remove(record.startKey());
    ended.remove(Ended.of(record));
    return true;
  }

  @Override
  public synchronized Optional<Versioned<InstanceRecord>> find(ProcessInstanceId id) {
    return Optional.ofNullable(records.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public synchronized Optional<Versioned<InstanceRecord>> byStartKey(String startKey) {
    ProcessInstanceId id = byKey.get(Objects.requireNonNull(startKey, "startKey"));
    return id == null ? Optional.empty() : Optional.ofNullable(records.get(id));
  }

  @Override
  public synchronized List<Versioned<InstanceRecord>> open() {
    // A scan: an engine asks once, when it is built. No index, so a waiting instance costs one entry.
    List<Versioned<InstanceRecord>> open = new ArrayList<>();
    for (Versioned<InstanceRecord> stored : records.values()) {
      if (!stored.value().instance().status().ended()) {
        open.add(stored);
      }
    }
    return open;
  }

  @Override
  public String toString() {
    return "InstanceStore.inMemory()";
  }
}
