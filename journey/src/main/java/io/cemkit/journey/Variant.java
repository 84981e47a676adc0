package io.cemkit.journey;

import java.util.List;
import java.util.Objects;

/**
 * A path that customers took: the touchpoints of one customer's whole log, in order, repeats included. A
 * customer without events (possible in a log from code columns) has no path.
 *
 * @param path the touchpoints' codes
 * @param customers how many customers took exactly this path
 */
public record Variant(List<String> path, long customers) {
  /**
   * Copies the path.
   *
   * @param path the path
   * @param customers the count
   */
  public Variant {
    path = List.copyOf(Objects.requireNonNull(path, "path"));
  }
}
