package io.cemkit.workflow.internal;

import io.cemkit.core.ProcessInstanceId;
import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.spi.AuditLog;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory {@link AuditLog}. Not supported API; use {@link AuditLog#inMemory()}. */
public final class InMemoryAuditLog implements AuditLog {
  /** Each instance's trail as an exact-size array, replaced on append: trails are short and read whole. */
  private final Map<ProcessInstanceId, AuditRecord[]> byInstance = new ConcurrentHashMap<>();

  @Override
  public void append(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    byInstance.merge(record.instance(), new AuditRecord[] {record}, (trail, one) -> {
      // (instance, sequence) identifies a record: one sent again after a restart is kept once. Records may
      // arrive out of order (two writers), so a repeat is one whose sequence is in the trail, not one at or
      // below the last; the scan costs no more than the copy below.
      if (kept(trail, record.sequence())) {
        return trail;
      }
      AuditRecord[] longer = Arrays.copyOf(trail, trail.length + 1);
      longer[trail.length] = record;
      return longer;
    });
  }

  private static boolean kept(AuditRecord[] trail, long sequence) {
    for (int i = trail.length - 1; i >= 0; i--) {
      if (trail[i].sequence() == sequence) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<AuditRecord> records(ProcessInstanceId instance) {
    AuditRecord[] trail = byInstance.get(Objects.requireNonNull(instance, "instance"));
    return trail == null ? List.of() : List.of(trail);
  }

  @Override
  public int purge(ProcessInstanceId instance) {
    AuditRecord[] trail = byInstance.remove(Objects.requireNonNull(instance, "instance"));
    return trail == null ? 0 : trail.length;
  }

  @Override
  public String toString() {
    return "AuditLog.inMemory()";
  }
}
