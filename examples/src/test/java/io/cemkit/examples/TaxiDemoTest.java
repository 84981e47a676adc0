package io.cemkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.nps.FollowUpState;
import io.cemkit.nps.RankedAgent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E4: the month of rides, the fair ranking, the closed loop and the files, from one run of the demo. */
class TaxiDemoTest {
  @TempDir
  static Path dir;
  private static TaxiDemo.Outcome outcome;
  private static String story;

  @BeforeAll
  static void run() {
    DemoRun<TaxiDemo.Outcome> run = DemoRun.of(dir, (out, files) -> new TaxiDemo(out, files).run());
    outcome = run.outcome();
    story = run.story();
  }

  @Test
  @DisplayName("a month of 8,906 ratings for 60 drivers; 5 with fewer than 30 are listed, never ranked")
  void month() {
    assertSoftly(soft -> {
      soft.assertThat(outcome.ratings()).hasSize(8906);
      soft.assertThat(outcome.ratings().stream().map(TaxiDemo.Rating::driver).distinct()).hasSize(60);
      soft.assertThat(outcome.fleet().n()).isEqualTo(8906);
      soft.assertThat(outcome.fleet().nps().getAsDouble()).isBetween(33.6, 33.7);
      soft.assertThat(outcome.ranking().ranked()).hasSize(55);
      soft.assertThat(outcome.ranking().excluded()).containsOnlyKeys("D-12", "D-27", "D-41", "D-53", "D-60")
          .allSatisfy((driver, n) -> assertThat(n).isLessThan(TaxiDemo.MIN_RATINGS));
    });
  }

  @Test
  @DisplayName("the flags: three drivers for attention, four rewarded, each surviving Holm's correction")
  void flags() {
    assertThat(outcome.ranking().bottom()).extracting(RankedAgent::agent).containsExactly("D-08", "D-47", "D-33");
    assertThat(outcome.ranking().top()).extracting(RankedAgent::agent).containsExactly("D-19", "D-05", "D-38", "D-10");
    assertThat(outcome.ranking().ranked()).filteredOn(a -> a.flag() != RankedAgent.Flag.NONE)
        .allSatisfy(a -> assertThat(a.adjustedPValue()).isLessThan(0.05))
        .allSatisfy(a -> assertThat(a.n()).isGreaterThanOrEqualTo(TaxiDemo.MIN_RATINGS));
    // D-50's raw score is the second lowest of the ranked drivers, but 36 ratings cannot tell it from the fleet.
    assertThat(outcome.ranking().ranked()).filteredOn(a -> a.agent().equals("D-50")).singleElement()
        .satisfies(a -> assertThat(a.flag()).isEqualTo(RankedAgent.Flag.NONE));
  }

  @Test
  @DisplayName("the closed loop: every detractor's rating has a follow-up linked to a call-back, all resolved")
  void closedLoop() {
    assertThat(outcome.followUps()).hasSize((int) outcome.fleet().detractors())
        .allSatisfy(f -> {
          assertThat(f.state()).isEqualTo(FollowUpState.RESOLVED);
          assertThat(f.process()).isPresent();
          assertThat(f.timeToClose()).hasValueSatisfying(d -> assertThat(d.toHours()).isLessThan(18));
        });
    assertThat(outcome.invitedPromoters()).isEqualTo(outcome.fleet().promoters());
  }

  @Test
  @DisplayName("the story prints the fleet's figures, the flags, the small samples and the loop")
  void storyFigures() {
    assertThat(story.lines()).contains(
        "1. March 2026: 8,906 rides rated by riders, 60 drivers",
        "  fleet NPS +33.7 (promoters 54.5%, passives 24.7%, detractors 20.8%), standard error 0.8, "
            + "95% interval [+32.0, +35.3]",
        "  attention BOTTOM D-08: NPS -17.3 [-34.5, +1.2] from 75 ratings, -50.8 points from the rest "
            + "(p 2.8e-08, adjusted 1.4e-06), rank 37-55",
        "  reward    TOP D-19: NPS +67.9 [+57.7, +75.7] from 168 ratings, +33.7 points from the rest "
            + "(p 5.3e-13, adjusted 2.9e-11), rank 1-32",
        "  D-12  6 ratings, NPS +100.0, 95% interval [+25.9, +100.0]",
        "  a raw table of scores would reward D-12 (+100.0 from 6 ratings) and flag D-27 (-100.0 from 4)",
        "  resolved: 1,856 of 1,856, median time to close 5h59m, longest 17h59m");
  }

  @Test
  @DisplayName("the files: the ratings, the ranking as `cemkit nps rank` writes it from them, and a Mermaid chart")
  void files() throws IOException {
    assertThat(Files.readAllLines(dir.resolve("rides.csv"))).hasSize(8907)
        .startsWith("ride,driver,rated_at,score");
    CliRun cli = new CliRun();
    assertThat(cli.run("nps", "rank",
        dir.resolve("rides.csv").toString(), "--agent-column", "driver")).isZero();
    assertThat(Files.readString(dir.resolve("ranking.json"), StandardCharsets.UTF_8)).isEqualTo(cli.out())
        .contains("\"agent\" : \"D-08\"", "\"flag\" : \"bottom\"");
    assertThat(Files.readString(dir.resolve("ranking.mmd"))).startsWith("xychart-beta\n")
        .contains("\"D-19\"", "\"D-08\"").doesNotContain("\"D-12\"");
    assertThat(story).contains("  wrote " + dir.resolve("ranking.json") + ": ");
  }
}
