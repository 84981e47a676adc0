package io.cemkit.journey.internal;

import java.util.regex.Pattern;

/**
 * Makes text safe for one line of Mermaid's {@code journey} grammar; the rules are documented on
 * {@link io.cemkit.journey.MermaidRenderer}. Not supported API.
 */
public final class MermaidText {
  /** What a name that is empty after sanitising becomes. */
  public static final String PLACEHOLDER = "(unnamed)";
  /** Put in front of a task name that would otherwise start with a keyword: U+200B, which the lexer does not skip. */
  public static final char KEYWORD_GUARD = '\u200B';

  private static final Pattern PERCENTS = Pattern.compile("%{2,}");
  private static final Pattern SPACES = Pattern.compile(" {2,}");
  private static final Pattern KEYWORD_START = Pattern.compile(
      "^(journey|title\\s|section\\s|acctitle|accdescr)", Pattern.CASE_INSENSITIVE);

  private MermaidText() {}

  /**
   * Text for a title, a section, a task name or an accessible description.
   *
   * @param text the text
   * @return the sanitised text, never empty
   */
  public static String name(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case ':' -> out.append(" -");
        case ';' -> out.append(',');
        case '#' -> out.append("No.");
        case '<' -> out.append('\u2039');
        case '>' -> out.append('\u203A');
        default -> out.append(isBreak(c) ? ' ' : c);
      }
    }
    String clean = SPACES.matcher(PERCENTS.matcher(out).replaceAll("%")).replaceAll(" ").strip();
    return clean.isEmpty() ? PLACEHOLDER : clean;
  }

  /**
   * Text for a task name: {@link #name} and, if it would start with a keyword the lexer matches first
   * ({@code journey}, {@code title }, {@code section }, {@code accTitle}, {@code accDescr}, in any case),
   * the {@link #KEYWORD_GUARD} in front.
   *
   * @param text the text
   * @return the sanitised text, never empty
   */
  public static String task(String text) {
    String clean = name(text);
    return KEYWORD_START.matcher(clean).find() ? KEYWORD_GUARD + clean : clean;
  }

  /**
   * Text for an actor: {@link #name} with commas, which separate actors, as {@code " /"}.
   *
   * @param text the text
   * @return the sanitised text, never empty
   */
  public static String actor(String text) {
    // After name(), which turns ';' into ','.
    return name(name(text).replace(",", " /"));
  }

  /**
   * Line breaks, tabs, other control characters and every Unicode space (JavaScript's {@code \s} set):
   * a one-line statement cannot hold the first, and the lexer would skip or split on the others.
   */
  private static boolean isBreak(char c) {
    return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }
}
