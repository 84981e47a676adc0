package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cemkit.core.internal.Checks;

/**
 * Identifies a work item: one human or partner step of one process instance, waiting in a queue.
 *
 * <p>A code of 1 to 128 letters, digits and {@code - _ . : /}; written to JSON as a plain string.
 *
 * @param value the code
 */
public record WorkItemId(String value) {

  /**
   * Validates the code.
   *
   * @param value the code
   * @throws IllegalArgumentException if the code is empty, too long or has other characters
   */
  public WorkItemId {
    Checks.code("WorkItemId", value);
  }

  /**
   * The id with the given code.
   *
   * @param value the code
   * @return the id
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static WorkItemId of(String value) {
    return new WorkItemId(value);
  }

  /** The code itself. */
  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
