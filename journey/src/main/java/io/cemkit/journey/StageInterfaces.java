package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.JourneyStage;
import java.util.List;
import org.immutables.value.Value;

/**
 * The departments (interfaces) that touch the customer in one stage and the messages each gives (J3).
 * Only controlled touchpoints count: friends and the press are nobody's department.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableStageInterfaces.class)
@JsonDeserialize(as = ImmutableStageInterfaces.class)
public abstract class StageInterfaces {
  StageInterfaces() {}

  /**
   * The stage.
   *
   * @return its code
   */
  @JsonProperty("stage")
  public abstract JourneyStage stage();

  /**
   * The departments, in the order they first appear in the stage.
   *
   * @return the owners, each once
   */
  @JsonProperty("owners")
  public abstract List<String> owners();

  /**
   * The messages the departments give, in journey order and by topic within a touchpoint.
   *
   * @return the messages
   */
  @JsonProperty("messages")
  public abstract List<InterfaceMessage> messages();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableStageInterfaces.Builder builder() {
    return ImmutableStageInterfaces.builder();
  }
}
