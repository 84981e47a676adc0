package io.cemkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cemkit.core.Cemkit;
import io.cemkit.core.CustomerId;
import io.cemkit.core.Money;
import io.cemkit.core.ProcessInstanceId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The closed set of variable types: checked where variables enter, and kept exactly through JSON. */
class VariablesTest {
  private static final String ALLOWED =
      "allowed types: String, Boolean, Integer, Long, Double (finite), BigDecimal, Instant, LocalDate, Duration, Money";
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final CustomerId DANA = CustomerId.of("C-DANA");

  private static final ObjectMapper PLAIN =
      JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule()).build();

  private static final ObjectMapper MAPPER = Cemkit.objectMapper();

  private static ProcessInstance instance(Map<String, Object> variables) {
    return new ProcessInstance(ProcessInstanceId.of("P-1"), "p", 1, DANA, Optional.empty(), InstanceStatus.COMPLETED,
        Optional.empty(), Optional.empty(), Optional.empty(), variables, T0, Optional.of(T0));
  }

  private static Map<String, Object> roundTrip(ObjectMapper m, Map<String, Object> variables) throws Exception {
    return m.readValue(m.writeValueAsString(instance(variables)), ProcessInstance.class).variables();
  }

  /** A ProcessInstance whose variables are the given JSON. */
  private static String withVariables(String variables) {
    return "{\"id\":\"P-1\",\"processKey\":\"p\",\"version\":1,\"customer\":\"C-DANA\",\"status\":\"COMPLETED\","
        + "\"startedAt\":\"2026-03-02T09:00:00Z\",\"variables\":" + variables + "}";
  }

  // --- every type, with edge values ---------------------------------------------------------------

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("moving abroad", "{\"string\":\"moving abroad\"}"),
        Arguments.of("", "{\"string\":\"\"}"),
        Arguments.of("quote \" backslash \\ tab \t nul \u0000 emoji \uD83D\uDE00 é",
            "{\"string\":\"quote \\\" backslash \\\\ tab \\t nul \\u0000 emoji \uD83D\uDE00 é\"}"),
        Arguments.of(true, "{\"boolean\":true}"),
        Arguments.of(false, "{\"boolean\":false}"),
        Arguments.of(10, "{\"int\":10}"),
        Arguments.of(Integer.MIN_VALUE, "{\"int\":-2147483648}"),
        Arguments.of(Integer.MAX_VALUE, "{\"int\":2147483647}"),
        Arguments.of(10L, "{\"long\":10}"),
        Arguments.of(Long.MAX_VALUE, "{\"long\":9223372036854775807}"),
        Arguments.of(Long.MIN_VALUE, "{\"long\":-9223372036854775808}"),
        Arguments.of(10.0, "{\"double\":10.0}"),
        Arguments.of(-0.0, "{\"double\":-0.0}"),
        Arguments.of(0.1, "{\"double\":0.1}"),
        Arguments.of(Double.MIN_VALUE, "{\"double\":4.9E-324}"),
        Arguments.of(Double.MAX_VALUE, "{\"double\":1.7976931348623157E308}"),
        Arguments.of(new BigDecimal("12.50"), "{\"decimal\":\"12.50\"}"),
        Arguments.of(new BigDecimal("0.000"), "{\"decimal\":\"0.000\"}"),
        Arguments.of(new BigDecimal("1E+3"), "{\"decimal\":\"1E+3\"}"),
        Arguments.of(new BigDecimal("-123456789012345678901234567890.123456789"),
            "{\"decimal\":\"-123456789012345678901234567890.123456789\"}"),
        Arguments.of(Instant.parse("2026-03-02T09:00:00.123456789Z"), "{\"instant\":\"2026-03-02T09:00:00.123456789Z\"}"),
        Arguments.of(Instant.EPOCH, "{\"instant\":\"1970-01-01T00:00:00Z\"}"),
        Arguments.of(Instant.MIN, "{\"instant\":\"-1000000000-01-01T00:00:00Z\"}"),
        Arguments.of(Instant.MAX, "{\"instant\":\"+1000000000-12-31T23:59:59.999999999Z\"}"),
        Arguments.of(LocalDate.of(2026, 3, 2), "{\"date\":\"2026-03-02\"}"),
        Arguments.of(LocalDate.MIN, "{\"date\":\"-999999999-01-01\"}"),
        Arguments.of(LocalDate.MAX, "{\"date\":\"+999999999-12-31\"}"),
        Arguments.of(Duration.ofDays(400), "{\"duration\":\"PT9600H\"}"),
        Arguments.of(Duration.ofMillis(-500), "{\"duration\":\"PT-0.5S\"}"),
        Arguments.of(Duration.ofSeconds(-1, 1), "{\"duration\":\"PT-0.999999999S\"}"),
        Arguments.of(Duration.ZERO, "{\"duration\":\"PT0S\"}"),
        Arguments.of(Duration.ofSeconds(Long.MIN_VALUE), "{\"duration\":\"PT-2562047788015215H-30M-8S\"}"),
        Arguments.of(Money.of("9.9", "EUR"), "{\"money\":{\"amount\":9.90,\"currency\":\"EUR\"}}"),
        Arguments.of(Money.of("-1000", "JPY"), "{\"money\":{\"amount\":-1000,\"currency\":\"JPY\"}}"),
        Arguments.of(Money.of("1.234", "BHD"), "{\"money\":{\"amount\":1.234,\"currency\":\"BHD\"}}"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("values")
  @DisplayName("each allowed type is written with its tag and read back equal and of the same class")
  void eachTypeRoundTrips(Object value, String json) throws Exception {
    String written = MAPPER.writeValueAsString(instance(Map.of("v", value)));
    assertThat(written).contains("\"variables\":{\"v\":" + json + "}");
    Object back = MAPPER.readValue(written, ProcessInstance.class).variables().get("v");
    assertSoftly(s -> {
      s.assertThat(back).as("value").isEqualTo(value);
      s.assertThat(back).as("class").isExactlyInstanceOf(value instanceof Money ? back.getClass() : value.getClass());
    });
  }

  @Test
  @DisplayName("a decimal keeps its scale and a long stays a long, where plain JSON would lose both")
  void typesThatPlainJsonLoses() throws Exception {
    Map<String, Object> back = roundTrip(MAPPER, Map.of("fee", new BigDecimal("12.50"), "days", 10L,
        "ratio", 2.0, "due", LocalDate.of(2026, 3, 2)));
    assertThat(back.get("fee")).isEqualTo(new BigDecimal("12.50"));
    assertThat(((BigDecimal) back.get("fee")).scale()).isEqualTo(2);
    assertThat(back.get("days")).isEqualTo(10L).isInstanceOf(Long.class);
    assertThat(back.get("ratio")).isEqualTo(2.0).isInstanceOf(Double.class);
    assertThat(back.get("due")).isEqualTo(LocalDate.of(2026, 3, 2));
  }

  @Test
  @DisplayName("variables are written sorted by name whatever the map's order")
  void sortedByName() throws Exception {
    Map<String, Object> reversed = new LinkedHashMap<>();
    reversed.put("z", 1);
    reversed.put("a", 2);
    String json = Cemkit.objectMapper().disable(com.fasterxml.jackson.databind.SerializationFeature
        .ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(instance(reversed));
    assertThat(json).contains("\"variables\":{\"a\":{\"int\":2},\"z\":{\"int\":1}}");
  }

  // --- seeded random maps -------------------------------------------------------------------------

  static LongStream seeds() {
    return LongStream.range(0, 100);
  }

  private static final List<Function<SplittableRandom, Object>> GENERATORS = List.of(
      VariablesTest::randomString,
      r -> r.nextBoolean(),
      r -> r.nextInt(4) == 0 ? pick(r, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1) : r.nextInt(),
      r -> r.nextInt(4) == 0 ? pick(r, Long.MIN_VALUE, Long.MAX_VALUE, 0L, 10L) : r.nextLong(),
      VariablesTest::randomDouble,
      r -> new BigDecimal(new BigInteger(r.nextInt(1, 200), new java.util.Random(r.nextLong()))
          .multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)), r.nextInt(-40, 60)),
      r -> Instant.ofEpochSecond(r.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond() + 1),
          r.nextInt(4) == 0 ? 0 : r.nextInt(1_000_000_000)),
      r -> LocalDate.ofEpochDay(r.nextLong(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay() + 1)),
      r -> Duration.ofSeconds(r.nextInt(3) == 0 ? r.nextLong() : r.nextLong(-1_000_000, 1_000_000),
          r.nextInt(3) == 0 ? 0 : r.nextInt(1_000_000_000)),
      r -> {
        String currency = pick(r, "EUR", "JPY", "BHD", "USD");
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Money.of(BigDecimal.valueOf(r.nextLong(-10_000_000_000L, 10_000_000_000L), digits),
            Currency.getInstance(currency));
      });

  @SafeVarargs
  private static <T> T pick(SplittableRandom r, T... choices) {
    return choices[r.nextInt(choices.length)];
  }

  private static Object randomDouble(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> pick(r, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL);
      case 1 -> (double) r.nextInt(-1000, 1000);
      default -> {
        double d;
        do {
          d = Double.longBitsToDouble(r.nextLong());
        } while (!Double.isFinite(d));
        yield d;
      }
    };
  }

  private static String randomString(SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    int length = r.nextInt(0, 30);
    while (s.length() < length) {
      int cp = switch (r.nextInt(4)) {
        case 0 -> r.nextInt(0, 0x80);
        case 1 -> r.nextInt(0x80, 0xD800);
        case 2 -> r.nextInt(0xE000, 0x10000);
        default -> r.nextInt(0x10000, 0x110000);
      };
      s.appendCodePoint(cp);
    }
    return s.toString();
  }

  private static String randomName(SplittableRandom r) {
    String first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    String rest = first + "-_.:/";
    StringBuilder name = new StringBuilder().append(first.charAt(r.nextInt(first.length())));
    int length = r.nextInt(4) == 0 ? 128 : r.nextInt(1, 20);
    while (name.length() < length) {
      name.append(rest.charAt(r.nextInt(rest.length())));
    }
    return name.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("a random map of storable variables reads back equal, value for value and class for class")
  void randomVariablesRoundTrip(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    Map<String, Object> variables = new HashMap<>();
    int count = r.nextInt(0, 15);
    for (int i = 0; i < count; i++) {
      variables.put(randomName(r), GENERATORS.get(r.nextInt(GENERATORS.size())).apply(r));
    }
    ProcessInstance instance = instance(variables);
    for (ObjectMapper m : List.of(MAPPER, PLAIN)) {
      ProcessInstance fromText = m.readValue(m.writeValueAsString(instance), ProcessInstance.class);
      ProcessInstance fromBytes = m.readValue(m.writeValueAsBytes(instance), ProcessInstance.class);
      assertThat(fromText.variables()).as("seed %d, text", seed).isEqualTo(variables);
      assertThat(fromBytes.variables()).as("seed %d, UTF-8 bytes", seed).isEqualTo(variables);
      fromText.variables().forEach((name, value) -> assertThat(value.getClass()).as("class of %s", name)
          .isEqualTo(variables.get(name).getClass()));
    }
  }

  // --- the check where variables enter ------------------------------------------------------------

  /** A BigDecimal subclass, which would come back as a plain BigDecimal. */
  private static final class SpecialDecimal extends BigDecimal {
    private static final long serialVersionUID = 1L;

    SpecialDecimal() {
      super("1.5");
    }
  }

  private enum Colour { RED }

  static Stream<Arguments> disallowed() {
    return Stream.of(
        Arguments.of(new Date(0), "java.util.Date"),
        Arguments.of(1.5f, "java.lang.Float"),
        Arguments.of((short) 1, "java.lang.Short"),
        Arguments.of((byte) 1, "java.lang.Byte"),
        Arguments.of('c', "java.lang.Character"),
        Arguments.of(BigInteger.TEN, "java.math.BigInteger"),
        Arguments.of(LocalDateTime.of(2026, 3, 2, 9, 0), "java.time.LocalDateTime"),
        Arguments.of(ZonedDateTime.parse("2026-03-02T09:00:00Z"), "java.time.ZonedDateTime"),
        Arguments.of(List.of(1, 2), "java.util.ImmutableCollections$List12"),
        Arguments.of(new ArrayList<>(List.of("a")), "java.util.ArrayList"),
        Arguments.of(Map.of("a", 1), "java.util.ImmutableCollections$Map1"),
        Arguments.of(Optional.of(1), "java.util.Optional"),
        Arguments.of(Colour.RED, "io.cemkit.workflow.VariablesTest$Colour"),
        Arguments.of(DANA, "io.cemkit.core.CustomerId"),
        Arguments.of(new SpecialDecimal(), "io.cemkit.workflow.VariablesTest$SpecialDecimal"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("disallowed")
  @DisplayName("StartRequest refuses a value of another type, naming the variable, its class and the allowed types")
  void startRequestRefusesType(Object value, String className) {
    StartRequest request = StartRequest.of("p", DANA, "k");
    assertThatThrownBy(() -> request.with("due", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("StartRequest variable 'due' holds a " + className + ", which cannot be stored; " + ALLOWED);
    Map<String, Object> variables = Map.of("due", value);
    assertThatThrownBy(() -> new StartRequest("p", Optional.empty(), DANA, Optional.empty(), variables, "k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("StartRequest variable 'due' holds a " + className + ", which cannot be stored; " + ALLOWED);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("disallowed")
  @DisplayName("StepResult refuses a value of another type, naming the variable, its class and the allowed types")
  void stepResultRefusesType(Object value, String className) {
    String message = "StepResult variable 'due' holds a " + className + ", which cannot be stored; " + ALLOWED;
    assertThatThrownBy(() -> StepResult.of("ok").with("due", value))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> StepResult.of("ok", Map.of("due", value)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> instance(Map.of("due", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ProcessInstance variable 'due' holds a " + className + ", which cannot be stored; " + ALLOWED);
  }

  @Test
  @DisplayName("a Double that is not finite is refused")
  void nonFiniteDoubleRefused() {
    for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> StepResult.of("ok").with("ratio", d)).as("%s", d)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("StepResult variable 'ratio' holds the Double " + d + ", which cannot be stored; a Double must "
              + "be finite");
    }
  }

  @Test
  @DisplayName("variable names are codes: 1 to 128 letters, digits and - _ . : /, no spaces or control characters")
  void namesChecked() {
    StartRequest request = StartRequest.of("p", DANA, "k");
    assertThat(request.with("suspended-from.date:v2/x_y", 1).variables()).containsEntry("suspended-from.date:v2/x_y",
        1);
    assertThat(request.with("a".repeat(128), 1).variables()).containsKey("a".repeat(128));
    assertThatThrownBy(() -> request.with("", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("StartRequest variable name must be 1 to 128 characters, was 0");
    assertThatThrownBy(() -> request.with("a".repeat(129), 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("StartRequest variable name must be 1 to 128 characters, was 129");
    assertThatThrownBy(() -> request.with("two words", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("StartRequest variable name has an invalid character U+0020 at index 3 of 9");
    assertThatThrownBy(() -> StepResult.of("ok").with("a\nb", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("StepResult variable name has an invalid character U+000A at index 1 of 3");
    assertThatThrownBy(() -> StepResult.of("ok").with("-a", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("StepResult variable name has an invalid character '-' at index 0 of 2");
  }

  @Test
  @DisplayName("a null name or value is refused with a NullPointerException naming it")
  void nullsRefused() {
    Map<String, Object> nullValue = new HashMap<>();
    nullValue.put("due", null);
    assertThatThrownBy(() -> StepResult.of("ok", nullValue)).isInstanceOf(NullPointerException.class)
        .hasMessage("StepResult variable 'due' is null");
    Map<String, Object> nullName = new HashMap<>();
    nullName.put(null, 1);
    assertThatThrownBy(() -> StepResult.of("ok", nullName)).isInstanceOf(NullPointerException.class)
        .hasMessage("StepResult: a variable name is null");
    assertThatThrownBy(() -> StartRequest.of("p", DANA, "k").with("due", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("value");
  }

  @Test
  @DisplayName("every allowed type is accepted where variables enter")
  void allowedTypesAccepted() {
    Map<String, Object> all = new HashMap<>();
    values().forEach(a -> all.put("v" + all.size(), a.get()[0]));
    StartRequest request = new StartRequest("p", Optional.empty(), DANA, Optional.empty(), all, "k");
    assertThat(request.variables()).isEqualTo(all);
    assertThat(StepResult.of("ok", all).variables()).isEqualTo(all);
  }

  // --- rejections on reading ----------------------------------------------------------------------

  static Stream<Arguments> badVariables() {
    String tags = "[string, boolean, int, long, double, decimal, instant, date, duration, money]";
    return Stream.of(
        Arguments.of("{\"days\":{\"integer\":10}}", "variable 'days': unknown type tag 'integer'; expected exactly one "
            + "of " + tags),
        Arguments.of("{\"days\":{\"java.lang.Integer\":10}}", "variable 'days': unknown type tag 'java.lang.Integer'"),
        Arguments.of("{\"days\":{\"int\":10,\"long\":10}}", "variable 'days': more than one key ('int' and 'long')"),
        Arguments.of("{\"days\":{}}", "variable 'days': the object has no type tag; expected exactly one of " + tags),
        Arguments.of("{\"days\":10}", "variable 'days': expected an object with one type tag such as {\"int\": 10}, "
            + "was a whole number"),
        Arguments.of("{\"days\":null}", "variable 'days': expected an object with one type tag such as {\"int\": 10}, "
            + "was null"),
        Arguments.of("{\"days\":[10]}", "was an array"),
        Arguments.of("{\"days\":{\"int\":\"10\"}}", "variable 'days': the value of 'int' must be a whole number, was "
            + "text"),
        Arguments.of("{\"days\":{\"int\":1.5}}", "variable 'days': the value of 'int' must be a whole number, was a "
            + "number with a fraction or an exponent"),
        Arguments.of("{\"days\":{\"int\":null}}", "the value of 'int' must be a whole number, was null"),
        Arguments.of("{\"days\":{\"int\":2147483648}}", "variable 'days': the number is outside the range of an int"),
        Arguments.of("{\"days\":{\"long\":9223372036854775808}}", "variable 'days': the number is outside the range "
            + "of a long"),
        Arguments.of("{\"ratio\":{\"double\":1e400}}", "variable 'ratio': the number is outside the range of a finite "
            + "double"),
        Arguments.of("{\"ratio\":{\"double\":\"NaN\"}}", "the value of 'double' must be a finite number, was text"),
        Arguments.of("{\"fee\":{\"decimal\":12.50}}", "variable 'fee': the value of 'decimal' must be a decimal number "
            + "as text, such as \"12.50\", was a number with a fraction or an exponent"),
        Arguments.of("{\"fee\":{\"decimal\":\"twelve\"}}", "variable 'fee': the text is not a decimal number"),
        Arguments.of("{\"due\":{\"instant\":\"yesterday\"}}", "variable 'due': the text is not an ISO-8601 Instant"),
        Arguments.of("{\"due\":{\"instant\":1772442000}}", "the value of 'instant' must be ISO-8601 text"),
        Arguments.of("{\"due\":{\"date\":\"2026-02-30\"}}", "variable 'due': the text is not an ISO-8601 LocalDate"),
        Arguments.of("{\"wait\":{\"duration\":\"3 days\"}}", "variable 'wait': the text is not an ISO-8601 Duration"),
        Arguments.of("{\"ok\":{\"boolean\":\"true\"}}", "variable 'ok': the value of 'boolean' must be true or false"),
        Arguments.of("{\"ok\":{\"string\":true}}", "variable 'ok': the value of 'string' must be text, was true or "
            + "false"),
        Arguments.of("{\"fee\":{\"money\":{\"amount\":\"9.90\",\"currency\":\"EUR\"}}}", "variable 'fee': the value "
            + "of 'money' must be an object such as {\"amount\": 9.90, \"currency\": \"EUR\"}, found 'amount' with text"),
        Arguments.of("{\"fee\":{\"money\":{\"amount\":9.90}}}", "found no 'currency'"),
        Arguments.of("{\"fee\":{\"money\":{\"currency\":\"EUR\"}}}", "found no 'amount'"),
        Arguments.of("{\"fee\":{\"money\":{\"amount\":9.9,\"currency\":\"EUR\",\"x\":1}}}", "found 'x' with a whole "
            + "number"),
        Arguments.of("{\"fee\":{\"money\":{\"amount\":9.999,\"currency\":\"EUR\"}}}", "variable 'fee': Money amount "
            + "9.999 has more decimal places than EUR allows"),
        Arguments.of("{\"fee\":{\"money\":{\"amount\":9.9,\"currency\":\"XYZ\"}}}", "variable 'fee': Unknown ISO 4217 "
            + "currency code 'XYZ'"),
        Arguments.of("{\"two words\":{\"int\":1}}", "ProcessInstance variable name has an invalid character U+0020"),
        Arguments.of("{\"\":{\"int\":1}}", "ProcessInstance variable name must be 1 to 128 characters, was 0"),
        Arguments.of("[]", "variables: expected an object of tagged values such as {\"days\": {\"int\": 10}}, was an "
            + "array"),
        Arguments.of("\"days\"", "was text"),
        Arguments.of("null", "variables: expected an object of tagged values, was null"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badVariables")
  @DisplayName("malformed variables are refused with a JsonMappingException naming the variable and the problem")
  void badVariablesRefused(String variables, String message) {
    assertThatThrownBy(() -> MAPPER.readValue(withVariables(variables), ProcessInstance.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("the variables JSON used by the rejection tests is itself valid")
  void validVariablesRead() throws Exception {
    assertThat(MAPPER.readValue(withVariables("{\"days\":{\"int\":10},\"ratio\":{\"double\":1}}"),
        ProcessInstance.class).variables()).isEqualTo(Map.of("days", 10, "ratio", 1.0));
  }

  @Test
  @DisplayName("missing variables are refused: the field is required")
  void missingVariablesRefused() {
    String json = withVariables("{}").replace(",\"variables\":{}", "");
    assertThatThrownBy(() -> MAPPER.readValue(json, ProcessInstance.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("Missing required creator property 'variables'");
  }

  @Test
  @DisplayName("a name given twice is refused, by the library's parser or, for a lenient MAPPER, by the codec")
  void duplicateNameRefused() {
    String json = withVariables("{\"days\":{\"int\":1},\"days\":{\"long\":2}}");
    assertThatThrownBy(() -> MAPPER.readValue(json, ProcessInstance.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Duplicate field 'days'");
    assertThatThrownBy(() -> PLAIN.readValue(json, ProcessInstance.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("variable 'days' appears more than once");
  }

  /** A holder that bypasses ProcessInstance's check, to reach the writer's own. */
  record Holder(@JsonSerialize(using = Variables.Serializer.class) Map<String, Object> variables) {}

  @Test
  @DisplayName("writing a value of another type fails with a JsonMappingException naming the variable")
  void writerRefusesOtherTypes() {
    assertThatThrownBy(() -> PLAIN.writeValueAsString(new Holder(Map.of("due", new Date(0)))))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("variable 'due' holds a java.util.Date, which cannot be stored; " + ALLOWED);
    Map<String, Object> nullValue = new HashMap<>();
    nullValue.put("due", null);
    assertThatThrownBy(() -> PLAIN.writeValueAsString(new Holder(nullValue)))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("variable 'due' is null");
    JsonNode empty = PLAIN.valueToTree(new Holder(Map.of()));
    assertThat(empty.toString()).isEqualTo("{\"variables\":{}}");
  }
}
