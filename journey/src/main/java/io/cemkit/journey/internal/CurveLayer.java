package io.cemkit.journey.internal;

import io.cemkit.core.Touchpoint;
import java.util.Map;
import java.util.Set;

/**
 * One line drawn in the emotion lane of the HTML page: the designed curve today, an observed one (sentiment
 * per touchpoint from event logs) later, on the same columns. Not supported API.
 *
 * @param label the name shown in the legend
 * @param cssClass the class that styles the line and its points
 * @param valences the valence at each touchpoint it has a value for, from -1 to 1
 * @param lowPoints the touchpoints to mark as moments of truth
 */
public record CurveLayer(String label, String cssClass, Map<Touchpoint, Double> valences, Set<Touchpoint> lowPoints) {
  /**
   * Copies the collections.
   *
   * @param label the name shown in the legend
   * @param cssClass the class that styles the line and its points
   * @param valences the valence at each touchpoint it has a value for
   * @param lowPoints the touchpoints to mark as moments of truth
   */
  public CurveLayer {
    valences = Map.copyOf(valences);
    lowPoints = Set.copyOf(lowPoints);
  }
}
