package io.cemkit.core;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.cemkit.core.internal.TextOnlyDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Entry point to cemkit's shared facilities.
 *
 * <p>{@link #objectMapper()} returns a Jackson mapper that reads and writes every cemkit value type.
 * It is strict on input: unknown fields, duplicate fields, wrong JSON types (a number where text,
 * a date, an instant, a duration or a boolean is expected, and text where a number is expected),
 * numbers for enums, trailing tokens and missing required fields all fail with a
 * {@link com.fasterxml.jackson.core.JacksonException} naming the field. It never enables
 * default typing: polymorphic values use fixed type names, never class names from the input.
 */
public final class Cemkit {
  private static final ObjectMapper TEMPLATE = configure(JsonMapper.builder().build());

  private Cemkit() {}

  /**
   * A new mapper configured for cemkit's value types. Each call returns an independent copy, so
   * callers may configure it further without affecting others.
   *
   * @return a new mapper
   */
  public static ObjectMapper objectMapper() {
    return TEMPLATE.copy();
  }

  /**
   * A copy of the host's mapper, configured for cemkit's value types. The host's mapper itself is
   * never changed; the copy has default typing turned off and the same strictness as
   * {@link #objectMapper()}.
   *
   * @param base the host's mapper
   * @return a configured copy
   */
  public static ObjectMapper objectMapper(ObjectMapper base) {
    Objects.requireNonNull(base, "base");
    return configure(base.copy());
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    // A host's mapper may have default typing on; cemkit's never reads class names from input.
    mapper.deactivateDefaultTyping();
    mapper.setConfig(mapper.getSerializationConfig().with(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY));
    mapper.setConfig(mapper.getDeserializationConfig().with(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY));
    // Only annotated accessors are properties: derived queries such as Money.isZero() are not.
    mapper.setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE);
    mapper.setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
    mapper.registerModule(new Jdk8Module());
    mapper.registerModule(new JavaTimeModule());
    mapper.registerModule(new SimpleModule("cemkit-strict-time")
        .addDeserializer(Instant.class, new TextOnlyDeserializer<>(Instant.class, InstantDeserializer.INSTANT))
        .addDeserializer(Duration.class, new TextOnlyDeserializer<>(Duration.class, DurationDeserializer.INSTANCE))
        .addDeserializer(LocalDate.class, new TextOnlyDeserializer<>(LocalDate.class, LocalDateDeserializer.INSTANCE)));
    mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    mapper.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    mapper.configure(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature(), true);
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    // Dates, instants and durations are written as ISO-8601 text; refuse epoch numbers on input.
    mapper.setDefaultLeniency(false);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }
}
