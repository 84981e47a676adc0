package io.cemkit.nps.spi;

import io.cemkit.nps.FollowUp;
import io.cemkit.nps.NpsResponse;

/**
 * Hears about responses as the {@link io.cemkit.nps.FeedbackLoop} records them, so the host can
 * close the loop: start a follow-up process for a detractor, ask a promoter to recommend, alert a
 * team. Every method has an empty default; implement what you need.
 *
 * <p>Called synchronously, after the response and its follow-up are stored. An exception from a
 * listener propagates to the caller of {@code record}; the response stays recorded.
 */
public interface FeedbackListener {

  /**
   * Any valid response.
   *
   * @param response the response
   */
  default void onResponse(NpsResponse response) {}

  /**
   * A detractor's response; {@code followUp} is the case opened for it.
   *
   * @param response the response
   * @param followUp the follow-up opened for it
   */
  default void onDetractor(NpsResponse response, FollowUp followUp) {}

  /**
   * A promoter's response: a chance to ask for a recommendation or a review.
   *
   * @param response the response
   */
  default void onPromoter(NpsResponse response) {}

  /**
   * A follow-up changed state (contacted or resolved).
   *
   * @param followUp the follow-up in its new state
   */
  default void onFollowUpChanged(FollowUp followUp) {}
}
