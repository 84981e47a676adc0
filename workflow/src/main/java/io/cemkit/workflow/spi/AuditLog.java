package io.cemkit.workflow.spi;

import io.cemkit.core.ProcessInstanceId;
import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.internal.InMemoryAuditLog;
import java.util.List;

/**
 * The append-only audit trail: one record per transition. Contract: {@link #append} keeps records
 * in the order appended; {@link #records} returns an instance's records in that order; a record
 * whose {@code (instance, sequence)} is already kept is ignored (the engine sends at least once); it
 * is thread-safe; storage failures are wrapped in {@link io.cemkit.core.StorageException} (the
 * engine keeps the records and sends them again).
 */
public interface AuditLog {

  /**
   * Appends a record.
   *
   * @param record the record
   */
  void append(AuditRecord record);

  /**
   * An instance's records, oldest first.
   *
   * @param instance the instance
   * @return the records
   */
  List<AuditRecord> records(ProcessInstanceId instance);

  /**
   * The in-memory audit log.
   *
   * @return a new, empty log
   */
  static AuditLog inMemory() {
    return new InMemoryAuditLog();
  }
}
