package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * A place where ownership of the customer changes hands between consecutive controlled touchpoints (J4) —
 * the bank that closes the "new customer" chapter and opens "existing customer" with other owners — and how
 * risky it is.
 *
 * <p>The risk, from 0 to 1, weighs three factors:
 * <pre>
 * risk = 0.5 × drop / 2  +  0.3 × span / (span + 7 days)  +  0.2 × min(1, uncontrolled / 2)
 * </pre>
 * <ul>
 *   <li>{@code drop}: how far the emotion falls across the handoff, max(0, valence(from) − valence(to)),
 *       0 to 2;
 *   <li>{@code span}: the expected durations of {@code from}, of any touchpoint between the two and of
 *       {@code to}, added (a touchpoint without one counts zero); a week weighs one half of its share;
 *   <li>{@code uncontrolled}: the uncontrolled touchpoints nearby — between the two, and the one just
 *       before {@code from} and just after {@code to} when they are uncontrolled.
 * </ul>
 * The emotion has the largest weight because a handoff the customer feels is the one that hurts; time and
 * voices the company does not control make a seam worse.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableHandoffFlag.class)
@JsonDeserialize(as = ImmutableHandoffFlag.class)
public abstract class HandoffFlag {
  /** The weight of the emotion drop. */
  public static final double DROP_WEIGHT = 0.5;
  /** The weight of the span. */
  public static final double DURATION_WEIGHT = 0.3;
  /** The weight of the uncontrolled touchpoints nearby. */
  public static final double UNCONTROLLED_WEIGHT = 0.2;
  /** The span that gives half the duration factor. */
  public static final Duration HALF_RISK_SPAN = Duration.ofDays(7);

  HandoffFlag() {}

  /**
   * The last touchpoint before the handoff.
   *
   * @return its code
   */
  @JsonProperty("from")
  public abstract Touchpoint from();

  /**
   * The first touchpoint after it.
   *
   * @return its code
   */
  @JsonProperty("to")
  public abstract Touchpoint to();

  /**
   * The department that lets go.
   *
   * @return the owner of {@link #from()}
   */
  @JsonProperty("fromOwner")
  public abstract String fromOwner();

  /**
   * The department that takes over.
   *
   * @return the owner of {@link #to()}
   */
  @JsonProperty("toOwner")
  public abstract String toOwner();

  /**
   * The stage of {@link #from()}.
   *
   * @return its code
   */
  @JsonProperty("fromStage")
  public abstract JourneyStage fromStage();

  /**
   * The stage of {@link #to()}.
   *
   * @return its code
   */
  @JsonProperty("toStage")
  public abstract JourneyStage toStage();

  /**
   * How far the emotion falls across the handoff.
   *
   * @return from 0 (no fall) to 2, rounded to four decimals
   */
  @JsonProperty("emotionDrop")
  public abstract double emotionDrop();

  /**
   * The expected time across the handoff.
   *
   * @return zero or more
   */
  @JsonProperty("span")
  public abstract Duration span();

  /**
   * The uncontrolled touchpoints nearby.
   *
   * @return zero or more
   */
  @JsonProperty("uncontrolledNearby")
  public abstract int uncontrolledNearby();

  /**
   * The risk, from the formula on this class.
   *
   * @return from 0 to 1, rounded to four decimals
   */
  @JsonProperty("risk")
  public abstract double risk();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableHandoffFlag.Builder builder() {
    return ImmutableHandoffFlag.builder();
  }

  /**
   * The risk of a handoff from its factors, by the formula on this class.
   *
   * @param emotionDrop from 0 to 2
   * @param span zero or more
   * @param uncontrolledNearby zero or more
   * @return from 0 to 1, rounded to four decimals
   * @throws IllegalArgumentException if a factor is out of range
   */
  public static double riskOf(double emotionDrop, Duration span, int uncontrolledNearby) {
    checkFactors(emotionDrop, span, uncontrolledNearby);
    double seconds = span.getSeconds();
    double durationFactor = seconds / (seconds + HALF_RISK_SPAN.getSeconds());
    double uncontrolledFactor = Math.min(1.0, uncontrolledNearby / 2.0);
    return round4(DROP_WEIGHT * emotionDrop / 2 + DURATION_WEIGHT * durationFactor
        + UNCONTROLLED_WEIGHT * uncontrolledFactor);
  }

  /**
   * Whether the handoff is also the border between two stages.
   *
   * @return true if the stages differ
   */
  public boolean crossesStages() {
    return !fromStage().equals(toStage());
  }

  @Value.Check
  void check() {
    checkFactors(emotionDrop(), span(), uncontrolledNearby());
    Checks.check(!fromOwner().equals(toOwner()), "HandoffFlag needs two different owners, had '%s' twice",
        fromOwner());
    Checks.check(risk() >= 0 && risk() <= 1, "HandoffFlag.risk must be within [0, 1], was %s", risk());
  }

  /** Four decimals: enough to rank, and the JSON shows 1.3 rather than 1.2999999999999998. */
  static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static void checkFactors(double emotionDrop, Duration span, int uncontrolledNearby) {
    Objects.requireNonNull(span, "span");
    Checks.check(emotionDrop >= 0 && emotionDrop <= 2, "HandoffFlag.emotionDrop must be within [0, 2], was %s",
        emotionDrop);
    Checks.check(!span.isNegative(), "HandoffFlag.span must not be negative, was %s", span);
    Checks.atLeast("HandoffFlag.uncontrolledNearby", uncontrolledNearby, 0);
  }
}
