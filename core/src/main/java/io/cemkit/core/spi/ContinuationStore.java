package io.cemkit.core.spi;

import io.cemkit.core.Continuation;
import io.cemkit.core.ContinuationId;
import io.cemkit.core.ContinuationToken;
import io.cemkit.core.CustomerId;
import io.cemkit.core.internal.InMemoryContinuationStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where continuations are kept. {@link #inMemory()} is the default;
 * {@code io.cemkit.testkit.ContinuationStoreContract} is the test kit every implementation must
 * pass.
 *
 * <p>Contract: {@link #insert} fails with {@link io.cemkit.core.DuplicateEntityException} for an
 * existing id or token; {@link #find} and {@link #findByToken} return empty when nothing matches;
 * {@link #update} applies only at {@code expectedRevision}
 * ({@link io.cemkit.core.StaleWriteException}; {@link io.cemkit.core.UnknownEntityException} for an
 * unknown id), never to a finished continuation, never removes switches, and never changes the id, customer, action or token
 * ({@link #checkUpdate}); {@link #forCustomer} returns a customer's continuations ordered by start,
 * then id as {@link String#compareTo} orders it, and an empty list for a customer without any.
 * Operations are atomic and thread-safe; storage failures are {@link io.cemkit.core.StorageException}s
 * with the cause.
 */
public interface ContinuationStore {

  /**
   * Stores a new continuation.
   *
   * @param continuation the continuation
   * @return it at revision 1
   */
  Versioned<Continuation> insert(Continuation continuation);

  /**
   * Reads a continuation by id.
   *
   * @param id the id
   * @return it and its revision, or empty
   */
  Optional<Versioned<Continuation>> find(ContinuationId id);

  /**
   * Reads a continuation by its token.
   *
   * @param token the token
   * @return it and its revision, or empty
   */
  Optional<Versioned<Continuation>> findByToken(ContinuationToken token);

  /**
   * Replaces a continuation if it was not changed since {@code expectedRevision}.
   *
   * @param continuation the new state
   * @param expectedRevision the revision the change is based on
   * @return it at the next revision
   */
  Versioned<Continuation> update(Continuation continuation, long expectedRevision);

  /**
   * A customer's continuations.
   *
   * @param customer the customer
   * @return ordered by start, then id
   */
  List<Continuation> forCustomer(CustomerId customer);

  /**
   * The in-memory store: thread-safe, for tests, demos and hosts without their own.
   *
   * @return a new empty store
   */
  static ContinuationStore inMemory() {
    return new InMemoryContinuationStore();
  }

  /**
   * The rules every update must respect; implementations call this before writing.
   *
   * @param stored the stored continuation
   * @param next the new state
   * @throws IllegalArgumentException if the id, customer, action, token, start, first channel,
   *     expiry or process changes; if a completed or cancelled continuation changes at all; or if
   *     recorded channel switches are removed or rewritten
   */
  static void checkUpdate(Continuation stored, Continuation next) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(next, "next");
    String who = "Continuation " + stored.id();
    if (!stored.id().equals(next.id()) || !stored.customer().equals(next.customer())
        || !stored.action().equals(next.action()) || !stored.token().equals(next.token())
        || !stored.startedAt().equals(next.startedAt()) || stored.startedOn() != next.startedOn()
        || !stored.expiresAt().equals(next.expiresAt()) || !stored.processInstance().equals(next.processInstance())) {
      throw new IllegalArgumentException(who + ": its id, customer, action, token, start, first channel, expiry and "
          + "process cannot change");
    }
    if (stored.status() != io.cemkit.core.ContinuationStatus.OPEN) {
      throw new IllegalArgumentException(who + " is " + stored.status() + " and cannot change any more");
    }
    int n = stored.switches().size();
    if (next.switches().size() < n || !next.switches().subList(0, n).equals(stored.switches())) {
      throw new IllegalArgumentException(who + ": channel switches are append-only; the update does not keep the " + n
          + " recorded switch(es)");
    }
  }
}
