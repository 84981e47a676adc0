package io.cemkit.journey;

import static io.cemkit.journey.Fixtures.BUY;
import static io.cemkit.journey.Fixtures.USE;
import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.core.Channel;
import io.cemkit.core.Touchpoint;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HtmlRendererTest {
  private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

  static String svgOf(String html) {
    Matcher m = SVG.matcher(html);
    assertThat(m.find()).as("the page has an <svg> element").isTrue();
    String svg = m.group();
    assertThat(m.find()).as("one <svg> element").isFalse();
    return svg;
  }

  /** Parses with the JDK's XML parser; a document that is not well-formed fails here. */
  static Document xml(String text) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
  }

  private static int count(Document doc, String xpath) throws Exception {
    return ((NodeList) xpath().evaluate(xpath, doc, XPathConstants.NODESET)).getLength();
  }

  private static List<String> texts(Document doc, String xpath) throws Exception {
    NodeList nodes = (NodeList) xpath().evaluate(xpath, doc, XPathConstants.NODESET);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  private static XPath xpath() {
    return XPathFactory.newInstance().newXPath();
  }

  @Test
  @DisplayName("the seed's SVG is well-formed XML with stages, touchpoints, lanes, the curve, low points and flags")
  void seedSvg() throws Exception {
    String html = HtmlRenderer.render(Seed.bankSwitch());
    Document svg = xml(svgOf(html));
    Element root = svg.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(root.getAttribute("id")).isEqualTo("journey-map");
    assertThat(texts(svg, "//*[local-name()='g'][@class='stage']/@data-stage")).containsExactly("awareness",
        "consideration", "purchase", "onboarding", "service", "loyalty");
    assertThat(texts(svg, "//*[local-name()='text'][@class='stage-name']")).containsExactly("1. Awareness",
        "2. Consideration", "3. Purchase", "4. Onboarding", "5. Service", "6. Loyalty / advocacy");
    assertThat(count(svg, "//*[local-name()='g'][@class='touchpoint']")).isEqualTo(12);
    assertThat(count(svg, "//*[local-name()='g'][@class='touchpoint']/*[local-name()='rect'][@class='card uncontrolled']"))
        .isEqualTo(4);
    assertThat(texts(svg, "//*[local-name()='g'][@data-touchpoint='card-delivery'][@class='touchpoint']"
        + "/*[local-name()='text']")).containsExactly("letter", "The credit card", "arrives: not the", "card she ordered",
        "Card operations", "takes 7 days", "feels confused");
    assertThat(texts(svg, "//*[local-name()='text'][@class='lane-label']")).containsExactly("Handoffs",
        "Touchpoints", "Emotion", "Pains & ideas", "Frontstage actions", "Backstage", "Support processes", "Legend");
    assertThat(texts(svg, "//*[local-name()='text'][@class='line-name']")).containsExactly("line of visibility",
        "line of internal interaction");
    assertThat(count(svg, "//*[local-name()='g'][@class='step-card']")).isEqualTo(6);
    String points = texts(svg, "//*[local-name()='polyline'][@class='curve-designed']/@points").get(0);
    assertThat(points.split(" ")).hasSize(12);
    assertThat(texts(svg, "//*[local-name()='g'][@class='point low-point']/@data-touchpoint"))
        .containsExactly("card-delivery", "order-follow-up", "fee-notice");
    assertThat(count(svg, "//*[local-name()='circle'][@class='low-ring']")).as("3 low points + legend").isEqualTo(4);
    assertThat(texts(svg, "//*[local-name()='text'][@data-largest-drop]")).containsExactly("largest drop \u22121.30");
    assertThat(texts(svg, "//*[local-name()='g'][@class='handoff']/*[local-name()='text']")).containsExactly(
        "H1 \u00B7 0.55", "H2 \u00B7 0.30", "H3 \u00B7 0.21", "H4 \u00B7 0.19", "H5 \u00B7 0.18", "H6 \u00B7 0.15");
    assertThat(texts(svg, "//*[local-name()='g'][@class='handoff'][@data-from='temporary-card']"
        + "/*[local-name()='title']")).singleElement().asString().startsWith("Handoff 2: New customers team \u2192 "
        + "Existing customers service, risk 0.30");
    assertThat(texts(svg, "//*[local-name()='g'][@class='conflict-flag']/*[local-name()='text']"))
        .containsExactly("!", "Messages differ: second-card");
    assertThat(texts(svg, "//*[local-name()='g'][@class='legend']/*[local-name()='text']")).contains(
        "moment of truth (low point)", "departments' messages differ", "New customers team",
        "Existing customers service");
  }

  @Test
  @DisplayName("the whole page is well-formed, loads nothing from outside and lists the flags in tables")
  void page() throws Exception {
    String html = HtmlRenderer.render(Seed.bankSwitch());
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").endsWith("</html>\n");
    Document page = xml(html);
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:", "<script",
        "<link", "@import", "url(", "<img", "<iframe", "src=");
    assertThat(texts(page, "//*[local-name()='h2']")).containsExactly("Moments of truth", "Handoffs, riskiest first",
        "Messages that differ", "Departments in each stage");
    assertThat(texts(page, "//*[local-name()='section'][@id='handoffs']//*[local-name()='tbody']/*[local-name()='tr']"
        + "[2]/*[local-name()='td']")).containsExactly("H2",
        "The banker orders the right card; keep the wrong one meanwhile (Onboarding)",
        "A week of silence; she calls: the order was never recorded (Service)",
        "New customers team \u2192 Existing customers service", "0.60", "7 days", "0", "0.30");
    assertThat(texts(page, "//*[local-name()='section'][@id='moments-of-truth']//*[local-name()='tbody']"
        + "/*[local-name()='tr']/*[local-name()='td'][2]")).containsExactly(
        "The credit card arrives: not the card she ordered",
        "A week of silence; she calls: the order was never recorded",
        "The card is reordered, with a monthly second-card fee");
    assertThat(texts(page, "//*[local-name()='section'][@id='message-conflicts']//*[local-name()='td'][5]"))
        .containsExactly("\u201CKeep the temporary card until the new one arrives\u201D",
            "\u201CTwo cards carry a monthly fee unless you return the first one\u201D");
    assertThat(texts(page, "//*[local-name()='li']")).contains("3 moments of truth", "6 handoffs",
        "1 message conflict", "Prospect (not yet a customer)", "Segment: private");
  }

  @Test
  @DisplayName("user text is escaped everywhere: a touchpoint named <script> renders as text")
  void escaping() throws Exception {
    String evil = "<script>alert(1)</script>";
    String attr = "\"><img src=x onerror=alert(1)>";
    JourneyMap map = JourneyMap.builder().title("</title><script>alert('t')</script>")
        .persona(Persona.of("A & B", evil))
        .stages(List.of(Stage.builder().id(BUY).name(evil).goal(attr).build(), Stage.of(USE, "Use")))
        .addTouchpoints(MapTouchpoint.builder().id(Touchpoint.of("x")).stage(BUY).name(evil).channel(Channel.WEB)
                .owner(attr).emotion("happy").expectation(evil).addPainPoints(attr).putMessages("t", evil).build(),
            MapTouchpoint.builder().id(Touchpoint.of("y")).stage(BUY).name("ok").channel(Channel.WEB)
                .owner("Other").emotion("angry").putMessages("t", attr).build(),
            Fixtures.tp("z", USE, "Third", "happy").build())
        .addSteps(BlueprintStep.builder().id(Touchpoint.of("s")).stage(BUY).lane(Lane.BACKSTAGE).name(evil)
            .owner(attr).failPoint(evil).build())
        .build();
    String html = HtmlRenderer.render(map);
    assertThat(html).doesNotContain("<script", "<img", "</title><script");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
        "A &amp; B");
    Document page = xml(html);
    assertThat(texts(page, "//*[local-name()='title']").get(0))
        .isEqualTo("Journey map: </title><script>alert('t')</script>");
    assertThat(texts(page, "//*[local-name()='g'][@data-touchpoint='x'][@class='touchpoint']/*[local-name()='text']"))
        .contains("<script>alert(1)</-", "script>", "\"><img src=x");
    assertThat(texts(page, "//*[local-name()='td']")).contains(evil, attr + " \u2192 Other");
  }

  @Test
  @DisplayName("rendering is deterministic, also for a map read back from its JSON")
  void deterministic() {
    JourneyMap map = Seed.bankSwitch();
    String html = HtmlRenderer.render(map);
    assertThat(HtmlRenderer.render(map)).isEqualTo(html);
    assertThat(HtmlRenderer.render(JourneyMapJson.read(JourneyMapJson.write(map)))).isEqualTo(html);
  }

  @Test
  @DisplayName("a map without steps, handoffs, notes or conflicts leaves those parts out and says so")
  void plain() throws Exception {
    JourneyMap map = Fixtures.twoStages().addTouchpoints(Fixtures.tp("a", BUY, "Sales", "happy").build(),
        Fixtures.tp("b", USE, "Sales", "happy").build()).build();
    String html = HtmlRenderer.render(map);
    Document svg = xml(svgOf(html));
    assertThat(texts(svg, "//*[local-name()='text'][@class='lane-label']")).containsExactly("Touchpoints",
        "Emotion", "Legend");
    assertThat(count(svg, "//*[local-name()='g'][@class='point low-point']")).isZero();
    assertThat(html).contains("No low point below indifferent.",
        "Ownership never changes between controlled touchpoints.",
        "Where several departments speak in a stage, they say the same thing.");
  }

  @Test
  @DisplayName("texts that XML cannot hold become U+FFFD, so the SVG stays well-formed")
  void invalidXmlCharacters() throws Exception {
    JourneyMap map = Fixtures.twoStages().addTouchpoints(
        Fixtures.tp("a", BUY, "Sales", "happy").expectation("lone \uD800 surrogate and \uFFFF").build(),
        Fixtures.tp("b", USE, "Sales", "happy").build()).build();
    String svg = svgOf(HtmlRenderer.render(map));
    xml(svg);
    assertThat(svg).contains("lone \uFFFD").doesNotContain("\uD800", "\uFFFF");
  }
}
