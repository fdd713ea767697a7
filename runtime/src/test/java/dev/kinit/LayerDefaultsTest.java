package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayerDefaultsTest {

  @Test
  void weightIsKaimingUniformWithSlopeSqrt5AndBiasFollowsOnTheSameGenerator() {
    float[][] weight = new float[4][6]; // Linear(6, 4): fan_in 6
    float[] bias = new float[4];
    SplittableRandom random = new SplittableRandom(17);
    LayerDefaults.weight(FloatTensor.of("weight", weight), random);
    LayerDefaults.bias(FloatTensor.of("bias", bias), FloatTensor.of("weight", weight), random);

    // Python: gain = sqrt(2 / (1 + sqrt(5)**2)); bound = sqrt(3) * gain / sqrt(6)
    double weightBound = Math.sqrt(3.0) * (Math.sqrt(2.0 / (1 + 5.000000000000001)) / Math.sqrt(6));
    double biasBound = 1 / Math.sqrt(6);
    SplittableRandom expected = new SplittableRandom(17);
    for (float[] row : weight) {
      for (float value : row) {
        assertEquals((float) expected.nextDouble(-weightBound, weightBound), value);
      }
    }
    for (float value : bias) {
      assertEquals((float) expected.nextDouble(-biasBound, biasBound), value);
    }
  }

  @Test
  void biasBoundUsesTheConvolutionWeightsFanIn() {
    double[] bias = new double[8];
    LayerDefaults.bias(
        DoubleTensor.of("bias", bias), new int[] {8, 3, 3, 3}, new SplittableRandom(2));
    SplittableRandom expected = new SplittableRandom(2);
    for (double value : bias) {
      assertEquals(expected.nextDouble(-1 / Math.sqrt(27), 1 / Math.sqrt(27)), value);
    }
  }

  @Test
  void biasOfAWeightWithFanIn0IsLeftAlone() {
    float[] bias = {5, 6};
    LayerDefaults.bias(FloatTensor.of("bias", bias), new int[] {2, 0}, new SplittableRandom(1));
    assertArrayEquals(new float[] {5, 6}, bias);
  }

  @Test
  void badArgumentsFailBeforeWriting() {
    float[] bias = {5, 6};
    FloatTensor tensor = FloatTensor.of("bias", bias);
    assertEquals(
        Fans.FEWER_THAN_TWO_DIMENSIONS,
        assertThrows(
                IllegalArgumentException.class,
                () -> LayerDefaults.bias(tensor, new int[] {2}, new SplittableRandom(1)))
            .getMessage());
    assertEquals(
        "random",
        assertThrows(
                NullPointerException.class,
                () -> LayerDefaults.bias(tensor, new int[] {2, 2}, null))
            .getMessage());
    assertEquals(
        "weight",
        assertThrows(
                NullPointerException.class,
                () -> LayerDefaults.bias(tensor, (Tensor) null, new SplittableRandom(1)))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> LayerDefaults.weight(tensor, new SplittableRandom(1)));
    assertArrayEquals(new float[] {5, 6}, bias);
  }
}
