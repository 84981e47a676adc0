package io.cemkit.core;

/**
 * What can happen to an asset; each (status, action) pair is allowed or forbidden by {@link Asset#lifecycle()}.
 */
public enum AssetAction {
  /** Hand over or ship to the customer. */
  DELIVER,
  /** Install at the customer's (products that need installation). */
  INSTALL,
  /** Start using (products that need no installation). */
  PUT_IN_SERVICE,
  /** Uninstall; it must then be returned. */
  REMOVE,
  /** Ask the customer to return it (e.g. a wrong item sent). */
  REQUEST_RETURN,
  /** Replace it with a new asset; the old one must be returned. */
  REPLACE,
  /** Receive it back. */
  RETURN,
  /** Record it as lost or stolen. */
  REPORT_LOST,
  /** Cancel the order before delivery. */
  CANCEL
}
