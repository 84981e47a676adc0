package io.cemkit.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads a value only from JSON text, delegating to the standard deserializer; a number (an epoch
 * timestamp, a count of seconds) fails with a {@link com.fasterxml.jackson.databind.exc.MismatchedInputException}
 * naming the field. Not supported API.
 *
 * @param <T> the value type
 */
public final class TextOnlyDeserializer<T> extends StdScalarDeserializer<T> {
  private static final long serialVersionUID = 1L;

  private final transient JsonDeserializer<T> delegate;

  /**
   * Wraps a deserializer.
   *
   * @param type the value type
   * @param delegate reads the text
   */
  public TextOnlyDeserializer(Class<T> type, JsonDeserializer<T> delegate) {
    super(type);
    this.delegate = delegate;
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      @SuppressWarnings("unchecked")
      T failed = (T) ctxt.handleUnexpectedToken(handledType(), p.currentToken(), p,
          "expected ISO-8601 text for %s, not %s", handledType().getSimpleName(), p.currentToken());
      return failed;
    }
    return delegate.deserialize(p, ctxt);
  }
}
