package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
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
 * <h2>JSON</h2>
 *
 * <p>A host that keeps records as JSON (a JSON or JSONB column, a document store) writes and reads
 * them with {@link io.cemkit.core.Cemkit#objectMapper()} or a mapper made by
 * {@link io.cemkit.core.Cemkit#objectMapper(com.fasterxml.jackson.databind.ObjectMapper)}:
 * {@code mapper.readValue(mapper.writeValueAsString(record), InstanceRecord.class)} equals
 * {@code record}. A waiting instance with a claimed item, one completed item, an outcome to route
 * again and one audit record not yet sent:
 *
 * <pre>{@code
 * {
 *   "completed": [{"id": "P-1/1", "next": "P-1/2", "nextTokenDigest": "5d2f2f1c", "tokenDigest": "9f86d081884c7d65"}],
 *   "enteredAt": "2026-03-02T09:00:01Z",
 *   "instance": {
 *     "agreement": "AG-42", "customer": "C-DANA", "id": "P-1", "processKey": "suspension",
 *     "startedAt": "2026-03-02T09:00:00Z", "status": "WAITING", "step": "confirm",
 *     "variables": {
 *       "days": {"int": 45}, "due": {"instant": "2026-03-09T09:00:00Z"}, "fee": {"decimal": "12.50"}
 *     },
 *     "version": 2, "workItem": "P-1/2"
 *   },
 *   "openItem": {
 *     "claimedAt": "2026-03-02T09:05:00.123456789Z", "claimedBy": "agent-1",
 *     "createdAt": "2026-03-02T09:00:01Z", "id": "P-1/2", "instance": "P-1",
 *     "performer": {"queue": "agents"}, "step": "confirm", "token": "tok-2"
 *   },
 *   "pendingAudit": [
 *     {"actor": "check", "at": "2026-03-02T09:00:00.005Z", "enteredAt": "2026-03-02T09:00:00Z",
 *      "from": "check", "instance": "P-1", "kind": "COMPLETED", "outcome": "ok",
 *      "performer": {"handler": "check"}, "sequence": 2, "to": "confirm"}
 *   ],
 *   "pendingOutcome": "confirmed",
 *   "startKey": "req-1",
 *   "transitions": 3
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Field names are the record components' names, in camelCase. The library's mapper writes them
 *       in alphabetical order; order does not matter on reading.
 *   <li>Ids ({@code id}, {@code instance}, {@code customer}, {@code agreement}, {@code workItem},
 *       {@code next}) are their codes as text; instants are ISO-8601 text in UTC with up to nine
 *       fraction digits; {@code status} ({@link InstanceStatus}) and {@code kind}
 *       ({@link AuditRecord.Kind}) are the constants' names.
 *   <li>An empty {@link Optional} is left out (the library's mapper writes only present values; a
 *       plain mapper may write {@code null}, which also reads as empty). Every other field is
 *       required; lists and {@code variables} are written even when empty.
 *   <li>A performer is an object with one field named by its kind, {@code queue}, {@code partner},
 *       {@code handler} or {@code timer}, as in {@link ProcessDefinitionJson}: {@code {"queue": "agents"}},
 *       {@code {"timer": "P7D"}}; a timer may add its {@code calendar}:
 *       {@code {"timer": "PT16H", "calendar": "office"}}.
 *   <li>The open item of an instance waiting at a timer step has {@code dueAt}, the instant its timer
 *       falls due, and never {@code claimedBy}: {@code "openItem": {"createdAt": "2026-03-02T09:00:01Z",
 *       "dueAt": "2026-03-09T09:00:01Z", "id": "P-1/2", "instance": "P-1", "performer": {"timer": "P7D"},
 *       "step": "wait", "token": "tok-2"}}. Other items have no {@code dueAt}.
 *   <li>{@code priority}, of the record (the instance's {@link StartRequest#priority()}) and of its open
 *       item ({@link WorkItem#priority()}), is a whole number written only when it is not 0; a missing
 *       {@code priority} reads as 0, so records written before priorities existed read unchanged.
 *   <li>Each variable is an object with exactly one type tag, so that it reads back as the same Java
 *       type: {@code {"string": "text"}}, {@code {"boolean": true}}, {@code {"int": 10}} (an
 *       {@link Integer}), {@code {"long": 10}} (a {@link Long}), {@code {"double": 0.5}} (a finite
 *       {@link Double}), {@code {"decimal": "12.50"}} (a {@link java.math.BigDecimal}, as text so its
 *       scale is kept), {@code {"instant": "2026-03-02T09:00:00Z"}}, {@code {"date": "2026-03-02"}}
 *       (a {@link java.time.LocalDate}), {@code {"duration": "PT12H"}} and
 *       {@code {"money": {"amount": 9.90, "currency": "EUR"}}} (an {@link io.cemkit.core.Money}).
 *       Variables are written sorted by name.
 *   <li>The {@code token} of the open item is the live completion token; completed items keep only
 *       its SHA-256 digest. Store the JSON as the secret it contains.
 * </ul>
 *
 * <p>Reading is strict and goes through the records' own checks: a missing required field, an
 * unknown variable tag, a tagged value with more than one key or of the wrong JSON type, an
 * unknown performer kind (a Java class name included) and parts that disagree (an open item on an
 * instance without a work item) fail with a {@link com.fasterxml.jackson.databind.JsonMappingException}
 * that names the field or the variable; nothing is half built. Error messages never echo a
 * variable's value.
 *
 * @param instance the instance
 * @param startKey the idempotency key of its start
 * @param openItem the open work item, while it waits at a human, partner or timer step
 * @param transitions how many audit records it has
 * @param enteredAt when it entered its current step
 * @param completed the ids and token digests of its completed work items, oldest first
 * @param pendingOutcome the outcome of a completed step whose route failed, routed again by a retry
 * @param pendingAudit audit records stored with this write and not yet confirmed sent to the audit
 *     log (an outbox; a resumed engine sends them again)
 * @param sla the instance's service-level clock, if it has an SLA
 * @param priority the priority each new work item of the instance starts at, from its
 *     {@link StartRequest#priority()}; 0 by default
 */
public record InstanceRecord(@JsonProperty(required = true) ProcessInstance instance,
    @JsonProperty(required = true) String startKey, @JsonProperty Optional<WorkItem> openItem,
    @JsonProperty(required = true) long transitions, @JsonProperty(required = true) Instant enteredAt,
    @JsonProperty(required = true) List<CompletedItem> completed, @JsonProperty Optional<String> pendingOutcome,
    @JsonProperty(required = true) List<AuditRecord> pendingAudit, @JsonProperty Optional<SlaClock> sla,
    @JsonProperty @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) int priority) {

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
   * @param sla the service-level clock
   * @param priority the work items' starting priority
   * @throws IllegalArgumentException if the transitions are negative, or the open item and the instance's
   *     work item disagree
   */
  @JsonCreator
  public InstanceRecord {
    sla = Objects.requireNonNullElse(sla, Optional.empty());
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(startKey, "startKey");
    Objects.requireNonNull(openItem, "openItem");
    if (transitions < 0) {
      throw new IllegalArgumentException("InstanceRecord " + instance.id() + ": transitions must be at least 0, was "
          + transitions);
    }
    Objects.requireNonNull(enteredAt, "enteredAt");
    completed = List.copyOf(Objects.requireNonNull(completed, "completed"));
    Objects.requireNonNull(pendingOutcome, "pendingOutcome");
    pendingAudit = List.copyOf(Objects.requireNonNull(pendingAudit, "pendingAudit"));
    if (openItem.isPresent() != instance.workItem().isPresent()) {
      throw new IllegalArgumentException("InstanceRecord " + instance.id()
          + ": the open item and the instance's work item must agree");
    }
  }

  /**
   * A record of an instance at the default priority 0, as before priorities existed.
   *
   * @param instance the instance
   * @param startKey the key
   * @param openItem the open item
   * @param transitions the transitions
   * @param enteredAt the entry time
   * @param completed the completed items
   * @param pendingOutcome the outcome to route again
   * @param pendingAudit the audit outbox
   * @param sla the service-level clock
   */
  public InstanceRecord(ProcessInstance instance, String startKey, Optional<WorkItem> openItem, long transitions,
      Instant enteredAt, List<CompletedItem> completed, Optional<String> pendingOutcome,
      List<AuditRecord> pendingAudit, Optional<SlaClock> sla) {
    this(instance, startKey, openItem, transitions, enteredAt, completed, pendingOutcome, pendingAudit, sla, 0);
  }

  /**
   * A record of an instance without a service level.
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
  public InstanceRecord(ProcessInstance instance, String startKey, Optional<WorkItem> openItem, long transitions,
      Instant enteredAt, List<CompletedItem> completed, Optional<String> pendingOutcome,
      List<AuditRecord> pendingAudit) {
    this(instance, startKey, openItem, transitions, enteredAt, completed, pendingOutcome, pendingAudit,
        Optional.empty(), 0);
  }


  /**
   * A completed work item: its id, the SHA-256 digest of its token (the token itself is not kept
   * once used), and the next item the completion handed to the same performer with the digest of
   * the token it was handed with (a repeated completion returns that item only while it is still
   * held under that token).
   *
   * @param id the item
   * @param tokenDigest the token's digest, hex
   * @param next the item handed over, if any
   * @param nextTokenDigest the digest of the token the next item was handed over with
   */
  public record CompletedItem(@JsonProperty(required = true) WorkItemId id,
      @JsonProperty(required = true) String tokenDigest, @JsonProperty Optional<WorkItemId> next,
      @JsonProperty Optional<String> nextTokenDigest) {
    /**
     * Checks the parts.
     *
     * @param id the id
     * @param tokenDigest the digest
     * @param next the next item
     * @param nextTokenDigest the next item's token digest
     * @throws IllegalArgumentException if a token digest is given without a next item
     */
    @JsonCreator
    public CompletedItem {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(tokenDigest, "tokenDigest");
      next = Objects.requireNonNullElse(next, Optional.empty());
      nextTokenDigest = Objects.requireNonNullElse(nextTokenDigest, Optional.empty());
      if (nextTokenDigest.isPresent() && next.isEmpty()) {
        throw new IllegalArgumentException("CompletedItem " + id + ": nextTokenDigest without a next item");
      }
    }

    /**
     * A completed item that handed nothing over.
     *
     * @param id the item
     * @param tokenDigest the token's digest, hex
     * @return the completed item
     */
    public static CompletedItem of(WorkItemId id, String tokenDigest) {
      return new CompletedItem(id, tokenDigest, Optional.empty(), Optional.empty());
    }
  }
}
