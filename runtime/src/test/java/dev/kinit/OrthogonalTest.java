package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.block.BlockSampler;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code orthogonal_}: orthonormal rows or columns times the gain for every shape, the Haar
 * distribution (thanks to the sign correction), and one normal fill's worth of draws.
 */
class OrthogonalTest {

  /**
   * Rows ({@code rows <= cols}) or columns of {@code [rows][cols]} are orthonormal times the gain:
   * {@code WWᵀ = gain²·I} (or {@code WᵀW}) within 1e-5 in float, 1e-12 in double.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void rowsOrColumnsAreOrthonormalTimesTheGain(boolean doubles) {
    int[][] shapes = {{64, 32}, {32, 64}, {16, 4, 3, 3}, {7, 7}, {1, 5}, {5, 1}, {3, 15}};
    for (int[] shape : shapes) {
      int rows = shape[0];
      int cols = 1;
      for (int i = 1; i < shape.length; i++) {
        cols *= shape[i];
      }
      double[] w = fill(shape, 1.5, doubles, new SplittableRandom(rows * 31L + cols));
      boolean byRows = rows <= cols;
      int vectors = Math.min(rows, cols);
      int length = Math.max(rows, cols);
      for (int p = 0; p < vectors; p++) {
        for (int q = 0; q < vectors; q++) {
          double dot = 0;
          for (int k = 0; k < length; k++) {
            dot += byRows ? w[p * cols + k] * w[q * cols + k] : w[k * cols + p] * w[k * cols + q];
          }
          assertEquals(
              p == q ? 1.5 * 1.5 : 0,
              dot,
              doubles ? 1e-12 : 1e-5 * 1.5 * 1.5,
              java.util.Arrays.toString(shape) + " vectors " + p + ", " + q);
        }
      }
    }
  }

  /**
   * A 2×2 orthogonal matrix of Haar measure is a rotation or a reflection with equal probability,
   * its first column {@code (cos θ, sin θ)} with θ uniform on (-π, π]. Without the sign correction
   * of R's diagonal, Householder QR gives {@code q₀₀ = -sign(a₀₀)·|…|} and θ only on one half. With
   * n = 20,000 matrices: Kolmogorov–Smirnov D ≤ 1.95/√n (significance 0.001), and the rotations'
   * share within 5 standard deviations √(n/4) of n/2.
   */
  @ParameterizedTest
  @ValueSource(strings = {"splittable", "block"})
  void twoByTwoMatricesAreHaarDistributed(String sampler) {
    int n = 20_000;
    RandomGenerator random =
        sampler.equals("block") ? BlockSampler.seeded(5) : new SplittableRandom(5);
    double[] angles = new double[n];
    int rotations = 0;
    for (int i = 0; i < n; i++) {
      double[] q = fill(new int[] {2, 2}, 1, i % 2 == 0, random);
      angles[i] = Math.atan2(q[2], q[0]);
      rotations += q[0] * q[3] - q[1] * q[2] > 0 ? 1 : 0;
    }
    double ks =
        new SampleStatistics(angles)
            .kolmogorovSmirnov(x -> Math.min(1, Math.max(0, (x + Math.PI) / (2 * Math.PI))));
    assertTrue(ks <= 1.95 / Math.sqrt(n), "KS statistic of the angle " + ks);
    assertEquals(n / 2.0, rotations, 5 * Math.sqrt(n / 4.0), "rotations");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void drawsOneNormalFillOfTheMatrix(boolean doubles) {
    SplittableRandom random = new SplittableRandom(8);
    fill(new int[] {6, 2, 3}, 1, doubles, random);
    SplittableRandom expected = new SplittableRandom(8);
    for (int i = 0; i < 36; i++) {
      expected.nextGaussian();
    }
    assertEquals(expected.nextLong(), random.nextLong());

    BlockSampler block = BlockSampler.seeded(8);
    fill(new int[] {6, 2, 3}, 1, doubles, block);
    assertEquals(1, block.fills());
  }

  private static double[] fill(int[] shape, double gain, boolean doubles, RandomGenerator random) {
    int size = 1;
    for (int s : shape) {
      size *= s;
    }
    double[] values = new double[size];
    if (doubles) {
      Orthogonal.fill(DoubleTensor.of("w", values, shape), gain, random);
    } else {
      float[] floats = new float[size];
      Orthogonal.fill(FloatTensor.of("w", floats, shape), gain, random);
      for (int i = 0; i < size; i++) {
        values[i] = floats[i];
      }
    }
    return values;
  }
}
