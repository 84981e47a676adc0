package io.cemkit.journey;

import io.cemkit.core.JourneyStage;
import io.cemkit.core.Touchpoint;
import io.cemkit.core.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The checks and analyses behind {@link JourneyMap}: validation (J1), the curve (J2), interfaces (J3), handoffs (J4). */
final class Analysis {
  private static final int MAX_PROBLEMS = 100;

  private Analysis() {}

  static List<String> problems(JourneyMap map) {
    Problems problems = new Problems();
    List<JourneyStage> stageIds = map.stages().stream().map(Stage::id).toList();
    if (stageIds.isEmpty()) {
      problems.add("the map has no stages");
    }
    Set<JourneyStage> seenStages = new HashSet<>();
    for (JourneyStage id : stageIds) {
      if (!seenStages.add(id)) {
        problems.add("stage '" + id + "' is listed more than once");
      }
    }
    Map<Touchpoint, List<String>> places = new LinkedHashMap<>();
    for (int i = 0; i < map.touchpoints().size(); i++) {
      places.computeIfAbsent(map.touchpoints().get(i).id(), k -> new ArrayList<>()).add("touchpoints[" + i + "]");
    }
    for (int i = 0; i < map.steps().size(); i++) {
      places.computeIfAbsent(map.steps().get(i).id(), k -> new ArrayList<>()).add("steps[" + i + "]");
    }
    places.forEach((id, where) -> {
      if (where.size() > 1) {
        problems.add("id '" + id + "' is used more than once, by " + String.join(" and ", where)
            + "; touchpoints and steps share one set of ids");
      }
    });
    Map<String, Emotion> emotions = customEmotionProblems(map, problems);
    for (MapTouchpoint t : map.touchpoints()) {
      if (!seenStages.contains(t.stage())) {
        problems.add("touchpoint '" + t.id() + "' is in the unknown stage '" + t.stage() + "'; the stages are "
            + stageIds);
      }
      if (!emotions.containsKey(t.emotion())) {
        problems.add("touchpoint '" + t.id() + "' has the unknown emotion '" + Checks.abbreviate(t.emotion())
            + "'; known: " + emotions.keySet() + " (declare others in customEmotions)");
      }
      if (t.controlled() && t.owner().isEmpty()) {
        problems.add("touchpoint '" + t.id() + "' is controlled but has no owner; name the department that owns "
            + "it, or mark it uncontrolled");
      }
    }
    for (BlueprintStep s : map.steps()) {
      if (!seenStages.contains(s.stage())) {
        problems.add("step '" + s.id() + "' is in the unknown stage '" + s.stage() + "'; the stages are "
            + stageIds);
      }
      for (Touchpoint supported : s.supports()) {
        if (map.touchpoints().stream().noneMatch(t -> t.id().equals(supported))) {
          problems.add("step '" + s.id() + "' supports the unknown touchpoint '" + supported + "'");
        }
      }
    }
    Set<JourneyStage> used = new HashSet<>();
    map.touchpoints().forEach(t -> used.add(t.stage()));
    new LinkedHashSet<>(stageIds).stream().filter(id -> !used.contains(id)).forEach(id -> problems.add(
        "stage '" + id + "' has no touchpoints; add one or leave the stage out"));
    return problems.list();
  }

  private static Map<String, Emotion> customEmotionProblems(JourneyMap map, Problems problems) {
    Map<String, Emotion> emotions = new LinkedHashMap<>();
    Emotion.named().forEach(e -> emotions.put(e.name(), e));
    for (Emotion custom : map.customEmotions()) {
      if (Emotion.named(custom.name()).isPresent()) {
        problems.add("custom emotion '" + custom.name() + "' repeats a named emotion; use the named one or "
            + "another name");
      } else if (emotions.putIfAbsent(custom.name(), custom) != null) {
        problems.add("custom emotion '" + custom.name() + "' is declared more than once");
      }
    }
    return emotions;
  }

  static EmotionCurve curve(JourneyMap map) {
    List<CurvePoint> points = new ArrayList<>();
    for (MapTouchpoint t : map.journeyOrder()) {
      points.add(CurvePoint.of(points.size(), t.id(), t.stage(), map.emotionAt(t)));
    }
    return EmotionCurve.of(points);
  }

  static List<StageInterfaces> interfaces(JourneyMap map) {
    List<StageInterfaces> result = new ArrayList<>();
    for (Stage stage : map.stages()) {
      ImmutableStageInterfaces.Builder builder = StageInterfaces.builder().stage(stage.id());
      Set<String> owners = new LinkedHashSet<>();
      for (MapTouchpoint t : map.touchpointsIn(stage.id())) {
        if (t.controlled() && t.owner().isPresent()) {
          owners.add(t.owner().get());
          builder.addAllMessages(messages(t));
        }
      }
      result.add(builder.addAllOwners(owners).build());
    }
    return result;
  }

  private static List<InterfaceMessage> messages(MapTouchpoint t) {
    List<InterfaceMessage> messages = new ArrayList<>();
    new TreeMap<>(t.messages()).forEach((topic, text) -> messages.add(InterfaceMessage.of(t.owner().orElseThrow(),
        t.id(), topic, text)));
    return messages;
  }

  static List<InterfaceConflict> conflicts(JourneyMap map) {
    List<InterfaceConflict> conflicts = new ArrayList<>();
    for (StageInterfaces stage : interfaces(map)) {
      Map<String, List<InterfaceMessage>> byTopic = new TreeMap<>();
      stage.messages().forEach(m -> byTopic.computeIfAbsent(m.topic(), k -> new ArrayList<>()).add(m));
      byTopic.forEach((topic, messages) -> {
        long owners = messages.stream().map(InterfaceMessage::owner).distinct().count();
        long texts = messages.stream().map(m -> InterfaceConflict.normalize(m.text())).distinct().count();
        if (owners >= 2 && texts >= 2) {
          conflicts.add(InterfaceConflict.of(stage.stage(), topic, messages));
        }
      });
    }
    return conflicts;
  }

  static List<HandoffFlag> handoffs(JourneyMap map) {
    List<MapTouchpoint> order = map.journeyOrder();
    Map<Touchpoint, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i).id(), i);
    }
    List<Integer> controlled = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).controlled()) {
        controlled.add(i);
      }
    }
    List<HandoffFlag> flags = new ArrayList<>();
    for (int k = 1; k < controlled.size(); k++) {
      int a = controlled.get(k - 1);
      int b = controlled.get(k);
      MapTouchpoint from = order.get(a);
      MapTouchpoint to = order.get(b);
      String fromOwner = from.owner().orElseThrow();
      String toOwner = to.owner().orElseThrow();
      if (fromOwner.equals(toOwner)) {
        continue;
      }
      double drop = HandoffFlag.round4(Math.max(0, map.emotionAt(from).valence() - map.emotionAt(to).valence()));
      Duration span = Duration.ZERO;
      for (int i = a; i <= b; i++) {
        span = span.plus(order.get(i).expectedDuration().orElse(Duration.ZERO));
      }
      int uncontrolled = b - a - 1;
      if (a > 0 && !order.get(a - 1).controlled()) {
        uncontrolled++;
      }
      if (b + 1 < order.size() && !order.get(b + 1).controlled()) {
        uncontrolled++;
      }
      flags.add(HandoffFlag.builder().from(from.id()).to(to.id()).fromOwner(fromOwner).toOwner(toOwner)
          .fromStage(from.stage()).toStage(to.stage()).emotionDrop(drop).span(span).uncontrolledNearby(uncontrolled)
          .risk(HandoffFlag.riskOf(drop, span, uncontrolled)).build());
    }
    flags.sort(Comparator.comparingDouble(HandoffFlag::risk).reversed()
        .thenComparingInt(f -> position.get(f.from())));
    return flags;
  }

  /** Collects problems, up to a limit, then counts the rest. */
  private static final class Problems {
    private final List<String> list = new ArrayList<>();
    private int unlisted;

    void add(String problem) {
      if (list.size() < MAX_PROBLEMS) {
        list.add(problem);
      } else {
        unlisted++;
      }
    }

    List<String> list() {
      List<String> all = new ArrayList<>(list);
      if (unlisted > 0) {
        all.add("(" + unlisted + " more problems not listed)");
      }
      return all;
    }
  }
}
