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
   * @throws IllegalArgumentException if the id, customer, provider or zone changes; if the stored
   *     history is not a prefix of the new one; once signed, if the signature or a stored version
   *     changes; or if a stored amendment's proposal (its terms, changes, dates, reason, base) or its
   *     recorded acceptance changes
   */
  static void checkUpdate(Agreement stored, Agreement next) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(next, "next");
    String who = "Agreement " + stored.id();
    if (!stored.id().equals(next.id()) || !stored.customer().equals(next.customer())
        || !stored.provider().equals(next.provider()) || !stored.zone().equals(next.zone())) {
      throw new IllegalArgumentException(who + " of customer " + stored.customer() + " cannot change its id, customer, "
          + "provider or zone (to " + next.id() + " of customer " + next.customer() + ")");
    }
    int n = stored.events().size();
    if (next.events().size() < n || !next.events().subList(0, n).equals(stored.events())) {
      throw new IllegalArgumentException(who + ": history is append-only; the update does not keep the " + n
          + " stored event(s) as they are");
    }
    if (stored.signature().isPresent()) {
      if (!next.signature().equals(stored.signature())) {
        throw new IllegalArgumentException(who + " is signed; its signature cannot change");
      }
      int v = stored.versions().size();
      if (next.versions().size() < v || !next.versions().subList(0, v).equals(stored.versions())) {
        throw new IllegalArgumentException(who + " is signed; its " + v + " stored version(s) cannot change, only new "
            + "versions (by amendment or renewal) can be added");
      }
    }
    for (io.cemkit.core.Amendment before : stored.amendments()) {
      io.cemkit.core.Amendment after = next.amendment(before.id()).orElseThrow(() -> new IllegalArgumentException(
          who + ": amendment " + before.id() + " cannot be removed"));
      boolean sameProposal = before.baseVersion() == after.baseVersion()
          && before.proposedTerms().equals(after.proposedTerms()) && before.changes().equals(after.changes())
          && before.effectiveDate().equals(after.effectiveDate()) && before.initiatedBy() == after.initiatedBy()
          && before.reason().equals(after.reason()) && before.proposedAt().equals(after.proposedAt())
          && before.expiresAt().equals(after.expiresAt());
      boolean sameAcceptance = before.acceptance().isEmpty() || before.acceptance().equals(after.acceptance());
      if (!sameProposal || !sameAcceptance) {
        throw new IllegalArgumentException(who + ": amendment " + before.id() + " cannot change what was proposed or "
            + "the acceptance recorded for it; only its decision may follow");
      }
    }
  }
}
