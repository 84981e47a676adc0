package io.cemkit.nps;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cemkit.core.internal.Checks;

/**
 * Identifies a follow-up of a response (the closed loop).
 *
 * <p>A code of 1 to 128 letters, digits and {@code - _ . : /}; written to JSON as a plain string.
 *
 * @param value the code
 */
public record FollowUpId(String value) {

  /**
   * Validates the code.
   *
   * @param value the code
   * @throws IllegalArgumentException if the code is empty, too long or has other characters
   */
  public FollowUpId {
    Checks.code("FollowUpId", value);
  }

  /**
   * The id with the given code.
   *
   * @param value the code
   * @return the id
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static FollowUpId of(String value) {
    return new FollowUpId(value);
  }

  /** The code itself. */
  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
