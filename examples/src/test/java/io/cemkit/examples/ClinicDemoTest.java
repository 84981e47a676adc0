package io.cemkit.examples;

import static io.cemkit.testkit.CemkitAssertions.assertThat;

import io.cemkit.core.AgreementId;
import io.cemkit.core.Channel;
import io.cemkit.core.ConsentPurpose;
import io.cemkit.core.ContinuationSummary;
import io.cemkit.core.Direction;
import io.cemkit.core.InteractionSummary;
import io.cemkit.journey.FunnelStep;
import io.cemkit.journey.JourneyMapJson;
import io.cemkit.workflow.ProcessDefinition;
import io.cemkit.workflow.ProcessDefinitionJson;
import io.cemkit.workflow.ProcessInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E3: bookings in three channels, Noa's booking carried from the app to the phone, the referral, the results. */
class ClinicDemoTest {
  @TempDir
  static Path dir;
  private static DemoRun<ClinicDemo.Outcome> demo;

  @BeforeAll
  static void run() {
    demo = DemoRun.of(dir, (out, files) -> new ClinicDemo(out, files).run());
  }

  @Test
  @DisplayName("four bookings, on the web, in the app, on the phone and Noa's from app to phone, all completed; "
      + "the member no channel may reach is called")
  void bookings() {
    assertThat(demo.outcome().bookings()).hasSize(4).allSatisfy(b -> assertThat(b).isCompleted());
    assertThat(demo.outcome().bookings()).extracting(b -> b.variables().get("channel"))
        .containsExactly("WEB", "APP", "PHONE", "APP");
    assertThat(demo.outcome().bookings()).extracting(b -> b.variables().getOrDefault("sentOn", "-"))
        .containsExactly("EMAIL", "SMS", "-", "SMS");
    assertThat(demo.story().lines()).contains("  Sun 2026-06-07 14:30 cc-4 calls C-4004 back with the confirmation: "
        + "P-clinic-3 COMPLETED");
  }

  @Test
  @DisplayName("Noa: the view shows where she stopped in the app; resumed with the token on the phone, the switch "
      + "is recorded and nothing is left open")
  void omnichannel() {
    assertThat(demo.outcome().before().continuations()).singleElement().satisfies((ContinuationSummary c) -> {
      assertThat(c.step()).isEqualTo("choose-slot");
      assertThat(c.startedOn()).isEqualTo(Channel.APP);
      assertThat(c.lastChannel()).isEqualTo(Channel.APP);
    });
    assertThat(demo.outcome().before().openProcesses()).singleElement().satisfies(p -> {
      assertThat(p.currentStep()).isEqualTo("choose-slot");
      assertThat(p.waitingFor()).contains(ClinicDemo.SCHEDULING);
    });
    assertThat(demo.outcome().switched()).isEqualTo("APP -> PHONE");
    assertThat(demo.outcome().after().continuations()).isEmpty();
    assertThat(demo.outcome().after().openProcesses()).isEmpty();
    assertThat(demo.outcome().after().recentInteractions()).extracting(InteractionSummary::classification)
        .extracting(Object::toString).containsExactly(ClinicDemo.CONFIRMATION_CLASS, CrmWorld.SWITCH_CLASS);
    assertThat(demo.story().lines()).contains(
        "    stopped at: C-P-clinic-4 appointment at step choose-slot, started on APP, last on APP",
        "    nothing stopped, nothing open");
  }

  @Test
  @DisplayName("the referral: the partner's lease keeps others off, its token completes it; the results go by SMS "
      + "because Noa withdrew e-mail for service messages")
  void referralAndResults() {
    ProcessInstance referral = demo.outcome().referral();
    assertThat(referral).isCompleted();
    assertThat(demo.story()).contains("refused, Work item P-clinic-5/1 is held by dr-mizrahi (leased until "
        + "2026-06-23T08:15:00Z); it must be released before cc-4 can claim it");
    assertThat(demo.outcome().results()).hasDirection(Direction.OUTBOUND)
        .hasClassification(ClinicDemo.RESULTS_CLASS).isLinkedTo(AgreementId.of("AG-C-4001"));
    assertThat(demo.outcome().results().channel()).isEqualTo(Channel.SMS);
    assertThat(demo.outcome().results().purpose()).contains(ConsentPurpose.SERVICE);
    assertThat(demo.outcome().results().processInstance()).contains(referral.id());
    assertThat(referral.variables()).containsEntry("refused", "EMAIL");
  }

  @Test
  @DisplayName("1,200 members observed: the funnel, and the bookings continued from the app or the web on the phone")
  void journeys() {
    assertThat(demo.outcome().journeys().report().steps()).extracting(FunnelStep::customers)
        .containsExactly(1200L, 1036L, 992L);
    assertThat(demo.outcome().journeys().observed().channelSwitches().resumptionsByStage())
        .containsOnlyKeys("booking");
    assertThat(demo.outcome().journeys().comparison().unmappedTouchpoints()).isEmpty();
  }

  @Test
  @DisplayName("the files: both processes as JSON, the fund's map, the observed layer and its JSON as `cemkit "
      + "journey observe --map` writes it")
  void files() throws IOException {
    assertThat(dir.toFile().list()).containsExactlyInAnyOrder("appointment.json", "referral.json", "clinic-map.html",
        "clinic-map.mmd", "clinic-map.json", "clinic-journey.html", "clinic-funnel.html", "clinic-observed.mmd",
        "events.csv", "clinic-observed.json");
    ProcessDefinition appointment = ProcessDefinitionJson.read(Files.readString(dir.resolve("appointment.json")),
        Map.of());
    assertThat(appointment.steps()).extracting(s -> s.id()).containsExactly("check", "choose-slot", "confirm",
        "call-member");
    assertThat(ProcessDefinitionJson.read(Files.readString(dir.resolve("referral.json")), Map.of()).start()
        .performer()).hasToString("partner " + ClinicDemo.CARDIOLOGIST);
    assertThat(JourneyMapJson.read(Files.readString(dir.resolve("clinic-map.json"))).title())
        .isEqualTo("Seeing a doctor: from booking to the results");
    CliRun cli = new CliRun();
    assertThat(cli.run("journey", "observe", dir.resolve("events.csv").toString(), "--stages",
        String.join(",", ClinicJourneys.FUNNEL.stages()), "--map",
        Path.of("src/main/resources", ClinicJourneys.MAP).toString())).isZero();
    assertThat(Files.readString(dir.resolve("clinic-observed.json"))).isEqualTo(cli.out());
  }
}
