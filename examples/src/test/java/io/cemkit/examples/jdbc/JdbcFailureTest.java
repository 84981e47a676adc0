package io.cemkit.examples.jdbc;

import static io.cemkit.examples.jdbc.Samples.AGREEMENT;
import static io.cemkit.examples.jdbc.Samples.DANA;
import static io.cemkit.examples.jdbc.Samples.T0;
import static io.cemkit.examples.jdbc.Samples.active;
import static io.cemkit.examples.jdbc.Samples.call;
import static io.cemkit.examples.jdbc.Samples.closed;
import static io.cemkit.examples.jdbc.Samples.suspended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cemkit.core.AgreementId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionId;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.StorageException;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.Versioned;
import io.cemkit.examples.jdbc.FaultyDataSource.Fault;
import java.sql.SQLException;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the contract kits cannot provoke: the database failing under the adapters. Each failure is a
 * {@link StorageException} that says what was being done, carries the database's exception, and
 * leaves the stored data as it was, which each test checks by reading it back once the database
 * works again.
 */
class JdbcFailureTest {
  private H2Database h2;
  private FaultyDataSource database;
  private AgreementStore agreements;
  private InteractionLog interactions;

  @BeforeEach
  void openDatabase() {
    h2 = H2Database.fresh();
    database = new FaultyDataSource(h2.dataSource());
    agreements = JdbcAgreementStore.create(database.dataSource());
    interactions = JdbcInteractionLog.create(database.dataSource());
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    h2.close();
  }

  private static void assertStorageFailure(ThrowingCallable operation, String action, String databaseMessage,
      String hint) {
    // The driver's text stays in the cause: it may quote the values being written.
    assertThatThrownBy(operation).isInstanceOf(StorageException.class)
        .hasMessageStartingWith(action + ": the database refused it (")
        .hasMessageContaining(hint)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(databaseMessage))
        .cause().isInstanceOf(SQLException.class).hasMessage(databaseMessage);
  }

  // ------------------------------------------------------------------ unreachable database

  @Test
  @DisplayName("creating a store on an unreachable database fails with StorageException naming the table and what to check")
  void unreachableAtCreation() {
    FaultyDataSource down = new FaultyDataSource(h2.dataSource());
    down.fail(Fault.CONNECT);

    assertStorageFailure(() -> JdbcAgreementStore.create(down.dataSource()),
        "Cannot create the table cemkit_agreement and its index", FaultyDataSource.CONNECT_FAILURE,
        "SQLState 08001, error code 0). Nothing was written; check that the database is running and reachable");
    assertStorageFailure(() -> JdbcInteractionLog.create(down.dataSource()),
        "Cannot create the table cemkit_interaction and its index", FaultyDataSource.CONNECT_FAILURE,
        "check that the database is running and reachable");
  }

  @Test
  @DisplayName("while the database is unreachable every agreement operation fails with StorageException saying what it was doing")
  void agreementOperationsWhileUnreachable() {
    agreements.insert(active());
    database.fail(Fault.CONNECT);
    String connect = FaultyDataSource.CONNECT_FAILURE;
    String hint = "reachable";

    assertStorageFailure(() -> agreements.insert(active(AgreementId.of("AG-43"))), "Cannot insert agreement AG-43",
        connect, hint);
    assertStorageFailure(() -> agreements.find(AGREEMENT), "Cannot find agreement AG-42", connect,
        "Nothing was written; check that the database is running and reachable");
    assertStorageFailure(() -> agreements.update(suspended(), 1), "Cannot update agreement AG-42", connect, hint);
    assertStorageFailure(() -> agreements.forCustomer(DANA), "Cannot list the agreements of customer C-1001", connect,
        hint);

    database.fail(Fault.NONE);
    assertThat(agreements.forCustomer(DANA)).containsExactly(Versioned.of(active(), 1));
  }

  @Test
  @DisplayName("while the database is unreachable every interaction operation fails with StorageException saying what it was doing")
  void interactionOperationsWhileUnreachable() {
    Interaction open = call("I-1", T0);
    interactions.append(open);
    database.fail(Fault.CONNECT);
    String connect = FaultyDataSource.CONNECT_FAILURE;
    String hint = "reachable";

    assertStorageFailure(() -> interactions.append(call("I-2", T0)), "Cannot append interaction I-2", connect, hint);
    assertStorageFailure(() -> interactions.find(open.id()), "Cannot find interaction I-1", connect, hint);
    assertStorageFailure(() -> interactions.update(closed(open), 1), "Cannot update interaction I-1", connect, hint);
    assertStorageFailure(() -> interactions.recent(DANA, 5), "Cannot read the recent interactions of customer C-1001",
        connect, hint);
    assertStorageFailure(() -> interactions.between(DANA, T0, T0.plus(Duration.ofHours(1))),
        "Cannot read the interactions of customer C-1001 that started in [2026-03-02T09:00:00Z, "
            + "2026-03-02T10:00:00Z)", connect, hint);

    database.fail(Fault.NONE);
    assertThat(interactions.recent(DANA, 5)).containsExactly(open);
  }

  // ------------------------------------------------------------------ failures inside a transaction

  @Test
  @DisplayName("an agreement update whose commit fails is rolled back: the stored agreement and its revision are as they were")
  void failedAgreementUpdateIsRolledBack() {
    agreements.insert(active());
    database.fail(Fault.COMMIT);

    assertStorageFailure(() -> agreements.update(suspended(), 1), "Cannot update agreement AG-42",
        FaultyDataSource.COMMIT_FAILURE, "SQLState 08006, error code 0). The commit failed, so the database may or may not have "
            + "written the change: read it back before retrying; check that the database is running");

    database.fail(Fault.NONE);
    assertThat(agreements.find(AGREEMENT)).contains(Versioned.of(active(), 1));
    assertThat(agreements.update(suspended(), 1)).isEqualTo(Versioned.of(suspended(), 2));
  }

  @Test
  @DisplayName("an agreement insert whose commit fails leaves no row: the id is still free")
  void failedAgreementInsertLeavesNothing() {
    database.fail(Fault.COMMIT);

    assertStorageFailure(() -> agreements.insert(active()), "Cannot insert agreement AG-42",
        FaultyDataSource.COMMIT_FAILURE, "reachable");

    database.fail(Fault.NONE);
    assertThat(agreements.find(AGREEMENT)).isEmpty();
    assertThat(agreements.forCustomer(DANA)).isEmpty();
    assertThat(agreements.insert(active())).isEqualTo(Versioned.of(active(), 1));
  }

  @Test
  @DisplayName("an append whose commit fails leaves the log as it was: no row, no gap in the order, the id still free")
  void failedAppendLeavesLogAsItWas() {
    Interaction first = call("I-1", T0);
    Interaction second = call("I-2", T0);
    interactions.append(first);
    database.fail(Fault.COMMIT);

    assertStorageFailure(() -> interactions.append(second), "Cannot append interaction I-2",
        FaultyDataSource.COMMIT_FAILURE, "reachable");

    database.fail(Fault.NONE);
    assertThat(interactions.find(second.id())).isEmpty();
    assertThat(interactions.recent(DANA, 10)).containsExactly(first);
    assertThat(interactions.append(second)).isEqualTo(Versioned.of(second, 1));
    assertThat(interactions.recent(DANA, 10)).containsExactly(second, first);
  }

  @Test
  @DisplayName("an interaction update whose commit fails is rolled back: it is still open, at its revision")
  void failedInteractionUpdateIsRolledBack() {
    Interaction open = call("I-1", T0);
    interactions.append(open);
    database.fail(Fault.COMMIT);

    assertStorageFailure(() -> interactions.update(closed(open), 1), "Cannot update interaction I-1",
        FaultyDataSource.COMMIT_FAILURE, "reachable");

    database.fail(Fault.NONE);
    assertThat(interactions.find(open.id())).contains(Versioned.of(open, 1));
    assertThat(interactions.update(closed(open), 1)).isEqualTo(Versioned.of(closed(open), 2));
  }

  @Test
  @DisplayName("a connection that fails to close after its transaction committed does not turn a written record into a failure")
  void closeFailureAfterCommit() {
    Interaction open = call("I-1", T0);
    database.fail(Fault.CLOSE);

    assertThat(agreements.insert(active())).isEqualTo(Versioned.of(active(), 1));
    assertThat(interactions.append(open)).isEqualTo(Versioned.of(open, 1));

    database.fail(Fault.NONE);
    assertThat(agreements.find(AGREEMENT)).contains(Versioned.of(active(), 1));
    assertThat(interactions.find(open.id())).contains(Versioned.of(open, 1));
  }

  // ------------------------------------------------------------------ the schema changed behind the adapter's back

  @Test
  @DisplayName("a table dropped behind the adapter's back fails with StorageException pointing to the documented schema")
  void droppedTable() throws SQLException {
    h2.execute("DROP TABLE cemkit_interaction");

    assertThatThrownBy(() -> interactions.append(call("I-1", T0))).isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot append interaction I-1: ")
        .hasMessageContaining("SQLState 42S02, error code 42102). Nothing was written; check that the tables, columns "
            + "and indexes are those in the Javadoc of io.cemkit.examples.jdbc.JdbcInteractionLog")
        .cause().isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42S02"));
    assertThatThrownBy(() -> interactions.recent(DANA, 1)).isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot read the recent interactions of customer C-1001: ")
        .hasCauseInstanceOf(SQLException.class);
  }

  @Test
  @DisplayName("a stored document that no longer reads as its type fails with StorageException naming the row and the field, not the content")
  void unreadableDocument() throws SQLException {
    interactions.append(call("I-1", T0));
    h2.execute("UPDATE cemkit_interaction SET doc = REPLACE(doc, '\"2026-03-02T09:00:00Z\"', "
        + "'\"Dana called about her divorce\"') WHERE id = 'I-1'");

    assertThatThrownBy(() -> interactions.find(InteractionId.of("I-1"))).isInstanceOf(StorageException.class)
        .hasMessage("Interaction I-1 is stored as a JSON document that does not read back as Interaction "
            + "(at $.startedAt). The row was changed outside cemkit or written by an incompatible version: restore or "
            + "migrate it")
        .hasCauseInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> interactions.recent(DANA, 1)).isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Interaction I-1 is stored as a JSON document")
        .hasMessageNotContaining("divorce");
  }

  @Test
  @DisplayName("an update of a corrupted row fails with StorageException and does not overwrite it")
  void corruptedRowIsNotOverwritten() throws SQLException {
    agreements.insert(active());
    h2.execute("UPDATE cemkit_agreement SET doc = '{\"id\": \"AG-42\"' WHERE id = 'AG-42'");

    assertThatThrownBy(() -> agreements.update(suspended(), 1)).isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Agreement AG-42 is stored as a JSON document that does not read back as Agreement")
        .hasCauseInstanceOf(JsonProcessingException.class);

    assertThat(h2.queryString("SELECT revision || ' ' || doc FROM cemkit_agreement WHERE id = 'AG-42'"))
        .isEqualTo("1 {\"id\": \"AG-42\"");
  }

  // ------------------------------------------------------------------ connection state

  @Test
  @DisplayName("every operation, whether it succeeds, is refused or fails, hands its connection back with auto-commit restored")
  void connectionStateRestored() {
    agreements.insert(active());
    agreements.update(suspended(), 1);
    assertThatThrownBy(() -> agreements.update(suspended(), 1)).isInstanceOf(StaleWriteException.class);
    assertThatThrownBy(() -> agreements.insert(active())).isInstanceOf(DuplicateEntityException.class);
    assertThatThrownBy(() -> interactions.recent(DANA, 0)).isInstanceOf(IllegalArgumentException.class);
    interactions.append(call("I-1", T0));
    database.fail(Fault.COMMIT);
    assertThatThrownBy(() -> interactions.update(closed(call("I-1", T0)), 1)).isInstanceOf(StorageException.class);
    database.fail(Fault.NONE);
    agreements.find(AGREEMENT);

    // the two schema creations, then each operation above that reached the database: 9 connections
    assertThat(database.autoCommitAtClose()).hasSize(9).containsOnly(true);
  }
}
