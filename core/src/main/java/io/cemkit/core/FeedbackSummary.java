package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer's feedback as the customer context shows it: when, the 0–10 score if there was one,
 * where, and whether a free-text comment exists. The comment's text is not carried: fetch it from
 * the feedback source where it is needed.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFeedbackSummary.class)
@JsonDeserialize(as = ImmutableFeedbackSummary.class)
public abstract class FeedbackSummary {
  /** Scores at or below this are detractors in the classic NPS scale. */
  public static final int DETRACTOR_MAX = 6;

  FeedbackSummary() {}

  /**
   * When the feedback was given.
   *
   * @return the instant
   */
  public abstract Instant at();

  /**
   * The 0–10 recommendation score, if asked.
   *
   * @return the score
   */
  public abstract Optional<Integer> score();

  /**
   * The touchpoint it was about.
   *
   * @return the touchpoint
   */
  public abstract Optional<Touchpoint> touchpoint();

  /**
   * The interaction it followed.
   *
   * @return the interaction's id
   */
  public abstract Optional<InteractionId> interaction();

  /**
   * Whether the customer also wrote a comment.
   *
   * @return true if there is a comment
   */
  @Value.Default
  public boolean hasComment() {
    return false;
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableFeedbackSummary.Builder builder() {
    return ImmutableFeedbackSummary.builder();
  }

  /**
   * Whether the score marks a detractor (0–6).
   *
   * @return true for a detractor
   */
  public boolean isDetractor() {
    return score().map(s -> s <= DETRACTOR_MAX).orElse(false);
  }

  @Value.Check
  void check() {
    score().ifPresent(s -> Checks.check(s >= 0 && s <= 10, "FeedbackSummary.score must be 0 to 10, was %d", s));
  }
}
