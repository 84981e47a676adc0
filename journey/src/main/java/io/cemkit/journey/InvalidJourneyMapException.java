package io.cemkit.journey;

import io.cemkit.core.CemkitException;
import java.util.List;

/**
 * A journey map that cannot be used: every problem found is listed at once (duplicate ids, a touchpoint in
 * an unknown stage, an empty stage, an unknown emotion, a malformed JSON document …), one sentence each.
 */
public final class InvalidJourneyMapException extends CemkitException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * The exception.
   *
   * @param map the map's title, or {@code (unknown)} when it could not be read
   * @param problems what is wrong, one sentence each, at least one
   */
  public InvalidJourneyMapException(String map, List<String> problems) {
    super("Journey map '" + map + "' is invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems, one sentence each.
   *
   * @return the problems
   */
  public List<String> problems() {
    return problems;
  }
}
