package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static io.cemkit.core.InteractionFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ContinuationsTest {
  static final ContinuationId LOAN = ContinuationId.of("loan-1");
  private final InteractionFixtures f = new InteractionFixtures();

  private Continuations at(Instant now) {
    return Continuations.builder().store(f.continuations).interactions(f.interactions).clock(clockAt(now))
        .timeToLive(Duration.ofDays(14)).build();
  }

  private Continuation startOnWeb() {
    return at(noon(2026, 3, 1)).start(LOAN, CUSTOMER, "loan-application", "details-entered",
        Map.of("amount", "50000", "term-months", "36"), Channel.WEB, Optional.empty());
  }

  @Test
  @DisplayName("a loan started on the web is resumed at the branch from the same step, and the switch is recorded")
  void resumeInAnotherChannel() {
    Continuation started = startOnWeb();
    Continuation resumed = at(noon(2026, 3, 3)).resume(started.token(), CUSTOMER, Channel.BRANCH, AGENT);
    assertSoftly(s -> {
      s.assertThat(resumed.step()).isEqualTo("details-entered");
      s.assertThat(resumed.progress()).containsEntry("amount", "50000").containsEntry("term-months", "36");
      s.assertThat(resumed.startedOn()).isEqualTo(Channel.WEB);
      s.assertThat(resumed.lastChannel()).isEqualTo(Channel.BRANCH);
      s.assertThat(resumed.switches()).containsExactly(ChannelSwitch.of(Channel.WEB, Channel.BRANCH, noon(2026, 3, 3),
          AGENT, InteractionId.of("loan-1:switch:1")));
    });
    Interaction documented = f.log.find(InteractionId.of("loan-1:switch:1")).orElseThrow().value();
    assertSoftly(s -> {
      s.assertThat(documented.channel()).isEqualTo(Channel.BRANCH);
      s.assertThat(documented.classification()).isEqualTo(InteractionClass.of("continuation.channel-switch"));
      s.assertThat(documented.continuation()).contains(LOAN);
      s.assertThat(documented.performer()).isEqualTo(AGENT);
      s.assertThat(documented.isClosed()).isTrue();
    });
  }

  @Test
  @DisplayName("progress in the same channel records no switch; progress merges the collected data")
  void advanceAndComplete() {
    Continuation started = startOnWeb();
    Continuation advanced = at(noon(2026, 3, 2)).advance(started.token(), CUSTOMER, "documents-uploaded",
        Map.of("income", "12000", "amount", "45000"), Channel.WEB, Actor.customer(CUSTOMER));
    assertThat(advanced.step()).isEqualTo("documents-uploaded");
    assertThat(advanced.progress()).containsExactlyInAnyOrderEntriesOf(Map.of("amount", "45000", "term-months", "36",
        "income", "12000"));
    assertThat(advanced.switches()).isEmpty();
    assertThat(f.log.recent(CUSTOMER, 10)).isEmpty();
    Continuation done = at(noon(2026, 3, 4)).complete(started.token(), CUSTOMER, Channel.BRANCH, AGENT);
    assertThat(done.status()).isEqualTo(ContinuationStatus.COMPLETED);
    assertThat(done.switches()).hasSize(1);
    assertThat(at(noon(2026, 3, 5)).openFor(CUSTOMER)).isEmpty();
  }

  @Test
  @DisplayName("an unknown, foreign, finished or expired token fails clearly, without showing the token")
  void badTokens() {
    Continuation started = startOnWeb();
    String secret = started.token().reveal();
    assertThatThrownBy(() -> at(noon(2026, 3, 2)).resume(ContinuationToken.random(), CUSTOMER, Channel.APP, AGENT))
        .isInstanceOfSatisfying(ContinuationTokenException.class,
            e -> assertThat(e.reason()).isEqualTo(ContinuationTokenException.Reason.UNKNOWN))
        .hasMessage("Cannot resume: no continuation has the token presented by customer C-1001");
    assertThatThrownBy(() -> at(noon(2026, 3, 2)).resume(started.token(), OTHER, Channel.APP, AGENT))
        .isInstanceOfSatisfying(ContinuationTokenException.class,
            e -> assertThat(e.reason()).isEqualTo(ContinuationTokenException.Reason.FOREIGN))
        .hasMessage("Cannot resume: the token presented by customer C-2002 belongs to another customer's continuation")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    assertThatThrownBy(() -> at(noon(2026, 3, 15)).resume(started.token(), CUSTOMER, Channel.APP, AGENT))
        .isInstanceOfSatisfying(ContinuationTokenException.class,
            e -> assertThat(e.reason()).isEqualTo(ContinuationTokenException.Reason.STALE))
        .hasMessage("Cannot resume continuation loan-1 (loan-application): it is expired since 2026-03-15T10:00:00Z");
    Continuation cancelled = at(noon(2026, 3, 2)).cancel(started.token(), CUSTOMER, Channel.WEB,
        Actor.customer(CUSTOMER));
    assertThat(cancelled.id()).isEqualTo(started.id());
    assertThat(cancelled.status()).isEqualTo(ContinuationStatus.CANCELLED);
    assertThatThrownBy(() -> at(noon(2026, 3, 3)).resume(started.token(), CUSTOMER, Channel.APP, AGENT))
        .isInstanceOf(ContinuationTokenException.class)
        .hasMessage("Cannot resume continuation loan-1 (loan-application): it is cancelled since 2026-03-02T10:00:00Z");
    assertThat(started.token().toString()).isEqualTo(secret.substring(0, 4) + "***");
    assertThat(started.toString()).doesNotContain(secret).doesNotContain("50000");
  }

  @Test
  @DisplayName("a continuation for an unknown customer or process is refused before anything is stored")
  void startChecks() {
    assertThatThrownBy(() -> at(noon(2026, 3, 1)).start(LOAN, CustomerId.of("C-404"), "loan-application", "details",
        Map.of(), Channel.WEB, Optional.empty()))
        .isInstanceOf(UnknownEntityException.class)
        .hasMessage("Customer C-404 does not exist; cannot start continuation loan-1");
    assertThatThrownBy(() -> at(noon(2026, 3, 1)).start(LOAN, CUSTOMER, "loan-application", "details", Map.of(),
        Channel.WEB, Optional.of(ProcessInstanceId.of("P-404"))))
        .isInstanceOf(UnknownEntityException.class)
        .hasMessageContaining("Process instance P-404");
    assertThat(f.continuations.find(LOAN)).isEmpty();
  }

  @Test
  @DisplayName("a switch whose interaction would be refused changes nothing")
  void refusedSwitchWritesNothing() {
    java.util.Map<ProcessInstanceId, CustomerId> known = new java.util.HashMap<>(
        Map.of(ProcessInstanceId.of("P-1"), CUSTOMER));
    InteractionFixtures g = new InteractionFixtures(io.cemkit.core.spi.SentimentAnalyzer.none(), links(known, Map.of()));
    Continuations c = Continuations.builder().store(g.continuations).interactions(g.interactions)
        .clock(clockAt(noon(2026, 3, 1))).build();
    Continuation started = c.start(LOAN, CUSTOMER, "loan-application", "details-entered", Map.of(), Channel.WEB,
        Optional.of(ProcessInstanceId.of("P-1")));
    known.clear(); // the process engine no longer knows the process: the switch cannot be documented
    assertThatThrownBy(() -> c.resume(started.token(), CUSTOMER, Channel.BRANCH, AGENT))
        .isInstanceOf(UnknownEntityException.class)
        .hasMessageContaining("Process instance P-1");
    assertThat(g.continuations.find(LOAN).orElseThrow().revision()).isEqualTo(1);
    assertThat(g.log.recent(CUSTOMER, 10)).isEmpty();
  }

  @Test
  @DisplayName("if the log fails after the switch was saved, the next operation records the missing interaction once")
  void repairsMissingSwitchInteraction() {
    io.cemkit.core.spi.InteractionLog real = f.log;
    java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
    io.cemkit.core.spi.InteractionLog flaky = new io.cemkit.core.spi.InteractionLog() {
      @Override
      public io.cemkit.core.spi.Versioned<Interaction> append(Interaction interaction) {
        if (down.get()) {
          throw new StorageException("Cannot append interaction " + interaction.id(), new RuntimeException("down"));
        }
        return real.append(interaction);
      }

      @Override
      public Optional<io.cemkit.core.spi.Versioned<Interaction>> find(InteractionId id) {
        return real.find(id);
      }

      @Override
      public io.cemkit.core.spi.Versioned<Interaction> update(Interaction interaction, long expectedRevision) {
        return real.update(interaction, expectedRevision);
      }

      @Override
      public List<Interaction> recent(CustomerId customer, Instant asOf, int limit) {
        return real.recent(customer, asOf, limit);
      }

      @Override
      public List<Interaction> between(CustomerId customer, Instant from, Instant until) {
        return real.between(customer, from, until);
      }
    };
    Interactions unreliable = Interactions.builder().customers(f.customers).agreements(f.agreements).log(flaky)
        .taxonomy(TAXONOMY).continuations(f.continuations).build();
    Continuations c = Continuations.builder().store(f.continuations).interactions(unreliable)
        .clock(clockAt(noon(2026, 3, 3))).build();
    Continuation started = startOnWeb();
    assertThatThrownBy(() -> c.resume(started.token(), CUSTOMER, Channel.BRANCH, AGENT))
        .isInstanceOf(StorageException.class);
    assertThat(f.continuations.find(LOAN).orElseThrow().value().switches()).hasSize(1);
    assertThat(real.find(InteractionId.of("loan-1:switch:1"))).isEmpty();
    down.set(false);
    Continuation again = c.resume(started.token(), CUSTOMER, Channel.BRANCH, AGENT);
    assertThat(again.switches()).hasSize(1);
    Interaction repaired = real.find(InteractionId.of("loan-1:switch:1")).orElseThrow().value();
    assertThat(repaired.channel()).isEqualTo(Channel.BRANCH);
    assertThat(repaired.performer()).isEqualTo(AGENT);
    assertThat(real.recent(CUSTOMER, 10)).hasSize(1);
  }

  @Test
  @DisplayName("the switch class must be in the taxonomy")
  void switchClassInTaxonomy() {
    assertThatThrownBy(() -> Continuations.builder().store(f.continuations).interactions(f.interactions)
        .clock(clockAt(noon(2026, 3, 1))).switchClass(InteractionClass.of("omni.switch")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Interaction class 'omni.switch' is not in the taxonomy");
  }

  @org.junit.jupiter.api.RepeatedTest(40)
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @DisplayName("concurrent resumes from two channels: one wins, the other fails without a half-written switch")
  void concurrentResumes() throws Exception {
    Continuation started = startOnWeb();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<Continuation>> results = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Channel channel = t % 2 == 0 ? Channel.BRANCH : Channel.PHONE;
      results.add(pool.submit(() -> {
        gate.await();
        return at(noon(2026, 3, 3)).resume(started.token(), CUSTOMER, channel, AGENT);
      }));
    }
    gate.countDown();
    int won = 0;
    int stale = 0;
    for (Future<Continuation> r : results) {
      try {
        r.get();
        won++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(StaleWriteException.class);
        stale++;
      }
    }
    pool.shutdown();
    Continuation end = f.continuations.find(LOAN).orElseThrow().value();
    assertThat(won + stale).isEqualTo(8);
    assertThat(end.switches()).as("each won resume that changed channel recorded one switch").hasSizeBetween(1, won);
    assertThat(f.log.recent(CUSTOMER, 100)).hasSize(end.switches().size());
  }
}
