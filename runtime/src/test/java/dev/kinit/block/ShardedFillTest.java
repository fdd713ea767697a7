package dev.kinit.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.Nonlinearity;
import dev.kinit.Sampling;
import dev.kinit.ScalingDistribution;
import dev.kinit.ScalingMode;
import dev.kinit.Tensor;
import dev.kinit.WeightLayout;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every initialisation of the vocabulary, filled slice by slice from its {@link Init#sampling} and
 * its fill number ({@link BlockSampler#fill(long, long, Tensor, Sampling)}), writes what the whole
 * fill on a {@link BlockSampler} of the same seed writes, bit for bit; those that cannot be filled
 * by slices say so and write nothing.
 */
class ShardedFillTest {

  private static final long SEED = 2024;

  /** Two blocks and a part: slices end inside blocks, across their boundary, and at its end. */
  private static final int[] CONV = {40, 30, 5, 5};

  private static final int[] LINEAR = {96, 200};

  static Stream<Arguments> shardable() {
    float[][] weight = new float[7][6];
    return Stream.of(
        Arguments.of("kaiming_normal_", Init.kaimingNormal(FanMode.FAN_OUT, Math.sqrt(2)), CONV),
        Arguments.of("kaiming_uniform_", Init.kaimingUniform(FanMode.FAN_IN, 1.0), CONV),
        Arguments.of("xavier_normal_", Init.xavierNormal(1.0), LINEAR),
        Arguments.of(
            "xavier_uniform_ (Keras)", Init.xavierUniform(WeightLayout.KERAS, 1.0), LINEAR),
        Arguments.of("normal_", Init.normal(0.5, 2.0), new int[] {33_000}),
        Arguments.of("uniform_", Init.uniform(-1.0, 3.0), new int[] {33_000}),
        Arguments.of(
            "trunc_normal_", Init.truncatedNormal(0, 0.02, -0.04, 0.03), new int[] {33_000}),
        Arguments.of("trunc_normal_ (a tail)", Init.truncatedNormal(0, 1, 2, 5), new int[] {9_000}),
        Arguments.of(
            "VarianceScaling (normal)",
            Init.varianceScaling(
                2.0,
                ScalingMode.FAN_AVG,
                ScalingDistribution.UNTRUNCATED_NORMAL,
                WeightLayout.TORCH),
            CONV),
        Arguments.of(
            "VarianceScaling (uniform)",
            Init.varianceScaling(
                1.0, ScalingMode.FAN_IN, ScalingDistribution.UNIFORM, WeightLayout.TORCH),
            LINEAR),
        Arguments.of("default weight", Init.torchDefaultWeight(), CONV),
        Arguments.of("default bias", Init.torchDefaultBias(FloatTensor.of(weight)), new int[] {7}),
        Arguments.of(
            "default transposed bias",
            Init.torchDefaultTransposedBias(FloatTensor.of(new float[4][9][3])),
            new int[] {18}),
        Arguments.of("constant_", Init.constant(0.25), CONV),
        Arguments.of("zeros_", Init.zeros(), new int[] {5, 3}),
        Arguments.of("ones_", Init.ones(), new int[] {50_000}),
        Arguments.of("eye_", Init.eye(), new int[] {7, 5}),
        Arguments.of("eye_ (wide)", Init.eye(), new int[] {150, 300}),
        Arguments.of("dirac_", Init.dirac(2), new int[] {6, 4, 3, 3}),
        Arguments.of("dirac_ 1-D", Init.dirac(1), new int[] {3, 5, 4}),
        Arguments.of("no elements", Init.kaimingNormal(FanMode.FAN_IN, 1.0), new int[] {0, 3}),
        Arguments.of(
            "bias of a weight with fan_in 0",
            Init.torchDefaultBias(FloatTensor.of(new float[4][0])),
            new int[] {4}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shardable")
  void slicesFilledAloneAreTheWholeFill(String what, Init init, int[] shape) {
    for (boolean floats : new boolean[] {true, false}) {
      int size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
      double[] whole = sentinels(size);
      BlockSampler random = BlockSampler.sequential(SEED);
      random.normal(FloatTensor.of(new float[3]), 0, 1); // so that the fill is not number 0
      long fill = random.fills();
      Tensor tensor = tensor(whole, shape, floats);
      Sampling sampling = init.sampling(tensor);
      init.fill(tensor, random);
      assertEquals(init.draws(tensor), sampling.draws(), what);
      assertEquals(fill + (sampling.draws() ? 1 : 0), random.fills(), what);
      if (floats) {
        whole = read(tensor);
      }

      double[] sliced = sentinels(size);
      int[] cuts = {0, size / 3, size / 3 + 1, size - BlockSampler.BLOCK_SIZE / 2, size};
      for (int c = 0; c + 1 < cuts.length; c++) {
        int from = Math.max(0, Math.min(cuts[c], size));
        int to = Math.max(from, Math.min(cuts[c + 1], size));
        double[] slice = Arrays.copyOfRange(sentinels(size), from, to);
        // Each slice by another sampler of the seed: a worker with the seed and the description.
        Tensor part =
            floats ? FloatTensor.of("slice", toFloats(slice)) : DoubleTensor.of("slice", slice);
        BlockSampler.sequential(SEED).fill(sampling.draws() ? fill : -1, from, part, sampling);
        System.arraycopy(read(part), 0, sliced, from, to - from);
      }
      assertArrayEquals(whole, sliced, what + (floats ? " (float)" : " (double)"));
    }
  }

  @Test
  void theSamplingsAreTheNumbersOfTheFill() {
    FloatTensor conv = FloatTensor.of(new float[64][3][7][7]);
    assertEquals(
        new Sampling.Normal(0.0, Math.sqrt(2) / Math.sqrt(64 * 49)),
        Init.kaimingNormal(FanMode.FAN_OUT, Nonlinearity.RELU.gain(0)).sampling(conv));
    // kaiming_uniform_(a=sqrt(5)): sqrt(3) * gain / sqrt(fan_in), gain = sqrt(2 / (1 + 5))
    double weightBound = Math.sqrt(3) * (Math.sqrt(2.0 / 6) / Math.sqrt(3 * 49));
    assertEquals(
        new Sampling.Uniform(-weightBound, weightBound), Init.torchDefaultWeight().sampling(conv));
    double biasBound = 1 / Math.sqrt(3 * 49);
    assertEquals(
        new Sampling.Uniform(-biasBound, biasBound),
        Init.torchDefaultBias(conv).sampling(FloatTensor.of(new float[64])));
    assertEquals(new Sampling.Constant(1.0), Init.ones().sampling(conv));
    assertEquals(new Sampling.Eye(3, 4), Init.eye().sampling(FloatTensor.of(new float[3][4])));
    assertEquals(new Sampling.Dirac(List.of(64, 3, 7, 7), 2), Init.dirac(2).sampling(conv));
    assertEquals(
        new Sampling.TruncatedNormal(0.0, 0.02, -2, 2),
        Init.truncatedNormal(0.0, 0.02, -2, 2).sampling(conv));
  }

  @Test
  void whatCannotBeFilledBySlicesIsAnErrorThatWritesNothing() {
    float[] slice = {7, 7, 7};
    FloatTensor part = FloatTensor.of("part", slice);
    BlockSampler random = BlockSampler.sequential(SEED);
    FloatTensor matrix = FloatTensor.of(new float[4][4]);
    Sampling orthogonal = Init.orthogonal(1.0).sampling(matrix);
    assertInstanceOf(Sampling.Unshardable.class, orthogonal);
    assertTrue(orthogonal.draws());
    assertEquals(
        "part: orthogonal_ decomposes the whole matrix (QR), so no slice is filled alone;"
            + " expected a sampling that can be filled by shards",
        assertThrows(IllegalArgumentException.class, () -> random.fill(0, 0, part, orthogonal))
            .getMessage());
    assertEquals(
        "from: -1 is not a valid start for 3 elements; expected 0 <= from <= "
            + (Long.MAX_VALUE - 3),
        assertThrows(
                IllegalArgumentException.class,
                () -> random.fill(-1, -1, part, new Sampling.Constant(0)))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> random.fill(-1, 0, part, new Sampling.Normal(0, 1)));
    assertArrayEquals(new float[] {7, 7, 7}, slice);
  }

  @Test
  void anInitThatDoesNotSayIsUnshardable() {
    Init own =
        new Init() {
          @Override
          public void check(Tensor tensor) {}

          @Override
          public void fill(Tensor tensor, RandomGenerator random) {
            tensor.setAll(random::nextDouble);
          }

          @Override
          public boolean draws(Tensor tensor) {
            return true;
          }

          @Override
          public String describe(Tensor tensor) {
            return "own";
          }
        };
    Sampling sampling = own.sampling(FloatTensor.of(new float[2]));
    assertInstanceOf(Sampling.Unshardable.class, sampling);
    assertTrue(sampling.draws());
  }

  private static double[] sentinels(int size) {
    double[] values = new double[size];
    Arrays.fill(values, -7.5); // what a slice keeps where a fill writes nothing
    return values;
  }

  private static Tensor tensor(double[] values, int[] shape, boolean floats) {
    return floats
        ? FloatTensor.of("whole", toFloats(values), shape)
        : DoubleTensor.of("whole", values, shape);
  }

  private static float[] toFloats(double[] values) {
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return floats;
  }

  private static double[] read(Tensor tensor) {
    double[] values = new double[(int) tensor.size()];
    int[] at = {0};
    tensor.forEachSegment(
        0,
        tensor.size(),
        new Tensor.SegmentVisitor() {
          @Override
          public void floats(float[] array, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
              values[at[0]++] = array[i];
            }
          }

          @Override
          public void doubles(double[] array, int offset, int length) {
            System.arraycopy(array, offset, values, at[0], length);
            at[0] += length;
          }
        });
    return values;
  }
}
