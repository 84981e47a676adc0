package io.cemkit.journey.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines of at most a number of characters, at spaces where it can, for SVG, which does not
 * wrap text itself. Not supported API.
 */
public final class TextWrap {
  private static final char ELLIPSIS = '\u2026';

  private TextWrap() {}

  /**
   * The lines of a text.
   *
   * @param text the text; runs of white space count as one space
   * @param width the most characters on a line, at least 2
   * @param maxLines the most lines; text beyond them is cut and the last line ends with an ellipsis
   * @return at least one line (empty for an empty text)
   */
  public static List<String> lines(String text, int width, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      String rest = word;
      while (!rest.isEmpty()) {
        int room = line.length() == 0 ? width : width - line.length() - 1;
        if (rest.length() <= room) {
          if (line.length() > 0) {
            line.append(' ');
          }
          line.append(rest);
          rest = "";
        } else if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        } else {
          lines.add(rest.substring(0, width - 1) + "-");
          rest = rest.substring(width - 1);
        }
      }
    }
    lines.add(line.toString());
    if (lines.size() > maxLines) {
      List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
      String last = cut.get(maxLines - 1);
      cut.set(maxLines - 1, (last.length() >= width ? last.substring(0, width - 1) : last) + ELLIPSIS);
      return cut;
    }
    return lines;
  }
}
