package io.cemkit.core.spi;

import io.cemkit.core.Agreement;
import io.cemkit.core.AgreementId;
import io.cemkit.core.CustomerId;
import io.cemkit.core.internal.InMemoryAgreementStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where agreements are kept, with their versions and their whole history (an {@link Agreement}
 * carries both). {@link #inMemory()} is the default; {@code io.cemkit.testkit.AgreementStoreContract}
 * is the test kit every implementation must pass.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #insert} stores a new agreement at revision 1; an existing id fails with
 *       {@link io.cemkit.core.DuplicateEntityException}.
 *   <li>{@link #find} returns empty for an unknown id.
 *   <li>{@link #update} replaces the agreement only if its stored revision is
 *       {@code expectedRevision} ({@link io.cemkit.core.StaleWriteException} otherwise,
 *       {@link io.cemkit.core.UnknownEntityException} for an unknown id), and only if the new
 *       agreement extends the stored history ({@link #checkUpdate}): history is append-only.
 *   <li>{@link #forCustomer} returns a customer's agreements ordered by id, compared character by
 *       character as {@link String#compareTo} does (a database adapter must use a binary collation,
 *       e.g. {@code COLLATE "C"} in PostgreSQL, not a locale's).
 *   <li>Every operation is atomic and safe to call from many threads; storage failures are thrown
 *       as {@link io.cemkit.core.StorageException} with the cause.
 * </ul>
 */
public interface AgreementStore {

  /**
   * Stores a new agreement.
   *
   * @param agreement the agreement
   * @return the agreement at revision 1
   */
  Versioned<Agreement> insert(Agreement agreement);

  /**
   * Reads an agreement.
   *
   * @param id the id
   * @return the agreement and its revision, or empty
   */
  Optional<Versioned<Agreement>> find(AgreementId id);

  /**
   * Replaces an agreement if it was not changed since {@code expectedRevision}.
   *
   * @param agreement the new state, whose history extends the stored one
   * @param expectedRevision the revision the change is based on
   * @return the agreement at the next revision
   */
  Versioned<Agreement> update(Agreement agreement, long expectedRevision);

  /**
   * A customer's agreements.
   *
   * @param customer the customer
   * @return the agreements, ordered by id
   */
  List<Versioned<Agreement>> forCustomer(CustomerId customer);

  /**
   * The in-memory store: thread-safe, for tests, demos and hosts without their own.
   *
   * @return a new empty store
   */
  static AgreementStore inMemory() {
    return new InMemoryAgreementStore();
  }

  /**
   * The rules every update must respect; implementations call this before writing.
   *
   * @param stored the stored agreement
   * @param next the new state
   * @throws IllegalArgumentException if the id or customer changes, or the stored history is not a
   *     prefix of the new one
   */
  static void checkUpdate(Agreement stored, Agreement next) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(next, "next");
    if (!stored.id().equals(next.id()) || !stored.customer().equals(next.customer())) {
      throw new IllegalArgumentException("Agreement " + stored.id() + " of customer " + stored.customer()
          + " cannot become agreement " + next.id() + " of customer " + next.customer());
    }
    int n = stored.events().size();
    if (next.events().size() < n || !next.events().subList(0, n).equals(stored.events())) {
      throw new IllegalArgumentException("Agreement " + stored.id() + ": history is append-only; the update does not "
          + "keep the " + n + " stored event(s) as they are");
    }
  }
}
