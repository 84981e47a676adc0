package io.cemkit.benchmarks;

import io.cemkit.journey.EventLog;
import io.cemkit.journey.Funnel;
import io.cemkit.journey.ObservedJourney;
import io.cemkit.journey.Transition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Observed journeys (J6) over the {@value JourneyData#EVENTS} events of {@value JourneyData#CUSTOMERS}
 * customers of {@link JourneyData} (20 touchpoints in 6 stages, each customer's times strictly increasing,
 * the log in global time order with customers interleaved, as a log is written), side by side in one JMH
 * run with an in-memory DuckDB table {@code events(cust INTEGER, ts BIGINT, touchpoint SMALLINT, stage
 * TINYINT, channel TINYINT)} holding the same rows, {@code SET threads = 2}:
 * <ul>
 *   <li>transition graph with exact medians: {@link ObservedJourney#transitions()} (one thread) against
 *       {@code LEAD(touchpoint), LEAD(ts) OVER (PARTITION BY cust ORDER BY ts)} then
 *       {@code count(*), avg(gap), median(gap) GROUP BY touchpoint, next};
 *   <li>funnel over the six stages: {@link ObservedJourney#funnelCounts} (one thread) against chained
 *       joins, each step's {@code min(ts)} after the previous step's.
 * </ul>
 *
 * <p>What is timed: for cemkit, everything from the {@link EventLog} to the answer,
 * {@code log.observe().transitions()} or {@code log.observe().funnelCounts(..)}: a new
 * {@link ObservedJourney} each time, so the check of the log's order (a scan of the times), any regrouping
 * and the analysis pass are in every measurement, and nothing is kept between invocations. The log itself
 * is built in the trial set-up by {@link EventLog#ofColumns}, which takes the columns as they are and only
 * checks the codes; it does no ordering or grouping work that the measurement would then skip. DuckDB's
 * table is likewise loaded in the set-up; its measurement is the query, every result row read.
 * With {@code order = shuffled}, cemkit runs the same analyses on the same events shuffled, which takes the
 * regrouping path (a counting sort by customer and a sort of each customer's events by time, then the same
 * pass); DuckDB's answers do not depend on row order, and its table holds the rows in time order.
 *
 * <p>The trial set-up checks that both sides agree (every edge's count and median, every step's count,
 * ordered and shuffled). Scores are milliseconds per operation (single shot; lower is better).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JourneyBenchmark -f 1 -wi 1 -i 5} after
 * {@code mvn -B clean verify -pl benchmarks -am -DskipTests}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class JourneyBenchmark {
  static final Funnel FUNNEL = Funnel.of("s0", "s1", "s2", "s3", "s4", "s5");
  static final long SHUFFLE_SEED = 7;
  static final String TRANSITIONS = "SELECT touchpoint, nxt, count(*), avg(gap), median(gap) FROM ("
      + " SELECT touchpoint, LEAD(touchpoint) OVER w AS nxt, LEAD(ts) OVER w - ts AS gap FROM events"
      + " WINDOW w AS (PARTITION BY cust ORDER BY ts)) WHERE nxt IS NOT NULL GROUP BY touchpoint, nxt";
  static final String FUNNEL_SQL = "WITH f0 AS (SELECT cust, min(ts) t FROM events WHERE stage = 0 GROUP BY cust)"
      + step(1) + step(2) + step(3) + step(4) + step(5)
      + " SELECT (SELECT count(*) FROM f0), (SELECT count(*) FROM f1), (SELECT count(*) FROM f2),"
      + " (SELECT count(*) FROM f3), (SELECT count(*) FROM f4), (SELECT count(*) FROM f5)";

  private static String step(int i) {
    return ", f" + i + " AS (SELECT e.cust, min(e.ts) t FROM events e JOIN f" + (i - 1) + " p ON e.cust = p.cust"
        + " WHERE e.stage = " + i + " AND e.ts > p.t GROUP BY e.cust)";
  }

  /** Creates the benchmark; JMH instantiates it. */
  public JourneyBenchmark() {
    // Stateless: the data is in Data.
  }

  /**
   * The transition graph with exact medians.
   *
   * @param events the log
   * @param blackhole sink
   */
  @Benchmark
  public void cemkitTransitions(Events events, Blackhole blackhole) {
    blackhole.consume(events.log.observe().transitions());
  }

  /**
   * The funnel counts.
   *
   * @param events the log
   * @param blackhole sink
   */
  @Benchmark
  public void cemkitFunnel(Events events, Blackhole blackhole) {
    blackhole.consume(events.log.observe().funnelCounts(FUNNEL));
  }

  /**
   * DuckDB's transition graph, every row read.
   *
   * @param data the database
   * @param blackhole sink
   * @throws SQLException if DuckDB fails
   */
  @Benchmark
  public void duckDbTransitions(Data data, Blackhole blackhole) throws SQLException {
    try (Statement s = data.connection.createStatement(); ResultSet r = s.executeQuery(TRANSITIONS)) {
      while (r.next()) {
        blackhole.consume(r.getLong(3));
        blackhole.consume(r.getDouble(5));
      }
    }
  }

  /**
   * DuckDB's chained-join funnel.
   *
   * @param data the database
   * @param blackhole sink
   * @throws SQLException if DuckDB fails
   */
  @Benchmark
  public void duckDbFunnel(Data data, Blackhole blackhole) throws SQLException {
    try (Statement s = data.connection.createStatement(); ResultSet r = s.executeQuery(FUNNEL_SQL)) {
      r.next();
      for (int i = 1; i <= 6; i++) {
        blackhole.consume(r.getLong(i));
      }
    }
  }

  /** The seeded log as cemkit reads it: in time order, or the same events shuffled. */
  @State(Scope.Benchmark)
  public static class Events {
    /** {@code inTimeOrder} (read as it is) or {@code shuffled} (regrouped first). */
    @Param({"inTimeOrder", "shuffled"})
    public String order;
    EventLog log;

    /** Creates the state; JMH calls {@link #load()}. */
    public Events() {
      // Filled by load().
    }

    /** Generates the events. */
    @Setup(Level.Trial)
    public void load() {
      JourneyData data = JourneyData.inTimeOrder();
      log = (order.equals("shuffled") ? data.shuffled(SHUFFLE_SEED) : data).log();
    }
  }

  /** The seeded log as a DuckDB table, and as cemkit columns to check DuckDB's answers against. */
  @State(Scope.Benchmark)
  public static class Data {
    EventLog log;
    EventLog shuffled;
    Connection connection;

    /** Creates the state; JMH calls {@link #load()}. */
    public Data() {
      // Filled by load().
    }

    /**
     * Generates the events, loads DuckDB and checks that both sides agree.
     *
     * @throws SQLException if DuckDB fails
     */
    @Setup(Level.Trial)
    public void load() throws SQLException {
      JourneyData data = JourneyData.inTimeOrder();
      log = data.log();
      shuffled = data.shuffled(SHUFFLE_SEED).log();
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = connection.createStatement()) {
        s.execute("SET threads = 2");
        s.execute("CREATE TABLE events (cust INTEGER, ts BIGINT, touchpoint SMALLINT, stage TINYINT, channel TINYINT)");
      }
      try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
          .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
        for (int i = 0; i < JourneyData.EVENTS; i++) {
          appender.beginRow().append(data.customer[i]).append(data.time[i]).append((short) data.touchpoint[i])
              .append((byte) data.stage[i]).append((byte) data.channel[i]).endRow();
        }
      }
      check();
    }

    private void check() throws SQLException {
      ObservedJourney observed = log.observe();
      ObservedJourney regrouped = shuffled.observe();
      if (!observed.transitions().equals(regrouped.transitions())
          || !Arrays.equals(observed.funnelCounts(FUNNEL), regrouped.funnelCounts(FUNNEL))) {
        throw new IllegalStateException("cemkit answers differently on the shuffled log");
      }
      Map<String, Transition> edges = new HashMap<>();
      observed.transitions().forEach(t -> edges.put(t.from() + ">" + t.to(), t));
      int rows = 0;
      try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(TRANSITIONS)) {
        while (r.next()) {
          Transition t = edges.get("t" + r.getInt(1) + ">t" + r.getInt(2));
          if (t == null || t.count() != r.getLong(3) || Math.abs(t.medianGapSeconds() - r.getDouble(5) / 1e9) > 1e-6) {
            throw new IllegalStateException("DuckDB and cemkit disagree on " + r.getInt(1) + ">" + r.getInt(2)
                + ": " + r.getLong(3) + " / " + r.getDouble(5) + " against " + t);
          }
          rows++;
        }
      }
      if (rows != edges.size()) {
        throw new IllegalStateException("DuckDB has " + rows + " edges, cemkit " + edges.size());
      }
      long[] counts = observed.funnelCounts(FUNNEL);
      try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(FUNNEL_SQL)) {
        r.next();
        for (int i = 0; i < 6; i++) {
          if (r.getLong(i + 1) != counts[i]) {
            throw new IllegalStateException("funnel step " + i + ": DuckDB " + r.getLong(i + 1) + ", cemkit "
                + counts[i]);
          }
        }
      }
      System.out.println("checked: " + edges.size() + " edges, funnel " + Arrays.toString(counts));
    }

    /**
     * Closes the database.
     *
     * @throws SQLException if DuckDB fails
     */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
      connection.close();
    }
  }
}
