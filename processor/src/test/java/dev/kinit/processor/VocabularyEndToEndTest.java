package dev.kinit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.Nonlinearity;
import dev.kinit.ScalingDistribution;
import dev.kinit.ScalingMode;
import dev.kinit.Tensor;
import dev.kinit.WeightLayout;
import java.lang.reflect.Field;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every annotation of the vocabulary, through the processor and the generated initializer: the
 * arrays hold what the runtime's {@link Init} of that annotation's documented meaning writes, the
 * parameters in declaration order, from one generator.
 */
class VocabularyEndToEndTest {

  private static CompiledClasses compile(String source) {
    Compilation compilation = Compilations.compileResources(source);
    assertThat(compilation).succeededWithoutWarnings();
    return new CompiledClasses(compilation);
  }

  private static Object initialized(
      CompiledClasses classes, String layer, long seed, Object... args)
      throws ReflectiveOperationException {
    Class<?> type = classes.loadClass(layer);
    Object instance = null;
    for (var constructor : type.getDeclaredConstructors()) {
      if (constructor.getParameterCount() == args.length) {
        constructor.setAccessible(true);
        instance = constructor.newInstance(args);
      }
    }
    Class<?> initializer = classes.loadClass(layer + "Initializer");
    initializer
        .getMethod("initialize", type, RandomGenerator.class)
        .invoke(null, instance, new SplittableRandom(seed));
    return instance;
  }

  private static Object field(Object layer, String name) throws ReflectiveOperationException {
    Field field = layer.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(layer);
  }

  /** Fills a fresh array of the field's shape with {@code init}, from {@code random}. */
  private static float[][] fill2(int rows, int columns, Init init, RandomGenerator random) {
    float[][] array = new float[rows][columns];
    init.fill(FloatTensor.of(array), random);
    return array;
  }

  @Test
  void normalAndZeros() throws Exception {
    Object layer = initialized(compile("good/GptLinear.java"), "layers.GptLinear", 1, 20, 6);
    RandomGenerator random = new SplittableRandom(1);
    assertArrayEquals(
        fill2(6, 20, Init.normal(0, 0.02), random), (float[][]) field(layer, "weight"));
    assertArrayEquals(new float[6], (float[]) field(layer, "bias"));
  }

  @Test
  void truncatedNormalOnesZerosAndConstant() throws Exception {
    Object layer = initialized(compile("good/PatchEmbedding.java"), "layers.PatchEmbedding", 2);
    RandomGenerator random = new SplittableRandom(2);
    float[][][][] projection = new float[64][3][4][4];
    Init.truncatedNormal(0, 0.02, -0.04, 0.04).fill(FloatTensor.of(projection), random);
    assertArrayEquals(projection, (float[][][][]) field(layer, "projection"));
    float[] ones = new float[64];
    java.util.Arrays.fill(ones, 1);
    float[] scale = new float[64];
    java.util.Arrays.fill(scale, 0.1f);
    assertArrayEquals(new float[64], (float[]) field(layer, "projectionBias"));
    assertArrayEquals(ones, (float[]) field(layer, "normWeight"));
    assertArrayEquals(new float[64], (float[]) field(layer, "normBias"));
    assertArrayEquals(scale, (float[]) field(layer, "layerScale"));
  }

  @Test
  void xavierOrthogonalAndUniform() throws Exception {
    Object layer = initialized(compile("good/Recurrent.java"), "layers.Recurrent", 3);
    RandomGenerator random = new SplittableRandom(3);
    assertArrayEquals(
        fill2(32, 16, Init.xavierUniform(Nonlinearity.TANH.gain()), random),
        (float[][]) field(layer, "input"));
    assertArrayEquals(
        fill2(32, 32, Init.orthogonal(1.5), random), (float[][]) field(layer, "recurrent"));
    double[] bias = new double[32];
    Init.uniform(-0.1, 0.1).fill(DoubleTensor.of(bias), random);
    assertArrayEquals(bias, (double[]) field(layer, "bias"));
  }

  @Test
  void eyeAndDiracDrawNothing() throws Exception {
    Object layer = initialized(compile("good/Identity.java"), "layers.Identity", 4);
    float[][] skip = new float[8][8];
    Init.eye().fill(FloatTensor.of(skip), new SplittableRandom(0));
    assertArrayEquals(skip, (float[][]) field(layer, "skip"));
    float[][][][] conv = new float[8][4][3][3];
    Init.dirac(2).fill(FloatTensor.of(conv), new SplittableRandom(0));
    assertArrayEquals(conv, (float[][][][]) field(layer, "conv"));
    float[] flat = new float[24];
    Init.eye().fill(FloatTensor.of(flat, 4, 6), new SplittableRandom(0));
    assertArrayEquals(flat, (float[]) field(layer, "flat"));
  }

  @Test
  void varianceScalingAndLayouts() throws Exception {
    Object layer = initialized(compile("good/KerasDense.java"), "layers.KerasDense", 5);
    RandomGenerator random = new SplittableRandom(5);
    assertArrayEquals(
        fill2(
            784,
            128,
            Init.varianceScaling(
                2, ScalingMode.FAN_IN, ScalingDistribution.TRUNCATED_NORMAL, WeightLayout.KERAS),
            random),
        (float[][]) field(layer, "kernel"));
    float[] glorot = new float[10];
    Init.varianceScaling(1, ScalingMode.FAN_AVG, ScalingDistribution.UNIFORM, WeightLayout.KERAS)
        .fill(FloatTensor.of(glorot), random);
    assertArrayEquals(glorot, (float[]) field(layer, "glorot"));
    float[][][][] conv = new float[3][3][16][32];
    Init.xavierNormal(WeightLayout.KERAS, 1).fill(FloatTensor.of(conv), random);
    assertArrayEquals(conv, (float[][][][]) field(layer, "conv"));
    float[] head = new float[1280];
    Init.kaimingNormal(WeightLayout.KERAS, FanMode.FAN_IN, Math.sqrt(2))
        .fill(FloatTensor.of(head, 128, 10), random);
    assertArrayEquals(head, (float[]) field(layer, "head"));
  }

  @Test
  void aGainReadPerInstance() throws Exception {
    CompiledClasses classes = compile("good/Activated.java");
    for (Nonlinearity activation :
        new Nonlinearity[] {Nonlinearity.TANH, Nonlinearity.LEAKY_RELU}) {
      Object layer = initialized(classes, "layers.Activated", 6, 5, 4, activation, 0.2);
      RandomGenerator random = new SplittableRandom(6);
      assertArrayEquals(
          fill2(4, 5, Init.kaimingNormal(FanMode.FAN_IN, activation.gain(0.2)), random),
          (float[][]) field(layer, "weight"));
      assertArrayEquals(
          fill2(4, 5, Init.xavierUniform(activation.gain(0.0)), random),
          (float[][]) field(layer, "gate"));
      assertArrayEquals(
          fill2(
              4, 5, Init.kaimingNormal(FanMode.FAN_IN, Nonlinearity.LEAKY_RELU.gain(0.2)), random),
          (float[][]) field(layer, "leaky"));
    }
  }

  @Test
  void aTransposedConvolutionsBiasKeepsItsLength() throws Exception {
    Object layer = initialized(compile("good/ConvTranspose.java"), "layers.ConvTranspose", 7);
    RandomGenerator random = new SplittableRandom(7);
    float[][][][] weight = new float[16][8][3][3];
    Tensor view = FloatTensor.of(weight);
    Init.torchDefaultWeight().fill(view, random);
    float[] bias = new float[8];
    Init.torchDefaultTransposedBias(view).fill(FloatTensor.of(bias), random);
    assertArrayEquals(weight, (float[][][][]) field(layer, "weight"));
    assertArrayEquals(bias, (float[]) field(layer, "bias"));
    assertEquals(8, bias.length);
  }
}
