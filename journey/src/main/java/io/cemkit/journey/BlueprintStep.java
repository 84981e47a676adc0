package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.internal.Checks;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A step of the service blueprint behind the customer's touchpoints (J1): a frontstage employee action, a
 * backstage step or a support process, in a stage, owned by a department, optionally tied to the
 * touchpoints it serves and to the way it is known to fail (a fail point, as in Shostack's blueprints).
 */
@Value.Immutable
@JsonPropertyOrder({"id", "stage", "lane", "name", "owner", "supports", "failPoint"})
@JsonSerialize(as = ImmutableBlueprintStep.class)
@JsonDeserialize(as = ImmutableBlueprintStep.class)
public abstract class BlueprintStep {
  BlueprintStep() {}

  /**
   * The step's code, unique in the map among touchpoints and blueprint steps.
   *
   * @return the code
   */
  @JsonProperty("id")
  public abstract Touchpoint id();

  /**
   * The stage it belongs to; one of the map's stages.
   *
   * @return the stage's code
   */
  @JsonProperty("stage")
  public abstract JourneyStage stage();

  /**
   * The lane it sits in.
   *
   * @return the lane
   */
  @JsonProperty("lane")
  public abstract Lane lane();

  /**
   * What is done, e.g. {@code The card order is entered in the cards system}.
   *
   * @return 1 to 200 characters
   */
  @JsonProperty("name")
  public abstract String name();

  /**
   * The department or system that does it.
   *
   * @return 1 to 100 characters
   */
  @JsonProperty("owner")
  public abstract Optional<String> owner();

  /**
   * The touchpoints this step serves; each must be one of the map's touchpoints.
   *
   * @return the touchpoints' codes
   */
  @JsonProperty("supports")
  public abstract List<Touchpoint> supports();

  /**
   * How this step is known to fail, e.g. {@code the reorder is never recorded}.
   *
   * @return up to 500 characters
   */
  @JsonProperty("failPoint")
  public abstract Optional<String> failPoint();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableBlueprintStep.Builder builder() {
    return ImmutableBlueprintStep.builder();
  }

  @Value.Check
  void check() {
    String where = "Blueprint step " + id();
    Checks.text(where + " name", name(), MapTouchpoint.MAX_NAME);
    owner().ifPresent(o -> Checks.text(where + " owner", o, MapTouchpoint.MAX_OWNER));
    failPoint().ifPresent(f -> Checks.text(where + " failPoint", f, MapTouchpoint.MAX_TEXT));
  }
}
