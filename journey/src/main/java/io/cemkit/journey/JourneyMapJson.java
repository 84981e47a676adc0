package io.cemkit.journey;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.cemkit.core.Cemkit;
import io.cemkit.core.internal.Checks;
import io.cemkit.core.internal.JsonErrors;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes {@link JourneyMap}s as JSON (J8), in a stable, documented schema.
 *
 * <pre>{@code
 * {
 *   "schema": "cemkit-journey/1",
 *   "title": "Switching banks",
 *   "persona": {"name": "Dana", "goal": "No needless fees", "description": "..."},
 *   "audience": "PROSPECT",
 *   "segment": "private",
 *   "stages": [{"id": "awareness", "name": "Awareness", "goal": "..."}, ...],
 *   "customEmotions": [{"name": "determined", "valence": 0.3}],
 *   "touchpoints": [
 *     {"id": "card-delivery", "stage": "onboarding", "name": "The card arrives: not the one ordered",
 *      "channel": "LETTER", "owner": "Card operations", "controlled": true, "expectedDuration": "P5D",
 *      "expectation": "The card I asked for", "emotion": "confused",
 *      "painPoints": ["..."], "opportunities": ["..."], "messages": {"second-card": "..."}}
 *   ],
 *   "steps": [
 *     {"id": "card-order-entry", "stage": "onboarding", "lane": "BACKSTAGE", "name": "...",
 *      "owner": "Card operations", "supports": ["card-delivery"], "failPoint": "..."}
 *   ]
 * }
 * }</pre>
 *
 * <p>The schema, field by field (every other field is refused):
 * <ul>
 *   <li>{@code schema}: optional on input; when present it must be {@value #SCHEMA}. Always written.
 *   <li>{@code title} (text) and {@code persona} ({@code name}, {@code goal}, optional {@code description}):
 *       required.
 *   <li>{@code audience}: {@code CUSTOMER} (the default) or {@code PROSPECT}. {@code segment}: optional code.
 *   <li>{@code stages}: optional; the six {@linkplain Stage#defaults() default stages} when absent. Each has
 *       an {@code id} (a code), optional {@code name} (by default from the id) and {@code goal}.
 *   <li>{@code customEmotions}: optional list of {@code name} (lower-case) and {@code valence} (-1 to 1).
 *   <li>{@code touchpoints}: each with {@code id} (a code), {@code stage} (one of the stages),
 *       {@code name}, {@code channel} (a core {@link io.cemkit.core.Channel} name), {@code emotion} (a named
 *       or custom emotion) required; {@code owner}, {@code controlled} (default true),
 *       {@code expectedDuration} (ISO-8601, such as {@code PT30M} or {@code P7D}), {@code expectation},
 *       {@code painPoints}, {@code opportunities} and {@code messages} (topic code to text) optional.
 *   <li>{@code steps}: each with {@code id}, {@code stage}, {@code lane} ({@code FRONTSTAGE},
 *       {@code BACKSTAGE} or {@code SUPPORT}) and {@code name} required; {@code owner}, {@code supports}
 *       (touchpoint ids) and {@code failPoint} optional.
 * </ul>
 *
 * <p>Reading is strict: malformed JSON (with its line and column), duplicate fields, unknown fields, wrong
 * JSON types, unknown enum values and missing required fields fail with an
 * {@link InvalidJourneyMapException} whose problem starts with the JSON path, e.g.
 * {@code touchpoints[2].colour: unknown field 'colour'; allowed: [channel, controlled, …]}. Such a problem
 * stops reading at the first one; a document that is well-formed field by field is then validated as a
 * whole, and every problem of the map (unknown stages and emotions, duplicate ids, empty stages …) is listed
 * at once.
 *
 * <p>{@link #write} produces the canonical form: the schema first, then the fields in the order listed
 * above (message topics in alphabetical order), every default written, absent optional fields left out, two-space indentation, {@code \n} line ends and a
 * final line end; durations of whole days as days ({@code P14D}), others as Java writes them
 * ({@code PT1H30M}). Writing a map,
 * reading it back and writing again gives the same text.
 *
 * <p>Stateless and thread-safe.
 */
public final class JourneyMapJson {
  /** The schema identifier written in, and accepted from, the {@code schema} field. */
  public static final String SCHEMA = "cemkit-journey/1";

  private static final String ROOT = JsonErrors.ROOT;
  private static final long SECONDS_PER_DAY = 86_400;
  private static final String UNKNOWN = "(unknown)";
  private static final Pattern MISSING = Pattern.compile("some of required attributes are not set (\\[.*])");
  private static final Pattern CLASS_NAME = Pattern.compile("`(?:[a-z0-9_]+\\.)+([A-Za-z0-9_$]+)`");

  private static final ObjectMapper MAPPER = mapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private JourneyMapJson() {}

  /**
   * Reads a map from JSON text.
   *
   * @param json the map, in the schema described on this class
   * @return the validated map
   * @throws InvalidJourneyMapException naming the JSON path of a malformed or unknown field, or listing
   *     every problem of a map that is well-formed but invalid
   */
  public static JourneyMap read(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return map(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  /**
   * Reads a map from a stream of JSON text, to its end; the reader is not closed.
   *
   * @param json the map, in the schema described on this class
   * @return the validated map
   * @throws InvalidJourneyMapException as {@link #read(String)} does
   * @throws UncheckedIOException if the reader fails
   */
  public static JourneyMap read(Reader json) {
    Objects.requireNonNull(json, "json");
    try {
      return map(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a map in the canonical form described on this class.
   *
   * @param map the map
   * @return the JSON text, ending with a line end
   */
  public static String write(JourneyMap map) {
    Objects.requireNonNull(map, "map");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.setAll((ObjectNode) MAPPER.valueToTree(map));
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of text, numbers and booleans always serializes; this would be a Jackson bug.
      throw new IllegalStateException("Could not write " + map, e);
    }
  }

  private static JourneyMap map(JsonNode root) {
    if (root == null || root.isMissingNode()) {
      throw new InvalidJourneyMapException(UNKNOWN, List.of(ROOT + ": the input is empty; expected a JSON object"));
    }
    if (!root.isObject()) {
      throw new InvalidJourneyMapException(UNKNOWN, List.of(ROOT + ": expected an object, was "
          + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }
    ObjectNode object = ((ObjectNode) root).deepCopy();
    JsonNode schema = object.remove("schema");
    if (schema != null && !(schema.isTextual() && schema.textValue().equals(SCHEMA))) {
      throw new InvalidJourneyMapException(title(object), List.of("schema: expected \"" + SCHEMA + "\", was "
          + Checks.abbreviate(schema.toString())));
    }
    try {
      return MAPPER.treeToValue(object, JourneyMap.class);
    } catch (JsonMappingException e) {
      throw mapping(title(object), e);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  private static String title(ObjectNode object) {
    JsonNode title = object.get("title");
    return title != null && title.isTextual() && !title.textValue().isBlank()
        ? Checks.abbreviate(title.textValue().strip()) : UNKNOWN;
  }

  private static InvalidJourneyMapException mapping(String title, JsonMappingException e) {
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof InvalidJourneyMapException invalid) {
        return invalid;
      }
    }
    String path = path(e.getPath());
    String problem;
    if (e instanceof UnrecognizedPropertyException unknown) {
      TreeSet<String> allowed = new TreeSet<>();
      unknown.getKnownPropertyIds().forEach(id -> allowed.add(String.valueOf(id)));
      problem = "unknown field '" + Checks.abbreviate(unknown.getPropertyName()) + "'; allowed: " + allowed;
    } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      problem = "'" + Checks.abbreviate(String.valueOf(format.getValue())) + "' is not one of "
          + Arrays.toString(format.getTargetType().getEnumConstants());
    } else if (e instanceof InvalidFormatException format && format.getTargetType() == Duration.class) {
      problem = "'" + Checks.abbreviate(String.valueOf(format.getValue())) + "' is not an ISO-8601 duration such as "
          + "PT30M or P7D";
    } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      problem = "expected " + expected(mismatch.getTargetType()) + (e instanceof InvalidFormatException format
          ? ", was " + (format.getValue() instanceof String text ? "\"" + Checks.abbreviate(text) + "\""
          : String.valueOf(format.getValue())) : "");
    } else {
      problem = cause(e);
    }
    return new InvalidJourneyMapException(title, List.of(path + ": " + problem));
  }

  private static String expected(Class<?> type) {
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum()) {
      return "text";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object (" + type.getSimpleName().replace("Immutable", "") + ")";
  }

  private static String cause(JsonMappingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalStateException) {
      Matcher missing = MISSING.matcher(String.valueOf(root.getMessage()));
      if (missing.find()) {
        return "missing required fields " + missing.group(1);
      }
    }
    if (root instanceof IllegalArgumentException || root instanceof IllegalStateException) {
      return root.getMessage();
    }
    return CLASS_NAME.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("$1");
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(Checks.abbreviate(r.getFieldName()));
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? ROOT : path.toString();
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper = Cemkit.objectMapper();
    // The caller opened the reader and closes it.
    mapper.configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);
    mapper.registerModule(new SimpleModule("cemkit-journey-days").addSerializer(Duration.class,
        new StdSerializer<>(Duration.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(duration(value));
          }
        }));
    return mapper;
  }

  /** Whole days as {@code P14D}, which people write, rather than Java's {@code PT336H}. */
  static String duration(Duration duration) {
    if (duration.getNano() == 0 && duration.getSeconds() % SECONDS_PER_DAY == 0 && !duration.isZero()) {
      return "P" + duration.getSeconds() / SECONDS_PER_DAY + "D";
    }
    return duration.toString();
  }

  private static InvalidJourneyMapException malformed(JsonProcessingException e) {
    return new InvalidJourneyMapException(UNKNOWN, List.of(JsonErrors.malformed(e)));
  }
}
