package io.cemkit.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.core.ProcessInstanceId;
import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.spi.AuditLog;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The in-memory audit log keeps what its SPI promises when records of one instance arrive out of order,
 * as they do when two threads append (found by {@code EngineStoresStressTest}: it ignored any record whose
 * sequence was not above the last one kept, so a record that lost the race to a later one was dropped).
 */
class InMemoryAuditLogTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static AuditRecord record(long sequence) {
    return new AuditRecord(ProcessInstanceId.of("P-1"), sequence, AuditRecord.Kind.COMPLETED, Optional.of("a"),
        Optional.of("b"), Optional.of(Performer.queue("agents")), "agent-" + sequence, T0, T0.plusSeconds(sequence),
        Optional.of("done"), Optional.empty(), Optional.empty());
  }

  @Test
  @DisplayName("a record appended after a later one of its instance is kept, in the order appended, and once")
  void lateRecordIsKept() {
    AuditLog log = AuditLog.inMemory();
    log.append(record(1));
    log.append(record(3));
    log.append(record(2));
    log.append(record(2));
    log.append(record(3));
    log.append(record(1));

    assertThat(log.records(ProcessInstanceId.of("P-1"))).containsExactly(record(1), record(3), record(2));
  }
}
