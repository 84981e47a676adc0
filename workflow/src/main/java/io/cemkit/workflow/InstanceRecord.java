package io.cemkit.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine stores for one instance through the {@link io.cemkit.workflow.spi.InstanceStore}:
 * the instance, its open work item (with its token), the idempotency key it was started with, how
 * many transitions it has had, when it entered its current step, and the work items completed so
 * far with a digest of their tokens, so that a duplicate completion after a restart still has no
 * second effect. One record per instance: a waiting instance is one row.
 *
 * @param instance the instance
 * @param startKey the idempotency key of its start
 * @param openItem the open work item, while it waits at a human or partner step
 * @param transitions how many audit records it has
 * @param enteredAt when it entered its current step
 * @param completed the ids and token digests of its completed work items, oldest first
 * @param pendingOutcome the outcome of a completed step whose route failed, routed again by a retry
 * @param pendingAudit audit records stored with this write and not yet confirmed sent to the audit
 *     log (an outbox; a resumed engine sends them again)
 */
public record InstanceRecord(ProcessInstance instance, String startKey, Optional<WorkItem> openItem,
    long transitions, Instant enteredAt, List<CompletedItem> completed, Optional<String> pendingOutcome,
    List<AuditRecord> pendingAudit) {

  /**
   * Checks and copies the parts.
   *
   * @param instance the instance
   * @param startKey the key
   * @param openItem the open item
   * @param transitions the transitions
   * @param enteredAt the entry time
   * @param completed the completed items
   * @param pendingOutcome the outcome to route again
   * @param pendingAudit the audit outbox
   */
  public InstanceRecord {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(startKey, "startKey");
    Objects.requireNonNull(openItem, "openItem");
    Objects.requireNonNull(enteredAt, "enteredAt");
    completed = List.copyOf(completed);
    Objects.requireNonNull(pendingOutcome, "pendingOutcome");
    pendingAudit = List.copyOf(pendingAudit);
    if (openItem.isPresent() != instance.workItem().isPresent()) {
      throw new IllegalArgumentException("InstanceRecord " + instance.id()
          + ": the open item and the instance's work item must agree");
    }
  }

  /**
   * A completed work item: its id, the SHA-256 digest of its token (the token itself is not kept
   * once used), and the next item the completion handed to the same performer.
   *
   * @param id the item
   * @param tokenDigest the token's digest, hex
   * @param next the item handed over, if any
   */
  public record CompletedItem(WorkItemId id, String tokenDigest, Optional<WorkItemId> next) {
    /**
     * Checks the parts.
     *
     * @param id the id
     * @param tokenDigest the digest
     * @param next the next item
     */
    public CompletedItem {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(tokenDigest, "tokenDigest");
      Objects.requireNonNull(next, "next");
    }
  }
}
