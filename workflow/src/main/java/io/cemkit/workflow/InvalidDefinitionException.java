package io.cemkit.workflow;

import io.cemkit.core.CemkitException;
import java.util.List;

/**
 * A process definition that cannot run: every problem found is listed (unknown step targets,
 * unreachable steps, cycles without an exit, duplicate or missing steps, missing handlers).
 */
public final class InvalidDefinitionException extends CemkitException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * The exception.
   *
   * @param definition the definition's key and version, e.g. {@code suspension v2}
   * @param problems what is wrong, one sentence each
   */
  public InvalidDefinitionException(String definition, List<String> problems) {
    super("Process definition " + definition + " is invalid: " + String.join("; ", problems));
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
