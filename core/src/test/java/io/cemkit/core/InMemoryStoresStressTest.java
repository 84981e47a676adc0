package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.Versioned;
import io.cemkit.core.testing.StressRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


/**
 * Core's in-memory stores under {@value StressRun#THREADS} threads for a bounded time (issue #10), against
 * the concurrency contract their SPIs document ("every operation is atomic and safe to call from many
 * threads"; an update applies only at the expected revision, else {@link StaleWriteException}; an existing
 * id is a {@link DuplicateEntityException}): writers race read-modify-write updates on a few hot records,
 * racing inserts of the same id or token, and closes of the same interaction, while readers query. Each
 * test takes a quarter of the configured time ({@link StressRun}).
 *
 * <p>What must hold: exactly one writer wins each revision, and the final record is the initial one plus
 * the won updates in revision order (no update lost, none applied twice); a read returns a whole record at
 * one revision, and a later read by the same reader extends an earlier one; a duplicate insert stores
 * nothing; a reader sees each writer's appends as a prefix, never a later one without an earlier one.
 */
class InMemoryStoresStressTest {
  private static final int HOT = 3;
  private static final Instant AT = Fixtures.noon(2026, 2, 1);
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** Read-modify-write: when to let another writer in between the read and the write. */
  private static void maybeYield(Random random) {
    if (random.nextBoolean()) {
      // On two cores, threads rarely meet between a read and a write unless invited.
      Thread.yield();
    }
  }

  /** Who won each revision of each hot record; the update's mark is what the record then carries. */
  private static final class Wins {
    final Map<String, ConcurrentSkipListMap<Long, String>> byRecord = new ConcurrentHashMap<>();

    Wins(List<String> ids) {
      ids.forEach(id -> byRecord.put(id, new ConcurrentSkipListMap<>()));
    }

    void won(String id, long revision, String mark) {
      String other = byRecord.get(id).putIfAbsent(revision, mark);
      assertThat(other).as("%s revision %d won by %s and by %s", id, revision, other, mark).isNull();
    }

    /** The marks of the won updates in revision order, which must be revisions 2, 3, ... without a gap. */
    List<String> marks(String id, long finalRevision) {
      ConcurrentSkipListMap<Long, String> won = byRecord.get(id);
      assertThat(finalRevision).as("%s: one revision per won update", id).isEqualTo(1L + won.size());
      List<Long> revisions = new ArrayList<>(won.keySet());
      for (int i = 0; i < revisions.size(); i++) {
        assertThat(revisions.get(i)).as("%s revisions won", id).isEqualTo(i + 2L);
      }
      return new ArrayList<>(won.values());
    }
  }

  // ------------------------------------------------------------------------------------------
  // AgreementStore

  @Test
  @DisplayName("AgreementStore.inMemory under 8 threads: one winner per revision, the history is the initial one "
      + "plus the won updates in order, reads are whole and only grow, duplicate inserts store nothing")
  void agreements() throws InterruptedException {
    StressRun run = StressRun.of("InMemoryStoresStressTest.agreements", 0.25);
    for (int round = 0; round < run.rounds(); round++) {
      AgreementStore store = AgreementStore.inMemory();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < HOT; i++) {
        ids.add("AG-" + i);
        store.insert(agreement(i));
      }
      int initial = agreement(0).events().size();
      Wins wins = new Wins(ids);
      run.run((index, r) -> {
        Map<String, Versioned<Agreement>> seen = new HashMap<>();
        long[] made = new long[1];
        return random -> {
          int dice = random.nextInt(100);
          String id = ids.get(random.nextInt(HOT));
          if (dice < 55) {
            Versioned<Agreement> current = store.find(AgreementId.of(id)).orElseThrow();
            String mark = "w" + index + "-" + made[0]++;
            Agreement next = current.value().recordUsage(EntitlementId.of("support"), 1,
                ChangeContext.of(Fixtures.clockAt(AT), Fixtures.AGENT, Channel.BRANCH, mark));
            maybeYield(random);
            try {
              Versioned<Agreement> stored = store.update(next, current.revision());
              assertThat(stored.revision()).isEqualTo(current.revision() + 1);
              wins.won(id, stored.revision(), mark);
              run.count("agreement.update", "won");
            } catch (StaleWriteException lost) {
              assertThat(lost).hasMessageContaining(id);
              run.count("agreement.update", "stale");
            }
          } else if (dice < 60) {
            try {
              store.insert(agreement(ids.indexOf(id)));
              fail("%s inserted twice", id);
            } catch (DuplicateEntityException refused) {
              run.count("agreement.insert", "duplicate");
            }
          } else {
            List<Versioned<Agreement>> read = dice < 85 ? List.of(store.find(AgreementId.of(id)).orElseThrow())
                : store.forCustomer(CustomerId.of("C-" + (ids.indexOf(id) % 2)));
            assertThat(read).extracting(v -> v.value().id().value()).isSorted();
            for (Versioned<Agreement> now : read) {
              String which = now.value().id().value();
              assertThat(now.value().events()).as("%s at revision %d", which, now.revision())
                  .hasSize(initial + (int) now.revision() - 1);
              Versioned<Agreement> before = seen.put(which, now);
              if (before != null) {
                assertThat(now.revision()).as("%s read again", which).isGreaterThanOrEqualTo(before.revision());
                assertThat(now.value().events().subList(0, before.value().events().size()))
                    .as("%s: an earlier read is a prefix of a later one", which).isEqualTo(before.value().events());
              }
            }
            run.count("agreement.read", dice < 85 ? "find" : "forCustomer");
          }
        };
      });
      run.verify(() -> {
        for (int i = 0; i < HOT; i++) {
          Versioned<Agreement> end = store.find(AgreementId.of(ids.get(i))).orElseThrow();
          List<AgreementEvent> events = end.value().events();
          assertThat(events.subList(0, initial)).isEqualTo(agreement(i).events());
          assertThat(events.subList(initial, events.size())).extracting(AgreementEvent::reason)
              .as("%s: the won updates, in revision order", ids.get(i))
              .containsExactlyElementsOf(wins.marks(ids.get(i), end.revision()));
        }
        assertThat(store.forCustomer(CustomerId.of("C-0"))).extracting(v -> v.value().id().value())
            .containsExactly("AG-0", "AG-2");
      });
    }
    run.logReport();
  }

  private static Agreement agreement(int i) {
    Instant signed = Fixtures.noon(2025, 12, 21);
    return Agreement.draft(AgreementId.of("AG-" + i), CustomerId.of("C-" + (i % 2)), Fixtures.BANK, Fixtures.ZONE,
        Fixtures.terms(), Fixtures.ctx(2025, 12, 20)).sign(Fixtures.evidence(signed), Fixtures.ctx(signed))
        .activate(Fixtures.ctx(2026, 1, 1));
  }

  // ------------------------------------------------------------------------------------------
  // CustomerStore

  @Test
  @DisplayName("CustomerStore.inMemory under 8 threads: one winner per revision, the consent ledger is the initial "
      + "one plus the won updates in order, reads are whole and only grow")
  void customers() throws InterruptedException {
    StressRun run = StressRun.of("InMemoryStoresStressTest.customers", 0.25);
    for (int round = 0; round < run.rounds(); round++) {
      CustomerStore store = CustomerStore.inMemory();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < HOT; i++) {
        ids.add("C-" + i);
        store.insert(customer(i));
      }
      int initial = customer(0).consents().records().size();
      Wins wins = new Wins(ids);
      run.run((index, r) -> {
        Map<String, Versioned<Customer>> seen = new HashMap<>();
        long[] made = new long[1];
        return random -> {
          int dice = random.nextInt(100);
          String id = ids.get(random.nextInt(HOT));
          if (dice < 55) {
            Versioned<Customer> current = store.find(CustomerId.of(id)).orElseThrow();
            String mark = "w" + index + "-" + made[0]++;
            Customer next = current.value().withConsent(InteractionFixtures.record(ConsentPurpose.SURVEYS,
                Channel.EMAIL, ConsentDecision.GRANTED, AT, Evidence.of(AT, Channel.EMAIL, EvidenceMethod.OTP, mark)));
            maybeYield(random);
            try {
              Versioned<Customer> stored = store.update(next, current.revision());
              wins.won(id, stored.revision(), mark);
              run.count("customer.update", "won");
            } catch (StaleWriteException lost) {
              run.count("customer.update", "stale");
            }
          } else {
            List<Versioned<Customer>> read = dice < 85 ? List.of(store.find(CustomerId.of(id)).orElseThrow())
                : store.all();
            assertThat(read).extracting(v -> v.value().id().value()).isSorted();
            for (Versioned<Customer> now : read) {
              String which = now.value().id().value();
              List<ConsentRecord> consents = now.value().consents().records();
              assertThat(consents).as("%s at revision %d", which, now.revision())
                  .hasSize(initial + (int) now.revision() - 1);
              Versioned<Customer> before = seen.put(which, now);
              if (before != null) {
                List<ConsentRecord> earlier = before.value().consents().records();
                assertThat(consents.subList(0, earlier.size())).as("%s: an earlier read is a prefix", which)
                    .isEqualTo(earlier);
              }
            }
            run.count("customer.read", dice < 85 ? "find" : "all");
          }
        };
      });
      run.verify(() -> {
        for (int i = 0; i < HOT; i++) {
          Versioned<Customer> end = store.find(CustomerId.of(ids.get(i))).orElseThrow();
          List<ConsentRecord> consents = end.value().consents().records();
          assertThat(consents.subList(0, initial)).isEqualTo(customer(i).consents().records());
          assertThat(consents.subList(initial, consents.size())).extracting(c -> c.evidence().reference())
              .as("%s: the won updates, in revision order", ids.get(i))
              .containsExactlyElementsOf(wins.marks(ids.get(i), end.revision()));
        }
        assertThat(store.all()).extracting(v -> v.value().id().value()).containsExactlyElementsOf(ids);
      });
    }
    run.logReport();
  }

  private static Customer customer(int i) {
    return ImmutableIndividual.copyOf(InteractionFixtures.dana()).withId(CustomerId.of("C-" + i));
  }

  // ------------------------------------------------------------------------------------------
  // InteractionLog

  @Test
  @DisplayName("InteractionLog.inMemory under 8 threads: appends while readers query (each writer's appends seen as "
      + "a prefix, queries in their documented order), racing appends of one id and closes of one interaction")
  void interactions() throws InterruptedException {
    StressRun run = StressRun.of("InMemoryStoresStressTest.interactions", 0.25);
    for (int round = 0; round < run.rounds(); round++) {
      InteractionLog log = InteractionLog.inMemory();
      // Writer w appends I-w-0, I-w-1, ... for customer C-(w % 4), with random start times.
      Map<String, Interaction> appended = new ConcurrentHashMap<>();
      Map<String, String> closedBy = new ConcurrentHashMap<>();
      ConcurrentLinkedQueue<Interaction> appendOffers = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> closeOffers = new ConcurrentLinkedQueue<>();
      run.run((index, r) -> {
        CustomerId mine = CustomerId.of("C-" + (index % 4));
        long[] made = new long[1];
        List<String> open = new ArrayList<>();
        return random -> {
          int dice = random.nextInt(100);
          if (dice < 35) {
            Interaction next = interaction("I-" + index + "-" + made[0]++, mine,
                T0.plus(Duration.ofMinutes(random.nextInt(10_000))));
            if (random.nextInt(4) == 0) {
              // Another thread appends the same interaction, maybe at the same moment: one of them stores it.
              appendOffers.add(next);
              Thread.yield();
            }
            append(log, next, appended, run);
            open.add(next.id().value());
          } else if (dice < 42) {
            Interaction offered = appendOffers.poll();
            if (offered == null) {
              run.count("interaction.appendRace", "nothing");
            } else {
              append(log, offered, appended, run);
            }
          } else if (dice < 57) {
            String id = dice < 50 && !open.isEmpty() ? open.remove(random.nextInt(open.size())) : closeOffers.poll();
            if (id == null) {
              run.count("interaction.close", "nothing");
              return;
            }
            if (dice < 50 && random.nextBoolean()) {
              // Another thread closes it too: exactly one close wins.
              closeOffers.add(id);
            }
            close(log, id, "closed-by-w" + index, closedBy, random, run);
          } else {
            read(log, CustomerId.of("C-" + random.nextInt(4)), random, run);
          }
        };
      });
      run.verify(() -> {
        for (Interaction first : appended.values()) {
          Versioned<Interaction> end = log.find(first.id()).orElseThrow();
          String closer = closedBy.get(first.id().value());
          if (closer == null) {
            assertThat(end).as("%s never closed", first.id()).isEqualTo(Versioned.of(first, 1));
          } else {
            assertThat(end.revision()).as("%s closed once", first.id()).isEqualTo(2);
            assertThat(end.value().outcome()).contains(closer);
          }
        }
        for (int c = 0; c < 4; c++) {
          CustomerId customer = CustomerId.of("C-" + c);
          List<Interaction> all = log.between(customer, T0, T0.plus(Duration.ofDays(30)));
          assertThat(all).extracting(i -> i.id().value()).as("interactions of %s", customer)
              .containsExactlyInAnyOrderElementsOf(appended.values().stream().filter(i -> i.customer().equals(
                  customer)).map(i -> i.id().value()).collect(Collectors.toList()));
        }
      });
    }
    run.logReport();
  }

  private static Interaction interaction(String id, CustomerId customer, Instant startedAt) {
    return Interaction.builder().id(InteractionId.of(id)).customer(customer).channel(Channel.PHONE)
        .direction(Direction.INBOUND).classification(InteractionClass.of("service.card")).startedAt(startedAt)
        .performer(Fixtures.AGENT).build();
  }

  private static void append(InteractionLog log, Interaction interaction, Map<String, Interaction> appended,
      StressRun run) {
    try {
      Versioned<Interaction> stored = log.append(interaction);
      assertThat(stored.revision()).isEqualTo(1);
      assertThat(appended.putIfAbsent(interaction.id().value(), interaction)).as("%s appended twice",
          interaction.id()).isNull();
      run.count("interaction.append", "appended");
    } catch (DuplicateEntityException lost) {
      assertThat(log.find(interaction.id())).as("%s refused as a duplicate", interaction.id()).isPresent();
      run.count("interaction.append", "duplicate");
    }
  }

  private static void close(InteractionLog log, String id, String outcome, Map<String, String> closedBy,
      Random random, StressRun run) {
    Versioned<Interaction> current = log.find(InteractionId.of(id)).orElseThrow();
    if (current.value().isClosed()) {
      run.count("interaction.close", "already-closed");
      return;
    }
    Interaction closed = ImmutableInteraction.copyOf(current.value())
        .withEndedAt(current.value().startedAt().plus(Duration.ofMinutes(5))).withOutcome(outcome);
    maybeYield(random);
    try {
      Versioned<Interaction> stored = log.update(closed, current.revision());
      assertThat(stored.revision()).isEqualTo(2);
      assertThat(closedBy.putIfAbsent(id, outcome)).as("%s closed twice", id).isNull();
      run.count("interaction.close", "closed");
    } catch (StaleWriteException lost) {
      run.count("interaction.close", "stale");
    }
  }

  /** Between and recent, in their documented order; each writer's appends seen without a hole. */
  private static void read(InteractionLog log, CustomerId customer, Random random, StressRun run) {
    boolean between = random.nextBoolean();
    int limit = 1 + random.nextInt(10_000);
    List<Interaction> seen = between ? log.between(customer, T0, T0.plus(Duration.ofDays(30)))
        : log.recent(customer, limit);
    assertThat(seen).extracting(i -> i.id().value()).doesNotHaveDuplicates();
    Comparator<Interaction> byStart = Comparator.comparing(Interaction::startedAt);
    assertThat(seen).isSortedAccordingTo(between ? byStart : byStart.reversed());
    assertThat(seen).allSatisfy(i -> assertThat(i.customer()).isEqualTo(customer));
    if (between || seen.size() < limit) {
      // Not cut by the limit: everything appended so far, so each writer's appends from its first.
      Map<String, TreeSet<Long>> byWriter = new HashMap<>();
      for (Interaction i : seen) {
        String[] parts = i.id().value().split("-");
        byWriter.computeIfAbsent(parts[1], w -> new TreeSet<>()).add(Long.parseLong(parts[2]));
      }
      byWriter.forEach((writer, numbers) -> assertThat(numbers.last()).as("writer %s's appends seen by a reader "
          + "of %s: %s", writer, customer, numbers).isEqualTo(numbers.size() - 1L));
    }
    run.count("interaction.read", between ? "between" : "recent");
  }

  // ------------------------------------------------------------------------------------------
  // ContinuationStore

  @Test
  @DisplayName("ContinuationStore.inMemory under 8 threads: ids and tokens inserted once, an insert seen whole (by id "
      + "and by token), one winner per revision of progress")
  void continuations() throws InterruptedException {
    StressRun run = StressRun.of("InMemoryStoresStressTest.continuations", 0.25);
    for (int round = 0; round < run.rounds(); round++) {
      ContinuationStore store = ContinuationStore.inMemory();
      List<String> hot = new ArrayList<>();
      for (int i = 0; i < HOT; i++) {
        hot.add("K-hot-" + i);
        store.insert(continuation("K-hot-" + i, token("hot-" + i), CustomerId.of("C-9")));
      }
      Wins wins = new Wins(hot);
      Map<String, String> stored = new ConcurrentHashMap<>();
      Set<String> tokensStored = ConcurrentHashMap.newKeySet();
      AtomicLong[] next = new AtomicLong[StressRun.THREADS];
      for (int i = 0; i < next.length; i++) {
        next[i] = new AtomicLong();
      }
      ConcurrentLinkedQueue<String> tokenOffers = new ConcurrentLinkedQueue<>();
      run.run((index, r) -> {
        long[] made = new long[1];
        return random -> {
          int dice = random.nextInt(100);
          if (dice < 30) {
            long n = next[index].getAndIncrement();
            String id = "K-" + index + "-" + n;
            String token = index + "_" + n;
            if (random.nextInt(4) == 0) {
              // Another thread inserts its own continuation with the same token: one of them stores it.
              tokenOffers.add(token);
              Thread.yield();
            }
            insertContinuation(store, id, token, stored, tokensStored, run);
          } else if (dice < 37) {
            String token = tokenOffers.poll();
            if (token == null) {
              run.count("continuation.tokenRace", "nothing");
            } else {
              insertContinuation(store, "K-" + index + "-x" + made[0]++, token, stored, tokensStored, run);
            }
          } else if (dice < 60) {
            String id = hot.get(random.nextInt(HOT));
            Versioned<Continuation> current = store.find(ContinuationId.of(id)).orElseThrow();
            String mark = "w" + index + "-" + made[0]++;
            Map<String, String> progress = new HashMap<>(current.value().progress());
            progress.put("last", mark);
            progress.put("updates", Long.toString(current.revision()));
            maybeYield(random);
            try {
              Versioned<Continuation> now = store.update(ImmutableContinuation.copyOf(current.value())
                  .withProgress(progress), current.revision());
              wins.won(id, now.revision(), mark);
              run.count("continuation.update", "won");
            } catch (StaleWriteException lost) {
              run.count("continuation.update", "stale");
            }
          } else {
            // An insert is atomic: once found by id, it is found by its token too.
            int writer = random.nextInt(StressRun.THREADS);
            long n = Math.max(0, next[writer].get() - 1 + random.nextInt(2));
            String id = "K-" + writer + "-" + n;
            Optional<Versioned<Continuation>> byId = store.find(ContinuationId.of(id));
            if (byId.isPresent()) {
              assertThat(store.findByToken(byId.get().value().token())).as("%s found by id, then by its token", id)
                  .isPresent();
            }
            String hotId = hot.get(random.nextInt(HOT));
            Versioned<Continuation> h = store.findByToken(token("hot-" + hot.indexOf(hotId))).orElseThrow();
            assertThat(h.value().progress().get("updates")).as("%s at revision %d", hotId, h.revision())
                .isEqualTo(Long.toString(h.revision() - 1));
            assertThat(store.forCustomer(CustomerId.of("C-" + writer))).extracting(c -> c.id().value())
                .doesNotHaveDuplicates();
            run.count("continuation.read", "byId+byToken+forCustomer");
          }
        };
      });
      run.verify(() -> {
        for (String id : hot) {
          Versioned<Continuation> end = store.find(ContinuationId.of(id)).orElseThrow();
          List<String> marks = wins.marks(id, end.revision());
          if (!marks.isEmpty()) {
            assertThat(end.value().progress().get("last")).as("%s holds the last won update", id)
                .isEqualTo(marks.get(marks.size() - 1));
          }
        }
        Map<String, Long> perToken = stored.values().stream().collect(Collectors.groupingBy(Function.identity(),
            Collectors.counting()));
        assertThat(perToken.values()).as("continuations per token").allMatch(n -> n == 1);
        assertThat(tokensStored).isEqualTo(new HashSet<>(stored.values()));
        for (Map.Entry<String, String> e : stored.entrySet()) {
          assertThat(store.findByToken(token(e.getValue())).map(v -> v.value().id().value())).contains(e.getKey());
        }
      });
    }
    run.logReport();
  }

  private static ContinuationToken token(String name) {
    return ContinuationToken.of(padded(name));
  }

  private static String padded(String name) {
    return String.format(Locale.ROOT, "%-24s", "stress_" + name).replace(' ', '_');
  }

  private static Continuation continuation(String id, ContinuationToken token, CustomerId customer) {
    return Continuation.builder().id(ContinuationId.of(id)).customer(customer).action("loan-application")
        .token(token).status(ContinuationStatus.OPEN).step("details-entered").putProgress("updates", "0")
        .startedOn(Channel.WEB).lastChannel(Channel.WEB).startedAt(T0).updatedAt(T0)
        .expiresAt(T0.plus(Duration.ofDays(14))).build();
  }

  private static void insertContinuation(ContinuationStore store, String id, String token, Map<String, String> stored,
      Set<String> tokensStored, StressRun run) {
    String writer = id.split("-")[1];
    try {
      store.insert(continuation(id, token(token), CustomerId.of("C-" + writer)));
      assertThat(tokensStored.add(token)).as("token %s stored twice", token).isTrue();
      stored.put(id, token);
      run.count("continuation.insert", "inserted");
    } catch (DuplicateEntityException lost) {
      assertThat(store.findByToken(token(token))).as("token %s refused as a duplicate", token).isPresent();
      assertThat(store.find(ContinuationId.of(id))).as("%s stored though refused", id).isEmpty();
      run.count("continuation.insert", "duplicate-token");
    }
  }
}
