package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.JourneyStage;
import io.cemkit.core.Segment;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The same journey drawn for several segments (private, business, young, senior …), set side by side (J5):
 * per stage, how many touchpoints each segment meets, its mean emotion and the expected time; per
 * touchpoint, whether each segment meets it, with which emotion and in how long, and which of these
 * differ.
 *
 * <p>Maps are matched by stage and touchpoint codes. Stages come in the first map's order, then any stage
 * only later maps have; touchpoints in that stage order, then in the order the maps list them. Every list
 * of cells is in the order of {@link #segments()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSegmentComparison.class)
@JsonDeserialize(as = ImmutableSegmentComparison.class)
public abstract class SegmentComparison {
  SegmentComparison() {}

  /** What can differ between segments at a touchpoint. */
  public enum Aspect {
    /** Some segments meet the touchpoint and others do not. */
    PRESENCE,
    /** The segments feel differently there. */
    EMOTION,
    /** The expected durations differ (a missing duration differs from a given one). */
    DURATION
  }

  /**
   * The segments compared, in the order the maps were given.
   *
   * @return at least two distinct segments
   */
  @JsonProperty("segments")
  public abstract List<Segment> segments();

  /**
   * One row per stage.
   *
   * @return the stages
   */
  @JsonProperty("stages")
  public abstract List<StageRow> stages();

  /**
   * One row per touchpoint any of the maps has.
   *
   * @return the touchpoints
   */
  @JsonProperty("touchpoints")
  public abstract List<TouchpointRow> touchpoints();

  /**
   * Compares maps of the same journey for different segments.
   *
   * @param maps at least two maps, each with a segment, no segment twice
   * @return the comparison
   * @throws IllegalArgumentException if fewer than two maps are given, a map has no segment, or two maps
   *     have the same segment
   */
  public static SegmentComparison of(List<JourneyMap> maps) {
    Objects.requireNonNull(maps, "maps");
    Checks.check(maps.size() >= 2, "SegmentComparison needs at least two maps, was given %d", maps.size());
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < maps.size(); i++) {
      JourneyMap map = Objects.requireNonNull(maps.get(i), "maps[" + i + "]");
      int index = i;
      Segment segment = map.segment().orElseThrow(() -> new IllegalArgumentException(
          "SegmentComparison: map " + index + " ('" + map.title() + "') has no segment"));
      Checks.check(!segments.contains(segment), "SegmentComparison: segment '%s' is given twice (maps %d and %d)",
          segment, segments.indexOf(segment), i);
      segments.add(segment);
    }
    Map<JourneyStage, String> stageNames = new LinkedHashMap<>();
    maps.forEach(m -> m.stages().forEach(s -> stageNames.putIfAbsent(s.id(), s.name())));
    ImmutableSegmentComparison.Builder comparison = ImmutableSegmentComparison.builder().addAllSegments(segments);
    stageNames.forEach((stage, name) -> comparison.addStages(stageRow(maps, stage, name)));
    for (JourneyStage stage : stageNames.keySet()) {
      Set<Touchpoint> ids = new LinkedHashSet<>();
      maps.forEach(m -> m.touchpointsIn(stage).forEach(t -> ids.add(t.id())));
      ids.forEach(id -> comparison.addTouchpoints(touchpointRow(maps, stage, id)));
    }
    return comparison.build();
  }

  private static StageRow stageRow(List<JourneyMap> maps, JourneyStage stage, String name) {
    ImmutableStageRow.Builder row = ImmutableStageRow.builder().stage(stage).name(name);
    for (JourneyMap map : maps) {
      List<MapTouchpoint> here = map.touchpointsIn(stage);
      Duration time = here.stream().map(t -> t.expectedDuration().orElse(Duration.ZERO))
          .reduce(Duration.ZERO, Duration::plus);
      ImmutableStageCell.Builder cell = ImmutableStageCell.builder().segment(map.segment().orElseThrow())
          .touchpoints(here.size()).expectedDuration(time);
      here.stream().mapToDouble(t -> map.emotionAt(t).valence()).average()
          .ifPresent(v -> cell.meanValence(HandoffFlag.round4(v)));
      row.addCells(cell.build());
    }
    return row.build();
  }

  private static TouchpointRow touchpointRow(List<JourneyMap> maps, JourneyStage stage, Touchpoint id) {
    ImmutableTouchpointRow.Builder row = ImmutableTouchpointRow.builder().touchpoint(id).stage(stage);
    String name = null;
    Set<Boolean> presence = new HashSet<>();
    Set<Double> valences = new HashSet<>();
    Set<Optional<Duration>> durations = new HashSet<>();
    for (JourneyMap map : maps) {
      Optional<MapTouchpoint> found = map.touchpoint(id).filter(t -> t.stage().equals(stage));
      ImmutableTouchpointCell.Builder cell = ImmutableTouchpointCell.builder().segment(map.segment().orElseThrow())
          .present(found.isPresent());
      presence.add(found.isPresent());
      if (found.isPresent()) {
        MapTouchpoint t = found.get();
        name = name == null ? t.name() : name;
        Emotion emotion = map.emotionAt(t);
        cell.emotion(emotion);
        t.expectedDuration().ifPresent(cell::expectedDuration);
        valences.add(emotion.valence());
        durations.add(t.expectedDuration());
      }
      row.addCells(cell.build());
    }
    Set<Aspect> differences = EnumSet.noneOf(Aspect.class);
    if (presence.size() > 1) {
      differences.add(Aspect.PRESENCE);
    }
    if (valences.size() > 1) {
      differences.add(Aspect.EMOTION);
    }
    if (durations.size() > 1) {
      differences.add(Aspect.DURATION);
    }
    return row.name(Objects.requireNonNull(name)).addAllDifferences(differences).build();
  }

  /**
   * The touchpoints where the segments differ in presence, emotion or duration.
   *
   * @return those rows, in row order
   */
  public List<TouchpointRow> differing() {
    return touchpoints().stream().filter(t -> !t.differences().isEmpty()).toList();
  }

  @Value.Check
  void check() {
    Checks.check(segments().size() >= 2, "SegmentComparison needs at least two segments, had %d",
        segments().size());
    Checks.check(new HashSet<>(segments()).size() == segments().size(),
        "SegmentComparison.segments must be distinct, were %s", segments());
    stages().forEach(s -> checkAligned("stage " + s.stage(), s.cells().stream().map(StageCell::segment).toList()));
    touchpoints().forEach(t -> checkAligned("touchpoint " + t.touchpoint(), t.cells().stream()
        .map(TouchpointCell::segment).toList()));
  }

  private void checkAligned(String row, List<Segment> cells) {
    Checks.check(cells.equals(segments()), "SegmentComparison %s must have one cell per segment in the order %s, "
        + "had %s", row, segments(), cells);
  }

  /** A stage, segment by segment. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableStageRow.class)
  @JsonDeserialize(as = ImmutableStageRow.class)
  public abstract static class StageRow {
    StageRow() {}

    /**
     * The stage.
     *
     * @return its code
     */
    @JsonProperty("stage")
    public abstract JourneyStage stage();

    /**
     * Its name, from the first map that has it.
     *
     * @return the name
     */
    @JsonProperty("name")
    public abstract String name();

    /**
     * One cell per segment.
     *
     * @return the cells, in the order of the segments
     */
    @JsonProperty("cells")
    public abstract List<StageCell> cells();
  }

  /** One segment's figures for a stage. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableStageCell.class)
  @JsonDeserialize(as = ImmutableStageCell.class)
  public abstract static class StageCell {
    StageCell() {}

    /**
     * The segment.
     *
     * @return the segment
     */
    @JsonProperty("segment")
    public abstract Segment segment();

    /**
     * How many touchpoints the segment meets in the stage.
     *
     * @return zero or more; zero when its map lacks the stage
     */
    @JsonProperty("touchpoints")
    public abstract int touchpoints();

    /**
     * The mean valence over those touchpoints.
     *
     * @return from -1 to 1, rounded to four decimals; empty without touchpoints
     */
    @JsonProperty("meanValence")
    public abstract Optional<Double> meanValence();

    /**
     * The expected durations of those touchpoints, added.
     *
     * @return zero or more
     */
    @JsonProperty("expectedDuration")
    public abstract Duration expectedDuration();

    @Value.Check
    void check() {
      Checks.atLeast("StageCell.touchpoints", touchpoints(), 0);
      Checks.check(!expectedDuration().isNegative(), "StageCell.expectedDuration must not be negative, was %s",
          expectedDuration());
      meanValence().ifPresent(v -> Checks.check(v >= -1 && v <= 1, "StageCell.meanValence must be within [-1, 1], "
          + "was %s", v));
    }
  }

  /** A touchpoint, segment by segment. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableTouchpointRow.class)
  @JsonDeserialize(as = ImmutableTouchpointRow.class)
  public abstract static class TouchpointRow {
    TouchpointRow() {}

    /**
     * The touchpoint.
     *
     * @return its code
     */
    @JsonProperty("touchpoint")
    public abstract Touchpoint touchpoint();

    /**
     * Its stage.
     *
     * @return the stage's code
     */
    @JsonProperty("stage")
    public abstract JourneyStage stage();

    /**
     * Its name, from the first map that has it.
     *
     * @return the name
     */
    @JsonProperty("name")
    public abstract String name();

    /**
     * One cell per segment.
     *
     * @return the cells, in the order of the segments
     */
    @JsonProperty("cells")
    public abstract List<TouchpointCell> cells();

    /**
     * What differs between the segments here.
     *
     * @return the aspects that differ; empty when all segments meet it alike
     */
    @JsonProperty("differences")
    public abstract Set<Aspect> differences();
  }

  /** One segment at a touchpoint. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableTouchpointCell.class)
  @JsonDeserialize(as = ImmutableTouchpointCell.class)
  public abstract static class TouchpointCell {
    TouchpointCell() {}

    /**
     * The segment.
     *
     * @return the segment
     */
    @JsonProperty("segment")
    public abstract Segment segment();

    /**
     * Whether the segment meets this touchpoint.
     *
     * @return true if its map has it
     */
    @JsonProperty("present")
    public abstract boolean present();

    /**
     * The emotion felt there.
     *
     * @return the emotion, empty when not present
     */
    @JsonProperty("emotion")
    public abstract Optional<Emotion> emotion();

    /**
     * The expected duration.
     *
     * @return the duration, empty when not present or not given
     */
    @JsonProperty("expectedDuration")
    public abstract Optional<Duration> expectedDuration();

    @Value.Check
    void check() {
      Checks.check(present() || (emotion().isEmpty() && expectedDuration().isEmpty()),
          "TouchpointCell for segment %s is not present, so it has no emotion or duration", segment());
      Checks.check(!present() || emotion().isPresent(), "TouchpointCell for segment %s is present, so it needs an "
          + "emotion", segment());
    }
  }
}
