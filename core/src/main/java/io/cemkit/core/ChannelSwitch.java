package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import org.immutables.value.Value;

/** A continuation moved from one channel to another; the switch is also an interaction. */
@Value.Immutable
@JsonSerialize(as = ImmutableChannelSwitch.class)
@JsonDeserialize(as = ImmutableChannelSwitch.class)
public abstract class ChannelSwitch {
  ChannelSwitch() {}

  /**
   * The channel left.
   *
   * @return the channel
   */
  public abstract Channel from();

  /**
   * The channel taken up.
   *
   * @return the channel
   */
  public abstract Channel to();

  /**
   * When.
   *
   * @return the instant
   */
  public abstract Instant at();

  /**
   * Who served the customer in the new channel.
   *
   * @return the performer
   */
  public abstract Actor performer();

  /**
   * The interaction that documents the switch.
   *
   * @return the interaction's id
   */
  public abstract InteractionId interaction();

  /**
   * A switch.
   *
   * @param from the channel left
   * @param to the channel taken up
   * @param at when
   * @param performer who served the customer in the new channel
   * @param interaction the documenting interaction
   * @return the switch
   */
  public static ChannelSwitch of(Channel from, Channel to, Instant at, Actor performer, InteractionId interaction) {
    return ImmutableChannelSwitch.builder().from(from).to(to).at(at).performer(performer).interaction(interaction)
        .build();
  }

  @Value.Check
  void check() {
    io.cemkit.core.internal.Checks.check(from() != to(), "ChannelSwitch from %s to the same channel", from());
  }
}
