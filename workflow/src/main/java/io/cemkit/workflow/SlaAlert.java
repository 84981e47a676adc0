package io.cemkit.workflow;

/**
 * An alert on an instance's service level, raised once by {@link WorkflowEngine#checkDeadlines()}
 * when its time comes: a deadline falling at risk (the warning share of it has passed) or breached.
 */
public enum SlaAlert {
  /** The first response is at risk. */
  RESPONSE_AT_RISK,
  /** The first response is late. */
  RESPONSE_BREACHED,
  /** The resolution is at risk. */
  RESOLUTION_AT_RISK,
  /** The resolution is late. */
  RESOLUTION_BREACHED
}
