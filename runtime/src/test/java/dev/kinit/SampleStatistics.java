package dev.kinit;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** Sample moments and the Kolmogorov–Smirnov statistic, for the distribution tests. */
public final class SampleStatistics {
  /** Numerical Recipes' {@code erfcc} coefficients, lowest power of t first. */
  private static final double[] ERFCC = {
    -1.26551223,
    1.00002368,
    0.37409196,
    0.09678418,
    -0.18628806,
    0.27886807,
    -1.13520398,
    1.48851587,
    -0.82215223,
    0.17087277
  };

  private final double[] sorted;
  private final double mean;
  private final double variance;

  public SampleStatistics(double[] samples) {
    sorted = samples.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double x : samples) {
      sum += x;
    }
    mean = sum / samples.length;
    double squares = 0;
    for (double x : samples) {
      squares += (x - mean) * (x - mean);
    }
    variance = squares / (samples.length - 1);
  }

  public int count() {
    return sorted.length;
  }

  public double mean() {
    return mean;
  }

  public double variance() {
    return variance;
  }

  public double min() {
    return sorted[0];
  }

  public double max() {
    return sorted[sorted.length - 1];
  }

  /** sup |F_n(x) − F(x)| over the sample, for a continuous CDF {@code cdf}. */
  public double kolmogorovSmirnov(DoubleUnaryOperator cdf) {
    int n = sorted.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = cdf.applyAsDouble(sorted[i]);
      d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
    }
    return d;
  }

  /** The CDF of {@code N(0, std²)}. */
  public static DoubleUnaryOperator normalCdf(double std) {
    return x -> 0.5 * erfc(-x / (std * Math.sqrt(2)));
  }

  /** The CDF of {@code U(-bound, bound)}. */
  public static DoubleUnaryOperator uniformCdf(double bound) {
    return x -> Math.min(1, Math.max(0, (x + bound) / (2 * bound)));
  }

  /**
   * The complementary error function, from Numerical Recipes' {@code erfcc} (Chebyshev fit,
   * relative error below 1.2e-7 everywhere): far below the 1e-3 scale of the KS statistics it
   * feeds.
   */
  public static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double polynomial = 0;
    for (int i = ERFCC.length - 1; i >= 0; i--) {
      polynomial = polynomial * t + ERFCC[i];
    }
    double r = t * Math.exp(-z * z + polynomial);
    return x >= 0 ? r : 2 - r;
  }
}
