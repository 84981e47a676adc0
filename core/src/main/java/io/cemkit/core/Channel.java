package io.cemkit.core;

/**
 * A channel through which the company and the customer meet.
 *
 * <p>Shared by interactions, consent, entitlements, NPS and journey maps.
 */
public enum Channel {
  /** A voice call, human or IVR. */
  PHONE,
  /** The company's website. */
  WEB,
  /** The company's mobile app. */
  APP,
  /** WhatsApp or a similar messaging service. */
  WHATSAPP,
  /** A conversation with a bot on any surface. */
  CHATBOT,
  /** A branch, shop or service counter. */
  BRANCH,
  /** E-mail. */
  EMAIL,
  /** Text message. */
  SMS,
  /** A social network. */
  SOCIAL,
  /** Postal mail. */
  LETTER,
  /** An ATM or self-service kiosk. */
  ATM,
  /** Fax. */
  FAX,
  /** A visit at the customer's premises (technician, courier). */
  FIELD,
  /** A video call. */
  VIDEO
}
