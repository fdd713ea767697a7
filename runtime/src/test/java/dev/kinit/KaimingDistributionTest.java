package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.block.BlockSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fills sample the right distribution: for each sampler × distribution × mode × nonlinearity ×
 * element type, one 102,400-element Conv2d weight {@code [128][32][5][5]} (fan_in 800, fan_out
 * 3200, so a mode mix-up changes the variance fourfold).
 *
 * <p>Tolerances, derived from the sample size n = 102,400, for a correct sampler:
 *
 * <ul>
 *   <li>mean: |x̄| ≤ 5 σ/√n, five standard errors of the mean;
 *   <li>variance: |s² − σ²| ≤ 5 · SE(s²), with SE(s²) = σ²·√(2/(n−1)) for a normal and √((μ₄ −
 *       σ⁴)/n) = √(4b⁴/(45n)) for U(−b, b); five standard errors (about ±2.2% of σ² here);
 *   <li>Kolmogorov–Smirnov: D ≤ 1.95/√n, the asymptotic critical value at significance 0.001.
 * </ul>
 *
 * <p>The seeds are fixed, so the outcome is deterministic; the bounds say that a correct sampler
 * passes each check for all but about one seed in a thousand (KS) or a million (moments), while a
 * wrong fan (variance ×4), a gain off by more than about 3% (variance off by 6%) or a wrong
 * distribution family fails them.
 *
 * <p>Two samplers: {@link SplittableRandom}, drawn element by element, and {@link BlockSampler}
 * (the weight spans 6.25 of its blocks, so block boundaries and the parallel path are in the
 * sample).
 */
class KaimingDistributionTest {

  private static final int[] SHAPE = {128, 32, 5, 5};

  /** The generators under test, by seed. */
  enum Sampler {
    SPLITTABLE(SplittableRandom::new),
    BLOCK(BlockSampler::seeded);

    final LongFunction<RandomGenerator> seeded;

    Sampler(LongFunction<RandomGenerator> seeded) {
      this.seeded = seeded;
    }
  }

  static List<Arguments> configurations() {
    List<Arguments> all = new ArrayList<>();
    long seed = 1;
    for (Sampler sampler : Sampler.values()) {
      for (Distribution distribution : Distribution.values()) {
        for (FanMode mode : FanMode.values()) {
          for (Nonlinearity nonlinearity :
              List.of(
                  Nonlinearity.RELU,
                  Nonlinearity.LEAKY_RELU,
                  Nonlinearity.TANH,
                  Nonlinearity.LINEAR)) {
            for (boolean doubles : new boolean[] {false, true}) {
              all.add(Arguments.of(sampler, distribution, mode, nonlinearity, doubles, seed++));
            }
          }
        }
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} double={4}")
  @MethodSource("configurations")
  void samplesHaveTheKaimingDistribution(
      Sampler sampler,
      Distribution distribution,
      FanMode mode,
      Nonlinearity nonlinearity,
      boolean doubles,
      long seed) {
    double gain = nonlinearity.gain(0.2);
    double[] samples = fill(distribution, mode, gain, doubles, sampler.seeded.apply(seed));
    SampleStatistics stats = new SampleStatistics(samples);
    int n = stats.count();
    double std = Kaiming.std(SHAPE, mode, gain);
    double variance = std * std;
    double bound = Kaiming.bound(SHAPE, mode, gain);
    boolean normal = distribution == Distribution.NORMAL;
    double varianceError =
        normal
            ? variance * Math.sqrt(2.0 / (n - 1))
            : Math.sqrt(4 * Math.pow(bound, 4) / (45.0 * n));
    DoubleUnaryOperator cdf =
        normal ? SampleStatistics.normalCdf(std) : SampleStatistics.uniformCdf(bound);

    assertAll(
        () -> assertEquals(0, stats.mean(), 5 * std / Math.sqrt(n), "mean"),
        () -> assertEquals(variance, stats.variance(), 5 * varianceError, "variance"),
        () ->
            assertTrue(
                stats.kolmogorovSmirnov(cdf) <= 1.95 / Math.sqrt(n),
                "KS statistic " + stats.kolmogorovSmirnov(cdf) + " > " + 1.95 / Math.sqrt(n)),
        () -> {
          if (!normal) {
            double limit = doubles ? bound : (float) bound;
            assertTrue(
                stats.min() >= -limit && stats.max() <= limit,
                "values in [" + stats.min() + ", " + stats.max() + "], bound " + limit);
          }
        });
  }

  private static double[] fill(
      Distribution distribution,
      FanMode mode,
      double gain,
      boolean doubles,
      RandomGenerator random) {
    int n = SHAPE[0] * SHAPE[1] * SHAPE[2] * SHAPE[3];
    double[] samples = new double[n];
    if (doubles) {
      Tensor tensor = DoubleTensor.of("weight", samples, SHAPE);
      fill(distribution, tensor, mode, gain, random);
    } else {
      float[][][][] weight = new float[SHAPE[0]][SHAPE[1]][SHAPE[2]][SHAPE[3]];
      fill(distribution, FloatTensor.of("weight", weight), mode, gain, random);
      int next = 0;
      for (float[][][] filter : weight) {
        for (float[][] channel : filter) {
          for (float[] row : channel) {
            for (float value : row) {
              samples[next++] = value;
            }
          }
        }
      }
    }
    return samples;
  }

  private static void fill(
      Distribution distribution, Tensor tensor, FanMode mode, double gain, RandomGenerator random) {
    if (distribution == Distribution.NORMAL) {
      Kaiming.normal(tensor, mode, gain, random);
    } else {
      Kaiming.uniform(tensor, mode, gain, random);
    }
  }
}
