package io.cemkit.core;

/**
 * What an {@link AgreementEvent} records.
 */
public enum AgreementEventType {
  /** The draft was created. */
  CREATED,
  /** The draft's terms were edited. */
  EDITED,
  /** The customer signed. */
  SIGNED,
  /** The agreement came into force. */
  ACTIVATED,
  /** It was suspended. */
  SUSPENDED,
  /** It was resumed. */
  RESUMED,
  /** Notice of termination was given. */
  TERMINATION_REQUESTED,
  /** The notice was withdrawn. */
  TERMINATION_REVOKED,
  /** It was terminated. */
  TERMINATED,
  /** It was cancelled. */
  CANCELLED,
  /** It expired. */
  EXPIRED,
  /** It was renewed for a new term. */
  RENEWED,
  /** An amendment was proposed. */
  AMENDMENT_PROPOSED,
  /** The customer accepted an amendment. */
  AMENDMENT_ACCEPTED,
  /** The customer rejected an amendment. */
  AMENDMENT_REJECTED,
  /** An amendment was withdrawn. */
  AMENDMENT_WITHDRAWN,
  /** An amendment expired unaccepted. */
  AMENDMENT_EXPIRED,
  /** An amendment became a new version. */
  AMENDMENT_APPLIED,
  /** An asset was ordered. */
  ASSET_ORDERED,
  /** An asset was delivered. */
  ASSET_DELIVERED,
  /** An asset was installed. */
  ASSET_INSTALLED,
  /** An asset was put in service. */
  ASSET_PUT_IN_SERVICE,
  /** An asset was uninstalled. */
  ASSET_REMOVED,
  /** The customer was asked to return an asset. */
  ASSET_RETURN_REQUESTED,
  /** An asset was replaced by a new one. */
  ASSET_REPLACED,
  /** An asset came back. */
  ASSET_RETURNED,
  /** An asset was reported lost. */
  ASSET_LOST,
  /** An asset order was cancelled. */
  ASSET_CANCELLED,
  /** Units of an entitlement were used. */
  USAGE_RECORDED
}
