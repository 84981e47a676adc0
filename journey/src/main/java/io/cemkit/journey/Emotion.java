package io.cemkit.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the customer feels at a touchpoint (J2): a name and a valence from -1 (worst) to +1 (best), on the
 * same scale as core's {@link io.cemkit.core.Sentiment} score so that a designed emotion can later be set
 * against observed sentiment.
 *
 * <p>The eight emotions of the source article ship as constants, in its order:
 * <table>
 *   <caption>The named emotions</caption>
 *   <tr><th>emotion</th><th>valence</th><th>Mermaid score</th></tr>
 *   <tr><td>{@code excited}</td><td>+1.0</td><td>5</td></tr>
 *   <tr><td>{@code happy}</td><td>+0.7</td><td>4</td></tr>
 *   <tr><td>{@code indifferent}</td><td>0.0</td><td>3</td></tr>
 *   <tr><td>{@code bored}</td><td>-0.2</td><td>2</td></tr>
 *   <tr><td>{@code impatient}</td><td>-0.4</td><td>2</td></tr>
 *   <tr><td>{@code embarrassed}</td><td>-0.5</td><td>1</td></tr>
 *   <tr><td>{@code confused}</td><td>-0.6</td><td>1</td></tr>
 *   <tr><td>{@code angry}</td><td>-1.0</td><td>0</td></tr>
 * </table>
 *
 * <p>A map may declare custom emotions ({@code determined}, {@code relieved} …) with their own valence;
 * their names must not repeat a named one. Names are 1 to 64 lower-case letters, digits and {@code -},
 * starting with a letter.
 *
 * <p>{@link #mermaidScore()} maps the valence to Mermaid's 0–5 integer score: 2.5 × (valence + 1) rounded
 * half up, computed as the number of the band limits -0.8, -0.4, 0, 0.4 and 0.8 that the valence reaches,
 * so that no rounding error of the multiplication can move an emotion to the next band.
 */
@Value.Immutable
@JsonPropertyOrder({"name", "valence"})
@JsonSerialize(as = ImmutableEmotion.class)
@JsonDeserialize(as = ImmutableEmotion.class)
public abstract class Emotion {
  /** Thrilled, looking forward: valence +1.0. */
  public static final Emotion EXCITED = of("excited", 1.0);
  /** Content, things went well: valence +0.7. */
  public static final Emotion HAPPY = of("happy", 0.7);
  /** Neither good nor bad: valence 0. */
  public static final Emotion INDIFFERENT = of("indifferent", 0.0);
  /** Nothing happens, time drags: valence -0.2. */
  public static final Emotion BORED = of("bored", -0.2);
  /** Waiting longer than expected: valence -0.4. */
  public static final Emotion IMPATIENT = of("impatient", -0.4);
  /** Made to feel awkward or at fault: valence -0.5. */
  public static final Emotion EMBARRASSED = of("embarrassed", -0.5);
  /** Does not understand what happens or what to do: valence -0.6. */
  public static final Emotion CONFUSED = of("confused", -0.6);
  /** Wronged, ready to leave: valence -1.0. */
  public static final Emotion ANGRY = of("angry", -1.0);

  private static final List<Emotion> NAMED = List.of(EXCITED, HAPPY, INDIFFERENT, BORED, IMPATIENT, EMBARRASSED,
      CONFUSED, ANGRY);
  private static final double[] BAND_LIMITS = {-0.8, -0.4, 0.0, 0.4, 0.8};
  private static final int MAX_NAME = 64;

  Emotion() {}

  /**
   * The emotion's name, the key touchpoints refer to it by.
   *
   * @return 1 to 64 lower-case letters, digits and {@code -}, starting with a letter
   */
  @JsonProperty("name")
  @Value.Parameter
  public abstract String name();

  /**
   * How good or bad it feels.
   *
   * @return from -1 (worst) to +1 (best)
   */
  @JsonProperty("valence")
  @Value.Parameter
  public abstract double valence();

  /**
   * An emotion.
   *
   * @param name the name
   * @param valence from -1 to +1
   * @return the emotion
   * @throws IllegalArgumentException if the name is not a lower-case name of at most 64 characters or the
   *     valence is outside [-1, 1] or not a number
   */
  public static Emotion of(String name, double valence) {
    return ImmutableEmotion.of(name, valence);
  }

  /**
   * The eight named emotions, from the best to the worst.
   *
   * @return excited, happy, indifferent, bored, impatient, embarrassed, confused, angry
   */
  public static List<Emotion> named() {
    return NAMED;
  }

  /**
   * The named emotion with this name.
   *
   * @param name a name
   * @return the named emotion, or empty if there is none (a custom emotion is not found here)
   */
  public static Optional<Emotion> named(String name) {
    Objects.requireNonNull(name, "name");
    return NAMED.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /**
   * The score Mermaid's {@code journey} diagram draws: 2.5 × (valence + 1) rounded half up, clamped to the
   * integers 0 to 5 (see the class description for the bands).
   *
   * @return 0 (worst) to 5 (best)
   */
  public int mermaidScore() {
    int score = 0;
    for (double limit : BAND_LIMITS) {
      if (valence() >= limit) {
        score++;
      }
    }
    return score;
  }

  @Value.Check
  void check() {
    String name = name();
    Checks.check(!name.isEmpty() && name.length() <= MAX_NAME && name.charAt(0) >= 'a' && name.charAt(0) <= 'z'
            && name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'),
        "Emotion.name must be 1 to %d lower-case letters, digits and '-', starting with a letter; was '%s'",
        MAX_NAME, Checks.abbreviate(name));
    Checks.check(!Double.isNaN(valence()) && valence() >= -1 && valence() <= 1,
        "Emotion.valence of '%s' must be within [-1, 1], was %s", name, valence());
  }

  /** E.g. {@code angry (-1.00)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%+.2f)", name(), valence());
  }
}
