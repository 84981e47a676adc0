package io.cemkit.core.internal;

import io.cemkit.core.spi.SentimentAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The lexicon {@link SentimentAnalyzer} for English and Hebrew described in
 * {@link SentimentAnalyzer#lexicon()}, which is the way to obtain it. Immutable and thread-safe; it
 * logs nothing. Not supported API.
 */
public final class LexiconSentimentAnalyzer implements SentimentAnalyzer {
  /** The lexicon shipped with cemkit, next to this class. */
  static final String DEFAULT_RESOURCE = "sentiment-lexicon.txt";

  static final double NEGATION = -0.7;
  static final int NEGATION_WINDOW = 3;
  static final int INTENSIFIER_WINDOW = 2;
  static final double MAX_BOOST = 3.0;
  static final double BEFORE_CONTRAST = 0.5;
  static final double AFTER_CONTRAST = 1.5;
  static final double ALPHA = 1.0;

  /** A clause boundary in a token list; no word can equal it, since words never contain a dot. */
  private static final String BREAK = ".";
  private static final String HEBREW_PREFIXES = "והשבכלמ";
  /** The prefixes a function word may carry: "and", "that", "when" and their combinations. */
  private static final List<String> CONJUNCTION_PREFIXES = List.of("ו", "ש", "וש", "כש", "וכש");
  private static final int MAX_PREFIX = 4;

  private static final Entry NEGATOR = new Entry(0, 0, false, true, false);
  private static final Entry CONTRAST = new Entry(0, 0, false, false, true);
  private static final Entry NEUTRAL = new Entry(0, 0, false, false, false);

  private static final List<String> NEGATORS = List.of(
      "not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "cannot",
      "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "wont", "cant", "couldnt",
      "wouldnt", "shouldnt", "havent", "hasnt", "hadnt",
      "לא", "אין", "אינו", "אינה", "אינם", "אינן", "איני", "אינני", "בלי", "ללא", "שום", "אף פעם",
      "מעולם");
  private static final Map<String, Double> INTENSIFIERS = intensifiers();
  /** Intensifiers that may also follow their word, as Hebrew puts them ("טוב מאוד"). */
  private static final List<String> POSTFIX_INTENSIFIERS = List.of("מאוד", "ביותר");
  private static final List<String> CONTRASTS = List.of("but", "however", "אבל", "אך", "אולם");
  /** Phrases that start with a negator but negate nothing. */
  private static final List<String> NEUTRALS = List.of("not only", "לא רק");

  private static volatile LexiconSentimentAnalyzer shared;

  private final Map<String, Entry> words;
  private final Map<String, List<Phrase>> phrases;

  private LexiconSentimentAnalyzer(Map<String, Entry> words, Map<String, List<Phrase>> phrases) {
    this.words = words;
    this.phrases = phrases;
  }

  private static Map<String, Double> intensifiers() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String w : List.of("very", "really", "so", "too", "super", "totally", "absolutely", "terribly",
        "מאוד", "ממש", "נורא", "סופר", "במיוחד", "כל כך", "ביותר")) {
      m.put(w, 1.5);
    }
    for (String w : List.of("extremely", "incredibly", "הכי")) {
      m.put(w, 2.0);
    }
    return m;
  }

  /**
   * The analyzer with the lexicon shipped with cemkit, loaded on first use and shared.
   *
   * @return the analyzer
   * @throws IllegalStateException if the shipped lexicon cannot be read or is malformed
   */
  public static LexiconSentimentAnalyzer ofDefaults() {
    LexiconSentimentAnalyzer s = shared;
    if (s == null) {
      // Loading twice in a race is harmless: the result is immutable and equal.
      s = fromResource(DEFAULT_RESOURCE);
      shared = s;
    }
    return s;
  }

  /**
   * An analyzer with the lexicon in a UTF-8 resource next to this class (the format is described in
   * the shipped {@code sentiment-lexicon.txt}).
   *
   * @param name the resource name, relative to this class's package
   * @return the analyzer
   * @throws IllegalStateException if the resource is missing, unreadable or malformed
   */
  public static LexiconSentimentAnalyzer fromResource(String name) {
    Objects.requireNonNull(name, "name");
    InputStream in = LexiconSentimentAnalyzer.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("The sentiment lexicon resource '" + name + "' was not found next to "
          + LexiconSentimentAnalyzer.class.getName() + "; the jar is incomplete");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) {
      return load(name, reader);
    } catch (IOException e) {
      throw new IllegalStateException("The sentiment lexicon resource '" + name + "' could not be closed", e);
    }
  }

  /**
   * An analyzer with the lexicon read from {@code reader}: one entry a line, a weight in [-1, 1]
   * other than 0, white space, then a word or phrase; blank lines and lines starting with {@code #}
   * are ignored.
   *
   * @param source the lexicon's name, for error messages
   * @param reader the lexicon's text; not closed
   * @return the analyzer
   * @throws IllegalStateException if the text cannot be read or a line is malformed, naming the line
   */
  public static LexiconSentimentAnalyzer load(String source, Reader reader) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reader, "reader");
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (String n : NEGATORS) {
      entries.put(key(n), NEGATOR);
    }
    INTENSIFIERS.forEach((w, f) ->
        entries.put(key(w), new Entry(0, f, POSTFIX_INTENSIFIERS.contains(w), false, false)));
    for (String c : CONTRASTS) {
      entries.put(key(c), CONTRAST);
    }
    for (String n : NEUTRALS) {
      entries.put(key(n), NEUTRAL);
    }
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        String text = (number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
        if (!text.isEmpty() && !text.startsWith("#")) {
          addLine(entries, source, number, text);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "The sentiment lexicon '" + source + "' could not be read after line " + number + ": " + e.getMessage(), e);
    }
    Map<String, Entry> words = new HashMap<>();
    Map<String, List<Phrase>> phrases = new HashMap<>();
    entries.forEach((k, e) -> {
      List<String> tokens = List.of(k.split(" "));
      if (tokens.size() == 1) {
        words.put(k, e);
      } else {
        phrases.computeIfAbsent(tokens.get(0), t -> new ArrayList<>())
            .add(new Phrase(List.copyOf(tokens.subList(1, tokens.size())), e));
      }
    });
    Map<String, List<Phrase>> sorted = new HashMap<>();
    phrases.forEach((first, list) -> {
      list.sort(Comparator.comparingInt((Phrase p) -> p.rest().size()).reversed()
          .thenComparing(p -> String.join(" ", p.rest())));
      sorted.put(first, List.copyOf(list));
    });
    return new LexiconSentimentAnalyzer(Map.copyOf(words), Map.copyOf(sorted));
  }

  private static void addLine(Map<String, Entry> entries, String source, int number, String text) {
    int space = 0;
    while (space < text.length() && !Character.isWhitespace(text.charAt(space))) {
      space++;
    }
    String where = "The sentiment lexicon '" + source + "', line " + number + " ('" + text + "'): ";
    if (space == text.length()) {
      throw new IllegalStateException(where + "expected a weight, white space and a term");
    }
    double weight;
    try {
      weight = Double.parseDouble(text.substring(0, space));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(where + "the weight is not a number", e);
    }
    if (!(weight >= -1 && weight <= 1) || weight == 0) {
      throw new IllegalStateException(where + "the weight must be within [-1, 1] and not 0, was " + weight);
    }
    String term = text.substring(space).strip();
    List<String> tokens = tokenize(term);
    if (tokens.isEmpty() || tokens.contains(BREAK)) {
      throw new IllegalStateException(where + "the term must be one or more words without punctuation");
    }
    String k = String.join(" ", tokens);
    Entry old = entries.get(k);
    if (old == null) {
      entries.put(k, new Entry(weight, 0, false, false, false));
    } else if (old.boost() > 0 && old.weight() == 0) {
      entries.put(k, new Entry(weight, old.boost(), old.postfix(), false, false));
    } else if (old.weight() != 0) {
      throw new IllegalStateException(where + "the term '" + k + "' is listed twice");
    } else {
      throw new IllegalStateException(where + "the term '" + k + "' is a negator, contrast word or neutral phrase");
    }
  }

  private static String key(String term) {
    return String.join(" ", tokenize(term));
  }

  /**
   * Scores a text as described in {@link SentimentAnalyzer#lexicon()}.
   *
   * @param text the text
   * @return a score in [-1, 1], or empty if the text has no sentiment word
   * @throws NullPointerException if the text is null
   */
  @Override
  public OptionalDouble score(String text) {
    Objects.requireNonNull(text, "text");
    List<String> tokens = tokenize(text);
    double sum = 0;
    boolean signal = false;
    boolean afterContrast = false;
    int negationLeft = 0;
    int boostLeft = 0;
    double boost = 1;
    // The contribution of the previous word if it was a sentiment word neither negated nor boosted.
    double plainBefore = 0;
    int i = 0;
    while (i < tokens.size()) {
      if (tokens.get(i).equals(BREAK)) {
        negationLeft = 0;
        boostLeft = 0;
        plainBefore = 0;
        i++;
        continue;
      }
      Match m = match(tokens, i);
      i += m == null ? 1 : m.length();
      boolean negated = negationLeft > 0;
      boolean boosted = boostLeft > 0;
      double previous = plainBefore;
      negationLeft = Math.max(0, negationLeft - 1);
      boostLeft = Math.max(0, boostLeft - 1);
      plainBefore = 0;
      if (m == null) {
        continue;
      }
      Entry e = m.entry();
      if (e.contrast()) {
        sum *= BEFORE_CONTRAST;
        afterContrast = true;
        negationLeft = 0;
        boostLeft = 0;
      } else if (e.negator()) {
        // Negators do not cancel each other: Hebrew doubles them ("אף פעם לא", "אין שום").
        negationLeft = NEGATION_WINDOW;
        boostLeft = 0;
      } else if (e.postfix() && previous != 0) {
        sum += previous * (e.boost() - 1);
      } else if (e.boost() > 0 && (e.weight() == 0 || nextCarriesSentiment(tokens, i))) {
        boost = Math.min(MAX_BOOST, (boosted ? boost : 1) * e.boost());
        boostLeft = INTENSIFIER_WINDOW;
      } else if (e.weight() != 0) {
        double v = e.weight();
        if (negated) {
          // "not very good" says no more than "not good".
          v *= NEGATION;
        } else if (boosted) {
          v *= boost;
        }
        if (afterContrast) {
          v *= AFTER_CONTRAST;
        }
        sum += v;
        signal = true;
        boostLeft = 0;
        plainBefore = negated || boosted ? 0 : v;
      }
    }
    if (!signal) {
      return OptionalDouble.empty();
    }
    double score = sum / Math.sqrt(sum * sum + ALPHA);
    return OptionalDouble.of(Math.max(-1.0, Math.min(1.0, score)) + 0.0);
  }

  private boolean nextCarriesSentiment(List<String> tokens, int i) {
    if (i >= tokens.size() || tokens.get(i).equals(BREAK)) {
      return false;
    }
    Match next = match(tokens, i);
    return next != null && (next.entry().weight() != 0 || next.entry().boost() > 0);
  }

  /** The longest entry starting at token {@code i}, or null; tries the word bare, then without prefixes. */
  private Match match(List<String> tokens, int i) {
    String token = tokens.get(i);
    int strippable = strippablePrefix(token);
    for (int strip = 0; strip <= strippable; strip++) {
      String bare = token.substring(strip);
      boolean functional = strip == 0 || CONJUNCTION_PREFIXES.contains(token.substring(0, strip));
      List<Phrase> candidates = phrases.get(bare);
      if (candidates != null) {
        for (Phrase p : candidates) {
          if (p.matches(tokens, i + 1)) {
            Entry e = functional ? p.entry() : p.entry().sentimentOnly();
            if (e != null) {
              return new Match(e, 1 + p.rest().size());
            }
          }
        }
      }
      Entry e = words.get(bare);
      if (e != null) {
        e = functional ? e : e.sentimentOnly();
        if (e != null) {
          return new Match(e, 1);
        }
      }
    }
    return token.endsWith("n't") ? new Match(NEGATOR, 1) : null;
  }

  /** How many leading letters of {@code token} may be Hebrew prefixes, leaving at least two letters. */
  private static int strippablePrefix(String token) {
    int k = 0;
    while (k < MAX_PREFIX && token.length() - k > 2 && HEBREW_PREFIXES.indexOf(token.charAt(k)) >= 0) {
      k++;
    }
    return k;
  }

  /**
   * Splits a text into normalised words and {@link #BREAK}s at clause boundaries: NFKC, marks and
   * format characters dropped, lower case, Hebrew final letters folded, apostrophes unified.
   */
  static List<String> tokenize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
        continue;
      }
      if (isApostrophe(cp)) {
        // ʼ (U+02BC) is a letter to Unicode, yet it is written for an apostrophe.
        if (word.length() > 0) {
          word.append('\'');
        }
      } else if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(foldFinal(Character.toLowerCase(cp)));
      } else {
        flush(word, out);
        if (isClauseEnd(cp) && !out.isEmpty() && !out.get(out.size() - 1).equals(BREAK)) {
          out.add(BREAK);
        }
      }
    }
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    int end = word.length();
    while (end > 0 && word.charAt(end - 1) == '\'') {
      end--;
    }
    if (end > 0) {
      out.add(word.substring(0, end));
    }
    word.setLength(0);
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '\u05F3';
  }

  private static boolean isClauseEnd(int cp) {
    return switch (cp) {
      case '.', ',', ';', ':', '!', '?', '\u2026', '\u2013', '\u2014', '\n', '\r', '\u2028', '\u2029' -> true;
      default -> false;
    };
  }

  private static int foldFinal(int cp) {
    return switch (cp) {
      case 'ך' -> 'כ';
      case 'ם' -> 'מ';
      case 'ן' -> 'נ';
      case 'ף' -> 'פ';
      case 'ץ' -> 'צ';
      default -> cp;
    };
  }

  /**
   * What a lexicon term does: its sentiment weight (0 for none), its intensifier factor (0 for none),
   * whether it negates and whether it is a contrast word. A term with none of these is neutral.
   */
  private record Entry(double weight, double boost, boolean postfix, boolean negator, boolean contrast) {
    /** The entry as a plain sentiment word, or null: a function word does not take every prefix. */
    Entry sentimentOnly() {
      return weight == 0 ? null : new Entry(weight, 0, false, false, false);
    }
  }

  private record Phrase(List<String> rest, Entry entry) {
    boolean matches(List<String> tokens, int from) {
      if (from + rest.size() > tokens.size()) {
        return false;
      }
      for (int j = 0; j < rest.size(); j++) {
        if (!rest.get(j).equals(tokens.get(from + j))) {
          return false;
        }
      }
      return true;
    }
  }

  private record Match(Entry entry, int length) {}
}
