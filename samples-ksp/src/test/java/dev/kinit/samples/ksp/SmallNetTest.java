package dev.kinit.samples.ksp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import dev.kinit.Nonlinearity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The initializers KSP generated in this module's Maven build: the network's values are those the
 * runtime draws for each parameter's initialisation, in PyTorch's order, from the same generator.
 */
class SmallNetTest {

  @Test
  void theNetworkHoldsTheRuntimesValuesInPyTorchsOrder() {
    SmallNet net = new SmallNet(8, 10);
    SmallNetInitializer.initialize(net, new SplittableRandom(7));

    RandomGenerator random = new SplittableRandom(7);
    Init kaiming = Init.kaimingNormal(FanMode.FAN_OUT, Nonlinearity.RELU.gain(0));
    float[][][][] stem = new float[8][3][3][3];
    float[][][][] conv0 = new float[8][8][3][3];
    float[][][][] conv2 = new float[8][8][3][3];
    float[] projection = new float[16 * 8];
    float[][] head = new float[10][16];
    float[] headBias = new float[10];
    kaiming.fill(FloatTensor.of(stem), random);
    kaiming.fill(FloatTensor.of(conv0), random);
    kaiming.fill(FloatTensor.of(conv2), random);
    Init.kaimingNormal(FanMode.FAN_IN, Nonlinearity.RELU.gain(0))
        .fill(FloatTensor.of(projection, 16, 8), random);
    Init.torchDefaultWeight().fill(FloatTensor.of(head), random);
    Init.torchDefaultBias(FloatTensor.of(head)).fill(FloatTensor.of(headBias), random);
    Init.normal(0, 0.01).fill(FloatTensor.of(head), random); // the rule, after every module

    assertArrayEquals(stem, net.getStem().getWeight());
    ConvBlock first = (ConvBlock) net.getBlocks().get(0);
    ConvBlock third = (ConvBlock) net.getBlocks().get(2);
    assertArrayEquals(conv0, first.getConv().getWeight());
    assertArrayEquals(conv2, third.getConv().getWeight());
    float[] ones = new float[8];
    Arrays.fill(ones, 1);
    assertArrayEquals(ones, first.getNorm().getWeight());
    assertArrayEquals(new float[8], first.getNorm().getBias());
    assertArrayEquals(projection, net.getProjection().weight);
    assertArrayEquals(head, net.getHead().getWeight());
    assertArrayEquals(headBias, net.getHead().getBias());
  }

  @Test
  void theParametersAreNamedByTheirPaths() {
    InitPlan plan = SmallNetInitializer.plan(new SmallNet(8, 10));
    assertEquals(
        List.of(
            "stem.weight",
            "blocks.0.conv.weight",
            "blocks.0.norm.weight",
            "blocks.0.norm.bias",
            "blocks.2.conv.weight",
            "blocks.2.norm.weight",
            "blocks.2.norm.bias",
            "projection.weight",
            "head.weight",
            "head.bias"),
        plan.parameters().stream().map(InitPlan.Parameter::name).toList());
  }

  @Test
  void aLinearWithoutBiasHasNoneToFill() {
    Linear linear = new Linear(4, 3, false);
    LinearInitializer.initialize(linear, new SplittableRandom(1));
    assertNull(linear.getBias());
    float[][] weight = new float[3][4];
    Init.torchDefaultWeight().fill(FloatTensor.of(weight), new SplittableRandom(1));
    assertArrayEquals(weight, linear.getWeight());
  }

  /** KSP wrote them, under the directory the build gives its Java output, as kapt would have. */
  @Test
  void kspGeneratedTheInitializers() throws IOException {
    Path generated = Path.of("target/generated-sources/ksp/java/dev/kinit/samples/ksp");
    for (String layer :
        List.of("Linear", "Conv2d", "BatchNorm", "FlatLinear", "ConvBlock", "SmallNet")) {
      String source = Files.readString(generated.resolve(layer + "Initializer.java"));
      assertTrue(
          source.contains("@Generated(\n    value = \"dev.kinit.processor.KaimingInitProcessor\""),
          source);
    }
  }
}
