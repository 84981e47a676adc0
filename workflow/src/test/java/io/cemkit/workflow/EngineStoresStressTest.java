package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cemkit.core.CustomerId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.spi.Versioned;
import io.cemkit.core.testing.StressRun;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.InstanceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


/**
 * The engine's in-memory stores under {@value StressRun#THREADS} threads for a bounded time (issue #10),
 * against the concurrency their SPIs document: {@link InstanceStore} ("thread-safe": an update applies
 * only at the expected revision, an id or start key is inserted once, {@code delete} removes an ended
 * instance once) and {@link AuditLog} ("thread-safe": records kept per instance in the order appended, a
 * record whose {@code (instance, sequence)} is kept is ignored). Each test takes half of the configured
 * time ({@link StressRun}).
 */
class EngineStoresStressTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final int HOT = 4;

  private static InstanceRecord record(String id, String key, long transitions, String by, boolean ended) {
    Map<String, Object> variables = by == null ? Map.of() : Map.of("by", by);
    ProcessInstance instance = new ProcessInstance(ProcessInstanceId.of(id), "stress", 1, CustomerId.of("C-1"),
        Optional.empty(), ended ? InstanceStatus.COMPLETED : InstanceStatus.WAITING,
        ended ? Optional.empty() : Optional.of("answer"), Optional.empty(), Optional.empty(), variables, T0,
        ended ? Optional.of(T0.plusSeconds(transitions)) : Optional.empty());
    return new InstanceRecord(instance, key, Optional.empty(), transitions, T0, List.of(), Optional.empty(),
        List.of());
  }

  private static AuditRecord audit(String instance, long sequence) {
    return new AuditRecord(ProcessInstanceId.of(instance), sequence, AuditRecord.Kind.COMPLETED,
        Optional.of("step-" + sequence), Optional.of("step-" + (sequence + 1)), Optional.of(Performer.queue("agents")),
        "agent", T0, T0.plusMillis(sequence), Optional.of("done"), Optional.empty(), Optional.empty());
  }

  // ------------------------------------------------------------------------------------------
  // InstanceStore

  @Test
  @DisplayName("InstanceStore.inMemory under 8 threads: one winner per revision, no lost update, ids and start keys "
      + "inserted once, ended instances deleted once, readers see whole records")
  void instanceStore() throws InterruptedException {
    StressRun run = StressRun.of("EngineStoresStressTest.instanceStore", 0.5);
    for (int round = 0; round < run.rounds(); round++) {
      InstanceRun world = new InstanceRun(run);
      run.run(world::worker);
      run.verify(world::checkInvariants);
    }
    run.logReport();
  }

  private static final class InstanceRun {
    final StressRun run;
    final InstanceStore store = InstanceStore.inMemory();
    /** Per hot instance: who won each revision. */
    final Map<String, ConcurrentSkipListMap<Long, String>> wins = new ConcurrentHashMap<>();
    final Set<String> inserted = ConcurrentHashMap.newKeySet();
    final Set<String> ended = ConcurrentHashMap.newKeySet();
    final Set<String> deleted = ConcurrentHashMap.newKeySet();
    final ConcurrentLinkedQueue<String> insertOffers = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> deleteOffers = new ConcurrentLinkedQueue<>();

    InstanceRun(StressRun run) {
      this.run = run;
      for (int i = 0; i < HOT; i++) {
        store.insert(record("P-hot-" + i, "hot-" + i, 0, null, false));
        wins.put("P-hot-" + i, new ConcurrentSkipListMap<>());
      }
    }

    StressRun.Operation worker(int index, StressRun run) {
      long[] made = new long[1];
      List<String> mine = new ArrayList<>();
      Map<String, Long> seen = new HashMap<>();
      return random -> step(random, index, made, mine, seen);
    }

    private void step(Random random, int index, long[] made, List<String> mine, Map<String, Long> seen) {
      int dice = random.nextInt(100);
      if (dice < 40) {
        String id = "P-hot-" + random.nextInt(HOT);
        Versioned<InstanceRecord> current = store.find(ProcessInstanceId.of(id)).orElseThrow();
        String by = "w" + index + "-" + made[0]++;
        if (random.nextBoolean()) {
          // Between the read and the write, let another writer in: on two cores they rarely meet otherwise.
          Thread.yield();
        }
        try {
          Versioned<InstanceRecord> next = store.update(record(id, current.value().startKey(),
              current.value().transitions() + 1, by, false), current.revision());
          assertThat(next.revision()).isEqualTo(current.revision() + 1);
          String other = wins.get(id).putIfAbsent(next.revision(), by);
          assertThat(other).as("%s revision %d won by %s and %s", id, next.revision(), other, by).isNull();
          run.count("update", "won");
        } catch (StaleWriteException lost) {
          assertThat(lost).hasMessageContaining(id).hasMessageContaining("expected revision " + current.revision());
          run.count("update", "stale");
        }
      } else if (dice < 55) {
        String id = "P-" + index + "-" + made[0]++;
        if (random.nextInt(3) == 0) {
          // Another thread inserts the same record, maybe at the same moment: exactly one of them stores it.
          // Such records stay open, so that a late racer never meets a deleted id.
          insertOffers.add(id);
          insert(id);
        } else {
          insert(id);
          mine.add(id);
        }
      } else if (dice < 62) {
        String id = insertOffers.poll();
        if (id == null) {
          run.count("insertRace", "nothing");
        } else {
          insert(id);
        }
      } else if (dice < 67) {
        // An existing id under a new key, or a new id under an existing key: both refused, nothing stored.
        int hot = random.nextInt(HOT);
        boolean sameId = random.nextBoolean();
        String id = sameId ? "P-hot-" + hot : "P-dup-" + index + "-" + made[0]++;
        String key = sameId ? "dup-" + index + "-" + made[0]++ : "hot-" + hot;
        try {
          store.insert(record(id, key, 0, null, false));
          fail("%s with key %s was inserted over an existing %s", id, key, sameId ? "id" : "key");
        } catch (DuplicateEntityException refused) {
          run.count("insertDuplicate", "refused");
        }
      } else if (dice < 75) {
        if (mine.isEmpty()) {
          run.count("end", "nothing");
          return;
        }
        String id = mine.remove(random.nextInt(mine.size()));
        Versioned<InstanceRecord> current = store.find(ProcessInstanceId.of(id)).orElseThrow();
        // Known as ended before it is: a reader may list it as soon as the update is in.
        ended.add(id);
        store.update(record(id, "k-" + id, 1, "end", true), current.revision());
        if (random.nextBoolean()) {
          deleteOffers.add(id);
        }
        delete(id);
        run.count("end", "ended");
      } else if (dice < 80) {
        String id = deleteOffers.poll();
        if (id == null) {
          run.count("deleteRace", "nothing");
        } else {
          delete(id);
        }
      } else if (dice < 83) {
        String id = "P-hot-" + random.nextInt(HOT);
        try {
          store.delete(ProcessInstanceId.of(id));
          fail("open %s was deleted", id);
        } catch (IllegalStateException refused) {
          run.count("deleteOpen", "refused");
        }
      } else if (dice < 97) {
        int hot = random.nextInt(HOT);
        String id = "P-hot-" + hot;
        Versioned<InstanceRecord> read = random.nextBoolean() ? store.find(ProcessInstanceId.of(id)).orElseThrow()
            : store.byStartKey("hot-" + hot).orElseThrow();
        assertThat(read.value().instance().id().value()).isEqualTo(id);
        // A whole record: its content is the one written at its revision.
        assertThat(read.value().transitions()).as("%s at revision %d", id, read.revision())
            .isEqualTo(read.revision() - 1);
        Long before = seen.put(id, read.revision());
        assertThat(read.revision()).as("%s read again", id).isGreaterThanOrEqualTo(before == null ? 1 : before);
        run.count("read", "find");
      } else {
        for (Versioned<InstanceRecord> open : store.open()) {
          assertThat(open.value().instance().status().ended()).isFalse();
        }
        for (ProcessInstanceId id : store.endedBefore("stress", 1, Instant.MAX, 1_000)) {
          assertThat(ended).contains(id.value());
        }
        run.count("read", "open+endedBefore");
      }
    }

    private void insert(String id) {
      try {
        Versioned<InstanceRecord> stored = store.insert(record(id, "k-" + id, 0, null, false));
        assertThat(stored.revision()).isEqualTo(1);
        assertThat(inserted.add(id)).as("%s inserted twice", id).isTrue();
        run.count("insert", "inserted");
      } catch (DuplicateEntityException lost) {
        assertThat(store.find(ProcessInstanceId.of(id))).as("%s refused as a duplicate", id).isPresent();
        run.count("insert", "duplicate");
      }
    }

    private void delete(String id) {
      if (store.delete(ProcessInstanceId.of(id))) {
        assertThat(deleted.add(id)).as("%s deleted twice", id).isTrue();
        assertThat(store.find(ProcessInstanceId.of(id))).isEmpty();
        assertThat(store.byStartKey("k-" + id)).isEmpty();
        run.count("delete", "deleted");
      } else {
        assertThat(deleted).as("%s: delete found nothing", id).contains(id);
        run.count("delete", "gone");
      }
    }

    void checkInvariants() {
      for (Map.Entry<String, ConcurrentSkipListMap<Long, String>> hot : wins.entrySet()) {
        String id = hot.getKey();
        Versioned<InstanceRecord> end = store.find(ProcessInstanceId.of(id)).orElseThrow();
        List<Long> revisions = new ArrayList<>(hot.getValue().keySet());
        assertThat(end.revision()).as("%s: one revision per won update", id).isEqualTo(1 + revisions.size());
        for (int i = 0; i < revisions.size(); i++) {
          assertThat(revisions.get(i)).as("%s revisions won", id).isEqualTo(i + 2L);
        }
        assertThat(end.value().transitions()).as("%s: no lost update", id).isEqualTo(revisions.size());
        if (!revisions.isEmpty()) {
          assertThat(end.value().instance().variables().get("by")).as("%s holds the last won update", id)
              .isEqualTo(hot.getValue().lastEntry().getValue());
        }
      }
      Set<String> open = new HashSet<>(wins.keySet());
      for (String id : inserted) {
        Optional<Versioned<InstanceRecord>> stored = store.find(ProcessInstanceId.of(id));
        assertThat(stored.isPresent()).as("%s stored", id).isEqualTo(!deleted.contains(id));
        assertThat(store.byStartKey("k-" + id).map(v -> v.value().instance().id().value()))
            .isEqualTo(deleted.contains(id) ? Optional.empty() : Optional.of(id));
        if (!ended.contains(id)) {
          open.add(id);
        }
      }
      assertThat(deleted).isSubsetOf(ended);
      assertThat(store.open()).extracting(v -> v.value().instance().id().value()).as("open instances")
          .containsExactlyInAnyOrderElementsOf(open);
      List<String> endedKept = ended.stream().filter(id -> !deleted.contains(id)).map(id -> store.find(
          ProcessInstanceId.of(id)).orElseThrow().value().instance())
          .sorted(Comparator.comparing((ProcessInstance p) -> p.endedAt().orElseThrow()).thenComparing(p -> p.id()
              .value())).map(p -> p.id().value()).collect(Collectors.toList());
      assertThat(store.endedBefore("stress", 1, Instant.MAX, Integer.MAX_VALUE)).extracting(ProcessInstanceId::value)
          .as("ended instances, oldest first").containsExactlyElementsOf(endedKept);
    }
  }

  // ------------------------------------------------------------------------------------------
  // AuditLog

  @Test
  @DisplayName("AuditLog.inMemory under 8 threads: every record appended is kept once, repeats are ignored, readers "
      + "see each trail grow by appends only, purges count what they delete")
  void auditLog() throws InterruptedException {
    StressRun run = StressRun.of("EngineStoresStressTest.auditLog", 0.5);
    for (int round = 0; round < run.rounds(); round++) {
      AuditRun world = new AuditRun(run);
      run.run(world::worker);
      run.verify(world::checkInvariants);
    }
    run.logReport();
  }

  private static final class AuditRun {
    static final int TRAILS = 8;
    static final int PURGED = 2;
    final StressRun run;
    final AuditLog log = AuditLog.inMemory();
    final AtomicLong[] sequences = new AtomicLong[TRAILS + PURGED];
    final List<Set<Long>> appended = new ArrayList<>();
    final LongAdder[] purged = new LongAdder[PURGED];

    AuditRun(StressRun run) {
      this.run = run;
      for (int i = 0; i < sequences.length; i++) {
        sequences[i] = new AtomicLong();
        appended.add(ConcurrentHashMap.newKeySet());
      }
      for (int i = 0; i < PURGED; i++) {
        purged[i] = new LongAdder();
      }
    }

    static String trail(int i) {
      return i < TRAILS ? "P-" + i : "P-purged-" + (i - TRAILS);
    }

    StressRun.Operation worker(int index, StressRun run) {
      Map<Integer, List<AuditRecord>> seen = new HashMap<>();
      return random -> step(random, seen);
    }

    private void step(Random random, Map<Integer, List<AuditRecord>> seen) {
      int dice = random.nextInt(100);
      if (dice < 50) {
        // Sequences are handed out in order but appended in whatever order the threads get there.
        int i = random.nextInt(sequences.length);
        long sequence = sequences[i].incrementAndGet();
        log.append(audit(trail(i), sequence));
        appended.get(i).add(sequence);
        run.count("append", "new");
      } else if (dice < 65) {
        // At-least-once delivery: a record sent again is kept once.
        int i = random.nextInt(TRAILS);
        long upTo = sequences[i].get();
        if (upTo == 0) {
          run.count("append", "nothing");
          return;
        }
        long sequence = 1 + (long) random.nextInt((int) Math.min(upTo, Integer.MAX_VALUE));
        if (!appended.get(i).contains(sequence)) {
          run.count("append", "not-yet");
          return;
        }
        log.append(audit(trail(i), sequence));
        run.count("append", "again");
      } else if (dice < 68) {
        int p = random.nextInt(PURGED);
        purged[p].add(log.purge(ProcessInstanceId.of(trail(TRAILS + p))));
        run.count("purge", "purged");
      } else {
        int i = random.nextInt(TRAILS);
        List<AuditRecord> now = log.records(ProcessInstanceId.of(trail(i)));
        assertThat(now.stream().map(AuditRecord::sequence).collect(Collectors.toSet())).as("%s read", trail(i))
            .hasSize(now.size());
        List<AuditRecord> before = seen.put(i, now);
        if (before != null) {
          assertThat(now.size()).as("%s shrank", trail(i)).isGreaterThanOrEqualTo(before.size());
          assertThat(now.subList(0, before.size())).as("%s: an earlier read is a prefix of a later one", trail(i))
              .isEqualTo(before);
        }
        run.count("read", "records");
      }
    }

    void checkInvariants() {
      for (int i = 0; i < TRAILS; i++) {
        List<Long> kept = log.records(ProcessInstanceId.of(trail(i))).stream().map(AuditRecord::sequence)
            .collect(Collectors.toList());
        assertThat(kept).as("%s: each record appended kept once", trail(i)).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(appended.get(i));
      }
      for (int p = 0; p < PURGED; p++) {
        int i = TRAILS + p;
        int left = log.records(ProcessInstanceId.of(trail(i))).size();
        assertThat(purged[p].sum() + left).as("%s: purged plus left", trail(i)).isEqualTo(appended.get(i).size());
      }
    }
  }
}
