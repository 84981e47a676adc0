package io.cemkit.nps;

import java.util.Objects;

/**
 * One group of a breakdown: its key, its tally, its estimate (n, score, error, intervals) and
 * whether it meets the minimum sample.
 *
 * @param <K> the key type
 * @param key the group's key
 * @param tally its answers
 * @param estimate its figures
 * @param sufficient whether n reaches the minimum sample
 */
public record NpsGroup<K>(K key, NpsTally tally, NpsEstimate estimate, boolean sufficient) {
  /**
   * Checks the parts.
   *
   * @param key the key
   * @param tally the tally
   * @param estimate the estimate
   * @param sufficient the flag
   */
  public NpsGroup {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(tally, "tally");
    Objects.requireNonNull(estimate, "estimate");
  }
}
