package io.cemkit.nps.internal;

/**
 * The standard normal distribution: density, distribution function, upper tail and quantile.
 * Measured against 80-digit mpmath in the tests: relative error of the upper tail at most about
 * 1e-13 (worst just below x = 3, where the series gives way to the continued fraction), of the
 * quantile about 3e-14 — far below anything a p-value or an interval bound shows. Not supported
 * API.
 */
public final class Normal {
  private static final double INV_SQRT_2PI = 0.3989422804014327;

  private Normal() {}

  /**
   * The density φ(x).
   *
   * @param x the point
   * @return the density
   */
  public static double density(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /**
   * The distribution function Φ(x).
   *
   * @param x the point
   * @return P(Z ≤ x)
   */
  public static double cdf(double x) {
    return x >= 0 ? 1 - upperTail(x) : upperTail(-x);
  }

  /**
   * The upper tail 1 − Φ(x), accurate in relative terms far into the tail (p-values).
   *
   * @param x the point
   * @return P(Z &gt; x)
   */
  public static double upperTail(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0) {
      return 1 - upperTail(-x);
    }
    if (x < 3) {
      // Marsaglia (2004): Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …), every term positive.
      double term = x;
      double sum = x;
      double x2 = x * x;
      for (int k = 3; sum + term != sum; k += 2) {
        term *= x2 / k;
        sum += term;
      }
      return 0.5 - density(x) * sum;
    }
    if (x > 40) {
      return 0;
    }
    // Laplace's continued fraction Q(x) = φ(x)/(x + 1/(x + 2/(x + 3/(x + …)))), evaluated
    // backwards; 200 terms converge to double precision for x ≥ 3.
    double fraction = x;
    for (int k = 200; k >= 1; k--) {
      fraction = x + k / fraction;
    }
    return density(x) / fraction;
  }

  /**
   * The quantile Φ⁻¹(p): Acklam's rational approximation refined by Halley steps on the exact
   * distribution function.
   *
   * @param p a probability strictly between 0 and 1
   * @return z with Φ(z) = p
   * @throws IllegalArgumentException if p is not strictly between 0 and 1
   */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("Normal quantile needs a probability strictly between 0 and 1, was "
          + p);
    }
    double x = acklam(p);
    for (int i = 0; i < 3; i++) {
      // Work on the smaller tail so the error is relative, not absolute.
      double e = p < 0.5 ? cdf(x) - p : (1 - p) - upperTail(x);
      double u = e / density(x);
      double next = x - u / (1 + x * u / 2);
      if (next == x || Double.isNaN(next)) {
        break;
      }
      x = next;
    }
    return x;
  }

  private static double acklam(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    double low = 0.02425;
    if (p < low || p > 1 - low) {
      double q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
      double z = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
      return p < low ? z : -z;
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
