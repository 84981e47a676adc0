package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cemkit.core.internal.Checks;

/**
 * A class in the host's interaction taxonomy, e.g. {@code billing.dispute} or {@code service.activation}. Every interaction is classified; each class can map to a process. Dots separate levels: {@link #parent()} of {@code billing.dispute} is {@code billing}.
 *
 * <p>A code of 1 to 128 letters, digits and {@code - _ . : /}; written to JSON as a plain string.
 *
 * @param code the code
 */
public record InteractionClass(String code) {

  /**
   * Validates the code.
   *
   * @param code the code
   * @throws IllegalArgumentException if the code is empty, too long or has other characters
   */
  public InteractionClass {
    Checks.code("InteractionClass", code);
  }

  /**
   * The value with the given code.
   *
   * @param code the code
   * @return the value
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static InteractionClass of(String code) {
    return new InteractionClass(code);
  }

  /**
   * The class one level up, if any: {@code billing} for {@code billing.dispute}.
   *
   * @return the parent class
   */
  public java.util.Optional<InteractionClass> parent() {
    int dot = code.lastIndexOf('.');
    return dot <= 0 ? java.util.Optional.empty() : java.util.Optional.of(new InteractionClass(code.substring(0, dot)));
  }

  /**
   * Whether this class is {@code other} or below it.
   *
   * @param other the class
   * @return true for the class itself and its descendants
   */
  public boolean isWithin(InteractionClass other) {
    return code.equals(other.code) || code.startsWith(other.code + ".");
  }

  /** The code itself. */
  @JsonValue
  @Override
  public String toString() {
    return code;
  }
}
