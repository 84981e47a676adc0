package io.cemkit.core;

/**
 * An outbound contact has no basis: the customer did not consent to this purpose on this channel
 * (marketing, profiling, surveys, sharing), or withdrew this channel for service or collection
 * messages. Nothing was recorded or sent.
 */
public final class ConsentRequiredException extends CemkitException {
  private static final long serialVersionUID = 1L;

  /** The customer. */
  private final CustomerId customer;
  /** The purpose of the contact. */
  private final ConsentPurpose purpose;
  /** The channel of the contact. */
  private final Channel channel;

  /**
   * Creates the exception.
   *
   * @param customer the customer
   * @param purpose the contact's purpose
   * @param channel the contact's channel
   * @param why what is missing, e.g. "no MARKETING consent on WHATSAPP"
   */
  public ConsentRequiredException(CustomerId customer, ConsentPurpose purpose, Channel channel, String why) {
    super("Customer " + customer + ": outbound " + purpose + " contact on " + channel + " has no basis: " + why);
    this.customer = customer;
    this.purpose = purpose;
    this.channel = channel;
  }

  /**
   * The customer.
   *
   * @return the customer's id
   */
  public CustomerId customer() {
    return customer;
  }

  /**
   * The purpose of the refused contact.
   *
   * @return the purpose
   */
  public ConsentPurpose purpose() {
    return purpose;
  }

  /**
   * The channel of the refused contact.
   *
   * @return the channel
   */
  public Channel channel() {
    return channel;
  }
}
