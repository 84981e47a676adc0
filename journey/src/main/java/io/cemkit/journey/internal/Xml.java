package io.cemkit.journey.internal;

/** Escaping for text and attribute values in XML and HTML. Not supported API. */
public final class Xml {
  private Xml() {}

  /**
   * Escapes {@code & < > " '} and replaces characters XML 1.0 cannot hold (control characters other than
   * tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF) with U+FFFD, so the result is
   * safe as element text and as a quoted attribute value in both XML and HTML.
   *
   * @param text the text
   * @return the escaped text
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (allowed(c)) {
            out.append(c);
          } else {
            out.append('\uFFFD');
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean allowed(char c) {
    if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
      return false;
    }
    return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
  }
}
