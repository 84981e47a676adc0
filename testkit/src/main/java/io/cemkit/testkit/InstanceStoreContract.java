package io.cemkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.CustomerId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.InstanceRecord;
import io.cemkit.workflow.InstanceStatus;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.WorkItem;
import io.cemkit.workflow.WorkItemId;
import io.cemkit.workflow.spi.InstanceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link InstanceStore} must pass: each sentence of the SPI's Javadoc, one
 * behaviour per test, including racing writers.
 *
 * <pre>{@code
 * class MyJdbcInstanceStoreContractTest extends InstanceStoreContract {
 *   protected InstanceStore create() {
 *     return new MyJdbcInstanceStore(TestDatabase.freshSchema());
 *   }
 * }
 * }</pre>
 *
 * <p>The host's test classpath needs a JUnit Jupiter engine. Storage failures surfacing as
 * {@link io.cemkit.core.StorageException} are left to the host's own tests.
 */
public abstract class InstanceStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private InstanceStore store;

  /** For subclasses, which supply the store under test through {@link #create()}. */
  protected InstanceStoreContract() {}

  /**
   * Makes the store under test. Called before every test; the store must be empty.
   *
   * @return a new, empty store
   */
  protected abstract InstanceStore create();

  @BeforeEach
  void createStore() {
    store = create();
  }

  private static InstanceRecord waiting(String id, String key) {
    return waitingAt(WorkItem.unclaimed(WorkItemId.of(id + "/2"), ProcessInstanceId.of(id), "confirm",
        Performer.queue("agents"), T0, "token-" + id), key);
  }

  private static InstanceRecord waitingAt(WorkItem open, String key) {
    ProcessInstance instance = new ProcessInstance(open.instance(), "suspension", 1, CustomerId.of("C-1"),
        Optional.empty(), InstanceStatus.WAITING, Optional.of(open.step()), Optional.of(open.id()), Optional.empty(),
        Map.of("days", 3), T0, Optional.empty());
    return new InstanceRecord(instance, key, Optional.of(open), 2, T0, List.of(), Optional.empty(), List.of());
  }

  private static InstanceRecord completed(InstanceRecord record) {
    ProcessInstance i = record.instance();
    return new InstanceRecord(new ProcessInstance(i.id(), i.processKey(), i.version(), i.customer(), i.agreement(),
        InstanceStatus.COMPLETED, Optional.empty(), Optional.empty(), Optional.empty(), i.variables(), i.startedAt(),
        Optional.of(T0.plusSeconds(60))), record.startKey(), Optional.empty(), 3, T0.plusSeconds(60),
        List.of(InstanceRecord.CompletedItem.of(record.openItem().orElseThrow().id(), "digest")),
        Optional.empty(), List.of());
  }

  @Test
  @DisplayName("a record reads back equal at revision 1, by id and by start key")
  void insertAndFind() {
    InstanceRecord record = waiting("P-1", "key-1");
    assertThat(store.insert(record)).isEqualTo(Versioned.of(record, 1));
    assertThat(store.find(ProcessInstanceId.of("P-1"))).contains(Versioned.of(record, 1));
    assertThat(store.byStartKey("key-1")).contains(Versioned.of(record, 1));
    assertThat(store.find(ProcessInstanceId.of("P-2"))).isEmpty();
    assertThat(store.byStartKey("key-2")).isEmpty();
  }

  @Test
  @DisplayName("a record waiting at a timer reads back with its item's due time and calendar, by id and in open()")
  void timer() {
    WorkItem timer = WorkItem.timer(WorkItemId.of("P-1/2"), ProcessInstanceId.of("P-1"), "wait",
        new Performer.Timer(Duration.ofHours(16), Optional.of("office")), T0, "token-P-1",
        Instant.parse("2026-03-03T17:00:00Z"));
    InstanceRecord record = waitingAt(timer, "key-1");
    store.insert(record);
    assertThat(store.find(ProcessInstanceId.of("P-1"))).contains(Versioned.of(record, 1));
    assertThat(store.open()).containsExactly(Versioned.of(record, 1));
  }

  @Test
  @DisplayName("a record's starting priority and its open item's priority read back, by id and in open(), "
      + "also after an update raises the item's")
  void priorities() {
    WorkItem open = WorkItem.unclaimed(WorkItemId.of("P-1/2"), ProcessInstanceId.of("P-1"), "confirm",
        Performer.queue("agents"), T0, "token-P-1", 2);
    InstanceRecord waiting = waitingAt(open, "key-1");
    InstanceRecord record = new InstanceRecord(waiting.instance(), waiting.startKey(), waiting.openItem(),
        waiting.transitions(), waiting.enteredAt(), waiting.completed(), waiting.pendingOutcome(),
        waiting.pendingAudit(), waiting.sla(), 2);
    store.insert(record);
    assertThat(store.find(ProcessInstanceId.of("P-1"))).contains(Versioned.of(record, 1));
    InstanceRecord raised = new InstanceRecord(record.instance(), record.startKey(),
        Optional.of(open.withPriority(Integer.MAX_VALUE)), record.transitions(), record.enteredAt(),
        record.completed(), record.pendingOutcome(), record.pendingAudit(), record.sla(), record.priority());
    store.update(raised, 1);
    assertThat(store.find(ProcessInstanceId.of("P-1")).orElseThrow().value().openItem().orElseThrow().priority())
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(store.open()).containsExactly(Versioned.of(raised, 2));
  }

  @Test
  @DisplayName("a second insert of the same id or the same start key is refused")
  void duplicates() {
    store.insert(waiting("P-1", "key-1"));
    assertThatThrownBy(() -> store.insert(waiting("P-1", "key-9"))).isInstanceOf(DuplicateEntityException.class);
    assertThatThrownBy(() -> store.insert(waiting("P-2", "key-1"))).isInstanceOf(DuplicateEntityException.class);
    assertThat(store.find(ProcessInstanceId.of("P-2"))).isEmpty();
  }

  @Test
  @DisplayName("update moves the revision on by one; a stale or unknown update is refused")
  void updates() {
    InstanceRecord record = waiting("P-1", "key-1");
    store.insert(record);
    InstanceRecord done = completed(record);
    assertThat(store.update(done, 1)).isEqualTo(Versioned.of(done, 2));
    assertThatThrownBy(() -> store.update(record, 1)).isInstanceOf(StaleWriteException.class)
        .hasMessageContaining("P-1");
    assertThatThrownBy(() -> store.update(waiting("P-9", "key-9"), 1)).isInstanceOf(UnknownEntityException.class)
        .hasMessageContaining("P-9");
    assertThat(store.find(ProcessInstanceId.of("P-1"))).contains(Versioned.of(done, 2));
  }

  @Test
  @DisplayName("open() lists every instance not completed, with its latest revision")
  void open() {
    InstanceRecord a = waiting("P-1", "key-1");
    InstanceRecord b = waiting("P-2", "key-2");
    store.insert(a);
    store.insert(b);
    store.update(completed(a), 1);
    assertThat(store.open()).containsExactly(Versioned.of(b, 1));
  }

  private static InstanceRecord completedAt(String id, String processKey, int version, Instant endedAt) {
    ProcessInstanceId pid = ProcessInstanceId.of(id);
    ProcessInstance instance = new ProcessInstance(pid, processKey, version, CustomerId.of("C-1"), Optional.empty(),
        InstanceStatus.COMPLETED, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), T0,
        Optional.of(endedAt));
    return new InstanceRecord(instance, "key-" + id, Optional.empty(), 2, endedAt, List.of(), Optional.empty(),
        List.of());
  }

  @Test
  @DisplayName("endedBefore lists completed instances of one definition version ended before the bound, oldest first")
  void endedBefore() {
    store.insert(completedAt("P-3", "suspension", 1, T0.plusSeconds(30)));
    store.insert(completedAt("P-1", "suspension", 1, T0.plusSeconds(10)));
    store.insert(completedAt("P-2", "suspension", 1, T0.plusSeconds(10)));
    store.insert(completedAt("P-4", "suspension", 1, T0.plusSeconds(40)));
    store.insert(completedAt("P-5", "suspension", 2, T0.plusSeconds(10)));
    store.insert(completedAt("P-6", "renewal", 1, T0.plusSeconds(10)));
    store.insert(waiting("P-7", "key-7"));

    assertThat(store.endedBefore("suspension", 1, T0.plusSeconds(40), 10)).containsExactly(
        ProcessInstanceId.of("P-1"), ProcessInstanceId.of("P-2"), ProcessInstanceId.of("P-3"));
    assertThat(store.endedBefore("suspension", 1, T0.plusSeconds(40), 2)).containsExactly(
        ProcessInstanceId.of("P-1"), ProcessInstanceId.of("P-2"));
    assertThat(store.endedBefore("suspension", 1, T0.plusSeconds(10), 10)).isEmpty();
    assertThat(store.endedBefore("suspension", 2, T0.plusSeconds(11), 10)).containsExactly(ProcessInstanceId.of("P-5"));
    assertThat(store.endedBefore("other", 1, T0.plusSeconds(100), 10)).isEmpty();
    assertThatThrownBy(() -> store.endedBefore("suspension", 1, T0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  @DisplayName("an instance that completes by update is found by endedBefore")
  void completedByUpdate() {
    InstanceRecord record = waiting("P-1", "key-1");
    store.insert(record);
    assertThat(store.endedBefore("suspension", 1, T0.plusSeconds(3600), 10)).isEmpty();
    store.update(completed(record), 1);
    assertThat(store.endedBefore("suspension", 1, T0.plusSeconds(3600), 10)).containsExactly(
        ProcessInstanceId.of("P-1"));
  }

  @Test
  @DisplayName("delete removes a completed record and its start key; an open one is refused; an unknown one is false")
  void delete() {
    store.insert(completedAt("P-1", "suspension", 1, T0.plusSeconds(10)));
    store.insert(waiting("P-2", "key-2"));

    assertThat(store.delete(ProcessInstanceId.of("P-1"))).isTrue();
    assertThat(store.find(ProcessInstanceId.of("P-1"))).isEmpty();
    assertThat(store.byStartKey("key-P-1")).isEmpty();
    assertThat(store.endedBefore("suspension", 1, T0.plusSeconds(100), 10)).isEmpty();
    assertThat(store.delete(ProcessInstanceId.of("P-1"))).isFalse();

    assertThatThrownBy(() -> store.delete(ProcessInstanceId.of("P-2"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("P-2").hasMessageContaining("WAITING");
    assertThat(store.find(ProcessInstanceId.of("P-2"))).isPresent();
    // The start key is free again once its instance is deleted.
    store.insert(new InstanceRecord(completedAt("P-9", "suspension", 1, T0).instance(), "key-P-1", Optional.empty(),
        2, T0, List.of(), Optional.empty(), List.of()));
    assertThat(store.byStartKey("key-P-1")).map(v -> v.value().instance().id()).contains(ProcessInstanceId.of("P-9"));
  }

  @Test
  @Timeout(30)
  @DisplayName("racing updates of one record: each winner gets its own revision, none is lost")
  void racingUpdates() throws Exception {
    InstanceRecord record = waiting("P-1", "key-1");
    store.insert(record);
    List<Long> revisions = StartGate.race(i -> () -> {
      for (int attempt = 1; attempt <= 100; attempt++) {
        Versioned<InstanceRecord> current = store.find(record.instance().id()).orElseThrow();
        try {
          return store.update(current.value(), current.revision()).revision();
        } catch (StaleWriteException lost) {
          // someone else wrote in between: re-read and apply the change again
        }
      }
      throw new AssertionError("writer " + i + " was refused 100 times in a row");
    });
    assertThat(revisions).containsExactlyInAnyOrderElementsOf(StartGate.revisionsOfUpdates());
  }
}
