package io.cemkit.nps;

import java.util.Objects;

/**
 * The change of NPS between two consecutive periods (or any two ordered groups), with its test:
 * {@code comparison} compares {@code to} (as a) against {@code from} (as b), so a positive
 * difference is an improvement.
 *
 * @param <K> the key type
 * @param from the earlier period
 * @param to the later period
 * @param comparison the two-sample test of to − from
 */
public record NpsChange<K>(K from, K to, NpsComparison comparison) {
  /**
   * Checks the parts.
   *
   * @param from the earlier key
   * @param to the later key
   * @param comparison the test
   */
  public NpsChange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(comparison, "comparison");
  }

  /**
   * Whether the change is significant at a confidence level.
   *
   * @param confidence the confidence, for example 0.95
   * @return true if significant
   */
  public boolean isSignificant(double confidence) {
    return comparison.isSignificant(confidence);
  }
}
