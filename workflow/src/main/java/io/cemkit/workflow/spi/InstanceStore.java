package io.cemkit.workflow.spi;

import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.InstanceRecord;
import io.cemkit.workflow.internal.InMemoryInstanceStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine keeps its instances, one {@link InstanceRecord} each, written at every
 * operation so that an engine rebuilt on the same store continues where the last one stopped.
 *
 * <p>Contract: {@link #insert} stores a new record at revision 1 and refuses an existing id or start
 * key ({@link io.cemkit.core.DuplicateEntityException}); {@link #update} replaces a record at the
 * expected revision, else {@link io.cemkit.core.StaleWriteException} (unknown id:
 * {@link io.cemkit.core.UnknownEntityException}); {@link #open} returns every record whose instance
 * has not ended (see {@link io.cemkit.workflow.InstanceStatus#ended()}); {@link #byStartKey} finds the record started with a key;
 * {@link #endedBefore} lists ended instances of one definition version by end time, oldest
 * first, and {@link #delete} removes an ended one (retention: its start key is forgotten with
 * it). Thread-safe; storage failures are wrapped in {@link io.cemkit.core.StorageException}.
 */
public interface InstanceStore {

  /**
   * Stores a new instance.
   *
   * @param record the record
   * @return it at revision 1
   */
  Versioned<InstanceRecord> insert(InstanceRecord record);

  /**
   * Replaces an instance's record.
   *
   * @param record the new state
   * @param expectedRevision the revision it is based on
   * @return it at the next revision
   */
  Versioned<InstanceRecord> update(InstanceRecord record, long expectedRevision);

  /**
   * Reads an instance's record.
   *
   * @param id the instance
   * @return it with its revision, or empty
   */
  Optional<Versioned<InstanceRecord>> find(ProcessInstanceId id);

  /**
   * The record of the instance started with an idempotency key.
   *
   * @param startKey the key
   * @return it with its revision, or empty
   */
  Optional<Versioned<InstanceRecord>> byStartKey(String startKey);

  /**
   * Every instance that has not ended (waiting or failed), in no particular order.
   *
   * @return the records
   */
  List<Versioned<InstanceRecord>> open();

  /**
   * Ended (completed or cancelled) instances of one definition version that ended before a time,
   * oldest first (ties by id), for retention. A store with a time-ordered index answers without a scan.
   *
   * @param processKey the definition's key
   * @param version the definition's version
   * @param before the end time bound, exclusive
   * @param limit the most ids to return, at least 1
   * @return the ids
   * @throws IllegalArgumentException if the limit is below 1
   */
  List<ProcessInstanceId> endedBefore(String processKey, int version, Instant before, int limit);

  /**
   * Deletes an ended instance's record, and with it its start key.
   *
   * @param id the instance
   * @return whether a record was deleted (false if there was none)
   * @throws IllegalStateException if the instance has not ended
   */
  boolean delete(ProcessInstanceId id);

  /**
   * The in-memory store.
   *
   * @return a new, empty store
   */
  static InstanceStore inMemory() {
    return new InMemoryInstanceStore();
  }
}
