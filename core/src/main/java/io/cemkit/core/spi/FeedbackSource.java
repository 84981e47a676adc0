package io.cemkit.core.spi;

import io.cemkit.core.CustomerId;
import io.cemkit.core.FeedbackSummary;
import java.time.Instant;
import java.util.Optional;

/**
 * A customer's latest feedback, for the customer context. The NPS module implements it.
 *
 * <p>Contract: return the feedback given most recently at or before the instant, or empty; never
 * throw for an unknown customer; wrap storage failures in {@link io.cemkit.core.StorageException}.
 */
@FunctionalInterface
public interface FeedbackSource {

  /**
   * The latest feedback given at or before {@code at}.
   *
   * @param customer the customer
   * @param at the instant
   * @return the feedback, or empty
   */
  Optional<FeedbackSummary> latestFor(CustomerId customer, Instant at);

  /**
   * No feedback system: never any feedback.
   *
   * @return the source
   */
  static FeedbackSource none() {
    return (customer, at) -> Optional.empty();
  }
}
