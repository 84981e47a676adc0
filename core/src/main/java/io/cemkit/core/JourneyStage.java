package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cemkit.core.internal.Checks;
import java.util.List;

/**
 * A stage of the customer's journey. The defaults follow the classic map (awareness, consideration,
 * purchase, onboarding, service, loyalty); any other code is allowed for custom journeys.
 * Interactions, NPS responses and journey maps share this type.
 *
 * <p>A code of 1 to 128 letters, digits and {@code - _ . : /}; written to JSON as a plain string.
 *
 * @param code the code
 */
public record JourneyStage(String code) {
  /** The customer learns that the company exists. */
  public static final JourneyStage AWARENESS = new JourneyStage("awareness");
  /** The customer compares and weighs offers. */
  public static final JourneyStage CONSIDERATION = new JourneyStage("consideration");
  /** The customer buys or signs. */
  public static final JourneyStage PURCHASE = new JourneyStage("purchase");
  /** The customer is set up and starts using the product. */
  public static final JourneyStage ONBOARDING = new JourneyStage("onboarding");
  /** The customer uses the product and gets service. */
  public static final JourneyStage SERVICE = new JourneyStage("service");
  /** The customer stays, renews and recommends. */
  public static final JourneyStage LOYALTY = new JourneyStage("loyalty");

  /**
   * Validates the code.
   *
   * @param code the code
   * @throws IllegalArgumentException if the code is empty, too long or has other characters
   */
  public JourneyStage {
    Checks.code("JourneyStage", code);
  }

  /**
   * The stage with the given code.
   *
   * @param code the code
   * @return the stage
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static JourneyStage of(String code) {
    return new JourneyStage(code);
  }

  /**
   * The default stages, in journey order.
   *
   * @return awareness, consideration, purchase, onboarding, service, loyalty
   */
  public static List<JourneyStage> defaults() {
    return List.of(AWARENESS, CONSIDERATION, PURCHASE, ONBOARDING, SERVICE, LOYALTY);
  }

  /** The code itself. */
  @JsonValue
  @Override
  public String toString() {
    return code;
  }
}
