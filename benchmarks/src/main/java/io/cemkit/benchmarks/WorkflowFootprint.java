package io.cemkit.benchmarks;

import io.cemkit.core.CustomerId;
import io.cemkit.core.ProcessInstanceId;
import io.cemkit.workflow.AuditRecord;
import io.cemkit.workflow.ProcessInstance;
import io.cemkit.workflow.StartRequest;
import io.cemkit.workflow.WorkflowEngine;
import io.cemkit.workflow.spi.AuditLog;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;

/**
 * The heap one open instance holds while it waits at a human step (workload B of
 * {@link WorkflowWorkloads}, waiting at step 1 in {@code queue-1}), cemkit against Flowable 7.2.0.
 * The research note's target for cemkit is at most 1 KiB per waiting instance, audit trail
 * included; the peer measurement found about 7.8 KB for Flowable with H2 in the heap
 * (docs/research/bpm.md, section 5).
 *
 * <p>Method: boot the engine and deploy, start {@value #WARM_UP} instances so that lazily built
 * structures exist, measure the used heap after repeated {@code System.gc()}, start n more
 * instances (cemkit {@value #CEMKIT_INSTANCES}, Flowable {@value #FLOWABLE_INSTANCES}), measure again,
 * and divide the growth by n. Every round uses a fresh engine; the median of the rounds is
 * printed. cemkit's count includes everything the engine keeps per instance: the instance, its work
 * item and queue entry, the idempotency key and the in-memory audit log (one record, STARTED). A
 * second cemkit figure with a discarding audit log shows the audit log's share; it is not the
 * target's figure. A third gives every instance its own customer (as in a real CRM, where most
 * customers have one open process), counting the customer ids it creates. Flowable's count is its H2 rows, indexes and caches in the same heap.
 *
 * <p>Run (after {@code mvn -B clean verify -pl benchmarks -am -DskipTests}):
 * {@code java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar io.cemkit.benchmarks.WorkflowFootprint}
 * (about a minute; pass {@code cemkit} or {@code flowable} to run one side only).
 */
public final class WorkflowFootprint {
  static final int WARM_UP = 1_000;
  static final int CEMKIT_INSTANCES = 100_000;
  static final int FLOWABLE_INSTANCES = 10_000;
  static final int CEMKIT_ROUNDS = 5;
  static final int FLOWABLE_ROUNDS = 3;

  private WorkflowFootprint() {}

  /**
   * Prints the bytes per waiting instance of each engine.
   *
   * @param args {@code cemkit}, {@code flowable}, or nothing for both
   */
  public static void main(String[] args) {
    List<String> sides = args.length == 0 ? List.of("cemkit", "flowable") : List.of(args);
    System.out.printf(Locale.ROOT, "JVM %s, max heap %,d MiB%n", Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20);
    if (sides.contains("cemkit")) {
      report("cemkit, audit log in memory (the target's figure)", CEMKIT_INSTANCES, CEMKIT_ROUNDS,
          () -> cemkit(true, false));
      report("cemkit, audit log discarded (for the breakdown only)", CEMKIT_INSTANCES, CEMKIT_ROUNDS,
          () -> cemkit(false, false));
      report("cemkit, audit log in memory, a customer per instance (ids counted)", CEMKIT_INSTANCES, CEMKIT_ROUNDS,
          () -> cemkit(true, true));
    }
    if (sides.contains("flowable")) {
      report("Flowable 7.2.0, H2 in memory, history AUDIT", FLOWABLE_INSTANCES, FLOWABLE_ROUNDS,
          WorkflowFootprint::flowable);
    }
  }

  /** One engine under measurement: starts instances that wait at step 1; closed after the round. */
  interface Side extends AutoCloseable {
    void startWaiting(int n);

    @Override
    void close();
  }

  interface SideFactory {
    Side open();
  }

  private static void report(String label, int n, int rounds, SideFactory factory) {
    double[] perInstance = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      try (Side side = factory.open()) {
        side.startWaiting(WARM_UP);
        long before = Heap.used();
        side.startWaiting(n);
        long after = Heap.used();
        Reference.reachabilityFence(side);
        perInstance[round] = (double) (after - before) / n;
        System.out.printf(Locale.ROOT, "  %s, round %d: %,d instances, heap +%,d bytes, %.0f bytes each%n", label,
            round + 1, n, after - before, perInstance[round]);
      }
    }
    double[] sorted = perInstance.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%s: median %.0f bytes per waiting instance (rounds: %s)%n", label,
        sorted[rounds / 2], Arrays.toString(perInstance));
  }

  private static Side cemkit(boolean keepAudit, boolean customerEach) {
    AuditLog audit = keepAudit ? AuditLog.inMemory() : new Discarding();
    WorkflowEngine engine = WorkflowWorkloads.cemkit(audit);
    return new Side() {
      private long started;
      private ProcessInstance last;

      @Override
      public void startWaiting(int n) {
        for (int i = 0; i < n; i++) {
          ++started;
          CustomerId customer = customerEach ? CustomerId.of("C-" + started) : WorkflowWorkloads.CUSTOMER;
          last = engine.start(StartRequest.of(WorkflowWorkloads.HUMAN, customer, "start-" + started));
        }
        String queue = WorkflowWorkloads.QUEUES[0];
        WorkflowBenchmark.expect(last.isWaitingAt(WorkflowWorkloads.STEP_IDS[0]), "instance waiting at step-1, got "
            + last);
        WorkflowBenchmark.expect(engine.queueDepth(queue) == started, started + " items in " + queue + ", got "
            + engine.queueDepth(queue));
        WorkflowBenchmark.expect(!keepAudit || audit.records(last.id()).size() == 1,
            "one audit record (STARTED) per waiting instance");
      }

      @Override
      public void close() {
        Reference.reachabilityFence(engine);
      }
    };
  }

  private static Side flowable() {
    ProcessEngine engine = FlowableWorkloads.boot();
    RuntimeService runtime = engine.getRuntimeService();
    return new Side() {
      private long started;

      @Override
      public void startWaiting(int n) {
        for (int i = 0; i < n; i++) {
          runtime.startProcessInstanceByKey(WorkflowWorkloads.HUMAN);
        }
        started += n;
        long waiting = engine.getTaskService().createTaskQuery().taskCandidateGroup(WorkflowWorkloads.QUEUES[0])
            .count();
        WorkflowBenchmark.expect(waiting == started, started + " tasks in " + WorkflowWorkloads.QUEUES[0]
            + ", got " + waiting);
      }

      @Override
      public void close() {
        FlowableWorkloads.close(engine);
      }
    };
  }


  /** An audit log that keeps nothing, to split the audit trail's share out of cemkit's figure. */
  private static final class Discarding implements AuditLog {
    @Override
    public void append(AuditRecord record) {
      // Kept nowhere.
    }

    @Override
    public List<AuditRecord> records(ProcessInstanceId instance) {
      return List.of();
    }

    @Override
    public int purge(ProcessInstanceId instance) {
      return 0;
    }
  }
}
