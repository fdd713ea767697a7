package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.block.BlockSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The random fills of the vocabulary sample the right distributions: Xavier, {@code normal_},
 * {@code uniform_}, {@code trunc_normal_} on intervals of every kind (both tails, narrow ones
 * around the mean, wide ones) and Keras' {@code VarianceScaling}, each on about 100,000 elements,
 * for two samplers ({@link SplittableRandom} element by element, whose truncated normal is
 * PyTorch's inverse-CDF algorithm, and {@link BlockSampler}, whose truncated normal is rejection
 * from the ziggurat or Robert's proposals) and both element types.
 *
 * <p>The expected distribution is written here from its definition (the std from the fans, the
 * truncated normal's moments by numerical integration of its density), not taken from the code
 * under test. Tolerances, for n samples of a distribution with variance σ² and fourth central
 * moment μ₄:
 *
 * <ul>
 *   <li>mean: |x̄ − μ| ≤ 5 σ/√n, five standard errors;
 *   <li>variance: |s² − σ²| ≤ 5 √((μ₄ − σ⁴)/n), five standard errors of s²;
 *   <li>Kolmogorov–Smirnov: D ≤ 1.95/√n, the asymptotic critical value at significance 0.001;
 *   <li>support: every value within the bounds, as rounded to the element type (exact).
 * </ul>
 *
 * <p>Seeds are fixed, so the outcome is deterministic; a correct sampler passes each check for all
 * but about one seed in a thousand (KS) or a million (moments), while a wrong std, a wrong fan, an
 * untruncated sample or a truncation at the wrong place fails them.
 */
class VocabularyDistributionTest {

  private static final int[] CONV = {128, 32, 5, 5}; // fan_in 800, fan_out 3200
  private static final int[] CONV_KERAS = {5, 5, 32, 128}; // the same conv in Keras' layout
  private static final int[] DENSE_KERAS = {784, 128}; // [in][out]: fan_in 784
  private static final int[] VECTOR = {100_000};

  /** A distribution with its moments, its CDF and its support. */
  record Expected(
      String name,
      double mean,
      double variance,
      double fourth,
      DoubleUnaryOperator cdf,
      double low,
      double high) {

    static Expected normal(double mean, double std) {
      DoubleUnaryOperator standard = SampleStatistics.normalCdf(1);
      return new Expected(
          "N(" + mean + ", " + std + "²)",
          mean,
          std * std,
          3 * Math.pow(std, 4),
          x -> standard.applyAsDouble((x - mean) / std),
          Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY);
    }

    static Expected uniform(double from, double to) {
      double width = to - from;
      return new Expected(
          "U(" + from + ", " + to + ")",
          (from + to) / 2,
          width * width / 12,
          Math.pow(width, 4) / 80,
          x -> Math.min(1, Math.max(0, (x - from) / width)),
          from,
          to);
    }

    /** N(mean, std²) on [a, b]: moments by Simpson's rule on the standard normal density. */
    static Expected truncated(double mean, double std, double a, double b) {
      double lo = (a - mean) / std;
      double hi = (b - mean) / std;
      double mass = integral(lo, hi, z -> 1);
      double m1 = integral(lo, hi, z -> z) / mass;
      double m2 = integral(lo, hi, z -> (z - m1) * (z - m1)) / mass;
      double m4 = integral(lo, hi, z -> Math.pow(z - m1, 4)) / mass;
      DoubleUnaryOperator phi = SampleStatistics.normalCdf(1);
      double phiLo = phi.applyAsDouble(lo);
      double phiMass = phi.applyAsDouble(hi) - phiLo;
      return new Expected(
          "N(" + mean + ", " + std + "²) on [" + a + ", " + b + "]",
          mean + std * m1,
          std * std * m2,
          Math.pow(std, 4) * m4,
          x -> Math.min(1, Math.max(0, (phi.applyAsDouble((x - mean) / std) - phiLo) / phiMass)),
          a,
          b);
    }

    /** ∫ f(z)·exp(-z²/2) dz over [lo, hi] (the 1/√(2π) cancels in every ratio above). */
    private static double integral(double lo, double hi, DoubleUnaryOperator f) {
      int steps = 20_000;
      double h = (hi - lo) / steps;
      double sum = 0;
      for (int i = 0; i <= steps; i++) {
        double z = lo + i * h;
        double weight = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
        sum += weight * f.applyAsDouble(z) * StrictMath.exp(-z * z / 2);
      }
      return sum * h / 3;
    }
  }

  static List<Arguments> cases() {
    double xavierStd = 5.0 / 3 * Math.sqrt(2.0 / (800 + 3200));
    double xavierBound = Math.sqrt(6.0 / (800 + 3200));
    double heStd = Math.sqrt(2.0 / 784) / 0.87962566103423978;
    List<Object[]> fills =
        List.of(
            new Object[] {Init.xavierNormal(5.0 / 3), CONV, Expected.normal(0, xavierStd)},
            new Object[] {Init.xavierUniform(1), CONV, Expected.uniform(-xavierBound, xavierBound)},
            new Object[] {
              Init.xavierUniform(WeightLayout.KERAS, 1),
              CONV_KERAS,
              Expected.uniform(-xavierBound, xavierBound)
            },
            new Object[] {Init.normal(0.1, 0.02), VECTOR, Expected.normal(0.1, 0.02)},
            new Object[] {Init.uniform(-0.3, 0.1), VECTOR, Expected.uniform(-0.3, 0.1)},
            new Object[] {
              Init.truncatedNormal(0, 0.02, -0.04, 0.04),
              VECTOR,
              Expected.truncated(0, 0.02, -0.04, 0.04)
            },
            new Object[] {
              Init.truncatedNormal(0.5, 0.3, 0, 1), VECTOR, Expected.truncated(0.5, 0.3, 0, 1)
            },
            new Object[] {
              Init.truncatedNormal(0, 1, 1.5, 4), VECTOR, Expected.truncated(0, 1, 1.5, 4)
            },
            new Object[] {
              Init.truncatedNormal(0, 1, -5, -2.5), VECTOR, Expected.truncated(0, 1, -5, -2.5)
            },
            new Object[] {
              Init.truncatedNormal(0, 1, 2.5, 2.6), VECTOR, Expected.truncated(0, 1, 2.5, 2.6)
            },
            new Object[] {
              Init.truncatedNormal(2, 0.5, 1.9, 2.2), VECTOR, Expected.truncated(2, 0.5, 1.9, 2.2)
            },
            new Object[] {
              VarianceScaling.heNormal(WeightLayout.KERAS),
              DENSE_KERAS,
              Expected.truncated(0, heStd, -2 * heStd, 2 * heStd)
            },
            new Object[] {
              Init.varianceScaling(
                  1, ScalingMode.FAN_AVG, ScalingDistribution.UNIFORM, WeightLayout.TORCH),
              CONV,
              Expected.uniform(-Math.sqrt(3.0 / 2000), Math.sqrt(3.0 / 2000))
            },
            new Object[] {
              Init.varianceScaling(
                  1,
                  ScalingMode.FAN_OUT,
                  ScalingDistribution.UNTRUNCATED_NORMAL,
                  WeightLayout.KERAS),
              new int[] {3, 3, 64, 128}, // fan_out 9 · 128
              Expected.normal(0, Math.sqrt(1.0 / 1152))
            });
    List<Arguments> all = new ArrayList<>();
    long seed = 100;
    for (Object[] fill : fills) {
      for (KaimingDistributionTest.Sampler sampler : KaimingDistributionTest.Sampler.values()) {
        for (boolean doubles : new boolean[] {false, true}) {
          all.add(Arguments.of(fill[0], fill[1], fill[2], sampler, doubles, seed++));
        }
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0} {2} {3} double={4}")
  @MethodSource("cases")
  void samplesHaveTheDistribution(
      Init init,
      int[] shape,
      Expected expected,
      KaimingDistributionTest.Sampler sampler,
      boolean doubles,
      long seed) {
    int n = java.util.Arrays.stream(shape).reduce(1, (x, y) -> x * y);
    double[] samples = new double[n];
    Tensor tensor;
    float[] floats = null;
    if (doubles) {
      tensor = DoubleTensor.of("w", samples, shape);
    } else {
      floats = new float[n];
      tensor = FloatTensor.of("w", floats, shape);
    }
    init.fill(tensor, sampler.seeded.apply(seed));
    if (floats != null) {
      for (int i = 0; i < n; i++) {
        samples[i] = floats[i];
      }
    }
    SampleStatistics stats = new SampleStatistics(samples);
    double std = Math.sqrt(expected.variance());
    double varianceError =
        Math.sqrt((expected.fourth() - expected.variance() * expected.variance()) / n);
    double low = doubles ? expected.low() : (float) expected.low();
    double high = doubles ? expected.high() : (float) expected.high();
    double ks = stats.kolmogorovSmirnov(expected.cdf());
    assertAll(
        () -> assertEquals(expected.mean(), stats.mean(), 5 * std / Math.sqrt(n), "mean"),
        () -> assertEquals(expected.variance(), stats.variance(), 5 * varianceError, "variance"),
        () -> assertTrue(ks <= 1.95 / Math.sqrt(n), "KS statistic " + ks),
        () ->
            assertTrue(
                stats.min() >= low && stats.max() <= high,
                "values in ["
                    + stats.min()
                    + ", "
                    + stats.max()
                    + "], support "
                    + low
                    + ", "
                    + high));
  }
}
