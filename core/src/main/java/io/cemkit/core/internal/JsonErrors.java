package io.cemkit.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Describes where a JSON document broke, for readers that list problems by JSON path
 * ({@code steps[1].routes[0]}, {@code touchpoints[6].name}). Not supported API.
 */
public final class JsonErrors {
  /** The path of the document itself. */
  public static final String ROOT = "(root)";

  private JsonErrors() {}

  /**
   * One problem for JSON that could not be parsed: the path the parser had reached, the line and column, and
   * the parser's reason without the source description Jackson puts in.
   *
   * @param e the parser's exception
   * @return e.g. {@code persona.name (line 2, column 22): malformed JSON: Unexpected character ('}' …)}
   */
  public static String malformed(JsonProcessingException e) {
    String path = ROOT;
    if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
      path = path(parser.getParsingContext());
    }
    JsonLocation location = e.getLocation();
    String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr()
        + ")";
    // Nested locations name a redacted source; the line and column are what a reader needs.
    String message = String.valueOf(e.getOriginalMessage()).replaceAll("\\[Source: [^;\\]]*; ", "[");
    return path + where + ": malformed JSON: " + message;
  }

  /**
   * The path of a parser's position, such as {@code steps[1].routes[0]}; {@value #ROOT} at the top.
   *
   * @param context the parser's context
   * @return the path, field names shortened to 64 characters
   */
  public static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + Checks.abbreviate(c.getCurrentName()));
      }
    }
    String path = String.join("", parts);
    if (path.startsWith(".")) {
      path = path.substring(1);
    }
    return path.isEmpty() ? ROOT : path;
  }
}
