package io.cemkit.benchmarks;

import io.cemkit.workflow.WorkflowEngine;
import io.cemkit.workflow.spi.AuditLog;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.ProcessEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long it takes from nothing to an engine that can start instances: build the engine, register
 * the handler and deploy both workloads of {@link WorkflowWorkloads} (cemkit: the two
 * {@code ProcessDefinition}s are built and deployed inside the measurement; Flowable: boot on a
 * fresh in-memory H2 database, schema created, and one deployment of the two BPMN files, parsed
 * inside the measurement). The research note's target for cemkit is under 50 ms; the peer
 * measurement took 2.7–10.7 s for Flowable and Camunda (docs/research/bpm.md, section 5).
 *
 * <p>Single shot: by default every measurement is the first engine of a fresh JVM (one iteration
 * per fork, five forks), so class loading and the interpreter are in it, as in a test suite's first
 * test. Add {@code -f 1 -i 20} for engines built after the first, in a warm JVM.
 *
 * <p>Run (after {@code mvn -B clean verify -pl benchmarks -am -DskipTests}):
 * {@code java -jar benchmarks/target/benchmarks.jar WorkflowStartupBenchmark} (about a minute,
 * almost all of it Flowable).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class WorkflowStartupBenchmark {

  /** Creates the benchmark; JMH instantiates it. */
  public WorkflowStartupBenchmark() {
    // Stateless: the engines live in the state.
  }

  /** Holds the Flowable engine of an iteration, to close it after the measurement. */
  @State(Scope.Thread)
  public static class Booted {
    ProcessEngine flowable;

    /** Creates the state; JMH instantiates it. */
    public Booted() {
      // Filled by the benchmark.
    }

    /** Closes the engine the iteration booted, outside the measurement. */
    @TearDown(Level.Iteration)
    public void close() {
      if (flowable != null) {
        FlowableWorkloads.close(flowable);
        flowable = null;
      }
    }
  }

  /**
   * cemkit: build the engine with its handler and the in-memory audit log, build and deploy both
   * definitions.
   *
   * @return the engine, ready to start instances
   */
  @Benchmark
  public WorkflowEngine cemkit() {
    return WorkflowWorkloads.cemkit(AuditLog.inMemory());
  }

  /**
   * Flowable: boot on a fresh H2 database (schema created) and deploy both BPMN processes.
   *
   * @param booted where the engine is kept until the iteration's end
   * @return the engine, ready to start instances
   */
  @Benchmark
  public ProcessEngine flowable(Booted booted) {
    booted.flowable = FlowableWorkloads.boot();
    return booted.flowable;
  }
}
