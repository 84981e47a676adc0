package io.cemkit.examples;

import static io.cemkit.testkit.CemkitAssertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.AgreementStatus;
import io.cemkit.core.ContextWarning;
import io.cemkit.journey.FunnelStep;
import io.cemkit.journey.HandoffFlag;
import io.cemkit.journey.JourneyMapJson;
import io.cemkit.workflow.BottleneckReport;
import io.cemkit.workflow.InsightFigures;
import io.cemkit.workflow.SlaAlert;
import io.cemkit.workflow.SlaCompliance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E1: Dana's story, the bank's map, onboarding under an SLA and the prospects' funnel, from one run. */
class BankSwitchDemoTest {
  @TempDir
  static Path dir;
  private static BankSwitchDemo.Outcome outcome;
  private static String story;

  @BeforeAll
  static void run() {
    DemoRun<BankSwitchDemo.Outcome> run = DemoRun.of(dir, (out, files) -> new BankSwitchDemo(out, files).run());
    outcome = run.outcome();
    story = run.story();
  }

  @Test
  @DisplayName("Dana's story: the agreement, the survey's detractor warning and follow-up, the suspension")
  void dana() {
    assertThat(outcome.agreement()).isInStatus(AgreementStatus.ACTIVE).hasCurrentVersion(2);
    assertThat(outcome.view()).leadsWith(ContextWarning.Code.PAYMENT_OVERDUE)
        .hasWarning(ContextWarning.Code.DETRACTOR_FEEDBACK);
    assertThat(outcome.view().lastFeedback()).hasValueSatisfying(f -> assertThat(f.score()).contains(6));
    assertThat(outcome.suspension()).isCompleted();
    assertThat(story.lines()).contains(
        "  S-0510 on 2026-05-10 by EMAIL: 6 of 10, a DETRACTOR; follow-up S-0510 OPEN (the comment is kept, never "
            + "printed)",
        "  last feedback: 6 of 10 on 2026-05-10 at switch-survey, with a comment",
        "  the agent starts with the survey: follow-up S-0510 CONTACTED by banker-17, 2d00h after the answer");
    assertThat(story).doesNotContain("Dana Levi", "still not complete");
  }

  @Test
  @DisplayName("the map: the handoff from the new customers team to existing customers service is flagged")
  void map() {
    assertThat(outcome.map().handoffs()).filteredOn(h -> h.fromOwner().equals(BankSwitchDemo.NEW_CUSTOMERS)
        && h.toOwner().equals(BankSwitchDemo.EXISTING_CUSTOMERS)).singleElement()
        .extracting(h -> h.from().code() + " -> " + h.to().code()).isEqualTo("temporary-card -> order-follow-up");
    assertThat(story.lines()).contains("  !! temporary-card (New customers team) -> order-follow-up (Existing "
        + "customers service): risk 0.30, emotion drop 0.60, 7d00h across <- the 'new customer' chapter closes, "
        + "'existing customer' opens with other owners");
    assertThat(story.lines()).filteredOn(l -> l.startsWith("  !! ")).hasSize(2);
  }

  @Test
  @DisplayName("onboarding: 60 switchers, 16 welcome calls at risk escalated and none breached; the handoff queue "
      + "is the bottleneck")
  void onboarding() {
    OnboardingDemo.Outcome o = outcome.onboarding();
    InsightFigures process = o.report().processes().get(0);
    assertSoftly(soft -> {
      soft.assertThat(process.entered()).isEqualTo(OnboardingDemo.SWITCHERS);
      soft.assertThat(process.completed()).isEqualTo(OnboardingDemo.SWITCHERS);
      soft.assertThat(o.alerts()).isEqualTo(Map.of(SlaAlert.RESOLUTION_AT_RISK, 16));
      soft.assertThat(o.escalations()).isEqualTo(16);
      soft.assertThat(process.sla()).extracting(SlaCompliance::breached).containsOnly(0L);
      BottleneckReport.Bottleneck top = o.report().bottlenecks().bottleneck().orElseThrow();
      soft.assertThat(top.name()).isEqualTo("queue existing-customers");
      soft.assertThat(top.cause()).isEqualTo(BottleneckReport.Cause.WAITING);
    });
    assertThat(story).contains("alerts raised: RESOLUTION_AT_RISK 16; welcome calls escalated to "
        + "service-supervisors: 16", "60 switchers start on the 9 working days from 2026-03-22 to 2026-04-01");
  }

  @Test
  @DisplayName("the prospects: 2,000 in, 779 in regular service; the drop-off and the map's findings")
  void prospects() {
    assertThat(outcome.prospects().report().steps()).extracting(FunnelStep::customers)
        .containsExactly(2000L, 1717L, 848L, 848L, 779L);
    assertThat(outcome.prospects().comparison().unmappedTouchpoints())
        .containsExactly("monthly-statement", "online-application", "switch-survey");
    assertThat(outcome.prospects().comparison().handoffLosses()).filteredOn(h -> h.from().equals("temporary-card"))
        .singleElement().satisfies(h -> {
          assertThat(h.customersAtFrom()).isEqualTo(92);
          assertThat(h.reachedTo()).isEqualTo(71);
        });
    assertThat(story.lines()).contains(
        "  reached onboarding, not service: 69 (e.g. p00562, p00746, p01219)",
        "  !! at the seed's handoff, 21 of the 92 customers who got the wrong card never reached the existing "
            + "customers' service: they left during onboarding");
  }

  @Test
  @DisplayName("the files: the map (page, Mermaid, JSON), the observed layer, the funnel, the events and their "
      + "JSON as `cemkit journey observe --map` writes it")
  void files() throws IOException {
    assertThat(dir.toFile().list()).containsExactlyInAnyOrder("bank-switch-map.html", "bank-switch-map.mmd",
        "bank-switch-map.json", "bank-switch-journey.html", "bank-switch-funnel.html", "bank-switch-observed.mmd",
        "events.csv", "bank-switch-observed.json");
    assertThat(Files.readString(dir.resolve("bank-switch-map.html"))).contains("New customers team",
        "Existing customers service", "id=\"handoffs\"");
    assertThat(Files.readString(dir.resolve("bank-switch-journey.html"))).contains("data-layer=\"Observed sentiment\"");
    assertThat(JourneyMapJson.read(Files.readString(dir.resolve("bank-switch-map.json"))).title())
        .isEqualTo("Switching banks");
    CliRun cli = new CliRun();
    assertThat(cli.run("journey", "observe",
        dir.resolve("events.csv").toString(), "--stages", String.join(",", BankSwitchDemo.FUNNEL.stages()), "--map",
        Path.of("src/main/resources", BankSwitchDemo.MAP).toString())).isZero();
    assertThat(Files.readString(dir.resolve("bank-switch-observed.json"))).isEqualTo(cli.out());
  }
}
