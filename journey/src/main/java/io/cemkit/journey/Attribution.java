package io.cemkit.journey;

import java.util.List;
import java.util.Objects;

/**
 * Conversions credited to touchpoints by the first-order Markov removal effect (J6), computed exactly.
 *
 * <p>Each customer's path (start, their touchpoints up to and including the converting event, then
 * "conversion"; or all their touchpoints, then "null") feeds a transition matrix of observed frequencies.
 * The conversion probability P is the absorption probability into "conversion" from "start", found by
 * solving the absorbing chain's linear system (I − Q)x = r by Gaussian elimination with partial pivoting,
 * states in ascending touchpoint-code order — no simulation, so the result is the same on every run and
 * for every arrival order. Removing touchpoint c sends every transition into c to "null"; its removal
 * effect is RE(c) = 1 − P(without c) / P. A touchpoint's share is RE(c) / Σ RE, and its conversions are
 * share × total conversions.
 *
 * @param paths the customers (one path each)
 * @param conversions the converting customers
 * @param conversionProbability P, from 0 to 1
 * @param touchpoints every touchpoint on a path, largest removal effect first, ties by code
 */
public record Attribution(long paths, long conversions, double conversionProbability,
    List<AttributedTouchpoint> touchpoints) {
  /**
   * Copies the list.
   *
   * @param paths the paths
   * @param conversions the conversions
   * @param conversionProbability P
   * @param touchpoints the touchpoints
   */
  public Attribution {
    touchpoints = List.copyOf(Objects.requireNonNull(touchpoints, "touchpoints"));
  }

  /**
   * One touchpoint's credit.
   *
   * @param touchpoint its code
   * @param removalEffect RE, from 0 to 1
   * @param share RE over the sum of all REs (0 when that sum is 0)
   * @param conversions share × total conversions
   */
  public record AttributedTouchpoint(String touchpoint, double removalEffect, double share, double conversions) {
    /**
     * Checks the touchpoint.
     *
     * @param touchpoint its code
     * @param removalEffect RE
     * @param share the share
     * @param conversions the conversions
     */
    public AttributedTouchpoint {
      Objects.requireNonNull(touchpoint, "touchpoint");
    }
  }
}
