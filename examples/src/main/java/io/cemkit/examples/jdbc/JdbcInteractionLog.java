package io.cemkit.examples.jdbc;

import io.cemkit.core.ClosedInteractionException;
import io.cemkit.core.CustomerId;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionId;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.StorageException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.Versioned;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link InteractionLog} over a SQL database, in plain JDBC: the example of how a host plugs its
 * own database into cemkit. It passes {@code io.cemkit.testkit.InteractionLogContract} on an
 * embedded H2 database ({@code JdbcInteractionLogContractTest}).
 *
 * <h2>Schema</h2>
 *
 * <p>{@link #create} creates the table and its index if they do not exist:
 *
 * <pre>{@code
 * CREATE TABLE IF NOT EXISTS cemkit_interaction (
 *   id          VARCHAR(128)             PRIMARY KEY,
 *   append_seq  BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL UNIQUE,
 *   customer_id VARCHAR(128)             NOT NULL,
 *   started_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
 *   revision    BIGINT                   NOT NULL,
 *   doc         CLOB                     NOT NULL
 * );
 * CREATE INDEX IF NOT EXISTS cemkit_interaction_by_customer
 *   ON cemkit_interaction (customer_id, started_at, append_seq);
 * }</pre>
 *
 * <p>Each interaction is one row: the interaction itself is the JSON document in {@code doc}, written
 * and read with {@link io.cemkit.core.Cemkit#objectMapper()}; the other columns are copies of what
 * the queries need. {@code append_seq} is numbered by the database as rows are inserted; it breaks
 * ties of start time in the order the SPI documents ({@link #recent}: newest append first;
 * {@link #between}: append order), and both queries read the same column, so they always agree.
 * {@code started_at} is stored in UTC with nanoseconds, so the index orders interactions exactly as
 * {@link Interaction#startedAt()} does. Ids are codes of at most 128 characters.
 *
 * <h2>How each rule of the contract is kept</h2>
 * <ul>
 *   <li>Every operation is one transaction (auto-commit off, then commit or rollback), so a failed
 *       operation leaves the table as it was. The one exception is inherent in any database client:
 *       if the connection breaks during the commit itself, the database may have committed, and the
 *       {@link io.cemkit.core.StorageException}'s message says to read the record back before
 *       retrying.
 *   <li>{@link #append} relies on the primary key: the database refuses a second row with the same
 *       id (SQLState 23505) even when two appends race, and the adapter reports
 *       {@link DuplicateEntityException}.
 *   <li>{@link #update} reads the stored row {@code FOR UPDATE}, which makes concurrent updates of the
 *       same interaction wait for each other; it refuses an unknown id ({@link UnknownEntityException})
 *       or another revision ({@link StaleWriteException}), calls {@link InteractionLog#checkUpdate} on
 *       the stored and the new interaction (a closed one is never changed:
 *       {@link ClosedInteractionException}), and only then writes with
 *       {@code UPDATE ... SET revision = revision + 1 WHERE id = ? AND revision = ?}. The revision in
 *       the {@code WHERE} clause is the optimistic check; it would still refuse a lost update on a
 *       database without row locks. {@code started_at} and {@code customer_id} are never updated:
 *       {@code checkUpdate} forbids changing them.
 *   <li>Any other {@link SQLException} and any JSON failure is thrown as
 *       {@link io.cemkit.core.StorageException} saying what was being done ("Cannot append
 *       interaction I-7"), with the SQLState, what to check, and the database's exception as the
 *       cause.
 * </ul>
 *
 * <h2>Adapting it to another database</h2>
 *
 * <p>Copy the class and change the SQL where the database differs. For PostgreSQL: {@code doc TEXT}
 * (or {@code JSONB}, bound with {@code setObject(i, json, Types.OTHER)}) and
 * {@code started_at TIMESTAMPTZ}, which keeps microseconds: interactions that start within the same
 * microsecond are then ordered by {@code append_seq}. {@code GENERATED ALWAYS AS IDENTITY},
 * {@code FOR UPDATE}, {@code FETCH FIRST ? ROWS ONLY} and SQLState 23505 for duplicates are the same
 * there. Where the database has no identity columns, fill {@code append_seq} from a sequence. Then run
 * the contract tests against it: extend {@code InteractionLogContract} and return a log over a fresh
 * schema from {@code create()}.
 *
 * <p>Thread-safe: the instance holds no state of its own besides the {@link DataSource}, which must
 * hand out a separate connection per call (any pool does).
 */
public final class JdbcInteractionLog implements InteractionLog {
  private static final String KIND = "Interaction";

  private static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS cemkit_interaction ("
      + "id VARCHAR(128) PRIMARY KEY, "
      + "append_seq BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL UNIQUE, "
      + "customer_id VARCHAR(128) NOT NULL, "
      + "started_at TIMESTAMP(9) WITH TIME ZONE NOT NULL, "
      + "revision BIGINT NOT NULL, "
      + "doc CLOB NOT NULL)";
  private static final String CREATE_INDEX = "CREATE INDEX IF NOT EXISTS cemkit_interaction_by_customer "
      + "ON cemkit_interaction (customer_id, started_at, append_seq)";
  private static final String APPEND =
      "INSERT INTO cemkit_interaction (id, customer_id, started_at, revision, doc) VALUES (?, ?, ?, 1, ?)";
  private static final String RECENT = "SELECT id, doc FROM cemkit_interaction WHERE customer_id = ? "
      + "AND started_at <= ? ORDER BY started_at DESC, append_seq DESC FETCH FIRST ? ROWS ONLY";
  private static final String BETWEEN = "SELECT id, doc FROM cemkit_interaction "
      + "WHERE customer_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at, append_seq";
  private static final String SINCE = "SELECT id, doc FROM cemkit_interaction "
      + "WHERE customer_id = ? AND started_at >= ? ORDER BY started_at, append_seq";

  /** The first and last instants {@code started_at} holds: those of {@link OffsetDateTime} in UTC. */
  private static final Instant FIRST = LocalDateTime.MIN.toInstant(ZoneOffset.UTC);
  private static final Instant LAST = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);

  private final Database database;
  private final Database.Documents<Interaction> documents;

  private JdbcInteractionLog(DataSource dataSource) {
    this.database = new Database(dataSource, JdbcInteractionLog.class.getName());
    this.documents = database.new Documents<>("cemkit_interaction", KIND, Interaction.class, InteractionLog::checkUpdate);
  }

  /**
   * A log over the database behind {@code dataSource}; creates the table and index shown above if
   * they do not exist, and keeps the rows of those that do.
   *
   * @param dataSource hands out connections to the database
   * @return the log
   * @throws io.cemkit.core.StorageException if the schema cannot be created
   */
  public static JdbcInteractionLog create(DataSource dataSource) {
    JdbcInteractionLog log = new JdbcInteractionLog(dataSource);
    log.database.inTransaction("create the table cemkit_interaction and its index", connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(CREATE_TABLE);
        statement.execute(CREATE_INDEX);
      }
      return null;
    });
    return log;
  }

  /**
   * {@inheritDoc}
   *
   * @throws DuplicateEntityException if an interaction with the same id is stored
   * @throws io.cemkit.core.StorageException if the database fails, or the interaction starts outside
   *     the years -999999999 to 999999999 that {@code started_at} holds
   */
  @Override
  public Versioned<Interaction> append(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction");
    String id = interaction.id().value();
    OffsetDateTime start;
    try {
      start = utc(interaction.startedAt());
    } catch (DateTimeException e) {
      throw new StorageException("Cannot append interaction " + id + ": it starts at " + interaction.startedAt()
          + ", outside what the started_at column holds (" + FIRST + " to " + LAST + "). Nothing was written", e);
    }
    String doc = database.encode(interaction, "interaction", id);
    return database.inTransaction("append interaction " + id, connection -> {
      try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
        insert.setString(1, id);
        insert.setString(2, interaction.customer().value());
        insert.setObject(3, start);
        insert.setString(4, doc);
        insert.executeUpdate();
      } catch (SQLException e) {
        if (Database.isDuplicateKey(e)) {
          throw new DuplicateEntityException(KIND, id);
        }
        throw e;
      }
      return Versioned.of(interaction, 1);
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.cemkit.core.StorageException if the database fails or the stored document is not a
   *     valid interaction
   */
  @Override
  public Optional<Versioned<Interaction>> find(InteractionId id) {
    Objects.requireNonNull(id, "id");
    return database.inTransaction("find interaction " + id.value(), connection -> documents.read(connection, id.value(), false));
  }

  /**
   * {@inheritDoc}
   *
   * @throws UnknownEntityException if no interaction has that id
   * @throws StaleWriteException if the stored revision is not {@code expectedRevision}
   * @throws ClosedInteractionException if the stored interaction is closed
   * @throws IllegalArgumentException if the update changes a field {@link InteractionLog#checkUpdate}
   *     keeps fixed
   * @throws io.cemkit.core.StorageException if the database fails
   */
  @Override
  public Versioned<Interaction> update(Interaction interaction, long expectedRevision) {
    Objects.requireNonNull(interaction, "interaction");
    String id = interaction.id().value();
    String doc = database.encode(interaction, "interaction", id);
    return database.inTransaction("update interaction " + id,
        connection -> documents.update(connection, interaction, id, doc, expectedRevision));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code limit} is below 1
   * @throws io.cemkit.core.StorageException if the database fails or a stored document is not a
   *     valid interaction
   */
  @Override
  public List<Interaction> recent(CustomerId customer, Instant asOf, int limit) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(asOf, "asOf");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (asOf.isBefore(FIRST)) {
      return List.of(); // nothing the started_at column holds starts that early
    }
    Instant latest = asOf.isAfter(LAST) ? LAST : asOf;
    return database.inTransaction("read the recent interactions of customer " + customer.value(),
        connection -> {
          try (PreparedStatement query = connection.prepareStatement(RECENT)) {
            query.setString(1, customer.value());
            query.setObject(2, utc(latest));
            query.setInt(3, limit);
            return interactions(query);
          }
        });
  }

  /**
   * {@inheritDoc} Any instants may be given, {@link Instant#MIN} and {@link Instant#MAX} included.
   *
   * @throws io.cemkit.core.StorageException if the database fails or a stored document is not a
   *     valid interaction
   */
  @Override
  public List<Interaction> between(CustomerId customer, Instant from, Instant until) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (!from.isBefore(until) || from.isAfter(LAST) || !until.isAfter(FIRST)) {
      return List.of();
    }
    // Bounds beyond what started_at holds cannot be bound as parameters; no stored start lies beyond them.
    Instant first = from.isBefore(FIRST) ? FIRST : from;
    boolean bounded = !until.isAfter(LAST);
    return database.inTransaction("read the interactions of customer " + customer.value() + " that started in ["
        + from + ", " + until + ")", connection -> {
          try (PreparedStatement query = connection.prepareStatement(bounded ? BETWEEN : SINCE)) {
            query.setString(1, customer.value());
            query.setObject(2, utc(first));
            if (bounded) {
              query.setObject(3, utc(until));
            }
            return interactions(query);
          }
        });
  }

  private List<Interaction> interactions(PreparedStatement query) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      List<Interaction> interactions = new ArrayList<>();
      while (rows.next()) {
        interactions.add(database.decode(rows.getString("doc"), Interaction.class, rows.getString("id")));
      }
      return List.copyOf(interactions);
    }
  }

  /** JDBC 4.2 maps {@code TIMESTAMP WITH TIME ZONE} to {@link OffsetDateTime}; {@link Instant} is not portable. */
  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Override
  public String toString() {
    return "JdbcInteractionLog[cemkit_interaction]";
  }
}
