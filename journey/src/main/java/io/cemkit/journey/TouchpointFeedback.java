package io.cemkit.journey;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What customers said at one touchpoint (J6): the mean sentiment of the events that carry one, and the NPS
 * of the answers given there (promoters 9–10, passives 7–8, detractors 0–6; NPS = 100 × (promoters −
 * detractors) / answers).
 *
 * @param touchpoint the touchpoint's code
 * @param events the events at the touchpoint
 * @param sentiments the events with a sentiment
 * @param meanSentiment their mean, from -1 to 1: their exact sum rounded once, over their count, so the
 *     same bits for every arrival order; empty without any
 * @param answers the events with an NPS answer
 * @param promoters answers 9 or 10
 * @param passives answers 7 or 8
 * @param detractors answers 0 to 6
 * @param nps from -100 to 100; empty without answers
 */
public record TouchpointFeedback(String touchpoint, long events, long sentiments, OptionalDouble meanSentiment,
    long answers, long promoters, long passives, long detractors, OptionalDouble nps) {
  /**
   * Checks the parts that are objects.
   *
   * @param touchpoint the touchpoint's code
   * @param events the events
   * @param sentiments the events with a sentiment
   * @param meanSentiment their mean
   * @param answers the answers
   * @param promoters the promoters
   * @param passives the passives
   * @param detractors the detractors
   * @param nps the NPS
   */
  public TouchpointFeedback {
    Objects.requireNonNull(touchpoint, "touchpoint");
    Objects.requireNonNull(meanSentiment, "meanSentiment");
    Objects.requireNonNull(nps, "nps");
  }
}
