package dev.kinit.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.DoubleTensor;
import dev.kinit.FloatTensor;
import dev.kinit.block.TruncatedNormalWriter.Method;
import dev.kinit.block.TruncatedNormalWriter.Plan;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * How {@link BlockSampler} draws truncated normals: the method each kind of interval gets, and
 * bounds that hold after rounding. (Distributions: {@code VocabularyDistributionTest}; thread
 * counts and shards: {@link BlockSamplerTest}.)
 */
class TruncatedNormalWriterTest {

  @Test
  void intervalsWithAQuarterOfTheProbabilityUseTheZiggurat() {
    assertEquals(Method.ZIGGURAT, Plan.of(0, 1, -2, 2).method()); // 95%
    assertEquals(Method.ZIGGURAT, Plan.of(0, 0.02, -2, 2).method()); // everything
    assertEquals(Method.ZIGGURAT, Plan.of(0.5, 0.3, 0, 1).method()); // 90%
    assertEquals(Method.ZIGGURAT, Plan.of(0, 1, 0.6, 10).method()); // 27%
  }

  @Test
  void narrowIntervalsAroundTheMeanUseUniformProposals() {
    assertEquals(Method.UNIFORM_AROUND_ZERO, Plan.of(0, 1, -0.1, 0.2).method());
    assertEquals(Method.UNIFORM_AROUND_ZERO, Plan.of(2, 0.5, 1.9, 2.2).method());
  }

  @Test
  void tailsUseWhicheverProposalsAcceptMoreOften() {
    // [2.5, 2.6]: uniform proposals accept exp((2.5² - z²)/2) >= 0.78, exponential ones less
    assertEquals(Method.UNIFORM_IN_TAIL, Plan.of(0, 1, 2.5, 2.6).method());
    Plan wide = Plan.of(0, 1, 1.5, 4);
    assertEquals(Method.EXPONENTIAL_IN_TAIL, wide.method());
    assertEquals(2.0, wide.rate(), 1e-15, "(1.5 + sqrt(1.5² + 4)) / 2");
    Plan left = Plan.of(1, 0.5, -1.5, -0.25); // [-5, -2.5] std, mirrored to [2.5, 5]
    assertEquals(Method.EXPONENTIAL_IN_TAIL, left.method());
    assertTrue(left.mirrored());
    assertEquals(2.5, left.lo(), 1e-15);
    assertEquals(5.0, left.hi(), 1e-15);
  }

  @Test
  void valuesStayInTheIntervalAsRoundedToTheElementType() {
    // -0.04 and 0.04 are not floats: the float values lie in [(float) -0.04, (float) 0.04]
    double[][] intervals = {
      {0, 0.02, -0.04, 0.04}, {0, 1, -0.1, 0.2}, {0, 1, 2.5, 2.6}, {0, 1, 1.5, 4}, {0.3, 0.1, 0, 1}
    };
    for (double[] t : intervals) {
      float[] floats = new float[50_000];
      double[] doubles = new double[50_000];
      BlockSampler sampler = BlockSampler.seeded(5);
      sampler.truncatedNormal(FloatTensor.of("w", floats), t[0], t[1], t[2], t[3]);
      sampler.truncatedNormal(DoubleTensor.of("w", doubles), t[0], t[1], t[2], t[3]);
      for (float value : floats) {
        assertTrue(value >= (float) t[2] && value <= (float) t[3], value + " in float " + t[2]);
      }
      for (double value : doubles) {
        assertTrue(value >= t[2] && value <= t[3], value + " in double " + t[2]);
      }
    }
  }

  @Test
  void farTailsThatDoublesResolveAreSampled() {
    double[] doubles = new double[10_000];
    BlockSampler.seeded(6).truncatedNormal(DoubleTensor.of("w", doubles), 0, 1, 7.5, 8);
    double sum = 0;
    for (double value : doubles) {
      assertTrue(value >= 7.5 && value <= 8, value + " in [7.5, 8]");
      sum += value;
    }
    // The mean and std of N(0, 1) on [7.5, 8], by Simpson's rule; the mean within 5 standard errors
    double[] moments = new double[3];
    int steps = 10_000;
    for (int i = 0; i <= steps; i++) {
      double z = 7.5 + i * 0.5 / steps;
      double weight = (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * Math.exp(-z * z / 2);
      for (int k = 0; k < 3; k++) {
        moments[k] += weight * Math.pow(z, k);
      }
    }
    double mean = moments[1] / moments[0];
    double std = Math.sqrt(moments[2] / moments[0] - mean * mean);
    assertEquals(mean, sum / doubles.length, 5 * std / Math.sqrt(doubles.length));
  }

  @Test
  void acceptanceTestsDecideAsStrictMathDoes() {
    SplittableRandom random = new SplittableRandom(4);
    for (int n = 0; n < 200_000; n++) {
      double t = n % 2 == 0 ? random.nextDouble(0, 1) : random.nextDouble(0, 40);
      double curve = StrictMath.exp(-t);
      double u = random.nextDouble();
      assertEquals(u < curve, TruncatedNormalWriter.belowExp(u, t), "u " + u + ", t " + t);
      for (int ulps = -3; ulps <= 3; ulps++) { // on the curve, where Math.exp alone could differ
        double near = curve + ulps * Math.ulp(curve);
        assertEquals(near < curve, TruncatedNormalWriter.belowExp(near, t), "t " + t);
      }
    }
  }
}
