package io.cemkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.journey.DesignedVsObserved;
import io.cemkit.journey.FunnelStep;
import io.cemkit.journey.JourneyMapJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E5: the shop's funnel, who left where, the designed map against the visitors, and the files. */
class CheckoutDemoTest {
  @TempDir
  static Path dir;
  private static ObservedStory outcome;
  private static String story;

  @BeforeAll
  static void run() {
    DemoRun<ObservedStory> run = DemoRun.of(dir, (out, files) -> new CheckoutDemo(out, files).run());
    outcome = run.outcome();
    story = run.story();
  }

  @Test
  @DisplayName("the shipped map is valid and in canonical form")
  void map() throws IOException {
    String shipped = Files.readString(Path.of("src/main/resources", CheckoutDemo.MAP), StandardCharsets.UTF_8);
    assertThat(JourneyMapJson.read(shipped).stages()).hasSize(6);
    assertThat(Files.readString(dir.resolve("checkout-map.json"))).isEqualTo(JourneyMapJson.write(CheckoutDemo.map()));
  }

  @Test
  @DisplayName("the funnel: 3,000 visitors, 745 orders; a third of those who start the checkout leave before paying")
  void funnel() {
    List<FunnelStep> steps = outcome.report().steps();
    assertThat(steps).extracting(FunnelStep::stage).containsExactlyElementsOf(CheckoutDemo.FUNNEL.stages());
    assertThat(steps).extracting(FunnelStep::customers).containsExactly(3000L, 2566L, 1448L, 1153L, 822L, 745L);
    FunnelStep payment = steps.get(4);
    assertSoftly(soft -> {
      soft.assertThat(payment.dropOff()).isEqualTo(331);
      soft.assertThat(payment.conversion()).isBetween(0.712, 0.714);
      soft.assertThat(payment.nextAfterDropOff()).containsExactly(java.util.Map.entry("shipping-options", 331L));
      soft.assertThat(outcome.report().droppedAt(4)).hasSize(331);
      soft.assertThat(steps.get(5).medianSecondsToConvert()).isPresent();
      soft.assertThat(outcome.observed().channelSwitches().resumptionsByStage()).containsKeys("cart", "payment");
    });
  }

  @Test
  @DisplayName("designed vs observed: the unused tracking, the reminder and the phone off the map, the shipping "
      + "cost's gap, the slow checkout and the loss between Logistics and Payments")
  void designedVsObserved() {
    DesignedVsObserved d = outcome.comparison();
    assertSoftly(soft -> {
      soft.assertThat(d.unusedTouchpoints()).containsExactly("delivery-tracking");
      soft.assertThat(d.unmappedTouchpoints()).containsExactly("cart-reminder-email", "support-call");
      soft.assertThat(d.unexpectedTransitions()).anySatisfy(t -> {
        assertThat(t.from()).isEqualTo("shipping-options");
        assertThat(t.to()).isEqualTo("cart-reminder-email");
      });
      soft.assertThat(d.slowStages()).extracting(DesignedVsObserved.SlowStage::stage).contains("checkout");
      soft.assertThat(d.emotions()).filteredOn(e -> e.touchpoint().equals("shipping-options")).singleElement()
          .satisfies(e -> assertThat(e.gap().getAsDouble()).isLessThan(-0.9));
      soft.assertThat(d.handoffLosses()).filteredOn(h -> h.from().equals("shipping-options")).singleElement()
          .satisfies(h -> {
            assertThat(h.to()).isEqualTo("payment-page");
            assertThat(h.customersAtFrom()).isEqualTo(1153);
            assertThat(h.reachedTo()).isEqualTo(822);
          });
    });
  }

  @Test
  @DisplayName("the story tells the drop-off, what came next and the map's findings")
  void storyLines() {
    assertThat(story.lines()).contains(
        "1. Two weeks of a shop: 3,000 visitors, 15,865 events on the web, in the app, by e-mail and by phone",
        "  reached checkout, not payment: 331 (e.g. v02065, v02040, v01354)",
        "    next they did shipping-options 331; after their last checkout event: (end) 145, cart-reminder-email 106, "
            + "cart 80",
        "  touchpoints on the map nobody used: delivery-tracking",
        "  touchpoints used but not on the map: cart-reminder-email, support-call",
        "  slower than designed: checkout takes a median 5m30s over 1,095 visits; the map expects 4m00s",
        "    shipping-options     designed happy       +0.70, observed -0.31, gap -1.01");
    assertThat(story).contains("shipping-options (Logistics) -> payment-page (Payments): 1,153 were at "
        + "shipping-options, 822 of them reached payment-page later: loss 28.7%");
  }

  @Test
  @DisplayName("the files: the map with the observed layer, the funnel page, Mermaid, and the JSON that "
      + "`cemkit journey observe --map` writes from the events file")
  void files() throws IOException {
    assertThat(Files.readString(dir.resolve("checkout-journey.html"))).startsWith("<!DOCTYPE html>")
        .contains("data-layer=\"Observed sentiment\"", "Buying online");
    assertThat(Files.readString(dir.resolve("checkout-map.html"))).doesNotContain("data-layer=\"Observed sentiment\"");
    assertThat(Files.readString(dir.resolve("checkout-funnel.html"))).contains("id=\"funnel\"", "shipping-options");
    assertThat(Files.readString(dir.resolve("checkout-map.mmd"))).startsWith("journey\n");
    assertThat(Files.readString(dir.resolve("checkout-observed.mmd"))).startsWith("flowchart LR\n");
    CliRun cli = new CliRun();
    assertThat(cli.run("journey", "observe",
        dir.resolve("events.csv").toString(), "--stages", String.join(",", CheckoutDemo.FUNNEL.stages()), "--map",
        Path.of("src/main/resources", CheckoutDemo.MAP).toString())).isZero();
    assertThat(Files.readString(dir.resolve("checkout-observed.json"))).isEqualTo(cli.out())
        .contains("\"designedVsObserved\"", "\"unusedTouchpoints\" : [ \"delivery-tracking\" ]");
  }
}
