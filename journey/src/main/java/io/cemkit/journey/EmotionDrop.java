package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import org.immutables.value.Value;

/** A fall of the {@link EmotionCurve} from one touchpoint to the next. */
@Value.Immutable
@JsonSerialize(as = ImmutableEmotionDrop.class)
@JsonDeserialize(as = ImmutableEmotionDrop.class)
public abstract class EmotionDrop {
  EmotionDrop() {}

  /**
   * The point before the fall.
   *
   * @return the point
   */
  @JsonProperty("from")
  @Value.Parameter
  public abstract CurvePoint from();

  /**
   * The next point, lower than {@link #from()}.
   *
   * @return the point
   */
  @JsonProperty("to")
  @Value.Parameter
  public abstract CurvePoint to();

  /**
   * A drop between two consecutive points.
   *
   * @param from the point before
   * @param to the next point
   * @return the drop
   * @throws IllegalArgumentException if {@code to} does not directly follow {@code from} or is not lower
   */
  public static EmotionDrop of(CurvePoint from, CurvePoint to) {
    return ImmutableEmotionDrop.of(from, to);
  }

  /**
   * How far it falls, in valence.
   *
   * @return from just above 0 to 2
   */
  public double size() {
    return from().valence() - to().valence();
  }

  @Value.Check
  void check() {
    Checks.check(to().index() == from().index() + 1,
        "EmotionDrop.to must directly follow from (index %d), was index %d", from().index(), to().index());
    Checks.check(to().valence() < from().valence(),
        "EmotionDrop.to must be lower than from (%s), was %s", from().emotion(), to().emotion());
  }
}
