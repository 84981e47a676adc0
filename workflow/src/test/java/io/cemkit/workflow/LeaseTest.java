package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.CustomerId;
import io.cemkit.core.VirtualClock;
import io.cemkit.workflow.spi.InstanceStore;
import io.cemkit.workflow.spi.WorkflowListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Partners lease work (W1, W6): a claim with an end, after which the item goes back to its queue. */
class LeaseTest {
  private static final CustomerId DANA = CustomerId.of("C-DANA");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  private final VirtualClock clock = VirtualClock.at(T0);
  private final InstanceStore store = InstanceStore.inMemory();
  private final List<String> expired = Collections.synchronizedList(new ArrayList<>());

  /** install (partner installers) -> report (partner installers). */
  private static ProcessDefinition installation() {
    return ProcessDefinition.builder("installation", 1)
        .step("install", Performer.partner("installers"), "Install the router").then("report")
        .step("report", Performer.partner("installers"), "Report the installation")
        .build();
  }

  private WorkflowEngine engine() {
    return WorkflowEngine.builder().clock(clock).store(store)
        .listener(new WorkflowListener() {
          @Override
          public void leaseExpired(WorkItem item) {
            expired.add(item.id() + " by " + item.claimedBy().orElseThrow() + " until " + item.leasedUntil()
                .orElseThrow());
          }
        })
        .build().deploy(installation());
  }

  @Test
  @DisplayName("a lease ends by itself: the late token is refused, expireLeases puts the item back with a new token")
  void leaseEnds() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("installation", DANA, "i-1"));
    WorkItem leased = engine.lease(started.workItem().orElseThrow(), "acme", DAY);
    assertThat(leased.leasedUntil()).contains(T0.plus(DAY));
    assertThat(leased.claimedBy()).contains("acme");
    assertThat(engine.inHand("acme")).isEqualTo(1);
    assertThat(engine.queueDepth("installers")).isZero();

    clock.advance(DAY.minusSeconds(1));
    assertThat(engine.expireLeases()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> engine.complete(leased.id(), leased.token(), StepResult.of("installed")))
        .isInstanceOf(WorkItemStateException.class)
        .hasMessageContaining(leased.id().value()).hasMessageContaining("acme")
        .hasMessageContaining("2026-03-03T09:00:00Z");
    assertThat(engine.instance(started.id()).orElseThrow().isWaitingAt("install")).isTrue();

    assertThat(engine.expireLeases()).isEqualTo(1);
    assertThat(expired).containsExactly(leased.id() + " by acme until 2026-03-03T09:00:00Z");
    WorkItem back = engine.workItem(leased.id()).orElseThrow();
    assertThat(back.claimedBy()).isEmpty();
    assertThat(back.leasedUntil()).isEmpty();
    assertThat(back.token()).isNotEqualTo(leased.token());
    assertThat(engine.queueDepth("installers")).isEqualTo(1);
    assertThat(engine.inHand("acme")).isZero();
    assertThat(engine.expireLeases()).isZero();
    assertThatThrownBy(() -> engine.complete(leased.id(), leased.token(), StepResult.of("installed")))
        .isInstanceOf(CompletionTokenException.class);
  }

  @Test
  @DisplayName("within its term a lease completes like a claim, and the partner's next item is leased for the same term")
  void completesWithinTheTerm() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("installation", DANA, "i-1"));
    WorkItem leased = engine.leaseNext("installers", "acme", DAY).orElseThrow();
    clock.advance(Duration.ofHours(20));
    Completion done = engine.complete(leased.id(), leased.token(), StepResult.of("installed"));
    WorkItem next = done.next().orElseThrow();
    assertThat(next.step()).isEqualTo("report");
    assertThat(next.claimedBy()).contains("acme");
    assertThat(next.leasedUntil()).contains(T0.plus(Duration.ofHours(20)).plus(DAY));
    assertThat(engine.instance(started.id()).orElseThrow().isWaitingAt("report")).isTrue();
  }

  @Test
  @DisplayName("a running lease keeps others out; once ended, someone else's claim takes the item over")
  void takeOver() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("installation", DANA, "i-1"));
    WorkItem leased = engine.lease(started.workItem().orElseThrow(), "acme", DAY);
    assertThatThrownBy(() -> engine.lease(leased.id(), "bolt", DAY)).isInstanceOf(WorkItemStateException.class)
        .hasMessageContaining("held by acme").hasMessageContaining("leased until 2026-03-03T09:00:00Z");
    assertThat(engine.lease(leased.id(), "acme", DAY)).isEqualTo(leased);

    clock.advance(DAY);
    WorkItem taken = engine.lease(leased.id(), "bolt", Duration.ofHours(4));
    assertThat(taken.claimedBy()).contains("bolt");
    assertThat(taken.leasedUntil()).contains(T0.plus(DAY).plusSeconds(4 * 3600));
    assertThat(engine.inHand("acme")).isZero();
    assertThat(engine.inHand("bolt")).isEqualTo(1);
    assertThat(expired).containsExactly(leased.id() + " by acme until 2026-03-03T09:00:00Z");
    // The index follows the new lease only.
    assertThat(engine.expireLeases()).isZero();
    clock.advance(Duration.ofHours(4));
    assertThat(engine.expireLeases()).isEqualTo(1);
    assertThat(engine.inHand("bolt")).isZero();
  }

  @Test
  @DisplayName("a lease term must be positive")
  void badTerms() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("installation", DANA, "i-1"));
    WorkItemId item = started.workItem().orElseThrow();
    assertThatThrownBy(() -> engine.lease(item, "acme", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("term").hasMessageContaining("PT0S");
    assertThatThrownBy(() -> engine.leaseNext("installers", "acme", Duration.ofMinutes(-5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-5M");
    assertThatThrownBy(() -> engine.lease(item, "acme", null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("term");
    assertThatThrownBy(() -> engine.lease(item, "acme", java.time.temporal.ChronoUnit.FOREVER.getDuration()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most PT876000H")
        .hasMessageContaining("PT2562047788015215H");
    assertThat(engine.queueDepth("installers")).isEqualTo(1);
  }

  @Test
  @DisplayName("a lease survives an engine restart and ends on time in the new engine")
  void restart() {
    WorkflowEngine first = engine();
    ProcessInstance started = first.start(StartRequest.of("installation", DANA, "i-1"));
    WorkItem leased = first.lease(started.workItem().orElseThrow(), "acme", DAY);

    WorkflowEngine second = engine();
    assertThat(second.workItem(leased.id())).contains(leased);
    assertThat(second.inHand("acme")).isEqualTo(1);
    clock.advance(DAY);
    assertThat(second.expireLeases()).isEqualTo(1);
    assertThat(second.queueDepth("installers")).isEqualTo(1);
  }

  @Test
  @DisplayName("a released lease leaves the index: nothing expires later")
  void release() {
    WorkflowEngine engine = engine();
    ProcessInstance started = engine.start(StartRequest.of("installation", DANA, "i-1"));
    WorkItem leased = engine.lease(started.workItem().orElseThrow(), "acme", DAY);
    engine.release(leased.id(), "acme");
    clock.advance(DAY.multipliedBy(2));
    assertThat(engine.expireLeases()).isZero();
    assertThat(expired).isEmpty();
    assertThat(engine.queueDepth("installers")).isEqualTo(1);
  }
}
