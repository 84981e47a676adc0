package io.cemkit.journey;

import static io.cemkit.journey.Fixtures.BUY;
import static io.cemkit.journey.Fixtures.USE;
import static io.cemkit.journey.Fixtures.outside;
import static io.cemkit.journey.Fixtures.tp;
import static io.cemkit.journey.Fixtures.twoStages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.Channel;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Segment;
import io.cemkit.core.Touchpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JourneyMapBuilderTest {

  private static InvalidJourneyMapException invalid(ImmutableJourneyMap.Builder builder) {
    try {
      builder.build();
    } catch (InvalidJourneyMapException e) {
      return e;
    }
    throw new AssertionError("the map was accepted");
  }

  @Test
  @DisplayName("a valid map keeps what was given; stages default to the six classic ones")
  void valid() {
    JourneyMap map = JourneyMap.builder().title("Default stages").persona(Fixtures.PERSONA)
        .segment(Segment.of("young")).audience(Audience.PROSPECT)
        .addTouchpoints(tp("ad", JourneyStage.AWARENESS, "Marketing", "excited").build(),
            tp("compare", JourneyStage.CONSIDERATION, "Marketing", "happy").build(),
            tp("sign", JourneyStage.PURCHASE, "Sales", "happy").build(),
            tp("setup", JourneyStage.ONBOARDING, "Ops", "bored").build(),
            tp("call", JourneyStage.SERVICE, "Service", "angry").build(),
            tp("renew", JourneyStage.LOYALTY, "Retention", "indifferent").build())
        .build();
    assertSoftly(s -> {
      s.assertThat(map.stages()).extracting(Stage::id).containsExactlyElementsOf(JourneyStage.defaults());
      s.assertThat(map.stages()).extracting(Stage::name).containsExactly("Awareness", "Consideration", "Purchase",
          "Onboarding", "Service", "Loyalty / advocacy");
      s.assertThat(map.audience()).isEqualTo(Audience.PROSPECT);
      s.assertThat(map.segment()).contains(Segment.of("young"));
      s.assertThat(map.journeyOrder()).extracting(t -> t.id().code())
          .containsExactly("ad", "compare", "sign", "setup", "call", "renew");
      s.assertThat(map.toString()).isEqualTo("JourneyMap[Default stages: 6 stages, 6 touchpoints, 0 steps]");
    });
  }

  @Test
  @DisplayName("journey order is stage order, then the order touchpoints were added within a stage")
  void journeyOrder() {
    JourneyMap map = twoStages().addTouchpoints(tp("u1", USE, "Ops", "happy").build(),
        tp("b1", BUY, "Sales", "happy").build(), tp("u2", USE, "Ops", "happy").build(),
        tp("b2", BUY, "Sales", "happy").build()).build();
    assertThat(map.journeyOrder()).extracting(t -> t.id().code()).containsExactly("b1", "b2", "u1", "u2");
    assertThat(map.touchpointsIn(USE)).extracting(t -> t.id().code()).containsExactly("u1", "u2");
  }

  @Test
  @DisplayName("a duplicate stage id is refused")
  void duplicateStage() {
    InvalidJourneyMapException e = invalid(Fixtures.bare().stages(List.of(Stage.of(BUY, "Buy"), Stage.of(BUY, "Again")))
        .addTouchpoints(tp("a", BUY, "Sales", "happy").build()));
    assertThat(e.problems()).containsExactly("stage 'buy' is listed more than once");
    assertThat(e).hasMessage("Journey map 'Phone line' is invalid: stage 'buy' is listed more than once");
  }

  @Test
  @DisplayName("an id used by two touchpoints, or by a touchpoint and a step, is refused with both places")
  void duplicateIds() {
    InvalidJourneyMapException e = invalid(twoStages().addTouchpoints(tp("a", BUY, "Sales", "happy").build(),
            tp("a", USE, "Ops", "happy").build(), tp("b", USE, "Ops", "happy").build())
        .addSteps(BlueprintStep.builder().id(Touchpoint.of("b")).stage(USE).lane(Lane.BACKSTAGE).name("Step")
            .build()));
    assertThat(e.problems()).containsExactly(
        "id 'a' is used more than once, by touchpoints[0] and touchpoints[1]; touchpoints and steps share one set "
            + "of ids",
        "id 'b' is used more than once, by touchpoints[2] and steps[0]; touchpoints and steps share one set of ids");
  }

  @Test
  @DisplayName("a touchpoint or a step in an unknown stage is refused, naming the stages")
  void unknownStage() {
    InvalidJourneyMapException e = invalid(twoStages().addTouchpoints(tp("a", BUY, "Sales", "happy").build(),
            tp("b", USE, "Ops", "happy").build(), tp("c", JourneyStage.of("pay"), "Billing", "happy").build())
        .addSteps(BlueprintStep.builder().id(Touchpoint.of("s")).stage(JourneyStage.of("ship"))
            .lane(Lane.SUPPORT).name("Ship it").build()));
    assertThat(e.problems()).containsExactly(
        "touchpoint 'c' is in the unknown stage 'pay'; the stages are [buy, use]",
        "step 's' is in the unknown stage 'ship'; the stages are [buy, use]");
  }

  @Test
  @DisplayName("a stage without touchpoints is refused")
  void emptyStage() {
    InvalidJourneyMapException e = invalid(twoStages().addTouchpoints(tp("a", BUY, "Sales", "happy").build()));
    assertThat(e.problems()).containsExactly("stage 'use' has no touchpoints; add one or leave the stage out");
    assertThat(invalid(Fixtures.bare().stages(List.of())).problems()).containsExactly("the map has no stages");
  }

  @Test
  @DisplayName("an unknown emotion is refused, listing the known ones with the custom ones")
  void unknownEmotion() {
    InvalidJourneyMapException e = invalid(twoStages().addCustomEmotions(Emotion.of("relieved", 0.5))
        .addTouchpoints(tp("a", BUY, "Sales", "furious").build(), tp("b", USE, "Ops", "relieved").build()));
    assertThat(e.problems()).containsExactly("touchpoint 'a' has the unknown emotion 'furious'; known: [excited, "
        + "happy, indifferent, bored, impatient, embarrassed, confused, angry, relieved] (declare others in "
        + "customEmotions)");
  }

  @Test
  @DisplayName("a custom emotion may not repeat a named one or another custom one")
  void customEmotionNames() {
    InvalidJourneyMapException e = invalid(twoStages()
        .addCustomEmotions(Emotion.of("angry", -0.9), Emotion.of("calm", 0.2), Emotion.of("calm", 0.3))
        .addTouchpoints(tp("a", BUY, "Sales", "calm").build(), tp("b", USE, "Ops", "angry").build()));
    assertThat(e.problems()).containsExactly(
        "custom emotion 'angry' repeats a named emotion; use the named one or another name",
        "custom emotion 'calm' is declared more than once");
  }

  @Test
  @DisplayName("a controlled touchpoint needs an owner; an uncontrolled one does not")
  void owner() {
    InvalidJourneyMapException e = invalid(twoStages().addTouchpoints(
        MapTouchpoint.builder().id(Touchpoint.of("a")).stage(BUY).name("No owner").channel(Channel.WEB)
            .emotion("happy").build(),
        outside("b", USE, "happy").build()));
    assertThat(e.problems()).containsExactly("touchpoint 'a' is controlled but has no owner; name the department "
        + "that owns it, or mark it uncontrolled");
  }

  @Test
  @DisplayName("a step that supports an unknown touchpoint is refused")
  void unknownSupported() {
    InvalidJourneyMapException e = invalid(twoStages().addTouchpoints(tp("a", BUY, "Sales", "happy").build(),
            tp("b", USE, "Ops", "happy").build())
        .addSteps(BlueprintStep.builder().id(Touchpoint.of("s")).stage(USE).lane(Lane.BACKSTAGE).name("Step")
            .addSupports(Touchpoint.of("b"), Touchpoint.of("zz")).build()));
    assertThat(e.problems()).containsExactly("step 's' supports the unknown touchpoint 'zz'");
  }

  @Test
  @DisplayName("every problem of a map is listed at once, in one exception")
  void allProblemsAtOnce() {
    InvalidJourneyMapException e = invalid(twoStages().addTouchpoints(tp("a", BUY, "Sales", "furious").build(),
        tp("a", JourneyStage.of("pay"), "Billing", "happy").build()));
    assertThat(e.problems()).containsExactly(
        "id 'a' is used more than once, by touchpoints[0] and touchpoints[1]; touchpoints and steps share one set "
            + "of ids",
        "touchpoint 'a' has the unknown emotion 'furious'; known: [excited, happy, indifferent, bored, impatient, "
            + "embarrassed, confused, angry] (declare others in customEmotions)",
        "touchpoint 'a' is in the unknown stage 'pay'; the stages are [buy, use]",
        "stage 'use' has no touchpoints; add one or leave the stage out");
  }

  @Test
  @DisplayName("at most 100 problems are listed, then a count of the rest")
  void manyProblems() {
    ImmutableJourneyMap.Builder builder = twoStages();
    for (int i = 0; i < 120; i++) {
      builder.addTouchpoints(tp("t" + i, BUY, "Sales", "nope").build());
    }
    InvalidJourneyMapException e = invalid(builder);
    assertThat(e.problems()).hasSize(101);
    assertThat(e.problems().get(100)).isEqualTo("(21 more problems not listed)");
  }

  @Test
  @DisplayName("field problems fail when the touchpoint, step, stage or persona is built, naming the field")
  void fieldProblems() {
    assertThatThrownBy(() -> MapTouchpoint.builder().id(Touchpoint.of("a")).stage(BUY).name(" ").channel(Channel.WEB)
        .emotion("happy").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Touchpoint a name must not be blank");
    assertThatThrownBy(() -> tp("a", BUY, "Sales", "happy").expectedDuration(Duration.ofMinutes(-5)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Touchpoint a expectedDuration must be positive, was PT-5M");
    assertThatThrownBy(() -> tp("a", BUY, "Sales", "happy").putMessages("bad topic", "text").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Touchpoint a message topic has an invalid character U+0020 at index 3 of 9");
    assertThatThrownBy(() -> tp("a", BUY, "x".repeat(101), "happy").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Touchpoint a owner must be at most 100 characters, was 101");
    assertThatThrownBy(() -> tp("a", BUY, "Sales", "happy").addPainPoints("bad\u0000").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Touchpoint a pain point must not contain control characters (found U+0000 at index 3)");
    assertThatThrownBy(() -> BlueprintStep.builder().id(Touchpoint.of("s")).stage(BUY).lane(Lane.SUPPORT)
        .name("ok").failPoint("").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Blueprint step s failPoint must not be blank");
    assertThatThrownBy(() -> Stage.of(BUY, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Stage.name must not be blank");
    assertThatThrownBy(() -> Persona.of("Noa", "\t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Persona.goal must not be blank");
    assertThatThrownBy(() -> JourneyMap.builder().title("").persona(Fixtures.PERSONA).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("JourneyMap.title must not be blank");
    assertThatThrownBy(() -> Touchpoint.of("a b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Touchpoint has an invalid character");
  }

  @Test
  @DisplayName("a stage's default name comes from its code")
  void stageName() {
    assertThat(Stage.builder().id(JourneyStage.of("loyalty-advocacy")).build().name()).isEqualTo("Loyalty advocacy");
    assertThat(Stage.builder().id(JourneyStage.of("x_y")).build().name()).isEqualTo("X y");
  }

  @Test
  @DisplayName("lookups by code find the stage, touchpoint and emotion, and report unknown ones as empty")
  void lookups() {
    JourneyMap map = twoStages().addCustomEmotions(Emotion.of("relieved", 0.5))
        .addTouchpoints(tp("a", BUY, "Sales", "relieved").build(), tp("b", USE, "Ops", "angry").build())
        .addSteps(BlueprintStep.builder().id(Touchpoint.of("s")).stage(USE).lane(Lane.BACKSTAGE).name("Step")
            .build())
        .build();
    assertSoftly(s -> {
      s.assertThat(map.stage(USE).map(Stage::name)).contains("Use");
      s.assertThat(map.stage(JourneyStage.of("zz"))).isEmpty();
      s.assertThat(map.touchpoint(Touchpoint.of("b")).map(MapTouchpoint::emotion)).contains("angry");
      s.assertThat(map.touchpoint(Touchpoint.of("zz"))).isEmpty();
      s.assertThat(map.emotionAt(map.touchpoints().get(0))).isEqualTo(Emotion.of("relieved", 0.5));
      s.assertThat(map.emotions().keySet()).endsWith("angry", "relieved");
      s.assertThat(map.stepsIn(USE, Lane.BACKSTAGE)).hasSize(1);
      s.assertThat(map.stepsIn(USE, Lane.SUPPORT)).isEmpty();
    });
  }
}
