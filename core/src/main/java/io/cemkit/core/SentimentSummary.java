package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a customer has felt lately, from the sentiment of their interactions, recent ones weighing
 * more.
 *
 * <p>The decay is exponential with a half-life: an interaction {@code age} old weighs
 * {@code 0.5^(age / halfLife)}, so with the default 30 days a month-old interaction counts half as
 * much as one from today and a two-month-old one a quarter. {@link #score()} is the weighted mean
 * of the scores. {@link #trend()} compares the plain mean of the newer half of the scored
 * interactions (the middle one, for an odd count, goes to the newer half) with that of the older
 * half: {@code IMPROVING} if it rose by at least {@value #TREND_THRESHOLD}, {@code WORSENING} if it
 * fell by as much, {@code STABLE} otherwise, {@code UNKNOWN} with fewer than two scored
 * interactions. Interactions after the instant asked about, or without a sentiment, are ignored.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSentimentSummary.class)
@JsonDeserialize(as = ImmutableSentimentSummary.class)
public abstract class SentimentSummary {
  /** The change in mean score that makes a trend. */
  public static final double TREND_THRESHOLD = 0.2;
  /** The default half-life of an interaction's weight. */
  public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(30);

  SentimentSummary() {}

  /** The direction of a customer's sentiment. */
  public enum Trend {
    /** Newer interactions are clearly more positive. */
    IMPROVING,
    /** No clear change. */
    STABLE,
    /** Newer interactions are clearly more negative. */
    WORSENING,
    /** Fewer than two scored interactions. */
    UNKNOWN
  }

  /**
   * How many interactions had a sentiment.
   *
   * @return the count
   */
  public abstract int scored();

  /**
   * The decay-weighted mean score.
   *
   * @return the score in [-1, 1], or empty if nothing was scored
   */
  public abstract Optional<Double> score();

  /**
   * The direction.
   *
   * @return the trend
   */
  public abstract Trend trend();

  /**
   * The half-life used.
   *
   * @return the half-life
   */
  public abstract Duration halfLife();

  /**
   * The band of {@link #score()}.
   *
   * @return the label, or empty if nothing was scored
   */
  public Optional<Sentiment.Label> label() {
    return score().map(Sentiment.Label::of);
  }

  /**
   * Summarises interactions as of an instant.
   *
   * @param interactions the interactions, in any order
   * @param at the instant
   * @param halfLife the half-life of an interaction's weight; positive
   * @return the summary
   */
  public static SentimentSummary of(List<Interaction> interactions, Instant at, Duration halfLife) {
    Objects.requireNonNull(interactions, "interactions");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(halfLife, "halfLife");
    Checks.check(!halfLife.isNegative() && !halfLife.isZero(), "halfLife must be positive, was %s", halfLife);
    List<Interaction> scored = new ArrayList<>();
    for (Interaction i : interactions) {
      if (i.sentiment().isPresent() && !i.startedAt().isAfter(at)) {
        scored.add(i);
      }
    }
    scored.sort(Comparator.comparing(Interaction::startedAt));
    var summary = ImmutableSentimentSummary.builder().scored(scored.size()).halfLife(halfLife);
    if (scored.isEmpty()) {
      return summary.trend(Trend.UNKNOWN).build();
    }
    double weights = 0;
    double total = 0;
    double halfLifeSeconds = halfLife.toMillis() / 1000.0;
    for (Interaction i : scored) {
      double ageSeconds = Duration.between(i.startedAt(), at).toMillis() / 1000.0;
      double weight = Math.pow(0.5, ageSeconds / halfLifeSeconds);
      weights += weight;
      total += weight * i.sentiment().get().score();
    }
    double score = weights == 0 ? mean(scored, 0, scored.size()) : total / weights;
    summary.score(Math.max(-1, Math.min(1, score)));
    if (scored.size() < 2) {
      return summary.trend(Trend.UNKNOWN).build();
    }
    int older = scored.size() / 2;
    double change = mean(scored, older, scored.size()) - mean(scored, 0, older);
    Trend trend = change >= TREND_THRESHOLD ? Trend.IMPROVING : change <= -TREND_THRESHOLD ? Trend.WORSENING
        : Trend.STABLE;
    return summary.trend(trend).build();
  }

  private static double mean(List<Interaction> scored, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += scored.get(i).sentiment().get().score();
    }
    return sum / (to - from);
  }

  @Value.Check
  void check() {
    Checks.check(scored() >= 0, "SentimentSummary.scored must not be negative, was %d", scored());
    Checks.check(score().isPresent() == (scored() > 0), "SentimentSummary: a score is required for, and only for, "
        + "a summary of scored interactions (scored %d)", scored());
  }
}
