package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import java.util.Objects;

/** A contact point with its address masked ({@code d***@e***.com}), safe for screens and logs. */
@Value.Immutable
@JsonSerialize(as = ImmutableMaskedContact.class)
@JsonDeserialize(as = ImmutableMaskedContact.class)
public abstract class MaskedContact {
  MaskedContact() {}

  /**
   * The channel.
   *
   * @return the channel
   */
  public abstract Channel channel();

  /**
   * The masked address.
   *
   * @return the address's masked form
   */
  public abstract String masked();

  /**
   * Whether the customer prefers it.
   *
   * @return true if preferred
   */
  public abstract boolean preferred();

  /**
   * Whether it was verified.
   *
   * @return true if verified
   */
  public abstract boolean verified();

  /**
   * The masked form of a contact point.
   *
   * @param contactPoint the contact point
   * @return its masked form
   */
  public static MaskedContact of(ContactPoint contactPoint) {
    ContactPoint c = Objects.requireNonNull(contactPoint, "contactPoint");
    return ImmutableMaskedContact.builder().channel(c.channel()).masked(c.address().masked()).preferred(c.preferred())
        .verified(c.verified()).build();
  }
}
