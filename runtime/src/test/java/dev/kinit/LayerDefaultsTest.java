package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kinit.internal.Rules;
import java.util.List;
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
        Rules.FEWER_THAN_TWO_DIMENSIONS,
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

  @Test
  void aBiasThatDoesNotFitItsWeightFailsBeforeWriting() {
    float[] bias = {5, 6, 7};
    SplittableRandom random = new SplittableRandom(3);
    FloatTensor weight = FloatTensor.of("Net.weight", new float[4][6]); // Linear(6, 4)
    assertEquals(
        "Net.bias: shape [3] does not fit Net.weight of shape [4, 6]; expected a 1-D bias of"
            + " length 4, the weight's output size shape[0]",
        assertThrows(
                IllegalArgumentException.class,
                () -> LayerDefaults.bias(FloatTensor.of("Net.bias", bias), weight, random))
            .getMessage());
    assertEquals(
        "bias: shape [3] does not fit weight of shape [8, 3, 3, 3]; expected a 1-D bias of"
            + " length 8, the weight's output size shape[0]",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    LayerDefaults.bias(
                        FloatTensor.of("bias", bias), new int[] {8, 3, 3, 3}, random))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> LayerDefaults.bias(FloatTensor.of("bias", bias, 3, 1), new int[] {3, 2}, random));
    // Even when the weight's fan_in is 0 and nothing would be drawn.
    assertThrows(
        IllegalArgumentException.class,
        () -> LayerDefaults.bias(FloatTensor.of("bias", bias), new int[] {2, 0}, random));
    assertArrayEquals(new float[] {5, 6, 7}, bias);
    assertEquals(new SplittableRandom(3).nextLong(), random.nextLong(), "nothing drawn");
  }

  @Test
  void biasForFanInTakesTheBoundFromTheGivenFan() {
    double[] bias = new double[6];
    LayerDefaults.biasForFanIn(DoubleTensor.of("bias", bias), 54, new SplittableRandom(4));
    SplittableRandom expected = new SplittableRandom(4);
    for (double value : bias) {
      assertEquals(expected.nextDouble(-1 / Math.sqrt(54), 1 / Math.sqrt(54)), value);
    }
  }

  @Test
  void biasForFanInOf0LeavesTheBiasAloneAndANegativeFanFails() {
    float[] bias = {5, 6};
    LayerDefaults.biasForFanIn(FloatTensor.of("bias", bias), 0, new SplittableRandom(1));
    assertArrayEquals(new float[] {5, 6}, bias);
    assertEquals(
        "fanIn: -1 is negative; expected the fan_in of bias's weight",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    LayerDefaults.biasForFanIn(
                        FloatTensor.of("bias", bias), -1, new SplittableRandom(1)))
            .getMessage());
    assertArrayEquals(new float[] {5, 6}, bias);
  }

  @Test
  void checkBiasThrowsWhatTheFillWouldWithoutWriting() {
    float[] bias = {5, 6, 7};
    FloatTensor tensor = FloatTensor.of("bias", bias);
    LayerDefaults.checkBias(tensor, FloatTensor.of("weight", new float[3][2]));
    FloatTensor wrongWeight = FloatTensor.of("weight", new float[4][2]);
    String expected =
        assertThrows(
                IllegalArgumentException.class,
                () -> LayerDefaults.bias(tensor, wrongWeight, new SplittableRandom(1)))
            .getMessage();
    assertEquals(
        expected,
        assertThrows(
                IllegalArgumentException.class, () -> LayerDefaults.checkBias(tensor, wrongWeight))
            .getMessage());
    assertArrayEquals(new float[] {5, 6, 7}, bias);
  }

  @Test
  void aBiasWhoseWeightHasFanIn0IsLeftAsItIsWithAWarning() {
    float[] bias = {1, 2, 3};
    FloatTensor weight = FloatTensor.of("weight", new float[0], 3, 0);
    try (Warnings logged = Warnings.of(LayerDefaults.class.getName())) {
      RecordingSampler sampler = new RecordingSampler();
      Init.torchDefaultBias(weight).fill(FloatTensor.of("bias", bias), sampler);

      assertEquals(List.of(), sampler.calls, "nothing drawn");
      assertArrayEquals(new float[] {1, 2, 3}, bias);
      assertEquals(
          List.of(
              "bias is left as it is: the weight of shape [3, 0] has fan_in 0, so the bias bound"
                  + " 1 / sqrt(fan_in) is undefined"),
          logged.messages());
    }
  }

  @Test
  void theDefaultsDrawOnlyWhereTheyWrite() {
    FloatTensor weight = FloatTensor.of("weight", new float[0], 0, 5); // no rows, fan_in 5
    FloatTensor bias = FloatTensor.of("bias", new float[0]);
    assertEquals(false, Init.torchDefaultWeight().draws(weight));
    assertEquals(false, Init.torchDefaultBias(weight).draws(bias));
    FloatTensor rows = FloatTensor.of("weight", new float[2][5]);
    assertEquals(true, Init.torchDefaultWeight().draws(rows));
    assertEquals(true, Init.torchDefaultBias(rows).draws(FloatTensor.of("bias", new float[2])));
  }

  @Test
  void theDefaultWeightIsCheckedAsKaimingChecksIt() {
    assertEquals(
        "weight: Fan in and fan out can not be computed for tensor with fewer than 2 dimensions;"
            + " shape [3]",
        assertThrows(
                IllegalArgumentException.class,
                () -> Init.torchDefaultWeight().check(FloatTensor.of("weight", new float[3])))
            .getMessage());
  }
}
