package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.StorageException;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.InstanceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Retention per process type (W3): completed instances and their trails go once it has passed. */
class RetentionTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final VirtualClock clock = VirtualClock.at(T0);
  private final InstanceStore store = InstanceStore.inMemory();
  private final AuditLog audit = AuditLog.inMemory();

  /** One automated step: an instance completes as it starts. */
  private static ProcessDefinition oneStep(String key, Duration retention) {
    return ProcessDefinition.builder(key, 1).retention(retention)
        .step("do", Performer.automated("do"), "Do it")
        .build();
  }

  private WorkflowEngine engine(AuditLog log) {
    return WorkflowEngine.builder().clock(clock).store(store).audit(log)
        .handler("do", ctx -> StepResult.of("done"))
        .build()
        .deploy(oneStep("short", Duration.ofDays(30)))
        .deploy(oneStep("long", Duration.ofDays(400)));
  }

  @Test
  @DisplayName("an instance is purged, with its trail, only once its own process's retention has passed")
  void purgesPerProcessType() {
    WorkflowEngine engine = engine(audit);
    ProcessInstance shortLived = engine.start(StartRequest.of("short", DANA, "s-1"));
    ProcessInstance longLived = engine.start(StartRequest.of("long", DANA, "l-1"));
    assertThat(audit.records(shortLived.id())).hasSize(2);

    clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(engine.purgeExpired(100)).isZero();

    clock.advance(Duration.ofSeconds(1));
    assertThat(engine.purgeExpired(100)).isEqualTo(1);
    assertThat(engine.instance(shortLived.id())).isEmpty();
    assertThat(audit.records(shortLived.id())).isEmpty();
    assertThat(engine.instance(longLived.id())).map(ProcessInstance::status).contains(InstanceStatus.COMPLETED);
    assertThat(audit.records(longLived.id())).hasSize(2);

    clock.advance(Duration.ofDays(370));
    assertThat(engine.purgeExpired(100)).isEqualTo(1);
    assertThat(engine.instance(longLived.id())).isEmpty();
  }

  @Test
  @DisplayName("open instances are never purged, however old")
  void keepsOpenInstances() {
    WorkflowEngine engine = WorkflowEngine.builder().clock(clock).store(store).audit(audit).build()
        .deploy(ProcessDefinition.builder("wait", 1).retention(Duration.ofDays(1))
            .step("agent", Performer.queue("agents"), "Wait for an agent").build());
    ProcessInstance waiting = engine.start(StartRequest.of("wait", DANA, "w-1"));
    clock.advance(Duration.ofDays(1000));
    assertThat(engine.purgeExpired(10)).isZero();
    assertThat(engine.instance(waiting.id())).map(ProcessInstance::status).contains(InstanceStatus.WAITING);
  }

  @Test
  @DisplayName("each call purges at most the limit, oldest first, and the next call goes on")
  void limit() {
    WorkflowEngine engine = engine(audit);
    ProcessInstance first = engine.start(StartRequest.of("short", DANA, "s-1"));
    clock.advance(Duration.ofMinutes(1));
    ProcessInstance second = engine.start(StartRequest.of("short", DANA, "s-2"));
    clock.advance(Duration.ofMinutes(1));
    ProcessInstance third = engine.start(StartRequest.of("short", DANA, "s-3"));
    clock.advance(Duration.ofDays(31));

    assertThat(engine.purgeExpired(2)).isEqualTo(2);
    assertThat(engine.instance(first.id())).isEmpty();
    assertThat(engine.instance(second.id())).isEmpty();
    assertThat(engine.instance(third.id())).isPresent();
    assertThat(engine.purgeExpired(2)).isEqualTo(1);
    assertThat(engine.instance(third.id())).isEmpty();
    assertThatThrownBy(() -> engine.purgeExpired(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit").hasMessageContaining("0");
  }

  @Test
  @DisplayName("a purged instance's idempotency key is forgotten: the same key starts a new instance")
  void forgetsTheStartKey() {
    WorkflowEngine engine = engine(audit);
    ProcessInstance first = engine.start(StartRequest.of("short", DANA, "s-1"));
    assertThat(engine.start(StartRequest.of("short", DANA, "s-1")).id()).isEqualTo(first.id());
    clock.advance(Duration.ofDays(31));
    engine.purgeExpired(10);
    assertThat(engine.start(StartRequest.of("short", DANA, "s-1")).id()).isNotEqualTo(first.id());
  }

  @Test
  @DisplayName("an audit log that fails stops the purge with nothing half-deleted; the next call finishes it")
  void auditFailure() {
    Flaky flaky = new Flaky(false, true);
    WorkflowEngine engine = engine(flaky);
    ProcessInstance done = engine.start(StartRequest.of("short", DANA, "s-1"));
    clock.advance(Duration.ofDays(31));
    flaky.down.set(true);
    assertThatThrownBy(() -> engine.purgeExpired(10)).isInstanceOf(StorageException.class);
    assertThat(engine.instance(done.id())).isPresent();
    assertThat(audit.records(done.id())).hasSize(2);
    flaky.down.set(false);
    assertThat(engine.purgeExpired(10)).isEqualTo(1);
    assertThat(engine.instance(done.id())).isEmpty();
    assertThat(audit.records(done.id())).isEmpty();
  }

  @Test
  @DisplayName("an instance whose last records have not reached the audit log waits for them before it is purged")
  void waitsForTheAuditBacklog() {
    Flaky flaky = new Flaky(true, false);
    WorkflowEngine engine = engine(flaky);
    flaky.down.set(true);
    ProcessInstance done = engine.start(StartRequest.of("short", DANA, "s-1"));
    clock.advance(Duration.ofDays(31));
    assertThat(engine.purgeExpired(10)).isZero();
    assertThat(engine.instance(done.id())).isPresent();
    flaky.down.set(false);
    engine.start(StartRequest.of("long", DANA, "l-1"));
    assertThat(audit.records(done.id())).hasSize(2);
    assertThat(engine.purgeExpired(10)).isEqualTo(1);
    assertThat(audit.records(done.id())).isEmpty();
  }

  /** The in-memory log behind a switch that refuses appends, purges, or both, while down. */
  private final class Flaky implements AuditLog {
    final AtomicBoolean down = new AtomicBoolean();
    private final boolean appends;
    private final boolean purges;

    Flaky(boolean appends, boolean purges) {
      this.appends = appends;
      this.purges = purges;
    }

    private void check(boolean refused) {
      if (refused && down.get()) {
        throw new StorageException("audit log unavailable", new IllegalStateException("down"));
      }
    }

    @Override
    public void append(AuditRecord record) {
      check(appends);
      audit.append(record);
    }

    @Override
    public List<AuditRecord> records(ProcessInstanceId instance) {
      return audit.records(instance);
    }

    @Override
    public int purge(ProcessInstanceId instance) {
      check(purges);
      return audit.purge(instance);
    }
  }
}
