package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The observed-analytics renderers, output pinned line by line: the example command was their only user, so
 * mutation testing found every branch of them unchecked in this module.
 */
class ObservedRendererTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final String HEAD = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8"/>
      <title>%s</title>
      <style>body{font-family:system-ui,sans-serif;margin:24px;color:#212529}table{border-collapse:collapse}\
      th,td{padding:4px 10px;border-bottom:1px solid #dee2e6;text-align:left}td.num{text-align:right}\
      .bar{background:#1c7ed6;height:14px}</style>
      </head>
      <body>
      <h1>%s</h1>
      <p>Channel switches: 3; resumptions in another channel: 1</p>
      <h2>Funnel</h2>
      <table id="funnel"><thead><tr><th>Stage</th><th>Customers</th><th></th><th>Conversion</th><th>Dropped</th>\
      <th>Dropped, then did</th></tr></thead><tbody>
      """;
  private static final String TRANSITIONS_HEAD = """
      </tbody></table>
      <h2>Transitions</h2>
      <table id="transitions"><thead><tr><th>From</th><th>To</th><th>Count</th><th>Mean gap (s)</th>\
      <th>Median gap (s)</th></tr></thead><tbody>
      """;
  private static final String TAIL = """
      </tbody></table>
      </body>
      </html>
      """;

  private static JourneyEvent at(String customer, long seconds, String touchpoint, String stage, String channel) {
    return JourneyEvent.of(customer, T0.plusSeconds(seconds), touchpoint, stage, channel);
  }

  /**
   * a converts with a switch to the app; b resumes awareness on the web and stops at the site; c leaves for the call
   * centre; d starts at consideration, so no funnel counts d.
   */
  private static ObservedJourney observed() {
    return EventLog.of(List.of(
        at("a", 0, "ad", "awareness", "web"),
        at("a", 100, "site", "consideration", "web"),
        at("a", 130, "checkout", "purchase", "app"),
        at("b", 0, "ad", "awareness", "app"),
        at("b", 50, "ad", "awareness", "web"),
        at("b", 250, "site", "consideration", "web"),
        at("c", 0, "ad", "awareness", "web"),
        at("c", 20, "call <centre>", "support", "phone"),
        at("d", 0, "site", "consideration", "web"))).observe();
  }

  @Test
  void mermaidNumbersTouchpointsInCodeOrderAndLabelsEdgesWithCounts() {
    assertThat(ObservedRenderer.mermaid(observed().transitions())).isEqualTo("""
        flowchart LR
          t0["ad"]
          t1["call \u2039centre\u203A"]
          t2["checkout"]
          t3["site"]
          t0 -->|2| t3
          t0 -->|1| t0
          t0 -->|1| t1
          t3 -->|1| t2
        """);
  }

  @Test
  void mermaidQuotesAndEmptyGraph() {
    assertThat(ObservedRenderer.mermaid(List.of(new Transition("say \"hi\"", "b: c", 3, 1, 1)))).isEqualTo("""
        flowchart LR
          t0["b - c"]
          t1["say #quot;hi#quot;"]
          t1 -->|3| t0
        """);
    assertThat(ObservedRenderer.mermaid(List.of())).isEqualTo("flowchart LR\n");
  }

  @Test
  void htmlShowsBarsScaledToTheFirstStageConversionDropOffAndWhatTheDroppedDidNext() {
    ObservedJourney o = observed();
    String page = ObservedRenderer.html("Bank & <switch>", o.funnel(Funnel.of("awareness", "consideration",
        "purchase")), o.transitions(), o.channelSwitches());
    assertThat(page).isEqualTo(HEAD.formatted("Bank &amp; &lt;switch&gt;", "Bank &amp; &lt;switch&gt;") + """
        <tr><td>awareness</td><td class="num">3</td><td><div class="bar" style="width:300px"></div></td>\
        <td class="num">100.0 %</td><td class="num">0</td><td>\u2014</td></tr>
        <tr><td>consideration</td><td class="num">2</td><td><div class="bar" style="width:200px"></div></td>\
        <td class="num">66.7 %</td><td class="num">1</td><td>call &lt;centre&gt; (1)</td></tr>
        <tr><td>purchase</td><td class="num">1</td><td><div class="bar" style="width:100px"></div></td>\
        <td class="num">50.0 %</td><td class="num">1</td><td>(end) (1)</td></tr>
        """ + TRANSITIONS_HEAD + """
        <tr><td>ad</td><td>site</td><td class="num">2</td><td class="num">150.0</td><td class="num">150.0</td></tr>
        <tr><td>ad</td><td>ad</td><td class="num">1</td><td class="num">50.0</td><td class="num">50.0</td></tr>
        <tr><td>ad</td><td>call &lt;centre&gt;</td><td class="num">1</td><td class="num">20.0</td>\
        <td class="num">20.0</td></tr>
        <tr><td>site</td><td>checkout</td><td class="num">1</td><td class="num">30.0</td><td class="num">30.0</td>\
        </tr>
        """ + TAIL);
  }

  @Test
  void htmlOfAFunnelNobodyEnteredHasEmptyBarsAndListsSeveralNextActionsInOrder() {
    ObservedJourney o = observed();
    assertThat(ObservedRenderer.html("Empty", o.funnel(Funnel.of("nothing", "consideration")), List.of(),
        o.channelSwitches())).isEqualTo(HEAD.formatted("Empty", "Empty") + """
        <tr><td>nothing</td><td class="num">0</td><td><div class="bar" style="width:0px"></div></td>\
        <td class="num">0.0 %</td><td class="num">0</td><td>\u2014</td></tr>
        <tr><td>consideration</td><td class="num">0</td><td><div class="bar" style="width:0px"></div></td>\
        <td class="num">0.0 %</td><td class="num">0</td><td>\u2014</td></tr>
        """ + TRANSITIONS_HEAD + TAIL);
    String page = ObservedRenderer.html("Two", o.funnel(Funnel.of("awareness", "purchase")), List.of(),
        o.channelSwitches());
    assertThat(page).contains("<tr><td>purchase</td><td class=\"num\">1</td><td><div class=\"bar\" "
        + "style=\"width:100px\"></div></td><td class=\"num\">33.3 %</td><td class=\"num\">2</td>"
        + "<td>ad (1), call &lt;centre&gt; (1)</td></tr>");
  }
}
