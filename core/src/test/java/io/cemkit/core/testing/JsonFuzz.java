package io.cemkit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The body the modules' JSON fuzz tests share: a fuzzed input names a value type on its first line and holds
 * that type's JSON after it. Only a {@link JacksonException} may escape the read (the documented failure of the
 * library's mapper); a value that is read must write, read back equal, and write the same text again.
 */
public final class JsonFuzz {
  private final ObjectMapper mapper;
  private final List<Class<?>> types;
  private final Map<String, Class<?>> byName;
  private final int maxBytes;

  private JsonFuzz(ObjectMapper mapper, List<Class<?>> types, int maxBytes) {
    this.mapper = mapper;
    this.types = List.copyOf(types);
    this.byName = this.types.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName,
        Function.identity()));
    this.maxBytes = maxBytes;
  }

  /**
   * A fuzz body over the given types.
   *
   * @param mapper the mapper under test
   * @param types the types read from JSON; an input's first line names one by its simple name (any other
   *     first line picks one by its hash, so the fuzzer reaches every type)
   * @param maxBytes the longest input tried; longer ones are skipped, so only small inputs are fuzzed
   * @return the body
   */
  public static JsonFuzz of(ObjectMapper mapper, List<Class<?>> types, int maxBytes) {
    return new JsonFuzz(mapper, types, maxBytes);
  }

  /**
   * The type an input's first line names.
   *
   * @param name the first line
   * @return the type of that simple name, or one picked by the line's hash
   */
  public Class<?> type(String name) {
    Class<?> type = byName.get(name.strip());
    return type != null ? type : types.get(Math.floorMod(name.hashCode(), types.size()));
  }

  /**
   * Reads one fuzzed input and checks what was read.
   *
   * @param input the fuzzer's bytes, taken as UTF-8
   * @throws Exception anything but a {@link JacksonException} from the read, which fails the fuzz test
   */
  public void readOrRefuse(byte[] input) throws Exception {
    if (input.length > maxBytes) {
      return;
    }
    String text = new String(input, StandardCharsets.UTF_8);
    int lineEnd = text.indexOf('\n');
    Class<?> type = type(lineEnd < 0 ? "" : text.substring(0, lineEnd));
    Object value;
    try {
      value = mapper.readValue(text.substring(lineEnd + 1), type);
    } catch (JacksonException e) {
      return;
    }
    if (value == null) {
      // The JSON literal null, which Jackson reads as null for every type.
      return;
    }
    assertThat(value).isInstanceOf(type);
    String written = mapper.writeValueAsString(value);
    Object back = mapper.readValue(written, type);
    assertThat(back).as(written).isEqualTo(value);
    assertThat(mapper.writeValueAsString(back)).isEqualTo(written);
  }
}
