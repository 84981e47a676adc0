package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An insert into the in-memory continuation store is atomic for readers, as the SPI says ("operations are
 * atomic"): once a continuation is found by its id, it is found by its token too. Found by
 * {@code InMemoryStoresStressTest}: the store made a new continuation findable by id before it indexed its
 * token, so a reader in between found it by id and not by token.
 */
class ContinuationStoreAtomicityTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  @DisplayName("a reader never finds a new continuation by its id and not by its token")
  void insertIsWholeToReaders() throws Exception {
    ContinuationStore store = ContinuationStore.inMemory();
    ImmutableContinuation real = Continuation.builder().id(ContinuationId.of("K-1")).customer(CustomerId.of("C-1"))
        .action("loan-application").token(ContinuationToken.of("atomicity-test-token-1"))
        .status(ContinuationStatus.OPEN).step("details-entered").startedOn(Channel.WEB).lastChannel(Channel.WEB)
        .startedAt(T0).updatedAt(T0).expiresAt(T0.plus(Duration.ofDays(14))).build();
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch looked = new CountDownLatch(1);
    // Asked for its token while it can already be found by id, the continuation holds the insert there until
    // a reader has looked for it by its token (or waits for the insert to end: it may not look in between).
    Continuation paused = new Delegating(real) {
      @Override
      public ContinuationToken token() {
        if (halfway.getCount() > 0 && store.find(real.id()).isPresent()) {
          halfway.countDown();
          try {
            looked.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return real.token();
      }
    };
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<Versioned<Continuation>> inserted = writer.submit(() -> store.insert(paused));
      if (halfway.await(10, TimeUnit.SECONDS)) {
        AtomicReference<Optional<Versioned<Continuation>>> byToken = new AtomicReference<>();
        Thread reader = new Thread(() -> byToken.set(store.findByToken(real.token())), "reader");
        reader.start();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reader.isAlive() && reader.getState() != Thread.State.BLOCKED
            && reader.getState() != Thread.State.WAITING && System.nanoTime() < giveUp) {
          Thread.sleep(1);
        }
        looked.countDown();
        reader.join(10_000);
        assertThat(byToken.get()).as("found by id during the insert, then by its token").isPresent();
      }
      inserted.get(10, TimeUnit.SECONDS);
      assertThat(store.findByToken(real.token()).map(v -> v.value().id())).contains(real.id());
    } finally {
      writer.shutdownNow();
    }
  }

  /** A continuation that answers with another's values, so that a test can watch the store read it. */
  private static class Delegating extends Continuation {
    private final Continuation real;

    Delegating(Continuation real) {
      this.real = real;
    }

    @Override
    public ContinuationId id() {
      return real.id();
    }

    @Override
    public CustomerId customer() {
      return real.customer();
    }

    @Override
    public String action() {
      return real.action();
    }

    @Override
    public ContinuationToken token() {
      return real.token();
    }

    @Override
    public ContinuationStatus status() {
      return real.status();
    }

    @Override
    public String step() {
      return real.step();
    }

    @Override
    public Map<String, String> progress() {
      return real.progress();
    }

    @Override
    public Channel startedOn() {
      return real.startedOn();
    }

    @Override
    public Channel lastChannel() {
      return real.lastChannel();
    }

    @Override
    public Instant startedAt() {
      return real.startedAt();
    }

    @Override
    public Instant updatedAt() {
      return real.updatedAt();
    }

    @Override
    public Instant expiresAt() {
      return real.expiresAt();
    }

    @Override
    public Optional<ProcessInstanceId> processInstance() {
      return real.processInstance();
    }

    @Override
    public List<ChannelSwitch> switches() {
      return real.switches();
    }
  }
}
