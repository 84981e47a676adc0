package io.cemkit.core;

/** Where a continuation is. */
public enum ContinuationStatus {
  /** Started and not finished: it can be resumed from any channel until it expires. */
  OPEN,
  /** Finished. */
  COMPLETED,
  /** Abandoned by the customer or the company. */
  CANCELLED
}
