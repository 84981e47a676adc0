package io.cemkit.benchmarks;

import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.Completion;
import io.cemkit.workflow.InstanceStatus;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.StartRequest;
import io.cemkit.workflow.StepResult;
import io.cemkit.workflow.WorkItem;
import io.cemkit.workflow.WorkflowEngine;
import io.cemkit.workflow.spi.AuditLog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Process instances per second, single thread, the step engine against Flowable 7.2.0 (H2 in
 * memory, history AUDIT, async executor off) side by side in one JMH run, on the two workloads of
 * the research note's peer measurement (docs/research/bpm.md, section 5; see {@link WorkflowWorkloads}):
 *
 * <ul>
 *   <li>{@code automated*} (workload A): one call starts an instance that runs five automated steps
 *       to the end. cemkit: {@link WorkflowEngine#start}; Flowable:
 *       {@code runtimeService.startProcessInstanceByKey}.
 *   <li>{@code human*} (workload B): start, then for each of the five steps take the item from its
 *       queue and complete it. cemkit: {@code claimNext("queue-N", "worker")} and
 *       {@code complete(id, token, StepResult.of("done"))}; Flowable, as the peer harness:
 *       {@code taskService.createTaskQuery().processInstanceId(id).singleResult()} and
 *       {@code taskService.complete(taskId)}.
 * </ul>
 *
 * <p>One operation is one instance, start to end. cemkit keeps its audit trail on (the in-memory
 * log, one record per transition); Flowable writes its AUDIT history into H2. Each trial first
 * runs one instance of each workload and checks that it ended (and, for cemkit, that it left its
 * six audit records), so a broken workload fails the run instead of measuring nothing. Flowable's
 * trial then runs {@value Flowable#WARM_UP} unmeasured instances of the workload, as the peer
 * harness did, before JMH's warm-up iterations.
 *
 * <p>Next to the score, {@link CpuTime} reports the benchmark thread's CPU time and instance count,
 * for instances per CPU-second.
 *
 * <p>The in-memory engine keeps every finished instance, its work items and its audit trail (it has
 * no eviction yet), so the cemkit state starts a fresh engine every {@code instancesPerEngine}
 * instances (10,000 unless {@code -p instancesPerEngine=..} says otherwise) to keep the heap
 * bounded; building one costs about a millisecond, a negligible share of that many instances. The
 * parameter shows what the engine's growth costs: the more finished instances an engine holds, the
 * more each young collection copies. Flowable's H2 grows too (history rows), by far fewer
 * instances per trial.
 *
 * <p>Run (after {@code mvn -B clean verify -pl benchmarks -am -DskipTests}):
 * {@code java -jar benchmarks/target/benchmarks.jar WorkflowBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}.
 * The research note's targets: cemkit at least 100x Flowable on both workloads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WorkflowBenchmark {
  private static final String WORKER = "worker";

  /** Creates the benchmark; JMH instantiates it. */
  public WorkflowBenchmark() {
    // Stateless: the engines live in the states.
  }

  /**
   * The benchmark thread's CPU time, reported next to the score: on a machine shared with other
   * work, instances per CPU-second of this thread (H2 runs in it too) hold steadier than instances
   * per wall-clock second, as the research note found. JMH sums both counters over the measured
   * iterations; divide {@code instances} by {@code cpuNanos} / 10^9.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The instances run in this iteration. */
    public long instances;
    private long startNanos;

    /** Creates the state; JMH instantiates it. */
    public CpuTime() {
      // Reset per iteration.
    }

    /** Starts counting an iteration. */
    @Setup(Level.Iteration)
    public void start() {
      instances = 0;
      startNanos = THREADS.getCurrentThreadCpuTime();
    }

    /**
     * The CPU time this thread used in this iteration so far.
     *
     * @return nanoseconds
     */
    public long cpuNanos() {
      return THREADS.getCurrentThreadCpuTime() - startNanos;
    }
  }

  /** The step engine with both workloads deployed and the in-memory audit log on. */
  @State(Scope.Thread)
  public static class Cemkit {
    /**
     * How many instances one engine takes before the state replaces it (see the class doc): the
     * most finished instances the engine holds at once.
     */
    @Param("10000")
    public int instancesPerEngine;

    WorkflowEngine engine;
    private long started;

    /** Creates the state; JMH instantiates it. */
    public Cemkit() {
      // Set up per trial.
    }

    /** Checks that both workloads run to the end and leave their audit records. */
    @Setup(Level.Trial)
    public void check() {
      AuditLog audit = AuditLog.inMemory();
      engine = WorkflowWorkloads.cemkit(audit);
      ProcessInstance a = start(WorkflowWorkloads.AUTOMATED);
      expect(a.status() == InstanceStatus.COMPLETED, "workload A ended " + a);
      ProcessInstance b = human(this).instance();
      expect(b.status() == InstanceStatus.COMPLETED, "workload B ended " + b);
      for (ProcessInstance done : List.of(a, b)) {
        List<AuditRecord> records = audit.records(done.id());
        expect(records.size() == WorkflowWorkloads.STEPS + 1, "6 audit records for " + done + ", got " + records);
      }
    }

    /** A fresh engine for every iteration, so that iterations start from the same heap. */
    @Setup(Level.Iteration)
    public void fresh() {
      engine = WorkflowWorkloads.cemkit(AuditLog.inMemory());
    }

    ProcessInstance start(String process) {
      if (++started % instancesPerEngine == 0) {
        fresh();
      }
      return engine.start(StartRequest.of(process, WorkflowWorkloads.CUSTOMER, "start-" + started));
    }
  }

  /** A Flowable engine on its own in-memory H2 database, both workloads deployed. */
  @State(Scope.Thread)
  public static class Flowable {
    /** Instances run before JMH's own warm-up, as in the peer harness (1,000 warm-up instances). */
    static final int WARM_UP = 1_000;
    ProcessEngine engine;
    RuntimeService runtime;
    TaskService tasks;

    /** Creates the state; JMH instantiates it. */
    public Flowable() {
      // Set up per trial.
    }

    /**
     * Boots the engine (seconds), checks that both workloads run to the end, and runs
     * {@value #WARM_UP} instances of the workload about to be measured, as the peer harness did.
     *
     * @param params which benchmark is about to run
     */
    @Setup(Level.Trial)
    public void boot(BenchmarkParams params) {
      engine = FlowableWorkloads.boot();
      runtime = engine.getRuntimeService();
      tasks = engine.getTaskService();
      HistoryService history = engine.getHistoryService();
      for (String id : List.of(automated(this), human(this))) {
        HistoricProcessInstance done = history.createHistoricProcessInstanceQuery().processInstanceId(id)
            .singleResult();
        expect(done != null && done.getEndTime() != null, "Flowable instance " + id + " ended");
        expect(runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0,
            "Flowable instance " + id + " left the runtime tables");
      }
      // Time-based warm-up iterations alone leave Flowable cold: at tens of instances per second
      // before the JIT has compiled MyBatis and H2, a few seconds run too few instances for C2.
      boolean human = params.getBenchmark().endsWith(".humanFlowable");
      for (int i = 0; i < WARM_UP; i++) {
        if (human) {
          human(this);
        } else {
          automated(this);
        }
      }
    }

    /** Closes the engine and frees its database. */
    @TearDown(Level.Trial)
    public void close() {
      FlowableWorkloads.close(engine);
    }
  }

  /**
   * Workload A, cemkit: one {@code start} runs five automated steps to the end.
   *
   * @param cemkit the engine
   * @param cpu the CPU-time counters
   * @return the ended instance
   */
  @Benchmark
  public ProcessInstance automatedCemkit(Cemkit cemkit, CpuTime cpu) {
    cpu.instances++;
    return cemkit.start(WorkflowWorkloads.AUTOMATED);
  }

  /**
   * Workload A, Flowable: one {@code startProcessInstanceByKey} runs five service tasks to the end.
   *
   * @param flowable the engine
   * @param cpu the CPU-time counters
   * @return the instance's id
   */
  @Benchmark
  public String automatedFlowable(Flowable flowable, CpuTime cpu) {
    cpu.instances++;
    return automated(flowable);
  }

  /**
   * Workload B, cemkit: start, then claim each step's item from its queue and complete it.
   *
   * @param cemkit the engine
   * @param cpu the CPU-time counters
   * @return the last completion
   */
  @Benchmark
  public Completion humanCemkit(Cemkit cemkit, CpuTime cpu) {
    cpu.instances++;
    return human(cemkit);
  }

  /**
   * Workload B, Flowable: start, then find each step's task by instance and complete it.
   *
   * @param flowable the engine
   * @param cpu the CPU-time counters
   * @return the instance's id
   */
  @Benchmark
  public String humanFlowable(Flowable flowable, CpuTime cpu) {
    cpu.instances++;
    return human(flowable);
  }

  static Completion human(Cemkit cemkit) {
    cemkit.start(WorkflowWorkloads.HUMAN);
    Completion completion = null;
    for (String queue : WorkflowWorkloads.QUEUES) {
      WorkItem item = cemkit.engine.claimNext(queue, WORKER).orElseThrow();
      completion = cemkit.engine.complete(item.id(), item.token(), StepResult.of("done"));
    }
    return completion;
  }

  static String automated(Flowable flowable) {
    return flowable.runtime.startProcessInstanceByKey(WorkflowWorkloads.AUTOMATED).getId();
  }

  static String human(Flowable flowable) {
    String id = flowable.runtime.startProcessInstanceByKey(WorkflowWorkloads.HUMAN).getId();
    for (int step = 0; step < WorkflowWorkloads.STEPS; step++) {
      Task task = flowable.tasks.createTaskQuery().processInstanceId(id).singleResult();
      flowable.tasks.complete(task.getId());
    }
    return id;
  }

  static void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("Benchmark check failed: expected " + what);
    }
  }
}
