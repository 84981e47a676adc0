package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a transition stood against the instance's service level (W4): the deadline that governed
 * it (the first response until the first human or partner step is done, then the resolution), that
 * deadline's due time, and whether the transition came on time, inside the warning share of the
 * deadline, or after it.
 *
 * @param deadline which deadline governed the transition
 * @param due when that deadline falls due
 * @param status how the transition stood against it
 */
public record SlaVerdict(@JsonProperty(required = true) Deadline deadline, @JsonProperty(required = true) Instant due,
    @JsonProperty(required = true) Status status) {

  /**
   * Checks the parts.
   *
   * @param deadline the deadline
   * @param due the due time
   * @param status the status
   */
  public SlaVerdict {
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(status, "status");
  }

  /** The deadlines of an instance's service level. */
  public enum Deadline {
    /** Time to first response: until the first human or partner step is completed. */
    RESPONSE,
    /** Time to resolution: until the instance ends. */
    RESOLUTION
  }

  /** How a transition stood against its deadline. */
  public enum Status {
    /** Before the warning share of the deadline had passed. */
    ON_TIME,
    /** After the warning share, before the deadline. */
    AT_RISK,
    /** After the deadline. */
    BREACHED
  }
}
