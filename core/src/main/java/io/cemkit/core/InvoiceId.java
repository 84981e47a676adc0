package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cemkit.core.internal.Checks;

/**
 * Identifies an invoice in the host's billing system.
 *
 * <p>A code of 1 to 128 letters, digits and {@code - _ . : /}; written to JSON as a plain string.
 *
 * @param value the code
 */
public record InvoiceId(String value) {

  /**
   * Validates the code.
   *
   * @param value the code
   * @throws IllegalArgumentException if the code is empty, too long or has other characters
   */
  public InvoiceId {
    Checks.code("InvoiceId", value);
  }

  /**
   * The id with the given code.
   *
   * @param value the code
   * @return the id
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static InvoiceId of(String value) {
    return new InvoiceId(value);
  }

  /** The code itself. */
  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
