package dev.kinit.processor;

import static dev.kinit.processor.KotlinCompileTest.assertSucceeded;
import static dev.kinit.processor.KotlinCompileTest.privateField;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.Nonlinearity;
import dev.kinit.ScalingDistribution;
import dev.kinit.ScalingMode;
import dev.kinit.Tensor;
import dev.kinit.WeightLayout;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every annotation of the vocabulary on Kotlin properties (input {@code vocabulary}), through kapt
 * and through KSP: the arrays hold what the runtime's {@link Init} of that annotation's meaning
 * writes, the parameters in declaration order, from one generator, as {@link
 * VocabularyEndToEndTest} shows for Java.
 */
@Tag("kotlin")
class KotlinVocabularyTest {

  private static Object build(KotlinProcessing processing, String layer, long seed)
      throws ReflectiveOperationException {
    KotlinProcessing.Result result = KotlinInputs.compile(processing, "vocabulary");
    assertSucceeded(result);
    return KotlinCompileTest.call(result, "vocab.Build", layer, seed);
  }

  private static float[][] fill2(int rows, int columns, Init init, RandomGenerator random) {
    float[][] array = new float[rows][columns];
    init.fill(FloatTensor.of(array), random);
    return array;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void normalAndZeros(KotlinProcessing processing) throws Exception {
    Object layer = build(processing, "gpt", 1);
    RandomGenerator random = new SplittableRandom(1);
    assertArrayEquals(
        fill2(6, 20, Init.normal(0, 0.02), random), (float[][]) privateField(layer, "weight"));
    assertArrayEquals(new float[6], (float[]) privateField(layer, "bias"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void truncatedNormalOnesZerosAndConstant(KotlinProcessing processing) throws Exception {
    Object layer = build(processing, "patch", 2);
    RandomGenerator random = new SplittableRandom(2);
    float[][][][] projection = new float[64][3][4][4];
    Init.truncatedNormal(0, 0.02, -0.04, 0.04).fill(FloatTensor.of(projection), random);
    assertArrayEquals(projection, (float[][][][]) privateField(layer, "projection"));
    float[] ones = new float[64];
    Arrays.fill(ones, 1);
    float[] scale = new float[64];
    Arrays.fill(scale, 0.1f);
    assertArrayEquals(new float[64], (float[]) privateField(layer, "projectionBias"));
    assertArrayEquals(ones, (float[]) privateField(layer, "normWeight"));
    assertArrayEquals(new float[64], (float[]) privateField(layer, "normBias"));
    assertArrayEquals(scale, (float[]) privateField(layer, "layerScale"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void xavierOrthogonalAndUniform(KotlinProcessing processing) throws Exception {
    Object layer = build(processing, "recurrent", 3);
    RandomGenerator random = new SplittableRandom(3);
    assertArrayEquals(
        fill2(32, 16, Init.xavierUniform(Nonlinearity.TANH.gain()), random),
        (float[][]) privateField(layer, "input"));
    assertArrayEquals(
        fill2(32, 32, Init.orthogonal(1.5), random), (float[][]) privateField(layer, "recurrent"));
    double[] bias = new double[32];
    Init.uniform(-0.1, 0.1).fill(DoubleTensor.of(bias), random);
    assertArrayEquals(bias, (double[]) privateField(layer, "bias"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void eyeAndDiracDrawNothing(KotlinProcessing processing) throws Exception {
    Object layer = build(processing, "identity", 4);
    float[][] skip = new float[8][8];
    Init.eye().fill(FloatTensor.of(skip), new SplittableRandom(0));
    assertArrayEquals(skip, (float[][]) privateField(layer, "skip"));
    float[][][][] conv = new float[8][4][3][3];
    Init.dirac(2).fill(FloatTensor.of(conv), new SplittableRandom(0));
    assertArrayEquals(conv, (float[][][][]) privateField(layer, "conv"));
    float[] flat = new float[24];
    Init.eye().fill(FloatTensor.of(flat, 4, 6), new SplittableRandom(0));
    assertArrayEquals(flat, (float[]) privateField(layer, "flat"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void varianceScalingAndLayouts(KotlinProcessing processing) throws Exception {
    Object layer = build(processing, "keras", 5);
    RandomGenerator random = new SplittableRandom(5);
    assertArrayEquals(
        fill2(
            784,
            128,
            Init.varianceScaling(
                2, ScalingMode.FAN_IN, ScalingDistribution.TRUNCATED_NORMAL, WeightLayout.KERAS),
            random),
        (float[][]) privateField(layer, "kernel"));
    float[] glorot = new float[10];
    Init.varianceScaling(1, ScalingMode.FAN_AVG, ScalingDistribution.UNIFORM, WeightLayout.KERAS)
        .fill(FloatTensor.of(glorot), random);
    assertArrayEquals(glorot, (float[]) privateField(layer, "glorot"));
    float[][][][] conv = new float[3][3][16][32];
    Init.xavierNormal(WeightLayout.KERAS, 1).fill(FloatTensor.of(conv), random);
    assertArrayEquals(conv, (float[][][][]) privateField(layer, "conv"));
    float[] head = new float[1280];
    Init.kaimingNormal(WeightLayout.KERAS, FanMode.FAN_IN, Math.sqrt(2))
        .fill(FloatTensor.of(head, 128, 10), random);
    assertArrayEquals(head, (float[]) privateField(layer, "head"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void aGainReadPerInstance(KotlinProcessing processing) throws Exception {
    for (Nonlinearity activation :
        new Nonlinearity[] {Nonlinearity.TANH, Nonlinearity.LEAKY_RELU}) {
      String build = activation == Nonlinearity.TANH ? "tanh" : "leaky";
      Object layer = build(processing, build, 6);
      RandomGenerator random = new SplittableRandom(6);
      assertArrayEquals(
          fill2(4, 5, Init.kaimingNormal(FanMode.FAN_IN, activation.gain(0.2)), random),
          (float[][]) privateField(layer, "weight"));
      assertArrayEquals(
          fill2(4, 5, Init.xavierUniform(activation.gain(0.0)), random),
          (float[][]) privateField(layer, "gate"));
      assertArrayEquals(
          fill2(
              4, 5, Init.kaimingNormal(FanMode.FAN_IN, Nonlinearity.LEAKY_RELU.gain(0.2)), random),
          (float[][]) privateField(layer, "leaky"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void aTransposedConvolutionsBiasKeepsItsLength(KotlinProcessing processing) throws Exception {
    Object layer = build(processing, "transposed", 7);
    RandomGenerator random = new SplittableRandom(7);
    float[][][][] weight = new float[16][8][3][3];
    Tensor view = FloatTensor.of(weight);
    Init.torchDefaultWeight().fill(view, random);
    float[] bias = new float[8];
    Init.torchDefaultTransposedBias(view).fill(FloatTensor.of(bias), random);
    assertArrayEquals(weight, (float[][][][]) privateField(layer, "weight"));
    assertArrayEquals(bias, (float[]) privateField(layer, "bias"));
  }

  /**
   * Every annotation of the vocabulary on plain Kotlin properties (no {@code @field:}) of one layer
   * (input {@code vocabulary-one-layer}), one with its gain read per instance from a Kotlin
   * property: the arrays hold what the runtime's {@link Init} writes, in declaration order, from
   * one generator.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(KotlinProcessing.class)
  void theWholeVocabularyInOneLayer(KotlinProcessing processing) throws Exception {
    KotlinProcessing.Result result = KotlinInputs.compile(processing, "vocabulary-one-layer");
    assertSucceeded(result);
    Object layer = KotlinCompileTest.call(result, "layers.Build", "layer", 11);

    SplittableRandom r = new SplittableRandom(11);
    assertSameArray(
        fill(new float[3][4], Init.xavierNormal(0.5), r), privateField(layer, "xavierNormal"));
    assertSameArray(
        fill(new float[3][4], Init.xavierUniform(Nonlinearity.TANH.gain()), r),
        privateField(layer, "xavierUniform"));
    assertSameArray(fill(new float[5], Init.normal(1, 0.02), r), privateField(layer, "normal"));
    double[] uniform = new double[5];
    Init.uniform(-0.5, 0.25).fill(DoubleTensor.of(uniform), r);
    assertArrayEquals(uniform, (double[]) privateField(layer, "uniform"));
    assertSameArray(
        fill(new float[2][6], Init.truncatedNormal(0, 0.02, -0.04, 0.04), r),
        privateField(layer, "truncated"));
    assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f}, (float[]) privateField(layer, "constant"));
    assertArrayEquals(new float[3], (float[]) privateField(layer, "zeros"));
    assertArrayEquals(new float[] {1, 1, 1}, (float[]) privateField(layer, "ones"));
    assertArrayEquals(
        new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, (float[][]) privateField(layer, "eye"));
    assertSameArray(fill(new float[4][2][3], Init.dirac(2), r), privateField(layer, "dirac"));
    assertSameArray(
        fill(new float[4][3], Init.orthogonal(2), r), privateField(layer, "orthogonal"));
    assertSameArray(
        fill(
            new float[6][2],
            Init.varianceScaling(
                2, ScalingMode.FAN_AVG, ScalingDistribution.UNIFORM, WeightLayout.KERAS),
            r),
        privateField(layer, "keras"));
    float[][] torch = (float[][]) fill(new float[2][6], Init.torchDefaultWeight(), r);
    assertSameArray(torch, privateField(layer, "torch"));
    assertSameArray(
        fill(new float[2], Init.torchDefaultBias(FloatTensor.of(torch)), r),
        privateField(layer, "torchBias"));
  }

  /** {@code array} filled by {@code init} from {@code random}, returned. */
  private static Object fill(Object array, Init init, RandomGenerator random) {
    FloatTensor tensor;
    if (array instanceof float[] a) {
      tensor = FloatTensor.of(a);
    } else if (array instanceof float[][] a) {
      tensor = FloatTensor.of(a);
    } else {
      tensor = FloatTensor.of((float[][][]) array);
    }
    init.fill(tensor, random);
    return array;
  }

  /** Deep equality of two arrays of any rank, with JUnit's message on the first difference. */
  private static void assertSameArray(Object expected, Object actual) {
    assertArrayEquals(new Object[] {expected}, new Object[] {actual});
  }
}
