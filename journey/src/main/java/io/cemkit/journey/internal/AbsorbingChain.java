package io.cemkit.journey.internal;

/**
 * The probability of absorption into "conversion" of a Markov chain with transient states 0..n-1, by
 * solving (I − Q)x = r with Gaussian elimination and partial pivoting in a fixed state order, so the same
 * counts always give the same bits. Not supported API.
 */
public final class AbsorbingChain {
  private AbsorbingChain() {}

  /**
   * Absorption probabilities into conversion.
   *
   * @param counts transition counts between transient states, {@code counts[i][j]}
   * @param toConversion counts from each state into conversion
   * @param toNull counts from each state into null
   * @param removed a state to turn into null (every transition into it is lost), or -1
   * @return the probability of conversion from each state (0 for states without outgoing transitions and
   *     for the removed one)
   */
  public static double[] conversion(long[][] counts, long[] toConversion, long[] toNull, int removed) {
    int n = toConversion.length;
    double[][] a = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      long out = toConversion[i] + toNull[i];
      for (int j = 0; j < n; j++) {
        out += counts[i][j];
      }
      a[i][i] = 1;
      if (out == 0 || i == removed) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        if (j != removed && counts[i][j] != 0) {
          a[i][j] -= (double) counts[i][j] / out;
        }
      }
      a[i][n] = (double) toConversion[i] / out;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      double p = a[col][col];
      if (p == 0) {
        continue;
      }
      for (int r = 0; r < n; r++) {
        if (r != col && a[r][col] != 0) {
          double f = a[r][col] / p;
          for (int c = col; c <= n; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = a[i][i] == 0 ? 0 : Math.min(1, Math.max(0, a[i][n] / a[i][i]));
    }
    return x;
  }
}
