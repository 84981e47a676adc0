package io.cemkit.journey;

import io.cemkit.journey.internal.Markup;
import io.cemkit.journey.internal.MermaidText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes observed analytics without a designed map: a Mermaid {@code flowchart LR} of the transition graph,
 * and a standalone HTML page with the funnel as bars, the drop-off, and the transition table. Every text
 * from the log is escaped (HTML) or sanitised (Mermaid); the output is deterministic.
 */
public final class ObservedRenderer {
  private ObservedRenderer() {}

  /**
   * The transition graph as a Mermaid flowchart: one node per touchpoint (ids {@code t0, t1, …} in code
   * order, labels sanitised), one edge per transition labelled with its count.
   *
   * @param transitions the edges
   * @return the diagram text
   */
  public static String mermaid(List<Transition> transitions) {
    Objects.requireNonNull(transitions, "transitions");
    Map<String, String> ids = new TreeMap<>();
    transitions.forEach(t -> {
      ids.put(t.from(), "");
      ids.put(t.to(), "");
    });
    int i = 0;
    for (Map.Entry<String, String> e : ids.entrySet()) {
      e.setValue("t" + i++);
    }
    StringBuilder out = new StringBuilder("flowchart LR\n");
    ids.forEach((name, id) -> out.append("  ").append(id).append("[\"").append(label(name)).append("\"]\n"));
    for (Transition t : transitions) {
      out.append("  ").append(ids.get(t.from())).append(" -->|").append(t.count()).append("| ")
          .append(ids.get(t.to())).append('\n');
    }
    return out.toString();
  }

  private static String label(String name) {
    return MermaidText.name(name).replace("\"", "#quot;");
  }

  /**
   * A standalone HTML page: the funnel (bars, conversion, drop-off and what the dropped customers did next)
   * and the transition table.
   *
   * @param title the page's title
   * @param funnel the measured funnel
   * @param transitions the edges
   * @param switches the channel switches
   * @return the HTML document
   */
  public static String html(String title, FunnelReport funnel, List<Transition> transitions,
      ChannelSwitches switches) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(funnel, "funnel");
    Objects.requireNonNull(transitions, "transitions");
    Objects.requireNonNull(switches, "switches");
    Markup out = new Markup();
    out.raw("<!DOCTYPE html>").newline().open("html", "lang", "en").newline().open("head").newline()
        .empty("meta", "charset", "utf-8").newline().element("title", title).newline()
        .open("style").raw("body{font-family:system-ui,sans-serif;margin:24px;color:#212529}"
            + "table{border-collapse:collapse}th,td{padding:4px 10px;border-bottom:1px solid #dee2e6;text-align:left}"
            + "td.num{text-align:right}.bar{background:#1c7ed6;height:14px}")
        .close("style").newline().close("head").newline().open("body").newline();
    out.element("h1", title).newline();
    out.element("p", "Channel switches: " + switches.switches() + "; resumptions in another channel: "
        + switches.resumptions()).newline();
    out.element("h2", "Funnel").newline();
    out.open("table", "id", "funnel").open("thead").open("tr").element("th", "Stage").element("th", "Customers")
        .element("th", "").element("th", "Conversion").element("th", "Dropped").element("th", "Dropped, then did")
        .close("tr").close("thead").open("tbody").newline();
    long top = funnel.steps().isEmpty() ? 0 : funnel.steps().get(0).customers();
    for (FunnelStep s : funnel.steps()) {
      int width = top == 0 ? 0 : (int) Math.round(300.0 * s.customers() / top);
      StringBuilder next = new StringBuilder();
      s.nextAfterDropOff().forEach((k, v) -> next.append(next.length() == 0 ? "" : ", ").append(k).append(" (")
          .append(v).append(')'));
      out.open("tr").element("td", s.stage()).element("td", Long.toString(s.customers()), "class", "num")
          .open("td").open("div", "class", "bar", "style", "width:" + width + "px").close("div").close("td")
          .element("td", String.format(Locale.ROOT, "%.1f %%", 100 * s.conversion()), "class", "num")
          .element("td", Long.toString(s.dropOff()), "class", "num")
          .element("td", next.length() == 0 ? "\u2014" : next.toString()).close("tr").newline();
    }
    out.close("tbody").close("table").newline();
    out.element("h2", "Transitions").newline();
    out.open("table", "id", "transitions").open("thead").open("tr").element("th", "From").element("th", "To")
        .element("th", "Count").element("th", "Mean gap (s)").element("th", "Median gap (s)").close("tr")
        .close("thead").open("tbody").newline();
    for (Transition t : transitions) {
      out.open("tr").element("td", t.from()).element("td", t.to())
          .element("td", Long.toString(t.count()), "class", "num")
          .element("td", String.format(Locale.ROOT, "%.1f", t.meanGapSeconds()), "class", "num")
          .element("td", String.format(Locale.ROOT, "%.1f", t.medianGapSeconds()), "class", "num")
          .close("tr").newline();
    }
    out.close("tbody").close("table").newline().close("body").newline().close("html").newline();
    return out.toString();
  }
}
