package io.cemkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.internal.LexiconSentimentAnalyzer;
import io.cemkit.core.spi.SentimentAnalyzer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LexiconSentimentAnalyzerTest {
  private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.lexicon();
  private static final double EPS = 1e-12;

  /** The documented normalisation, s / sqrt(s² + 1). */
  private static double normalised(double s) {
    return s / Math.sqrt(s * s + 1);
  }

  private static double score(String text) {
    OptionalDouble s = ANALYZER.score(text);
    assertThat(s).as("score of %s", text).isPresent();
    return s.getAsDouble();
  }

  @Nested
  class Examples {
    @Test
    @DisplayName("a single word scores its weight, normalised: great (0.75) is exactly 0.6")
    void singleWordExact() {
      assertSoftly(s -> {
        s.assertThat(score("great")).isEqualTo(0.6);
        s.assertThat(score("terrible")).isEqualTo(-0.6);
        s.assertThat(score("good")).isCloseTo(normalised(0.6), within(EPS));
        s.assertThat(score("slow")).isCloseTo(normalised(-0.5), within(EPS));
        s.assertThat(score("מצוין")).isCloseTo(normalised(0.8), within(EPS));
        s.assertThat(score("גרוע")).isEqualTo(-0.6);
      });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "The agent was very helpful and fast, thanks!                | 0.7 | 1.0",
        "Excellent service, I recommend it to everyone               | 0.7 | 1.0",
        "Thank you, my problem was resolved quickly                  | 0.3 | 0.9",
        "השירות היה מצוין, הנציג אדיב ומהיר. תודה רבה!                  | 0.8 | 1.0",
        "אני מאוד מרוצה וממליץ לכולם                                   | 0.7 | 1.0",
        "שירות מעולה                                                  | 0.5 | 0.8",
    })
    @DisplayName("positive customer-service texts score positive")
    void positive(String text, double min, double max) {
      assertThat(score(text)).isBetween(min, max);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Terrible service, the agent was rude and I kept waiting     | -1.0 | -0.8",
        "I am very disappointed and angry. Never again!              | -1.0 | -0.8",
        "They overcharged me and added hidden fees                   | -1.0 | -0.7",
        "The app is broken and support is slow                       | -0.9 | -0.5",
        "שירות גרוע, הנציג היה גס רוח ואני מחכה כבר שעה                 | -1.0 | -0.8",
        "אני מאוכזב וכועס, יש תקלה כבר שבוע                             | -1.0 | -0.8",
        "הנציג לא מקצועי                                              | -0.6 | -0.4",
        "חיוב כפול ועמלות                                             | -0.7 | -0.5",
    })
    @DisplayName("negative customer-service texts score negative")
    void negative(String text, double min, double max) {
      assertThat(score(text)).isBetween(min, max);
    }

    @Test
    @DisplayName("multi-word entries take precedence over their parts")
    void phrases() {
      assertSoftly(s -> {
        s.assertThat(score("never again")).as("not a negation of 'again'").isCloseTo(normalised(-0.8), within(EPS));
        s.assertThat(score("לא מקצועי")).as("its own entry, not -0.7 × 0.5")
            .isCloseTo(normalised(-0.6), within(EPS));
        s.assertThat(score("it's not working")).isCloseTo(normalised(-0.5), within(EPS));
        s.assertThat(score("waste of time")).isCloseTo(normalised(-0.7), within(EPS));
        s.assertThat(score("כל הכבוד")).isCloseTo(normalised(0.7), within(EPS));
      });
    }

    @Test
    @DisplayName("mixed Hebrew and English text is scored as one")
    void mixedLanguages() {
      assertSoftly(s -> {
        s.assertThat(score("השירות great, הנציג helpful")).isCloseTo(normalised(0.75 + 0.6), within(EPS));
        s.assertThat(score("the app לא עובד and support is איטי")).isCloseTo(normalised(-0.5 - 0.5), within(EPS));
        s.assertThat(score("not טוב")).isCloseTo(normalised(-0.42), within(EPS));
        s.assertThat(score("לא good")).isCloseTo(normalised(-0.42), within(EPS));
        s.assertThat(score("great אבל slow")).isCloseTo(normalised(0.75 * 0.5 - 0.5 * 1.5), within(EPS));
      });
    }

    @Test
    @DisplayName("words that cancel out score 0, not empty")
    void cancelOut() {
      assertThat(ANALYZER.score("good and bad")).hasValue(0.0);
    }

    @Test
    @DisplayName("texts without a sentiment word have no score")
    void noSignal() {
      assertSoftly(s -> {
        for (String text : List.of("", "   ", "\n\t", "I called about my order 12345", "לקוח התקשר לגבי החשבון",
            "not", "very", "לא", "מאוד", "but", "not only", "😀😡👍", ":-) <3", "???", "מלא")) {
          s.assertThat(ANALYZER.score(text)).as("score of '%s'", text).isEmpty();
        }
      });
    }

    @Test
    @DisplayName("lexicon() is one shared analyzer")
    void shared() {
      assertThat(SentimentAnalyzer.lexicon()).isSameAs(ANALYZER);
    }
  }

  @Nested
  class Negation {
    @Test
    @DisplayName("not bad and לא רע are mildly positive; not good and לא טוב negative; אין בעיה non-negative")
    void classics() {
      assertSoftly(s -> {
        s.assertThat(score("not bad")).isCloseTo(normalised(0.42), within(EPS)).isBetween(0.25, 0.5);
        s.assertThat(score("not good")).isCloseTo(normalised(-0.42), within(EPS)).isBetween(-0.5, -0.25);
        s.assertThat(score("לא רע")).isCloseTo(normalised(0.42), within(EPS));
        s.assertThat(score("לא טוב")).isCloseTo(normalised(-0.42), within(EPS));
        s.assertThat(score("אין בעיה")).isCloseTo(normalised(0.35), within(EPS)).isPositive();
        s.assertThat(score("no problem")).isCloseTo(normalised(0.35), within(EPS));
        s.assertThat(score("לא נורא")).as("'not terrible': נורא is a word here")
            .isCloseTo(normalised(0.49), within(EPS));
        s.assertThat(score("no complaints")).isCloseTo(normalised(0.35), within(EPS));
        s.assertThat(score("I would not recommend them")).isCloseTo(normalised(-0.42), within(EPS));
      });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without",
        "cannot", "don't", "doesn't", "didn't", "isn't", "wasn't", "won't", "can't", "couldn't", "wouldn't",
        "aren't", "haven't", "don’t", "dont", "doesnt", "didnt", "isnt", "wasnt", "wont", "cant",
        "לא", "אין", "אינו", "אינה", "אינם", "אינן", "בלי", "ללא", "שום", "אף פעם", "מעולם",
        "ולא", "שלא", "שאין", "וכשאין", "NOT", "Never"})
    @DisplayName("every negator flips a sentiment word and damps it by 0.7")
    void everyNegator(String negator) {
      assertSoftly(s -> {
        s.assertThat(score(negator + " good")).isCloseTo(normalised(-0.42), within(EPS));
        s.assertThat(score(negator + " terrible")).isCloseTo(normalised(0.525), within(EPS));
        s.assertThat(score(negator + " מרוצה")).isCloseTo(normalised(-0.42), within(EPS));
        s.assertThat(score(negator + " איטי")).isCloseTo(normalised(0.35), within(EPS));
      });
    }

    @Test
    @DisplayName("the window covers the next three words, and every sentiment word in it")
    void window() {
      assertSoftly(s -> {
        s.assertThat(score("not at all good")).as("good is the 3rd word").isCloseTo(normalised(-0.42), within(EPS));
        s.assertThat(score("not at all the good")).as("good is the 4th word").isCloseTo(normalised(0.6), within(EPS));
        s.assertThat(score("not fast or helpful")).isCloseTo(normalised(-0.28 - 0.42), within(EPS));
        s.assertThat(score("not waste of time good")).as("a phrase counts as one word")
            .isCloseTo(normalised(0.49 - 0.42), within(EPS));
        s.assertThat(score("לא כל כך טוב")).isCloseTo(normalised(-0.42), within(EPS));
      });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not. good", "not, good", "not; good", "not: good", "not! good", "not? good",
        "not… good", "not – good", "not — good", "not\ngood", "not\r\ngood", "לא. טוב", "לא, טוב", "not but good"})
    @DisplayName("clause punctuation, line breaks and contrast words close the negation window")
    void clauseBoundaries(String text) {
      double expected = text.contains("but") ? normalised(0.6 * 1.5) : normalised(0.6);
      assertThat(score(text)).isCloseTo(expected, within(EPS));
    }

    @Test
    @DisplayName("other separators (hyphen, quotes, slash, emoji) do not close it")
    void notClauseBoundaries() {
      for (String text : List.of("not - good", "not \"good\"", "not / good", "not 😀 good", "not (good)")) {
        assertThat(score(text)).as(text).isCloseTo(normalised(-0.42), within(EPS));
      }
    }

    @Test
    @DisplayName("negators do not cancel each other (Hebrew negative concord)")
    void concord() {
      assertSoftly(s -> {
        s.assertThat(score("אף פעם לא מרוצה")).isCloseTo(normalised(-0.42), within(EPS));
        s.assertThat(score("אין שום בעיה")).isCloseTo(normalised(0.35), within(EPS));
        s.assertThat(score("לא היה אף פעם טוב")).isCloseTo(normalised(-0.42), within(EPS));
      });
    }

    @Test
    @DisplayName("not only and לא רק negate nothing")
    void notOnly() {
      assertSoftly(s -> {
        s.assertThat(score("not only fast")).isCloseTo(normalised(0.4), within(EPS));
        s.assertThat(score("לא רק מהיר")).isCloseTo(normalised(0.4), within(EPS));
      });
    }

    @Test
    @DisplayName("a negated word is not intensified: not very good scores as not good")
    void negatedNotIntensified() {
      assertSoftly(s -> {
        s.assertThat(score("not very good")).isEqualTo(score("not good"));
        s.assertThat(score("not too bad")).isEqualTo(score("not bad"));
        s.assertThat(score("לא ממש טוב")).isEqualTo(score("לא טוב"));
        s.assertThat(score("לא טוב מאוד")).isEqualTo(score("לא טוב"));
      });
    }

    @Test
    @DisplayName("can't wait comes out positive")
    void cantWait() {
      assertThat(score("I can't wait")).isCloseTo(normalised(0.21), within(EPS));
    }
  }

  @Nested
  class Intensifiers {
    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"very, 1.5", "really, 1.5", "so, 1.5", "too, 1.5", "super, 1.5", "totally, 1.5",
        "absolutely, 1.5", "terribly, 1.5", "extremely, 2.0", "incredibly, 2.0", "VERY, 1.5",
        "מאוד, 1.5", "ממש, 1.5", "סופר, 1.5", "במיוחד, 1.5", "ביותר, 1.5", "כל כך, 1.5",
        "הכי, 2.0", "וממש, 1.5", "שהכי, 2.0"})
    @DisplayName("every intensifier multiplies the next sentiment word")
    void everyIntensifier(String intensifier, double factor) {
      assertSoftly(s -> {
        s.assertThat(score(intensifier + " good")).isCloseTo(normalised(0.6 * factor), within(EPS));
        s.assertThat(score(intensifier + " איטי")).isCloseTo(normalised(-0.5 * factor), within(EPS));
        s.assertThat(score(intensifier + " the good")).as("one word in between")
            .isCloseTo(normalised(0.6 * factor), within(EPS));
        s.assertThat(score(intensifier + " to the good")).as("two words in between")
            .isCloseTo(normalised(0.6), within(EPS));
        s.assertThat(score(intensifier + ". good")).as("clause ends").isCloseTo(normalised(0.6), within(EPS));
      });
    }

    @Test
    @DisplayName("נורא איטי is exactly -0.6: -0.5 × 1.5 = -0.75")
    void noraExact() {
      assertThat(score("נורא איטי")).isEqualTo(-0.6);
      assertThat(score("היה נורא")).isCloseTo(normalised(-0.7), within(EPS));
      assertThat(score("נורא נורא")).isCloseTo(normalised(-0.7 * 1.5), within(EPS));
      assertThat(score("נורא good")).isCloseTo(normalised(0.6 * 1.5), within(EPS));
      assertThat(score("נורא the good")).as("not followed by a word: a word").isCloseTo(normalised(-0.1), within(EPS));
    }

    @Test
    @DisplayName("מאוד and ביותר after a word intensify it, as Hebrew puts them")
    void postfix() {
      assertSoftly(s -> {
        s.assertThat(score("טוב מאוד")).isCloseTo(normalised(0.9), within(EPS));
        s.assertThat(score("השירות היה טוב מאוד")).isEqualTo(score("השירות היה מאוד טוב"));
        s.assertThat(score("הגרוע ביותר")).isCloseTo(normalised(-1.125), within(EPS));
        s.assertThat(score("מרוצה מאוד מאוד")).as("only once").isCloseTo(normalised(0.9), within(EPS));
      });
    }

    @Test
    @DisplayName("stacked intensifiers multiply, capped at 3")
    void stacking() {
      assertSoftly(s -> {
        s.assertThat(score("really very good")).isCloseTo(normalised(0.6 * 2.25), within(EPS));
        s.assertThat(score("very very very very good")).isCloseTo(normalised(0.6 * 3), within(EPS));
        s.assertThat(score("ממש הכי טוב")).isCloseTo(normalised(0.6 * 3), within(EPS));
      });
    }
  }

  @Nested
  class Contrast {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"but", "however", "But", "אבל", "אך", "אולם", "ואבל"})
    @DisplayName("at a contrast word the sum so far is halved and later words count 1.5 times")
    void weights(String contrast) {
      assertSoftly(s -> {
        s.assertThat(score("good " + contrast + " slow")).isCloseTo(normalised(0.6 * 0.5 - 0.5 * 1.5), within(EPS));
        s.assertThat(score("slow " + contrast + " good")).isCloseTo(normalised(-0.5 * 0.5 + 0.6 * 1.5), within(EPS));
      });
    }

    @Test
    @DisplayName("the part after but decides: nice agent but terrible wait is negative")
    void afterCounts() {
      assertSoftly(s -> {
        s.assertThat(score("The agent was nice but the wait was terrible")).isBetween(-0.9, -0.6);
        s.assertThat(score("The wait was terrible, but the agent was great")).isPositive();
        s.assertThat(score("הנציג היה נחמד אבל ההמתנה הייתה נוראית")).isNegative();
        s.assertThat(score("good but bad but good"))
            .isCloseTo(normalised((0.6 * 0.5 - 0.6 * 1.5) * 0.5 + 0.6 * 1.5), within(EPS));
      });
    }
  }

  @Nested
  class Tokenisation {
    @Test
    @DisplayName("case, punctuation and quotes do not matter")
    void casePunctuation() {
      for (String text : List.of("GREAT", "Great!!!", "\"great\"", "'great'", "(great)", "...great...", "great?!")) {
        assertThat(score(text)).as(text).isEqualTo(0.6);
      }
    }

    @Test
    @DisplayName("apostrophes stay inside words, in every common form")
    void apostrophes() {
      assertSoftly(s -> {
        for (String isnt : List.of("isn't", "isn’t", "isnʼt", "ISN'T", "isnt")) {
          s.assertThat(score("it " + isnt + " good")).as(isnt).isCloseTo(normalised(-0.42), within(EPS));
        }
        s.assertThat(score("the agent's attitude was rude")).isCloseTo(normalised(-0.7), within(EPS));
      });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"השירות טוב", "והשירות טוב", "שהנציג טוב", "הטוב", "והטוב", "שהטוב", "וכשהטוב",
        "בטוב", "לטוב", "מהטוב", "כטוב"})
    @DisplayName("attached Hebrew prefixes are stripped when the bare word is in the lexicon")
    void hebrewPrefixes(String text) {
      assertThat(score(text)).isCloseTo(normalised(0.6), within(EPS));
    }

    @Test
    @DisplayName("prefix stripping keeps two letters, takes at most three prefixes, and spares function words")
    void prefixLimits() {
      assertSoftly(s -> {
        s.assertThat(score("מהיר")).as("a lexicon word that starts with prefix letters")
            .isCloseTo(normalised(0.4), within(EPS));
        s.assertThat(score("והמהיר")).isCloseTo(normalised(0.4), within(EPS));
        s.assertThat(ANALYZER.score("ושהכבטוב")).as("five prefix letters").isEmpty();
        s.assertThat(ANALYZER.score("כשרע")).isPresent();
        s.assertThat(ANALYZER.score("ורע")).as("two letters must remain").isPresent();
        s.assertThat(ANALYZER.score("וע")).isEmpty();
        s.assertThat(score("מלא טוב")).as("מלא is 'full', not a negation").isCloseTo(normalised(0.6), within(EPS));
        s.assertThat(score("כלא טוב")).isCloseTo(normalised(0.6), within(EPS));
        s.assertThat(score("הנורא איטי")).as("with ה, נורא is only a word")
            .isCloseTo(normalised(-0.7 - 0.5), within(EPS));
      });
    }

    @Test
    @DisplayName("Hebrew final letters match whether written in final form or not, and points are ignored")
    void hebrewLetters() {
      assertSoftly(s -> {
        s.assertThat(score("מצוין")).isEqualTo(score("מצוינ"));
        s.assertThat(score("ממליץ")).isEqualTo(score("ממליצ"));
        s.assertThat(score("טוֹב")).as("with a holam").isEqualTo(score("טוב"));
        s.assertThat(score("\u200Fטוב\u200F")).as("with right-to-left marks").isEqualTo(score("טוב"));
        s.assertThat(score("\uFB38וב")).as("with a presentation form").isEqualTo(score("טוב"));
      });
    }

    @Test
    @DisplayName("full-width letters are NFKC-normalised")
    void fullWidth() {
      assertThat(score("ｇｒｅａｔ")).isEqualTo(0.6);
    }
  }

  @Nested
  class Robustness {
    @Test
    @DisplayName("a null text is refused with an NPE naming it")
    void nullText() {
      assertThatThrownBy(() -> ANALYZER.score(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against hangs, not a performance assertion
    @DisplayName("1 MB texts of words, of one word, of emoji and of punctuation are scored without exception")
    void longTexts() {
      String sentence = "The agent was great but the app is slow. השירות מצוין אבל איטי! ";
      String words = sentence.repeat(1_048_576 / sentence.length() + 1);
      assertThat(score(words)).isBetween(-1.0, 1.0);
      assertThat(ANALYZER.score("a".repeat(1_048_576))).isEmpty();
      assertThat(ANALYZER.score("😀".repeat(524_288))).isEmpty();
      assertThat(ANALYZER.score(".,!?".repeat(262_144))).isEmpty();
      assertThat(score("great ".repeat(174_763))).isCloseTo(1.0, within(1e-9)).isLessThanOrEqualTo(1.0);
      assertThat(score("but great ".repeat(104_858))).isBetween(0.9, 1.0);
    }

    @Test
    @DisplayName("odd characters: lone surrogates, control characters, combining marks only")
    void oddCharacters() {
      assertSoftly(s -> {
        s.assertThat(ANALYZER.score("\uD800\uDC00\uD800 \uDFFF")).isEmpty();
        s.assertThat(ANALYZER.score("\u0000\u0001\u007F")).isEmpty();
        s.assertThat(ANALYZER.score("\u05B4\u05B8\u0301")).isEmpty();
        s.assertThat(ANALYZER.score("'''")).isEmpty();
        s.assertThat(score("\u0000great\u0000")).isEqualTo(0.6);
      });
    }
  }

  @Nested
  class Loading {
    @Test
    @DisplayName("a missing lexicon resource is an IllegalStateException naming it")
    void missing() {
      assertThatThrownBy(() -> LexiconSentimentAnalyzer.fromResource("no-such-lexicon.txt"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'no-such-lexicon.txt' was not found");
    }

    @Test
    @DisplayName("an unreadable lexicon is an IllegalStateException with the cause")
    void unreadable() {
      Reader failing = new Reader() {
        @Override
        public int read(char[] buf, int off, int len) throws IOException {
          throw new IOException("disk gone");
        }

        @Override
        public void close() {}
      };
      assertThatThrownBy(() -> LexiconSentimentAnalyzer.load("broken", failing))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'broken' could not be read")
          .hasCauseInstanceOf(IOException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "good                | expected a weight, white space and a term",
        "x good              | the weight is not a number",
        "1.5 good            | the weight must be within [-1, 1] and not 0, was 1.5",
        "0 good              | the weight must be within [-1, 1] and not 0, was 0.0",
        "NaN good            | the weight must be within [-1, 1] and not 0, was NaN",
        "0.5 !!!             | the term must be one or more words without punctuation",
        "0.5 good. bad       | the term must be one or more words without punctuation",
        "-0.5 not            | the term 'not' is a negator, contrast word or neutral phrase",
        "-0.5 but            | the term 'but' is a negator, contrast word or neutral phrase",
    })
    @DisplayName("a malformed line is an IllegalStateException naming the line and the problem")
    void malformed(String line, String problem) {
      assertThatThrownBy(() -> LexiconSentimentAnalyzer.load("test", new StringReader("# comment\n\n" + line)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'test', line 3")
          .hasMessageContaining(problem);
    }

    @Test
    @DisplayName("a term listed twice, even spelled differently, is refused")
    void duplicate() {
      assertThatThrownBy(() -> LexiconSentimentAnalyzer.load("test", new StringReader("0.5 Good\n0.6 GOOD\n")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("line 2")
          .hasMessageContaining("'good' is listed twice");
    }

    @Test
    @DisplayName("a custom lexicon scores with the same rules; an intensifier may also be a word")
    void custom() {
      SentimentAnalyzer a = LexiconSentimentAnalyzer.load("test", new StringReader(
          "\uFEFF# test\n+0.75 splendid\n-0.5 so\n"));
      assertSoftly(s -> {
        s.assertThat(a.score("splendid")).hasValue(0.6);
        s.assertThat(a.score("not splendid")).hasValueCloseTo(normalised(-0.525), within(EPS));
        s.assertThat(a.score("so splendid")).hasValueCloseTo(normalised(0.75 * 1.5), within(EPS));
        s.assertThat(a.score("so")).hasValueCloseTo(normalised(-0.5), within(EPS));
        s.assertThat(a.score("good")).isEmpty();
      });
    }
  }

  @Nested
  class Properties {
    private static final List<String> POSITIVE = List.of("good", "great", "excellent", "amazing", "perfect",
        "helpful", "recommend", "satisfied", "happy", "love", "best", "wonderful", "fantastic", "awesome",
        "outstanding", "טוב", "מצוין", "מעולה", "נהדר", "מושלם", "ממליץ", "מרוצה", "אהבתי", "ומצוין", "שהטוב",
        "כל הכבוד", "Great", "EXCELLENT");
    private static final List<String> NEGATIVE = List.of("bad", "terrible", "awful", "slow", "rude", "waiting",
        "angry", "disappointed", "broken", "overcharged", "hidden fees", "never again", "רע", "גרוע", "איטי",
        "גס", "מחכה", "כועס", "מאוכזב", "תקלה", "נורא", "לא מקצועי", "והתקלה", "שהבעיה");
    private static final List<String> NEGATORS = List.of("not", "no", "never", "without", "don't", "doesn't",
        "didn't", "isn't", "wasn't", "won't", "can't", "cannot", "dont", "לא", "אין", "אינו", "אינה", "בלי",
        "אף פעם", "שום", "ולא", "שלא");
    private static final List<String> INTENSIFIERS = List.of("very", "really", "extremely", "so", "too",
        "מאוד", "ממש", "הכי", "כל כך");
    private static final List<String> CONTRASTS = List.of("but", "however", "אבל", "אך");
    private static final List<String> PUNCTUATION = List.of(".", ",", "!", "?", ";", ":", "…", "\n", "-",
        "\"", "'", "(", ")", "😀", "👎", "🇮🇱", "\u200F", "\u05B8", "\uD800");
    private static final String CONSONANTS = "bcdfghjklmnpqrstvwxz";

    static Stream<Arguments> seeds() {
      return LongStream.range(0, 200).mapToObj(seed -> Arguments.of(seed * 7919 + 17));
    }

    private static String pick(Random r, List<String> from) {
      return from.get(r.nextInt(from.size()));
    }

    /** A word that cannot be in the lexicon: Latin consonants only, five or more. */
    private static String noiseWord(Random r) {
      StringBuilder b = new StringBuilder();
      for (int i = 0, n = 5 + r.nextInt(4); i < n; i++) {
        b.append(CONSONANTS.charAt(r.nextInt(CONSONANTS.length())));
      }
      return b.toString();
    }

    private static String randomToken(Random r) {
      return switch (r.nextInt(10)) {
        case 0 -> pick(r, POSITIVE);
        case 1 -> pick(r, NEGATIVE);
        case 2 -> pick(r, NEGATORS);
        case 3 -> pick(r, INTENSIFIERS);
        case 4 -> pick(r, CONTRASTS);
        case 5 -> pick(r, PUNCTUATION);
        case 6 -> Integer.toString(r.nextInt(1000));
        case 7 -> hebrewLetters(r);
        default -> noiseWord(r);
      };
    }

    /** Random letters from the Hebrew block: they may or may not be lexicon words. */
    private static String hebrewLetters(Random r) {
      StringBuilder b = new StringBuilder();
      for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
        b.append((char) ('\u05D0' + r.nextInt(27)));
      }
      return b.toString();
    }

    private static String randomText(Random r, int maxTokens) {
      List<String> tokens = new ArrayList<>();
      for (int i = 0, n = r.nextInt(maxTokens + 1); i < n; i++) {
        tokens.add(randomToken(r));
      }
      return String.join(r.nextBoolean() ? " " : "  ", tokens);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("any text scores within [-1, 1], or empty, and always the same")
    void rangeAndDeterminism(long seed) {
      Random r = new Random(seed);
      LexiconSentimentAnalyzer fresh = LexiconSentimentAnalyzer.fromResource("sentiment-lexicon.txt");
      for (int i = 0; i < 20; i++) {
        String text = randomText(r, 60);
        OptionalDouble first = ANALYZER.score(text);
        if (first.isPresent()) {
          assertThat(first.getAsDouble()).as("score of %s", text).isBetween(-1.0, 1.0).isNotNaN();
        }
        assertThat(ANALYZER.score(text)).as("again: %s", text).isEqualTo(first);
        assertThat(fresh.score(text)).as("another instance: %s", text).isEqualTo(first);
      }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("a negator before a strongly positive word never leaves it positive")
    void negatedPositive(long seed) {
      Random r = new Random(seed);
      String word = pick(r, POSITIVE);
      double alone = score(word);
      assertThat(alone).as("%s alone", word).isGreaterThanOrEqualTo(0.5);
      StringBuilder text = new StringBuilder();
      if (r.nextBoolean()) {
        text.append(noiseWord(r)).append(' ').append(noiseWord(r)).append(". ");
      }
      text.append(pick(r, NEGATORS));
      // Up to two words between the negator and the word: it stays within the window of three.
      boolean intensified = r.nextBoolean();
      for (int i = 0, n = r.nextInt(intensified ? 2 : 3); i < n; i++) {
        text.append(' ').append(noiseWord(r));
      }
      if (intensified) {
        text.append(' ').append(pick(r, INTENSIFIERS));
      }
      text.append(' ').append(word);
      assertThat(score(text.toString())).as("score of '%s'", text).isNegative().isGreaterThan(-alone);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("a negator before a negative word makes it non-negative and milder")
    void negatedNegative(long seed) {
      Random r = new Random(seed);
      String word = pick(r, NEGATIVE);
      double alone = score(word);
      String text = pick(r, NEGATORS) + " " + word;
      assertThat(score(text)).as("score of '%s'", text).isPositive().isLessThan(-alone);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("a clause of noise before or after a text changes nothing")
    void noiseClause(long seed) {
      Random r = new Random(seed);
      String text = randomText(r, 30);
      String noise = noiseWord(r) + " " + noiseWord(r);
      assertThat(ANALYZER.score(noise + ". " + text)).as(text).isEqualTo(ANALYZER.score(text));
      assertThat(ANALYZER.score(text + "\n" + noise)).as(text).isEqualTo(ANALYZER.score(text));
    }
  }

  @Test
  @DisplayName("extra white space between a negator and its word does not end the negation")
  void whiteSpaceKeepsNegation() {
    assertThat(score("not    good")).isEqualTo(score("not good"));
    assertThat(score("not    good")).isLessThan(0);
  }

  @Test
  @DisplayName("custom lexicons: weights of exactly ±1 are allowed, the longest phrase wins whatever the file order")
  void customLexiconEdges() {
    SentimentAnalyzer a = LexiconSentimentAnalyzer.load("edges", new StringReader(
        "1 great\n-1 awful\n0.2 well done\n0.9 well done indeed\n"));
    assertThat(a.score("great").orElseThrow()).isCloseTo(normalised(1), within(EPS));
    assertThat(a.score("awful").orElseThrow()).isCloseTo(normalised(-1), within(EPS));
    assertThat(a.score("well done indeed").orElseThrow()).isCloseTo(normalised(0.9), within(EPS));
    assertThat(a.score("well done").orElseThrow()).isCloseTo(normalised(0.2), within(EPS));
    assertThatThrownBy(() -> LexiconSentimentAnalyzer.load("edges", new StringReader("1.0000001 great\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The sentiment lexicon 'edges', line 1 ('1.0000001 great'): the weight must be within [-1, 1] "
            + "and not 0, was 1.0000001");
    assertThatThrownBy(() -> LexiconSentimentAnalyzer.load("edges", new StringReader("-1.0000001 awful\n")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("was -1.0000001");
  }

  @Test
  @DisplayName("a word that is both weighted and an intensifier boosts a sentiment word after it, else counts itself")
  void weightedIntensifier() {
    SentimentAnalyzer both = LexiconSentimentAnalyzer.load("both", new StringReader("0.5 very\n0.8 good\n"));
    SentimentAnalyzer plain = LexiconSentimentAnalyzer.load("plain", new StringReader("0.8 good\n"));
    assertThat(both.score("very good").orElseThrow()).isCloseTo(plain.score("very good").orElseThrow(), within(EPS));
    assertThat(both.score("good very").orElseThrow()).as("last word: nothing to boost")
        .isCloseTo(normalised(1.3), within(EPS));
    assertThat(both.score("very").orElseThrow()).isCloseTo(normalised(0.5), within(EPS));
    double notGood = plain.score("not good").orElseThrow();
    double rawNotGood = notGood / Math.sqrt(1 - notGood * notGood);
    assertThat(both.score("very not good").orElseThrow()).as("a negator carries no sentiment to boost")
        .isCloseTo(normalised(0.5 + rawNotGood), within(1e-9));
  }

  @Test
  @DisplayName("a prefix is never stripped down to one letter, even when a custom lexicon lists that letter")
  void prefixLeavesTwoLetters() {
    SentimentAnalyzer a = LexiconSentimentAnalyzer.load("one-letter", new StringReader("0.5 ע\n"));
    assertThat(a.score("ע").orElseThrow()).isCloseTo(normalised(0.5), within(EPS));
    assertThat(a.score("וע")).isEmpty();
  }
}
