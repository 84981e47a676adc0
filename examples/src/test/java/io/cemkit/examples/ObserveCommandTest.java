package io.cemkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code cemkit journey observe} contract. The expected JSON files come from
 * {@code src/test/resources/observe/reference.py} (Python; written from the documented definitions with
 * other algorithms: brute-force funnel over every start, exact integer gaps and fractions, numpy's solver for
 * the absorbing chain), run on {@code events.csv}, which the same script generated: 375 events of 60
 * customers, shuffled, with ties in time, three timestamp styles and millisecond fractions.
 */
class ObserveCommandTest {
  /** Relative tolerance for decimals; the counts must be equal. */
  private static final double TOLERANCE = 1e-9;
  private static final String STAGES = "awareness,consideration,purchase,onboarding";

  private final CliRun cli = new CliRun();
  private final ObjectMapper mapper = new ObjectMapper();

  @TempDir
  Path dir;

  private int run(String... args) {
    return cli.run(args);
  }

  private static String resource(String name) {
    try {
      return Path.of(ObserveCommandTest.class.getResource("/observe/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode expected(String name) throws IOException {
    try (InputStream in = ObserveCommandTest.class.getResourceAsStream("/observe/" + name)) {
      return mapper.readTree(in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "expected-ordered.json, ''",
      "expected-window-3d.json, --window=3d",
      "expected-strict-3d.json, --window=P3D --strict",
  })
  @DisplayName("JSON equals the independent reference: counts exactly, decimals to 1e-9")
  void jsonMatchesReference(String expectedFile, String options) throws IOException {
    List<String> args = new ArrayList<>(List.of("journey", "observe", resource("events.csv"), "--stages", STAGES));
    for (String o : options.split(" ")) {
      if (!o.isBlank()) {
        args.add(o);
      }
    }
    assertThat(run(args.toArray(String[]::new))).as(cli.err()).isZero();
    List<String> problems = new ArrayList<>();
    compare("", expected(expectedFile), mapper.readTree(cli.out()), problems);
    assertThat(problems).isEmpty();
  }

  /** Every field of the reference must be present and equal; the command may add fields. */
  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
    if (actual == null) {
      problems.add(path + ": missing");
    } else if (expected.isObject()) {
      for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        compare(path + "/" + name, expected.get(name), actual.get(name), problems);
      }
      if (actual.size() != expected.size() && !path.isEmpty() || path.endsWith("nextAfterDropOff")
          && actual.size() != expected.size()) {
        problems.add(path + ": fields " + actual + " instead of " + expected);
      }
    } else if (expected.isArray()) {
      if (actual.size() != expected.size()) {
        problems.add(path + ": " + actual.size() + " elements instead of " + expected.size());
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "/" + i, expected.get(i), actual.get(i), problems);
      }
    } else if (expected.isIntegralNumber()) {
      if (!actual.isIntegralNumber() || actual.asLong() != expected.asLong()) {
        problems.add(path + ": " + actual + " instead of " + expected);
      }
    } else if (expected.isNumber()) {
      double e = expected.asDouble();
      double a = actual.asDouble();
      if (!actual.isNumber() || Math.abs(a - e) > TOLERANCE * Math.max(1, Math.abs(e))) {
        problems.add(path + ": " + actual + " instead of " + expected);
      }
    } else if (!expected.equals(actual)) {
      problems.add(path + ": " + actual + " instead of " + expected);
    }
  }

  /** A CSV file with the standard header and the given rows. */
  private Path csv(String... rows) throws IOException {
    Path file = Files.createTempFile(dir, "events", ".csv");
    Files.writeString(file, "customer_id,timestamp,touchpoint,stage,channel\n" + String.join("\n", rows) + "\n",
        StandardCharsets.UTF_8);
    return file;
  }

  @Test
  @DisplayName("a bad row exits 1 naming its line and the reason, and writes nothing")
  void badRow() throws IOException {
    Path csv = csv("c1,2026-01-01T10:00:00Z,ad,awareness,web", "c1,yesterday,site,consideration,web");
    assertThat(run("journey", "observe", csv.toString(), "--stages", "awareness")).isEqualTo(1);
    assertThat(cli.err()).contains("line 3: timestamp 'yesterday' is not an ISO-8601 date-time");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  @DisplayName("an empty field and a missing column exit 1 with the line")
  void emptyFieldAndMissingColumn() throws IOException {
    Path csv = csv("c1,2026-01-01T10:00:00Z,,awareness,web");
    assertThat(run("journey", "observe", csv.toString(), "--stages", "awareness")).isEqualTo(1);
    assertThat(cli.err()).contains("line 2: touchpoint is empty");
    Path noChannel = dir.resolve("nochannel.csv");
    Files.writeString(noChannel, "customer_id,timestamp,touchpoint,stage\nc1,2026-01-01T10:00:00Z,ad,awareness\n",
        StandardCharsets.UTF_8);
    assertThat(run("journey", "observe", noChannel.toString(), "--stages", "awareness")).isEqualTo(1);
    assertThat(cli.err()).contains("line 1: missing column 'channel'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"--format=xml", "--window=soon", "--window=0s", "--top=0"})
  @DisplayName("bad options exit 2")
  void badOptions(String option) {
    assertThat(run("journey", "observe", resource("events.csv"), "--stages", STAGES, option)).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
  }

  @Test
  @DisplayName("mermaid: a flowchart of the transitions with their counts")
  void mermaid() {
    assertThat(run("journey", "observe", resource("events.csv"), "--stages", STAGES, "--format", "mermaid"))
        .isZero();
    String text = cli.out();
    assertThat(text).startsWith("flowchart LR\n  t0[\"ad\"]\n");
    assertThat(text).contains("[\"checkout\"]").containsPattern("t\\d+ -->\\|\\d+\\| t\\d+");
  }

  @Test
  @DisplayName("html: a standalone page with the funnel and the transitions, text escaped")
  void html() throws IOException {
    Path csv = csv("c1,2026-01-01T10:00:00Z,<script>,awareness,web",
        "c1,2026-01-01T11:00:00Z,site,consideration,web");
    assertThat(run("journey", "observe", csv.toString(), "--stages", "awareness,consideration", "--format",
        "html")).isZero();
    assertThat(cli.out()).startsWith("<!DOCTYPE html>").contains("id=\"funnel\"", "id=\"transitions\"",
        "&lt;script&gt;").doesNotContain("<script>");
  }

  /** A map of three touchpoints: ad (Marketing) hands off to shop (Sales); mail is never used. */
  private Path map() throws IOException {
    Path file = Files.createTempFile(dir, "map", ".json");
    Files.writeString(file, """
        {"title": "Small shop", "persona": {"name": "Ana", "goal": "Buy"},
         "stages": [{"id": "awareness"}, {"id": "purchase"}],
         "touchpoints": [
           {"id": "ad", "stage": "awareness", "name": "Sees the ad", "channel": "WEB", "owner": "Marketing",
            "expectedDuration": "PT1H", "emotion": "happy"},
           {"id": "shop", "stage": "purchase", "name": "Buys in the shop", "channel": "WEB", "owner": "Sales",
            "expectedDuration": "PT10M", "emotion": "excited"},
           {"id": "mail", "stage": "purchase", "name": "Gets the receipt", "channel": "EMAIL", "owner": "Sales",
            "emotion": "happy"}]}
        """, StandardCharsets.UTF_8);
    return file;
  }

  /** c1: ad (sentiment -0.5), shop 2 h later (NPS 9); c2: ad, a call 30 min later, shop 30 min after; c3: ad. */
  private Path smallShop() throws IOException {
    Path file = Files.createTempFile(dir, "events", ".csv");
    Files.writeString(file, """
        customer_id,timestamp,touchpoint,stage,channel,sentiment,nps
        c1,2026-01-01T10:00:00Z,ad,awareness,web,-0.5,
        c1,2026-01-01T12:00:00Z,shop,purchase,web,,9
        c2,2026-01-01T10:00:00Z,ad,awareness,web,,
        c2,2026-01-01T10:30:00Z,call,purchase,phone,,
        c2,2026-01-01T11:00:00Z,shop,purchase,web,,
        c3,2026-01-01T09:00:00Z,ad,awareness,web,,
        """, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  @DisplayName("--map adds designedVsObserved, worked by hand, and leaves every other field as it was")
  void mapAddsDesignedVsObserved() throws IOException {
    Path events = smallShop();
    assertThat(run("journey", "observe", events.toString(), "--stages", "awareness,purchase")).isZero();
    JsonNode without = mapper.readTree(cli.out());
    cli.clear();
    assertThat(run("journey", "observe", events.toString(), "--stages", "awareness,purchase", "--map",
        map().toString())).as(cli.err()).isZero();
    JsonNode with = mapper.readTree(cli.out());

    JsonNode expected = mapper.readTree("""
        {"unusedTouchpoints": ["mail"],
         "unmappedTouchpoints": ["call"],
         "unexpectedTransitions": [
           {"from": "ad", "to": "call", "count": 1, "meanGapSeconds": 1800.0, "medianGapSeconds": 1800.0},
           {"from": "call", "to": "shop", "count": 1, "meanGapSeconds": 1800.0, "medianGapSeconds": 1800.0}],
         "slowStages": [{"stage": "awareness", "expectedSeconds": 3600.0, "observedMedianSeconds": 4500.0,
                         "visits": 2}],
         "emotions": [
           {"touchpoint": "ad", "emotion": "happy", "designedValence": 0.7, "observedSentiment": -0.5,
            "gap": -1.2, "nps": null},
           {"touchpoint": "shop", "emotion": "excited", "designedValence": 1.0, "observedSentiment": null,
            "gap": null, "nps": 100.0},
           {"touchpoint": "mail", "emotion": "happy", "designedValence": 0.7, "observedSentiment": null,
            "gap": null, "nps": null}],
         "handoffLosses": [{"from": "ad", "to": "shop", "customersAtFrom": 3, "reachedTo": 2,
                            "loss": 0.3333333333333333}]}
        """);
    List<String> problems = new ArrayList<>();
    compare("/designedVsObserved", expected, with.get("designedVsObserved"), problems);
    assertThat(problems).isEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) with).remove("designedVsObserved");
    assertThat(with).isEqualTo(without);
  }

  @Test
  @DisplayName("--map with --format html: the designed map's page with the observed sentiment as a second curve")
  void mapHtml() throws IOException {
    assertThat(run("journey", "observe", smallShop().toString(), "--stages", "awareness,purchase", "--map",
        map().toString(), "--format", "html")).as(cli.err()).isZero();
    assertThat(cli.out()).startsWith("<!DOCTYPE html>").contains("Small shop",
        "data-layer=\"Designed emotion\"", "data-layer=\"Observed sentiment\"", "class=\"curve-observed\"");
  }

  @Test
  @DisplayName("--map with --format mermaid: still the observed transition graph")
  void mapMermaid() throws IOException {
    Path events = smallShop();
    assertThat(run("journey", "observe", events.toString(), "--stages", "awareness", "--format", "mermaid"))
        .isZero();
    String without = cli.out();
    cli.clear();
    assertThat(run("journey", "observe", events.toString(), "--stages", "awareness", "--format", "mermaid",
        "--map", map().toString())).isZero();
    assertThat(cli.out()).isEqualTo(without).startsWith("flowchart LR");
  }

  @Test
  @DisplayName("a map that is missing or invalid exits 1 with the reason, and nothing is written")
  void badMap() throws IOException {
    Path events = smallShop();
    assertThat(run("journey", "observe", events.toString(), "--stages", "awareness", "--map",
        dir.resolve("nope.json").toString())).isEqualTo(1);
    assertThat(cli.err()).contains("nope.json: no such file");
    Path invalid = Files.writeString(dir.resolve("invalid.json"), "{\"title\": \"x\"}", StandardCharsets.UTF_8);
    assertThat(run("journey", "observe", events.toString(), "--stages", "awareness", "--map", invalid.toString()))
        .isEqualTo(1);
    assertThat(cli.err()).contains("invalid.json: not a valid journey map");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  @DisplayName("the help documents --map and the designedVsObserved fields")
  void helpDocumentsMap() {
    assertThat(run("journey", "observe", "--help")).isZero();
    assertThat(cli.out()).contains("--map=MAP.json", "designedVsObserved", "unusedTouchpoints",
        "unmappedTouchpoints", "unexpectedTransitions", "slowStages", "emotions", "handoffLosses");
  }
}
