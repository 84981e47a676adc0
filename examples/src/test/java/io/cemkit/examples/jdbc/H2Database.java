package io.cemkit.examples.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database for one test, dropped by {@link #close()}. */
final class H2Database implements AutoCloseable {
  private final JdbcDataSource dataSource = new JdbcDataSource();

  private H2Database() {
    // DB_CLOSE_DELAY=-1 keeps the database while no connection is open: the adapters close theirs
    // after every operation.
    dataSource.setURL("jdbc:h2:mem:cemkit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    dataSource.setPassword("");
  }

  static H2Database fresh() {
    return new H2Database();
  }

  JdbcDataSource dataSource() {
    return dataSource;
  }

  /** Runs a statement behind the adapters' back, as another program sharing the database would. */
  void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The single value a query returns, read behind the adapters' back. */
  String queryString(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      if (!result.next()) {
        throw new AssertionError("No row for " + sql);
      }
      return result.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    execute("SHUTDOWN");
  }
}
