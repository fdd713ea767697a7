package dev.kinit.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.DoubleTensor;
import dev.kinit.FloatTensor;
import dev.kinit.SampleStatistics;
import dev.kinit.block.TruncatedNormalWriter.Method;
import dev.kinit.block.TruncatedNormalWriter.Plan;
import dev.kinit.internal.TorchMath;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
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
  void anIntervalWithExactlyAQuarterOfTheProbabilityUsesTheZiggurat() {
    double quartile = 0.6744897501960817; // Phi^-1(0.75): [0, quartile] holds a quarter
    assertEquals(0.25, TorchMath.normCdf(quartile) - TorchMath.normCdf(0), 0.0, "the premise");
    assertEquals(Method.ZIGGURAT, Plan.of(0, 1, 0, quartile).method());
    assertNotEquals(Method.ZIGGURAT, Plan.of(0, 1, 0, Math.nextDown(quartile)).method());
  }

  @Test
  void anIntervalEndingAtTheMeanIsATail() {
    // [lo, 0] is drawn as the mirror of [0, -lo], the interval [0, hi] as it is: by uniform
    // proposals accepted with exp(-z²/2)
    Plan left = Plan.of(1, 2, 0.2, 1);
    assertEquals(Method.UNIFORM_IN_TAIL, left.method());
    assertTrue(left.mirrored());
    assertEquals(0.0, left.lo(), 0.0); // -0.0, the mirror of hi = 0
    assertEquals(0.4, left.hi(), 1e-15);
    Plan right = Plan.of(1, 2, 1, 1.8);
    assertTrue(!right.mirrored());
    assertEquals(0.0, right.lo(), 0.0);
  }

  @Test
  void tailsTakeTheProposalsThatAcceptMoreOftenNearWhereTheyAreEven() {
    // The acceptance probabilities of both kinds of proposal on [lo, lo + w], by Simpson's rule:
    // uniform ones (1/w)∫exp((lo² - z²)/2)dz, exponential ones ∫λ·exp(-λ(z - lo) - (z - λ)²/2)dz.
    // Wherever one beats the other by more than 0.1% (far above the rule's error), it is chosen.
    int compared = 0;
    for (double lo : new double[] {0.7, 1, 1.5, 2, 3, 5}) {
      double rate = (lo + Math.sqrt(lo * lo + 4)) / 2;
      for (double w = 0.02; w < 3; w += 0.02) {
        double hi = lo + w;
        double finalLo = lo;
        double uniform = simpson(z -> Math.exp((finalLo * finalLo - z * z) / 2), lo, hi) / w;
        double exponential =
            simpson(
                z -> rate * Math.exp(-rate * (z - finalLo) - (z - rate) * (z - rate) / 2), lo, hi);
        if (Math.abs(exponential / uniform - 1) > 1e-3) {
          Method expected =
              exponential > uniform ? Method.EXPONENTIAL_IN_TAIL : Method.UNIFORM_IN_TAIL;
          assertEquals(expected, Plan.of(0, 1, lo, hi).method(), "[" + lo + ", " + hi + "]");
          assertEquals(expected, Plan.of(0, 1, -hi, -lo).method(), "[" + -hi + ", " + -lo + "]");
          compared++;
        }
      }
    }
    assertTrue(compared > 500, compared + " intervals compared");
  }

  private static double simpson(DoubleUnaryOperator f, double from, double to) {
    int steps = 2000;
    double h = (to - from) / steps;
    double sum = f.applyAsDouble(from) + f.applyAsDouble(to);
    for (int i = 1; i < steps; i++) {
      sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(from + i * h);
    }
    return sum * h / 3;
  }

  @Test
  void intervalsEndingAtTheMeanHaveTheTruncatedNormalsDistribution() {
    // Kolmogorov-Smirnov on n = 2^16 doubles: D <= 1.95/sqrt(n) = 0.0076 (significance 0.001);
    // the uniform distribution on [-0.5, 0] is 0.015 away.
    int n = 1 << 16;
    for (double[] interval : new double[][] {{-0.5, 0}, {0, 0.5}, {-0.3, 0}, {0, 0.1}}) {
      double lo = interval[0];
      double hi = interval[1];
      double[] values = new double[n];
      BlockSampler.seeded(9).truncatedNormal(DoubleTensor.of("w", values), 0, 1, lo, hi);
      double below = TorchMath.normCdf(lo);
      double mass = TorchMath.normCdf(hi) - below;
      double d =
          new SampleStatistics(values)
              .kolmogorovSmirnov(
                  z -> Math.min(1, Math.max(0, (TorchMath.normCdf(z) - below) / mass)));
      assertTrue(d <= 1.95 / Math.sqrt(n), "[" + lo + ", " + hi + "]: KS statistic " + d);
    }
  }

  @Test
  void aNormalSampleOnAnEndOfTheIntervalIsKept() {
    // [a, b] is closed: a proposal z = 0 (a word whose u bits are all 0) on [mean, b] or [a, mean]
    // is a sample, mean itself; redrawing it would move this value and every later one.
    for (double[] interval : new double[][] {{0.5, 2}, {-1, 0.5}}) {
      Plan plan = Plan.of(0.5, 1, interval[0], interval[1]);
      assertEquals(Method.ZIGGURAT, plan.method());
      TruncatedNormalWriter floats = new TruncatedNormalWriter(SplitMix.seeded(1), plan);
      floats.stream.becomeSplit(SplitMix.seeded(2), 0);
      assertEquals(0.5f, floats.half(0x00000017), "a float from the 32-bit word 0x17");
      long word = 0x17L; // layer 23, u = 0
      TruncatedNormalWriter doubles = new TruncatedNormalWriter(SplitMix.seeded(1), plan);
      SplitMix stream = Words.splitMixStartingWith(word);
      doubles.stream.seed = stream.seed;
      doubles.stream.gamma = stream.gamma;
      double[] value = new double[1];
      doubles.writeDoubles(value, 0, 1);
      assertEquals(0.5, value[0], "a double from the 64-bit word 0x17");
    }
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

  @Test
  void acceptanceTestsDecideAsStrictMathDoesForTinyExponents() {
    // Near t = 0 both squeeze bounds, 1 - t and 1 / (1 + t), are within 1e-12 of exp(-t)
    // (z near 0 in proposals around the mean makes t = z²/2 tiny).
    SplittableRandom random = new SplittableRandom(5);
    for (int n = 0; n < 20_000; n++) {
      double t =
          n == 0 ? 0 : n == 1 ? Double.MIN_VALUE : random.nextDouble() * Math.pow(10, -n % 12);
      double curve = StrictMath.exp(-t);
      for (int ulps = -3; ulps <= 3; ulps++) {
        double near = curve + ulps * Math.ulp(curve);
        assertEquals(near < curve, TruncatedNormalWriter.belowExp(near, t), "t " + t);
      }
    }
  }
}
