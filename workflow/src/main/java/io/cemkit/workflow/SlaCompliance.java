package io.cemkit.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How the transitions judged against one deadline stood (W5): how many carried a verdict for it,
 * and how many of those were on time, at risk or breached. Compliance is the share that were not
 * breached. Transitions without a verdict are not counted; a scope with none has no
 * {@code SlaCompliance} at all ("no SLA").
 *
 * <p>JSON: {@code {"atRisk": 1, "breached": 2, "deadline": "RESOLUTION", "judged": 10, "onTime": 7}}.
 *
 * @param deadline the deadline
 * @param judged how many transitions carried a verdict for it
 * @param onTime how many were {@link SlaVerdict.Status#ON_TIME}
 * @param atRisk how many were {@link SlaVerdict.Status#AT_RISK}
 * @param breached how many were {@link SlaVerdict.Status#BREACHED}
 */
public record SlaCompliance(@JsonProperty(required = true) SlaVerdict.Deadline deadline,
    @JsonProperty(required = true) long judged, @JsonProperty(required = true) long onTime,
    @JsonProperty(required = true) long atRisk, @JsonProperty(required = true) long breached) {

  /**
   * Checks the parts.
   *
   * @param deadline the deadline
   * @param judged the count of verdicts
   * @param onTime on time
   * @param atRisk at risk
   * @param breached breached
   * @throws IllegalArgumentException if a count is negative or the three do not add up to the judged
   */
  public SlaCompliance {
    Objects.requireNonNull(deadline, "deadline");
    if (onTime < 0 || atRisk < 0 || breached < 0 || onTime + atRisk + breached != judged) {
      throw new IllegalArgumentException("SlaCompliance counts must be at least 0 and add up to judged " + judged
          + ", were onTime " + onTime + ", atRisk " + atRisk + ", breached " + breached);
    }
  }

  /**
   * The share of judged transitions that were not breached.
   *
   * @return 0 to 1; 1 when nothing was judged
   */
  public double compliance() {
    return judged == 0 ? 1.0 : (double) (judged - breached) / judged;
  }
}
