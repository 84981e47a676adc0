package io.cemkit.core;

/**
 * How a customer's decision was captured.
 */
public enum EvidenceMethod {
  /** A handwritten or digital signature. */
  SIGNATURE,
  /** A one-time password sent to the customer. */
  OTP,
  /** A recorded phone call. */
  RECORDED_CALL,
  /** An explicit click on a web or app form. */
  CLICKWRAP,
  /** A paper form. */
  WRITTEN_FORM,
  /** Confirmed in person at a branch, recorded by the agent. */
  IN_PERSON
}
