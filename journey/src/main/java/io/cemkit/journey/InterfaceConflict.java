package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.internal.Checks;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * A stage where more than one department speaks on the same topic and their messages differ (J3): the
 * customer hears two stories. Messages are compared ignoring case and runs of white space.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInterfaceConflict.class)
@JsonDeserialize(as = ImmutableInterfaceConflict.class)
public abstract class InterfaceConflict {
  InterfaceConflict() {}

  /**
   * The stage.
   *
   * @return its code
   */
  @JsonProperty("stage")
  @Value.Parameter
  public abstract JourneyStage stage();

  /**
   * The topic.
   *
   * @return its code
   */
  @JsonProperty("topic")
  @Value.Parameter
  public abstract String topic();

  /**
   * Everything said on the topic in the stage, in journey order: at least two departments and two
   * different messages.
   *
   * @return the messages
   */
  @JsonProperty("messages")
  @Value.Parameter
  public abstract List<InterfaceMessage> messages();

  /**
   * A conflict.
   *
   * @param stage the stage
   * @param topic the topic
   * @param messages what each department said
   * @return the conflict
   * @throws IllegalArgumentException if fewer than two departments or two different messages are given
   */
  public static InterfaceConflict of(JourneyStage stage, String topic, List<InterfaceMessage> messages) {
    return ImmutableInterfaceConflict.of(stage, topic, Objects.requireNonNull(messages, "messages"));
  }

  /**
   * The departments involved.
   *
   * @return the owners, each once, in journey order
   */
  public List<String> owners() {
    return messages().stream().map(InterfaceMessage::owner).distinct().toList();
  }

  @Value.Check
  void check() {
    Checks.code("InterfaceConflict.topic", topic());
    Checks.check(owners().size() >= 2, "InterfaceConflict on '%s' needs at least two departments, had %s", topic(),
        owners());
    Checks.check(messages().stream().map(m -> normalize(m.text())).distinct().count() >= 2,
        "InterfaceConflict on '%s' needs at least two different messages", topic());
  }

  /** The form messages are compared in: lower case, runs of white space as one space, trimmed. */
  static String normalize(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }
}
