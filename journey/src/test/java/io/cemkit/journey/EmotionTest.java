package io.cemkit.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmotionTest {

  @Test
  @DisplayName("the eight named emotions, best to worst, with their valences and Mermaid scores")
  void named() {
    assertThat(Emotion.named()).extracting(Emotion::name, Emotion::valence, Emotion::mermaidScore).containsExactly(
        tuple("excited", 1.0, 5), tuple("happy", 0.7, 4), tuple("indifferent", 0.0, 3), tuple("bored", -0.2, 2),
        tuple("impatient", -0.4, 2), tuple("embarrassed", -0.5, 1), tuple("confused", -0.6, 1),
        tuple("angry", -1.0, 0));
    assertThat(Emotion.named("confused")).contains(Emotion.CONFUSED);
    assertThat(Emotion.named("determined")).isEmpty();
    assertThat(Emotion.ANGRY).hasToString("angry (-1.00)");
  }

  @ParameterizedTest(name = "valence {0} -> score {1}")
  @CsvSource({"-1, 0", "-0.81, 0", "-0.8, 1", "-0.41, 1", "-0.4, 2", "-0.01, 2", "0, 3", "0.39, 3", "0.4, 4",
      "0.79, 4", "0.8, 5", "1, 5"})
  @DisplayName("the Mermaid score bands: 2.5 × (valence + 1) rounded half up")
  void bands(double valence, int score) {
    assertThat(Emotion.of("custom", valence).mermaidScore()).isEqualTo(score);
  }

  @Test
  @DisplayName("seeded random valences: the score is an integer 0–5 that never decreases as the valence rises")
  void scoreIsMonotoneAndClamped() {
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      double a = random.nextDouble() * 2 - 1;
      double b = random.nextDouble() * 2 - 1;
      int sa = Emotion.of("a", a).mermaidScore();
      int sb = Emotion.of("b", b).mermaidScore();
      assertThat(sa).isBetween(0, 5);
      if (a <= b) {
        assertThat(sa).as("score(%s) <= score(%s)", a, b).isLessThanOrEqualTo(sb);
      }
      assertThat(Math.abs(sa - 2.5 * (a + 1))).as("valence %s", a).isLessThanOrEqualTo(0.5 + 1e-9);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
  @DisplayName("a valence outside [-1, 1] is refused, naming the emotion and the value")
  void badValence(double valence) {
    assertThatThrownBy(() -> Emotion.of("relieved", valence)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Emotion.valence of 'relieved' must be within [-1, 1], was " + valence);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Angry", "1st", "so sad", "sad!", "-sad"})
  @DisplayName("a name that is not lower-case letters, digits and '-' starting with a letter is refused")
  void badName(String name) {
    assertThatThrownBy(() -> Emotion.of(name, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Emotion.name must be 1 to 64 lower-case letters, digits and '-', starting with a letter; was '"
            + name + "'");
  }
}
