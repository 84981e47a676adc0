package io.cemkit.journey;

import io.cemkit.journey.internal.MermaidText;
import java.util.Objects;

/**
 * Writes a journey map as the text of a Mermaid {@code journey} diagram (J8): the title, the persona and
 * goal as the accessible description, one {@code section} per stage and one task per touchpoint in journey
 * order, scored by its emotion, with the persona and the touchpoint's owner as actors.
 *
 * <pre>
 * journey
 *   title Switching banks
 *   accDescr: Dana - Move her current account to a bank that charges no needless fees
 *   section Onboarding
 *     The credit card arrives - not the card she ordered: 1: Dana, Card operations
 * </pre>
 *
 * <p>The export is lossy by design: Mermaid has no channels, durations, lanes, pain points or flags; use
 * {@link HtmlRenderer} for the full map. Scores are {@link Emotion#mermaidScore()}: integers 0 to 5.
 *
 * <p>Mermaid's lexer breaks on some characters and words, so every title, section, task and actor is
 * sanitised:
 * <ul>
 *   <li>{@code :} (which ends a task name) becomes {@code " -"}, {@code ;} (a statement end) becomes
 *       {@code ,}, {@code #} (a comment, and the start of entity codes) becomes {@code No.};
 *   <li>two or more {@code %} in a row (a comment, or a {@code %%{init}%%} directive) become one {@code %};
 *   <li>{@code <} and {@code >} become {@code ‹} and {@code ›}, so no HTML tag (not even {@code <br>})
 *       reaches the diagram;
 *   <li>line breaks, tabs, other control characters and every kind of space become one space; runs of
 *       spaces become one and the ends are trimmed; a name left empty becomes {@code (unnamed)};
 *   <li>in actors, the separator {@code ,} (also one that came from a {@code ;}) becomes {@code " /"};
 *   <li>a task name that would start with a keyword the lexer matches first ({@code journey},
 *       {@code title }, {@code section }, {@code accTitle}, {@code accDescr}, in any case) gets an invisible
 *       zero-width space (U+200B) in front.
 * </ul>
 *
 * <p>The output is deterministic: the same map gives the same text, with {@code \n} line ends.
 */
public final class MermaidRenderer {
  private MermaidRenderer() {}

  /**
   * The Mermaid text of a map.
   *
   * @param map the map
   * @return the diagram's text, ending with a line end
   */
  public static String render(JourneyMap map) {
    Objects.requireNonNull(map, "map");
    StringBuilder out = new StringBuilder(256 + 96 * map.touchpoints().size());
    out.append("journey\n");
    out.append("  title ").append(MermaidText.name(map.title())).append('\n');
    out.append("  accDescr: ").append(MermaidText.name(map.persona().name() + ": " + map.persona().goal()))
        .append('\n');
    String persona = MermaidText.actor(map.persona().name());
    for (Stage stage : map.stages()) {
      out.append("  section ").append(MermaidText.name(stage.name())).append('\n');
      for (MapTouchpoint t : map.touchpointsIn(stage.id())) {
        out.append("    ").append(MermaidText.task(t.name())).append(": ").append(map.emotionAt(t).mermaidScore())
            .append(": ").append(persona);
        t.owner().map(MermaidText::actor).filter(o -> !o.equals(persona)).ifPresent(o -> out.append(", ").append(o));
        out.append('\n');
      }
    }
    return out.toString();
  }
}
