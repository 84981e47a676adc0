package io.cemkit.testkit;

import static io.cemkit.testkit.ContractSamples.ACME;
import static io.cemkit.testkit.ContractSamples.AGREEMENT;
import static io.cemkit.testkit.ContractSamples.DANA;
import static io.cemkit.testkit.ContractSamples.NOA;
import static io.cemkit.testkit.ContractSamples.SUPPORT;
import static io.cemkit.testkit.ContractSamples.active;
import static io.cemkit.testkit.ContractSamples.ctx;
import static io.cemkit.testkit.ContractSamples.draft;
import static io.cemkit.testkit.ContractSamples.evidence;
import static io.cemkit.testkit.ContractSamples.noon;
import static io.cemkit.testkit.ContractSamples.withHistory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementEvent;
import io.cemkit.core.AgreementEventType;
import io.cemkit.core.AgreementId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.ImmutableAgreement;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.Versioned;
import io.cemkit.testkit.StartGate.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link AgreementStore} must pass: each sentence of the SPI's Javadoc, one
 * behaviour per test, including the append-only history and concurrent writers.
 *
 * <p>A host checks its adapter by extending this class in its own tests and returning a new, empty
 * store from {@link #create()}:
 *
 * <pre>{@code
 * class MyJdbcAgreementStoreContractTest extends AgreementStoreContract {
 *   protected AgreementStore create() {
 *     return new MyJdbcAgreementStore(TestDatabase.freshSchema());
 *   }
 * }
 * }</pre>
 *
 * <p>Refusals are checked as cemkit's own stores make them: a {@link io.cemkit.core.StaleWriteException}
 * or {@link io.cemkit.core.UnknownEntityException} names the kind {@code "Agreement"} and the id's code,
 * and a change that breaks {@code checkUpdate} fails with the {@link IllegalArgumentException} that
 * method throws, before anything is written.
 *
 * <p>The agreements written are complete aggregates (versions, assets, amendments, usage and every
 * lifecycle event), so an adapter passes only if it stores and reads back all of them exactly. The
 * host's test classpath needs a JUnit Jupiter engine ({@code org.junit.jupiter:junit-jupiter}). The
 * kit cannot provoke a failure of the host's database, so the rule that such failures surface as
 * {@link io.cemkit.core.StorageException} is left to the host's own tests.
 */
public abstract class AgreementStoreContract {
  private AgreementStore store;

  /** For subclasses, which supply the store under test through {@link #create()}. */
  protected AgreementStoreContract() {}

  /**
   * Makes the store under test. Called before every test; the store must be empty and must not
   * share records with stores made for other tests (truncate the tables, or use a fresh schema).
   *
   * @return a new, empty store
   */
  protected abstract AgreementStore create();

  /**
   * The store made by {@link #create()} for the running test, for hosts that add tests of their own.
   *
   * @return the store under test
   */
  protected final AgreementStore store() {
    return store;
  }

  @BeforeEach
  final void createStore() {
    store = Objects.requireNonNull(create(), "create() returned null");
  }

  private static Versioned<Agreement> at(Agreement agreement, long revision) {
    return Versioned.of(agreement, revision);
  }

  /** The active sample agreement, one event further: suspended on 2026-02-10. */
  private static Agreement suspended() {
    return active().suspend(ctx(2026, 2, 10));
  }

  // ------------------------------------------------------------------ insert and find

  @Test
  @DisplayName("insert returns the agreement at revision 1")
  void insertReturnsRevisionOne() {
    assertThat(store.insert(withHistory())).isEqualTo(at(withHistory(), 1));
  }

  @Test
  @DisplayName("find returns the inserted agreement exactly: versions, assets, amendments, usage and every event")
  void findReturnsWholeHistory() {
    Agreement written = withHistory();
    store.insert(written);

    Versioned<Agreement> found = store.find(AGREEMENT).orElseThrow();

    assertSoftly(softly -> {
      softly.assertThat(found.revision()).isEqualTo(1);
      softly.assertThat(found.value().status()).isEqualTo(written.status());
      softly.assertThat(found.value().signature()).isEqualTo(written.signature());
      softly.assertThat(found.value().versions()).hasSize(2).isEqualTo(written.versions());
      softly.assertThat(found.value().assets()).hasSize(3).isEqualTo(written.assets());
      softly.assertThat(found.value().amendments()).hasSize(2).isEqualTo(written.amendments());
      softly.assertThat(found.value().events()).isEqualTo(written.events());
      softly.assertThat(found.value().events()).filteredOn(e -> e.type() == AgreementEventType.USAGE_RECORDED)
          .hasSize(2);
      softly.assertThat(found.value()).isEqualTo(written);
    });
  }

  @Test
  @DisplayName("find of an unknown id is empty")
  void findUnknownIsEmpty() {
    store.insert(withHistory());

    assertThat(store.find(AgreementId.of("AG-404"))).isEmpty();
  }

  @Test
  @DisplayName("insert of an existing id fails with DuplicateEntityException and leaves the stored agreement unchanged")
  void duplicateInsertFails() {
    store.insert(draft(AGREEMENT, DANA));

    assertThatThrownBy(() -> store.insert(withHistory())).isInstanceOf(DuplicateEntityException.class)
        .hasMessageContaining(AGREEMENT.value());
    assertThat(store.find(AGREEMENT)).contains(at(draft(AGREEMENT, DANA), 1));
  }

  @Test
  @DisplayName("insert of an existing id fails even for another customer, who does not see it")
  void duplicateInsertForOtherCustomerFails() {
    store.insert(active());

    assertThatThrownBy(() -> store.insert(active(AGREEMENT, ACME))).isInstanceOf(DuplicateEntityException.class);
    assertThat(store.find(AGREEMENT)).contains(at(active(), 1));
    assertThat(store.forCustomer(ACME)).isEmpty();
  }

  // ------------------------------------------------------------------ update

  @Test
  @DisplayName("update that extends the history at the current revision returns revision 2, and find sees it")
  void updateAtCurrentRevision() {
    store.insert(active());

    Versioned<Agreement> updated = store.update(suspended(), 1);

    assertThat(updated).isEqualTo(at(suspended(), 2));
    assertThat(store.find(AGREEMENT)).contains(at(suspended(), 2));
  }

  @Test
  @DisplayName("each update raises the revision by exactly one, up to the full history")
  void revisionsGrowByOne() {
    Agreement draft = draft(AGREEMENT, DANA);
    Instant signedAt = noon(2025, 12, 21);
    Agreement signed = draft.sign(evidence(signedAt), ctx(signedAt, "contract sample"));
    store.insert(draft);

    assertThat(store.update(signed, 1).revision()).isEqualTo(2);
    assertThat(store.update(active(), 2).revision()).isEqualTo(3);
    assertThat(store.update(withHistory(), 3).revision()).isEqualTo(4);
    assertThat(store.find(AGREEMENT)).contains(at(withHistory(), 4));
  }

  @Test
  @DisplayName("update at a stale revision fails with StaleWriteException naming kind, id and both revisions")
  void staleUpdateFails() {
    store.insert(active());
    store.update(suspended(), 1);
    Agreement late = active().recordUsage(SUPPORT, 1, ctx(2026, 2, 11));

    assertThatThrownBy(() -> store.update(late, 1)).isInstanceOfSatisfying(StaleWriteException.class, e -> {
      assertThat(e.kind()).isEqualTo("Agreement");
      assertThat(e.id()).isEqualTo(AGREEMENT.value());
      assertThat(e.expectedRevision()).isEqualTo(1);
      assertThat(e.actualRevision()).isEqualTo(2);
    });
    assertThat(store.find(AGREEMENT)).contains(at(suspended(), 2));
  }

  @Test
  @DisplayName("update at a revision the agreement has not reached fails with StaleWriteException")
  void updateAheadOfStoredRevisionFails() {
    store.insert(active());

    assertThatThrownBy(() -> store.update(suspended(), 2)).isInstanceOfSatisfying(StaleWriteException.class, e -> {
      assertThat(e.expectedRevision()).isEqualTo(2);
      assertThat(e.actualRevision()).isEqualTo(1);
    });
    assertThat(store.find(AGREEMENT)).contains(at(active(), 1));
  }

  @Test
  @DisplayName("update of an unknown id fails with UnknownEntityException and stores nothing")
  void updateUnknownFails() {
    assertThatThrownBy(() -> store.update(active(), 1)).isInstanceOfSatisfying(UnknownEntityException.class, e -> {
      assertThat(e.kind()).isEqualTo("Agreement");
      assertThat(e.id()).isEqualTo(AGREEMENT.value());
    });
    assertThat(store.find(AGREEMENT)).isEmpty();
    assertThat(store.forCustomer(DANA)).isEmpty();
  }

  // ------------------------------------------------------------------ append-only history

  @Test
  @DisplayName("update that moves the agreement to another customer is refused and leaves it unchanged")
  void customerCannotChange() {
    store.insert(active());
    Agreement moved = ImmutableAgreement.copyOf(suspended()).withCustomer(ACME);

    assertThatThrownBy(() -> store.update(moved, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(AGREEMENT)).contains(at(active(), 1));
    assertThat(store.forCustomer(DANA)).containsExactly(at(active(), 1));
    assertThat(store.forCustomer(ACME)).isEmpty();
  }

  @Test
  @DisplayName("update that rewrites a signed agreement's terms, without touching its events, is refused")
  void signedTermsCannotBeRewritten() {
    store.insert(active());
    io.cemkit.core.AgreementVersion v1 = active().versions().get(0);
    io.cemkit.core.AgreementTerms cheaper = io.cemkit.core.ImmutableAgreementTerms.copyOf(v1.terms())
        .withCharges(List.of());
    Agreement forged = ImmutableAgreement.copyOf(active())
        .withVersions(io.cemkit.core.ImmutableAgreementVersion.copyOf(v1).withTerms(cheaper));

    assertThatThrownBy(() -> store.update(forged, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(AGREEMENT)).contains(at(active(), 1));
  }

  @Test
  @DisplayName("update that drops recorded events is refused and leaves the agreement unchanged")
  void historyCannotShrink() {
    store.insert(withHistory());

    assertThatThrownBy(() -> store.update(active(), 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(AGREEMENT)).contains(at(withHistory(), 1));
  }

  @Test
  @DisplayName("update that rewrites recorded events is refused, even if the new history is longer")
  void historyCannotBeRewritten() {
    store.insert(active());
    // the same agreement as if created a day earlier: every event of the stored history differs
    Agreement rewritten = Agreement.draft(AGREEMENT, DANA, ContractSamples.BANK, ContractSamples.ZONE,
            active().versions().get(0).terms(), ctx(2025, 12, 19))
        .sign(evidence(noon(2025, 12, 21)), ctx(2025, 12, 21)).activate(ctx(2026, 1, 1)).suspend(ctx(2026, 2, 10));

    assertThatThrownBy(() -> store.update(rewritten, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(AGREEMENT)).contains(at(active(), 1));
  }

  @Test
  @DisplayName("update that keeps the history as it is, with nothing appended, is accepted")
  void sameHistoryIsAnExtension() {
    store.insert(active());

    assertThat(store.update(active(), 1)).isEqualTo(at(active(), 2));
  }

  @Test
  @DisplayName("a refused update does not use up a revision: the next update at the same revision succeeds")
  void refusedUpdateKeepsRevision() {
    store.insert(suspended());
    assertThatThrownBy(() -> store.update(active(), 1)).isInstanceOf(IllegalArgumentException.class);

    Agreement resumed = suspended().resume(ctx(2026, 2, 11));
    assertThat(store.update(resumed, 1)).isEqualTo(at(resumed, 2));
  }

  // ------------------------------------------------------------------ forCustomer

  @Test
  @DisplayName("forCustomer of a customer without agreements is empty")
  void forCustomerWithoutAgreements() {
    store.insert(active());

    assertThat(store.forCustomer(NOA)).isEmpty();
  }

  @Test
  @DisplayName("forCustomer returns the customer's agreements, current revisions, ordered by id, and no other's")
  void forCustomerOrderedById() {
    // "AG-10" < "AG-9" < "AG_1" in String.compareTo order; a locale collation that ignores
    // punctuation or compares numbers would order them differently.
    Agreement third = active(AgreementId.of("AG_1"), DANA);
    Agreement first = draft(AgreementId.of("AG-10"), DANA);
    Agreement others = active(AgreementId.of("AG-0"), ACME);
    Agreement second = active(AgreementId.of("AG-9"), DANA);
    store.insert(third);
    store.insert(others);
    store.insert(second);
    store.insert(first);
    Agreement thirdSuspended = third.suspend(ctx(2026, 2, 10));
    store.update(thirdSuspended, 1);

    assertThat(store.forCustomer(DANA)).containsExactly(at(first, 1), at(second, 1), at(thirdSuspended, 2));
    assertThat(store.forCustomer(ACME)).containsExactly(at(others, 1));
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  @Timeout(30)
  @DisplayName("concurrent read-modify-write with retry on StaleWriteException loses no event")
  void concurrentUpdatesLoseNothing() throws Exception {
    store.insert(active());
    Instant at = noon(2026, 2, 1);

    List<Long> revisions = StartGate.race(i -> () -> {
      for (int attempt = 1; attempt <= 100; attempt++) {
        Versioned<Agreement> current = store.find(AGREEMENT).orElseThrow();
        Agreement next = current.value().recordUsage(SUPPORT, 1, ctx(at, "writer-" + i));
        try {
          return store.update(next, current.revision()).revision();
        } catch (StaleWriteException lost) {
          // someone else wrote in between: re-read and apply the change again
        }
      }
      throw new AssertionError("writer " + i + " was refused 100 times in a row");
    });

    Versioned<Agreement> end = store.find(AGREEMENT).orElseThrow();
    List<AgreementEvent> events = end.value().events();
    int before = active().events().size();
    assertThat(events.subList(0, before)).isEqualTo(active().events());
    assertThat(events.subList(before, events.size())).extracting(AgreementEvent::reason)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, StartGate.THREADS).mapToObj(i -> "writer-" + i)
            .collect(Collectors.toList()));
    assertThat(revisions).containsExactlyInAnyOrderElementsOf(StartGate.revisionsOfUpdates());
    assertThat(end.revision()).isEqualTo(1 + StartGate.THREADS);
  }

  @Test
  @Timeout(30)
  @DisplayName("concurrent inserts of the same id: exactly one succeeds, the others fail with DuplicateEntityException")
  void concurrentDuplicateInserts() throws Exception {
    List<Outcome<Versioned<Agreement>>> outcomes = StartGate.race(i -> () -> {
      Agreement mine = active().recordUsage(SUPPORT, 1 + i, ctx(2026, 2, 1));
      try {
        return Outcome.stored(store.insert(mine));
      } catch (DuplicateEntityException refused) {
        return Outcome.refused(refused);
      }
    });

    List<Versioned<Agreement>> winners = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value)
        .collect(Collectors.toList());
    assertThat(winners).hasSize(1);
    assertThat(outcomes.stream().filter(o -> !o.succeeded())).hasSize(StartGate.THREADS - 1)
        .allSatisfy(o -> assertThat(o.refusal()).isInstanceOf(DuplicateEntityException.class));
    assertThat(winners.get(0).revision()).isEqualTo(1);
    assertThat(store.find(AGREEMENT)).contains(winners.get(0));
    assertThat(store.forCustomer(DANA)).containsExactly(winners.get(0));
  }
}
