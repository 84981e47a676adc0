package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import org.immutables.value.Value;

/**
 * How the customer felt in an interaction: a score from -1 (very negative) to 1 (very positive), and
 * who judged it (an agent, a model, or the customer).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSentiment.class)
@JsonDeserialize(as = ImmutableSentiment.class)
public abstract class Sentiment {
  /** Scores at or below this are negative. */
  public static final double NEGATIVE_THRESHOLD = -0.25;
  /** Scores at or above this are positive. */
  public static final double POSITIVE_THRESHOLD = 0.25;

  Sentiment() {}

  /** Who judged the sentiment. */
  public enum Source {
    /** An agent's judgement. */
    HUMAN,
    /** A sentiment analyzer's score. */
    MODEL,
    /** The customer's own rating. */
    CUSTOMER
  }

  /** A score in three bands. */
  public enum Label {
    /** At or below {@link #NEGATIVE_THRESHOLD}. */
    NEGATIVE,
    /** Between the thresholds. */
    NEUTRAL,
    /** At or above {@link #POSITIVE_THRESHOLD}. */
    POSITIVE;

    /**
     * The band of a score.
     *
     * @param score a score in [-1, 1]
     * @return negative, neutral or positive
     * @throws IllegalArgumentException if the score is outside [-1, 1] or not a number
     */
    public static Label of(double score) {
      Checks.check(!Double.isNaN(score) && score >= -1 && score <= 1,
          "Sentiment.Label score must be within [-1, 1], was %s", score);
      return score <= NEGATIVE_THRESHOLD ? NEGATIVE : score >= POSITIVE_THRESHOLD ? POSITIVE : NEUTRAL;
    }
  }

  /**
   * The score.
   *
   * @return from -1 to 1
   */
  @Value.Parameter
  public abstract double score();

  /**
   * Who judged it.
   *
   * @return the source
   */
  @Value.Parameter
  public abstract Source source();

  /**
   * A sentiment.
   *
   * @param score from -1 to 1
   * @param source who judged it
   * @return the sentiment
   * @throws IllegalArgumentException if the score is outside [-1, 1] or not a number
   */
  public static Sentiment of(double score, Source source) {
    return ImmutableSentiment.of(score, source);
  }

  /**
   * The score's band.
   *
   * @return negative, neutral or positive
   */
  public Label label() {
    return Label.of(score());
  }

  @Value.Check
  void check() {
    Checks.check(!Double.isNaN(score()) && score() >= -1 && score() <= 1,
        "Sentiment.score must be within [-1, 1], was %s", score());
  }

  /** E.g. {@code -0.60 (NEGATIVE, MODEL)}. */
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%.2f (%s, %s)", score(), label(), source());
  }
}
