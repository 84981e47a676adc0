package io.cemkit.core;

/**
 * A record links to something that belongs to another customer, e.g. an interaction of customer A
 * that refers to customer B's agreement. Nothing was written.
 */
public final class CrossCustomerLinkException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /** The customer the linked record belongs to. */
  private final CustomerId owner;

  /**
   * Creates the exception.
   *
   * @param what the record being written, e.g. "Interaction I-7 of customer C-1"
   * @param link the linked record, e.g. "agreement AG-9"
   * @param owner the customer the linked record belongs to
   */
  public CrossCustomerLinkException(String what, String link, CustomerId owner) {
    super(what + " links " + link + ", which belongs to customer " + owner + "; links must stay within one customer");
    this.owner = owner;
  }

  /**
   * The customer the linked record belongs to.
   *
   * @return the owner
   */
  public CustomerId owner() {
    return owner;
  }
}
