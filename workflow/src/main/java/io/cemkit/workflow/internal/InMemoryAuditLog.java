package io.cemkit.workflow.internal;

import io.cemkit.core.ProcessInstanceId;
import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.spi.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory {@link AuditLog}. Not supported API; use {@link AuditLog#inMemory()}. */
public final class InMemoryAuditLog implements AuditLog {
  private final Map<ProcessInstanceId, List<AuditRecord>> byInstance = new ConcurrentHashMap<>();

  @Override
  public void append(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    List<AuditRecord> records = byInstance.computeIfAbsent(record.instance(), k -> new ArrayList<>(4));
    synchronized (records) {
      // (instance, sequence) identifies a record: one sent again after a restart is kept once.
      if (records.isEmpty() || records.get(records.size() - 1).sequence() < record.sequence()) {
        records.add(record);
      }
    }
  }

  @Override
  public List<AuditRecord> records(ProcessInstanceId instance) {
    List<AuditRecord> records = byInstance.get(Objects.requireNonNull(instance, "instance"));
    if (records == null) {
      return List.of();
    }
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  @Override
  public String toString() {
    return "AuditLog.inMemory()";
  }
}
