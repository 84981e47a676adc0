package io.cemkit.testkit;

import static io.cemkit.testkit.ContractSamples.ACME;
import static io.cemkit.testkit.ContractSamples.DANA;
import static io.cemkit.testkit.ContractSamples.NOA;
import static io.cemkit.testkit.ContractSamples.T0;
import static io.cemkit.testkit.ContractSamples.call;
import static io.cemkit.testkit.ContractSamples.closed;
import static io.cemkit.testkit.ContractSamples.fullInteraction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.Actor;
import io.cemkit.core.Channel;
import io.cemkit.core.ClosedInteractionException;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.Direction;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.ImmutableInteraction;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionId;
import io.cemkit.core.PersonalData;
import io.cemkit.core.Sentiment;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.Versioned;
import io.cemkit.testkit.StartGate.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link InteractionLog} must pass: each sentence of the SPI's Javadoc, one
 * behaviour per test, including the rule that closed interactions are never modified, the order of
 * {@link InteractionLog#recent} and {@link InteractionLog#between}, and concurrent writers.
 *
 * <p>A host checks its adapter by extending this class in its own tests and returning a new, empty
 * log from {@link #create()}:
 *
 * <pre>{@code
 * class MyJdbcInteractionLogContractTest extends InteractionLogContract {
 *   protected InteractionLog create() {
 *     return new MyJdbcInteractionLog(TestDatabase.freshSchema());
 *   }
 * }
 * }</pre>
 *
 * <p>Refusals are checked as cemkit's own stores make them: a {@link io.cemkit.core.StaleWriteException}
 * or {@link io.cemkit.core.UnknownEntityException} names the kind {@code "Interaction"} and the id's code,
 * and a change that breaks {@code checkUpdate} fails with the exception that method throws
 * ({@link io.cemkit.core.ClosedInteractionException} or {@link IllegalArgumentException}), before
 * anything is written.
 *
 * <p>Every instant written is a whole second, so an adapter may store timestamps with millisecond
 * or microsecond precision. The host's test classpath needs a JUnit Jupiter engine
 * ({@code org.junit.jupiter:junit-jupiter}). The kit cannot provoke a failure of the host's
 * database, so the rule that such failures surface as {@link io.cemkit.core.StorageException} is
 * left to the host's own tests.
 */
public abstract class InteractionLogContract {
  private static final int APPENDS_PER_WRITER = 25;

  private InteractionLog log;

  /** For subclasses, which supply the log under test through {@link #create()}. */
  protected InteractionLogContract() {}

  /**
   * Makes the log under test. Called before every test; the log must be empty and must not share
   * records with logs made for other tests (truncate the tables, or use a fresh schema).
   *
   * @return a new, empty log
   */
  protected abstract InteractionLog create();

  /**
   * The log made by {@link #create()} for the running test, for hosts that add tests of their own.
   *
   * @return the log under test
   */
  protected final InteractionLog log() {
    return log;
  }

  @BeforeEach
  final void createLog() {
    log = Objects.requireNonNull(create(), "create() returned null");
  }

  private static Versioned<Interaction> at(Interaction interaction, long revision) {
    return Versioned.of(interaction, revision);
  }

  private static Instant hours(int n) {
    return T0.plus(Duration.ofHours(n));
  }

  private static List<String> ids(List<Interaction> interactions) {
    return interactions.stream().map(i -> i.id().value()).collect(Collectors.toList());
  }

  /** An open call, as changed while still open: a sentiment was added. */
  private static Interaction withSentiment(Interaction open) {
    return ImmutableInteraction.copyOf(open).withSentiment(Sentiment.of(-0.5, Sentiment.Source.HUMAN));
  }

  /**
   * Appends calls of {@link ContractSamples#DANA} in this order: I-0 an hour before T0, I-9 an hour
   * after, then I-2, I-3 and I-1, all three starting at T0, so neither id order nor start order alone
   * gives the order of ties.
   */
  private void appendTies() {
    log.append(call("I-0", DANA, hours(-1)));
    log.append(call("I-9", DANA, hours(1)));
    log.append(call("I-2", DANA, T0));
    log.append(call("I-3", DANA, T0));
    log.append(call("I-1", DANA, T0));
  }

  // ------------------------------------------------------------------ append and find

  @Test
  @DisplayName("append returns the interaction at revision 1")
  void appendReturnsRevisionOne() {
    Interaction open = call("I-1", DANA, T0);

    assertThat(log.append(open)).isEqualTo(at(open, 1));
  }

  @Test
  @DisplayName("find returns the appended interaction exactly: summary, sentiment, purpose and every link")
  void findReturnsAppended() {
    log.append(fullInteraction());

    Versioned<Interaction> found = log.find(fullInteraction().id()).orElseThrow();

    assertSoftly(softly -> {
      softly.assertThat(found.revision()).isEqualTo(1);
      softly.assertThat(found.value().summary().map(PersonalData::reveal))
          .isEqualTo(fullInteraction().summary().map(PersonalData::reveal));
      softly.assertThat(found.value().sentiment()).isEqualTo(fullInteraction().sentiment());
      softly.assertThat(found.value().startedAt()).isEqualTo(fullInteraction().startedAt());
      softly.assertThat(found.value().endedAt()).isEqualTo(fullInteraction().endedAt());
      softly.assertThat(found.value()).isEqualTo(fullInteraction());
    });
  }

  @Test
  @DisplayName("find of an unknown id is empty")
  void findUnknownIsEmpty() {
    log.append(call("I-1", DANA, T0));

    assertThat(log.find(InteractionId.of("I-404"))).isEmpty();
  }

  @Test
  @DisplayName("append of an existing id fails with DuplicateEntityException and leaves the stored record unchanged")
  void duplicateAppendFails() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);

    assertThatThrownBy(() -> log.append(closed(call("I-1", ACME, hours(1)), "resolved")))
        .isInstanceOf(DuplicateEntityException.class).hasMessageContaining("I-1");
    assertThat(log.find(open.id())).contains(at(open, 1));
    assertThat(log.recent(ACME, 10)).isEmpty();
  }

  // ------------------------------------------------------------------ update

  @Test
  @DisplayName("update of an open interaction at the current revision returns revision 2, and find sees it")
  void closeAtCurrentRevision() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);

    Versioned<Interaction> updated = log.update(closed(open, "resolved"), 1);

    assertThat(updated).isEqualTo(at(closed(open, "resolved"), 2));
    assertThat(log.find(open.id())).contains(at(closed(open, "resolved"), 2));
  }

  @Test
  @DisplayName("an open interaction may be updated again and again, each update raising the revision by one")
  void openInteractionChangesRepeatedly() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);

    assertThat(log.update(withSentiment(open), 1).revision()).isEqualTo(2);
    assertThat(log.update(closed(withSentiment(open), "resolved"), 2).revision()).isEqualTo(3);
    assertThat(log.find(open.id())).contains(at(closed(withSentiment(open), "resolved"), 3));
  }

  @Test
  @DisplayName("update at a stale revision fails with StaleWriteException naming kind, id and both revisions")
  void staleUpdateFails() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);
    log.update(withSentiment(open), 1);

    assertThatThrownBy(() -> log.update(closed(open, "resolved"), 1))
        .isInstanceOfSatisfying(StaleWriteException.class, e -> {
          assertThat(e.kind()).isEqualTo("Interaction");
          assertThat(e.id()).isEqualTo("I-1");
          assertThat(e.expectedRevision()).isEqualTo(1);
          assertThat(e.actualRevision()).isEqualTo(2);
        });
    assertThat(log.find(open.id())).contains(at(withSentiment(open), 2));
  }

  @Test
  @DisplayName("update at a revision the interaction has not reached fails with StaleWriteException")
  void updateAheadOfStoredRevisionFails() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);

    assertThatThrownBy(() -> log.update(closed(open, "resolved"), 2))
        .isInstanceOfSatisfying(StaleWriteException.class, e -> {
          assertThat(e.expectedRevision()).isEqualTo(2);
          assertThat(e.actualRevision()).isEqualTo(1);
        });
    assertThat(log.find(open.id())).contains(at(open, 1));
  }

  @Test
  @DisplayName("update of an unknown id fails with UnknownEntityException and stores nothing")
  void updateUnknownFails() {
    Interaction open = call("I-1", DANA, T0);

    assertThatThrownBy(() -> log.update(closed(open, "resolved"), 1))
        .isInstanceOfSatisfying(UnknownEntityException.class, e -> {
          assertThat(e.kind()).isEqualTo("Interaction");
          assertThat(e.id()).isEqualTo("I-1");
        });
    assertThat(log.find(open.id())).isEmpty();
    assertThat(log.recent(DANA, 10)).isEmpty();
  }

  // ------------------------------------------------------------------ closed interactions, fixed fields

  @Test
  @DisplayName("update of an interaction appended closed fails with ClosedInteractionException and changes nothing")
  void appendedClosedCannotBeUpdated() {
    Interaction done = closed(call("I-1", DANA, T0), "resolved");
    log.append(done);
    Interaction corrected = ImmutableInteraction.copyOf(done).withOutcome("escalated");

    assertThatThrownBy(() -> log.update(corrected, 1)).isInstanceOf(ClosedInteractionException.class);
    assertThat(log.find(done.id())).contains(at(done, 1));
  }

  @Test
  @DisplayName("once closed by an update, an interaction cannot be updated, not even to reopen it")
  void closedByUpdateCannotBeUpdated() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);
    log.update(closed(open, "resolved"), 1);

    assertThatThrownBy(() -> log.update(open, 2)).isInstanceOf(ClosedInteractionException.class);
    assertThat(log.find(open.id())).contains(at(closed(open, "resolved"), 2));
  }

  @Test
  @DisplayName("update that moves an interaction to another customer is refused and leaves it unchanged")
  void customerCannotChange() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);

    assertThatThrownBy(() -> log.update(ImmutableInteraction.copyOf(open).withCustomer(ACME), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(log.find(open.id())).contains(at(open, 1));
    assertThat(log.recent(DANA, 10)).containsExactly(open);
    assertThat(log.recent(ACME, 10)).isEmpty();
  }

  @Test
  @DisplayName("update that re-points a link, or changes the class or performer, is refused and changes nothing")
  void linksClassAndPerformerCannotChange() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);

    for (Interaction changed : List.of(
        ImmutableInteraction.copyOf(open).withAgreement(io.cemkit.core.AgreementId.of("AG-OTHER")),
        ImmutableInteraction.copyOf(open).withClassification(io.cemkit.core.InteractionClass.of("other.class")),
        ImmutableInteraction.copyOf(open).withPerformer(Actor.agent("someone-else")))) {
      assertThatThrownBy(() -> log.update(changed, 1)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(log.find(open.id())).contains(at(open, 1));
  }

  @Test
  @DisplayName("update that changes the channel is refused and leaves the interaction unchanged")
  void channelCannotChange() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);

    assertThatThrownBy(() -> log.update(ImmutableInteraction.copyOf(open).withChannel(Channel.CHATBOT), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(log.find(open.id())).contains(at(open, 1));
  }

  @Test
  @DisplayName("update that changes the direction is refused and leaves the interaction unchanged")
  void directionCannotChange() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);
    Interaction outbound = ContractSamples.phoneBuilder("I-1", DANA, T0).direction(Direction.OUTBOUND)
        .purpose(ConsentPurpose.SERVICE).build();

    assertThatThrownBy(() -> log.update(outbound, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(log.find(open.id())).contains(at(open, 1));
  }

  @Test
  @DisplayName("update that changes the start is refused and leaves the interaction unchanged")
  void startCannotChange() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);

    assertThatThrownBy(() -> log.update(ImmutableInteraction.copyOf(open).withStartedAt(hours(-1)), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(log.find(open.id())).contains(at(open, 1));
    assertThat(log.between(DANA, hours(-1), T0)).isEmpty();
  }

  @Test
  @DisplayName("a refused update does not use up a revision: the next update at the same revision succeeds")
  void refusedUpdateKeepsRevision() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);
    assertThatThrownBy(() -> log.update(ImmutableInteraction.copyOf(open).withChannel(Channel.CHATBOT), 1))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(log.update(closed(open, "resolved"), 1)).isEqualTo(at(closed(open, "resolved"), 2));
  }

  // ------------------------------------------------------------------ recent

  @Test
  @DisplayName("recent returns the newest interactions first, by start, at most limit of them")
  void recentNewestFirstWithLimit() {
    for (int h : new int[] {3, 1, 4, 0, 2}) {
      log.append(call("I-" + h, DANA, hours(h)));
    }

    assertThat(ids(log.recent(DANA, 3))).containsExactly("I-4", "I-3", "I-2");
    assertThat(ids(log.recent(DANA, 1))).containsExactly("I-4");
    assertThat(ids(log.recent(DANA, 5))).containsExactly("I-4", "I-3", "I-2", "I-1", "I-0");
    assertThat(ids(log.recent(DANA, 50))).containsExactly("I-4", "I-3", "I-2", "I-1", "I-0");
  }

  @Test
  @DisplayName("recent as of an instant leaves out interactions that started after it")
  void recentAsOf() {
    Interaction first = call("I-1", DANA, T0);
    Interaction second = call("I-2", DANA, T0.plusSeconds(60));
    Interaction third = call("I-3", DANA, T0.plusSeconds(120));
    log.append(first);
    log.append(second);
    log.append(third);

    assertThat(log.recent(DANA, T0.plusSeconds(60), 10)).containsExactly(second, first);
    assertThat(log.recent(DANA, T0.minusSeconds(1), 10)).isEmpty();
    assertThat(log.recent(DANA, java.time.Instant.MAX, 2)).containsExactly(third, second);
  }

  @Test
  @DisplayName("recent breaks ties of start time by newest append first")
  void recentTiesNewestAppendFirst() {
    appendTies();

    assertThat(ids(log.recent(DANA, 5))).containsExactly("I-9", "I-1", "I-3", "I-2", "I-0");
    assertThat(ids(log.recent(DANA, 2))).containsExactly("I-9", "I-1");
  }

  @Test
  @DisplayName("recent returns only the given customer's interactions")
  void recentExcludesOtherCustomers() {
    log.append(call("I-1", DANA, T0));
    log.append(call("I-2", ACME, hours(1)));
    log.append(call("I-3", DANA, hours(2)));
    log.append(call("I-4", ACME, hours(3)));

    assertThat(ids(log.recent(DANA, 10))).containsExactly("I-3", "I-1");
    assertThat(ids(log.recent(ACME, 10))).containsExactly("I-4", "I-2");
    assertThat(log.recent(NOA, 10)).isEmpty();
  }

  @Test
  @DisplayName("recent returns interactions as last updated")
  void recentReturnsCurrentState() {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);
    log.update(closed(open, "resolved"), 1);

    assertThat(log.recent(DANA, 1)).containsExactly(closed(open, "resolved"));
  }

  @Test
  @DisplayName("recent rejects a limit below 1 with IllegalArgumentException")
  void recentRejectsLimitBelowOne() {
    log.append(call("I-1", DANA, T0));

    assertThatThrownBy(() -> log.recent(DANA, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.recent(DANA, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------------ between

  @Test
  @DisplayName("between includes interactions starting at from and excludes those starting at until")
  void betweenIsHalfOpen() {
    for (int h : new int[] {3, 0, 2, 1}) {
      log.append(call("I-" + h, DANA, hours(h)));
    }

    assertThat(ids(log.between(DANA, hours(1), hours(3)))).containsExactly("I-1", "I-2");
    assertThat(ids(log.between(DANA, hours(1).minusSeconds(1), hours(3).plusSeconds(1))))
        .containsExactly("I-1", "I-2", "I-3");
    assertThat(ids(log.between(DANA, hours(1).plusSeconds(1), hours(3)))).containsExactly("I-2");
  }

  @Test
  @DisplayName("between of an empty range is empty")
  void betweenEmptyRange() {
    log.append(call("I-1", DANA, T0));

    assertThat(log.between(DANA, T0, T0)).isEmpty();
  }

  @Test
  @DisplayName("between returns the oldest first, ties of start time in append order")
  void betweenOldestFirstTiesInAppendOrder() {
    appendTies();

    assertThat(ids(log.between(DANA, hours(-1), hours(2)))).containsExactly("I-0", "I-2", "I-3", "I-1", "I-9");
    assertThat(ids(log.between(DANA, T0, hours(1)))).containsExactly("I-2", "I-3", "I-1");
  }

  @Test
  @DisplayName("between returns only the given customer's interactions")
  void betweenExcludesOtherCustomers() {
    log.append(call("I-1", DANA, T0));
    log.append(call("I-2", ACME, hours(1)));
    log.append(call("I-3", DANA, hours(2)));

    assertThat(ids(log.between(DANA, T0, hours(3)))).containsExactly("I-1", "I-3");
    assertThat(ids(log.between(ACME, T0, hours(3)))).containsExactly("I-2");
    assertThat(log.between(NOA, T0, hours(3))).isEmpty();
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  @Timeout(30)
  @DisplayName("concurrent appends of distinct interactions all land, each exactly once")
  void concurrentAppendsAllLand() throws Exception {
    List<List<Interaction>> written = StartGate.race(w -> () -> {
      List<Interaction> mine = new ArrayList<>();
      for (int n = 0; n < APPENDS_PER_WRITER; n++) {
        Interaction interaction = call("I-w" + w + "-" + n, DANA, T0.plus(Duration.ofMinutes(n)));
        assertThat(log.append(interaction)).isEqualTo(at(interaction, 1));
        mine.add(interaction);
      }
      return mine;
    });

    List<Interaction> all = written.stream().flatMap(List::stream).collect(Collectors.toList());
    int total = StartGate.THREADS * APPENDS_PER_WRITER;
    for (Interaction interaction : all) {
      assertThat(log.find(interaction.id())).contains(at(interaction, 1));
    }
    List<Interaction> recent = log.recent(DANA, total + 10);
    assertThat(recent).hasSize(total).containsExactlyInAnyOrderElementsOf(all)
        .isSortedAccordingTo(Comparator.comparing(Interaction::startedAt).reversed());
    List<Interaction> between = log.between(DANA, T0, T0.plus(Duration.ofHours(1)));
    List<Interaction> oldestFirst = new ArrayList<>(recent);
    Collections.reverse(oldestFirst);
    assertThat(between).as("between is recent reversed: both order ties by the same append order")
        .isEqualTo(oldestFirst);
  }

  @Test
  @Timeout(30)
  @DisplayName("concurrent attempts to close the same open interaction: exactly one succeeds")
  void concurrentClosesOneWins() throws Exception {
    Interaction open = call("I-1", DANA, T0);
    log.append(open);

    List<Outcome<Versioned<Interaction>>> outcomes = StartGate.race(w -> () -> {
      Versioned<Interaction> current = log.find(open.id()).orElseThrow();
      try {
        return Outcome.stored(log.update(closed(current.value(), "closed-by-writer-" + w), current.revision()));
      } catch (StaleWriteException | ClosedInteractionException lost) {
        return Outcome.refused(lost);
      }
    });

    List<Versioned<Interaction>> winners = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value)
        .collect(Collectors.toList());
    assertThat(winners).hasSize(1);
    assertThat(winners.get(0).revision()).isEqualTo(2);
    assertThat(winners.get(0).value().outcome().orElseThrow()).startsWith("closed-by-writer-");
    assertThat(outcomes.stream().filter(o -> !o.succeeded())).hasSize(StartGate.THREADS - 1);
    assertThat(log.find(open.id())).contains(winners.get(0));
  }

  @Test
  @Timeout(30)
  @DisplayName("concurrent read-modify-write of an open interaction with retry on StaleWriteException loses no note")
  void concurrentUpdatesLoseNothing() throws Exception {
    Interaction open = ImmutableInteraction.copyOf(call("I-1", DANA, T0))
        .withSummary(PersonalData.freeText("opened by the IVR"));
    log.append(open);

    List<Long> revisions = StartGate.race(w -> () -> {
      for (int attempt = 1; attempt <= 100; attempt++) {
        Versioned<Interaction> current = log.find(open.id()).orElseThrow();
        String notes = current.value().summary().orElseThrow().reveal() + "\nnote of writer-" + w;
        try {
          return log.update(ImmutableInteraction.copyOf(current.value()).withSummary(PersonalData.freeText(notes)),
              current.revision()).revision();
        } catch (StaleWriteException lost) {
          // someone else wrote in between: re-read and apply the change again
        }
      }
      throw new AssertionError("writer " + w + " was refused 100 times in a row");
    });

    Versioned<Interaction> end = log.find(open.id()).orElseThrow();
    List<String> lines = Arrays.asList(end.value().summary().orElseThrow().reveal().split("\n"));
    assertThat(lines.get(0)).isEqualTo("opened by the IVR");
    assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, StartGate.THREADS).mapToObj(w -> "note of writer-" + w).collect(Collectors.toList()));
    assertThat(revisions).containsExactlyInAnyOrderElementsOf(StartGate.revisionsOfUpdates());
    assertThat(end.revision()).isEqualTo(1 + StartGate.THREADS);
  }

  @Test
  @Timeout(30)
  @DisplayName("concurrent appends and closes mixed: every append lands once, every interaction is closed once")
  void concurrentAppendsAndCloses() throws Exception {
    int existing = StartGate.THREADS;
    for (int i = 0; i < existing; i++) {
      log.append(call("I-old-" + i, DANA, T0.plusSeconds(i)));
    }
    List<String> done = StartGate.race(w -> () -> {
      if (w % 2 == 0) {
        for (int i = 0; i < 10; i++) {
          log.append(call("I-new-" + w + "-" + i, DANA, T0.plusSeconds(1000 + w * 10 + i)));
        }
        return "appended";
      }
      for (int i = 0; i < existing; i++) {
        InteractionId id = InteractionId.of("I-old-" + i);
        Versioned<Interaction> current = log.find(id).orElseThrow();
        if (current.value().isClosed()) {
          continue;
        }
        try {
          log.update(closed(current.value(), "closed-by-" + w), current.revision());
        } catch (StaleWriteException | ClosedInteractionException lost) {
          // another writer closed it first
        }
      }
      return "closed";
    });

    assertThat(done).hasSize(StartGate.THREADS);
    List<Interaction> all = log.recent(DANA, 1000);
    assertThat(all).hasSize(existing + (StartGate.THREADS + 1) / 2 * 10);
    assertThat(all.stream().map(Interaction::id).distinct().count()).isEqualTo(all.size());
    for (int i = 0; i < existing; i++) {
      Versioned<Interaction> end = log.find(InteractionId.of("I-old-" + i)).orElseThrow();
      assertThat(end.value().isClosed()).isTrue();
      assertThat(end.revision()).as("closed exactly once").isEqualTo(2);
    }
  }

  @Test
  @Timeout(30)
  @DisplayName("concurrent appends of the same id: exactly one succeeds, the others fail with DuplicateEntityException")
  void concurrentDuplicateAppends() throws Exception {
    List<Outcome<Versioned<Interaction>>> outcomes = StartGate.race(w -> () -> {
      Interaction mine = ImmutableInteraction.copyOf(call("I-1", DANA, T0)).withPerformer(Actor.agent("writer-" + w));
      try {
        return Outcome.stored(log.append(mine));
      } catch (DuplicateEntityException refused) {
        return Outcome.refused(refused);
      }
    });

    List<Versioned<Interaction>> winners = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value)
        .collect(Collectors.toList());
    assertThat(winners).hasSize(1);
    assertThat(outcomes.stream().filter(o -> !o.succeeded())).hasSize(StartGate.THREADS - 1)
        .allSatisfy(o -> assertThat(o.refusal()).isInstanceOf(DuplicateEntityException.class));
    assertThat(winners.get(0).revision()).isEqualTo(1);
    assertThat(log.find(InteractionId.of("I-1"))).contains(winners.get(0));
    assertThat(log.recent(DANA, 10)).containsExactly(winners.get(0).value());
  }
}
