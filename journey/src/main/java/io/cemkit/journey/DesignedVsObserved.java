package io.cemkit.journey;

import io.cemkit.journey.internal.CurveLayer;
import io.cemkit.journey.internal.HtmlPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A designed {@link JourneyMap} against what customers did (J7), matched by touchpoint and stage code.
 *
 * <ul>
 *   <li>{@code unusedTouchpoints}: the map's touchpoints without any event; {@code unmappedTouchpoints}:
 *       observed touchpoints the map does not have.
 *   <li>{@code unexpectedTransitions}: observed transitions between two different touchpoints that are not
 *       consecutive in the map's journey order (self-transitions, a touchpoint repeated, are not paths).
 *   <li>{@code slowStages}: stages whose observed median visit duration ({@link
 *       ObservedJourney#stageDurations()}) exceeds the expected one, the sum of the expected durations of
 *       the stage's touchpoints (stages without any are not checked).
 *   <li>{@code emotions}: per map touchpoint, the designed valence against the observed mean sentiment
 *       (both -1 to 1; gap = observed − designed) and the NPS there.
 *   <li>{@code handoffLosses}: at each of the map's {@linkplain JourneyMap#handoffs() handoffs}, the
 *       customers who were at {@code from}, how many of them were at {@code to} later, and the loss
 *       1 − later / at-from (0 when nobody was at {@code from}).
 * </ul>
 *
 * @param unusedTouchpoints map touchpoints never observed, in journey order
 * @param unmappedTouchpoints observed touchpoints not on the map, ascending
 * @param unexpectedTransitions observed edges the map does not have, most frequent first
 * @param slowStages stages slower than expected, in map order
 * @param emotions designed emotion against observed feedback, in journey order
 * @param handoffLosses observed loss at the handoffs, in the map's handoff order
 */
public record DesignedVsObserved(List<String> unusedTouchpoints, List<String> unmappedTouchpoints,
    List<Transition> unexpectedTransitions, List<SlowStage> slowStages, List<EmotionGap> emotions,
    List<HandoffLoss> handoffLosses) {
  /**
   * Copies the lists.
   *
   * @param unusedTouchpoints unused
   * @param unmappedTouchpoints unmapped
   * @param unexpectedTransitions unexpected
   * @param slowStages slow
   * @param emotions emotions
   * @param handoffLosses losses
   */
  public DesignedVsObserved {
    unusedTouchpoints = List.copyOf(Objects.requireNonNull(unusedTouchpoints, "unusedTouchpoints"));
    unmappedTouchpoints = List.copyOf(Objects.requireNonNull(unmappedTouchpoints, "unmappedTouchpoints"));
    unexpectedTransitions = List.copyOf(Objects.requireNonNull(unexpectedTransitions, "unexpectedTransitions"));
    slowStages = List.copyOf(Objects.requireNonNull(slowStages, "slowStages"));
    emotions = List.copyOf(Objects.requireNonNull(emotions, "emotions"));
    handoffLosses = List.copyOf(Objects.requireNonNull(handoffLosses, "handoffLosses"));
  }

  /**
   * A stage slower than designed.
   *
   * @param stage its code
   * @param expectedSeconds the expected duration
   * @param observedMedianSeconds the observed median visit duration
   * @param visits the visits measured
   */
  public record SlowStage(String stage, double expectedSeconds, double observedMedianSeconds, long visits) {
    /**
     * Checks the stage.
     *
     * @param stage its code
     * @param expectedSeconds the expected duration
     * @param observedMedianSeconds the observed median
     * @param visits the visits
     */
    public SlowStage {
      Objects.requireNonNull(stage, "stage");
    }
  }

  /**
   * Designed emotion against observed feedback at one touchpoint.
   *
   * @param touchpoint its code
   * @param emotion the designed emotion's name
   * @param designedValence its valence, -1 to 1
   * @param observedSentiment the mean observed sentiment, if any
   * @param gap observed − designed, if observed
   * @param nps the NPS of answers there, if any
   */
  public record EmotionGap(String touchpoint, String emotion, double designedValence, OptionalDouble observedSentiment,
      OptionalDouble gap, OptionalDouble nps) {
    /**
     * Checks the parts that are objects.
     *
     * @param touchpoint its code
     * @param emotion the designed emotion's name
     * @param designedValence its valence
     * @param observedSentiment the observed sentiment
     * @param gap the gap
     * @param nps the NPS
     */
    public EmotionGap {
      Objects.requireNonNull(touchpoint, "touchpoint");
      Objects.requireNonNull(emotion, "emotion");
      Objects.requireNonNull(observedSentiment, "observedSentiment");
      Objects.requireNonNull(gap, "gap");
      Objects.requireNonNull(nps, "nps");
    }
  }

  /**
   * Observed loss at one handoff.
   *
   * @param from the last touchpoint before it
   * @param to the first after it
   * @param customersAtFrom customers ever at {@code from}
   * @param reachedTo of them, those at {@code to} afterwards
   * @param loss 1 − reachedTo / customersAtFrom
   */
  public record HandoffLoss(String from, String to, long customersAtFrom, long reachedTo, double loss) {
    /**
     * Checks the ends.
     *
     * @param from the last touchpoint before it
     * @param to the first after it
     * @param customersAtFrom customers at {@code from}
     * @param reachedTo those at {@code to} afterwards
     * @param loss the loss
     */
    public HandoffLoss {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * Compares a map with observed journeys.
   *
   * @param map the designed map
   * @param observed the observed journeys
   * @return the differences
   */
  public static DesignedVsObserved of(JourneyMap map, ObservedJourney observed) {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(observed, "observed");
    List<String> seen = observed.touchpoints();
    Set<String> seenSet = new HashSet<>(seen);
    List<MapTouchpoint> order = map.journeyOrder();
    Set<String> mapped = new HashSet<>();
    List<String> unused = new ArrayList<>();
    Set<String> designedEdges = new HashSet<>();
    for (int i = 0; i < order.size(); i++) {
      String code = order.get(i).id().code();
      mapped.add(code);
      if (!seenSet.contains(code)) {
        unused.add(code);
      }
      if (i > 0) {
        designedEdges.add(order.get(i - 1).id().code() + "\n" + code);
      }
    }
    List<String> unmapped = seen.stream().filter(t -> !mapped.contains(t)).toList();
    List<Transition> unexpected = observed.transitions().stream()
        .filter(t -> !t.from().equals(t.to()) && !designedEdges.contains(t.from() + "\n" + t.to())).toList();
    Map<String, Transition> durations = observed.stageDurations();
    List<SlowStage> slow = new ArrayList<>();
    for (Stage stage : map.stages()) {
      Duration expected = Duration.ZERO;
      boolean any = false;
      for (MapTouchpoint t : map.touchpointsIn(stage.id())) {
        if (t.expectedDuration().isPresent()) {
          expected = expected.plus(t.expectedDuration().get());
          any = true;
        }
      }
      Transition d = durations.get(stage.id().code());
      double expectedSeconds = expected.getSeconds() + expected.getNano() / 1e9;
      if (any && d != null && d.medianGapSeconds() > expectedSeconds) {
        slow.add(new SlowStage(stage.id().code(), expectedSeconds, d.medianGapSeconds(), d.count()));
      }
    }
    Map<String, TouchpointFeedback> feedback = new LinkedHashMap<>();
    observed.feedback().forEach(f -> feedback.put(f.touchpoint(), f));
    List<EmotionGap> emotions = new ArrayList<>();
    for (MapTouchpoint t : order) {
      double designed = map.emotionAt(t).valence();
      TouchpointFeedback f = feedback.get(t.id().code());
      OptionalDouble sentiment = f == null ? OptionalDouble.empty() : f.meanSentiment();
      OptionalDouble gap = sentiment.isPresent() ? OptionalDouble.of(sentiment.getAsDouble() - designed)
          : OptionalDouble.empty();
      emotions.add(new EmotionGap(t.id().code(), t.emotion(), designed, sentiment, gap,
          f == null ? OptionalDouble.empty() : f.nps()));
    }
    List<HandoffLoss> losses = new ArrayList<>();
    for (HandoffFlag h : map.handoffs()) {
      long[] r = observed.reachedAfter(h.from().code(), h.to().code());
      losses.add(new HandoffLoss(h.from().code(), h.to().code(), r[0], r[1], r[0] == 0 ? 0 : 1 - (double) r[1] / r[0]));
    }
    return new DesignedVsObserved(unused, unmapped, unexpected, slow, emotions, losses);
  }

  /**
   * The map's HTML page ({@link HtmlRenderer}) with the observed sentiment drawn as a second line in the
   * emotion lane, on the same touchpoint columns as the designed curve.
   *
   * @param map the map this comparison was made with
   * @return the HTML document
   */
  public String html(JourneyMap map) {
    Map<io.cemkit.core.Touchpoint, Double> valences = new LinkedHashMap<>();
    for (EmotionGap e : emotions) {
      e.observedSentiment().ifPresent(v -> valences.put(io.cemkit.core.Touchpoint.of(e.touchpoint()), v));
    }
    CurveLayer observedLayer = new CurveLayer("Observed sentiment", "curve-observed", valences, Set.of());
    return HtmlPage.render(map, List.of(HtmlPage.designed(map), observedLayer));
  }
}
