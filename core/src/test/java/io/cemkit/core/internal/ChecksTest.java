package io.cemkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared input checks: their edges, and messages that name the offending character but never the value. */
class ChecksTest {
  @Test
  @DisplayName("text refuses control characters anywhere, naming the code point and index, but allows line breaks and tabs")
  void textControlCharacters() {
    assertThat(Checks.text("note", "line one\nline two\r\n\tend", 100)).isEqualTo("line one\nline two\r\n\tend");
    assertThatThrownBy(() -> Checks.text("note", "ab\u0007c", 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("note must not contain control characters (found U+0007 at index 2)");
    assertThatThrownBy(() -> Checks.text("note", "\u0000", 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("note must not contain control characters (found U+0000 at index 0)");
    assertThatThrownBy(() -> Checks.text("note", "end\u007f", 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("note must not contain control characters (found U+007F at index 3)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "z", "A", "Z", "0", "9", "az-AZ_09.x:y/z"})
  @DisplayName("codes accept the first and last letter and digit of each range")
  void codeRangeEdges(String code) {
    assertThat(Checks.code("id", code)).isEqualTo(code);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "`x|'`' at index 0 of 2",
      "{x|'{' at index 0 of 2",
      "@x|'@' at index 0 of 2",
      "[x|'[' at index 0 of 2",
      "/x|'/' at index 0 of 2",
      ":x|':' at index 0 of 2",
      "-x|'-' at index 0 of 2",
      "x!|'!' at index 1 of 2",
      "x~|'~' at index 1 of 2",
      "x y|U+0020 at index 1 of 3",
      "x\u007f|U+007F at index 1 of 2",
      "x\u00e9|U+00E9 at index 1 of 2"})
  @DisplayName("codes refuse the character just outside each range, shown quoted if printable, else as U+XXXX")
  void codeRefusals(String code, String where) {
    assertThatThrownBy(() -> Checks.code("id", code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id has an invalid character " + where + "; allowed are letters, digits and - _ . : / (not first)");
  }

  @Test
  @DisplayName("codes are 1 to 128 characters")
  void codeLength() {
    assertThat(Checks.code("id", "x".repeat(128))).hasSize(128);
    assertThatThrownBy(() -> Checks.code("id", "x".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("id must be 1 to 128 characters, was 129");
    assertThatThrownBy(() -> Checks.code("id", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("id must be 1 to 128 characters, was 0");
  }

  @Test
  @DisplayName("abbreviate keeps up to 64 characters and cuts longer values to 61 plus an ellipsis")
  void abbreviate() {
    String sixtyFour = "a".repeat(64);
    assertThat(Checks.abbreviate(sixtyFour)).isEqualTo(sixtyFour);
    assertThat(Checks.abbreviate(sixtyFour + "b")).isEqualTo("a".repeat(61) + "...");
  }
}
