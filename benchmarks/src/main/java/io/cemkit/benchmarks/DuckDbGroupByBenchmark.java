package io.cemkit.benchmarks;

import io.cemkit.nps.NpsTally;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * "NPS per branch" over {@value Rows#COUNT} rows and {@value Rows#GROUPS} branches, two ways side
 * by side in one JMH run: {@link NpsTally#byKey(int[], int[], int)} on the {@code int[]} columns,
 * reading promoters, passives and detractors of every branch, against an in-memory DuckDB table
 * of the same rows queried with
 * {@code SELECT branch, count(*) FILTER (WHERE score >= 9), ... GROUP BY branch}, reading every
 * row of the result. DuckDB runs once with {@code SET threads = 1} (the one-core comparison; the
 * tally is single-threaded) and once with its default thread count (one per core).
 *
 * <p>The table is loaded once per trial with the DuckDB appender and checked against the tallies,
 * so the measurement is the query alone, prepared once. Scores are rows per second; the research
 * note's target is byKey ≥ 10× DuckDB.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DuckDbGroupByBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}
 * after {@code mvn -B clean verify -pl benchmarks -am -DskipTests}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DuckDbGroupByBenchmark {
  static final String QUERY = "SELECT branch,"
      + " count(*) FILTER (WHERE score >= 9),"
      + " count(*) FILTER (WHERE score BETWEEN 7 AND 8),"
      + " count(*) FILTER (WHERE score <= 6)"
      + " FROM t GROUP BY branch";

  /** Creates the benchmark; JMH instantiates it. */
  public DuckDbGroupByBenchmark() {
    // Stateless: the data is in Rows and DuckDb.
  }

  /**
   * The tally: one pass over both columns, then the three category counts of every branch.
   *
   * @param rows the data
   * @param blackhole sink for the counts
   */
  @Benchmark
  @OperationsPerInvocation(Rows.COUNT)
  public void cemkitByKey(Rows rows, Blackhole blackhole) {
    NpsTally[] tallies = NpsTally.byKey(rows.keys, rows.scores, Rows.GROUPS);
    for (int branch = 0; branch < tallies.length; branch++) {
      blackhole.consume(branch);
      blackhole.consume(tallies[branch].promoters());
      blackhole.consume(tallies[branch].passives());
      blackhole.consume(tallies[branch].detractors());
    }
  }

  /**
   * The same on all cores ({@link NpsTally#parallelByKey}): chunks tallied in parallel and merged,
   * the fair match for DuckDB's default thread count.
   *
   * @param rows the data
   * @param blackhole sink for the counts
   */
  @Benchmark
  @OperationsPerInvocation(Rows.COUNT)
  public void cemkitParallelByKey(Rows rows, Blackhole blackhole) {
    NpsTally[] tallies = NpsTally.parallelByKey(rows.keys, rows.scores, Rows.GROUPS);
    for (int branch = 0; branch < tallies.length; branch++) {
      blackhole.consume(branch);
      blackhole.consume(tallies[branch].promoters());
      blackhole.consume(tallies[branch].passives());
      blackhole.consume(tallies[branch].detractors());
    }
  }

  /**
   * The query over the loaded table, every result row read.
   *
   * @param duckDb the loaded database
   * @param blackhole sink for the counts
   * @throws SQLException if DuckDB fails
   */
  @Benchmark
  @OperationsPerInvocation(Rows.COUNT)
  public void duckDbGroupBy(DuckDb duckDb, Blackhole blackhole) throws SQLException {
    try (ResultSet result = duckDb.query.executeQuery()) {
      while (result.next()) {
        blackhole.consume(result.getInt(1));
        blackhole.consume(result.getLong(2));
        blackhole.consume(result.getLong(3));
        blackhole.consume(result.getLong(4));
      }
    }
  }

  /** An in-memory DuckDB holding the rows of {@link Rows} as table {@code t(branch, score)}. */
  @State(Scope.Benchmark)
  public static class DuckDb {
    /** DuckDB's {@code threads} setting: a number, or {@code default} to leave it at one per core. */
    @Param({"1", "default"})
    public String threads;

    Connection connection;
    PreparedStatement query;

    /** Creates the state; JMH calls {@link #load(Rows)} before the first measurement. */
    public DuckDb() {
      // Opened by load(Rows).
    }

    /**
     * Opens the database, loads the rows and checks the query against the tallies.
     *
     * @param rows the data
     * @throws SQLException if DuckDB fails
     */
    @Setup(Level.Trial)
    public void load(Rows rows) throws SQLException {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        if (!"default".equals(threads)) {
          statement.execute("SET threads = " + Integer.parseInt(threads));
        }
        statement.execute("CREATE TABLE t (branch INTEGER NOT NULL, score INTEGER NOT NULL)");
      }
      try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
          .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t")) {
        for (int i = 0; i < rows.keys.length; i++) {
          appender.beginRow().append(rows.keys[i]).append(rows.scores[i]).endRow();
        }
      }
      query = connection.prepareStatement(QUERY);
      check(rows);
    }

    /** The benchmark compares equal work only: DuckDB's answer must be the tallies' answer. */
    private void check(Rows rows) throws SQLException {
      NpsTally[] tallies = NpsTally.byKey(rows.keys, rows.scores, Rows.GROUPS);
      int groups = 0;
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          NpsTally tally = tallies[result.getInt(1)];
          if (result.getLong(2) != tally.promoters() || result.getLong(3) != tally.passives()
              || result.getLong(4) != tally.detractors()) {
            throw new IllegalStateException("DuckDB and NpsTally.byKey disagree on branch "
                + result.getInt(1) + ": " + result.getLong(2) + "/" + result.getLong(3) + "/"
                + result.getLong(4) + " against " + tally);
          }
          groups++;
        }
      }
      if (groups != Rows.GROUPS) {
        throw new IllegalStateException("DuckDB returned " + groups + " branches, expected " + Rows.GROUPS);
      }
      try (Statement statement = connection.createStatement();
          ResultSet setting = statement.executeQuery("SELECT current_setting('threads')")) {
        setting.next();
        System.out.println("DuckDB " + connection.getMetaData().getDatabaseProductVersion()
            + ", threads = " + setting.getString(1) + ", " + rows.keys.length + " rows loaded and checked");
      }
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
