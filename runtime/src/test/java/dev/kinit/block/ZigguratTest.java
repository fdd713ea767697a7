package dev.kinit.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.DoubleTensor;
import dev.kinit.FloatTensor;
import dev.kinit.SampleStatistics;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ziggurat tables and the fast normal path of {@link BlockSampler}, on samples large enough to
 * see the rare paths, for each element type.
 *
 * <p>Tolerances for a correct sampler:
 *
 * <ul>
 *   <li>Kolmogorov–Smirnov on n = 2^22 samples: D ≤ 1.95/√n ≈ 9.5e-4 (significance 0.001);
 *   <li>on n = 2^24 samples (counted, not sorted), two shares within five binomial standard errors:
 *       the share in the outer halves of the layers' strips {@code X[i+1] <= |z| < X[i]} (about
 *       50%, ±0.06%), where nearly all of the 0.67% of proposals that the wedge test rejects lie,
 *       so that a sampler that skips the wedge test, or rejects every wedge proposal, moves it by
 *       about 0.2%, which KS does not see; and the share beyond the tail start R (2.6e-4, ±8%);
 *   <li>the Pearson correlation of the two values drawn from one 64-bit word, and of their
 *       magnitudes (which carry the layers), within five standard errors 5/√(n/2) ≈ 0.0035.
 *   <li>the wedge test against {@code y < StrictMath.exp(-x²/2)} itself, on random points of every
 *       wedge and on points within 3 ulps of the curve: no disagreement allowed.
 * </ul>
 */
class ZigguratTest {

  private static final int N = 1 << 22;
  private static final int COUNTED_FILLS = 4;

  @Test
  void layersHaveEqualAreasAndCloseAtTheTop() {
    double[] x = Ziggurat.X;
    double[] f = Ziggurat.F;
    // The base strip is the rectangle under f up to R plus the tail beyond R.
    double tail = Math.sqrt(Math.PI / 2) * SampleStatistics.erfc(Ziggurat.R / Math.sqrt(2));
    assertEquals(Ziggurat.V, Ziggurat.R * Math.exp(-0.5 * Ziggurat.R * Ziggurat.R) + tail, 1e-10);
    assertEquals(Ziggurat.V, x[0] * f[1], 1e-15);
    for (int i = 1; i < Ziggurat.LAYERS; i++) {
      assertTrue(x[i] > x[i + 1], "widths decrease at layer " + i);
      assertEquals(Math.exp(-0.5 * x[i] * x[i]), f[i], 1e-15, "F[" + i + "]");
      // For the top layer this is the closing condition: X[255] · (1 − F[255]) = V, which holds
      // only
      // if Marsaglia and Tsang's R and V are consistent.
      assertEquals(Ziggurat.V, x[i] * (f[i + 1] - f[i]), 1e-9 * Ziggurat.V, "area of layer " + i);
    }
    // 256 layers of area V cover sqrt(pi/2) and the rectangles' parts above the curve.
    assertEquals(0.9933, Math.sqrt(Math.PI / 2) / (Ziggurat.LAYERS * Ziggurat.V), 1e-4);
  }

  @Test
  void wedgeTestDecidesAsStrictMathDoes() {
    SplittableRandom random = new SplittableRandom(8);
    for (int layer = 1; layer < Ziggurat.LAYERS; layer++) {
      for (int n = 0; n < 400; n++) {
        double size = random.nextDouble(Ziggurat.X[layer + 1], Ziggurat.X[layer]);
        double x = random.nextBoolean() ? size : -size;
        double curve = StrictMath.exp(-0.5 * x * x);
        double y = random.nextDouble(Ziggurat.F[layer], Ziggurat.F[layer + 1]);
        assertEquals(
            y < curve,
            Ziggurat.underCurve(y, x, layer),
            "layer " + layer + ", x " + x + ", y " + y);
        for (int ulps = -3; ulps <= 3; ulps++) { // on the curve, where Math.exp alone could differ
          double near = curve + ulps * Math.ulp(curve);
          assertEquals(
              near < curve,
              Ziggurat.underCurve(near, x, layer),
              "layer " + layer + ", x " + x + ", " + ulps + " ulps from the curve");
        }
      }
    }
  }

  @ParameterizedTest(name = "double={0}")
  @ValueSource(booleans = {false, true})
  void largeSampleIsStandardNormal(boolean doubles) {
    SampleStatistics stats = new SampleStatistics(standardNormals(doubles));
    double d = stats.kolmogorovSmirnov(SampleStatistics.normalCdf(1));
    assertTrue(d <= 1.95 / Math.sqrt(N), "KS statistic " + d + " > " + 1.95 / Math.sqrt(N));
  }

  @ParameterizedTest(name = "double={0}")
  @ValueSource(booleans = {false, true})
  void wedgesAndTailHoldTheNormalsMass(boolean doubles) {
    BlockSampler sampler = BlockSampler.seeded(40);
    long outer = 0;
    long beyond = 0;
    for (int fill = 0; fill < COUNTED_FILLS; fill++) {
      for (double z : standardNormals(doubles, sampler)) {
        outer += inOuterHalfOfItsStrip(Math.abs(z)) ? 1 : 0;
        beyond += Math.abs(z) > Ziggurat.R ? 1 : 0;
      }
    }
    long n = (long) COUNTED_FILLS * N;
    double outerShare = 0;
    for (int i = 1; i < Ziggurat.LAYERS; i++) {
      double middle = (Ziggurat.X[i] + Ziggurat.X[i + 1]) / 2;
      outerShare += 2 * (normalCdf(Ziggurat.X[i]) - normalCdf(middle));
    }
    double tailShare = SampleStatistics.erfc(Ziggurat.R / Math.sqrt(2));
    assertEquals(
        n * outerShare,
        outer,
        5 * Math.sqrt(n * outerShare * (1 - outerShare)),
        "samples in the outer halves of the layer strips");
    assertEquals(
        n * tailShare, beyond, 5 * Math.sqrt(n * tailShare * (1 - tailShare)), "samples beyond R");
  }

  private static double normalCdf(double x) {
    return SampleStatistics.normalCdf(1).applyAsDouble(x);
  }

  private static boolean inOuterHalfOfItsStrip(double size) {
    if (size >= Ziggurat.R) {
      return false;
    }
    int outerLayer = 1; // X decreases: find the strip X[i+1] <= size < X[i]
    int innerLayer = Ziggurat.LAYERS;
    while (innerLayer - outerLayer > 1) {
      int middle = (outerLayer + innerLayer) >>> 1;
      if (Ziggurat.X[middle] > size) {
        outerLayer = middle;
      } else {
        innerLayer = middle;
      }
    }
    return size > (Ziggurat.X[outerLayer] + Ziggurat.X[innerLayer]) / 2;
  }

  @Test
  void theTwoValuesOfOneWordAreUncorrelated() {
    double[] samples = standardNormals(false);
    int pairs = N / 2;
    double[] first = new double[pairs];
    double[] second = new double[pairs];
    double[] firstSize = new double[pairs];
    double[] secondSize = new double[pairs];
    for (int k = 0; k < pairs; k++) {
      first[k] = samples[2 * k];
      second[k] = samples[2 * k + 1];
      firstSize[k] = Math.abs(first[k]);
      secondSize[k] = Math.abs(second[k]);
    }
    double limit = 5 / Math.sqrt(pairs);
    assertEquals(0, correlation(first, second), limit, "values");
    assertEquals(0, correlation(firstSize, secondSize), limit, "magnitudes");

    float[] uniform = new float[N];
    BlockSampler.sequential(77).uniform(FloatTensor.of("u", uniform), 0, 1);
    for (int k = 0; k < pairs; k++) {
      first[k] = uniform[2 * k];
      second[k] = uniform[2 * k + 1];
    }
    assertEquals(0, correlation(first, second), limit, "uniform values");
  }

  private static double[] standardNormals(boolean doubles) {
    return standardNormals(doubles, BlockSampler.seeded(doubles ? 31 : 30));
  }

  private static double[] standardNormals(boolean doubles, BlockSampler sampler) {
    double[] samples = new double[N];
    if (doubles) {
      sampler.normal(DoubleTensor.of("z", samples), 0, 1);
    } else {
      float[] floats = new float[N];
      sampler.normal(FloatTensor.of("z", floats), 0, 1);
      for (int i = 0; i < N; i++) {
        samples[i] = floats[i];
      }
    }
    return samples;
  }

  private static double correlation(double[] a, double[] b) {
    double meanA = 0;
    double meanB = 0;
    for (int i = 0; i < a.length; i++) {
      meanA += a[i];
      meanB += b[i];
    }
    meanA /= a.length;
    meanB /= b.length;
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - meanA) * (b[i] - meanB);
      aa += (a[i] - meanA) * (a[i] - meanA);
      bb += (b[i] - meanB) * (b[i] - meanB);
    }
    return ab / Math.sqrt(aa * bb);
  }
}
