package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cemkit.core.internal.Checks;

/**
 * A touchpoint: a moment where the customer meets the company (the checkout page, the branch counter, the bill). Interactions, NPS responses and journey maps refer to touchpoints by this code; a journey map adds their details.
 *
 * <p>A code of 1 to 128 letters, digits and {@code - _ . : /}; written to JSON as a plain string.
 *
 * @param code the code
 */
public record Touchpoint(String code) {

  /**
   * Validates the code.
   *
   * @param code the code
   * @throws IllegalArgumentException if the code is empty, too long or has other characters
   */
  public Touchpoint {
    Checks.code("Touchpoint", code);
  }

  /**
   * The value with the given code.
   *
   * @param code the code
   * @return the value
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Touchpoint of(String code) {
    return new Touchpoint(code);
  }

  /** The code itself. */
  @JsonValue
  @Override
  public String toString() {
    return code;
  }
}
