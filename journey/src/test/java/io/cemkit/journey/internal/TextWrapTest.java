package io.cemkit.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextWrapTest {

  @Test
  @DisplayName("breaks at spaces, hyphenates words longer than a line, and cuts with an ellipsis")
  void lines() {
    assertThat(TextWrap.lines("The credit card arrives: not the card she ordered", 19, 5))
        .containsExactly("The credit card", "arrives: not the", "card she ordered");
    assertThat(TextWrap.lines("Supercalifragilistic", 8, 5)).containsExactly("Superca-", "lifragi-", "listic");
    assertThat(TextWrap.lines("one two three four", 7, 2)).containsExactly("one two", "three\u2026");
    assertThat(TextWrap.lines("abcdefg hij", 7, 1)).containsExactly("abcdef\u2026");
    assertThat(TextWrap.lines("  many   spaces\n\there ", 40, 3)).containsExactly("many spaces here");
    assertThat(TextWrap.lines("", 10, 2)).containsExactly("");
  }

  @Test
  @DisplayName("seeded random texts: no line is longer than the width, and no more lines than allowed")
  void bounds() {
    Random random = new Random(11);
    for (int i = 0; i < 500; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = random.nextInt(12); w >= 0; w--) {
        text.append("x".repeat(1 + random.nextInt(30))).append(' ');
      }
      int width = 2 + random.nextInt(30);
      int max = 1 + random.nextInt(5);
      assertThat(TextWrap.lines(text.toString(), width, max)).hasSizeBetween(1, max)
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
    }
  }

  @Test
  @DisplayName("durations read as people say them")
  void human() {
    assertThat(HtmlPage.human(java.time.Duration.ofMinutes(20))).isEqualTo("20 min");
    assertThat(HtmlPage.human(java.time.Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
    assertThat(HtmlPage.human(java.time.Duration.ofDays(7))).isEqualTo("7 days");
    assertThat(HtmlPage.human(java.time.Duration.ofHours(52))).isEqualTo("2 days 4 h");
    assertThat(HtmlPage.human(java.time.Duration.ofDays(1).plusMinutes(5))).isEqualTo("1 day");
    assertThat(HtmlPage.human(java.time.Duration.ZERO)).isEqualTo("none");
    assertThat(HtmlPage.human(java.time.Duration.ofSeconds(30))).isEqualTo("under a minute");
  }
}
