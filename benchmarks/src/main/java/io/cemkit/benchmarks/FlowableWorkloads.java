package io.cemkit.benchmarks;

import static io.cemkit.benchmarks.WorkflowWorkloads.AUTOMATED;
import static io.cemkit.benchmarks.WorkflowWorkloads.HUMAN;
import static io.cemkit.benchmarks.WorkflowWorkloads.QUEUES;
import static io.cemkit.benchmarks.WorkflowWorkloads.STEPS;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * The workloads of {@link WorkflowWorkloads} in Flowable 7.2.0, configured as the peer harness was:
 * {@link StandaloneInMemProcessEngineConfiguration} (H2 in memory, in this JVM), history level
 * AUDIT, async executor off, schema create-drop. A: five service tasks calling {@link NoOp}; B: five
 * user tasks with the candidate groups {@code queue-1} .. {@code queue-5}. The BPMN is generated
 * here. Each engine gets its own H2 database, so engines never share tables.
 */
final class FlowableWorkloads {
  private static final AtomicInteger ENGINES = new AtomicInteger();

  private FlowableWorkloads() {}

  /**
   * Boots a Flowable engine on a fresh in-memory H2 database and deploys both workloads.
   *
   * @return the engine; close it to drop its schema
   */
  static ProcessEngine boot() {
    String name = "cemkit-bench-" + ENGINES.incrementAndGet();
    ProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration()
        .setEngineName(name)
        .setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
        .setHistoryLevel(HistoryLevel.AUDIT)
        .setAsyncExecutorActivate(false);
    ProcessEngine engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .name("cemkit benchmarks")
        .addString(AUTOMATED + ".bpmn20.xml", bpmn(AUTOMATED, false))
        .addString(HUMAN + ".bpmn20.xml", bpmn(HUMAN, true))
        .deploy();
    return engine;
  }

  /**
   * Closes a Flowable engine from {@link #boot()} and frees its in-memory database.
   *
   * @param engine the engine
   */
  static void close(ProcessEngine engine) {
    ProcessEngineConfiguration configuration = engine.getProcessEngineConfiguration();
    String url = configuration.getJdbcUrl();
    engine.close();
    // The database outlives the engine (DB_CLOSE_DELAY=-1) and Flowable's create-drop leaves some
    // tables behind on H2 2.x, so the database is shut down to give its heap back.
    try (Connection connection = DriverManager.getConnection(url, configuration.getJdbcUsername(),
        configuration.getJdbcPassword());
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("could not shut down " + url, e);
    }
  }

  /**
   * A BPMN process of five tasks in a row: service tasks calling {@link NoOp}, or user tasks with
   * the candidate group {@code queue-N}.
   *
   * @param key the process key
   * @param human user tasks if true, service tasks if false
   * @return the BPMN 2.0 XML
   */
  static String bpmn(String key, boolean human) {
    StringBuilder xml = new StringBuilder()
        .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"\n")
        .append("    xmlns:flowable=\"http://flowable.org/bpmn\"\n")
        .append("    targetNamespace=\"http://cemkit.io/benchmarks\">\n")
        .append("  <process id=\"").append(key).append("\" isExecutable=\"true\">\n")
        .append("    <startEvent id=\"start\"/>\n")
        .append("    <sequenceFlow id=\"f0\" sourceRef=\"start\" targetRef=\"step-1\"/>\n");
    for (int i = 1; i <= STEPS; i++) {
      if (human) {
        xml.append("    <userTask id=\"step-").append(i).append("\" name=\"Human step ").append(i)
            .append("\" flowable:candidateGroups=\"").append(QUEUES[i - 1]).append("\"/>\n");
      } else {
        xml.append("    <serviceTask id=\"step-").append(i).append("\" name=\"Automated step ").append(i)
            .append("\" flowable:class=\"").append(NoOp.class.getName()).append("\"/>\n");
      }
      String target = i < STEPS ? "step-" + (i + 1) : "end";
      xml.append("    <sequenceFlow id=\"f").append(i).append("\" sourceRef=\"step-").append(i)
          .append("\" targetRef=\"").append(target).append("\"/>\n");
    }
    return xml.append("    <endEvent id=\"end\"/>\n")
        .append("  </process>\n")
        .append("</definitions>\n")
        .toString();
  }

  /** Flowable's automated step: a delegate that does nothing, the analogue of cemkit's handler. */
  public static final class NoOp implements JavaDelegate {
    /** Instantiated by Flowable, once per service task. */
    public NoOp() {
      // Stateless.
    }

    @Override
    public void execute(DelegateExecution execution) {
      // Nothing: the benchmark measures the engine, not the work.
    }
  }
}
