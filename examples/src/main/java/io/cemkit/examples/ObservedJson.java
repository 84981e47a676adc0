package io.cemkit.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemkit.journey.Attribution;
import io.cemkit.journey.ChannelSwitches;
import io.cemkit.journey.DesignedVsObserved;
import io.cemkit.journey.Funnel;
import io.cemkit.journey.FunnelReport;
import io.cemkit.journey.FunnelStep;
import io.cemkit.journey.ObservedJourney;
import io.cemkit.journey.Transition;
import io.cemkit.journey.Variant;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON document of {@code cemkit journey observe}, also written by the demos that observe journeys, so a
 * demo's file and the command's output on the demo's events are the same document. The fields are listed in
 * the command's help; {@code designedVsObserved} is present only when a designed map was given.
 */
final class ObservedJson {
  private ObservedJson() {}

  /**
   * The document.
   *
   * @param observed the observed journeys
   * @param funnel the funnel measured
   * @param top how many variants to list
   * @param comparison the comparison with a designed map, if one was given
   * @return the JSON text, pretty-printed, with a final line end
   */
  static String write(ObservedJourney observed, Funnel funnel, int top, Optional<DesignedVsObserved> comparison) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("events", observed.events());
    root.put("customers", observed.customers());
    ChannelSwitches switches = observed.channelSwitches();
    root.put("channelSwitches", switches.switches());
    root.put("resumptions", switches.resumptions());
    ObjectNode byStage = root.putObject("resumptionsByStage");
    switches.resumptionsByStage().forEach(byStage::put);
    root.set("transitions", edges(observed.transitions()));
    ArrayNode steps = root.putArray("funnel");
    FunnelReport report = observed.funnel(funnel);
    for (FunnelStep s : report.steps()) {
      ObjectNode step = steps.addObject();
      step.put("stage", s.stage());
      step.put("customers", s.customers());
      step.put("conversion", s.conversion());
      step.put("overallConversion", s.overallConversion());
      step.put("dropOff", s.dropOff());
      put(step, "medianSecondsToConvert", s.medianSecondsToConvert());
      put(step, "meanSecondsToConvert", s.meanSecondsToConvert());
      ObjectNode next = step.putObject("nextAfterDropOff");
      s.nextAfterDropOff().forEach(next::put);
    }
    root.set("stageTransitions", edges(observed.stageTransitions()));
    ArrayNode variants = root.putArray("variants");
    for (Variant v : observed.variants(top)) {
      ObjectNode node = variants.addObject();
      ArrayNode path = node.putArray("path");
      v.path().forEach(path::add);
      node.put("customers", v.customers());
    }
    Attribution attribution = observed.attribution(funnel);
    ObjectNode a = root.putObject("attribution");
    a.put("paths", attribution.paths());
    a.put("conversions", attribution.conversions());
    a.put("conversionProbability", attribution.conversionProbability());
    ArrayNode credited = a.putArray("touchpoints");
    for (Attribution.AttributedTouchpoint t : attribution.touchpoints()) {
      credited.addObject().put("touchpoint", t.touchpoint()).put("removalEffect", t.removalEffect())
          .put("share", t.share()).put("conversions", t.conversions());
    }
    comparison.ifPresent(d -> root.set("designedVsObserved", designedVsObserved(d)));
    try {
      return NpsCommand.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private static ObjectNode designedVsObserved(DesignedVsObserved d) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    d.unusedTouchpoints().forEach(node.putArray("unusedTouchpoints")::add);
    d.unmappedTouchpoints().forEach(node.putArray("unmappedTouchpoints")::add);
    node.set("unexpectedTransitions", edges(d.unexpectedTransitions()));
    ArrayNode slow = node.putArray("slowStages");
    for (DesignedVsObserved.SlowStage s : d.slowStages()) {
      slow.addObject().put("stage", s.stage()).put("expectedSeconds", s.expectedSeconds())
          .put("observedMedianSeconds", s.observedMedianSeconds()).put("visits", s.visits());
    }
    ArrayNode emotions = node.putArray("emotions");
    for (DesignedVsObserved.EmotionGap e : d.emotions()) {
      ObjectNode gap = emotions.addObject().put("touchpoint", e.touchpoint()).put("emotion", e.emotion())
          .put("designedValence", e.designedValence());
      put(gap, "observedSentiment", e.observedSentiment());
      put(gap, "gap", e.gap());
      put(gap, "nps", e.nps());
    }
    ArrayNode losses = node.putArray("handoffLosses");
    for (DesignedVsObserved.HandoffLoss h : d.handoffLosses()) {
      losses.addObject().put("from", h.from()).put("to", h.to()).put("customersAtFrom", h.customersAtFrom())
          .put("reachedTo", h.reachedTo()).put("loss", h.loss());
    }
    return node;
  }

  private static ArrayNode edges(List<Transition> transitions) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Transition t : transitions) {
      out.addObject().put("from", t.from()).put("to", t.to()).put("count", t.count())
          .put("meanGapSeconds", t.meanGapSeconds()).put("medianGapSeconds", t.medianGapSeconds());
    }
    return out;
  }

  private static void put(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, value.getAsDouble());
    } else {
      node.putNull(field);
    }
  }
}
