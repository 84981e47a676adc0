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
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The JSON form of a {@link Performer}, shared by {@link ProcessDefinitionJson} and the stored
 * records: an object with exactly one field whose name is the kind and whose value is the code,
 * {@code {"queue": "agents"}}, {@code {"partner": "installer-north"}}, {@code {"handler": "suspend"}}
 * or {@code {"timer": "P7D"}}; a timer may add {@code "calendar"}, the id of the business calendar its
 * delay counts on: {@code {"timer": "PT16H", "calendar": "office"}}. Kinds are fixed names, never Java
 * class names.
 */
final class PerformerJson {
  /** The kinds, as JSON names them. */
  static final List<String> KINDS = List.of("queue", "partner", "handler", "timer");
  /** The field a timer names its calendar in. */
  static final String CALENDAR = "calendar";
  private static final long SECONDS_PER_DAY = 86_400;

  private PerformerJson() {}

  /**
   * The kind JSON names a performer by.
   *
   * @param performer the performer
   * @return {@code queue}, {@code partner}, {@code handler} or {@code timer}
   */
  static String kind(Performer performer) {
    if (performer instanceof Performer.Queue) {
      return "queue";
    }
    if (performer instanceof Performer.Partner) {
      return "partner";
    }
    if (performer instanceof Performer.Timer) {
      return "timer";
    }
    return "handler";
  }

  /**
   * The performer of a kind.
   *
   * @param kind one of {@link #KINDS}
   * @param code the code (for a timer, its delay as ISO-8601 text)
   * @param calendar a timer's calendar, or null
   * @return the performer
   * @throws IllegalArgumentException if the kind is unknown, the code invalid, or a calendar is given
   *     to another kind than a timer
   */
  static Performer of(String kind, String code, String calendar) {
    if (calendar != null && !kind.equals("timer")) {
      throw new IllegalArgumentException("a calendar goes only with a timer, not with a " + kind);
    }
    return switch (kind) {
      case "queue" -> Performer.queue(code);
      case "partner" -> Performer.partner(code);
      case "handler" -> Performer.automated(code);
      case "timer" -> calendar == null ? Performer.timer(duration(code)) : Performer.timer(duration(code), calendar);
      default -> throw new IllegalArgumentException("unknown performer kind '" + Checks.abbreviate(kind)
          + "'; expected one of " + KINDS);
    };
  }

  /**
   * A duration as people write it: whole days as {@code P400D} rather than {@link Duration}'s
   * {@code PT9600H}, anything else as {@link Duration#toString()}.
   *
   * @param duration the duration
   * @return the ISO-8601 text
   */
  static String duration(Duration duration) {
    if (duration.getNano() == 0 && duration.getSeconds() % SECONDS_PER_DAY == 0) {
      return "P" + duration.getSeconds() / SECONDS_PER_DAY + "D";
    }
    return duration.toString();
  }

  /**
   * Reads an ISO-8601 duration.
   *
   * @param text the text, such as {@code P7D} or {@code PT16H}
   * @return the duration
   * @throws IllegalArgumentException naming the text if it is not a duration
   */
  static Duration duration(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + Checks.abbreviate(text) + "' is not an ISO-8601 duration such as "
          + "P400D or PT12H (days at most: no years or months)", e);
    }
  }

  /** Writes {@code {"queue": "agents"}}, or {@code {"timer": "PT16H", "calendar": "office"}}. */
  static final class Serializer extends StdSerializer<Performer> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(Performer.class);
    }

    @Override
    public void serialize(Performer performer, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject(performer);
      gen.writeStringField(kind(performer), performer.code());
      if (performer instanceof Performer.Timer timer && timer.calendar().isPresent()) {
        gen.writeStringField(CALENDAR, timer.calendar().get());
      }
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
      String field = Variables.firstField(p, Performer.class, "performer: " + expected);
      if (field == null) {
        throw fail(p, "performer: " + expected + ", was an empty object");
      }
      String kind = null;
      String code = null;
      String calendar = null;
      // Field order does not matter: a timer's calendar may come first.
      for (; field != null; field = p.nextFieldName()) {
        if (field.equals(CALENDAR) && calendar == null) {
          calendar = text(p, "the calendar must be a code as text");
        } else if (KINDS.contains(field) && kind == null) {
          kind = field;
          code = text(p, "the " + kind + " must be " + (kind.equals("timer") ? "an ISO-8601 duration" : "a code")
              + " as text");
        } else if (kind != null) {
          throw fail(p, "performer: more than one field after '" + kind + "'; " + expected);
        } else {
          throw fail(p, "performer: unknown kind '" + Checks.abbreviate(field) + "'; " + expected);
        }
      }
      if (kind == null) {
        throw fail(p, "performer: a calendar without a timer; " + expected);
      }
      try {
        return of(kind, code, calendar);
      } catch (IllegalArgumentException e) {
        throw fail(p, "performer: " + e.getMessage());
      }
    }

    private static String text(JsonParser p, String expected) throws IOException {
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw fail(p, "performer: " + expected + ", was " + Variables.describe(p.currentToken()));
      }
      return p.getText();
    }

    private static MismatchedInputException fail(JsonParser p, String message) {
      return MismatchedInputException.from(p, Performer.class, message);
    }
  }
}
