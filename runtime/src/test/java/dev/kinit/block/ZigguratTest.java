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
        assertDecidedNearTheCurve(x, layer); // where Math.exp alone could differ
      }
    }
  }

  /** Points within 3 ulps of the curve above {@code x} are decided as StrictMath decides them. */
  private static void assertDecidedNearTheCurve(double x, int layer) {
    double curve = StrictMath.exp(-0.5 * x * x);
    for (int ulps = -3; ulps <= 3; ulps++) {
      double near = curve + ulps * Math.ulp(curve);
      assertEquals(
          near < curve,
          Ziggurat.underCurve(near, x, layer),
          "layer " + layer + ", x " + x + ", " + ulps + " ulps from the curve");
    }
  }

  @Test
  void wedgeTestDecidesAsStrictMathDoesAtTheEndsOfEachWedge() {
    // At both ends of a wedge the curve meets its chord and one of its tangents, so a point within
    // a few ulps of the curve there is within rounding of the squeeze lines too.
    for (int layer = 1; layer < Ziggurat.LAYERS; layer++) {
      double inner = Ziggurat.X[layer + 1];
      double outer = Ziggurat.X[layer];
      double[] sizes = {
        inner, Math.nextUp(inner), inner + 1e-13, outer - 1e-13, Math.nextDown(outer)
      };
      for (double size : sizes) {
        assertDecidedNearTheCurve(size, layer);
        assertDecidedNearTheCurve(-size, layer);
      }
    }
  }

  @Test
  void tailSamplesAreTheNormalBeyondRWithTheProposalsSign() {
    // Kolmogorov-Smirnov against P(|Z| <= z | |Z| > R) on n = 2^16: D <= 1.95/sqrt(n) = 0.0076
    // (significance 0.001); R + Exp(R) without Marsaglia's acceptance step is 0.037 away.
    int n = 1 << 16;
    SplitMix stream = SplitMix.seeded(19);
    double[] sizes = new double[n];
    for (int i = 0; i < n; i++) {
      double proposal = (i % 2 == 0 ? 0.999 : -0.999) * Ziggurat.X[0]; // layer 0, beyond R
      double z = Ziggurat.settle(proposal, 0, stream);
      assertTrue(z * proposal > 0, "a tail sample " + z + " on the side of its proposal");
      sizes[i] = Math.abs(z);
    }
    double tail = SampleStatistics.erfc(Ziggurat.R / Math.sqrt(2));
    double d =
        new SampleStatistics(sizes)
            .kolmogorovSmirnov(
                z -> z <= Ziggurat.R ? 0 : 1 - SampleStatistics.erfc(z / Math.sqrt(2)) / tail);
    assertTrue(d <= 1.95 / Math.sqrt(n), "KS statistic " + d);
  }

  /**
   * The ziggurat of the class comment written out plainly, with {@code StrictMath.exp} for the
   * wedge test and the block streams as {@link SplittableRandom}s: a normal fill must be this, bit
   * for bit, for both element types, including the wedges (1.5% of attempts) and the tail (2.6e-4).
   */
  @Test
  void normalFillsAreTheZigguratOfTheClassComment() {
    long seed = 23;
    int size = 20 * BlockSampler.BLOCK_SIZE + 3;
    double mean = 0.5;
    double std = 2;
    BlockSampler sampler = BlockSampler.seeded(seed);
    double[] doubles = new double[size];
    sampler.normal(DoubleTensor.of("w", doubles), mean, std); // fill 0
    float[] floats = new float[size];
    sampler.normal(FloatTensor.of("w", floats), mean, std); // fill 1
    SplittableRandom root = new SplittableRandom(seed);
    root.split(); // the scalar stream
    SplittableRandom doubleFill = root.split();
    SplittableRandom floatFill = root.split();
    for (int start = 0; start < size; start += BlockSampler.BLOCK_SIZE) {
      int end = Math.min(size, start + BlockSampler.BLOCK_SIZE);
      SplittableRandom block = doubleFill.split();
      for (int i = start; i < end; i++) {
        assertEquals(mean + std * reference(block.nextLong(), block), doubles[i], "double " + i);
      }
      block = floatFill.split();
      for (int i = start; i < end; i += 2) {
        long word = block.nextLong();
        float low = (float) (mean + std * reference((int) word, block));
        assertEquals(low, floats[i], "float element " + i);
        if (i + 1 < end) {
          float high = (float) (mean + std * reference((int) (word >>> 32), block));
          assertEquals(high, floats[i + 1], "float element " + (i + 1));
        }
      }
    }
  }

  @Test
  void proposalsOnTheEdgeOfTheirRectangleGoToTheWedgeTest() {
    // |x| = X[i+1] is not inside (|x| < X[i+1]): the wedge test draws a uniform, which moves every
    // later value of the block. Such proposals exist: x = 0 in the top layer (X[256] = 0), and for
    // 64-bit words one or two per layer. Each of them, and its neighbours, against the reference.
    for (int layer = 0; layer < Ziggurat.LAYERS; layer++) {
      double edge = Ziggurat.X[layer + 1];
      long k24 = Math.round(edge / Ziggurat.SCALE_24[layer]);
      for (long k = k24 - 2; k <= k24 + 2; k++) {
        for (long signed : new long[] {k, -k}) {
          if (signed >= -(1L << 23) && signed < 1L << 23) {
            int word = (int) (signed << 8) | layer;
            SplitMix ours = SplitMix.seeded(layer);
            SplittableRandom reference = new SplittableRandom(layer);
            String what = "32-bit word " + Integer.toHexString(word);
            assertEquals(reference(word, reference), Ziggurat.sample(word, ours), what);
            assertEquals(reference.nextLong(), ours.nextLong(), what + ": the next word");
          }
        }
      }
      long k53 = Math.round(edge / Ziggurat.SCALE_53[layer]);
      for (long k = k53 - 2; k <= k53 + 2; k++) {
        for (long signed : new long[] {k, -k}) {
          if (signed >= -(1L << 52) && signed < 1L << 52) {
            long word = signed << 11 | layer;
            SplitMix ours = SplitMix.seeded(layer);
            SplittableRandom reference = new SplittableRandom(layer);
            String what = "64-bit word " + Long.toHexString(word);
            assertEquals(reference(word, reference), Ziggurat.sample(word, ours), what);
            assertEquals(reference.nextLong(), ours.nextLong(), what + ": the next word");
          }
        }
      }
    }
  }

  /** The reference sample whose first attempt is the 32-bit word {@code half}. */
  private static double reference(int half, SplittableRandom stream) {
    return reference(half & 0xFF, (half >> 8) * 0x1p-23, stream);
  }

  /** The reference sample whose first attempt is the 64-bit word {@code word}. */
  private static double reference(long word, SplittableRandom stream) {
    return reference((int) word & 0xFF, (word >> 11) * 0x1p-52, stream);
  }

  /**
   * One sample as the class comment of {@link Ziggurat} describes it, from layer {@code layer} and
   * {@code u} in [-1, 1); further attempts from 64-bit words of {@code stream}.
   */
  private static double reference(int layer, double u, SplittableRandom stream) {
    while (true) {
      double x = u * Ziggurat.X[layer];
      if (Math.abs(x) < Ziggurat.X[layer + 1]) {
        return x;
      }
      if (layer == 0) { // Marsaglia (1964): R + e1, e1 ~ Exp(R), kept if 2·e2 >= e1², e2 ~ Exp(1)
        double e1;
        double e2;
        do {
          e1 = -StrictMath.log(1 - stream.nextDouble()) / Ziggurat.R;
          e2 = -StrictMath.log(1 - stream.nextDouble());
        } while (2 * e2 < e1 * e1);
        return x < 0 ? -(Ziggurat.R + e1) : Ziggurat.R + e1;
      }
      double f = Ziggurat.F[layer + 1];
      double y = f + stream.nextDouble() * (Ziggurat.F[layer] - f);
      if (y < StrictMath.exp(-0.5 * x * x)) {
        return x;
      }
      long word = stream.nextLong();
      layer = (int) word & 0xFF;
      u = (word >> 11) * 0x1p-52;
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
