package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.JourneyStage;
import io.cemkit.core.Segment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 001: switching banks — the wrong card, the second-card fee, and the handoff between the teams. */
class SeedJourneyTest {
  private final JourneyMap map = Seed.bankSwitch();

  @Test
  @DisplayName("the map: a prospect in the private segment, six stages, twelve touchpoints, six blueprint steps")
  void shape() {
    assertSoftly(s -> {
      s.assertThat(map.title()).isEqualTo("Switching banks");
      s.assertThat(map.audience()).isEqualTo(Audience.PROSPECT);
      s.assertThat(map.segment()).contains(Segment.of("private"));
      s.assertThat(map.stages()).extracting(Stage::id).containsExactlyElementsOf(JourneyStage.defaults());
      s.assertThat(map.touchpoints()).hasSize(12);
      s.assertThat(map.touchpoints()).filteredOn(t -> !t.controlled()).extracting(t -> t.id().code())
          .containsExactly("old-bank-notice", "friends-advice", "press-coverage", "public-story");
      s.assertThat(map.steps()).hasSize(6);
    });
  }

  @Test
  @DisplayName("the handoff from the new-customer team to the existing-customer team is flagged where the stage ends")
  void handoff() {
    assertThat(map.handoffs()).filteredOn(h -> h.fromOwner().equals("New customers team")
        && h.toOwner().equals("Existing customers service")).singleElement().satisfies(h -> {
          assertThat(h.from().code()).isEqualTo("temporary-card");
          assertThat(h.to().code()).isEqualTo("order-follow-up");
          assertThat(h.crossesStages()).isTrue();
          assertThat(h.emotionDrop()).isEqualTo(0.6);
          assertThat(h.risk()).isEqualTo(0.3001);
        });
    assertThat(map.handoffs().get(0)).as("riskiest: the new-customer team hands the card to card operations")
        .satisfies(h -> assertThat(h.to().code()).isEqualTo("card-delivery"));
  }

  @Test
  @DisplayName("the wrong card and the fee are the moments of truth; the wrong card is the largest drop")
  void lowPoints() {
    EmotionCurve curve = map.curve();
    assertThat(curve.lowPoints()).extracting(p -> p.touchpoint().code())
        .containsExactly("card-delivery", "order-follow-up", "fee-notice");
    assertThat(curve.largestDrops(1)).singleElement().satisfies(d -> {
      assertThat(d.to().touchpoint().code()).isEqualTo("card-delivery");
      assertThat(d.size()).isEqualTo(1.3, org.assertj.core.api.Assertions.within(1e-9));
    });
  }

  @Test
  @DisplayName("in service, customer service and card billing tell her different things about the second card")
  void conflict() {
    assertThat(map.interfaceConflicts()).singleElement().satisfies(c -> {
      assertThat(c.stage()).isEqualTo(JourneyStage.SERVICE);
      assertThat(c.topic()).isEqualTo("second-card");
      assertThat(c.owners()).containsExactly("Existing customers service", "Card billing");
    });
  }

  @Test
  @DisplayName("it renders to Mermaid (the wrong card scores 1, the fee 0) and to an HTML page with the flags")
  void renders() {
    assertThat(MermaidRenderer.render(map)).contains(
        "    The credit card arrives - not the card she ordered: 1: Dana, Card operations\n",
        "    The card is reordered, with a monthly second-card fee: 0: Dana, Card billing\n");
    assertThat(HtmlRenderer.render(map)).contains("data-from=\"temporary-card\" data-to=\"order-follow-up\"",
        "class=\"point low-point\" data-touchpoint=\"fee-notice\"",
        "class=\"point low-point\" data-touchpoint=\"card-delivery\"", "Messages differ: second-card");
  }
}
