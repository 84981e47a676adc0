package io.cemkit.examples;

import io.cemkit.core.Touchpoint;
import io.cemkit.journey.Attribution;
import io.cemkit.journey.ChannelSwitches;
import io.cemkit.journey.DesignedVsObserved;
import io.cemkit.journey.EventLog;
import io.cemkit.journey.Funnel;
import io.cemkit.journey.FunnelReport;
import io.cemkit.journey.FunnelStep;
import io.cemkit.journey.HtmlRenderer;
import io.cemkit.journey.InterfaceConflict;
import io.cemkit.journey.InterfaceMessage;
import io.cemkit.journey.JourneyEvent;
import io.cemkit.journey.JourneyMap;
import io.cemkit.journey.JourneyMapJson;
import io.cemkit.journey.MapTouchpoint;
import io.cemkit.journey.MermaidRenderer;
import io.cemkit.journey.ObservedJourney;
import io.cemkit.journey.ObservedRenderer;
import io.cemkit.journey.TouchpointFeedback;
import io.cemkit.journey.Transition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tells what the {@code journey} module measured in a demo's simulated events (J6) and how it compares with the
 * designed map (J7), and writes the pictures: the same sections and files for the bank's prospects and the
 * shop's visitors. Everything it prints comes from {@link ObservedJourney} and {@link DesignedVsObserved}.
 */
final class ObservedStory {
  private final PrintWriter out;
  private final JourneyMap map;
  private final List<JourneyEvent> events;
  private final ObservedJourney observed;
  private final Funnel funnel;
  private final FunnelReport report;
  private final DesignedVsObserved comparison;

  /**
   * Observes the events (sorted by time, so that the CSV file written later reads back in the same order).
   *
   * @param out the story
   * @param map the designed map
   * @param events the simulated events
   * @param funnel the stage funnel to measure
   */
  ObservedStory(PrintWriter out, JourneyMap map, List<JourneyEvent> events, Funnel funnel) {
    this.out = Objects.requireNonNull(out, "out");
    this.map = Objects.requireNonNull(map, "map");
    this.events = events.stream().sorted(Comparator.comparing(JourneyEvent::at)).toList();
    this.observed = EventLog.of(this.events).observe();
    this.funnel = Objects.requireNonNull(funnel, "funnel");
    this.report = observed.funnel(funnel);
    this.comparison = DesignedVsObserved.of(map, observed);
  }

  /** A journey map shipped in the examples' resources, such as {@code journeys/checkout.json}. */
  static JourneyMap readMap(String resource) {
    try (java.io.InputStream in = ObservedStory.class.getResourceAsStream("/" + resource)) {
      return JourneyMapJson.read(new String(Objects.requireNonNull(in, resource).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  JourneyMap map() {
    return map;
  }

  ObservedJourney observed() {
    return observed;
  }

  FunnelReport report() {
    return report;
  }

  DesignedVsObserved comparison() {
    return comparison;
  }

  /** The funnel as a table: who reached each stage, conversion, drop-off and time to convert. */
  void funnel(String who) {
    List<List<String>> rows = new ArrayList<>();
    for (FunnelStep s : report.steps()) {
      rows.add(List.of(s.stage(), Figures.count(s.customers()), Figures.percent(s.conversion()),
          Figures.percent(s.overallConversion()), Figures.count(s.dropOff()),
          Figures.duration(s.medianSecondsToConvert())));
    }
    table(List.of("stage", who, "conversion", "of all", "dropped", "median time to here"), rows);
  }

  /**
   * Per step with a drop-off: how many left, the touchpoint right after the event that completed their last
   * step (the library's "did next"), where they went after their last event in that stage, and the first few.
   */
  void dropOffs() {
    Map<String, List<JourneyEvent>> byCustomer = events.stream().collect(Collectors.groupingBy(JourneyEvent::customer));
    for (int i = 1; i < report.steps().size(); i++) {
      FunnelStep s = report.steps().get(i);
      if (s.dropOff() == 0) {
        continue;
      }
      String left = report.steps().get(i - 1).stage();
      List<String> who = report.droppedAt(i);
      Map<String, Long> after = who.stream().map(c -> afterLast(byCustomer.get(c), left))
          .collect(Collectors.groupingBy(t -> t, java.util.TreeMap::new, Collectors.counting()));
      out.printf(Locale.ROOT, "  reached %s, not %s: %s (e.g. %s)%n", left, s.stage(), Figures.count(s.dropOff()),
          String.join(", ", who.subList(0, Math.min(3, who.size()))));
      out.printf(Locale.ROOT, "    next they did %s; after their last %s event: %s%n", top(s.nextAfterDropOff()), left,
          top(after));
    }
  }

  /** The touchpoint after the customer's last event in the stage, or (end). */
  private static String afterLast(List<JourneyEvent> trail, String stage) {
    for (int i = trail.size() - 1; i >= 0; i--) {
      if (trail.get(i).stage().equals(stage)) {
        return i + 1 < trail.size() ? trail.get(i + 1).touchpoint() : FunnelStep.END;
      }
    }
    return FunnelStep.END;
  }

  private static String top(Map<String, Long> counts) {
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
        .map(e -> e.getKey() + " " + Figures.count(e.getValue())).collect(Collectors.joining(", "));
  }

  /** Channel switches and the resumptions, by stage. */
  void switches() {
    ChannelSwitches s = observed.channelSwitches();
    out.printf(Locale.ROOT, "  %s channel switches; %s resumptions (the same stage continued in another channel): "
        + "%s%n", Figures.count(s.switches()), Figures.count(s.resumptions()), s.resumptionsByStage().entrySet()
        .stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + Figures.count(e.getValue())).collect(Collectors.joining(", ")));
  }

  /** Sentiment and NPS at the touchpoints where customers told how they felt. */
  void feedback() {
    List<List<String>> rows = new ArrayList<>();
    for (TouchpointFeedback f : observed.feedback()) {
      if (f.sentiments() == 0 && f.answers() == 0) {
        continue;
      }
      String sentiment = f.meanSentiment().isPresent()
          ? String.format(Locale.ROOT, "%+.2f", f.meanSentiment().getAsDouble()) : "-";
      rows.add(List.of(f.touchpoint(), Figures.count(f.events()), sentiment + " (" + f.sentiments() + ")",
          f.nps().isPresent() ? Figures.signed(f.nps().getAsDouble()) + " (" + f.answers() + ")" : "-"));
    }
    table(List.of("touchpoint", "events", "sentiment (n)", "NPS (answers)"), rows);
  }

  /**
   * Markov removal-effect attribution of the conversions: the touchpoints every converting path needs
   * (removal effect 1) in one line, then the others, the largest first.
   */
  void attribution(int limit) {
    Attribution a = observed.attribution(funnel);
    out.printf(Locale.ROOT, "  %s of %s paths convert (P = %.3f)%n", Figures.count(a.conversions()),
        Figures.count(a.paths()), a.conversionProbability());
    List<Attribution.AttributedTouchpoint> needed = a.touchpoints().stream().filter(t -> t.removalEffect() >= 1)
        .toList();
    if (!needed.isEmpty()) {
      out.printf(Locale.ROOT, "  on every converting path (removal effect 1, %s of the credit each): %s%n",
          Figures.percent(needed.get(0).share()), needed.stream().map(Attribution.AttributedTouchpoint::touchpoint)
              .collect(Collectors.joining(", ")));
    }
    List<List<String>> rows = new ArrayList<>();
    a.touchpoints().stream().filter(t -> t.removalEffect() < 1).limit(limit).forEach(t -> rows.add(List.of(
        t.touchpoint(), String.format(Locale.ROOT, "%.3f", t.removalEffect()), Figures.percent(t.share()),
        String.format(Locale.ROOT, "%.1f", t.conversions()))));
    table(List.of("touchpoint", "removal effect", "share", "conversions"), rows);
  }

  /** The designed map against the observation: every J7 finding, with the owners from the map. */
  void comparison(int transitions) {
    out.println("  touchpoints on the map nobody used: " + list(comparison.unusedTouchpoints()));
    out.println("  touchpoints used but not on the map: " + list(comparison.unmappedTouchpoints()));
    out.printf(Locale.ROOT, "  transitions the map lacks (%d, the most frequent):%n",
        comparison.unexpectedTransitions().size());
    for (Transition t : comparison.unexpectedTransitions().subList(0, Math.min(transitions,
        comparison.unexpectedTransitions().size()))) {
      out.printf(Locale.ROOT, "    %s -> %s: %s, median gap %s%n", t.from(), t.to(), Figures.count(t.count()),
          Figures.duration(t.medianGapSeconds()));
    }
    for (DesignedVsObserved.SlowStage s : comparison.slowStages()) {
      out.printf(Locale.ROOT, "  slower than designed: %s takes a median %s over %s visits; the map expects %s%n",
          s.stage(), Figures.duration(s.observedMedianSeconds()), Figures.count(s.visits()),
          Figures.duration(s.expectedSeconds()));
    }
    out.println("  designed emotion against observed sentiment, largest gaps first:");
    comparison.emotions().stream().filter(e -> e.gap().isPresent())
        .sorted(Comparator.comparingDouble(e -> -Math.abs(e.gap().getAsDouble())))
        .forEach(e -> out.printf(Locale.ROOT, "    %-20s designed %-11s %+.2f, observed %+.2f, gap %+.2f%s%n",
            e.touchpoint(), e.emotion(), e.designedValence(), e.observedSentiment().getAsDouble(),
            e.gap().getAsDouble(), e.nps().isPresent() ? ", NPS " + Figures.signed(e.nps().getAsDouble()) : ""));
    out.println("  loss at the map's handoffs (a change of owner), the largest first:");
    comparison.handoffLosses().stream().sorted(Comparator.comparingDouble(h -> -h.loss()))
        .forEach(h -> out.printf(Locale.ROOT, "    %s (%s) -> %s (%s): %s were at %s, %s of them reached %s "
                + "later: loss %s%n", h.from(), owner(h.from()), h.to(), owner(h.to()),
            Figures.count(h.customersAtFrom()), h.from(), Figures.count(h.reachedTo()), h.to(),
            Figures.percent(h.loss())));
    for (InterfaceConflict c : map.interfaceConflicts()) {
      out.printf(Locale.ROOT, "  two messages on '%s' in %s: %s%n", c.topic(), c.stage().code(), c.messages().stream()
          .map(ObservedStory::said).collect(Collectors.joining(" / ")));
    }
  }

  /**
   * Writes the designed map's pictures: its page, its Mermaid journey and its canonical JSON.
   *
   * @param out the story
   * @param files the folder
   * @param prefix the files' common prefix
   * @param map the map
   */
  static void mapPictures(PrintWriter out, DemoFiles files, String prefix, JourneyMap map) {
    files.write(out, prefix + "-map.html", HtmlRenderer.render(map), "the designed map: stages as columns, "
        + "touchpoint cards with owners, the emotion curve with its moments of truth, the blueprint lanes, "
        + "the handoffs and the messages that differ");
    files.write(out, prefix + "-map.mmd", MermaidRenderer.render(map), "the designed map as a Mermaid journey");
    files.write(out, prefix + "-map.json", JourneyMapJson.write(map), "the map in the cemkit-journey/1 schema");
  }

  /**
   * Writes the observation's pictures: the map's page with the observed layer, the funnel page, the transition
   * graph in Mermaid, the events as CSV and the observed JSON.
   *
   * @param files the folder
   * @param prefix the files' common prefix
   * @param mapResource the map's path in the repository, for the command that gives the JSON again
   */
  void observedPictures(DemoFiles files, String prefix, String mapResource) {
    files.write(out, prefix + "-journey.html", comparison.html(map), "the designed map with the observed "
        + "sentiment drawn as a second curve over the designed emotion");
    files.write(out, prefix + "-funnel.html", ObservedRenderer.html(map.title() + ": observed", report,
        observed.transitions(), observed.channelSwitches()), "the funnel as bars with the drop-off and what the "
        + "dropped did next, and every transition with its gaps");
    files.write(out, prefix + "-observed.mmd", ObservedRenderer.mermaid(observed.transitions()),
        "the observed transition graph as a Mermaid flowchart, edges labelled with their counts");
    files.write(out, "events.csv", EventTrail.csv(events), "the simulated events (customer_id, timestamp, "
        + "touchpoint, stage, channel, outcome, sentiment, nps)");
    files.write(out, prefix + "-observed.json", ObservedJson.write(observed, funnel, 10, Optional.of(comparison)),
        "the figures above as `cemkit journey observe " + files.dir().resolve("events.csv") + " --stages "
            + String.join(",", funnel.stages()) + " --map " + mapResource + "` writes them");
  }

  private String owner(String touchpoint) {
    return map.touchpoint(Touchpoint.of(touchpoint)).flatMap(MapTouchpoint::owner).orElse("uncontrolled");
  }

  private static String said(InterfaceMessage m) {
    return m.owner() + " at " + m.touchpoint().code() + ": \"" + m.text() + "\"";
  }

  private void table(List<String> header, List<List<String>> rows) {
    StringWriter text = new StringWriter();
    Table.print(new PrintWriter(text), header, rows);
    text.toString().lines().forEach(line -> out.println("  " + line));
  }

  private static String list(List<String> values) {
    return values.isEmpty() ? "none" : String.join(", ", values);
  }
}
