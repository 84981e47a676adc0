package io.cemkit.examples.jdbc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemkit.core.Cemkit;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.StorageException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.Versioned;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the JDBC adapters share: one transaction per operation on connections from the host's
 * {@link DataSource}, the translation of {@link SQLException}s into {@link StorageException}s with
 * an actionable message, and the JSON documents the records are stored as.
 */
final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** SQLState of a unique or primary key violation: the SQL standard's, used by H2 and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";

  /**
   * The statements of one operation, run on a connection with auto-commit off.
   *
   * @param <T> what the operation returns
   */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final String schemaDoc;
  private final ObjectMapper mapper = Cemkit.objectMapper();

  /**
   * @param dataSource where connections come from
   * @param schemaDoc the class whose Javadoc shows the expected schema, named in messages
   */
  Database(DataSource dataSource, String schemaDoc) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.schemaDoc = schemaDoc;
  }

  /**
   * Runs {@code work} in a transaction of its own: committed if it returns, rolled back if it
   * throws, so a failed operation leaves the tables as they were. The connection's auto-commit
   * setting is restored before it is closed (returned to the host's pool).
   *
   * @param action what is being done, for messages: "update agreement AG-42"
   * @param work the statements
   * @param <T> what the work returns
   * @return what the work returned
   * @throws StorageException for any {@link SQLException}, with a message such as "Cannot update
   *     agreement AG-42: ..." that ends with what to check. If {@code commit()} itself fails the
   *     outcome is unknown (the database may have committed before the connection broke), and the
   *     message says so
   * @throws RuntimeException what {@code work} throws (a refusal such as a stale write), unchanged,
   *     after the rollback
   */
  <T> T inTransaction(String action, Work<T> work) {
    T result = null;
    boolean committing = false;
    boolean committed = false;
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        result = work.run(connection);
        committing = true;
        connection.commit();
        committed = true;
      } catch (SQLException | RuntimeException | Error e) {
        undo(connection, autoCommit, e);
        throw e;
      }
      connection.setAutoCommit(autoCommit);
      return result;
    } catch (SQLException e) {
      if (committed) {
        // The data is written; throwing would tell the caller it is not. The pool sees the broken
        // connection when it next validates it.
        LOG.warn("{}: committed, but the connection could not be reset or closed afterwards", action, e);
        return result;
      }
      throw failure(action, e, committing);
    }
  }

  private static void undo(Connection connection, boolean autoCommit, Throwable failure) {
    // One try for both: if the rollback fails, turning auto-commit back on would commit what is left.
    try {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Whether a statement failed because a row with the same primary key exists.
   *
   * @param e the failure
   * @return true for a unique or primary key violation
   */
  static boolean isDuplicateKey(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  /**
   * The exception for a failed statement: what was being done, the database's message and SQLState,
   * whether anything may have been written, and what to check.
   *
   * @param action what was being done: "update agreement AG-42"
   * @param e the database's exception, kept as the cause
   * @param inCommit whether {@code commit()} failed: the database may have committed before the
   *     connection failed, and no client can tell
   * @return the exception to throw
   */
  private StorageException failure(String action, SQLException e, boolean inCommit) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    // The driver's own message may quote the values being written; it stays in the cause only.
    return new StorageException("Cannot " + action + ": the database refused it (" + e.getClass().getSimpleName()
        + ", SQLState " + state + ", error code " + e.getErrorCode() + "). "
        + (inCommit ? "The commit failed, so the database may or may not have written the change: read it back "
            + "before retrying; " : "Nothing was written; ")
        + hint(state), e);
  }

  private String hint(String state) {
    if (state.startsWith("08")) {
      return "check that the database is running and reachable and that the DataSource's URL is right.";
    }
    if (state.startsWith("28")) {
      return "check the DataSource's user and password.";
    }
    if (state.startsWith("40")) {
      return "the database rolled the transaction back (deadlock or serialization conflict); retry the operation.";
    }
    if (state.startsWith("HYT")) {
      return "the database timed out, e.g. waiting for a row another transaction holds; retry the operation, "
          + "or raise the database's lock timeout.";
    }
    if (state.startsWith("42") || state.startsWith("22") || state.startsWith("23")) {
      return "check that the tables, columns and indexes are those in the Javadoc of " + schemaDoc
          + " and that the database user may read and write them.";
    }
    return "see the cause.";
  }

  /**
   * A record as the JSON document stored in its row.
   *
   * @param value the record
   * @param kind the kind of record, for the message
   * @param id its id, for the message
   * @return the JSON text
   * @throws StorageException if it cannot be written as JSON
   */
  String encode(Object value, String kind, String id) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StorageException("Cannot write " + kind + " " + id + " as JSON" + where(e) + "; see the cause", e);
    }
  }

  /**
   * A record read back from the JSON document in its row.
   *
   * @param json the JSON text
   * @param type the record type
   * @param id the row's id, for the message
   * @param <V> the record type
   * @return the record
   * @throws StorageException if the document is not a valid record of that type
   */
  <V> V decode(String json, Class<V> type, String id) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote values of personal fields; it stays in the cause only.
      throw new StorageException(type.getSimpleName() + " " + id + " is stored as a JSON document that does not "
          + "read back as " + type.getSimpleName() + where(e) + ". The row was changed outside cemkit or written "
          + "by an incompatible version: restore or migrate it", e);
    }
  }

  private static String where(JsonProcessingException e) {
    if (e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()) {
      StringBuilder path = new StringBuilder(" (at $");
      for (JsonMappingException.Reference step : ((JsonMappingException) e).getPath()) {
        if (step.getFieldName() != null) {
          path.append('.').append(step.getFieldName());
        } else if (step.getIndex() >= 0) {
          path.append('[').append(step.getIndex()).append(']');
        }
      }
      return path.append(')').toString();
    }
    JsonLocation location = e.getLocation();
    return location == null ? "" : " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /**
   * One table of JSON documents with a revision column ({@code id, revision, doc}, plus whatever
   * columns the store's queries need): the read and the optimistic update both stores share.
   *
   * @param <T> the record type
   */
  final class Documents<T> {
    private final String kind;
    private final Class<T> type;
    private final BiConsumer<T, T> updateRule;
    private final String find;
    private final String lock;
    private final String update;
    private final String revision;

    /**
     * Describes a table.
     *
     * @param table the table's name: a constant of the store, never input
     * @param kind the kind of record, for messages
     * @param type the record type
     * @param updateRule the SPI's {@code checkUpdate(stored, next)}
     */
    Documents(String table, String kind, Class<T> type, BiConsumer<T, T> updateRule) {
      this.kind = kind;
      this.type = type;
      this.updateRule = updateRule;
      this.find = "SELECT revision, doc FROM " + table + " WHERE id = ?";
      this.lock = find + " FOR UPDATE";
      this.update = "UPDATE " + table + " SET doc = ?, revision = revision + 1 WHERE id = ? AND revision = ?";
      this.revision = "SELECT revision FROM " + table + " WHERE id = ?";
    }

    /**
     * Reads a record.
     *
     * @param connection the transaction's connection
     * @param id the id
     * @param forUpdate whether to lock the row until the transaction ends
     * @return the record and its revision, or empty
     * @throws SQLException if the database fails
     */
    Optional<Versioned<T>> read(Connection connection, String id, boolean forUpdate) throws SQLException {
      try (PreparedStatement query = connection.prepareStatement(forUpdate ? lock : find)) {
        query.setString(1, id);
        try (ResultSet row = query.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          return Optional.of(Versioned.of(decode(row.getString("doc"), type, id), row.getLong("revision")));
        }
      }
    }

    /**
     * Replaces a record if it is stored at {@code expectedRevision} and the SPI's rules allow it.
     *
     * @param connection the transaction's connection
     * @param value the new state
     * @param id its id
     * @param doc its JSON document
     * @param expectedRevision the revision the change is based on
     * @return the record at the next revision
     * @throws SQLException if the database fails
     */
    Versioned<T> update(Connection connection, T value, String id, String doc, long expectedRevision)
        throws SQLException {
      String noun = kind.toLowerCase(java.util.Locale.ROOT);
      Versioned<T> stored = read(connection, id, true)
          .orElseThrow(() -> new UnknownEntityException(kind, id, "only stored " + noun + "s can be updated"));
      if (stored.revision() != expectedRevision) {
        throw new StaleWriteException(kind, id, expectedRevision, stored.revision());
      }
      updateRule.accept(stored.value(), value);
      try (PreparedStatement statement = connection.prepareStatement(update)) {
        statement.setString(1, doc);
        statement.setString(2, id);
        statement.setLong(3, expectedRevision);
        if (statement.executeUpdate() != 1) {
          // Not reached while the row is locked; kept so the check holds on databases without locks.
          throw refusal(connection, id, expectedRevision, noun);
        }
      }
      return Versioned.of(value, expectedRevision + 1);
    }

    /** Why an update at {@code expectedRevision} changed no row: the row is gone, or its revision moved. */
    private RuntimeException refusal(Connection connection, String id, long expectedRevision, String noun)
        throws SQLException {
      try (PreparedStatement query = connection.prepareStatement(revision)) {
        query.setString(1, id);
        try (ResultSet row = query.executeQuery()) {
          return row.next() ? new StaleWriteException(kind, id, expectedRevision, row.getLong("revision"))
              : new UnknownEntityException(kind, id, "only stored " + noun + "s can be updated");
        }
      }
    }
  }
}
