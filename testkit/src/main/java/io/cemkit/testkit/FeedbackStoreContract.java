package io.cemkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.Actor;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.PersonalData;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.Versioned;
import io.cemkit.nps.FollowUp;
import io.cemkit.nps.FollowUpId;
import io.cemkit.nps.FollowUpState;
import io.cemkit.nps.NpsCategory;
import io.cemkit.nps.NpsResponse;
import io.cemkit.nps.ResponseId;
import io.cemkit.nps.spi.FeedbackStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link FeedbackStore} must pass: each sentence of the SPI's Javadoc, one
 * behaviour per test, including concurrent writers.
 *
 * <pre>{@code
 * class MyJdbcFeedbackStoreContractTest extends FeedbackStoreContract {
 *   protected FeedbackStore create() {
 *     return new MyJdbcFeedbackStore(TestDatabase.freshSchema());
 *   }
 * }
 * }</pre>
 *
 * <p>The host's test classpath needs a JUnit Jupiter engine. Storage failures surfacing as
 * {@link io.cemkit.core.StorageException} are left to the host's own tests.
 */
public abstract class FeedbackStoreContract {
  private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
  private static final CustomerId DANA = CustomerId.of("C-DANA");

  private FeedbackStore store;

  /** For subclasses, which supply the store under test through {@link #create()}. */
  protected FeedbackStoreContract() {}

  /**
   * Makes the store under test. Called before every test; the store must be empty.
   *
   * @return a new, empty store
   */
  protected abstract FeedbackStore create();

  @BeforeEach
  void createStore() {
    store = create();
  }

  private static NpsResponse response(String id, int score, Instant at) {
    return NpsResponse.builder().id(ResponseId.of(id)).score(score).at(at).customer(DANA)
        .touchpoint(Touchpoint.of("checkout")).putDimensions("branch", "north")
        .comment(PersonalData.freeText("kept verbatim")).weight(1.5).build();
  }

  private static FollowUp open(String id, Instant at) {
    return FollowUp.builder().id(FollowUpId.of(id)).response(ResponseId.of("R-" + id)).customer(DANA)
        .reason(NpsCategory.DETRACTOR).state(FollowUpState.OPEN).openedAt(at).build();
  }

  @Test
  @DisplayName("a response reads back equal, every field included")
  void responseRoundTrip() {
    NpsResponse r = response("R-1", 3, T0);
    store.append(r);
    assertThat(store.response(ResponseId.of("R-1"))).contains(r);
    assertThat(store.response(ResponseId.of("R-2"))).isEmpty();
  }

  @Test
  @DisplayName("a second response with the same id is refused and the first is kept")
  void duplicateResponse() {
    store.append(response("R-1", 3, T0));
    assertThatThrownBy(() -> store.append(response("R-1", 10, T0))).isInstanceOf(DuplicateEntityException.class);
    assertThat(store.response(ResponseId.of("R-1")).orElseThrow().score()).isEqualTo(3);
  }

  @Test
  @DisplayName("responses(from, to) is [from, to), ordered by time, ties in append order")
  void responsesInRange() {
    store.append(response("R-late", 1, T0.plusSeconds(20)));
    store.append(response("R-b", 2, T0.plusSeconds(10)));
    store.append(response("R-a", 3, T0.plusSeconds(10)));
    store.append(response("R-first", 4, T0));
    store.append(response("R-end", 5, T0.plusSeconds(30)));
    assertThat(store.responses(T0, T0.plusSeconds(30))).extracting(NpsResponse::id).containsExactly(
        ResponseId.of("R-first"), ResponseId.of("R-b"), ResponseId.of("R-a"), ResponseId.of("R-late"));
    assertThat(store.responses(T0.plusSeconds(30), T0)).isEmpty();
  }

  @Test
  @DisplayName("latestFor: the customer's response given last at or before the instant; ties to the last appended")
  void latestFor() {
    store.append(response("R-1", 1, T0));
    store.append(response("R-2", 2, T0.plusSeconds(10)));
    store.append(response("R-3", 3, T0.plusSeconds(10)));
    assertThat(store.latestFor(DANA, T0.plusSeconds(9))).map(NpsResponse::id).contains(ResponseId.of("R-1"));
    assertThat(store.latestFor(DANA, T0.plusSeconds(10))).map(NpsResponse::id).contains(ResponseId.of("R-3"));
    assertThat(store.latestFor(DANA, T0.minusSeconds(1))).isEmpty();
    assertThat(store.latestFor(CustomerId.of("C-OTHER"), T0.plusSeconds(60))).isEmpty();
  }

  @Test
  @DisplayName("a follow-up starts at revision 1 and each update moves it on by one")
  void followUpRevisions() {
    FollowUp open = open("F-1", T0);
    assertThat(store.insert(open)).isEqualTo(Versioned.of(open, 1));
    FollowUp contacted = open.contact(Actor.agent("A-1"), T0.plusSeconds(60));
    assertThat(store.update(contacted, 1)).isEqualTo(Versioned.of(contacted, 2));
    assertThat(store.followUp(FollowUpId.of("F-1"))).contains(Versioned.of(contacted, 2));
    assertThat(store.followUp(FollowUpId.of("F-2"))).isEmpty();
  }

  @Test
  @DisplayName("a stale update, an unknown id and a duplicate insert are refused")
  void followUpRefusals() {
    FollowUp open = open("F-1", T0);
    store.insert(open);
    store.update(open.contact(Actor.agent("A-1"), T0.plusSeconds(1)), 1);
    assertThatThrownBy(() -> store.update(open.resolve("done", T0.plusSeconds(2)), 1))
        .isInstanceOf(StaleWriteException.class).hasMessageContaining("FollowUp F-1");
    assertThatThrownBy(() -> store.update(open("F-9", T0), 1)).isInstanceOf(UnknownEntityException.class)
        .hasMessageContaining("F-9");
    assertThatThrownBy(() -> store.insert(open)).isInstanceOf(DuplicateEntityException.class);
    assertThat(store.followUp(FollowUpId.of("F-1")).orElseThrow().value().state())
        .isEqualTo(FollowUpState.CONTACTED);
  }

  @Test
  @DisplayName("an update that changes a fixed field fails checkUpdate and writes nothing")
  void fixedFields() {
    FollowUp open = open("F-1", T0);
    store.insert(open);
    FollowUp moved = FollowUp.builder().id(open.id()).response(ResponseId.of("R-OTHER")).customer(DANA)
        .reason(NpsCategory.DETRACTOR).state(FollowUpState.OPEN).openedAt(T0).build();
    assertThatThrownBy(() -> store.update(moved, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot change");
    assertThat(store.followUp(open.id())).contains(Versioned.of(open, 1));
  }

  @Test
  @DisplayName("followUps(state): only that state, oldest first, ties by id")
  void followUpsByState() {
    store.insert(open("F-b", T0.plusSeconds(5)));
    store.insert(open("F-a", T0.plusSeconds(5)));
    store.insert(open("F-0", T0));
    FollowUp done = open("F-x", T0);
    store.insert(done);
    store.update(done.resolve("ok", T0.plusSeconds(1)), 1);
    assertThat(store.followUps(FollowUpState.OPEN)).extracting(v -> v.value().id().value())
        .containsExactly("F-0", "F-a", "F-b");
    assertThat(store.followUps(FollowUpState.RESOLVED)).extracting(v -> v.value().id().value())
        .containsExactly("F-x");
    assertThat(store.followUps(FollowUpState.CONTACTED)).isEmpty();
  }

  @Test
  @Timeout(30)
  @DisplayName("concurrent appends of distinct responses all land; of one id exactly one lands")
  void concurrentAppends() throws Exception {
    StartGate.race(i -> () -> {
      for (int k = 0; k < 50; k++) {
        store.append(response("R-" + i + "-" + k, k % 11, T0.plusSeconds(k)));
      }
      return null;
    });
    assertThat(store.responses(T0, T0.plusSeconds(3600))).hasSize(StartGate.THREADS * 50);
    List<StartGate.Outcome<ResponseId>> outcomes = StartGate.race(i -> () -> {
      try {
        store.append(response("R-SAME", i % 11, T0));
        return StartGate.Outcome.stored(ResponseId.of("R-SAME"));
      } catch (DuplicateEntityException refused) {
        return StartGate.Outcome.refused(refused);
      }
    });
    assertThat(outcomes.stream().filter(StartGate.Outcome::succeeded)).hasSize(1);
  }

  @Test
  @Timeout(30)
  @DisplayName("racing updates of one follow-up: every winner gets its own revision, none is lost")
  void concurrentUpdates() throws Exception {
    FollowUp open = open("F-1", T0);
    store.insert(open);
    List<Long> revisions = StartGate.race(i -> () -> {
      for (int attempt = 1; attempt <= 100; attempt++) {
        Versioned<FollowUp> current = store.followUp(open.id()).orElseThrow();
        FollowUp next = current.value().linkedTo(io.cemkit.core.ProcessInstanceId.of("P-1"));
        try {
          return store.update(next, current.revision()).revision();
        } catch (StaleWriteException lost) {
          // someone else wrote in between: re-read and apply the change again
        }
      }
      throw new AssertionError("writer " + i + " was refused 100 times in a row");
    });
    assertThat(revisions).containsExactlyInAnyOrderElementsOf(StartGate.revisionsOfUpdates());
  }
}
