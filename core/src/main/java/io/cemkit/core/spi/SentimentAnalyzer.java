package io.cemkit.core.spi;

import java.util.OptionalDouble;

/**
 * Scores the sentiment of a text (a chat, a call transcript, a social post, an agent's summary)
 * from -1 (very negative) to 1 (very positive). Hosts plug in a real model; cemkit ships a small
 * lexicon analyzer for English and Hebrew.
 *
 * <p>Contract: return a score in [-1, 1], or empty when the text carries no sentiment signal at
 * all; never throw for any text, including empty text; be deterministic for the same text.
 * Implementations must not log the text: it is personal data.
 */
@FunctionalInterface
public interface SentimentAnalyzer {

  /**
   * Scores a text.
   *
   * @param text the text
   * @return a score in [-1, 1], or empty if the text carries no sentiment signal
   */
  OptionalDouble score(String text);

  /**
   * An analyzer that never scores: interactions keep only the sentiment given to them.
   *
   * @return the analyzer
   */
  static SentimentAnalyzer none() {
    return text -> OptionalDouble.empty();
  }
}
