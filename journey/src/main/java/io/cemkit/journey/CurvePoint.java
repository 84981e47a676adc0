package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.internal.Checks;
import org.immutables.value.Value;

/** One point of the {@link EmotionCurve}: a touchpoint, its place in the journey and the emotion felt there. */
@Value.Immutable
@JsonSerialize(as = ImmutableCurvePoint.class)
@JsonDeserialize(as = ImmutableCurvePoint.class)
public abstract class CurvePoint {
  CurvePoint() {}

  /**
   * The place in journey order (stage order, then the order touchpoints were listed in).
   *
   * @return from 0
   */
  @JsonProperty("index")
  @Value.Parameter
  public abstract int index();

  /**
   * The touchpoint.
   *
   * @return its code
   */
  @JsonProperty("touchpoint")
  @Value.Parameter
  public abstract Touchpoint touchpoint();

  /**
   * Its stage.
   *
   * @return the stage's code
   */
  @JsonProperty("stage")
  @Value.Parameter
  public abstract JourneyStage stage();

  /**
   * The emotion felt there.
   *
   * @return the emotion, with its valence
   */
  @JsonProperty("emotion")
  @Value.Parameter
  public abstract Emotion emotion();

  /**
   * A point.
   *
   * @param index the place in journey order, from 0
   * @param touchpoint the touchpoint
   * @param stage its stage
   * @param emotion the emotion
   * @return the point
   * @throws IllegalArgumentException if the index is negative
   */
  public static CurvePoint of(int index, Touchpoint touchpoint, JourneyStage stage, Emotion emotion) {
    return ImmutableCurvePoint.of(index, touchpoint, stage, emotion);
  }

  /**
   * The emotion's valence.
   *
   * @return from -1 to +1
   */
  public double valence() {
    return emotion().valence();
  }

  @Value.Check
  void check() {
    Checks.atLeast("CurvePoint.index", index(), 0);
  }
}
