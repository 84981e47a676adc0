package io.cemkit.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * What completing a work item did: the instance after it moved on, and the next work item when it
 * falls to the same performer (already claimed for them, token included), so a worker can go on
 * without a query.
 *
 * @param instance the instance after the completion
 * @param next the next work item for the same performer, if any
 */
public record Completion(ProcessInstance instance, Optional<WorkItem> next) {
  /**
   * Checks the parts.
   *
   * @param instance the instance
   * @param next the next item
   */
  public Completion {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(next, "next");
  }
}
