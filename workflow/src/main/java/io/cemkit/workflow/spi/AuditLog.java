package io.cemkit.workflow.spi;

import io.cemkit.core.ProcessInstanceId;
import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.internal.InMemoryAuditLog;
import java.util.List;

/**
 * The append-only audit trail: one record per transition. Contract: {@link #append} keeps records
 * in the order appended; {@link #records} returns an instance's records in that order; a record
 * whose {@code (instance, sequence)} is already kept is ignored (the engine sends at least once);
 * {@link #purge} deletes an instance's whole trail, which only the engine's retention does, once
 * the instance has completed and its definition's retention has passed; it is thread-safe; storage
 * failures are wrapped in {@link io.cemkit.core.StorageException} (the engine keeps the records and
 * sends them again).
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
   * Deletes an instance's trail (retention). Deleting a trail that is not there does nothing.
   *
   * @param instance the instance
   * @return how many records were deleted
   */
  int purge(ProcessInstanceId instance);

  /**
   * The in-memory audit log.
   *
   * @return a new, empty log
   */
  static AuditLog inMemory() {
    return new InMemoryAuditLog();
  }
}
