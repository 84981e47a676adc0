package io.cemkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cemkit nps} contract. Expected figures come from
 * {@code src/test/resources/nps/reference.py} (SciPy; written from the research formulas, with the
 * score interval found by numerical maximisation and root-finding), run on
 * {@code src/test/resources/nps/answers.csv}.
 */
class NpsCommandTest {
  private static final double EXACT = 1e-9;
  /** The reference finds the score interval numerically; agreement to 1e-6 points is plenty. */
  private static final double NUMERIC = 1e-6;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ObjectMapper mapper = new ObjectMapper();

  @TempDir
  Path dir;

  private int run(String... args) {
    return CemkitCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static String answers() {
    try {
      return Path.of(NpsCommandTest.class.getResource("/nps/answers.csv").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode json() throws IOException {
    return mapper.readTree(out.toString());
  }

  private static void assertPair(JsonNode pair, double low, double high, double tolerance) {
    assertThat(pair.isArray()).as("interval is an array").isTrue();
    assertThat(pair.size()).isEqualTo(2);
    assertThat(pair.get(0).asDouble()).isCloseTo(low, within(tolerance));
    assertThat(pair.get(1).asDouble()).isCloseTo(high, within(tolerance));
  }

  @Test
  @DisplayName("report: overall and per branch, with counts, SE, the three intervals and weighted figures")
  void reportByBranchWeighted() throws IOException {
    assertThat(run("nps", "report", answers(), "--by", "branch", "--weight", "weight")).isZero();
    JsonNode root = json();
    assertThat(root.fieldNames()).toIterable().containsExactlyInAnyOrder("overall", "groups");
    JsonNode overall = root.get("overall");
    assertThat(overall.fieldNames()).toIterable().containsExactlyInAnyOrder("n", "promoters", "passives",
        "detractors", "nps", "standardError", "intervals", "weighted");
    assertThat(overall.get("n").asLong()).isEqualTo(60);
    assertThat(overall.get("promoters").asLong()).isEqualTo(16);
    assertThat(overall.get("passives").asLong()).isEqualTo(14);
    assertThat(overall.get("detractors").asLong()).isEqualTo(30);
    assertThat(overall.get("nps").asDouble()).isCloseTo(-23.333333333333332, within(EXACT));
    assertThat(overall.get("standardError").asDouble()).isCloseTo(10.895122932014292, within(EXACT));
    assertPair(overall.at("/intervals/wald"), -44.68738188721778, -1.979284779448884, EXACT);
    assertPair(overall.at("/intervals/adjustedWald"), -42.94961506883397, -1.494829375610471, EXACT);
    assertPair(overall.at("/intervals/score"), -43.08900698036732, -1.1918451882369552, NUMERIC);
    JsonNode weighted = overall.get("weighted");
    assertThat(weighted.fieldNames()).toIterable().containsExactlyInAnyOrder("nps", "effectiveSampleSize",
        "standardError", "interval");
    assertThat(weighted.get("nps").asDouble()).isCloseTo(-24.59016393442623, within(EXACT));
    assertThat(weighted.get("effectiveSampleSize").asDouble()).isCloseTo(51.600924499229585, within(EXACT));
    assertThat(weighted.get("standardError").asDouble()).isCloseTo(11.820198780776382, within(EXACT));
    assertPair(weighted.get("interval"), -47.75732783485219, -1.423000034000264, EXACT);

    JsonNode groups = root.get("groups");
    assertThat(groups.size()).isEqualTo(2);
    JsonNode north = groups.get(0);
    assertThat(north.get("key").toString()).isEqualTo("{\"branch\":\"north\"}");
    assertThat(north.get("n").asLong()).isEqualTo(27);
    assertThat(north.get("nps").asDouble()).isCloseTo(3.7037037037037033, within(EXACT));
    assertPair(north.at("/intervals/score"), -28.351961565573557, 34.94832903794084, NUMERIC);
    assertThat(north.at("/weighted/effectiveSampleSize").asDouble()).isCloseTo(23.18562874251497, within(EXACT));
    JsonNode south = groups.get(1);
    assertThat(south.get("key").toString()).isEqualTo("{\"branch\":\"south\"}");
    assertThat(south.get("detractors").asLong()).isEqualTo(20);
    assertPair(south.at("/intervals/adjustedWald"), -66.16621647341734, -17.167116859915986, EXACT);
    assertPair(south.at("/weighted/interval"), -79.11562181818357, -24.04227291865854, EXACT);
  }

  @Test
  @DisplayName("report by branch and month: the period is in the key as ISO text; no weighted object without --weight")
  void reportByPeriod() throws IOException {
    assertThat(run("nps", "report", answers(), "--by", "branch", "--period", "month", "--time-column",
        "answered_at", "--confidence", "0.9")).isZero();
    JsonNode groups = json().get("groups");
    List<String> keys = new ArrayList<>();
    groups.forEach(g -> keys.add(g.get("key").toString()));
    assertThat(keys).contains("{\"branch\":\"north\",\"period\":\"2025-01\"}",
        "{\"branch\":\"north\",\"period\":\"2025-03\"}", "{\"branch\":\"south\",\"period\":\"2025-02\"}");
    JsonNode march = null;
    for (JsonNode g : groups) {
      if (g.get("key").toString().equals("{\"branch\":\"north\",\"period\":\"2025-03\"}")) {
        march = g;
      }
    }
    assertThat(march).isNotNull();
    assertThat(march.has("weighted")).isFalse();
    assertThat(march.get("n").asLong()).isEqualTo(13);
    assertThat(march.get("nps").asDouble()).isCloseTo(15.38461538461538, within(EXACT));
    assertPair(march.at("/intervals/wald"), -27.8801170586134, 58.64934782784417, EXACT);
    assertPair(march.at("/intervals/adjustedWald"), -24.920984862463563, 49.92098486246356, EXACT);
    assertPair(march.at("/intervals/score"), -26.912851289520184, 52.56564269758744, NUMERIC);
  }

  @Test
  @DisplayName("compare: signed difference a − b with SE, z, two-sided p and interval; Wald by default")
  void compare() throws IOException {
    assertThat(run("nps", "compare", answers(), "--by", "branch", "--a", "north", "--b", "south")).isZero();
    JsonNode c = json();
    assertThat(c.fieldNames()).toIterable().containsExactlyInAnyOrder("a", "b", "nA", "nB", "npsA", "npsB",
        "difference", "standardError", "z", "pValue", "interval");
    assertThat(c.get("a").asText()).isEqualTo("north");
    assertThat(c.get("b").asText()).isEqualTo("south");
    assertThat(c.get("nA").asLong()).isEqualTo(27);
    assertThat(c.get("nB").asLong()).isEqualTo(33);
    assertThat(c.get("npsA").asDouble()).isCloseTo(3.7037037037037033, within(EXACT));
    assertThat(c.get("npsB").asDouble()).isCloseTo(-45.45454545454546, within(EXACT));
    assertThat(c.get("difference").asDouble()).isCloseTo(49.15824915824916, within(EXACT));
    assertThat(c.get("standardError").asDouble()).isCloseTo(21.31939576141738, within(EXACT));
    assertThat(c.get("z").asDouble()).isCloseTo(2.3057993626260713, within(EXACT));
    assertThat(c.get("pValue").asDouble()).isCloseTo(0.021121845866405285, within(1e-12));
    assertPair(c.get("interval"), 7.37300129371522, 90.9434970227831, EXACT);

    out.getBuffer().setLength(0);
    assertThat(run("nps", "compare", answers(), "--by", "branch", "--a", "south", "--b", "north", "--method",
        "adjusted-wald")).isZero();
    JsonNode adjusted = json();
    assertThat(adjusted.get("difference").asDouble()).isCloseTo(-44.99999999999999, within(EXACT));
    assertThat(adjusted.get("standardError").asDouble()).isCloseTo(20.146454517597622, within(EXACT));
    assertThat(adjusted.get("z").asDouble()).isCloseTo(-2.233643639911587, within(EXACT));
    assertThat(adjusted.get("pValue").asDouble()).isCloseTo(0.025506530095046696, within(1e-12));
    assertPair(adjusted.get("interval"), -84.4863252706656, -5.513674729334383, EXACT);
    assertThat(adjusted.get("npsA").asDouble()).isCloseTo(-45.45454545454546, within(EXACT));
  }

  @Test
  @DisplayName("rank: agents ranked with rank ranges and flags; agents below --min-responses excluded")
  void rank() throws IOException {
    assertThat(run("nps", "rank", answers(), "--agent-column", "branch", "--min-responses", "28")).isZero();
    JsonNode ranking = json().get("rankings").get(0);
    assertThat(ranking.get("agents").size()).isEqualTo(1);
    assertThat(ranking.at("/agents/0/agent").asText()).isEqualTo("south");
    assertThat(ranking.at("/agents/0/rank").asInt()).isEqualTo(1);
    assertThat(ranking.at("/excluded/0/agent").asText()).isEqualTo("north");
    assertThat(ranking.at("/excluded/0/n").asLong()).isEqualTo(27);

    out.getBuffer().setLength(0);
    assertThat(run("nps", "rank", answers(), "--agent-column", "branch", "--min-responses", "5", "--period",
        "quarter", "--time-column", "answered_at")).isZero();
    JsonNode q1 = json().get("rankings").get(0);
    assertThat(q1.get("period").asText()).isEqualTo("2025-Q1");
    assertThat(q1.at("/agents/0/agent").asText()).isEqualTo("north");
    // One pair, so the pairwise test is uncorrected: the adjusted-Wald p of 0.0255 separates the two ranks.
    assertThat(q1.at("/agents/0/rankRange").toString()).isEqualTo("[1,1]");
    assertThat(q1.at("/agents/1/rankRange").toString()).isEqualTo("[2,2]");
    assertThat(q1.at("/agents/0/differenceFromRest").asDouble()).isCloseTo(44.99999999999999, within(EXACT));
    assertThat(q1.at("/agents/0/pValue").asDouble()).isCloseTo(0.025506530095046696, within(1e-12));
    // Holm over the two (identical) tests doubles p to 0.051: not flagged at 5%.
    assertThat(q1.at("/agents/0/adjustedPValue").asDouble()).isCloseTo(0.05101306019009339, within(1e-12));
    assertThat(q1.at("/agents/0/flag").asText()).isEqualTo("none");
    assertThat(q1.at("/agents/1/flag").asText()).isEqualTo("none");
  }

  @Test
  @DisplayName("a header-only file: n 0 and null score, error and intervals, never 0")
  void empty() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.csv"), "branch,score\n");
    assertThat(run("nps", "report", file.toString(), "--by", "branch")).isZero();
    JsonNode root = json();
    assertThat(root.at("/overall/n").asLong()).isZero();
    assertThat(root.at("/overall/nps").isNull()).isTrue();
    assertThat(root.at("/overall/standardError").isNull()).isTrue();
    assertThat(root.at("/overall/intervals").isNull()).isTrue();
    assertThat(root.get("groups").size()).isZero();
    assertThat(root.at("/overall").has("weighted")).isFalse();

    out.getBuffer().setLength(0);
    Path weighted = Files.writeString(dir.resolve("empty-weighted.csv"), "score,w\n");
    assertThat(run("nps", "report", weighted.toString(), "--weight", "w")).isZero();
    assertThat(json().at("/overall/weighted").isNull()).isTrue();
  }

  @Test
  @DisplayName("the table format prints aligned rows with the adjusted-Wald interval")
  void table() {
    assertThat(run("nps", "report", answers(), "--by", "branch", "--format", "table")).isZero();
    assertThat(out.toString().lines().toList()).containsExactly(
        "branch  n   promoters  passives  detractors  nps    se    adjusted-wald 95%",
        "------  --  ---------  --------  ----------  -----  ----  -----------------",
        "(all)   60  16         14        30          -23.3  10.9  [-42.9, -1.5]",
        "north   27  11         6         10          3.7    17.0  [-27.6, 34.3]",
        "south   33  5          8         20          -45.5  12.9  [-66.2, -17.2]");
  }

  private int runOn(String content, String... options) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.csv"), content);
    List<String> args = new ArrayList<>(List.of("nps", "report", file.toString()));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  @Test
  @DisplayName("malformed files exit 1 with the line number and the reason")
  void malformed() throws IOException {
    assertThat(runOn("branch,score\nnorth,7\nsouth,11\n")).isEqualTo(1);
    assertThat(err.toString()).contains("line 3: score '11' in column 'score' is not an integer from 0 to 10");
    err.getBuffer().setLength(0);
    assertThat(runOn("branch,score\nnorth,7.5\n")).isEqualTo(1);
    assertThat(err.toString()).contains("line 2: score '7.5'");
    err.getBuffer().setLength(0);
    assertThat(runOn("branch,score\nnorth,\n")).isEqualTo(1);
    assertThat(err.toString()).contains("line 2: score ''");
    err.getBuffer().setLength(0);
    assertThat(runOn("branch,rating\nnorth,7\n")).isEqualTo(1);
    assertThat(err.toString()).contains("line 1: missing column 'score'; the header has [branch, rating]");
    err.getBuffer().setLength(0);
    assertThat(runOn("branch,score,w\nnorth,7,1\nnorth,8,-2\n", "--weight", "w")).isEqualTo(1);
    assertThat(err.toString()).contains("line 3: weight '-2' in column 'w' is not a decimal number that is 0 or from 1.0E-100 to 1.0E100");
    err.getBuffer().setLength(0);
    assertThat(runOn("branch,score,w\nnorth,7,NaN\n", "--weight", "w")).isEqualTo(1);
    assertThat(err.toString()).contains("line 2: weight 'NaN'");
    err.getBuffer().setLength(0);
    assertThat(runOn("branch,score,t\nnorth,7,yesterday\n", "--period", "day", "--time-column", "t")).isEqualTo(1);
    assertThat(err.toString()).contains("line 2: time 'yesterday' in column 't' is not an ISO-8601 date");
    err.getBuffer().setLength(0);
    assertThat(runOn("branch,score\nnorth,7,extra\n")).isEqualTo(1);
    assertThat(err.toString()).contains("line 2: expected 2 fields as in the header, found 3");
    err.getBuffer().setLength(0);
    assertThat(run("nps", "report", dir.resolve("missing.csv").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("missing.csv");
  }

  @Test
  @DisplayName("bad usage exits 2: period without time column, bad confidence, unknown method, unknown group")
  void usage() {
    assertThat(run("nps", "report", answers(), "--period", "month")).isEqualTo(2);
    assertThat(err.toString()).contains("--period needs --time-column");
    assertThat(run("nps", "report", answers(), "--confidence", "1.5")).isEqualTo(2);
    assertThat(err.toString()).contains("--confidence must be strictly between 0 and 1, was 1.5");
    assertThat(run("nps", "compare", answers(), "--by", "branch", "--a", "north", "--b", "south", "--method",
        "score")).isEqualTo(2);
    assertThat(err.toString()).contains("--method must be wald or adjusted-wald, was 'score'");
    assertThat(run("nps", "compare", answers(), "--by", "branch", "--a", "north", "--b", "east")).isEqualTo(1);
    assertThat(err.toString()).contains("no rows with branch = 'east'; values present: [north, south]");
    assertThat(run("nps")).isEqualTo(2);
  }

  @Test
  @DisplayName("times with offsets are placed in the --zone's calendar")
  void zones() throws IOException {
    Path file = Files.writeString(dir.resolve("tz.csv"),
        "score,t\n10,2025-03-31T22:30:00Z\n0,2025-03-31T10:00:00+02:00\n9,2025-04-01\n");
    assertThat(run("nps", "report", file.toString(), "--period", "month", "--time-column", "t", "--zone",
        "Asia/Jerusalem")).isZero();
    JsonNode groups = json().get("groups");
    assertThat(groups.size()).isEqualTo(2);
    assertThat(groups.get(0).get("key").toString()).isEqualTo("{\"period\":\"2025-03\"}");
    assertThat(groups.get(0).get("n").asLong()).isEqualTo(1);
    assertThat(groups.get(1).get("key").toString()).isEqualTo("{\"period\":\"2025-04\"}");
    assertThat(groups.get(1).get("n").asLong()).isEqualTo(2);
  }
}
