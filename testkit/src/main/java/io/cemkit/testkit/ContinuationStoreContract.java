package io.cemkit.testkit;

import static io.cemkit.testkit.ContractSamples.ACME;
import static io.cemkit.testkit.ContractSamples.DANA;
import static io.cemkit.testkit.ContractSamples.NOA;
import static io.cemkit.testkit.ContractSamples.T0;
import static io.cemkit.testkit.ContractSamples.application;
import static io.cemkit.testkit.ContractSamples.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.Channel;
import io.cemkit.core.ChannelSwitch;
import io.cemkit.core.Continuation;
import io.cemkit.core.ContinuationId;
import io.cemkit.core.ContinuationStatus;
import io.cemkit.core.ContinuationToken;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.ImmutableContinuation;
import io.cemkit.core.InteractionId;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.Versioned;
import io.cemkit.testkit.StartGate.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link ContinuationStore} must pass: each sentence of the SPI's Javadoc, one
 * behaviour per test, including lookup by token, the fields an update may not change, and
 * concurrent writers.
 *
 * <p>A host checks its adapter by extending this class in its own tests and returning a new, empty
 * store from {@link #create()}:
 *
 * <pre>{@code
 * class MyJdbcContinuationStoreContractTest extends ContinuationStoreContract {
 *   protected ContinuationStore create() {
 *     return new MyJdbcContinuationStore(TestDatabase.freshSchema());
 *   }
 * }
 * }</pre>
 *
 * <p>Refusals are checked as cemkit's own stores make them: a {@link io.cemkit.core.StaleWriteException}
 * or {@link io.cemkit.core.UnknownEntityException} names the kind {@code "Continuation"} and the id's code,
 * and a change that breaks {@code checkUpdate} fails with the {@link IllegalArgumentException} that
 * method throws, before anything is written.
 *
 * <p>The host's test classpath needs a JUnit Jupiter engine ({@code org.junit.jupiter:junit-jupiter}).
 * The kit cannot provoke a failure of the host's database, so the rule that such failures surface
 * as {@link io.cemkit.core.StorageException} is left to the host's own tests.
 */
public abstract class ContinuationStoreContract {
  private ContinuationStore store;

  /** For subclasses, which supply the store under test through {@link #create()}. */
  protected ContinuationStoreContract() {}

  /**
   * Makes the store under test. Called before every test; the store must be empty and must not
   * share records with stores made for other tests (truncate the tables, or use a fresh schema).
   *
   * @return a new, empty store
   */
  protected abstract ContinuationStore create();

  /**
   * The store made by {@link #create()} for the running test, for hosts that add tests of their own.
   *
   * @return the store under test
   */
  protected final ContinuationStore store() {
    return store;
  }

  @BeforeEach
  final void createStore() {
    store = Objects.requireNonNull(create(), "create() returned null");
  }

  private static Versioned<Continuation> at(Continuation continuation, long revision) {
    return Versioned.of(continuation, revision);
  }

  private static Continuation loan() {
    return application("K-1", DANA, token(1), T0);
  }

  /** The loan application, advanced a step at the branch and switched to the phone. */
  private static Continuation advanced(Continuation c) {
    Instant now = c.updatedAt().plus(Duration.ofHours(1));
    return ImmutableContinuation.copyOf(c).withStep("signed").withProgress(with(c.progress(), "signature", "DOC-88"))
        .withLastChannel(Channel.PHONE).withUpdatedAt(now)
        .withSwitches(List.of(c.switches().get(0), ChannelSwitch.of(Channel.BRANCH, Channel.PHONE, now,
            io.cemkit.core.Actor.agent("agent-2"), InteractionId.of("I-switch-2"))));
  }

  private static Map<String, String> with(Map<String, String> progress, String key, String value) {
    Map<String, String> next = new HashMap<>(progress);
    next.put(key, value);
    return next;
  }

  private static Continuation completed(Continuation c) {
    return ImmutableContinuation.copyOf(c).withStatus(ContinuationStatus.COMPLETED)
        .withUpdatedAt(c.updatedAt().plus(Duration.ofHours(1)));
  }

  private static List<String> ids(List<Continuation> continuations) {
    return continuations.stream().map(c -> c.id().value()).collect(Collectors.toList());
  }

  // ------------------------------------------------------------------ insert and find

  @Test
  @DisplayName("insert returns the continuation at revision 1")
  void insertReturnsRevisionOne() {
    assertThat(store.insert(loan())).isEqualTo(at(loan(), 1));
  }

  @Test
  @DisplayName("find returns the inserted continuation exactly: token, progress, switches and process instance")
  void findReturnsInserted() {
    store.insert(loan());

    Versioned<Continuation> found = store.find(loan().id()).orElseThrow();

    assertSoftly(softly -> {
      softly.assertThat(found.revision()).isEqualTo(1);
      softly.assertThat(found.value().token().reveal()).isEqualTo(token(1).reveal());
      softly.assertThat(found.value().progress()).isEqualTo(loan().progress());
      softly.assertThat(found.value().switches()).isEqualTo(loan().switches());
      softly.assertThat(found.value()).isEqualTo(loan());
    });
  }

  @Test
  @DisplayName("findByToken returns the continuation the token belongs to, exactly")
  void findByTokenReturnsInserted() {
    store.insert(loan());
    store.insert(application("K-2", DANA, token(2), T0));

    assertThat(store.findByToken(token(1))).contains(at(loan(), 1));
  }

  @Test
  @DisplayName("find of an unknown id is empty")
  void findUnknownIsEmpty() {
    store.insert(loan());

    assertThat(store.find(ContinuationId.of("K-404"))).isEmpty();
  }

  @Test
  @DisplayName("findByToken of an unknown token is empty")
  void findByUnknownTokenIsEmpty() {
    store.insert(loan());

    assertThat(store.findByToken(token(404))).isEmpty();
  }

  @Test
  @DisplayName("insert of an existing id fails with DuplicateEntityException and leaves the stored record unchanged")
  void duplicateIdFails() {
    store.insert(loan());
    Continuation sameId = application("K-1", ACME, token(2), T0.plusSeconds(60));

    assertThatThrownBy(() -> store.insert(sameId)).isInstanceOf(DuplicateEntityException.class)
        .hasMessageContaining("K-1");
    assertThat(store.find(loan().id())).contains(at(loan(), 1));
    assertThat(store.findByToken(token(2))).isEmpty();
    assertThat(store.forCustomer(ACME)).isEmpty();
  }

  @Test
  @DisplayName("insert of an existing token under a new id fails with DuplicateEntityException and stores nothing")
  void duplicateTokenFails() {
    store.insert(loan());
    Continuation sameToken = application("K-2", DANA, token(1), T0.plusSeconds(60));

    assertThatThrownBy(() -> store.insert(sameToken)).isInstanceOf(DuplicateEntityException.class);
    assertThat(store.find(sameToken.id())).isEmpty();
    assertThat(store.findByToken(token(1))).contains(at(loan(), 1));
    assertThat(store.forCustomer(DANA)).containsExactly(loan());
  }

  // ------------------------------------------------------------------ update

  @Test
  @DisplayName("update at the current revision returns revision 2, and find and findByToken see it")
  void updateAtCurrentRevision() {
    store.insert(loan());

    Versioned<Continuation> updated = store.update(advanced(loan()), 1);

    assertThat(updated).isEqualTo(at(advanced(loan()), 2));
    assertThat(store.find(loan().id())).contains(at(advanced(loan()), 2));
    assertThat(store.findByToken(token(1))).contains(at(advanced(loan()), 2));
  }

  @Test
  @DisplayName("each update raises the revision by exactly one")
  void revisionsGrowByOne() {
    store.insert(loan());

    assertThat(store.update(advanced(loan()), 1).revision()).isEqualTo(2);
    assertThat(store.update(completed(advanced(loan())), 2).revision()).isEqualTo(3);
    assertThat(store.find(loan().id())).contains(at(completed(advanced(loan())), 3));
  }

  @Test
  @DisplayName("update at a stale revision fails with StaleWriteException naming kind, id and both revisions")
  void staleUpdateFails() {
    store.insert(loan());
    store.update(advanced(loan()), 1);

    assertThatThrownBy(() -> store.update(completed(loan()), 1))
        .isInstanceOfSatisfying(StaleWriteException.class, e -> {
          assertThat(e.kind()).isEqualTo("Continuation");
          assertThat(e.id()).isEqualTo("K-1");
          assertThat(e.expectedRevision()).isEqualTo(1);
          assertThat(e.actualRevision()).isEqualTo(2);
        });
    assertThat(store.find(loan().id())).contains(at(advanced(loan()), 2));
  }

  @Test
  @DisplayName("update at a revision the continuation has not reached fails with StaleWriteException")
  void updateAheadOfStoredRevisionFails() {
    store.insert(loan());

    assertThatThrownBy(() -> store.update(advanced(loan()), 2))
        .isInstanceOfSatisfying(StaleWriteException.class, e -> {
          assertThat(e.expectedRevision()).isEqualTo(2);
          assertThat(e.actualRevision()).isEqualTo(1);
        });
    assertThat(store.find(loan().id())).contains(at(loan(), 1));
  }

  @Test
  @DisplayName("update of an unknown id fails with UnknownEntityException and stores nothing")
  void updateUnknownFails() {
    assertThatThrownBy(() -> store.update(loan(), 1)).isInstanceOfSatisfying(UnknownEntityException.class, e -> {
      assertThat(e.kind()).isEqualTo("Continuation");
      assertThat(e.id()).isEqualTo("K-1");
    });
    assertThat(store.find(loan().id())).isEmpty();
    assertThat(store.findByToken(token(1))).isEmpty();
  }

  // ------------------------------------------------------------------ fixed fields

  @Test
  @DisplayName("update that moves a continuation to another customer is refused and leaves it unchanged")
  void customerCannotChange() {
    store.insert(loan());

    assertThatThrownBy(() -> store.update(ImmutableContinuation.copyOf(advanced(loan())).withCustomer(ACME), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(loan().id())).contains(at(loan(), 1));
    assertThat(store.forCustomer(ACME)).isEmpty();
  }

  @Test
  @DisplayName("a completed continuation cannot be reopened, and recorded switches cannot be removed")
  void finishedStaysFinished() {
    store.insert(loan());
    Continuation done = ImmutableContinuation.copyOf(advanced(loan()))
        .withStatus(io.cemkit.core.ContinuationStatus.COMPLETED);
    store.update(done, 1);

    assertThatThrownBy(() -> store.update(ImmutableContinuation.copyOf(done)
        .withStatus(io.cemkit.core.ContinuationStatus.OPEN), 2)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(loan().id())).contains(at(done, 2));

    Continuation second = application("K-2", DANA, token(2), T0);
    store.insert(second);
    assertThatThrownBy(() -> store.update(ImmutableContinuation.copyOf(second).withSwitches(List.of()), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(second.id())).contains(at(second, 1));
  }

  @Test
  @DisplayName("update that changes the action is refused and leaves the continuation unchanged")
  void actionCannotChange() {
    store.insert(loan());

    assertThatThrownBy(() -> store.update(ImmutableContinuation.copyOf(advanced(loan())).withAction("mortgage"), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(loan().id())).contains(at(loan(), 1));
  }

  @Test
  @DisplayName("update that changes the token is refused: the old token still finds it, the new one finds nothing")
  void tokenCannotChange() {
    store.insert(loan());

    assertThatThrownBy(() -> store.update(ImmutableContinuation.copyOf(advanced(loan())).withToken(token(2)), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(loan().id())).contains(at(loan(), 1));
    assertThat(store.findByToken(token(1))).contains(at(loan(), 1));
    assertThat(store.findByToken(token(2))).isEmpty();
  }

  @Test
  @DisplayName("a refused update does not use up a revision: the next update at the same revision succeeds")
  void refusedUpdateKeepsRevision() {
    store.insert(loan());
    assertThatThrownBy(() -> store.update(ImmutableContinuation.copyOf(loan()).withAction("mortgage"), 1))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.update(advanced(loan()), 1)).isEqualTo(at(advanced(loan()), 2));
  }

  // ------------------------------------------------------------------ forCustomer

  @Test
  @DisplayName("forCustomer of a customer without continuations is empty")
  void forCustomerWithoutContinuations() {
    store.insert(loan());

    assertThat(store.forCustomer(NOA)).isEmpty();
  }

  @Test
  @DisplayName("forCustomer returns the customer's continuations as last updated, by start then id, and no other's")
  void forCustomerOrderedByStartThenId() {
    store.insert(application("K-3", DANA, token(3), T0));
    store.insert(application("K-9", DANA, token(9), T0.minus(Duration.ofDays(1))));
    store.insert(application("K-0", ACME, token(10), T0));
    store.insert(application("K-1", DANA, token(1), T0));
    store.insert(application("K-2", DANA, token(2), T0.plus(Duration.ofDays(1))));
    Continuation k3 = advanced(application("K-3", DANA, token(3), T0));
    store.update(k3, 1);

    assertThat(ids(store.forCustomer(DANA))).containsExactly("K-9", "K-1", "K-3", "K-2");
    assertThat(store.forCustomer(DANA).get(2)).isEqualTo(k3);
    assertThat(ids(store.forCustomer(ACME))).containsExactly("K-0");
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  @Timeout(30)
  @DisplayName("concurrent read-modify-write with retry on StaleWriteException loses no progress")
  void concurrentUpdatesLoseNothing() throws Exception {
    store.insert(loan());

    List<Long> revisions = StartGate.race(w -> () -> {
      for (int attempt = 1; attempt <= 100; attempt++) {
        Versioned<Continuation> current = store.find(loan().id()).orElseThrow();
        Continuation next = ImmutableContinuation.copyOf(current.value())
            .withProgress(with(current.value().progress(), "writer-" + w, "done"));
        try {
          return store.update(next, current.revision()).revision();
        } catch (StaleWriteException lost) {
          // someone else wrote in between: re-read and apply the change again
        }
      }
      throw new AssertionError("writer " + w + " was refused 100 times in a row");
    });

    Versioned<Continuation> end = store.find(loan().id()).orElseThrow();
    Map<String, String> expected = new HashMap<>(loan().progress());
    for (int w = 0; w < StartGate.THREADS; w++) {
      expected.put("writer-" + w, "done");
    }
    assertThat(end.value().progress()).isEqualTo(expected);
    assertThat(revisions).containsExactlyInAnyOrderElementsOf(StartGate.revisionsOfUpdates());
    assertThat(end.revision()).isEqualTo(1 + StartGate.THREADS);
    assertThat(store.findByToken(token(1))).contains(end);
  }

  @Test
  @Timeout(30)
  @DisplayName("concurrent inserts of the same id: exactly one succeeds, the others fail with DuplicateEntityException")
  void concurrentDuplicateIds() throws Exception {
    List<Outcome<Versioned<Continuation>>> outcomes = StartGate.race(w -> () -> {
      Continuation mine = application("K-1", DANA, token(100 + w), T0);
      try {
        return Outcome.stored(store.insert(mine));
      } catch (DuplicateEntityException refused) {
        return Outcome.refused(refused);
      }
    });

    List<Versioned<Continuation>> winners = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value)
        .collect(Collectors.toList());
    assertThat(winners).hasSize(1);
    assertThat(outcomes.stream().filter(o -> !o.succeeded())).hasSize(StartGate.THREADS - 1)
        .allSatisfy(o -> assertThat(o.refusal()).isInstanceOf(DuplicateEntityException.class));
    Versioned<Continuation> winner = winners.get(0);
    assertThat(winner.revision()).isEqualTo(1);
    assertThat(store.find(ContinuationId.of("K-1"))).contains(winner);
    for (int w = 0; w < StartGate.THREADS; w++) {
      ContinuationToken t = token(100 + w);
      assertThat(store.findByToken(t)).as("token of writer %d", w)
          .isEqualTo(t.equals(winner.value().token()) ? Optional.of(winner) : Optional.empty());
    }
  }

  @Test
  @Timeout(30)
  @DisplayName("concurrent inserts of one token under distinct ids: exactly one succeeds, the others store nothing")
  void concurrentDuplicateTokens() throws Exception {
    List<Outcome<Versioned<Continuation>>> outcomes = StartGate.race(w -> () -> {
      Continuation mine = application("K-" + w, DANA, token(1), T0);
      try {
        return Outcome.stored(store.insert(mine));
      } catch (DuplicateEntityException refused) {
        return Outcome.refused(refused);
      }
    });

    List<Versioned<Continuation>> winners = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value)
        .collect(Collectors.toList());
    assertThat(winners).hasSize(1);
    assertThat(outcomes.stream().filter(o -> !o.succeeded())).hasSize(StartGate.THREADS - 1)
        .allSatisfy(o -> assertThat(o.refusal()).isInstanceOf(DuplicateEntityException.class));
    Versioned<Continuation> winner = winners.get(0);
    assertThat(store.findByToken(token(1))).contains(winner);
    assertThat(store.forCustomer(DANA)).containsExactly(winner.value());
    for (int w = 0; w < StartGate.THREADS; w++) {
      ContinuationId id = ContinuationId.of("K-" + w);
      assertThat(store.find(id)).as("continuation of writer %d", w)
          .isEqualTo(id.equals(winner.value().id()) ? Optional.of(winner) : Optional.empty());
    }
  }
}
