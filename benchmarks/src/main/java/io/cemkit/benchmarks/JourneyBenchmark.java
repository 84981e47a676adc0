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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Observed journeys (J6) over {@value #EVENTS} events of {@value #CUSTOMERS} customers (1 to 19 events
 * each), 20 touchpoints in 6 stages, 5 channels, each customer's times strictly increasing, the log in
 * global time order (customers interleaved), side by side in one JMH run with an in-memory DuckDB table
 * {@code events(cust INTEGER, ts BIGINT, touchpoint SMALLINT, stage TINYINT, channel TINYINT)} holding the
 * same rows, {@code SET threads = 2}:
 * <ul>
 *   <li>transition graph with exact medians: {@link ObservedJourney#transitions()} (grouping included, one
 *       thread) against {@code LEAD(touchpoint), LEAD(ts) OVER (PARTITION BY cust ORDER BY ts)} then
 *       {@code count(*), avg(gap), median(gap) GROUP BY touchpoint, next};
 *   <li>funnel over the six stages: {@link ObservedJourney#funnelCounts} (grouping included, one thread)
 *       against chained joins, each step's {@code min(ts)} after the previous step's.
 * </ul>
 * The trial set-up checks that both sides agree (every edge's count and median, every step's count).
 * Scores are seconds per operation (single shot; lower is better).
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
  static final int EVENTS = 10_000_000;
  static final int CUSTOMERS = 1_000_000;
  static final Funnel FUNNEL = Funnel.of("s0", "s1", "s2", "s3", "s4", "s5");
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
   * Group and build the transition graph with exact medians.
   *
   * @param data the log
   * @param blackhole sink
   */
  @Benchmark
  public void cemkitTransitions(Data data, Blackhole blackhole) {
    blackhole.consume(data.log.observe().transitions());
  }

  /**
   * Group and count the funnel.
   *
   * @param data the log
   * @param blackhole sink
   */
  @Benchmark
  public void cemkitFunnel(Data data, Blackhole blackhole) {
    blackhole.consume(data.log.observe().funnelCounts(FUNNEL));
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

  /** The seeded log, as cemkit columns and as a DuckDB table. */
  @State(Scope.Benchmark)
  public static class Data {
    EventLog log;
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
      SplittableRandom random = new SplittableRandom(42);
      int[] cust = new int[EVENTS];
      long[] ts = new long[EVENTS];
      int[] tp = new int[EVENTS];
      int[] st = new int[EVENTS];
      int[] ch = new int[EVENTS];
      int e = 0;
      for (int c = 0; c < CUSTOMERS && e < EVENTS; c++) {
        int n = c == CUSTOMERS - 1 ? EVENTS - e : Math.min(EVENTS - e - (CUSTOMERS - 1 - c), 1 + random.nextInt(19));
        long t = random.nextLong(30L * 86_400) * 1_000_000_000L;
        int stage = random.nextInt(10) == 0 ? 1 + random.nextInt(2) : 0;
        int channel = random.nextInt(5);
        for (int i = 0; i < n; i++, e++) {
          t += (1 + random.nextLong(3_600)) * 1_000_000_000L;
          if (i > 0 && random.nextInt(3) == 0 && stage < 5) {
            stage++;
          }
          if (random.nextInt(4) == 0) {
            channel = random.nextInt(5);
          }
          cust[e] = c;
          ts[e] = t;
          st[e] = stage;
          tp[e] = stage < 5 ? stage * 3 + random.nextInt(3) : 15 + random.nextInt(5);
          ch[e] = channel;
        }
      }
      // Arrival in global time order, as a log is written.
      long[] key = new long[EVENTS];
      for (int i = 0; i < EVENTS; i++) {
        key[i] = (ts[i] / 1_000_000_000L) << 24 | i;
      }
      Arrays.sort(key);
      int[] c2 = new int[EVENTS];
      long[] t2 = new long[EVENTS];
      int[] tp2 = new int[EVENTS];
      int[] st2 = new int[EVENTS];
      int[] ch2 = new int[EVENTS];
      for (int i = 0; i < EVENTS; i++) {
        int from = (int) (key[i] & 0xFFFFFF);
        c2[i] = cust[from];
        t2[i] = ts[from];
        tp2[i] = tp[from];
        st2[i] = st[from];
        ch2[i] = ch[from];
      }
      List<String> tps = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "t" + i).toList();
      List<String> stages = java.util.stream.IntStream.range(0, 6).mapToObj(i -> "s" + i).toList();
      List<String> channels = List.of("web", "app", "phone", "branch", "email");
      log = EventLog.ofColumns(CUSTOMERS, t2, c2, tp2, st2, ch2, tps, stages, channels);
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = connection.createStatement()) {
        s.execute("SET threads = 2");
        s.execute("CREATE TABLE events (cust INTEGER, ts BIGINT, touchpoint SMALLINT, stage TINYINT, channel TINYINT)");
      }
      try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
          .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
        for (int i = 0; i < EVENTS; i++) {
          appender.beginRow().append(c2[i]).append(t2[i]).append((short) tp2[i]).append((byte) st2[i])
              .append((byte) ch2[i]).endRow();
        }
      }
      check();
    }

    private void check() throws SQLException {
      ObservedJourney observed = log.observe();
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
