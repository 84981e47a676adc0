package io.cemkit.examples.jdbc;

import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementId;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.Versioned;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link AgreementStore} over a SQL database, in plain JDBC: the example of how a host plugs its
 * own database into cemkit. It passes {@code io.cemkit.testkit.AgreementStoreContract} on an
 * embedded H2 database ({@code JdbcAgreementStoreContractTest}).
 *
 * <h2>Schema</h2>
 *
 * <p>{@link #create} creates the table and its index if they do not exist:
 *
 * <pre>{@code
 * CREATE TABLE IF NOT EXISTS cemkit_agreement (
 *   id          VARCHAR(128) PRIMARY KEY,
 *   customer_id VARCHAR(128) NOT NULL,
 *   revision    BIGINT       NOT NULL,
 *   doc         CLOB         NOT NULL
 * );
 * CREATE INDEX IF NOT EXISTS cemkit_agreement_by_customer ON cemkit_agreement (customer_id, id);
 * }</pre>
 *
 * <p>Each agreement is one row: its whole aggregate (versions, assets, amendments and every event)
 * is the JSON document in {@code doc}, written and read with {@link io.cemkit.core.Cemkit#objectMapper()};
 * the other columns are copies of what the queries need. Ids are codes of at most 128 characters.
 *
 * <h2>How each rule of the contract is kept</h2>
 * <ul>
 *   <li>Every operation is one transaction (auto-commit off, then commit or rollback), so a failed
 *       operation leaves the table as it was. The one exception is inherent in any database client:
 *       if the connection breaks during the commit itself, the database may have committed, and the
 *       {@link io.cemkit.core.StorageException}'s message says to read the record back before
 *       retrying.
 *   <li>{@link #insert} relies on the primary key: the database refuses a second row with the same id
 *       (SQLState 23505) even when two inserts race, and the adapter reports
 *       {@link DuplicateEntityException}.
 *   <li>{@link #update} reads the stored row {@code FOR UPDATE}, which makes concurrent updates of the
 *       same agreement wait for each other; it refuses an unknown id
 *       ({@link UnknownEntityException}) or another revision ({@link StaleWriteException}), calls
 *       {@link AgreementStore#checkUpdate} on the stored and the new agreement (history is
 *       append-only), and only then writes with
 *       {@code UPDATE ... SET revision = revision + 1 WHERE id = ? AND revision = ?}. The revision in
 *       the {@code WHERE} clause is the optimistic check; it would still refuse a lost update on a
 *       database without row locks.
 *   <li>Any other {@link SQLException} and any JSON failure is thrown as
 *       {@link io.cemkit.core.StorageException} saying what was being done ("Cannot update agreement
 *       AG-42"), with the SQLState, what to check, and the database's exception as the cause.
 * </ul>
 *
 * <h2>Adapting it to another database</h2>
 *
 * <p>Copy the class and change the SQL where the database differs. For PostgreSQL: {@code doc TEXT}
 * (or {@code JSONB}, bound with {@code setObject(i, json, Types.OTHER)}; the mapper does not mind that
 * JSONB reorders keys) and {@code id VARCHAR(128) COLLATE "C"}, so that {@link #forCustomer} orders
 * ids character by character as cemkit's in-memory store does instead of by the locale's rules;
 * PostgreSQL reports duplicates with the same SQLState 23505 and supports {@code FOR UPDATE}. On a
 * database that reports duplicates otherwise (MySQL: SQLState 23000, error 1062) change the duplicate
 * check. Then run the contract tests against it: extend {@code AgreementStoreContract} and return a
 * store over a fresh schema from {@code create()}.
 *
 * <p>Thread-safe: the instance holds no state of its own besides the {@link DataSource}, which must
 * hand out a separate connection per call (any pool does).
 */
public final class JdbcAgreementStore implements AgreementStore {
  private static final String KIND = "Agreement";

  private static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS cemkit_agreement ("
      + "id VARCHAR(128) PRIMARY KEY, "
      + "customer_id VARCHAR(128) NOT NULL, "
      + "revision BIGINT NOT NULL, "
      + "doc CLOB NOT NULL)";
  private static final String CREATE_INDEX =
      "CREATE INDEX IF NOT EXISTS cemkit_agreement_by_customer ON cemkit_agreement (customer_id, id)";
  private static final String INSERT =
      "INSERT INTO cemkit_agreement (id, customer_id, revision, doc) VALUES (?, ?, 1, ?)";
  private static final String FOR_CUSTOMER =
      "SELECT id, revision, doc FROM cemkit_agreement WHERE customer_id = ? ORDER BY id";

  private final Database database;
  private final Database.Documents<Agreement> documents;

  private JdbcAgreementStore(DataSource dataSource) {
    this.database = new Database(dataSource, JdbcAgreementStore.class.getName());
    this.documents = database.new Documents<>("cemkit_agreement", KIND, Agreement.class, AgreementStore::checkUpdate);
  }

  /**
   * A store over the database behind {@code dataSource}; creates the table and index shown above if
   * they do not exist, and keeps the rows of those that do.
   *
   * @param dataSource hands out connections to the database
   * @return the store
   * @throws io.cemkit.core.StorageException if the schema cannot be created
   */
  public static JdbcAgreementStore create(DataSource dataSource) {
    JdbcAgreementStore store = new JdbcAgreementStore(dataSource);
    store.database.inTransaction("create the table cemkit_agreement and its index", connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(CREATE_TABLE);
        statement.execute(CREATE_INDEX);
      }
      return null;
    });
    return store;
  }

  /**
   * {@inheritDoc}
   *
   * @throws DuplicateEntityException if an agreement with the same id is stored
   * @throws io.cemkit.core.StorageException if the database fails
   */
  @Override
  public Versioned<Agreement> insert(Agreement agreement) {
    Objects.requireNonNull(agreement, "agreement");
    String id = agreement.id().value();
    String doc = database.encode(agreement, "agreement", id);
    return database.inTransaction("insert agreement " + id, connection -> {
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        insert.setString(1, id);
        insert.setString(2, agreement.customer().value());
        insert.setString(3, doc);
        insert.executeUpdate();
      } catch (SQLException e) {
        if (Database.isDuplicateKey(e)) {
          throw new DuplicateEntityException(KIND, id);
        }
        throw e;
      }
      return Versioned.of(agreement, 1);
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.cemkit.core.StorageException if the database fails or the stored document is not a
   *     valid agreement
   */
  @Override
  public Optional<Versioned<Agreement>> find(AgreementId id) {
    Objects.requireNonNull(id, "id");
    return database.inTransaction("find agreement " + id.value(), connection -> documents.read(connection, id.value(), false));
  }

  /**
   * {@inheritDoc}
   *
   * @throws UnknownEntityException if no agreement has that id
   * @throws StaleWriteException if the stored revision is not {@code expectedRevision}
   * @throws IllegalArgumentException if the update breaks {@link AgreementStore#checkUpdate}
   * @throws io.cemkit.core.StorageException if the database fails
   */
  @Override
  public Versioned<Agreement> update(Agreement agreement, long expectedRevision) {
    Objects.requireNonNull(agreement, "agreement");
    String id = agreement.id().value();
    String doc = database.encode(agreement, "agreement", id);
    return database.inTransaction("update agreement " + id,
        connection -> documents.update(connection, agreement, id, doc, expectedRevision));
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.cemkit.core.StorageException if the database fails or a stored document is not a
   *     valid agreement
   */
  @Override
  public List<Versioned<Agreement>> forCustomer(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return database.inTransaction("list the agreements of customer " + customer.value(), connection -> {
      try (PreparedStatement query = connection.prepareStatement(FOR_CUSTOMER)) {
        query.setString(1, customer.value());
        try (ResultSet rows = query.executeQuery()) {
          List<Versioned<Agreement>> agreements = new ArrayList<>();
          while (rows.next()) {
            agreements.add(Versioned.of(database.decode(rows.getString("doc"), Agreement.class, rows.getString("id")),
                rows.getLong("revision")));
          }
          return List.copyOf(agreements);
        }
      }
    });
  }

  @Override
  public String toString() {
    return "JdbcAgreementStore[cemkit_agreement]";
  }
}
