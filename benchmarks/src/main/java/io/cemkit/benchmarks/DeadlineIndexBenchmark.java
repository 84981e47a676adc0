package io.cemkit.benchmarks;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.VirtualClock;
import io.cemkit.core.spi.Versioned;
import io.cemkit.workflow.InstanceRecord;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.ProcessDefinition;
import io.cemkit.workflow.SlaAlert;
import io.cemkit.workflow.SlaClock;
import io.cemkit.workflow.StartRequest;
import io.cemkit.workflow.WorkflowEngine;
import io.cemkit.workflow.spi.AuditLog;
import io.cemkit.workflow.spi.InstanceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Finding the SLA alerts that have fallen due among a million open instances (W4): the engine's
 * {@link WorkflowEngine#checkDeadlines()}, which reads an index by time, against a scan of every
 * open instance's stored SLA clock, the way a scheduler without an index would find them.
 *
 * <p>Set-up: {@code instances} open instances wait at a human step, all started at the same
 * virtual time; instance i has a first response of one hour plus i seconds and a resolution twice
 * that, around the clock, so each has four alerts (at risk at 80% of each deadline, breached at
 * it) and the alerts of the million instances spread over days. The clock then stands at the
 * first breach. Each invocation moves it on by {@code windowSeconds}, so some 850 alerts per 250
 * seconds fall due, and {@code checkDeadlines} raises them (each is a store write). The scan
 * benchmark moves the clock the same way and counts the due alerts by reading every open
 * instance's record, without raising anything: the lower bound of any scan.
 *
 * <p>Single shot: each iteration is one window and one call, so the clock stays inside the spread
 * of the deadlines (50 windows of 250 seconds).
 *
 * <p>Run (after {@code mvn -B clean verify -pl benchmarks -am -DskipTests}):
 * {@code java -jar benchmarks/target/benchmarks.jar DeadlineIndexBenchmark} (a few minutes: the
 * set-up starts a million instances per trial).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, batchSize = 1)
@Measurement(iterations = 40, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class DeadlineIndexBenchmark {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  /** Creates the benchmark; JMH instantiates it. */
  public DeadlineIndexBenchmark() {
    // Stateless: the engine lives in the state.
  }

  /** A million open instances with SLA clocks, on a virtual clock. */
  @State(Scope.Benchmark)
  public static class OpenInstances {
    /** How many open instances. */
    @Param("1000000")
    public int instances;

    /** How far each invocation moves the clock, in seconds (about four alerts per second fall due). */
    @Param("250")
    public int windowSeconds;

    VirtualClock clock;
    InstanceStore store;
    WorkflowEngine engine;

    /** Creates the state; JMH instantiates it. */
    public OpenInstances() {
      // Filled in setUp.
    }

    /** Starts the instances, one virtual second apart, then moves to the first alerts. */
    @Setup(Level.Trial)
    public void setUp() {
      clock = VirtualClock.at(T0);
      store = InstanceStore.inMemory();
      engine = WorkflowEngine.builder().clock(clock).store(store).audit(new Discarding())
          .slaResolver((definition, request, at) -> {
            Duration response = Duration.ofHours(1).plusSeconds(Long.parseLong(request.idempotencyKey()));
            return java.util.Optional.of(SlaTarget.of(response, response.multipliedBy(2)));
          })
          .build()
          .deploy(ProcessDefinition.builder("complaint", 1)
              .step("review", Performer.queue("agents"), "Review the complaint")
              .build());
      CustomerId customer = CustomerId.of("C-1");
      for (int i = 0; i < instances; i++) {
        engine.start(StartRequest.of("complaint", customer, Integer.toString(i)));
      }
      clock.advance(Duration.ofHours(1));
      WorkflowBenchmark.expect(engine.queueDepth("agents") == instances, instances + " open instances");
    }

    /** Moves the clock on by one window, outside the measurement (one invocation per iteration). */
    @Setup(Level.Iteration)
    public void nextWindow() {
      clock.advance(Duration.ofSeconds(windowSeconds));
    }
  }

  /**
   * The engine: raise the alerts due in the window, from the index.
   *
   * @param state the open instances
   * @return how many alerts were raised
   */
  @Benchmark
  public int checkDeadlines(OpenInstances state) {
    return state.engine.checkDeadlines();
  }

  /**
   * No index: read every open instance's SLA clock and count the alerts due and not yet raised.
   *
   * @param state the open instances
   * @return how many alerts are due
   */
  @Benchmark
  public int scanEveryInstance(OpenInstances state) {
    Instant now = state.clock.instant();
    int due = 0;
    List<Versioned<InstanceRecord>> open = state.store.open();
    for (Versioned<InstanceRecord> record : open) {
      SlaClock sla = record.value().sla().orElse(null);
      if (sla != null) {
        for (SlaAlert alert : sla.pending()) {
          if (!sla.timeOf(alert).isAfter(now)) {
            due++;
          }
        }
      }
    }
    return due;
  }

  /** An audit log that keeps nothing: the benchmark measures the index, not the trail. */
  private static final class Discarding implements AuditLog {
    @Override
    public void append(io.cemkit.workflow.AuditRecord record) {
      // Kept nowhere.
    }

    @Override
    public List<io.cemkit.workflow.AuditRecord> records(ProcessInstanceId instance) {
      return List.of();
    }

    @Override
    public int purge(ProcessInstanceId instance) {
      return 0;
    }
  }
}
