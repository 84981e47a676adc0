package io.cemkit.examples.jdbc;

import static io.cemkit.examples.jdbc.Samples.AGREEMENT;
import static io.cemkit.examples.jdbc.Samples.DANA;
import static io.cemkit.examples.jdbc.Samples.T0;
import static io.cemkit.examples.jdbc.Samples.active;
import static io.cemkit.examples.jdbc.Samples.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.Interaction;
import io.cemkit.core.StorageException;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.Versioned;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The schema the adapters create, and the limits of its columns. */
class JdbcSchemaTest {
  private static final Instant FIRST = LocalDateTime.MIN.toInstant(ZoneOffset.UTC);
  private static final Instant LAST = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);

  private final H2Database h2 = H2Database.fresh();

  @AfterEach
  void dropDatabase() throws SQLException {
    h2.close();
  }

  @Test
  @DisplayName("a store created over a database that has the tables already keeps their rows")
  void reopeningKeepsRows() {
    JdbcAgreementStore.create(h2.dataSource()).insert(active());
    Interaction call = call("I-1", T0);
    JdbcInteractionLog.create(h2.dataSource()).append(call);

    assertThat(JdbcAgreementStore.create(h2.dataSource()).find(AGREEMENT)).contains(Versioned.of(active(), 1));
    assertThat(JdbcInteractionLog.create(h2.dataSource()).recent(DANA, 5)).containsExactly(call);
  }

  @Test
  @DisplayName("between accepts any instants, Instant.MIN and Instant.MAX included, and keeps the range half-open")
  void betweenAcceptsAnyInstants() {
    InteractionLog log = JdbcInteractionLog.create(h2.dataSource());
    Interaction first = call("I-first", FIRST);
    Interaction middle = call("I-middle", T0);
    Interaction last = call("I-last", LAST);
    log.append(middle);
    log.append(last);
    log.append(first);

    assertThat(log.between(DANA, Instant.MIN, Instant.MAX)).containsExactly(first, middle, last);
    assertThat(log.between(DANA, FIRST, LAST)).containsExactly(first, middle);
    assertThat(log.between(DANA, T0, Instant.MAX)).containsExactly(middle, last);
    assertThat(log.between(DANA, Instant.MIN, T0)).containsExactly(first);
    assertThat(log.between(DANA, Instant.MIN, FIRST)).isEmpty();
    assertThat(log.between(DANA, Instant.MAX, Instant.MIN)).isEmpty();
    assertThat(log.recent(DANA, 3)).containsExactly(last, middle, first);
  }

  @Test
  @DisplayName("an interaction that starts beyond what started_at holds is refused with StorageException, and nothing is written")
  void startBeyondColumnRange() {
    InteractionLog log = JdbcInteractionLog.create(h2.dataSource());

    assertThatThrownBy(() -> log.append(call("I-1", Instant.MAX))).isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot append interaction I-1: it starts at +1000000000-12-31T23:59:59.999999999Z, "
            + "outside what the started_at column holds")
        .hasCauseInstanceOf(DateTimeException.class);
    assertThat(log.between(DANA, Instant.MIN, Instant.MAX)).isEmpty();
  }
}
