package io.cemkit.journey;

import static io.cemkit.journey.Fixtures.BUY;
import static io.cemkit.journey.Fixtures.USE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemkit.core.Cemkit;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Touchpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JourneyMapJsonTest {
  private static final ObjectMapper MAPPER = Cemkit.objectMapper();

  static String resource(String name) {
    try (InputStream in = JourneyMapJsonTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> values() {
    JourneyMap seed = Seed.bankSwitch();
    EmotionCurve curve = seed.curve();
    SegmentComparison comparison = SegmentComparison.of(List.of(seed,
        ImmutableJourneyMap.copyOf(seed).withSegment(io.cemkit.core.Segment.of("business"))));
    return Stream.of(
        Arguments.of(Persona.class, seed.persona()),
        Arguments.of(Stage.class, seed.stages().get(3)),
        Arguments.of(Emotion.class, seed.customEmotions().get(1)),
        Arguments.of(MapTouchpoint.class, seed.touchpoint(Touchpoint.of("fee-notice")).orElseThrow()),
        Arguments.of(BlueprintStep.class, seed.steps().get(1)),
        Arguments.of(JourneyMap.class, seed),
        Arguments.of(CurvePoint.class, curve.points().get(6)),
        Arguments.of(EmotionDrop.class, curve.largestDrops(1).get(0)),
        Arguments.of(EmotionCurve.class, curve),
        Arguments.of(InterfaceMessage.class, seed.interfaces().get(4).messages().get(0)),
        Arguments.of(StageInterfaces.class, seed.interfaces().get(4)),
        Arguments.of(InterfaceConflict.class, seed.interfaceConflicts().get(0)),
        Arguments.of(HandoffFlag.class, seed.handoffs().get(0)),
        Arguments.of(SegmentComparison.class, comparison),
        Arguments.of(SegmentComparison.StageRow.class, comparison.stages().get(0)),
        Arguments.of(SegmentComparison.StageCell.class, comparison.stages().get(0).cells().get(0)),
        Arguments.of(SegmentComparison.TouchpointRow.class, comparison.touchpoints().get(0)),
        Arguments.of(SegmentComparison.TouchpointCell.class, comparison.touchpoints().get(0).cells().get(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  @DisplayName("every value type round-trips through cemkit's mapper")
  void roundTrip(Class<?> type, Object value) throws IOException {
    String json = MAPPER.writeValueAsString(value);
    assertThat(MAPPER.readValue(json, type)).isEqualTo(value);
    assertThat(MAPPER.writeValueAsString(MAPPER.readValue(json, type))).isEqualTo(json);
  }

  @Test
  @DisplayName("the seed map's canonical JSON is the golden file, and reading and writing it again changes nothing")
  void golden() {
    String golden = resource("/journeys/bank-switch.canonical.json");
    assertThat(JourneyMapJson.write(Seed.bankSwitch())).isEqualTo(golden);
    assertThat(JourneyMapJson.write(JourneyMapJson.read(golden))).isEqualTo(golden);
    assertThat(JourneyMapJson.read(new StringReader(golden))).isEqualTo(Seed.bankSwitch());
  }

  @Test
  @DisplayName("the schema: field names and order of the map, a touchpoint and a step, durations in days")
  void schema() throws IOException {
    var tree = MAPPER.readTree(JourneyMapJson.write(Seed.bankSwitch()));
    assertThat(tree.fieldNames()).toIterable().containsExactly("schema", "title", "persona", "audience", "segment",
        "stages", "customEmotions", "touchpoints", "steps");
    assertThat(tree.get("schema").asText()).isEqualTo(JourneyMapJson.SCHEMA).isEqualTo("cemkit-journey/1");
    assertThat(tree.at("/touchpoints/9").fieldNames()).toIterable().containsExactly("id", "stage", "name",
        "channel", "owner", "controlled", "expectedDuration", "expectation", "emotion", "painPoints", "opportunities",
        "messages");
    assertThat(tree.at("/steps/1").fieldNames()).toIterable().containsExactly("id", "stage", "lane", "name", "owner",
        "supports", "failPoint");
    assertThat(tree.at("/touchpoints/5/expectedDuration").asText()).isEqualTo("P14D");
    assertThat(tree.at("/touchpoints/4/expectedDuration").asText()).isEqualTo("PT1H30M");
    assertThat(tree.at("/stages/0").fieldNames()).toIterable().containsExactly("id", "name", "goal");
  }

  @Test
  @DisplayName("a minimal document: defaults for audience, stages and controlled; no schema field needed")
  void minimal() {
    StringBuilder json = new StringBuilder("{\"title\": \"Minimal\", \"persona\": {\"name\": \"P\", \"goal\": "
        + "\"G\"}, \"touchpoints\": [");
    List<JourneyStage> stages = JourneyStage.defaults();
    for (int i = 0; i < stages.size(); i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\": \"t").append(i).append("\", \"stage\": \"")
          .append(stages.get(i)).append("\", \"name\": \"T\", \"channel\": \"WEB\", \"owner\": \"O\", "
              + "\"emotion\": \"happy\"}");
    }
    JourneyMap map = JourneyMapJson.read(json.append("]}").toString());
    assertThat(map.audience()).isEqualTo(Audience.CUSTOMER);
    assertThat(map.stages()).isEqualTo(Stage.defaults());
    assertThat(map.touchpoints()).allMatch(MapTouchpoint::controlled);
  }

  private static String seedWith(String from, String to) {
    String json = Seed.bankSwitchJson();
    assertThat(json).contains(from);
    return json.replace(from, to);
  }

  private static void assertProblems(String json, String... problems) {
    assertThatThrownBy(() -> JourneyMapJson.read(json)).isInstanceOfSatisfying(InvalidJourneyMapException.class,
        e -> assertThat(e.problems()).containsExactly(problems));
  }

  @Test
  @DisplayName("an unknown field is refused with its JSON path and the allowed fields")
  void unknownField() {
    assertProblems(seedWith("\"id\": \"card-delivery\",", "\"id\": \"card-delivery\", \"colour\": \"red\","),
        "touchpoints[6].colour: unknown field 'colour'; allowed: [channel, controlled, emotion, expectation, "
            + "expectedDuration, id, messages, name, opportunities, owner, painPoints, stage]");
    assertProblems(seedWith("\"audience\"", "\"audiences\""),
        "audiences: unknown field 'audiences'; allowed: [audience, customEmotions, persona, segment, stages, steps, "
            + "title, touchpoints]");
  }

  @Test
  @DisplayName("malformed JSON is refused with its line, column and path")
  void malformed() {
    assertThatThrownBy(() -> JourneyMapJson.read("{\"title\": \"x\",\n \"persona\": {\"name\": }"))
        .isInstanceOf(InvalidJourneyMapException.class)
        .hasMessageStartingWith("Journey map '(unknown)' is invalid: persona.name (line 2, column 22): malformed JSON: "
            + "Unexpected character ('}'");
    assertProblems("", "(root): the input is empty; expected a JSON object");
    assertProblems("[1, 2]", "(root): expected an object, was array");
    assertThatThrownBy(() -> JourneyMapJson.read("{\"title\": \"a\", \"title\": \"b\"}"))
        .isInstanceOf(InvalidJourneyMapException.class).hasMessageContaining("Duplicate field 'title'");
    assertThatThrownBy(() -> JourneyMapJson.read("{} {}")).isInstanceOf(InvalidJourneyMapException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  @DisplayName("wrong types, unknown enum values, bad values and missing fields name the JSON path")
  void wrongValues() {
    assertProblems(seedWith("\"channel\": \"PHONE\"", "\"channel\": \"PIGEON\""),
        "touchpoints[8].channel: 'PIGEON' is not one of [PHONE, WEB, APP, WHATSAPP, CHATBOT, BRANCH, EMAIL, SMS, "
            + "SOCIAL, LETTER, ATM, FAX, FIELD, VIDEO]");
    assertProblems(seedWith("\"controlled\": false", "\"controlled\": \"no\""),
        "touchpoints[0].controlled: expected true or false");
    assertProblems(seedWith("\"painPoints\": [\"Fees come back without a word of warning\"]", "\"painPoints\": \"x\""),
        "touchpoints[0].painPoints: expected an array");
    assertProblems(seedWith("\"title\": \"Switching banks\"", "\"title\": 7"), "title: expected text, was 7");
    assertProblems(seedWith("\"name\": \"Dana\"", "\"name\": [\"Dana\"]"), "persona.name: expected text");
    assertProblems(seedWith("{\"name\": \"worn-out\", \"valence\": -0.7}", "{\"name\": \"worn-out\", \"valence\": -7}"),
        "customEmotions[1]: Emotion.valence of 'worn-out' must be within [-1, 1], was -7.0");
    assertProblems(seedWith("\"expectedDuration\": \"P14D\"", "\"expectedDuration\": \"two weeks\""),
        "touchpoints[5].expectedDuration: 'two weeks' is not an ISO-8601 duration such as PT30M or P7D");
    assertProblems(seedWith("\"id\": \"card-reorder\", \"stage\": \"service\", \"lane\": \"BACKSTAGE\",",
        "\"id\": \"card-reorder\","), "steps[3]: missing required fields [stage, lane]");
    assertProblems(seedWith("\"id\": \"fee-notice\"", "\"id\": \"fee notice\""),
        "touchpoints[9].id: Touchpoint has an invalid character U+0020 at index 3 of 10; allowed are letters, "
            + "digits and - _ . : / (not first)");
    assertProblems(seedWith("\"schema\": \"cemkit-journey/1\"", "\"schema\": \"cemkit-journey/2\""),
        "schema: expected \"cemkit-journey/1\", was \"cemkit-journey/2\"");
  }

  @Test
  @DisplayName("a well-formed document with unknown emotions and stages lists every problem at once")
  void wholeMapProblems() {
    String json = seedWith("\"emotion\": \"confused\"", "\"emotion\": \"furious\"")
        .replace("\"stage\": \"loyalty\", \"channel\": \"SOCIAL\"", "\"stage\": \"advocacy\", \"channel\": \"SOCIAL\"")
        .replace("\"supports\": [\"fee-notice\"],", "\"supports\": [\"fee-notices\"],");
    assertThatThrownBy(() -> JourneyMapJson.read(json)).isInstanceOfSatisfying(InvalidJourneyMapException.class,
        e -> {
          assertThat(e).hasMessageStartingWith("Journey map 'Switching banks' is invalid: ");
          assertThat(e.problems()).containsExactly(
              "touchpoint 'card-delivery' has the unknown emotion 'furious'; known: [excited, happy, indifferent, "
                  + "bored, impatient, embarrassed, confused, angry, determined, worn-out] (declare others in "
                  + "customEmotions)",
              "touchpoint 'public-story' is in the unknown stage 'advocacy'; the stages are [awareness, "
                  + "consideration, purchase, onboarding, service, loyalty]",
              "step 'fee-engine' supports the unknown touchpoint 'fee-notices'");
        });
  }

  @Test
  @DisplayName("write and read are inverse for a built map with every optional field")
  void builtMap() {
    JourneyMap map = Fixtures.twoStages().audience(Audience.PROSPECT)
        .addCustomEmotions(Emotion.of("relieved", 0.45))
        .addTouchpoints(Fixtures.tp("a", BUY, "Sales \"A\" & <B>", "relieved")
                .expectedDuration(java.time.Duration.ofSeconds(90)).expectation("Ünïcödé, עברית, \uD83D\uDE00")
                .addPainPoints("p1", "p2").addOpportunities("o1").putMessages("z", "last").putMessages("a", "first")
                .build(),
            Fixtures.outside("b", USE, "angry").build())
        .addSteps(BlueprintStep.builder().id(Touchpoint.of("s")).stage(USE).lane(Lane.SUPPORT).name("S")
            .addSupports(Touchpoint.of("b")).build())
        .build();
    String json = JourneyMapJson.write(map);
    assertThat(JourneyMapJson.read(json)).isEqualTo(map);
    assertThat(json).contains("\"expectedDuration\": \"PT1M30S\"").contains("\"a\": \"first\",\n        \"z\"");
  }
}
