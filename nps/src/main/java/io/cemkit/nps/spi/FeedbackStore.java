package io.cemkit.nps.spi;

import io.cemkit.core.CustomerId;
import io.cemkit.core.spi.Versioned;
import io.cemkit.nps.FollowUp;
import io.cemkit.nps.FollowUpId;
import io.cemkit.nps.FollowUpState;
import io.cemkit.nps.NpsResponse;
import io.cemkit.nps.ResponseId;
import io.cemkit.nps.internal.InMemoryFeedbackStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where NPS responses and their follow-ups live. Responses are append-only; follow-ups are
 * versioned records updated with optimistic concurrency, like core's stores.
 *
 * <p>Contract: {@link #append} refuses a second response with the same id
 * ({@link io.cemkit.core.DuplicateEntityException}); {@link #responses} returns responses given in
 * {@code [from, to)} ordered by time, ties in append order; {@link #latestFor} returns the
 * customer's response given last at or before the instant; follow-ups start at revision 1 and
 * {@link #update} throws {@link io.cemkit.core.StaleWriteException} when the expected revision is
 * not the stored one and {@link io.cemkit.core.UnknownEntityException} for an unknown id. Storage
 * failures are wrapped in {@link io.cemkit.core.StorageException}. Implementations must be
 * thread-safe.
 */
public interface FeedbackStore {

  /**
   * Stores a response.
   *
   * @param response the response
   * @throws io.cemkit.core.DuplicateEntityException if its id exists
   */
  void append(NpsResponse response);

  /**
   * Reads a response.
   *
   * @param id its id
   * @return the response, or empty
   */
  Optional<NpsResponse> response(ResponseId id);

  /**
   * Responses given in {@code [from, to)}, by time, ties in append order.
   *
   * @param from the first instant, inclusive
   * @param to the end, exclusive
   * @return the responses
   */
  List<NpsResponse> responses(Instant from, Instant to);

  /**
   * The customer's latest response at or before an instant (ties: the one appended last).
   *
   * @param customer the customer
   * @param at the instant
   * @return the response, or empty
   */
  Optional<NpsResponse> latestFor(CustomerId customer, Instant at);

  /**
   * Stores a new follow-up at revision 1.
   *
   * @param followUp the follow-up
   * @return it with its revision
   * @throws io.cemkit.core.DuplicateEntityException if its id exists
   */
  Versioned<FollowUp> insert(FollowUp followUp);

  /**
   * Reads a follow-up.
   *
   * @param id its id
   * @return it with its revision, or empty
   */
  Optional<Versioned<FollowUp>> followUp(FollowUpId id);

  /**
   * Replaces a follow-up.
   *
   * @param followUp the new state
   * @param expectedRevision the revision the change is based on
   * @return it at the next revision
   * @throws io.cemkit.core.StaleWriteException if the stored revision differs
   * @throws io.cemkit.core.UnknownEntityException if the id is unknown
   */
  Versioned<FollowUp> update(FollowUp followUp, long expectedRevision);

  /**
   * Follow-ups in a state, oldest first (ties by id).
   *
   * @param state the state
   * @return the follow-ups
   */
  List<Versioned<FollowUp>> followUps(FollowUpState state);

  /**
   * The in-memory store: thread-safe, not persistent.
   *
   * @return a new empty store
   */
  static FeedbackStore inMemory() {
    return new InMemoryFeedbackStore();
  }

  /**
   * The rules every update must keep: the id, the response, the customer, the reason and the
   * opening time never change.
   *
   * @param stored the stored follow-up
   * @param next the new state
   * @throws IllegalArgumentException if the update changes a fixed field
   */
  static void checkUpdate(FollowUp stored, FollowUp next) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(next, "next");
    if (!stored.id().equals(next.id()) || !stored.response().equals(next.response())
        || !stored.customer().equals(next.customer()) || stored.reason() != next.reason()
        || !stored.openedAt().equals(next.openedAt())) {
      throw new IllegalArgumentException("FollowUp " + stored.id()
          + ": id, response, customer, reason and openedAt cannot change");
    }
  }
}
