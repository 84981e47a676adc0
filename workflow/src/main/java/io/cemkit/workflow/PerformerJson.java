package io.cemkit.workflow;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.cemkit.core.internal.Checks;
import java.io.IOException;
import java.util.List;

/**
 * The JSON form of a {@link Performer}, shared by {@link ProcessDefinitionJson} and the stored
 * records: an object with exactly one field whose name is the kind and whose value is the code,
 * {@code {"queue": "agents"}}, {@code {"partner": "installer-north"}} or {@code {"handler": "suspend"}}.
 * Kinds are fixed names, never Java class names.
 */
final class PerformerJson {
  /** The kinds, as JSON names them. */
  static final List<String> KINDS = List.of("queue", "partner", "handler");

  private PerformerJson() {}

  /**
   * The kind JSON names a performer by.
   *
   * @param performer the performer
   * @return {@code queue}, {@code partner} or {@code handler}
   */
  static String kind(Performer performer) {
    if (performer instanceof Performer.Queue) {
      return "queue";
    }
    if (performer instanceof Performer.Partner) {
      return "partner";
    }
    return "handler";
  }

  /**
   * The performer of a kind.
   *
   * @param kind one of {@link #KINDS}
   * @param code the code
   * @return the performer
   * @throws IllegalArgumentException if the kind is unknown or the code invalid
   */
  static Performer of(String kind, String code) {
    return switch (kind) {
      case "queue" -> Performer.queue(code);
      case "partner" -> Performer.partner(code);
      case "handler" -> Performer.automated(code);
      default -> throw new IllegalArgumentException("unknown performer kind '" + Checks.abbreviate(kind)
          + "'; expected one of " + KINDS);
    };
  }

  /** Writes {@code {"queue": "agents"}}. */
  static final class Serializer extends StdSerializer<Performer> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(Performer.class);
    }

    @Override
    public void serialize(Performer performer, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject(performer);
      gen.writeStringField(kind(performer), performer.code());
      gen.writeEndObject();
    }
  }

  /** Reads {@code {"queue": "agents"}} strictly; anything else fails naming the problem. */
  static final class Deserializer extends StdDeserializer<Performer> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(Performer.class);
    }

    @Override
    public Performer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String expected = "expected an object with exactly one of " + KINDS + ", such as {\"queue\": \"agents\"}";
      String kind = Variables.firstField(p, Performer.class, "performer: " + expected);
      if (kind == null) {
        throw fail(p, "performer: " + expected + ", was an empty object");
      }
      if (!KINDS.contains(kind)) {
        throw fail(p, "performer: unknown kind '" + Checks.abbreviate(kind) + "'; " + expected);
      }
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw fail(p, "performer: the " + kind + " must be a code as text, was "
            + Variables.describe(p.currentToken()));
      }
      Performer performer;
      try {
        performer = of(kind, p.getText());
      } catch (IllegalArgumentException e) {
        throw fail(p, "performer: " + e.getMessage());
      }
      if (p.nextToken() != JsonToken.END_OBJECT) {
        throw fail(p, "performer: more than one field after '" + kind + "'; " + expected);
      }
      return performer;
    }

    private static MismatchedInputException fail(JsonParser p, String message) {
      return MismatchedInputException.from(p, Performer.class, message);
    }
  }
}
