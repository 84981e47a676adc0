package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cemkit.core.internal.Checks;

/**
 * A host-defined customer segment, e.g. {@code private}, {@code business}, {@code young},
 * {@code senior}. Segments key NPS breakdowns and per-segment journey maps.
 *
 * <p>A code of 1 to 128 letters, digits and {@code - _ . : /}; written to JSON as a plain string.
 *
 * @param code the segment's code
 */
public record Segment(String code) {

  /**
   * Validates the code.
   *
   * @param code the code
   * @throws IllegalArgumentException if the code is empty, too long or has other characters
   */
  public Segment {
    Checks.code("Segment", code);
  }

  /**
   * The segment with the given code.
   *
   * @param code the code
   * @return the segment
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Segment of(String code) {
    return new Segment(code);
  }

  /** The code itself. */
  @JsonValue
  @Override
  public String toString() {
    return code;
  }
}
