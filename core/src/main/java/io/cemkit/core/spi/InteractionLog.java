package io.cemkit.core.spi;

import io.cemkit.core.ClosedInteractionException;
import io.cemkit.core.CustomerId;
import io.cemkit.core.Interaction;
import io.cemkit.core.InteractionId;
import io.cemkit.core.internal.InMemoryInteractionLog;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The append-only log of interactions. {@link #inMemory()} is the default;
 * {@code io.cemkit.testkit.InteractionLogContract} is the test kit every implementation must pass.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #append} stores a new interaction at revision 1; an existing id fails with
 *       {@link io.cemkit.core.DuplicateEntityException}.
 *   <li>{@link #find} returns empty for an unknown id.
 *   <li>{@link #update} changes an interaction only while the stored one is open (a closed one fails
 *       with {@link ClosedInteractionException}: corrections are new records), only at
 *       {@code expectedRevision} ({@link io.cemkit.core.StaleWriteException};
 *       {@link io.cemkit.core.UnknownEntityException} for an unknown id), and only its end, outcome,
 *       sentiment and summary ({@link #checkUpdate}).
 *   <li>{@link #recent(CustomerId, Instant, int)} returns a customer's newest interactions that
 *       started at or before an instant, newest first by start time, ties broken by newest append
 *       first, at most {@code limit} (below 1 is an {@link IllegalArgumentException}); {@link #between} returns them oldest first, ties in append order. The
 *       append order is the order in which the store numbered the appends (for appends made at the
 *       same moment, any order, as long as both queries agree on it).
 *   <li>Queries for a customer without interactions return an empty list.
 *   <li>Every operation is atomic and safe to call from many threads; storage failures are thrown
 *       as {@link io.cemkit.core.StorageException} with the cause.
 * </ul>
 */
public interface InteractionLog {

  /**
   * Appends a new interaction.
   *
   * @param interaction the interaction
   * @return it at revision 1
   */
  Versioned<Interaction> append(Interaction interaction);

  /**
   * Reads an interaction.
   *
   * @param id the id
   * @return the interaction and its revision, or empty
   */
  Optional<Versioned<Interaction>> find(InteractionId id);

  /**
   * Changes an open interaction (typically to close it).
   *
   * @param interaction the new state
   * @param expectedRevision the revision the change is based on
   * @return it at the next revision
   */
  Versioned<Interaction> update(Interaction interaction, long expectedRevision);

  /**
   * A customer's most recent interactions that started at or before an instant.
   *
   * @param customer the customer
   * @param asOf the latest start included
   * @param limit the maximum number, at least 1
   * @return newest first
   */
  List<Interaction> recent(CustomerId customer, Instant asOf, int limit);

  /**
   * A customer's most recent interactions.
   *
   * @param customer the customer
   * @param limit the maximum number, at least 1
   * @return newest first
   */
  default List<Interaction> recent(CustomerId customer, int limit) {
    return recent(customer, Instant.MAX, limit);
  }

  /**
   * A customer's interactions that started in {@code [from, until)}.
   *
   * @param customer the customer
   * @param from the first start included
   * @param until the first start excluded
   * @return oldest first
   */
  List<Interaction> between(CustomerId customer, Instant from, Instant until);

  /**
   * The in-memory log: thread-safe, for tests, demos and hosts without their own.
   *
   * @return a new empty log
   */
  static InteractionLog inMemory() {
    return new InMemoryInteractionLog();
  }

  /**
   * The rules every update must respect; implementations call this before writing.
   *
   * @param stored the stored interaction
   * @param next the new state
   * @throws ClosedInteractionException if the stored interaction is closed
   * @throws IllegalArgumentException if anything but its end, outcome, sentiment and summary changes:
   *     its id, customer, channel, direction, purpose, class, touchpoint, stage, start, performer
   *     and links were checked when it was recorded and stay as they were
   */
  static void checkUpdate(Interaction stored, Interaction next) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(next, "next");
    if (stored.isClosed()) {
      throw new ClosedInteractionException(stored.id(), stored.endedAt().orElseThrow());
    }
    boolean same = stored.id().equals(next.id()) && stored.customer().equals(next.customer())
        && stored.channel() == next.channel() && stored.direction() == next.direction()
        && stored.purpose().equals(next.purpose()) && stored.classification().equals(next.classification())
        && stored.touchpoint().equals(next.touchpoint()) && stored.stage().equals(next.stage())
        && stored.startedAt().equals(next.startedAt()) && stored.performer().equals(next.performer())
        && stored.agreement().equals(next.agreement()) && stored.amendment().equals(next.amendment())
        && stored.processInstance().equals(next.processInstance()) && stored.invoice().equals(next.invoice())
        && stored.continuation().equals(next.continuation()) && stored.corrects().equals(next.corrects());
    if (!same) {
      throw new IllegalArgumentException("Interaction " + stored.id() + ": only its end, outcome, sentiment and "
          + "summary can change; its id, customer, channel, direction, purpose, class, touchpoint, stage, start, "
          + "performer and links stay as recorded");
    }
  }
}
