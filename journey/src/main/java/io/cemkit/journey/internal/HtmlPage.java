package io.cemkit.journey.internal;

import io.cemkit.core.JourneyStage;
import io.cemkit.core.Touchpoint;
import io.cemkit.journey.BlueprintStep;
import io.cemkit.journey.CurvePoint;
import io.cemkit.journey.EmotionCurve;
import io.cemkit.journey.EmotionDrop;
import io.cemkit.journey.HandoffFlag;
import io.cemkit.journey.InterfaceConflict;
import io.cemkit.journey.InterfaceMessage;
import io.cemkit.journey.JourneyMap;
import io.cemkit.journey.Lane;
import io.cemkit.journey.MapTouchpoint;
import io.cemkit.journey.Stage;
import io.cemkit.journey.StageInterfaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The standalone HTML page of a journey map: a header, one inline SVG with the map itself (stages as
 * columns; lanes for handoffs, touchpoints, the emotion curve, notes and the blueprint; a legend), and
 * tables of the flags. Every user-provided text is escaped; nothing outside the page is loaded. Not
 * supported API: {@link io.cemkit.journey.HtmlRenderer} is.
 *
 * <p>The emotion lane draws a list of {@link CurveLayer}s on the same columns, so a second layer (observed
 * sentiment) can be added without touching the rest of the layout.
 */
public final class HtmlPage {
  private static final int PAD = 16;
  private static final int LABEL_W = 150;
  private static final int COL_W = 176;
  private static final int CARD_W = COL_W - 16;
  private static final int LANE_GAP = 8;
  private static final int EMOTION_H = 210;
  private static final int HANDOFF_H = 34;
  private static final String[] STAGE_FILLS = {"#e7f5ff", "#f3f0ff", "#e6fcf5", "#fff4e6", "#fff0f6", "#f4fce3"};
  private static final String[] STAGE_INKS = {"#1864ab", "#5f3dc4", "#087f5b", "#d9480f", "#a61e4d", "#5c940d"};
  private static final String[] OWNER_COLOURS = {"#1c7ed6", "#7048e8", "#0c8599", "#e8590c", "#c2255c", "#5c940d",
      "#862e9c", "#e67700", "#2b8a3e", "#495057"};
  private static final Map<Lane, String> LANE_NAMES = Map.of(Lane.FRONTSTAGE, "Frontstage actions",
      Lane.BACKSTAGE, "Backstage", Lane.SUPPORT, "Support processes");

  private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', "
      + "Arial, sans-serif";
  private static final String SVG_STYLE = String.join("\n",
      "text { font-family: " + FONT + "; fill: #212529; }",
      ".lane-label { font-size: 13px; font-weight: 700; fill: #343a40; }",
      ".lane-hint { font-size: 11px; fill: #868e96; }",
      ".stage-name { font-size: 15px; font-weight: 700; }",
      ".stage-goal { font-size: 11.5px; fill: #495057; }",
      ".tp-name { font-size: 13px; font-weight: 600; }",
      ".small { font-size: 11.5px; fill: #495057; }",
      ".badge { font-size: 10.5px; font-weight: 600; letter-spacing: 0.02em; }",
      ".card { fill: #ffffff; stroke: #ced4da; stroke-width: 1; }",
      ".card.uncontrolled { fill: #f8f9fa; stroke: #868e96; stroke-dasharray: 5 3; }",
      ".step { fill: #ffffff; stroke: #dee2e6; stroke-width: 1; }",
      ".step-name { font-size: 12px; font-weight: 600; }",
      ".fail { font-size: 11px; fill: #c92a2a; }",
      ".pain { font-size: 11.5px; fill: #c92a2a; }",
      ".opportunity { font-size: 11.5px; fill: #2b8a3e; }",
      ".expects { font-size: 11.5px; fill: #495057; font-style: italic; }",
      ".grid { stroke: #dee2e6; stroke-width: 1; }",
      ".grid.zero { stroke: #adb5bd; stroke-dasharray: 4 4; }",
      ".axis { font-size: 11px; fill: #868e96; }",
      ".curve-designed { fill: none; stroke: #343a40; stroke-width: 2.5; }",
      ".curve-observed { fill: none; stroke: #1c7ed6; stroke-width: 2.5; stroke-dasharray: 6 4; }",
      ".seg-fall { stroke: #e03131; stroke-width: 3.5; }",
      ".seg-rise { stroke: #2f9e44; stroke-width: 3.5; }",
      ".seg-flat { stroke: #868e96; stroke-width: 3; }",
      ".emotion-label { font-size: 11.5px; font-weight: 600; }",
      ".low-ring { fill: none; stroke: #e03131; stroke-width: 2.5; }",
      ".low-label { font-size: 11px; font-weight: 700; fill: #c92a2a; }",
      ".drop-label { font-size: 11px; font-weight: 700; fill: #c92a2a; }",
      ".handoff-line { stroke: #e8590c; stroke-width: 2; stroke-dasharray: 6 4; stroke-opacity: 0.7; }",
      ".handoff-text { font-size: 11px; font-weight: 700; fill: #ffffff; }",
      ".conflict-text { font-size: 11px; font-weight: 700; fill: #c92a2a; }",
      ".visibility { stroke: #495057; stroke-width: 1.5; stroke-dasharray: 8 4; }",
      ".line-name { font-size: 10.5px; fill: #495057; font-style: italic; }",
      ".legend-text { font-size: 12px; fill: #343a40; }");
  private static final String PAGE_STYLE = String.join("\n",
      "body { margin: 0; background: #f1f3f5; color: #212529; font-family: " + FONT + "; }",
      "header, main > section { max-width: 1400px; padding: 0 24px; }",
      "header { padding-top: 24px; padding-bottom: 8px; }",
      "h1 { font-size: 26px; margin: 0 0 6px; }",
      "h2 { font-size: 18px; margin: 28px 0 10px; }",
      ".persona { font-size: 15px; margin: 0 0 4px; }",
      ".persona-description { font-size: 13.5px; color: #495057; margin: 0 0 10px; }",
      ".chips { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0 16px; padding: 0; list-style: none; }",
      ".chips li { background: #fff; border: 1px solid #dee2e6; border-radius: 999px; padding: 4px 12px; "
          + "font-size: 13px; }",
      ".chips li.alert { border-color: #ffa8a8; color: #c92a2a; font-weight: 600; }",
      ".chips li.warn { border-color: #ffc078; color: #d9480f; font-weight: 600; }",
      ".map { overflow-x: auto; background: #fff; border-top: 1px solid #dee2e6; border-bottom: 1px solid #dee2e6; "
          + "padding: 8px 0; }",
      ".map svg { display: block; }",
      "#fit { margin: 4px 6px 10px 24px; vertical-align: middle; }",
      "#fit + label { font-size: 13px; color: #495057; vertical-align: middle; }",
      "#fit:checked ~ .map svg { width: 100%; height: auto; min-width: 1280px; }",
      "table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13.5px; }",
      "th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid #e9ecef; }",
      "th { background: #f8f9fa; font-weight: 600; color: #495057; }",
      "td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
      ".risk-high { color: #c92a2a; font-weight: 700; }",
      ".risk-medium { color: #d9480f; font-weight: 700; }",
      ".risk-low { color: #495057; }",
      ".none { color: #868e96; font-style: italic; }",
      "footer { max-width: 1400px; margin: 32px 0; padding: 0 24px; font-size: 12px; color: #868e96; }");

  private final JourneyMap map;
  private final List<CurveLayer> layers;
  private final List<MapTouchpoint> order;
  private final Map<Touchpoint, Integer> column = new HashMap<>();
  private final Map<String, String> ownerColour = new LinkedHashMap<>();
  private final EmotionCurve curve;
  private final List<HandoffFlag> handoffs;
  private final List<InterfaceConflict> conflicts;
  private final Markup out = new Markup();

  private HtmlPage(JourneyMap map, List<CurveLayer> layers) {
    this.map = map;
    this.layers = List.copyOf(layers);
    this.order = map.journeyOrder();
    for (int i = 0; i < order.size(); i++) {
      column.put(order.get(i).id(), i);
    }
    order.forEach(t -> t.owner().ifPresent(this::colourFor));
    map.steps().forEach(s -> s.owner().ifPresent(this::colourFor));
    this.curve = map.curve();
    this.handoffs = map.handoffs();
    this.conflicts = map.interfaceConflicts();
  }

  /**
   * The page with the map's designed emotion curve.
   *
   * @param map the map
   * @return the HTML document
   */
  public static String render(JourneyMap map) {
    return render(map, List.of(designed(map)));
  }

  /**
   * The page with the given layers in the emotion lane.
   *
   * @param map the map
   * @param layers the curves to draw, the designed one first
   * @return the HTML document
   */
  public static String render(JourneyMap map, List<CurveLayer> layers) {
    return new HtmlPage(map, layers).page();
  }

  /**
   * The designed curve as a layer.
   *
   * @param map the map
   * @return the layer
   */
  public static CurveLayer designed(JourneyMap map) {
    EmotionCurve curve = map.curve();
    Map<Touchpoint, Double> valences = new LinkedHashMap<>();
    curve.points().forEach(p -> valences.put(p.touchpoint(), p.valence()));
    Set<Touchpoint> low = new HashSet<>();
    curve.lowPoints().forEach(p -> low.add(p.touchpoint()));
    return new CurveLayer("Designed emotion", "curve-designed", valences, low);
  }

  private String colourFor(String owner) {
    return ownerColour.computeIfAbsent(owner, o -> OWNER_COLOURS[ownerColour.size() % OWNER_COLOURS.length]);
  }

  private String page() {
    out.raw("<!DOCTYPE html>").newline().open("html", "lang", "en").newline().open("head").newline()
        .empty("meta", "charset", "utf-8").newline()
        .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline()
        .element("title", "Journey map: " + map.title()).newline()
        .open("style").raw(PAGE_STYLE).close("style").newline()
        .close("head").newline().open("body").newline();
    header();
    // By default the map is scaled to the window (down to a legible minimum); unticking the box shows it at full
    // size, scrolling sideways. CSS alone does it: the page has no script.
    out.open("main").newline().empty("input", "type", "checkbox", "id", "fit", "checked", "checked")
        .element("label", "Fit the map to the window (untick for full size)", "for", "fit").newline()
        .open("div", "class", "map").newline();
    svg();
    out.newline().close("div").newline();
    tables();
    out.close("main").newline();
    out.open("footer").text("Drawn by cemkit from the journey map \u201C" + map.title() + "\u201D. Emotions are "
        + "designed (assumed), not observed.").close("footer").newline();
    out.close("body").newline().close("html").newline();
    return out.toString();
  }

  private void header() {
    out.open("header").newline().element("h1", map.title()).newline();
    out.open("p", "class", "persona").element("strong", map.persona().name()).text(" \u2014 goal: "
        + map.persona().goal()).close("p").newline();
    map.persona().description().ifPresent(d -> out.element("p", d, "class", "persona-description").newline());
    out.open("ul", "class", "chips").newline();
    out.element("li", map.audience().name().equals("PROSPECT") ? "Prospect (not yet a customer)" : "Customer");
    map.segment().ifPresent(s -> out.element("li", "Segment: " + s.code()));
    out.element("li", count(map.stages().size(), "stage") + ", " + count(order.size(), "touchpoint")
        + (map.steps().isEmpty() ? "" : ", " + count(map.steps().size(), "blueprint step")));
    int low = curve.lowPoints().size();
    out.element("li", count(low, "moment of truth", "moments of truth"), "class", low > 0 ? "alert" : null);
    out.element("li", count(handoffs.size(), "handoff"), "class", handoffs.isEmpty() ? null : "warn");
    out.element("li", count(conflicts.size(), "message conflict"), "class", conflicts.isEmpty() ? null : "alert");
    out.close("ul").newline().close("header").newline();
  }

  // ---------------------------------------------------------------- the SVG

  private int x(int col) {
    return PAD + LABEL_W + col * COL_W;
  }

  private void svg() {
    int width = x(order.size()) + PAD;
    Layout layout = layout();
    int height = layout.end + PAD;
    out.open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", "journey-map", "class", "journey-map",
        "width", width, "height", height, "viewBox", "0 0 " + width + " " + height, "role", "img",
        "aria-labelledby", "journey-map-title").newline();
    out.element("title", "Journey map: " + map.title() + " (" + map.persona().name() + ")", "id", "journey-map-title")
        .newline();
    out.open("style").raw(SVG_STYLE).close("style").newline();
    out.empty("rect", "x", 0, "y", 0, "width", width, "height", height, "fill", "#ffffff").newline();
    stages(layout);
    if (layout.handoffs >= 0) {
      handoffRow(layout);
    }
    touchpointLane(layout);
    emotionLane(layout);
    if (layout.notes >= 0) {
      notesLane(layout);
    }
    blueprint(layout);
    legend(layout);
    out.close("svg");
  }

  /** The y of each lane's top and the heights that depend on content. */
  private static final class Layout {
    int header;
    int headerH;
    int handoffs = -1;
    int touchpoints;
    int cardH;
    int emotion;
    int notes = -1;
    int notesH;
    final Map<Lane, Integer> lanes = new LinkedHashMap<>();
    final Map<Lane, Integer> laneH = new HashMap<>();
    final Map<Lane, Map<BlueprintStep, int[]>> placed = new HashMap<>();
    final Map<Lane, Integer> stepH = new HashMap<>();
    int legend;
    int end;
  }

  private Layout layout() {
    Layout l = new Layout();
    int y = PAD;
    l.header = y;
    int goalLines = 0;
    for (Stage s : map.stages()) {
      goalLines = Math.max(goalLines, s.goal().map(g -> goal(s, g).size()).orElse(0));
    }
    boolean anyConflict = !conflicts.isEmpty();
    l.headerH = 14 + 18 + goalLines * 15 + (anyConflict ? 22 : 0) + 10;
    y += l.headerH + LANE_GAP;
    if (!handoffs.isEmpty()) {
      l.handoffs = y;
      y += HANDOFF_H;
    }
    l.touchpoints = y;
    l.cardH = order.stream().mapToInt(this::cardHeight).max().orElse(80);
    y += l.cardH + 16 + LANE_GAP;
    l.emotion = y;
    y += EMOTION_H + LANE_GAP;
    int notesLines = order.stream().mapToInt(t -> notes(t).size()).max().orElse(0);
    if (notesLines > 0) {
      l.notes = y;
      l.notesH = 18 + notesLines * 15;
      y += l.notesH + LANE_GAP;
    }
    if (!map.steps().isEmpty()) {
      for (Lane lane : Lane.values()) {
        Map<BlueprintStep, int[]> placed = place(lane);
        int h = map.steps().stream().filter(s -> s.lane() == lane).mapToInt(this::stepHeight).max().orElse(0);
        int rows = placed.values().stream().mapToInt(p -> p[1] + 1).max().orElse(0);
        l.lanes.put(lane, y);
        l.placed.put(lane, placed);
        l.stepH.put(lane, h);
        int laneH = Math.max(44, rows * (h + 10) + 14);
        l.laneH.put(lane, laneH);
        y += laneH + 14;
      }
    }
    l.legend = y + 6;
    l.end = l.legend + legendHeight();
    return l;
  }

  private List<String> goal(Stage stage, String goal) {
    int width = map.touchpointsIn(stage.id()).size() * COL_W - 24;
    return TextWrap.lines(goal, width * 10 / 68, 3);
  }

  private void stages(Layout l) {
    int col = 0;
    for (int i = 0; i < map.stages().size(); i++) {
      Stage stage = map.stages().get(i);
      int n = map.touchpointsIn(stage.id()).size();
      int x = x(col);
      int w = n * COL_W;
      String fill = STAGE_FILLS[i % STAGE_FILLS.length];
      String ink = STAGE_INKS[i % STAGE_INKS.length];
      // The stage's column runs down the lanes as a faint band, so touchpoints and steps read as one column.
      out.empty("rect", "x", x + 2, "y", l.header, "width", w - 4, "height", l.legend - l.header - 10, "rx", 10,
          "fill", fill, "fill-opacity", "0.35").newline();
      out.open("g", "class", "stage", "data-stage", stage.id().code()).newline();
      out.empty("rect", "x", x + 2, "y", l.header, "width", w - 4, "height", l.headerH, "rx", 10, "fill", fill,
          "stroke", ink, "stroke-opacity", "0.35").newline();
      out.element("text", (i + 1) + ". " + stage.name(), "class", "stage-name", "x", x + 14, "y", l.header + 26,
          "style", "fill: " + ink).newline();
      int y = l.header + 26;
      for (String line : stage.goal().map(g -> goal(stage, g)).orElse(List.of())) {
        y += 15;
        out.element("text", line, "class", "stage-goal", "x", x + 14, "y", y).newline();
      }
      List<InterfaceConflict> here = conflicts.stream().filter(c -> c.stage().equals(stage.id())).toList();
      if (!here.isEmpty()) {
        int by = l.header + l.headerH - 22;
        out.open("g", "class", "conflict-flag").newline();
        out.element("title", "Departments say different things here: " + String.join("; ", here.stream()
            .map(c -> c.topic() + " (" + String.join(" vs ", c.owners()) + ")").toList()));
        out.empty("circle", "cx", x + 22, "cy", by + 7, "r", 8, "fill", "#e03131");
        out.element("text", "!", "x", x + 22, "y", by + 11, "text-anchor", "middle", "class", "handoff-text");
        out.element("text", "Messages differ: " + String.join(", ", here.stream().map(InterfaceConflict::topic)
            .toList()), "class", "conflict-text", "x", x + 36, "y", by + 11);
        out.close("g").newline();
      }
      out.close("g").newline();
      col += n;
    }
  }

  private void laneLabel(int y, int h, String name, String hint) {
    out.empty("rect", "x", PAD, "y", y, "width", x(order.size()) - PAD, "height", h, "rx", 6, "fill", "none",
        "stroke", "#e9ecef");
    out.element("text", name, "class", "lane-label", "x", PAD + 10, "y", y + 20);
    if (hint != null) {
      int yy = y + 20;
      for (String line : TextWrap.lines(hint, 22, 3)) {
        yy += 14;
        out.element("text", line, "class", "lane-hint", "x", PAD + 10, "y", yy);
      }
    }
    out.newline();
  }

  private void handoffRow(Layout l) {
    laneLabel(l.handoffs, HANDOFF_H - 4, "Handoffs", null);
    int bottom = l.emotion + EMOTION_H;
    for (int rank = 1; rank <= handoffs.size(); rank++) {
      HandoffFlag h = handoffs.get(rank - 1);
      int from = column.get(h.from());
      int to = column.get(h.to());
      int cx = (x(from) + x(to) + COL_W) / 2;
      String colour = h.risk() >= 0.5 ? "#c92a2a" : h.risk() >= 0.3 ? "#e8590c" : "#f59f00";
      out.open("g", "class", "handoff", "data-from", h.from().code(), "data-to", h.to().code()).newline();
      out.element("title", "Handoff " + rank + ": " + h.fromOwner() + " \u2192 " + h.toOwner() + ", risk "
          + fixed(h.risk()) + " (emotion drop " + fixed(h.emotionDrop()) + ", span " + human(h.span()) + ", "
          + h.uncontrolledNearby() + " uncontrolled nearby)");
      out.empty("line", "class", "handoff-line", "x1", cx, "y1", l.handoffs + 24, "x2", cx, "y2", bottom,
          "style", "stroke: " + colour);
      String label = "H" + rank + " \u00B7 " + fixed(h.risk());
      int w = 16 + label.length() * 7;
      out.empty("rect", "x", cx - w / 2, "y", l.handoffs + 4, "width", w, "height", 20, "rx", 10, "fill", colour);
      out.element("text", label, "class", "handoff-text", "x", cx, "y", l.handoffs + 18, "text-anchor", "middle");
      out.close("g").newline();
    }
  }

  private List<String> nameLines(MapTouchpoint t) {
    return TextWrap.lines(t.name(), 19, 5);
  }

  private List<String> ownerLines(MapTouchpoint t) {
    return t.owner().map(o -> TextWrap.lines(o, 22, 2)).orElse(List.of());
  }

  private int cardHeight(MapTouchpoint t) {
    return 10 + 18 + 10 + nameLines(t).size() * 16 + 4 + ownerLines(t).size() * 14
        + (t.expectedDuration().isPresent() ? 14 : 0) + 14 + 10;
  }

  private void touchpointLane(Layout l) {
    laneLabel(l.touchpoints, l.cardH + 16, "Touchpoints", "channel, owner, expected time; dashed: not controlled");
    for (MapTouchpoint t : order) {
      int x = x(column.get(t.id())) + 8;
      int y = l.touchpoints + 8;
      out.open("g", "class", "touchpoint", "data-touchpoint", t.id().code()).newline();
      out.element("title", tooltip(t));
      out.empty("rect", "class", t.controlled() ? "card" : "card uncontrolled", "x", x, "y", y, "width", CARD_W,
          "height", l.cardH, "rx", 8);
      t.owner().ifPresent(o -> out.empty("rect", "x", x, "y", y + 8, "width", 4, "height", l.cardH - 16,
          "fill", colourFor(o)));
      String channel = t.channel().name().toLowerCase(Locale.ROOT);
      int bw = 14 + channel.length() * 7;
      out.empty("rect", "x", x + 12, "y", y + 10, "width", bw, "height", 18, "rx", 9, "fill", "#edf2ff");
      out.element("text", channel, "class", "badge", "x", x + 12 + bw / 2, "y", y + 23, "text-anchor", "middle",
          "style", "fill: #364fc7");
      if (!t.controlled()) {
        out.empty("rect", "x", x + 18 + bw, "y", y + 10, "width", 84, "height", 18, "rx", 9, "fill", "#e9ecef");
        out.element("text", "uncontrolled", "class", "badge", "x", x + 18 + bw + 42, "y", y + 23, "text-anchor",
            "middle", "style", "fill: #495057");
      }
      int ty = y + 10 + 18 + 10;
      for (String line : nameLines(t)) {
        ty += 16;
        out.element("text", line, "class", "tp-name", "x", x + 12, "y", ty - 4);
      }
      ty += 4;
      boolean first = true;
      for (String line : ownerLines(t)) {
        ty += 14;
        if (first && t.owner().isPresent()) {
          out.empty("circle", "cx", x + 16, "cy", ty - 8, "r", 4, "fill", colourFor(t.owner().get()));
        }
        out.element("text", line, "class", "small", "x", x + 24, "y", ty - 4);
        first = false;
      }
      if (t.expectedDuration().isPresent()) {
        ty += 14;
        out.element("text", "takes " + human(t.expectedDuration().get()), "class", "small", "x", x + 12, "y", ty - 4);
      }
      ty += 14;
      double v = map.emotionAt(t).valence();
      out.empty("circle", "cx", x + 16, "cy", ty - 8, "r", 4, "fill", emotionColour(v));
      out.element("text", "feels " + t.emotion(), "class", "small", "x", x + 24, "y", ty - 4);
      out.close("g").newline();
    }
  }

  private String tooltip(MapTouchpoint t) {
    StringBuilder s = new StringBuilder(t.name()).append(" [").append(t.id()).append("]\nchannel: ")
        .append(t.channel().name().toLowerCase(Locale.ROOT));
    t.owner().ifPresent(o -> s.append("\nowner: ").append(o));
    s.append(t.controlled() ? "\ncontrolled by the company" : "\nnot controlled by the company");
    t.expectedDuration().ifPresent(d -> s.append("\nexpected time: ").append(human(d)));
    t.expectation().ifPresent(e -> s.append("\nexpects: ").append(e));
    s.append("\nemotion: ").append(map.emotionAt(t));
    new java.util.TreeMap<>(t.messages()).forEach((topic, text) -> s.append("\nsays on ").append(topic).append(": ")
        .append(text));
    return s.toString();
  }

  private int valenceY(int top, double valence) {
    int inner = EMOTION_H - 72;
    return top + 28 + (int) Math.round((1 - valence) / 2 * inner);
  }

  private void emotionLane(Layout l) {
    int top = l.emotion;
    laneLabel(top, EMOTION_H, "Emotion", null);
    int right = x(order.size()) - 4;
    for (double v : new double[] {1, 0.5, 0, -0.5, -1}) {
      int y = valenceY(top, v);
      out.empty("line", "class", v == 0 ? "grid zero" : "grid", "x1", x(0), "y1", y, "x2", right, "y2", y);
      String label = v == 1 ? "+1 excited" : v == 0 ? "0 indifferent" : v == -1 ? "\u22121 angry"
          : v > 0 ? "+0.5" : "\u22120.5";
      out.element("text", label, "class", "axis", "x", x(0) - 8, "y", y + 4, "text-anchor", "end");
    }
    out.newline();
    for (CurveLayer layer : layers) {
      curveLayer(top, layer);
    }
  }

  private void curveLayer(int top, CurveLayer layer) {
    List<int[]> points = new ArrayList<>();
    List<MapTouchpoint> at = new ArrayList<>();
    for (MapTouchpoint t : order) {
      Double v = layer.valences().get(t.id());
      if (v != null) {
        points.add(new int[] {x(column.get(t.id())) + COL_W / 2, valenceY(top, v)});
        at.add(t);
      }
    }
    // The class goes on the line only: on the group, its stroke would be inherited by every label.
    out.open("g", "class", "curve", "data-layer", layer.label()).newline();
    StringBuilder path = new StringBuilder();
    for (int[] p : points) {
      path.append(path.length() == 0 ? "" : " ").append(p[0]).append(',').append(p[1]);
    }
    out.empty("polyline", "class", layer.cssClass(), "points", path.toString());
    for (int i = 1; i < points.size(); i++) {
      int[] a = points.get(i - 1);
      int[] b = points.get(i);
      String cls = b[1] > a[1] ? "seg-fall" : b[1] < a[1] ? "seg-rise" : "seg-flat";
      out.empty("line", "class", cls, "x1", a[0], "y1", a[1], "x2", b[0], "y2", b[1], "stroke-linecap", "round");
    }
    out.newline();
    if (layer.cssClass().equals("curve-designed")) {
      for (EmotionDrop drop : curve.largestDrops(1)) {
        int[] a = points.get(drop.from().index());
        int[] b = points.get(drop.to().index());
        // Below and left of the falling segment, where neither its points' labels nor the line are.
        out.element("text", "largest drop \u2212" + fixed(drop.size()), "class", "drop-label", "x",
            (a[0] + b[0]) / 2 - 10, "y", (a[1] + b[1]) / 2 + 16, "text-anchor", "end", "data-largest-drop",
            drop.to().touchpoint().code());
      }
    }
    for (int i = 0; i < points.size(); i++) {
      MapTouchpoint t = at.get(i);
      int[] p = points.get(i);
      double v = layer.valences().get(t.id());
      boolean low = layer.lowPoints().contains(t.id());
      out.open("g", "class", low ? "point low-point" : "point", "data-touchpoint", t.id().code());
      out.element("title", t.name() + ": " + t.emotion() + " (" + signed(v) + ")" + (low ? ", a moment of truth"
          : ""));
      out.empty("circle", "cx", p[0], "cy", p[1], "r", 6, "fill", emotionColour(v), "stroke", "#ffffff",
          "stroke-width", 2);
      if (low) {
        out.empty("circle", "class", "low-ring", "cx", p[0], "cy", p[1], "r", 11);
        out.element("text", "\u25BC moment of truth", "class", "low-label", "x", p[0], "y", p[1] + 28,
            "text-anchor", "middle");
      }
      boolean above = v < 0.75;
      out.element("text", t.emotion(), "class", "emotion-label", "x", p[0], "y", above ? p[1] - 14 : p[1] + 22,
          "text-anchor", "middle", "style", "fill: " + emotionInk(v));
      out.close("g").newline();
    }
    out.close("g").newline();
  }

  private List<String[]> notes(MapTouchpoint t) {
    List<String[]> lines = new ArrayList<>();
    t.expectation().ifPresent(e -> TextWrap.lines("expects: " + e, 24, 4).forEach(s -> lines.add(
        new String[] {"expects", s})));
    for (String p : t.painPoints()) {
      TextWrap.lines("\u2212 " + p, 24, 4).forEach(s -> lines.add(new String[] {"pain", s}));
    }
    for (String o : t.opportunities()) {
      TextWrap.lines("+ " + o, 24, 4).forEach(s -> lines.add(new String[] {"opportunity", s}));
    }
    return lines;
  }

  private void notesLane(Layout l) {
    laneLabel(l.notes, l.notesH, "Pains & ideas", "expects (italic), \u2212 pain point, + opportunity");
    for (MapTouchpoint t : order) {
      int x = x(column.get(t.id())) + 12;
      int y = l.notes + 6;
      List<String[]> lines = notes(t);
      if (lines.isEmpty()) {
        continue;
      }
      out.open("g", "class", "notes", "data-touchpoint", t.id().code());
      for (String[] line : lines) {
        y += 15;
        out.element("text", line[1], "class", line[0], "x", x, "y", y);
      }
      out.close("g").newline();
    }
  }

  private List<String> stepLines(BlueprintStep s) {
    return TextWrap.lines(s.name(), 21, 4);
  }

  private List<String> failLines(BlueprintStep s) {
    return s.failPoint().map(f -> TextWrap.lines("fail point: " + f, 24, 4)).orElse(List.of());
  }

  private int stepHeight(BlueprintStep s) {
    List<String> fail = failLines(s);
    return 10 + stepLines(s).size() * 15 + (s.owner().isPresent() ? 16 : 0) + (fail.isEmpty() ? 0
        : 4 + fail.size() * 14) + 8;
  }

  /** Puts each step in its stage's columns, under the first touchpoint it supports when that cell is free. */
  private Map<BlueprintStep, int[]> place(Lane lane) {
    Map<BlueprintStep, int[]> placed = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (Stage stage : map.stages()) {
      List<MapTouchpoint> tps = map.touchpointsIn(stage.id());
      int first = column.get(tps.get(0).id());
      for (BlueprintStep step : map.stepsIn(stage.id(), lane)) {
        int preferred = step.supports().stream().map(column::get).filter(c -> c != null && c >= first
            && c < first + tps.size()).findFirst().orElse(first);
        int[] cell = null;
        for (int row = 0; cell == null; row++) {
          if (!taken.contains(preferred + ":" + row)) {
            cell = new int[] {preferred, row};
          } else {
            for (int c = first; c < first + tps.size() && cell == null; c++) {
              if (!taken.contains(c + ":" + row)) {
                cell = new int[] {c, row};
              }
            }
          }
        }
        taken.add(cell[0] + ":" + cell[1]);
        placed.put(step, cell);
      }
    }
    return placed;
  }

  private void blueprint(Layout l) {
    Lane previous = null;
    for (Map.Entry<Lane, Integer> e : l.lanes.entrySet()) {
      Lane lane = e.getKey();
      int top = e.getValue();
      if (previous != null) {
        int y = top - 7;
        String name = lane == Lane.BACKSTAGE ? "line of visibility" : "line of internal interaction";
        out.empty("line", "class", "visibility", "x1", PAD, "y1", y, "x2", x(order.size()), "y2", y);
        out.element("text", name, "class", "line-name", "x", x(order.size()) - 6, "y", y - 3, "text-anchor", "end")
            .newline();
      }
      laneLabel(top, l.laneH.get(lane), LANE_NAMES.get(lane), lane == Lane.FRONTSTAGE ? "seen by the customer"
          : lane == Lane.BACKSTAGE ? "not seen by the customer" : "systems, rules, other departments");
      int h = l.stepH.get(lane);
      for (Map.Entry<BlueprintStep, int[]> p : l.placed.get(lane).entrySet()) {
        step(p.getKey(), x(p.getValue()[0]) + 8, top + 8 + p.getValue()[1] * (h + 10), h);
      }
      previous = lane;
    }
  }

  private void step(BlueprintStep s, int x, int y, int h) {
    out.open("g", "class", "step-card", "data-step", s.id().code(), "data-lane", s.lane().name());
    StringBuilder tip = new StringBuilder(s.name()).append(" [").append(s.id()).append("]\nlane: ")
        .append(LANE_NAMES.get(s.lane()));
    s.owner().ifPresent(o -> tip.append("\nowner: ").append(o));
    if (!s.supports().isEmpty()) {
      tip.append("\nserves: ").append(String.join(", ", s.supports().stream().map(tp -> map.touchpoint(tp)
          .map(MapTouchpoint::name).orElse(tp.code())).toList()));
    }
    s.failPoint().ifPresent(f -> tip.append("\nfail point: ").append(f));
    out.element("title", tip.toString());
    out.empty("rect", "class", "step", "x", x, "y", y, "width", CARD_W, "height", h, "rx", 6);
    s.owner().ifPresent(o -> out.empty("rect", "x", x, "y", y + 6, "width", 4, "height", h - 12, "fill",
        colourFor(o)));
    int ty = y + 6;
    for (String line : stepLines(s)) {
      ty += 15;
      out.element("text", line, "class", "step-name", "x", x + 12, "y", ty);
    }
    if (s.owner().isPresent()) {
      ty += 16;
      out.empty("circle", "cx", x + 16, "cy", ty - 4, "r", 4, "fill", colourFor(s.owner().get()));
      out.element("text", TextWrap.lines(s.owner().get(), 22, 1).get(0), "class", "small", "x", x + 24, "y", ty);
    }
    List<String> fail = failLines(s);
    if (!fail.isEmpty()) {
      ty += 4;
      for (String line : fail) {
        ty += 14;
        out.element("text", line, "class", "fail", "x", x + 12, "y", ty);
      }
    }
    out.close("g").newline();
  }

  // ---------------------------------------------------------------- legend

  private record LegendItem(String kind, String label, String colour) {}

  private List<LegendItem> legendItems() {
    List<LegendItem> items = new ArrayList<>();
    items.add(new LegendItem("card", "controlled touchpoint", null));
    items.add(new LegendItem("uncontrolled", "not controlled (friends, press, social)", null));
    items.add(new LegendItem("rise", "emotion rises", null));
    items.add(new LegendItem("fall", "emotion falls", null));
    items.add(new LegendItem("low", "moment of truth (low point)", null));
    items.add(new LegendItem("handoff", "handoff, riskiest first (risk 0\u20131)", null));
    items.add(new LegendItem("conflict", "departments' messages differ", null));
    ownerColour.forEach((owner, colour) -> items.add(new LegendItem("owner", owner, colour)));
    return items;
  }

  private int legendHeight() {
    return 30 + legendRows().size() * 26;
  }

  private List<List<LegendItem>> legendRows() {
    int width = x(order.size()) - PAD - LABEL_W;
    List<List<LegendItem>> rows = new ArrayList<>();
    List<LegendItem> row = new ArrayList<>();
    int used = 0;
    for (LegendItem item : legendItems()) {
      int w = itemWidth(item);
      if (used + w > width && !row.isEmpty()) {
        rows.add(row);
        row = new ArrayList<>();
        used = 0;
      }
      row.add(item);
      used += w;
    }
    rows.add(row);
    return rows;
  }

  private static int itemWidth(LegendItem item) {
    return 44 + Math.min(item.label().length(), 40) * 7 + 18;
  }

  private void legend(Layout l) {
    out.open("g", "class", "legend").newline();
    out.element("text", "Legend", "class", "lane-label", "x", PAD + 10, "y", l.legend + 18);
    int y = l.legend + 4;
    for (List<LegendItem> row : legendRows()) {
      int x = PAD + LABEL_W;
      for (LegendItem item : row) {
        swatch(item, x, y);
        out.element("text", TextWrap.lines(item.label(), 40, 1).get(0), "class", "legend-text", "x", x + 44,
            "y", y + 17).newline();
        x += itemWidth(item);
      }
      y += 26;
    }
    out.close("g").newline();
  }

  private void swatch(LegendItem item, int x, int y) {
    switch (item.kind()) {
      case "card" -> out.empty("rect", "class", "card", "x", x, "y", y + 4, "width", 34, "height", 18, "rx", 4);
      case "uncontrolled" -> out.empty("rect", "class", "card uncontrolled", "x", x, "y", y + 4, "width", 34,
          "height", 18, "rx", 4);
      case "rise" -> out.empty("line", "class", "seg-rise", "x1", x, "y1", y + 20, "x2", x + 34, "y2", y + 6);
      case "fall" -> out.empty("line", "class", "seg-fall", "x1", x, "y1", y + 6, "x2", x + 34, "y2", y + 20);
      case "low" -> {
        out.empty("circle", "cx", x + 17, "cy", y + 13, "r", 5, "fill", "#e03131");
        out.empty("circle", "class", "low-ring", "cx", x + 17, "cy", y + 13, "r", 9);
      }
      case "handoff" -> {
        out.empty("rect", "x", x, "y", y + 4, "width", 34, "height", 18, "rx", 9, "fill", "#e8590c");
        out.element("text", "H1", "class", "handoff-text", "x", x + 17, "y", y + 17, "text-anchor", "middle");
      }
      case "conflict" -> {
        out.empty("circle", "cx", x + 17, "cy", y + 13, "r", 8, "fill", "#e03131");
        out.element("text", "!", "class", "handoff-text", "x", x + 17, "y", y + 17, "text-anchor", "middle");
      }
      default -> {
        out.empty("rect", "x", x + 4, "y", y + 4, "width", 6, "height", 18, "fill", item.colour());
        out.empty("circle", "cx", x + 24, "cy", y + 13, "r", 5, "fill", item.colour());
      }
    }
  }

  // ---------------------------------------------------------------- tables

  private void tables() {
    out.open("section", "id", "moments-of-truth").newline().element("h2", "Moments of truth").newline();
    List<CurvePoint> low = curve.lowPoints();
    if (low.isEmpty()) {
      out.element("p", "No low point below indifferent.", "class", "none").newline();
    } else {
      out.open("table").open("thead").open("tr").element("th", "Stage").element("th", "Touchpoint")
          .element("th", "Owner").element("th", "Emotion").element("th", "Pain points").close("tr").close("thead")
          .open("tbody").newline();
      for (CurvePoint p : low) {
        MapTouchpoint t = map.touchpoint(p.touchpoint()).orElseThrow();
        out.open("tr").element("td", stageName(p.stage())).element("td", t.name())
            .element("td", t.owner().orElse("\u2014")).element("td", p.emotion().name() + " (" + signed(p.valence())
                + ")").element("td", t.painPoints().isEmpty() ? "\u2014" : String.join("; ", t.painPoints()))
            .close("tr").newline();
      }
      out.close("tbody").close("table").newline();
    }
    out.close("section").newline();

    out.open("section", "id", "handoffs").newline().element("h2", "Handoffs, riskiest first").newline();
    if (handoffs.isEmpty()) {
      out.element("p", "Ownership never changes between controlled touchpoints.", "class", "none").newline();
    } else {
      out.open("table").open("thead").open("tr").element("th", "#").element("th", "From").element("th", "To")
          .element("th", "Owners").element("th", "Emotion drop").element("th", "Time across")
          .element("th", "Uncontrolled nearby").element("th", "Risk").close("tr").close("thead").open("tbody")
          .newline();
      for (int i = 0; i < handoffs.size(); i++) {
        HandoffFlag h = handoffs.get(i);
        String riskClass = h.risk() >= 0.5 ? "risk-high" : h.risk() >= 0.3 ? "risk-medium" : "risk-low";
        out.open("tr").element("td", "H" + (i + 1), "class", "num")
            .element("td", name(h.from()) + " (" + stageName(h.fromStage()) + ")")
            .element("td", name(h.to()) + " (" + stageName(h.toStage()) + ")")
            .element("td", h.fromOwner() + " \u2192 " + h.toOwner())
            .element("td", fixed(h.emotionDrop()), "class", "num")
            .element("td", human(h.span()), "class", "num")
            .element("td", Integer.toString(h.uncontrolledNearby()), "class", "num")
            .element("td", fixed(h.risk()), "class", "num " + riskClass).close("tr").newline();
      }
      out.close("tbody").close("table").newline();
    }
    out.close("section").newline();

    out.open("section", "id", "message-conflicts").newline().element("h2", "Messages that differ").newline();
    if (conflicts.isEmpty()) {
      out.element("p", "Where several departments speak in a stage, they say the same thing.", "class", "none")
          .newline();
    } else {
      out.open("table").open("thead").open("tr").element("th", "Stage").element("th", "Topic")
          .element("th", "Department").element("th", "Touchpoint").element("th", "Says").close("tr").close("thead")
          .open("tbody").newline();
      for (InterfaceConflict c : conflicts) {
        for (InterfaceMessage m : c.messages()) {
          out.open("tr").element("td", stageName(c.stage())).element("td", c.topic()).element("td", m.owner())
              .element("td", name(m.touchpoint())).element("td", "\u201C" + m.text() + "\u201D").close("tr")
              .newline();
        }
      }
      out.close("tbody").close("table").newline();
    }
    out.close("section").newline();

    out.open("section", "id", "interfaces").newline().element("h2", "Departments in each stage").newline();
    out.open("table").open("thead").open("tr").element("th", "Stage").element("th", "Departments")
        .element("th", "Messages").close("tr").close("thead").open("tbody").newline();
    for (StageInterfaces s : map.interfaces()) {
      out.open("tr").element("td", stageName(s.stage()))
          .element("td", s.owners().isEmpty() ? "\u2014" : String.join(", ", s.owners()))
          .element("td", s.messages().isEmpty() ? "\u2014" : String.join("; ", s.messages().stream()
              .map(m -> m.owner() + " on " + m.topic() + ": \u201C" + m.text() + "\u201D").toList()))
          .close("tr").newline();
    }
    out.close("tbody").close("table").newline().close("section").newline();
  }

  // ---------------------------------------------------------------- formatting

  private String stageName(JourneyStage id) {
    return map.stage(id).map(Stage::name).orElse(id.code());
  }

  private String name(Touchpoint id) {
    return map.touchpoint(id).map(MapTouchpoint::name).orElse(id.code());
  }

  private static String count(int n, String singular) {
    return count(n, singular, singular + "s");
  }

  private static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+.1f", value).replace('-', '\u2212');
  }

  /** E.g. {@code 20 min}, {@code 1 h 30 min}, {@code 7 days}, {@code 2 days 4 h}. */
  static String human(Duration d) {
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    List<String> parts = new ArrayList<>();
    if (days > 0) {
      parts.add(days + (days == 1 ? " day" : " days"));
    }
    if (hours > 0) {
      parts.add(hours + " h");
    }
    if (minutes > 0 && days == 0) {
      parts.add(minutes + " min");
    }
    return parts.isEmpty() ? (d.isZero() ? "none" : "under a minute") : String.join(" ", parts);
  }

  private static String emotionColour(double v) {
    return v >= 0.5 ? "#2f9e44" : v > 0.05 ? "#82c91e" : v >= -0.05 ? "#adb5bd" : v > -0.5 ? "#f59f00" : "#e03131";
  }

  private static String emotionInk(double v) {
    return v >= 0.5 ? "#2b8a3e" : v > 0.05 ? "#5c940d" : v >= -0.05 ? "#495057" : v > -0.5 ? "#d9480f" : "#c92a2a";
  }
}
