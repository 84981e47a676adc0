package io.cemkit.core.spi;

import io.cemkit.core.internal.LexiconSentimentAnalyzer;
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

  /**
   * The default analyzer: a small lexicon of English and Hebrew customer-service words with negation,
   * intensifiers and contrast. It is shared, immutable and thread-safe, gives the same score for the
   * same text in every JVM, never throws for a non-null text of any length or content, and logs
   * nothing. A text is scored in these steps:
   *
   * <ol>
   *   <li><b>Normalisation.</b> The text is NFKC-normalised; combining marks (Hebrew points, niqqud),
   *       enclosing marks and invisible format characters (such as right-to-left marks) are dropped;
   *       letters are lower-cased; Hebrew final letters ({@code ך ם ן ף ץ}) are read as their regular
   *       forms, so a word matches whether or not its last letter is written in final form.
   *   <li><b>Words and clauses.</b> A word is a run of letters and digits. An apostrophe inside a word
   *       ({@code ' ’ ‘ ʼ ׳}) is kept, so {@code don't} and {@code isn't} are single words; leading and
   *       trailing apostrophes are dropped. Every other character separates words, and
   *       {@code . , ; : ! ? …}, the en and em dashes and line breaks also end a clause.
   *   <li><b>Lexicon.</b> About 130 English and 140 Hebrew words and phrases, each with a weight in
   *       [-1, 1] other than 0: for example {@code good} 0.6, {@code great} 0.75, {@code excellent}
   *       0.8, {@code fast} 0.4, {@code thanks} 0.4, {@code recommend} 0.6, {@code bad} -0.6,
   *       {@code terrible} -0.75, {@code slow} -0.5, {@code rude} -0.7, {@code waiting} -0.4,
   *       {@code problem} -0.5, {@code fee} -0.2, {@code overcharged} -0.7, {@code never again} -0.8;
   *       {@code טוב} 0.6, {@code מצוין} 0.8, {@code מהיר} 0.4, {@code תודה} 0.4, {@code מרוצה} 0.6,
   *       {@code רע} -0.6, {@code גרוע} -0.75, {@code איטי} -0.5, {@code מחכה} -0.4,
   *       {@code בעיה} -0.5, {@code לא מקצועי} -0.6. Hebrew entries are listed with their usual
   *       inflections; there is no other stemming. At each position the longest entry wins, so
   *       {@code never again} and {@code לא מקצועי} are entries of their own rather than negations.
   *       The whole lexicon is the resource {@code io/cemkit/core/internal/sentiment-lexicon.txt}.
   *   <li><b>Hebrew prefixes.</b> A word not found as written is looked up again without one to four
   *       leading letters from {@code ו ה ש ב כ ל מ} (as in {@code והשירות}, {@code שהנציג},
   *       {@code וכשהתקלה}), provided at least two letters remain; the fewest letters stripped win.
   *       Negators, intensifiers and contrast words accept only the prefixes {@code ו ש וש כש וכש},
   *       so that {@code מלא} ("full") is not read as a negation.
   *   <li><b>Negation.</b> The negators are {@code not no never none nothing nobody neither nor without
   *       cannot}, every word ending in {@code n't}, {@code dont doesnt didnt isnt wasnt arent werent
   *       wont cant couldnt wouldnt shouldnt havent hasnt hadnt}, and {@code לא אין אינו אינה אינם
   *       אינן איני אינני בלי ללא שום מעולם} and {@code אף פעם}. A negator multiplies by -0.7 the weight of every
   *       sentiment word among the next 3 words (an entry of several words counts as one). The
   *       window closes at the end of a clause and at a contrast word. So {@code not good} is
   *       negative, and {@code not bad}, {@code לא רע}, {@code no problem} and {@code אין בעיה} are
   *       mildly positive. A negator inside an open window restarts it rather than cancelling it, as
   *       Hebrew doubles negation ({@code אף פעם לא}, {@code אין שום בעיה}). {@code not only} and
   *       {@code לא רק} negate nothing.
   *   <li><b>Intensifiers.</b> {@code very really so too super totally absolutely terribly
   *       מאוד ממש סופר במיוחד ביותר כל כך} multiply by 1.5, and {@code extremely incredibly הכי}
   *       by 2, the weight of the first sentiment word among the next 2 words in the clause.
   *       Consecutive intensifiers multiply, up to 3. {@code מאוד} and {@code ביותר} directly after a
   *       sentiment word that is neither negated nor intensified intensify that word instead, as
   *       Hebrew puts them ({@code טוב מאוד} scores as {@code מאוד טוב}). {@code נורא} is an
   *       intensifier (1.5) when the next word is a sentiment word or an intensifier, and otherwise a
   *       sentiment word ("terrible", -0.7). A negated word is not intensified: {@code not very good}
   *       scores as {@code not good}.
   *   <li><b>Contrast.</b> At {@code but however אבל אך אולם} the sum so far is multiplied by 0.5,
   *       and every sentiment word after it by 1.5 for the rest of the text: what follows the
   *       contrast counts three times as much as what precedes it.
   *   <li><b>Score.</b> With {@code s} the sum of the adjusted weights, the score is
   *       {@code s / Math.sqrt(s * s + 1)} (alpha 1): a single {@code great} (0.75) scores exactly
   *       0.6, and only a huge sum rounds to -1 or 1. A text without any sentiment word (empty, blank,
   *       only neutral words, negators, intensifiers, emoji or symbols) scores empty; a text whose
   *       words cancel out scores 0.
   * </ol>
   *
   * <p>Limitations: no sarcasm, no emoji or emoticons, no words outside the lexicon, no languages
   * other than English and Hebrew, and no grammar beyond the windows above. Hosts that need more plug
   * in their own analyzer.
   *
   * @return the shared analyzer; its {@link #score} throws {@link NullPointerException} for a null
   *     text
   * @throws IllegalStateException if the lexicon shipped in the jar is missing or malformed
   */
  static SentimentAnalyzer lexicon() {
    return LexiconSentimentAnalyzer.ofDefaults();
  }
}
