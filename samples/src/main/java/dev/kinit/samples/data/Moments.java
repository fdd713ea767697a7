package dev.kinit.samples.data;

/**
 * The mean and variance of all the values of a batch or data set, accumulated in {@code double}.
 *
 * @param mean the mean value
 * @param variance the population variance, {@code mean of squares - mean²} (never negative)
 */
public record Moments(double mean, double variance) {

  /** The moments of every value of every row. */
  public static Moments of(float[][] rows) {
    double sum = 0;
    double squares = 0;
    long count = 0;
    for (float[] row : rows) {
      for (float v : row) {
        sum += v;
        squares += (double) v * v;
      }
      count += row.length;
    }
    double mean = sum / count;
    return new Moments(mean, Math.max(squares / count - mean * mean, 0));
  }

  /** The standard deviation, the square root of the variance. */
  public double std() {
    return Math.sqrt(variance);
  }
}
