package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Segment;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A designed customer journey map (J1): for a {@link Persona} with a goal, an {@link Audience} (customers
 * or prospects) and optionally a {@link Segment}; ordered {@link Stage}s (by default
 * {@linkplain Stage#defaults() the six classic ones}); the customer's {@link MapTouchpoint}s in each stage;
 * and the service blueprint's {@link BlueprintStep}s.
 *
 * <pre>{@code
 * JourneyMap map = JourneyMap.builder()
 *     .title("Switching banks")
 *     .persona(Persona.of("Dana", "Move my account to a bank without needless fees"))
 *     .audience(Audience.PROSPECT)
 *     .stages(List.of(Stage.of(JourneyStage.PURCHASE, "Purchase"), Stage.of(JourneyStage.ONBOARDING, "Onboarding")))
 *     .addTouchpoints(MapTouchpoint.builder().id(Touchpoint.of("branch-opening")).stage(JourneyStage.PURCHASE)
 *         .name("Opens the account with a banker").channel(Channel.BRANCH).owner("New customers team")
 *         .emotion("excited").build())
 *     ...
 *     .build();
 * }</pre>
 *
 * <p>Building validates the whole map and lists every problem in one {@link InvalidJourneyMapException}:
 * duplicate stage ids; duplicate ids among touchpoints and blueprint steps; a touchpoint or step in an
 * unknown stage; a stage without touchpoints; an unknown emotion; a custom emotion that repeats a name; a
 * controlled touchpoint without an owner; a step that supports an unknown touchpoint. Field-level problems
 * (a blank name, a negative duration) fail earlier, when the touchpoint or step is built, with an
 * {@link IllegalArgumentException} naming the field.
 *
 * <p><em>Journey order</em> is stage order, and within a stage the order in which touchpoints were added.
 * The analyses ({@link #curve()}, {@link #interfaces()}, {@link #interfaceConflicts()}, {@link #handoffs()})
 * are computed on demand from the map and are deterministic.
 */
@Value.Immutable
@JsonPropertyOrder({"title", "persona", "audience", "segment", "stages", "customEmotions", "touchpoints", "steps"})
@JsonSerialize(as = ImmutableJourneyMap.class)
@JsonDeserialize(as = ImmutableJourneyMap.class)
public abstract class JourneyMap {
  static final int MAX_TITLE = 200;

  JourneyMap() {}

  /**
   * The map's title, e.g. {@code Switching banks}.
   *
   * @return 1 to 200 characters
   */
  @JsonProperty("title")
  public abstract String title();

  /**
   * Whose journey it is.
   *
   * @return the persona
   */
  @JsonProperty("persona")
  public abstract Persona persona();

  /**
   * Whether the persona is a customer or a prospect.
   *
   * @return {@link Audience#CUSTOMER} by default
   */
  @JsonProperty("audience")
  @Value.Default
  public Audience audience() {
    return Audience.CUSTOMER;
  }

  /**
   * The segment the map is drawn for.
   *
   * @return the segment, empty for a map of no particular segment
   */
  @JsonProperty("segment")
  public abstract Optional<Segment> segment();

  /**
   * The stages in journey order.
   *
   * @return {@link Stage#defaults()} unless others are given
   */
  @JsonProperty("stages")
  @Value.Default
  // A default list is set as a whole (stages(List)), which is what a custom list of stages is.
  @SuppressWarnings("immutables:untype")
  public List<Stage> stages() {
    return Stage.defaults();
  }

  /**
   * The customer's touchpoints, in the order they were added.
   *
   * @return the touchpoints
   */
  @JsonProperty("touchpoints")
  public abstract List<MapTouchpoint> touchpoints();

  /**
   * The service blueprint's steps behind the touchpoints.
   *
   * @return the steps
   */
  @JsonProperty("steps")
  public abstract List<BlueprintStep> steps();

  /**
   * Emotions beyond {@link Emotion#named()} that touchpoints may refer to.
   *
   * @return the custom emotions
   */
  @JsonProperty("customEmotions")
  public abstract List<Emotion> customEmotions();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableJourneyMap.Builder builder() {
    return ImmutableJourneyMap.builder();
  }

  /**
   * Every emotion touchpoints may refer to: the named ones, then the custom ones.
   *
   * @return the emotions by name, in that order
   */
  public Map<String, Emotion> emotions() {
    Map<String, Emotion> emotions = new LinkedHashMap<>();
    Emotion.named().forEach(e -> emotions.put(e.name(), e));
    customEmotions().forEach(e -> emotions.putIfAbsent(e.name(), e));
    return emotions;
  }

  /**
   * The emotion felt at a touchpoint.
   *
   * @param touchpoint one of this map's touchpoints
   * @return the emotion, with its valence
   */
  public Emotion emotionAt(MapTouchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    Emotion emotion = emotions().get(touchpoint.emotion());
    Checks.check(emotion != null, "Touchpoint %s has the unknown emotion '%s'", touchpoint.id(),
        touchpoint.emotion());
    return emotion;
  }

  /**
   * The stage with this code.
   *
   * @param id a stage's code
   * @return the stage, or empty if the map has none with this code
   */
  public Optional<Stage> stage(JourneyStage id) {
    return stages().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * The touchpoint with this code.
   *
   * @param id a touchpoint's code
   * @return the touchpoint, or empty if the map has none with this code
   */
  public Optional<MapTouchpoint> touchpoint(Touchpoint id) {
    return touchpoints().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /**
   * The touchpoints of one stage, in the order they were added.
   *
   * @param stage a stage's code
   * @return the touchpoints, empty for an unknown stage
   */
  public List<MapTouchpoint> touchpointsIn(JourneyStage stage) {
    return touchpoints().stream().filter(t -> t.stage().equals(stage)).toList();
  }

  /**
   * The blueprint steps of one stage and lane, in the order they were added.
   *
   * @param stage a stage's code
   * @param lane the lane
   * @return the steps
   */
  public List<BlueprintStep> stepsIn(JourneyStage stage, Lane lane) {
    return steps().stream().filter(s -> s.stage().equals(stage) && s.lane() == lane).toList();
  }

  /**
   * The touchpoints in journey order: stage by stage, in the order they were added within a stage.
   *
   * @return the touchpoints
   */
  public List<MapTouchpoint> journeyOrder() {
    List<MapTouchpoint> ordered = new ArrayList<>(touchpoints().size());
    stages().forEach(s -> ordered.addAll(touchpointsIn(s.id())));
    return ordered;
  }

  /**
   * The emotion curve in journey order, with its low points and drops (J2).
   *
   * @return the curve
   */
  public EmotionCurve curve() {
    return Analysis.curve(this);
  }

  /**
   * For each stage, the departments that touch the customer there and the messages each gives (J3).
   *
   * @return one entry per stage, in stage order
   */
  public List<StageInterfaces> interfaces() {
    return Analysis.interfaces(this);
  }

  /**
   * The stages where more than one department speaks on a topic and their messages differ (J3).
   *
   * @return the conflicts, in stage order and by topic
   */
  public List<InterfaceConflict> interfaceConflicts() {
    return Analysis.conflicts(this);
  }

  /**
   * Every place where ownership changes between consecutive controlled touchpoints (J4), riskiest first
   * (see {@link HandoffFlag} for the formula); equal risks in journey order. Uncontrolled touchpoints
   * between two controlled ones are passed over and count as nearby.
   *
   * @return the handoffs, ranked
   */
  public List<HandoffFlag> handoffs() {
    return Analysis.handoffs(this);
  }

  @Value.Check
  void check() {
    Checks.text("JourneyMap.title", title(), MAX_TITLE);
    List<String> problems = Analysis.problems(this);
    if (!problems.isEmpty()) {
      throw new InvalidJourneyMapException(title(), problems);
    }
  }

  /** E.g. {@code JourneyMap[Switching banks: 6 stages, 11 touchpoints, 4 steps]}. */
  @Override
  public String toString() {
    return "JourneyMap[" + title() + ": " + stages().size() + " stages, " + touchpoints().size() + " touchpoints, "
        + steps().size() + " steps]";
  }
}
