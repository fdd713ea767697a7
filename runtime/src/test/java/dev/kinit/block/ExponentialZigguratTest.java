package dev.kinit.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.SampleStatistics;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exponential ziggurat's tables and samples.
 *
 * <p>Tolerances for a correct sampler, on n = 2^21 samples: Kolmogorov–Smirnov D ≤ 1.95/√n ≈ 1.3e-3
 * (significance 0.001); the share of samples beyond the tail start R ({@code e^-R} ≈ 4.5e-4) and
 * the share in the outer halves of the layers' strips within five binomial standard errors.
 */
class ExponentialZigguratTest {

  private static final int N = 1 << 21;

  @Test
  void layersHaveEqualAreasAndCloseAtTheTop() {
    double[] x = ExponentialZiggurat.X;
    double[] f = ExponentialZiggurat.F;
    double v = ExponentialZiggurat.V;
    // The base strip is the rectangle under f up to R plus the tail beyond R, whose area is e^-R.
    double r = ExponentialZiggurat.R;
    assertEquals(v, r * Math.exp(-r) + Math.exp(-r), 1e-12);
    assertEquals(v, x[0] * f[1], 1e-15);
    for (int i = 1; i < ExponentialZiggurat.LAYERS; i++) {
      assertTrue(x[i] > x[i + 1], "widths decrease at layer " + i);
      assertEquals(Math.exp(-x[i]), f[i], 1e-15, "F[" + i + "]");
      // For the top layer this is the closing condition X[255] · (1 − F[255]) = V
      assertEquals(v, x[i] * (f[i + 1] - f[i]), 1e-9 * v, "area of layer " + i);
    }
  }

  @Test
  void samplesAreExponential() {
    SplitMix stream = SplitMix.seeded(17);
    double[] samples = new double[N];
    long beyondR = 0;
    for (int i = 0; i < N; i++) {
      samples[i] = ExponentialZiggurat.sample(stream);
      beyondR += samples[i] > ExponentialZiggurat.R ? 1 : 0;
    }
    SampleStatistics stats = new SampleStatistics(samples);
    double ks = stats.kolmogorovSmirnov(x -> x <= 0 ? 0 : 1 - Math.exp(-x));
    assertTrue(ks <= 1.95 / Math.sqrt(N), "KS statistic " + ks);
    double p = Math.exp(-ExponentialZiggurat.R);
    assertEquals(N * p, beyondR, 5 * Math.sqrt(N * p * (1 - p)), "samples beyond R");
    assertEquals(1, stats.mean(), 5 / Math.sqrt(N), "mean");
    assertTrue(stats.min() >= 0);
  }

  @Test
  void wedgeProposalsAreTestedNotAllAccepted() {
    // A sampler that accepted every wedge proposal would put too much mass in the outer halves
    // of the strips [X[i+1], X[i]]; count the samples there against the exact share.
    SplitMix stream = SplitMix.seeded(3);
    long outer = 0;
    double exact = 0;
    double[] x = ExponentialZiggurat.X;
    for (int i = 1; i < ExponentialZiggurat.LAYERS; i++) {
      double middle = (x[i] + x[i + 1]) / 2;
      exact += Math.exp(-middle) - Math.exp(-x[i]);
    }
    for (int n = 0; n < N; n++) {
      double sample = ExponentialZiggurat.sample(stream);
      int layer = 1;
      while (layer < ExponentialZiggurat.LAYERS && sample < x[layer + 1]) {
        layer++;
      }
      if (sample < x[1] && sample >= (x[layer] + x[layer + 1]) / 2) {
        outer++;
      }
    }
    assertEquals(N * exact, outer, 5 * Math.sqrt(N * exact * (1 - exact)), "outer halves");
  }

  @Test
  void proposalsOnTheEdgeOfTheirRectangleGoToTheWedgeTest() {
    // x = X[i+1] is not inside (x < X[i+1]): in layer 0 the tail starts, in the others the wedge
    // test draws a uniform, which moves every later value. Such proposals exist (x = 0 in the top
    // layer, and one or two 53-bit fractions in most layers): each, and its neighbours, against
    // the method of the class comment, written out plainly.
    int onTheEdge = 0;
    for (int layer = 0; layer < ExponentialZiggurat.LAYERS; layer++) {
      double edge = ExponentialZiggurat.X[layer + 1];
      double scale = ExponentialZiggurat.X[layer] * 0x1p-53;
      long nearest = Math.round(edge / scale);
      for (long k = Math.max(0, nearest - 2); k <= nearest + 2 && k < 1L << 53; k++) {
        long word = k << 11 | layer;
        onTheEdge += k * scale == edge ? 1 : 0;
        SplitMix ours = Words.splitMixStartingWith(word);
        SplittableRandom reference = Words.startingWith(word);
        String what = "word " + Long.toHexString(word);
        assertEquals(reference(reference), ExponentialZiggurat.sample(ours), what);
        assertEquals(reference.nextLong(), ours.nextLong(), what + ": the next word");
      }
    }
    assertTrue(onTheEdge > 100, onTheEdge + " proposals on the edge");
  }

  /** {@code Exp(1)} as the class comment describes it, with {@code StrictMath.exp}. */
  private static double reference(SplittableRandom stream) {
    double tail = 0;
    while (true) {
      long word = stream.nextLong();
      int layer = (int) word & 0xFF;
      double x = (word >>> 11) * 0x1p-53 * ExponentialZiggurat.X[layer];
      if (x < ExponentialZiggurat.X[layer + 1]) {
        return tail + x;
      }
      if (layer == 0) {
        tail += ExponentialZiggurat.R;
        continue;
      }
      double f = ExponentialZiggurat.F[layer];
      double y = f + stream.nextDouble() * (ExponentialZiggurat.F[layer + 1] - f);
      if (y < StrictMath.exp(-x)) {
        return tail + x;
      }
    }
  }
}
