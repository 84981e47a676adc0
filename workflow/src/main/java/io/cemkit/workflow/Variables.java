package io.cemkit.workflow;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.cemkit.core.Money;
import io.cemkit.core.internal.Checks;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Process variables: the closed set of types a variable may hold, the check where variables enter
 * ({@link StartRequest}, {@link StepResult}, {@link ProcessInstance}), and their type-preserving JSON
 * form, one tagged object per value: {@code {"days": {"int": 10}, "fee": {"decimal": "12.50"}}}.
 *
 * <p>Package-private: hosts never name it. They meet the check as an {@link IllegalArgumentException}
 * and the codec through the Jackson annotations on {@link ProcessInstance#variables()}, which work
 * with any mapper that has the {@code Jdk8Module} and the {@code JavaTimeModule}.
 *
 * <p>Messages name the variable, the tag and the problem but never echo a value: variables may hold
 * personal data, as {@link ProcessInstance#toString()} says.
 */
final class Variables {

  // A constant expression, so the enum's constants may use it while this class is being initialized.
  private static final String MONEY_SHAPE = "an object such as {\"amount\": 9.90, \"currency\": \"EUR\"}";

  /** The allowed types, as error messages list them. */
  static final String ALLOWED = Arrays.stream(Type.values()).map(t -> t.javaName).collect(Collectors.joining(", "));

  private static final Map<String, Type> BY_TAG = Arrays.stream(Type.values())
      .collect(Collectors.toUnmodifiableMap(t -> t.tag, Function.identity()));
  private static final List<String> TAGS = Arrays.stream(Type.values()).map(t -> t.tag).toList();
  private static final Map<Class<?>, Type> BY_CLASS = Arrays.stream(Type.values())
      .collect(Collectors.toUnmodifiableMap(t -> t.javaType, Function.identity()));

  private Variables() {}

  /**
   * Checks every name and value and copies the map.
   *
   * @param owner who receives the variables, for the messages ({@code StartRequest})
   * @param variables the variables
   * @return an unmodifiable copy
   * @throws IllegalArgumentException naming the variable if a name is not a code or a value is not of
   *     an allowed type (or a non-finite {@link Double})
   * @throws NullPointerException if the map, a name or a value is null
   */
  static Map<String, Object> check(String owner, Map<String, Object> variables) {
    Objects.requireNonNull(variables, "variables");
    variables.forEach((name, value) -> {
      checkName(owner, name);
      Objects.requireNonNull(value, () -> owner + " variable '" + name + "' is null");
      String problem = problem(value);
      if (problem != null) {
        throw new IllegalArgumentException(owner + " variable '" + name + "' " + problem);
      }
    });
    return Map.copyOf(variables);
  }

  /**
   * Checks a variable's name: a code of 1 to 128 letters, digits and {@code - _ . : /}, as step ids and
   * outcomes are, so it is a safe JSON key and JSON path segment.
   *
   * @param owner who receives the variable, for the message
   * @param name the name
   * @return the name
   */
  static String checkName(String owner, String name) {
    Objects.requireNonNull(name, () -> owner + ": a variable name is null");
    return Checks.code(owner + " variable name", name);
  }

  /** Why a non-null value cannot be stored, or null if it can. */
  private static String problem(Object value) {
    Type type = Type.of(value);
    if (type == null) {
      return "holds a " + value.getClass().getName() + ", which cannot be stored; allowed types: " + ALLOWED;
    }
    if (type == Type.DOUBLE && !Double.isFinite((Double) value)) {
      return "holds the Double " + value + ", which cannot be stored; a Double must be finite";
    }
    return null;
  }

  /** One storable type: its tag in JSON, how it is written and how it is read. */
  private enum Type {
    STRING("string", String.class, "text", Variables::writeText, JsonParser::getText, JsonToken.VALUE_STRING),
    BOOLEAN("boolean", Boolean.class, "true or false", (value, gen) -> gen.writeBoolean((Boolean) value),
        JsonParser::getBooleanValue, JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE),
    INT("int", Integer.class, "a whole number", (value, gen) -> gen.writeNumber((Integer) value),
        p -> inRange(p, p.getNumberType() == JsonParser.NumberType.INT, "an int").getIntValue(),
        JsonToken.VALUE_NUMBER_INT),
    LONG("long", Long.class, "a whole number", (value, gen) -> gen.writeNumber((Long) value),
        p -> inRange(p, p.getNumberType() != JsonParser.NumberType.BIG_INTEGER, "a long").getLongValue(),
        JsonToken.VALUE_NUMBER_INT),
    DOUBLE("double", Double.class, "a finite number", (value, gen) -> gen.writeNumber((Double) value),
        p -> inRange(p, Double.isFinite(p.getDoubleValue()), "a finite double").getDoubleValue(),
        JsonToken.VALUE_NUMBER_FLOAT, JsonToken.VALUE_NUMBER_INT),
    // Text, so that the scale survives any JSON store (12.50 stays 12.50); toString is exact.
    DECIMAL("decimal", BigDecimal.class, "a decimal number as text, such as \"12.50\"", Variables::writeText,
        p -> parse(p, BigDecimal::new, "a decimal number"), JsonToken.VALUE_STRING),
    INSTANT("instant", Instant.class, "ISO-8601 text, such as \"2026-03-02T09:00:00Z\"", Variables::writeText,
        p -> parse(p, Instant::parse, "an ISO-8601 Instant"), JsonToken.VALUE_STRING),
    DATE("date", LocalDate.class, "ISO-8601 text, such as \"2026-03-02\"", Variables::writeText,
        p -> parse(p, LocalDate::parse, "an ISO-8601 LocalDate"), JsonToken.VALUE_STRING),
    DURATION("duration", Duration.class, "ISO-8601 text, such as \"PT12H\"", Variables::writeText,
        p -> parse(p, Duration::parse, "an ISO-8601 Duration"), JsonToken.VALUE_STRING),
    MONEY("money", Money.class, MONEY_SHAPE, Variables::writeMoney, Variables::readMoney, JsonToken.START_OBJECT);

    final String tag;
    final Class<?> javaType;
    final String javaName;
    /** What the tag's value must be in JSON, for messages. */
    final String shape;
    final Writer writer;
    /** Reads the value at the parser's current token, one of {@link #tokens}, and stays at its last token. */
    final Reader reader;
    final List<JsonToken> tokens;

    Type(String tag, Class<?> javaType, String shape, Writer writer, Reader reader, JsonToken... tokens) {
      this.tag = tag;
      this.javaType = javaType;
      this.javaName = javaType == Double.class ? "Double (finite)" : javaType.getSimpleName();
      this.shape = shape;
      this.writer = writer;
      this.reader = reader;
      this.tokens = List.of(tokens);
    }

    /** The type of a value, or null if it is not storable. */
    static Type of(Object value) {
      if (value instanceof Money) {
        // Money's implementation is its generated subclass.
        return MONEY;
      }
      // Exact classes only: a subclass of BigDecimal would come back as a plain BigDecimal.
      return BY_CLASS.get(value.getClass());
    }
  }

  /** Writes a value as JSON. */
  @FunctionalInterface
  private interface Writer {
    void write(Object value, JsonGenerator gen) throws IOException;
  }

  /** Reads a value from JSON; throws {@link IllegalArgumentException} for a value out of the type's range. */
  @FunctionalInterface
  private interface Reader {
    Object read(JsonParser p) throws IOException;
  }

  private static void writeText(Object value, JsonGenerator gen) throws IOException {
    gen.writeString(value.toString());
  }

  private static JsonParser inRange(JsonParser p, boolean inRange, String type) {
    if (!inRange) {
      throw new IllegalArgumentException("the number is outside the range of " + type);
    }
    return p;
  }

  private static Object parse(JsonParser p, Function<String, Object> parser, String type) throws IOException {
    try {
      return parser.apply(p.getText());
    } catch (NumberFormatException | DateTimeException e) {
      throw new IllegalArgumentException("the text is not " + type, e);
    }
  }

  // Money's JSON form elsewhere in cemkit, written and read here so that it does not depend on how the
  // host's mapper treats Money's other accessors.
  private static void writeMoney(Object value, JsonGenerator gen) throws IOException {
    Money money = (Money) value;
    gen.writeStartObject();
    gen.writeNumberField("amount", money.amount());
    gen.writeStringField("currency", money.currency().getCurrencyCode());
    gen.writeEndObject();
  }

  private static Object readMoney(JsonParser p) throws IOException {
    BigDecimal amount = null;
    String currency = null;
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      JsonToken token = p.nextToken();
      if (field.equals("amount") && amount == null && token.isNumeric()) {
        amount = p.getDecimalValue();
      } else if (field.equals("currency") && currency == null && token == JsonToken.VALUE_STRING) {
        currency = p.getText();
      } else {
        throw new IllegalArgumentException("the value of 'money' must be " + MONEY_SHAPE + ", found '"
            + Checks.abbreviate(field) + "' with " + describe(token));
      }
    }
    if (amount == null || currency == null) {
      throw new IllegalArgumentException("the value of 'money' must be " + MONEY_SHAPE + ", found no '"
          + (amount == null ? "amount" : "currency") + "'");
    }
    return Money.of(amount, Money.currency(currency));
  }

  /** Writes variables as tagged values, sorted by name, so the same variables give the same text. */
  static final class Serializer extends StdSerializer<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(Map.class, false);
    }

    @Override
    public void serialize(Map<String, Object> variables, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject(variables);
      for (Map.Entry<String, Object> variable : new TreeMap<>(variables).entrySet()) {
        String name = variable.getKey();
        Object value = variable.getValue();
        String problem = value == null ? "is null" : problem(value);
        if (problem != null) {
          provider.reportMappingProblem("%s", "variable '" + Checks.abbreviate(name) + "' " + problem);
        }
        gen.writeFieldName(name);
        gen.writeStartObject();
        Type type = Type.of(value);
        gen.writeFieldName(type.tag);
        type.writer.write(value, gen);
        gen.writeEndObject();
      }
      gen.writeEndObject();
    }

    // Written even when empty: the field is required on reading, whatever the host's inclusion setting.
    @Override
    public boolean isEmpty(SerializerProvider provider, Map<String, Object> value) {
      return false;
    }
  }

  /**
   * Reads tagged values strictly: every problem (an unknown tag, more than one key, a value of the
   * wrong JSON type or out of range, an invalid name, a repeated name) fails with a
   * {@link MismatchedInputException} that names the variable.
   */
  static final class Deserializer extends StdDeserializer<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(Map.class);
    }

    @Override
    public Map<String, Object> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String name = firstField(p, Map.class,
          "variables: expected an object of tagged values such as {\"days\": {\"int\": 10}}");
      Map<String, Object> variables = new LinkedHashMap<>();
      for (; name != null; name = p.nextFieldName()) {
        try {
          checkName("ProcessInstance", name);
        } catch (IllegalArgumentException e) {
          throw fail(p, e.getMessage());
        }
        if (variables.containsKey(name)) {
          throw fail(p, "variable '" + name + "' appears more than once");
        }
        variables.put(name, value(p, name));
      }
      return variables;
    }

    private static Object value(JsonParser p, String name) throws IOException {
      String expected = "exactly one of " + TAGS;
      JsonToken token = p.nextToken();
      if (token != JsonToken.START_OBJECT) {
        throw fail(p, "variable '" + name + "': expected an object with one type tag such as {\"int\": 10}, was "
            + describe(token));
      }
      String tag = p.nextFieldName();
      if (tag == null) {
        throw fail(p, "variable '" + name + "': the object has no type tag; expected " + expected);
      }
      Type type = BY_TAG.get(tag);
      if (type == null) {
        throw fail(p, "variable '" + name + "': unknown type tag '" + Checks.abbreviate(tag) + "'; expected "
            + expected);
      }
      token = p.nextToken();
      if (!type.tokens.contains(token)) {
        throw fail(p, "variable '" + name + "': the value of '" + tag + "' must be " + type.shape + ", was "
            + describe(token));
      }
      Object value;
      try {
        value = type.reader.read(p);
      } catch (IllegalArgumentException e) {
        throw fail(p, "variable '" + name + "': " + e.getMessage());
      }
      token = p.nextToken();
      if (token == JsonToken.FIELD_NAME) {
        throw fail(p, "variable '" + name + "': more than one key ('" + tag + "' and '"
            + Checks.abbreviate(p.currentName()) + "'); expected " + expected);
      }
      if (token != JsonToken.END_OBJECT) {
        throw fail(p, "variable '" + name + "': expected the end of the tagged value, was " + describe(token));
      }
      return value;
    }

    @Override
    public Map<String, Object> getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      throw fail(ctxt.getParser(), "variables: expected an object of tagged values, was null");
    }

    private static MismatchedInputException fail(JsonParser p, String message) {
      return MismatchedInputException.from(p, Map.class, message);
    }
  }

  /**
   * The name of the first field of the object the parser is at, which may already be past the
   * object's start (Jackson hands over buffered objects so), or null if the object is empty.
   *
   * @param p the parser
   * @param type the type being read, for the exception
   * @param expected what was expected, for the message if the parser is not at an object
   * @return the name, or null
   * @throws IOException a {@link MismatchedInputException} if the parser is not at an object
   */
  static String firstField(JsonParser p, Class<?> type, String expected) throws IOException {
    if (p.currentToken() == JsonToken.START_OBJECT) {
      return p.nextFieldName();
    }
    if (p.currentToken() == JsonToken.FIELD_NAME) {
      return p.currentName();
    }
    throw MismatchedInputException.from(p, type, expected + ", was " + describe(p.currentToken()));
  }

  /**
   * A JSON token as an error message names it.
   *
   * @param token the token, or null at the end of the input
   * @return for example {@code text} or {@code a number}
   */
  static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case VALUE_STRING -> "text";
      case VALUE_NUMBER_INT -> "a whole number";
      case VALUE_NUMBER_FLOAT -> "a number with a fraction or an exponent";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
