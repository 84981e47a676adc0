package io.cemkit.journey.internal;

/**
 * Writes elements with escaped attribute values and text, for the SVG and the HTML around it. Attributes
 * are given as name, value pairs; a null value leaves the attribute out. Not supported API.
 */
public final class Markup {
  private final StringBuilder out = new StringBuilder(64 * 1024);

  /**
   * Opens an element.
   *
   * @param tag the element's name
   * @param attributes name, value pairs
   * @return this
   */
  public Markup open(String tag, Object... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append('>');
    return this;
  }

  /**
   * Closes an element.
   *
   * @param tag the element's name
   * @return this
   */
  public Markup close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /**
   * Writes an element without content, self-closed as XML requires.
   *
   * @param tag the element's name
   * @param attributes name, value pairs
   * @return this
   */
  public Markup empty(String tag, Object... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append("/>");
    return this;
  }

  /**
   * Writes an element with text content.
   *
   * @param tag the element's name
   * @param text the text, escaped
   * @param attributes name, value pairs
   * @return this
   */
  public Markup element(String tag, String text, Object... attributes) {
    open(tag, attributes);
    out.append(Xml.escape(text));
    return close(tag);
  }

  /**
   * Writes escaped text.
   *
   * @param text the text
   * @return this
   */
  public Markup text(String text) {
    out.append(Xml.escape(text));
    return this;
  }

  /**
   * Writes markup the caller built from constants, unescaped.
   *
   * @param markup the markup
   * @return this
   */
  public Markup raw(String markup) {
    out.append(markup);
    return this;
  }

  /**
   * Ends a line, to keep the output readable.
   *
   * @return this
   */
  public Markup newline() {
    out.append('\n');
    return this;
  }

  private void attributes(Object[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs; got " + attributes.length);
    }
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"").append(Xml.escape(String.valueOf(attributes[i + 1])))
            .append('"');
      }
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
