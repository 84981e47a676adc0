package io.cemkit.journey;

import io.cemkit.journey.internal.HtmlPage;
import java.util.Objects;

/**
 * Writes a journey map as one standalone HTML page with an inline SVG (J8): no scripts, no external fonts,
 * style sheets or images, so the file can be mailed, archived or opened offline.
 *
 * <p>The SVG (element id {@code journey-map}) shows the stages as columns with their goals; a handoff row
 * with a numbered badge and a dashed line at every {@linkplain JourneyMap#handoffs() handoff}, riskiest
 * first; the touchpoint cards with channel, owner (a colour per department), expected time, emotion, and a
 * dashed outline for touchpoints the company does not control; the emotion curve, its falls in red and rises
 * in green, the largest drop labelled and each {@linkplain EmotionCurve#lowPoints() moment of truth} ringed;
 * expectations, pain points and opportunities; the blueprint lanes (frontstage, backstage, support) with
 * the lines of visibility and internal interaction and each step's fail point; a red badge on stages where
 * {@linkplain JourneyMap#interfaceConflicts() departments' messages differ}; and a legend. Below it, tables
 * list the moments of truth, the handoffs with their risk factors, the differing messages and the
 * departments of each stage. Hovering a card shows all its details.
 *
 * <p>Every text from the map is escaped, in element content and in attributes: a touchpoint named
 * {@code <script>} is shown as that text. The SVG is well-formed XML. The output is deterministic: the same
 * map gives the same bytes.
 */
public final class HtmlRenderer {
  private HtmlRenderer() {}

  /**
   * The HTML page of a map.
   *
   * @param map the map
   * @return the HTML document, in UTF-8 when written as bytes
   */
  public static String render(JourneyMap map) {
    Objects.requireNonNull(map, "map");
    return HtmlPage.render(map);
  }
}
