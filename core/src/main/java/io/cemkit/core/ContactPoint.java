package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * An address at which the customer can be reached on one channel: an e-mail address, a phone
 * number for calls, SMS or WhatsApp, a postal address, or a handle on a social network or app.
 *
 * <p>The address must be of the kind the channel needs: {@link PersonalData.Kind#EMAIL} for e-mail;
 * {@link PersonalData.Kind#PHONE} for phone, SMS, WhatsApp and fax; {@link PersonalData.Kind#ADDRESS}
 * for letters and field visits; {@link PersonalData.Kind#OTHER} for social, app, web, chatbot and
 * video handles. Branches and ATMs are places, not contact points.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContactPoint.class)
@JsonDeserialize(as = ImmutableContactPoint.class)
public abstract class ContactPoint {
  ContactPoint() {}

  /**
   * The channel.
   *
   * @return the channel
   */
  public abstract Channel channel();

  /**
   * The address on that channel.
   *
   * @return the address
   */
  public abstract PersonalData address();

  /**
   * Whether the customer prefers this contact point for its channel.
   *
   * @return true if preferred
   */
  @Value.Default
  public boolean preferred() {
    return false;
  }

  /**
   * Whether the address was verified (a confirmed e-mail, an answered OTP).
   *
   * @return true if verified
   */
  @Value.Default
  public boolean verified() {
    return false;
  }

  /**
   * A contact point, neither preferred nor verified.
   *
   * @param channel the channel
   * @param address the address
   * @return the contact point
   */
  public static ContactPoint of(Channel channel, PersonalData address) {
    return ImmutableContactPoint.builder().channel(channel).address(address).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableContactPoint.Builder builder() {
    return ImmutableContactPoint.builder();
  }

  /**
   * The kind of address a channel needs.
   *
   * @param channel the channel
   * @return the kind
   * @throws IllegalArgumentException for channels that are places (branch, ATM)
   */
  public static PersonalData.Kind addressKindFor(Channel channel) {
    switch (Objects.requireNonNull(channel, "channel")) {
      case EMAIL:
        return PersonalData.Kind.EMAIL;
      case PHONE:
      case SMS:
      case WHATSAPP:
      case FAX:
        return PersonalData.Kind.PHONE;
      case LETTER:
      case FIELD:
        return PersonalData.Kind.ADDRESS;
      case SOCIAL:
      case APP:
      case WEB:
      case CHATBOT:
      case VIDEO:
        return PersonalData.Kind.OTHER;
      default:
        throw new IllegalArgumentException("Channel " + channel
            + " is a place the customer visits, not a contact point");
    }
  }

  @Value.Check
  void check() {
    PersonalData.Kind expected = addressKindFor(channel());
    Checks.check(address().kind() == expected, "ContactPoint on %s needs a %s address, was %s", channel(),
        expected, address().kind());
  }
}
