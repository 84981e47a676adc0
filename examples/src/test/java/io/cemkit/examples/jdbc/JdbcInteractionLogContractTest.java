package io.cemkit.examples.jdbc;

import io.cemkit.core.spi.InteractionLog;
import io.cemkit.testkit.InteractionLogContract;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The JDBC adapter passes the contract every InteractionLog must pass, on a fresh H2 database per test. */
class JdbcInteractionLogContractTest extends InteractionLogContract {
  private H2Database database;

  @Override
  protected InteractionLog create() {
    database = H2Database.fresh();
    return JdbcInteractionLog.create(database.dataSource());
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    database.close();
  }
}
