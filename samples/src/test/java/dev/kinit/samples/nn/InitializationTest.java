package dev.kinit.samples.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.InitPlan;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The layers' weights after {@code initialize}, which runs the initializer the processor generated
 * from each class's {@code @KaimingInit} (through kapt, for Java and Kotlin classes alike).
 *
 * <p>Reproducibility is checked exactly: the same seed gives the weights of a direct {@link
 * Kaiming#normal} call with the configuration the annotation states, and a Kotlin layer gives the
 * same weights as the Java layer of the same configuration. The runtime's sampling itself is tested
 * against PyTorch in the runtime module; the std checks here catch a wrong mode or gain.
 */
class InitializationTest {

  private static final double RELU = Math.sqrt(2);

  /** The weights a direct runtime call gives for shape {@code [out][in]}. */
  private static float[][] expected(int out, int in, FanMode mode, double gain, long seed) {
    float[][] weight = new float[out][in];
    Kaiming.normal(FloatTensor.of(weight), mode, gain, new SplittableRandom(seed));
    return weight;
  }

  /**
   * The root mean square of the weights, which estimates the std of a zero-mean normal: with {@code
   * n} samples its standard error is {@code std / sqrt(2n)}; the layers below have n ≥ 16,384, so
   * 0.55% or less, and the 3% tolerance is over five standard errors.
   */
  private static void assertStd(double expected, float[]... rows) {
    double squares = 0;
    long n = 0;
    for (float[] row : rows) {
      for (float w : row) {
        squares += (double) w * w;
      }
      n += row.length;
    }
    assertTrue(n >= 16_384, "too few weights for the tolerance: " + n);
    assertEquals(expected, Math.sqrt(squares / n), 0.03 * expected);
  }

  @Test
  void javaLinearIsKaimingFanInWithReluGain() {
    Linear linear = new Linear(300, 200);
    linear.initialize(new SplittableRandom(1));
    assertArrayEquals(expected(200, 300, FanMode.FAN_IN, RELU, 1), linear.weight);
    assertStd(Math.sqrt(2.0 / 300), linear.weight);
    assertTrue(allZero(linear.bias));
  }

  @Test
  void javaConv2dIsKaimingFanOut() {
    Conv2d conv = new Conv2d(new Image(32, 8, 8), 64, 3);
    conv.initialize(new SplittableRandom(2));
    float[][][][] expected = new float[64][32][3][3];
    Kaiming.normal(FloatTensor.of(expected), FanMode.FAN_OUT, RELU, new SplittableRandom(2));
    assertArrayEquals(expected, conv.weight);
    // fan_out = 64 * 3 * 3 = 576 (fan_in would be 32 * 3 * 3 = 288)
    assertStd(
        Math.sqrt(2.0 / 576),
        Arrays.stream(conv.weight)
            .flatMap(Arrays::stream)
            .flatMap(Arrays::stream)
            .toArray(float[][]::new));
  }

  @Test
  void kotlinClassifierConstructorPropertyHasGainOne() {
    Classifier classifier = new Classifier(300, 200);
    classifier.initialize(new SplittableRandom(3)); // Kotlin calls the generated initializer
    assertArrayEquals(expected(200, 300, FanMode.FAN_IN, 1.0, 3), classifier.getWeight());
    assertStd(1 / Math.sqrt(300), classifier.getWeight());

    Classifier fromJava = new Classifier(300, 200);
    ClassifierInitializer.initialize(fromJava, new SplittableRandom(3)); // Java calls it
    assertArrayEquals(classifier.getWeight(), fromJava.getWeight());
  }

  @Test
  void kotlinLeakyLinearJvmFieldHasLeakyGain() {
    LeakyLinear leaky = new LeakyLinear(300, 200);
    leaky.initialize(new SplittableRandom(4));
    double gain = Nonlinearity.LEAKY_RELU.gain(LeakyLinear.NEGATIVE_SLOPE);
    assertEquals(Math.sqrt(2 / 1.01), gain, 1e-15);
    assertArrayEquals(expected(200, 300, FanMode.FAN_IN, gain, 4), leaky.weight);
    assertStd(gain / Math.sqrt(300), leaky.weight);
  }

  @Test
  void kotlinFlatLinearMatchesTheJavaLinearRowMajor() {
    FlatLinear flat = new FlatLinear(300, 200);
    flat.initialize(new SplittableRandom(5));
    Linear linear = new Linear(300, 200);
    linear.initialize(new SplittableRandom(5));
    float[] rowMajor = new float[200 * 300];
    for (int o = 0; o < 200; o++) {
      System.arraycopy(linear.weight[o], 0, rowMajor, o * 300, 300);
    }
    assertArrayEquals(rowMajor, flat.getWeight());
  }

  @Test
  void kotlinLazyLinearLateinitIsFilledWhenBuilt() {
    LazyLinear lazy = new LazyLinear(200);
    lazy.initialize(new SplittableRandom(6)); // remembered: the weight does not exist yet
    lazy.forward(new float[1][300]);
    Linear linear = new Linear(300, 200);
    linear.initialize(new SplittableRandom(6));
    assertArrayEquals(linear.weight, lazy.weight);

    lazy.initialize(new SplittableRandom(6)); // built: filled at once
    assertArrayEquals(linear.weight, lazy.weight);
  }

  @Test
  void kotlinLazyLinearNeedsInitializeBeforeItsFirstBatch() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new LazyLinear(3).forward(new float[1][2]));
    assertEquals("LazyLinear: call initialize before the first forward pass", e.getMessage());
  }

  @Test
  void kotlinResidualLinearFillsTheInheritedJavaWeightFirst() {
    ResidualLinear block = new ResidualLinear(200);
    block.initialize(new SplittableRandom(7));
    SplittableRandom random = new SplittableRandom(7);
    float[][] first = new float[200][200];
    float[][] second = new float[200][200];
    Kaiming.normal(FloatTensor.of(first), FanMode.FAN_IN, RELU, random);
    Kaiming.normal(FloatTensor.of(second), FanMode.FAN_IN, 1.0, random);
    assertArrayEquals(first, block.weight);
    assertArrayEquals(second, block.getResidual());
    assertStd(1 / Math.sqrt(200), block.getResidual());
  }

  @Test
  void networksInitialiseLayerAfterLayerFromOneSeed() {
    Network a = Networks.mlp(20, 3);
    Network b = Networks.mlp(20, 3);
    a.initialize(new SplittableRandom(8));
    b.initialize(new SplittableRandom(8));
    float[][] input = new float[2][20];
    input[0][3] = 1;
    input[1][7] = -2;
    assertArrayEquals(a.forward(input), b.forward(input));
  }

  /**
   * A network's one generated call initialises its layers in declaration order from the one
   * generator: the weights each layer's own initializer gives when the layers are initialised one
   * after the other, as the demo did before its networks were {@code @Network}s.
   */
  @Test
  void aNetworksOneCallIsItsLayersInitialisedInOrder() {
    float[][] input = new float[2][400];
    input[0][3] = 1;
    input[1][250] = -2;
    for (boolean lenet : new boolean[] {false, true}) {
      Network network = lenet ? Networks.leNet(1, 20, 20, 10) : Networks.mlp(400, 10);
      network.initialize(new SplittableRandom(9));
      Network layerByLayer = lenet ? Networks.leNet(1, 20, 20, 10) : Networks.mlp(400, 10);
      SplittableRandom random = new SplittableRandom(9);
      layerByLayer.layers().forEach(layer -> layer.initialize(random));
      // The LeNet's lazy layer draws at the first batch, after the others, in both.
      assertArrayEquals(layerByLayer.forward(input), network.forward(input), network.name());
    }
  }

  @Test
  void aKotlinNetworkNamesItsParametersByItsProperties() {
    Mlp mlp = new Mlp(20, 3);
    assertEquals(
        List.of(
            "fc1.weight",
            "fc1.bias",
            "block.weight",
            "block.bias",
            "block.residual",
            "block.residualBias",
            "fc2.weight",
            "fc2.bias",
            "head.weight",
            "head.bias"),
        MlpInitializer.plan(mlp).parameters().stream().map(InitPlan.Parameter::name).toList());
  }

  @Test
  void aLazyLayerWithoutItsWeightIsSkippedAndFilledWhenBuilt() {
    LazyLinear lazy = new LazyLinear(4);
    assertEquals(
        List.of("bias"),
        LazyLinearInitializer.plan(lazy).parameters().stream()
            .map(InitPlan.Parameter::name)
            .toList());
    lazy.initializeWhenBuilt(new SplittableRandom(10));
    lazy.forward(new float[1][6]);
    assertArrayEquals(expected(4, 6, FanMode.FAN_IN, RELU, 10), lazy.weight);
  }

  private static boolean allZero(float[] values) {
    for (float v : values) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }
}
