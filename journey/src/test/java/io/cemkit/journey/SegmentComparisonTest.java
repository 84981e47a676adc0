package io.cemkit.journey;

import static io.cemkit.journey.Fixtures.BUY;
import static io.cemkit.journey.Fixtures.USE;
import static io.cemkit.journey.Fixtures.days;
import static io.cemkit.journey.Fixtures.tp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.JourneyStage;
import io.cemkit.core.Segment;
import io.cemkit.journey.SegmentComparison.Aspect;
import io.cemkit.journey.SegmentComparison.TouchpointRow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SegmentComparisonTest {
  private static final Segment YOUNG = Segment.of("young");
  private static final Segment SENIOR = Segment.of("senior");
  private static final Segment BUSINESS = Segment.of("business");

  private static final JourneyMap YOUNG_MAP = Fixtures.twoStages().segment(YOUNG).addTouchpoints(
      tp("app-signup", BUY, "Digital", "excited").expectedDuration(Duration.ofMinutes(10)).build(),
      tp("activation", USE, "Ops", "happy").expectedDuration(days(1)).build()).build();
  private static final JourneyMap SENIOR_MAP = Fixtures.twoStages().segment(SENIOR).addTouchpoints(
      tp("branch-visit", BUY, "Branches", "happy").expectedDuration(Duration.ofHours(1)).build(),
      tp("activation", USE, "Ops", "confused").expectedDuration(days(3)).build(),
      tp("help-call", USE, "Support", "impatient").build()).build();

  @Test
  @DisplayName("stages side by side: touchpoints met, mean emotion and expected time per segment")
  void stages() {
    SegmentComparison c = SegmentComparison.of(List.of(YOUNG_MAP, SENIOR_MAP));
    assertThat(c.segments()).containsExactly(YOUNG, SENIOR);
    assertThat(c.stages()).extracting(SegmentComparison.StageRow::stage).containsExactly(BUY, USE);
    SegmentComparison.StageRow use = c.stages().get(1);
    assertSoftly(s -> {
      s.assertThat(use.name()).isEqualTo("Use");
      s.assertThat(use.cells()).extracting(SegmentComparison.StageCell::touchpoints).containsExactly(1, 2);
      s.assertThat(use.cells()).extracting(SegmentComparison.StageCell::meanValence)
          .containsExactly(Optional.of(0.7), Optional.of(-0.5));
      s.assertThat(use.cells()).extracting(SegmentComparison.StageCell::expectedDuration)
          .containsExactly(days(1), days(3));
    });
  }

  @Test
  @DisplayName("touchpoints side by side: presence, emotion and duration, and which of them differ")
  void touchpoints() {
    SegmentComparison c = SegmentComparison.of(List.of(YOUNG_MAP, SENIOR_MAP));
    assertThat(c.touchpoints()).extracting(t -> t.touchpoint().code())
        .containsExactly("app-signup", "branch-visit", "activation", "help-call");
    assertThat(c.touchpoints()).extracting(TouchpointRow::differences).containsExactly(
        java.util.Set.of(Aspect.PRESENCE), java.util.Set.of(Aspect.PRESENCE),
        java.util.Set.of(Aspect.EMOTION, Aspect.DURATION), java.util.Set.of(Aspect.PRESENCE));
    TouchpointRow activation = c.touchpoints().get(2);
    assertThat(activation.cells()).extracting(SegmentComparison.TouchpointCell::emotion)
        .containsExactly(Optional.of(Emotion.HAPPY), Optional.of(Emotion.CONFUSED));
    TouchpointRow signup = c.touchpoints().get(0);
    assertThat(signup.cells()).extracting(SegmentComparison.TouchpointCell::present).containsExactly(true, false);
    assertThat(signup.cells().get(1).emotion()).isEmpty();
    assertThat(c.differing()).hasSize(4);
  }

  @Test
  @DisplayName("alike segments show no differences; a stage only a later map has is appended")
  void alike() {
    JourneyMap business = JourneyMap.builder().title("Phone line").persona(Fixtures.PERSONA).segment(BUSINESS)
        .stages(List.of(Stage.of(BUY, "Buy"), Stage.of(USE, "Use"), Stage.of(JourneyStage.of("renew"), "Renew")))
        .addTouchpoints(tp("app-signup", BUY, "Digital", "excited").expectedDuration(Duration.ofMinutes(10)).build(),
            tp("activation", USE, "Ops", "happy").expectedDuration(days(1)).build(),
            tp("renewal", JourneyStage.of("renew"), "Sales", "indifferent").build())
        .build();
    SegmentComparison c = SegmentComparison.of(List.of(YOUNG_MAP, business));
    assertThat(c.stages()).extracting(s -> s.stage().code()).containsExactly("buy", "use", "renew");
    assertThat(c.stages().get(2).cells().get(0).touchpoints()).isZero();
    assertThat(c.stages().get(2).cells().get(0).meanValence()).isEmpty();
    assertThat(c.differing()).extracting(t -> t.touchpoint().code()).containsExactly("renewal");
  }

  @Test
  @DisplayName("fewer than two maps, a map without a segment, or a segment twice is refused")
  void refused() {
    assertThatThrownBy(() -> SegmentComparison.of(List.of(YOUNG_MAP))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SegmentComparison needs at least two maps, was given 1");
    JourneyMap none = Fixtures.twoStages().addTouchpoints(tp("a", BUY, "S", "happy").build(),
        tp("b", USE, "S", "happy").build()).build();
    assertThatThrownBy(() -> SegmentComparison.of(List.of(YOUNG_MAP, none)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SegmentComparison: map 1 ('Phone line') has no segment");
    assertThatThrownBy(() -> SegmentComparison.of(List.of(YOUNG_MAP, SENIOR_MAP, YOUNG_MAP)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SegmentComparison: segment 'young' is given twice (maps 0 and 2)");
  }
}
