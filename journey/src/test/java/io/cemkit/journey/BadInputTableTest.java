package io.cemkit.journey;

import io.cemkit.core.Channel;
import io.cemkit.core.CsvFormatException;
import io.cemkit.core.CustomerId;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Segment;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.testing.BadInputTable;
import io.cemkit.core.testing.BadInputTable.Row;
import io.cemkit.core.testing.BadInputTable.Table;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


/**
 * The bad-input table of {@code cemkit-journey} (issue #10, the reliability gate): every public factory of
 * {@code io.cemkit.journey}, called with one invalid value at a time, must throw the documented exception type
 * with a message that names the field and renders the offending value. (The module has no {@code .spi}
 * package.)
 *
 * <p>Each row is a display name, the factory it exercises (its key, e.g. {@code Emotion.of(String,double)}), a
 * call with exactly one bad value, the expected exception type and the fragments its message must contain. A
 * {@link NullPointerException} must come from {@code Objects.requireNonNull} (its top frame is
 * {@code java.util.Objects}), not from a null met deep inside. A map that does not hold together raises
 * {@link InvalidJourneyMapException}, which lists every problem; a bad CSV row raises
 * {@link CsvFormatException}, which names the line. The records the analyses return ({@code Transition},
 * {@code FunnelStep}, ...) are checked for nulls only: their numbers are computed, never typed in.
 *
 * <h2>How the list of factories is derived</h2>
 *
 * <p>{@link #everyPublicFactoryHasARow()} walks the compiled classes of the package (the directory that holds
 * {@code JourneyMap.class}) and finds the public factories by the rules of
 * {@link io.cemkit.core.testing.BadInputTable}; a factory needs a row unless {@link #EXEMPT} says why it has
 * none.
 *
 * <p>To extend the table after adding a factory: run this test, read the factory it names, add rows for each
 * parameter (null, blank, out of range, unknown, malformed) under that key, or add the factory to
 * {@link #EXEMPT} with the reason it takes no invalid value.
 */
class BadInputTableTest {
  private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
  private static final JourneyStage BUY = JourneyStage.of("buy");
  private static final Touchpoint SHOP = Touchpoint.of("shop");
  private static final Persona PERSONA = Persona.of("Noa", "Get a working phone line");

  /** Factories without rows, and why. */
  private static final Map<String, String> EXEMPT = Map.of();

  private static final List<Row> ROWS = table();

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  @DisplayName("a bad value is refused with the right exception and a message naming the field and the value")
  void refuses(Row row) {
    BadInputTable.assertRefused(row);
  }

  static Stream<Row> rows() {
    return ROWS.stream();
  }

  @Test
  @DisplayName("every public factory of io.cemkit.journey has a row or a reason for none")
  void everyPublicFactoryHasARow() throws IOException, URISyntaxException {
    BadInputTable.assertEveryFactoryHasARow(JourneyMap.class, ROWS, EXEMPT, "io.cemkit.journey");
  }

  // ------------------------------------------------------------------------------------------------ the table

  private static List<Row> table() {
    Table t = new Table();
    emotions(t);
    maps(t);
    events(t);
    results(t);
    return List.copyOf(t.rows());
  }

  private static void emotions(Table t) {
    t.on("Emotion.of(String,double)")
        .npe("name null", () -> Emotion.of(null, 0), "name")
        .iae("name capitalised", () -> Emotion.of("Happy", 0.5), "Emotion.name", "lower-case", "was 'Happy'")
        .iae("name empty", () -> Emotion.of("", 0.5), "Emotion.name", "was ''")
        .iae("name with a space", () -> Emotion.of("so so", 0), "Emotion.name", "was 'so so'")
        .iae("name too long", () -> Emotion.of("a".repeat(65), 0), "Emotion.name", "1 to 64")
        .iae("valence 1.5", () -> Emotion.of("elated", 1.5), "Emotion.valence of 'elated'", "[-1, 1]", "was 1.5")
        .iae("valence NaN", () -> Emotion.of("odd", Double.NaN), "Emotion.valence of 'odd'", "was NaN");
    t.on("Emotion.named(String)").npe("name null", () -> Emotion.named(null), "name");
    missing(t, "Emotion", () -> ImmutableEmotion.builder().build(), "name", "valence");

    t.on("CurvePoint.of(int,Touchpoint,JourneyStage,Emotion)")
        .npe("touchpoint null", () -> CurvePoint.of(0, null, BUY, Emotion.HAPPY), "touchpoint")
        .npe("stage null", () -> CurvePoint.of(0, SHOP, null, Emotion.HAPPY), "stage")
        .npe("emotion null", () -> CurvePoint.of(0, SHOP, BUY, null), "emotion")
        .iae("index -1", () -> CurvePoint.of(-1, SHOP, BUY, Emotion.HAPPY), "CurvePoint.index", "at least 0",
            "was -1");
    missing(t, "CurvePoint", () -> ImmutableCurvePoint.builder().build(), "index", "touchpoint", "stage",
        "emotion");

    t.on("EmotionCurve.of(List)")
        .npe("points null", () -> EmotionCurve.of(null), "points")
        .npe("a point null", () -> EmotionCurve.of(Arrays.asList(point(0, Emotion.HAPPY), null)), "points element")
        .iae("an index out of order", () -> EmotionCurve.of(List.of(point(1, Emotion.HAPPY))), "EmotionCurve.points[0]",
            "index 0", "was 1");
    t.on("ImmutableEmotionCurve.builder()")
        .iae("an index repeated", () -> ImmutableEmotionCurve.builder().addPoints(point(0, Emotion.HAPPY),
            point(0, Emotion.ANGRY)).build(), "EmotionCurve.points[1]", "index 1", "was 0");

    t.on("EmotionDrop.of(CurvePoint,CurvePoint)")
        .npe("from null", () -> EmotionDrop.of(null, point(1, Emotion.ANGRY)), "from")
        .iae("not following", () -> EmotionDrop.of(point(0, Emotion.HAPPY), point(2, Emotion.ANGRY)),
            "EmotionDrop.to", "directly follow from (index 0)", "was index 2")
        .iae("not lower", () -> EmotionDrop.of(point(0, Emotion.ANGRY), point(1, Emotion.HAPPY)),
            "EmotionDrop.to", "lower than from (angry", "was happy");
    missing(t, "EmotionDrop", () -> ImmutableEmotionDrop.builder().build(), "from", "to");

    t.on("HandoffFlag.riskOf(double,Duration,int)")
        .npe("span null", () -> HandoffFlag.riskOf(0.5, null, 0), "span")
        .iae("emotionDrop negative", () -> HandoffFlag.riskOf(-0.1, Duration.ZERO, 0), "HandoffFlag.emotionDrop",
            "[0, 2]", "was -0.1")
        .iae("emotionDrop NaN", () -> HandoffFlag.riskOf(Double.NaN, Duration.ZERO, 0), "HandoffFlag.emotionDrop",
            "was NaN")
        .iae("span negative", () -> HandoffFlag.riskOf(0.5, Duration.ofDays(-1), 0), "HandoffFlag.span",
            "not be negative", "was PT-24H")
        .iae("uncontrolledNearby negative", () -> HandoffFlag.riskOf(0.5, Duration.ZERO, -1),
            "HandoffFlag.uncontrolledNearby", "at least 0", "was -1");
    missing(t, "HandoffFlag", () -> ImmutableHandoffFlag.builder().build(), "from", "to", "fromOwner",
        "toOwner", "fromStage", "toStage", "emotionDrop", "span", "uncontrolledNearby", "risk");
    HandoffFlag flag = HandoffFlag.builder().from(SHOP).to(Touchpoint.of("install")).fromOwner("sales")
        .toOwner("field").fromStage(BUY).toStage(BUY).emotionDrop(0.5).span(Duration.ofDays(1))
        .uncontrolledNearby(0).risk(0.2).build();
    t.on("ImmutableHandoffFlag.builder()")
        .iae("one owner twice", () -> ImmutableHandoffFlag.copyOf(flag).withToOwner("sales"), "HandoffFlag",
            "two different owners", "had 'sales' twice")
        .iae("risk 1.5", () -> ImmutableHandoffFlag.copyOf(flag).withRisk(1.5), "HandoffFlag.risk", "[0, 1]",
            "was 1.5")
        .iae("emotionDrop 3", () -> ImmutableHandoffFlag.copyOf(flag).withEmotionDrop(3), "HandoffFlag.emotionDrop",
            "was 3.0");
  }

  private static void maps(Table t) {
    t.on("Persona.of(String,String)")
        .npe("name null", () -> Persona.of(null, "goal"), "name")
        .iae("name blank", () -> Persona.of(" ", "goal"), "Persona.name", "blank")
        .iae("name too long", () -> Persona.of("n".repeat(101), "goal"), "Persona.name", "at most 100", "was 101")
        .iae("goal blank", () -> Persona.of("Noa", ""), "Persona.goal", "blank")
        .iae("goal with a control character", () -> Persona.of("Noa", "a\u0001b"), "Persona.goal",
            "U+0001 at index 1");
    missing(t, "Persona", () -> ImmutablePersona.builder().build(), "name", "goal");
    t.on("ImmutablePersona.builder()")
        .iae("description too long", () -> Persona.builder().name("Noa").goal("g").description("d".repeat(501))
            .build(), "Persona.description", "at most 500", "was 501");

    t.on("Stage.of(JourneyStage,String)")
        .npe("id null", () -> Stage.of(null, "Buy"), "id")
        .npe("name null", () -> Stage.of(BUY, null), "name")
        .iae("name blank", () -> Stage.of(BUY, " "), "Stage.name", "blank")
        .iae("name too long", () -> Stage.of(BUY, "n".repeat(101)), "Stage.name", "was 101");
    missing(t, "Stage", () -> ImmutableStage.builder().build(), "id");
    t.on("ImmutableStage.builder()")
        .iae("goal blank", () -> Stage.builder().id(BUY).goal(" ").build(), "Stage.goal", "blank");

    missing(t, "MapTouchpoint", () -> ImmutableMapTouchpoint.builder().build(), "id", "stage", "name", "channel",
        "emotion");
    MapTouchpoint shop = touchpoint().build();
    t.on("ImmutableMapTouchpoint.builder()")
        .iae("name blank", () -> ImmutableMapTouchpoint.copyOf(shop).withName(" "), "Touchpoint shop name", "blank")
        .iae("owner blank", () -> ImmutableMapTouchpoint.copyOf(shop).withOwner(""), "Touchpoint shop owner",
            "blank")
        .iae("owner too long", () -> ImmutableMapTouchpoint.copyOf(shop).withOwner("o".repeat(101)),
            "Touchpoint shop owner", "was 101")
        .iae("expectedDuration zero", () -> ImmutableMapTouchpoint.copyOf(shop).withExpectedDuration(Duration.ZERO),
            "Touchpoint shop expectedDuration", "positive", "was PT0S")
        .iae("expectation blank", () -> ImmutableMapTouchpoint.copyOf(shop).withExpectation(" "),
            "Touchpoint shop expectation", "blank")
        .iae("emotion blank", () -> ImmutableMapTouchpoint.copyOf(shop).withEmotion(""), "Touchpoint shop emotion",
            "blank")
        .iae("a pain point blank", () -> ImmutableMapTouchpoint.copyOf(shop).withPainPoints(" "),
            "Touchpoint shop pain point", "blank")
        .iae("an opportunity too long", () -> ImmutableMapTouchpoint.copyOf(shop).withOpportunities("o".repeat(501)),
            "Touchpoint shop opportunity", "was 501")
        .iae("a message topic blank", () -> ImmutableMapTouchpoint.copyOf(shop).withMessages(Map.of(" ", "text")),
            "Touchpoint shop message topic", "U+0020")
        .iae("a message blank", () -> ImmutableMapTouchpoint.copyOf(shop).withMessages(Map.of("price", " ")),
            "Touchpoint shop message on price", "blank");

    missing(t, "BlueprintStep", () -> ImmutableBlueprintStep.builder().build(), "id", "stage", "lane", "name");
    BlueprintStep step = BlueprintStep.builder().id(Touchpoint.of("pick")).stage(BUY).lane(Lane.BACKSTAGE)
        .name("Pick the device").build();
    t.on("ImmutableBlueprintStep.builder()")
        .iae("name blank", () -> ImmutableBlueprintStep.copyOf(step).withName(" "), "Blueprint step pick name",
            "blank")
        .iae("owner blank", () -> ImmutableBlueprintStep.copyOf(step).withOwner(""), "Blueprint step pick owner",
            "blank")
        .iae("failPoint too long", () -> ImmutableBlueprintStep.copyOf(step).withFailPoint("f".repeat(501)),
            "Blueprint step pick failPoint", "was 501");

    missing(t, "JourneyMap", () -> ImmutableJourneyMap.builder().build(), "title", "persona");
    t.on("ImmutableJourneyMap.builder()")
        .iae("title blank", () -> map().title(" ").build(), "JourneyMap.title", "blank")
        .iae("title too long", () -> map().title("t".repeat(201)).build(), "JourneyMap.title", "was 201")
        .raises(InvalidJourneyMapException.class, "a touchpoint in an unknown stage", () -> map().title("Line")
            .addTouchpoints(ImmutableMapTouchpoint.copyOf(shop).withStage(JourneyStage.of("unknown"))).build(),
            "Journey map 'Line' is invalid", "touchpoint 'shop' is in the unknown stage 'unknown'")
        .raises(InvalidJourneyMapException.class, "an unknown emotion", () -> map().title("Line")
            .addTouchpoints(ImmutableMapTouchpoint.copyOf(shop).withEmotion("meh")).build(),
                "touchpoint 'shop' has the unknown emotion "
            + "'meh'")
        .raises(InvalidJourneyMapException.class, "a controlled touchpoint without an owner", () -> map()
            .title("Line").addTouchpoints(MapTouchpoint.builder().id(SHOP).stage(BUY).name("Shop")
                .channel(Channel.WEB).emotion("happy").build()).build(), "touchpoint 'shop' is controlled",
            "no owner")
        .raises(InvalidJourneyMapException.class, "an id twice", () -> map().title("Line")
            .addTouchpoints(touchpoint().build(), touchpoint().build()).build(), "id 'shop' is used more than once")
        .raises(InvalidJourneyMapException.class, "a custom emotion repeating a named one", () -> map().title("Line")
            .addCustomEmotions(Emotion.of("happy", 0.1)).build(), "custom emotion 'happy' repeats a named emotion");

    t.on("JourneyMapJson.read(String)")
        .npe("json null", () -> JourneyMapJson.read((String) null), "json")
        .raises(InvalidJourneyMapException.class, "empty", () -> JourneyMapJson.read(""), "the input is empty")
        .raises(InvalidJourneyMapException.class, "not an object", () -> JourneyMapJson.read("[]"),
            "expected an object", "was array")
        .raises(InvalidJourneyMapException.class, "another schema", () -> JourneyMapJson.read(
            "{\"schema\": \"other/9\", \"title\": \"Line\"}"), "Journey map 'Line' is invalid", "schema",
            "cemkit-journey/1", "was \"other/9\"")
        .raises(InvalidJourneyMapException.class, "an unknown field", () -> JourneyMapJson.read(
            "{\"title\": \"Line\", \"colour\": \"red\"}"), "unknown field 'colour'");
    t.on("JourneyMapJson.read(Reader)")
        .npe("json null", () -> JourneyMapJson.read((java.io.Reader) null), "json")
        .raises(InvalidJourneyMapException.class, "a blank title", () -> JourneyMapJson.read(new StringReader(
            JourneyMapJson.write(valid("Line").build()).replace("\"Line\"", "\" \""))), "title", "blank");
    t.on("JourneyMapJson.write(JourneyMap)").npe("map null", () -> JourneyMapJson.write(null), "map");
    t.on("HtmlRenderer.render(JourneyMap)").npe("map null", () -> HtmlRenderer.render(null), "map");
    t.on("MermaidRenderer.render(JourneyMap)").npe("map null", () -> MermaidRenderer.render(null), "map");

    t.on("InterfaceMessage.of(String,Touchpoint,String,String)")
        .npe("owner null", () -> InterfaceMessage.of(null, SHOP, "price", "text"), "owner")
        .npe("touchpoint null", () -> InterfaceMessage.of("sales", null, "price", "text"), "touchpoint")
        .iae("owner blank", () -> InterfaceMessage.of(" ", SHOP, "price", "text"), "InterfaceMessage.owner", "blank")
        .iae("topic blank", () -> InterfaceMessage.of("sales", SHOP, " ", "text"), "InterfaceMessage.topic",
            "U+0020")
        .iae("text blank", () -> InterfaceMessage.of("sales", SHOP, "price", ""), "InterfaceMessage.text", "blank")
        .iae("text too long", () -> InterfaceMessage.of("sales", SHOP, "price", "t".repeat(501)),
            "InterfaceMessage.text", "was 501");
    missing(t, "InterfaceMessage", () -> ImmutableInterfaceMessage.builder().build(), "owner", "touchpoint",
        "topic", "text");
    InterfaceMessage sales = InterfaceMessage.of("sales", SHOP, "price", "It costs 10");
    InterfaceMessage billing = InterfaceMessage.of("billing", Touchpoint.of("bill"), "price", "It costs 12");
    t.on("InterfaceConflict.of(JourneyStage,String,List)")
        .npe("stage null", () -> InterfaceConflict.of(null, "price", List.of(sales, billing)), "stage")
        .npe("messages null", () -> InterfaceConflict.of(BUY, "price", null), "messages")
        .iae("topic blank", () -> InterfaceConflict.of(BUY, " ", List.of(sales, billing)), "InterfaceConflict.topic",
            "U+0020")
        .iae("one department", () -> InterfaceConflict.of(BUY, "price", List.of(sales, sales)),
            "InterfaceConflict on 'price'", "at least two departments", "had [sales]")
        .iae("one message", () -> InterfaceConflict.of(BUY, "price", List.of(sales,
            InterfaceMessage.of("billing", SHOP, "price", "it  costs 10"))), "InterfaceConflict on 'price'",
            "two different messages");
    missing(t, "InterfaceConflict", () -> ImmutableInterfaceConflict.builder().build(), "stage", "topic");
    missing(t, "StageInterfaces", () -> ImmutableStageInterfaces.builder().build(), "stage");

    JourneyMap a = valid("A").segment(Segment.of("young")).build();
    JourneyMap b = valid("B").segment(Segment.of("old")).build();
    t.on("SegmentComparison.of(List)")
        .npe("maps null", () -> SegmentComparison.of(null), "maps")
        .npe("a map null", () -> SegmentComparison.of(Arrays.asList(a, null)), "maps[1]")
        .iae("one map", () -> SegmentComparison.of(List.of(a)), "SegmentComparison", "at least two maps",
            "given 1")
        .iae("a map without a segment", () -> SegmentComparison.of(List.of(a, valid("C").build())),
            "segment")
        .iae("a segment twice", () -> SegmentComparison.of(List.of(a, a)), "segment 'young' is given twice");
    t.on("ImmutableSegmentComparison.builder()")
        .iae("no segment", () -> ImmutableSegmentComparison.builder().build(), "SegmentComparison",
            "at least two segments", "had 0");
    missing(t, "StageRow", () -> ImmutableStageRow.builder().build(), "stage", "name");
    missing(t, "StageCell", () -> ImmutableStageCell.builder().build(), "segment", "touchpoints",
        "expectedDuration");
    t.on("ImmutableStageCell.builder()")
        .iae("touchpoints -1", () -> ImmutableStageCell.builder().segment(Segment.of("young")).touchpoints(-1)
            .expectedDuration(Duration.ZERO).build(), "StageCell.touchpoints", "at least 0", "was -1")
        .iae("expectedDuration negative", () -> ImmutableStageCell.builder().segment(Segment.of("young"))
            .touchpoints(1).expectedDuration(Duration.ofHours(-1)).build(), "StageCell.expectedDuration",
            "was PT-1H")
        .iae("meanValence 2", () -> ImmutableStageCell.builder().segment(Segment.of("young")).touchpoints(1)
            .expectedDuration(Duration.ZERO).meanValence(2.0).build(), "StageCell.meanValence", "[-1, 1]");
    missing(t, "TouchpointRow", () -> ImmutableTouchpointRow.builder().build(), "touchpoint", "stage", "name");
    missing(t, "TouchpointCell", () -> ImmutableTouchpointCell.builder().build(), "segment", "present");
    t.on("ImmutableTouchpointCell.builder()")
        .iae("absent with an emotion", () -> ImmutableTouchpointCell.builder().segment(Segment.of("young"))
            .present(false).emotion(Emotion.HAPPY).build(), "TouchpointCell", "young")
        .iae("present without an emotion", () -> ImmutableTouchpointCell.builder().segment(Segment.of("young"))
            .present(true).build(), "TouchpointCell for segment young is present", "emotion");
  }

  private static void events(Table t) {
    t.on("JourneyEvent.of(String,Instant,String,String,String)")
        .npe("customer null", () -> JourneyEvent.of(null, T, "shop", "buy", "web"), "customer")
        .npe("at null", () -> JourneyEvent.of("C-1", null, "shop", "buy", "web"), "at")
        .iae("customer blank", () -> JourneyEvent.of(" ", T, "shop", "buy", "web"), "JourneyEvent.customer",
            "blank")
        .iae("touchpoint blank", () -> JourneyEvent.of("C-1", T, "", "buy", "web"), "JourneyEvent.touchpoint",
            "blank")
        .iae("stage blank", () -> JourneyEvent.of("C-1", T, "shop", "\t", "web"), "JourneyEvent.stage", "blank")
        .iae("channel blank", () -> JourneyEvent.of("C-1", T, "shop", "buy", " "), "JourneyEvent.channel",
            "blank");
    t.on("JourneyEvent.of(CustomerId,Instant,Touchpoint,JourneyStage,Channel)")
        .npe("customer null", () -> JourneyEvent.of((CustomerId) null, T, SHOP, BUY, Channel.WEB), "customer")
        .npe("touchpoint null", () -> JourneyEvent.of(CustomerId.of("C-1"), T, null, BUY, Channel.WEB),
            "touchpoint")
        .npe("stage null", () -> JourneyEvent.of(CustomerId.of("C-1"), T, SHOP, null, Channel.WEB), "stage")
        .npe("channel null", () -> JourneyEvent.of(CustomerId.of("C-1"), T, SHOP, BUY, null), "channel");
    t.on("new JourneyEvent(String,Instant,String,String,String,Optional,OptionalDouble,OptionalInt)")
        .npe("outcome null", () -> new JourneyEvent("C-1", T, "shop", "buy", "web", null, OptionalDouble.empty(),
            OptionalInt.empty()), "outcome")
        .iae("outcome blank", () -> new JourneyEvent("C-1", T, "shop", "buy", "web", Optional.of(" "),
            OptionalDouble.empty(), OptionalInt.empty()), "JourneyEvent.outcome", "blank")
        .iae("sentiment 2", () -> new JourneyEvent("C-1", T, "shop", "buy", "web", Optional.empty(),
            OptionalDouble.of(2), OptionalInt.empty()), "JourneyEvent.sentiment", "[-1, 1]", "was 2.0")
        .iae("sentiment NaN", () -> new JourneyEvent("C-1", T, "shop", "buy", "web", Optional.empty(),
            OptionalDouble.of(Double.NaN), OptionalInt.empty()), "JourneyEvent.sentiment", "was NaN")
        .iae("nps 11", () -> new JourneyEvent("C-1", T, "shop", "buy", "web", Optional.empty(),
            OptionalDouble.empty(), OptionalInt.of(11)), "JourneyEvent.nps", "0..10", "was 11")
        .npe("nps null", () -> new JourneyEvent("C-1", T, "shop", "buy", "web", Optional.empty(),
            OptionalDouble.empty(), null), "nps");

    t.on("EventLog.of(Iterable)")
        .npe("events null", () -> EventLog.of(null), "events")
        .npe("an event null", () -> EventLog.of(Arrays.asList(JourneyEvent.of("C-1", T, "shop", "buy", "web"),
            null)), "event")
        .iae("a time outside the range", () -> EventLog.of(List.of(JourneyEvent.of("C-1",
            Instant.parse("2300-01-01T00:00:00Z"), "shop", "buy", "web"))), "time 2300-01-01T00:00:00Z",
            "1678 to 2261");
    t.on("EventLog.ofInteractions(Iterable)")
        .npe("interactions null", () -> EventLog.ofInteractions(null), "interactions");
    t.on("EventLog.builder()")
        .npe("event null", () -> EventLog.builder().add(null), "event")
        .iae("a touchpoint blank", () -> EventLog.builder().add("C-1", T, " ", "buy", "web"),
            "JourneyEvent.touchpoint", "blank");
    List<String> one = List.of("x");
    t.on("EventLog.ofColumns(int,long[],int[],int[],int[],int[],List,List,List)")
        .iae("customerCount negative", () -> EventLog.ofColumns(-1, new long[0], new int[0], new int[0], new int[0],
            new int[0], one, one, one), "EventLog.ofColumns customerCount", "at least 0", "was -1")
        .npe("epochNanos null", () -> EventLog.ofColumns(1, null, new int[0], new int[0], new int[0], new int[0],
            one, one, one), "epochNanos")
        .npe("customers null", () -> EventLog.ofColumns(1, new long[0], null, new int[0], new int[0], new int[0],
            one, one, one), "customers")
        .npe("stageNames null", () -> EventLog.ofColumns(1, new long[0], new int[0], new int[0], new int[0],
            new int[0], one, null, one), "stageNames")
        .iae("lengths differ", () -> EventLog.ofColumns(1, new long[2], new int[2], new int[1], new int[2],
            new int[2], one, one, one), "EventLog.ofColumns", "one length", "had 2, 2, 1, 2, 2")
        .iae("a customer code out of range", () -> EventLog.ofColumns(1, new long[1], new int[] {1}, new int[1],
            new int[1], new int[1], one, one, one), "EventLog.ofColumns customers[0]", "[0, 1)", "was 1")
        .iae("a stage code negative", () -> EventLog.ofColumns(1, new long[1], new int[1], new int[1],
            new int[] {-1}, new int[1], one, one, one), "EventLog.ofColumns stages[0]", "was -1")
        .iae("a name twice", () -> EventLog.ofColumns(1, new long[1], new int[1], new int[1], new int[1],
            new int[1], List.of("x", "x"), one, one), "EventLog.ofColumns names must be distinct", "'x' repeats")
        .npe("a name null", () -> EventLog.ofColumns(1, new long[1], new int[1], new int[1], new int[1],
            new int[1], Arrays.asList("x", null), one, one), "name");
    String header = "customer_id,timestamp,touchpoint,stage,channel";
    t.on("EventLog.readCsv(Reader)")
        .npe("in null", () -> EventLog.readCsv(null), "in")
        .raises(CsvFormatException.class, "a missing column", () -> EventLog.readCsv(new StringReader(
            "customer_id,touchpoint,stage,channel\n")), "line 1", "missing column 'timestamp'")
        .raises(CsvFormatException.class, "a bad timestamp", () -> EventLog.readCsv(new StringReader(header
            + "\nC-1,yesterday,shop,buy,web\n")), "line 2", "timestamp 'yesterday'", "ISO-8601")
        .raises(CsvFormatException.class, "an empty field", () -> EventLog.readCsv(new StringReader(header
            + "\nC-1,2026-01-01T10:00:00Z,,buy,web\n")), "line 2", "touchpoint is empty")
        .raises(CsvFormatException.class, "a sentiment out of range", () -> EventLog.readCsv(new StringReader(header
            + ",sentiment\nC-1,2026-01-01T10:00:00Z,shop,buy,web,1.5\n")), "line 2", "sentiment '1.5'",
            "-1 to 1")
        .raises(CsvFormatException.class, "an answer of 11", () -> EventLog.readCsv(new StringReader(header
            + ",nps\nC-1,2026-01-01T10:00:00Z,shop,buy,web,11\n")), "line 2", "nps '11'", "0 to 10");

    t.on("Funnel.of(List)")
        .npe("stages null", () -> Funnel.of((List<String>) null), "stages")
        .npe("a stage null", () -> Funnel.of(Arrays.asList("buy", null)), "stages[1]")
        .iae("no stage", () -> Funnel.of(List.of()), "Funnel.stages", "at least one stage")
        .iae("a stage blank", () -> Funnel.of(List.of("buy", " ")), "Funnel.stages[1]", "blank", "was ' '");
    t.on("Funnel.of(String[])")
        .npe("stages null", () -> Funnel.of((String[]) null), "stages")
        .npe("a stage null", () -> Funnel.of("buy", null), "stages[1]")
        .iae("a stage empty", () -> Funnel.of(""), "Funnel.stages[0]", "blank", "was ''");
    t.on("new Funnel(List,Optional,boolean)")
        .npe("window null", () -> new Funnel(List.of("buy"), null, false), "window")
        .iae("window zero", () -> new Funnel(List.of("buy"), Optional.of(Duration.ZERO), false), "Funnel.window",
            "positive", "was PT0S")
        .npe("within null", () -> Funnel.of("buy").within(null), "value")
        .iae("within negative", () -> Funnel.of("buy").within(Duration.ofDays(-1)), "Funnel.window", "was PT-24H");
  }

  private static void results(Table t) {
    Transition transition = new Transition("a", "b", 1, 1, 1);
    FunnelReport report = EventLog.of(List.of(JourneyEvent.of("C-1", T, "shop", "buy", "web"))).observe()
        .funnel(Funnel.of("buy"));
    ChannelSwitches switches = new ChannelSwitches(0, 0, Map.of());
    t.on("ObservedRenderer.mermaid(List)").npe("transitions null", () -> ObservedRenderer.mermaid(null),
        "transitions");
    t.on("ObservedRenderer.html(String,FunnelReport,List,ChannelSwitches)")
        .npe("title null", () -> ObservedRenderer.html(null, report, List.of(transition), switches), "title")
        .npe("funnel null", () -> ObservedRenderer.html("t", null, List.of(transition), switches), "funnel")
        .npe("transitions null", () -> ObservedRenderer.html("t", report, null, switches), "transitions")
        .npe("switches null", () -> ObservedRenderer.html("t", report, List.of(transition), null), "switches");

    t.on("DesignedVsObserved.of(JourneyMap,ObservedJourney)")
        .npe("map null", () -> DesignedVsObserved.of(null, EventLog.builder().build().observe()), "map")
        .npe("observed null", () -> DesignedVsObserved.of(valid("Line").build(), null), "observed");
    t.on("new DesignedVsObserved(List,List,List,List,List,List)")
        .npe("unusedTouchpoints null", () -> new DesignedVsObserved(null, List.of(), List.of(), List.of(), List.of(),
            List.of()), "unusedTouchpoints")
        .npe("handoffLosses null", () -> new DesignedVsObserved(List.of(), List.of(), List.of(), List.of(),
            List.of(), null), "handoffLosses");
    t.on("new DesignedVsObserved.SlowStage(String,double,double,long)")
        .npe("stage null", () -> new DesignedVsObserved.SlowStage(null, 1, 2, 3), "stage");
    t.on("new DesignedVsObserved.EmotionGap(String,String,double,OptionalDouble,OptionalDouble,OptionalDouble)")
        .npe("touchpoint null", () -> new DesignedVsObserved.EmotionGap(null, "happy", 0.7, OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty()), "touchpoint")
        .npe("gap null", () -> new DesignedVsObserved.EmotionGap("shop", "happy", 0.7, OptionalDouble.empty(), null,
            OptionalDouble.empty()), "gap");
    t.on("new DesignedVsObserved.HandoffLoss(String,String,long,long,double)")
        .npe("to null", () -> new DesignedVsObserved.HandoffLoss("a", null, 1, 1, 0), "to");
    t.on("new Attribution(long,long,double,List)")
        .npe("touchpoints null", () -> new Attribution(1, 1, 1, null), "touchpoints");
    t.on("new Attribution.AttributedTouchpoint(String,double,double,double)")
        .npe("touchpoint null", () -> new Attribution.AttributedTouchpoint(null, 0.5, 0.5, 1), "touchpoint");
    t.on("new ChannelSwitches(long,long,Map)")
        .npe("resumptionsByStage null", () -> new ChannelSwitches(0, 0, null), "resumptionsByStage");
    t.on("new FunnelStep(String,long,double,double,long,OptionalDouble,OptionalDouble,Map)")
        .npe("stage null", () -> new FunnelStep(null, 1, 1, 1, 0, OptionalDouble.empty(), OptionalDouble.empty(),
            Map.of()), "stage")
        .npe("meanSecondsToConvert null", () -> new FunnelStep("buy", 1, 1, 1, 0, OptionalDouble.empty(), null,
            Map.of()), "meanSecondsToConvert")
        .npe("nextAfterDropOff null", () -> new FunnelStep("buy", 1, 1, 1, 0, OptionalDouble.empty(),
            OptionalDouble.empty(), null), "nextAfterDropOff");
    t.on("new TouchpointFeedback(String,long,long,OptionalDouble,long,long,long,long,OptionalDouble)")
        .npe("touchpoint null", () -> new TouchpointFeedback(null, 1, 0, OptionalDouble.empty(), 0, 0, 0, 0,
            OptionalDouble.empty()), "touchpoint")
        .npe("nps null", () -> new TouchpointFeedback("shop", 1, 0, OptionalDouble.empty(), 0, 0, 0, 0, null),
            "nps");
    t.on("new Transition(String,String,long,double,double)")
        .npe("from null", () -> new Transition(null, "b", 1, 1, 1), "from")
        .npe("to null", () -> new Transition("a", null, 1, 1, 1), "to");
    t.on("new Variant(List,long)").npe("path null", () -> new Variant(null, 1), "path");
  }

  // ------------------------------------------------------------------------------------------------ valid parts

  private static CurvePoint point(int index, Emotion emotion) {
    return CurvePoint.of(index, SHOP, BUY, emotion);
  }

  private static ImmutableMapTouchpoint.Builder touchpoint() {
    return MapTouchpoint.builder().id(SHOP).stage(BUY).name("Shop").channel(Channel.WEB).owner("sales")
        .emotion("happy");
  }

  private static ImmutableJourneyMap.Builder map() {
    return JourneyMap.builder().persona(PERSONA).stages(List.of(Stage.of(BUY, "Buy")));
  }

  private static ImmutableJourneyMap.Builder valid(String title) {
    return map().title(title).addTouchpoints(touchpoint().build());
  }

  private static void missing(Table t, String type, ThrowingCallable build, String... required) {
    String[] fragments = new String[required.length + 1];
    fragments[0] = "Cannot build " + type;
    System.arraycopy(required, 0, fragments, 1, required.length);
    t.on("Immutable" + type + ".builder()").ise("nothing set", build, fragments);
  }
}
