package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.internal.Checks;
import org.immutables.value.Value;

/** What one department tells the customer on a topic at a touchpoint (J3). */
@Value.Immutable
@JsonSerialize(as = ImmutableInterfaceMessage.class)
@JsonDeserialize(as = ImmutableInterfaceMessage.class)
public abstract class InterfaceMessage {
  InterfaceMessage() {}

  /**
   * The department that speaks.
   *
   * @return the touchpoint's owner
   */
  @JsonProperty("owner")
  @Value.Parameter
  public abstract String owner();

  /**
   * Where it speaks.
   *
   * @return the touchpoint's code
   */
  @JsonProperty("touchpoint")
  @Value.Parameter
  public abstract Touchpoint touchpoint();

  /**
   * What about.
   *
   * @return the topic's code
   */
  @JsonProperty("topic")
  @Value.Parameter
  public abstract String topic();

  /**
   * What it says.
   *
   * @return the message
   */
  @JsonProperty("text")
  @Value.Parameter
  public abstract String text();

  /**
   * A message.
   *
   * @param owner the department
   * @param touchpoint the touchpoint
   * @param topic the topic
   * @param text the message
   * @return the message
   */
  public static InterfaceMessage of(String owner, Touchpoint touchpoint, String topic, String text) {
    return ImmutableInterfaceMessage.of(owner, touchpoint, topic, text);
  }

  /** The same limits as the touchpoint's owner and messages it comes from. */
  @Value.Check
  void check() {
    Checks.text("InterfaceMessage.owner", owner(), MapTouchpoint.MAX_OWNER);
    Checks.code("InterfaceMessage.topic", topic());
    Checks.text("InterfaceMessage.text", text(), MapTouchpoint.MAX_TEXT);
  }
}
