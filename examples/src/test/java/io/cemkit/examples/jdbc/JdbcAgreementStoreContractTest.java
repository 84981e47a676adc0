package io.cemkit.examples.jdbc;

import io.cemkit.core.spi.AgreementStore;
import io.cemkit.testkit.AgreementStoreContract;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The JDBC adapter passes the contract every AgreementStore must pass, on a fresh H2 database per test. */
class JdbcAgreementStoreContractTest extends AgreementStoreContract {
  private H2Database database;

  @Override
  protected AgreementStore create() {
    database = H2Database.fresh();
    return JdbcAgreementStore.create(database.dataSource());
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    database.close();
  }
}
