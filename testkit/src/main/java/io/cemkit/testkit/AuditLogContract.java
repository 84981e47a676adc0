package io.cemkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.core.ProcessInstanceId;
import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.SlaAlert;
import io.cemkit.workflow.SlaVerdict;
import io.cemkit.workflow.spi.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link AuditLog} must pass: records of every {@link AuditRecord.Kind} read back
 * equal, per instance, in the order appended, also when many threads append at once. A log that maps
 * the kind to a column or an enum of its own must accept every kind, {@code ESCALATED} included.
 *
 * <pre>{@code
 * class MyJdbcAuditLogContractTest extends AuditLogContract {
 *   protected AuditLog create() {
 *     return new MyJdbcAuditLog(TestDatabase.freshSchema());
 *   }
 * }
 * }</pre>
 */
public abstract class AuditLogContract {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final SlaVerdict BREACHED = new SlaVerdict(SlaVerdict.Deadline.RESPONSE, T0.plusSeconds(3600),
      SlaVerdict.Status.BREACHED);

  private AuditLog log;

  /** For subclasses, which supply the log under test through {@link #create()}. */
  protected AuditLogContract() {}

  /**
   * Makes the log under test. Called before every test; the log must be empty.
   *
   * @return a new, empty log
   */
  protected abstract AuditLog create();

  @BeforeEach
  void createLog() {
    log = create();
  }

  private static AuditRecord record(String instance, long sequence) {
    return new AuditRecord(ProcessInstanceId.of(instance), sequence, AuditRecord.Kind.COMPLETED,
        Optional.of("step-" + sequence), Optional.of("step-" + (sequence + 1)), Optional.of(Performer.queue("agents")),
        "agent-" + sequence, T0, T0.plusSeconds(sequence), Optional.of("done"), Optional.empty(), Optional.empty());
  }

  @Test
  @DisplayName("records read back equal, per instance, in the order appended")
  void order() {
    log.append(record("P-1", 1));
    log.append(record("P-2", 1));
    log.append(record("P-1", 2));
    assertThat(log.records(ProcessInstanceId.of("P-1"))).containsExactly(record("P-1", 1), record("P-1", 2));
    assertThat(log.records(ProcessInstanceId.of("P-2"))).containsExactly(record("P-2", 1));
    assertThat(log.records(ProcessInstanceId.of("P-3"))).isEmpty();
  }

  @Test
  @DisplayName("a completion's work item priority reads back with its record")
  void priority() {
    AuditRecord plain = record("P-1", 1);
    AuditRecord raised = new AuditRecord(plain.instance(), 2, plain.kind(), plain.from(), plain.to(),
        plain.performer(), plain.actor(), plain.enteredAt(), plain.at(), plain.outcome(), plain.claimedAt(),
        plain.sla(), 3);
    log.append(plain);
    log.append(raised);
    assertThat(log.records(ProcessInstanceId.of("P-1"))).containsExactly(plain, raised);
    assertThat(log.records(ProcessInstanceId.of("P-1"))).extracting(AuditRecord::priority).containsExactly(0, 3);
  }

  @Test
  @DisplayName("a record of every kind reads back equal, an escalation with its alert, queue, priority and verdict")
  void everyKind() {
    List<AuditRecord> trail = new ArrayList<>();
    long sequence = 0;
    for (AuditRecord.Kind kind : AuditRecord.Kind.values()) {
      trail.add(ofKind(kind, ++sequence));
    }
    trail.forEach(log::append);
    assertThat(log.records(ProcessInstanceId.of("P-1"))).containsExactlyElementsOf(trail);
    AuditRecord escalated = log.records(ProcessInstanceId.of("P-1")).get(AuditRecord.Kind.ESCALATED.ordinal());
    assertThat(escalated.outcome()).contains(SlaAlert.RESPONSE_BREACHED.name());
    assertThat(escalated.performer()).contains(Performer.queue("supervisors"));
    assertThat(escalated.priority()).isEqualTo(3);
    assertThat(escalated.sla()).contains(BREACHED);
  }

  /** A record of a kind with the fields the engine writes for it. */
  private static AuditRecord ofKind(AuditRecord.Kind kind, long sequence) {
    ProcessInstanceId p1 = ProcessInstanceId.of("P-1");
    Instant at = T0.plusSeconds(60 * sequence);
    Optional<Performer> agents = Optional.of(Performer.queue("agents"));
    return switch (kind) {
      case STARTED -> new AuditRecord(p1, sequence, kind, Optional.empty(), Optional.of("answer"), Optional.empty(),
          "engine", T0, T0, Optional.empty(), Optional.empty(), Optional.empty());
      case COMPLETED -> new AuditRecord(p1, sequence, kind, Optional.of("answer"), Optional.of("check"), agents,
          "agent-1", T0, at, Optional.of("answered"), Optional.of(T0.plusSeconds(30)), Optional.of(BREACHED), 2);
      case FAILED -> new AuditRecord(p1, sequence, kind, Optional.of("check"), Optional.empty(),
          Optional.of(Performer.automated("check")), "check", T0, at, Optional.of("billing system down"),
          Optional.empty(), Optional.empty());
      case RETRIED -> new AuditRecord(p1, sequence, kind, Optional.of("check"), Optional.of("check"),
          Optional.of(Performer.automated("check")), "engine", T0, at, Optional.empty(), Optional.empty(),
          Optional.empty());
      case CANCELLED -> new AuditRecord(p1, sequence, kind, Optional.of("answer"), Optional.empty(), agents,
          "agent-7", T0, at, Optional.of("the customer withdrew"), Optional.empty(), Optional.empty());
      case ESCALATED -> new AuditRecord(p1, sequence, kind, Optional.of("answer"), Optional.of("answer"),
          Optional.of(Performer.queue("supervisors")), "engine", T0, at,
          Optional.of(SlaAlert.RESPONSE_BREACHED.name()), Optional.empty(), Optional.of(BREACHED), 3);
    };
  }

  @Test
  @DisplayName("purge deletes one instance's whole trail and returns how many records it held")
  void purge() {
    log.append(record("P-1", 1));
    log.append(record("P-1", 2));
    log.append(record("P-2", 1));
    assertThat(log.purge(ProcessInstanceId.of("P-1"))).isEqualTo(2);
    assertThat(log.records(ProcessInstanceId.of("P-1"))).isEmpty();
    assertThat(log.records(ProcessInstanceId.of("P-2"))).containsExactly(record("P-2", 1));
    assertThat(log.purge(ProcessInstanceId.of("P-1"))).isZero();
    assertThat(log.purge(ProcessInstanceId.of("P-9"))).isZero();
  }

  @Test
  @Timeout(30)
  @DisplayName("concurrent appends to distinct instances all land, each instance's in its own order")
  void concurrentAppends() throws Exception {
    StartGate.race(i -> () -> {
      for (long k = 1; k <= 200; k++) {
        log.append(record("P-" + i, k));
      }
      return null;
    });
    for (int i = 0; i < StartGate.THREADS; i++) {
      List<Long> sequences = new ArrayList<>();
      log.records(ProcessInstanceId.of("P-" + i)).forEach(r -> sequences.add(r.sequence()));
      assertThat(sequences).hasSize(200).isSorted();
    }
  }
}
