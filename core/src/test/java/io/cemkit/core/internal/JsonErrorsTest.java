package io.cemkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {
  private static String problem(String json) {
    return JsonErrors.malformed(catchThrowableOfType(JsonProcessingException.class,
        () -> new ObjectMapper().readTree(json)));
  }

  @Test
  @DisplayName("a parse error names the path, the line and the column, without Jackson's source description")
  void malformed() {
    assertThat(problem("{\"steps\": [1, {\"id\": }]}")).startsWith(
        "steps[1].id (line 1, column 22): malformed JSON: Unexpected character ('}'").doesNotContain("Source:");
    assertThat(problem("{\"a\":\n1,,}")).startsWith("a (line 2, column 3): malformed JSON:");
    assertThat(problem("]")).startsWith("(root) (line 1, column 1): malformed JSON:");
  }
}
