package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.internal.Rules;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class KaimingFillTest {

  private static final double RELU = Nonlinearity.RELU.gain(0);
  private static final float UNTOUCHED = 42f;

  @Test
  void elementsAreDrawnInRowMajorOrderFromTheGenerator() {
    float[][] weight = new float[3][5];
    Kaiming.normal(FloatTensor.of(weight), FanMode.FAN_IN, RELU, new SplittableRandom(7));

    double std = RELU / Math.sqrt(5);
    SplittableRandom expected = new SplittableRandom(7);
    for (float[] row : weight) {
      for (float value : row) {
        assertEquals((float) (std * expected.nextGaussian()), value);
      }
    }
  }

  @Test
  void uniformDrawsBoundedDoublesFromTheGenerator() {
    double[] weight = new double[15];
    Kaiming.uniform(DoubleTensor.of(weight, 3, 5), FanMode.FAN_OUT, RELU, new SplittableRandom(3));

    double bound = Math.sqrt(3.0) * (RELU / Math.sqrt(3)); // sqrt(3) · std, fan_out 3
    SplittableRandom expected = new SplittableRandom(3);
    for (double value : weight) {
      assertEquals(expected.nextDouble(-bound, bound), value);
    }
  }

  @Test
  void sameSeedGivesTheSameWeights() {
    assertArrayEquals(normalConv(11, 12345), normalConv(11, 12345));
  }

  @Test
  void differentSeedsGiveDifferentWeights() {
    float[] a = normalConv(11, 1);
    float[] b = normalConv(11, 2);
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      equal += a[i] == b[i] ? 1 : 0;
    }
    assertEquals(0, equal, "elements equal across seeds");
  }

  @Test
  void nestedAndFlatLayoutsOfOneShapeGetTheSameValues() {
    float[][][][] nested = new float[4][3][2][2];
    float[] flat = new float[48];
    Kaiming.uniform(FloatTensor.of(nested), FanMode.FAN_IN, RELU, new SplittableRandom(5));
    Kaiming.uniform(
        FloatTensor.of(flat, 4, 3, 2, 2), FanMode.FAN_IN, RELU, new SplittableRandom(5));
    assertEquals(flat[1 * 12 + 2 * 4 + 1 * 2 + 1], nested[1][2][1][1]);
    assertEquals(flat[47], nested[3][2][1][1]);
  }

  @Test
  void aGeneratorThatIsATensorSamplerSamplesTheWholeTensor() {
    RecordingSampler sampler = new RecordingSampler();
    FloatTensor tensor = FloatTensor.of(new float[4][9]);
    Kaiming.normal(tensor, FanMode.FAN_IN, RELU, sampler);
    Kaiming.uniform(tensor, FanMode.FAN_OUT, RELU, sampler);

    assertEquals(
        List.of(
            "normal " + tensor + " 0.0 " + RELU / 3,
            "uniform "
                + tensor
                + " "
                + -Math.sqrt(3.0) * (RELU / 2)
                + " "
                + Math.sqrt(3.0) * (RELU / 2)),
        sampler.calls);
    assertSame(sampler, TensorSampler.of(sampler));
  }

  @Test
  void zeroElementTensorIsANoOpWithAWarning() {
    try (Warnings logged = Warnings.of(Kaiming.class.getName())) {
      RecordingSampler sampler = new RecordingSampler();
      Kaiming.normal(
          FloatTensor.of("weight", new float[0], 0, 4, 3, 3), FanMode.FAN_IN, RELU, sampler);
      Kaiming.uniform(DoubleTensor.of("bias", new double[0]), FanMode.FAN_IN, RELU, sampler);

      assertTrue(sampler.calls.isEmpty(), "nothing sampled");
      assertEquals(
          List.of(
              "Initializing zero-element tensors is a no-op: weight has shape [0, 4, 3, 3]",
              "Initializing zero-element tensors is a no-op: bias has shape [0]"),
          logged.messages());
    }
  }

  @Test
  void fewerThanTwoDimensionsFailsBeforeWriting() {
    float[] bias = filled(8);
    assertFailsUntouched(
        IllegalArgumentException.class,
        "bias: Fan in and fan out can not be computed for tensor with fewer than 2 dimensions;"
            + " shape [8]",
        bias,
        () ->
            Kaiming.normal(
                FloatTensor.of("bias", bias), FanMode.FAN_IN, RELU, new SplittableRandom(1)));
  }

  @Test
  void invalidGainFailsBeforeWriting() {
    float[] weight = filled(6);
    assertFailsUntouched(
        IllegalArgumentException.class,
        "gain: NaN is not a valid gain; expected a finite positive number",
        weight,
        () ->
            Kaiming.uniform(
                FloatTensor.of(weight, 2, 3), FanMode.FAN_IN, Double.NaN, new SplittableRandom(1)));
  }

  @Test
  void uniformBoundWhoseRangeOverflowsFailsBeforeWriting() {
    float[] weight = filled(6);
    double bound = Math.sqrt(3.0) * (Double.MAX_VALUE / Math.sqrt(3));
    assertFailsUntouched(
        IllegalArgumentException.class,
        "weight: bound "
            + bound
            + " is not a normal float with a finite width 2 * bound; expected Float.MIN_NORMAL"
            + " (1.1754944E-38)"
            + " <= bound <= Float.MAX_VALUE / 2 (1.7014117E38); it is sqrt(3) * gain /"
            + " sqrt(fan_in) with gain"
            + " 1.7976931348623157E308 and fan_in 3",
        weight,
        () ->
            Kaiming.uniform(
                FloatTensor.of("weight", weight, 2, 3),
                FanMode.FAN_IN,
                Double.MAX_VALUE,
                new SplittableRandom(1)));
  }

  @Test
  void uniformBoundThatUnderflowsToZeroFailsBeforeWriting() {
    double[] weight = new double[200];
    Arrays.fill(weight, UNTOUCHED);
    // std = 4.9E-324 / sqrt(100) rounds to 0.
    assertEquals(
        "weight: bound 0.0 is not a normal double with a finite width 2 * bound; expected"
            + " Double.MIN_NORMAL (2.2250738585072014E-308) <= bound <= Double.MAX_VALUE / 2"
            + " (8.988465674311579E307); it is sqrt(3) * gain"
            + " / sqrt(fan_in) with gain 4.9E-324 and fan_in 100",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Kaiming.uniform(
                        DoubleTensor.of("weight", weight, 2, 100),
                        FanMode.FAN_IN,
                        Double.MIN_VALUE,
                        new SplittableRandom(1)))
            .getMessage());
    for (double value : weight) {
      assertEquals(UNTOUCHED, value);
    }
  }

  @Test
  void normalStdBelowTheNormalFloatsFailsBeforeWriting() {
    float[] weight = filled(8);
    // std = 1e-38 / sqrt(4) = 5e-39: a subnormal float.
    assertFailsUntouched(
        IllegalArgumentException.class,
        "weight: std 5.0E-39 is not a normal float; expected Float.MIN_NORMAL (1.1754944E-38) <="
            + " std <="
            + " Float.MAX_VALUE (3.4028235E38); it is gain / sqrt(fan_out) with gain 1.0E-38 and"
            + " fan_out 4",
        weight,
        () ->
            Kaiming.normal(
                FloatTensor.of("weight", weight, 4, 2),
                FanMode.FAN_OUT,
                1e-38,
                new SplittableRandom(1)));
  }

  @Test
  void nullArgumentsAreNamedAndNothingIsWritten() {
    float[] weight = filled(6);
    FloatTensor tensor = FloatTensor.of(weight, 2, 3);
    assertFailsUntouched(
        NullPointerException.class,
        "random",
        weight,
        () -> Kaiming.normal(tensor, FanMode.FAN_IN, RELU, null));
    assertFailsUntouched(
        NullPointerException.class,
        "mode",
        weight,
        () -> Kaiming.uniform(tensor, null, RELU, new SplittableRandom(1)));
    assertThrows(
        NullPointerException.class,
        () -> Kaiming.normal(null, FanMode.FAN_IN, RELU, new SplittableRandom(1)));
  }

  @Test
  void jaggedWeightIsRejectedBeforeAnyWrite() {
    float[][] weight = {filled(3), filled(3), filled(2)};
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Kaiming.normal(FloatTensor.of(weight), FanMode.FAN_IN, RELU, new SplittableRandom(1)));
    for (float[] row : weight) {
      assertUntouched(row);
    }
  }

  @Test
  void nonFiniteSlopeIsRejectedBeforeAnyWrite() {
    float[] weight = filled(6);
    assertFailsUntouched(
        IllegalArgumentException.class,
        "a = NaN is not a valid negative slope; expected a finite number",
        weight,
        () ->
            Kaiming.normal(
                FloatTensor.of(weight, 2, 3),
                FanMode.FAN_IN,
                Nonlinearity.LEAKY_RELU.gain(Double.NaN),
                new SplittableRandom(1)));
  }

  @Test
  void checkThrowsWhatTheFillWouldWithoutWriting() {
    float[] weight = filled(8);
    FloatTensor tensor = FloatTensor.of("weight", weight, 4, 2);
    for (Distribution distribution : Distribution.values()) {
      Kaiming.check(tensor, FanMode.FAN_IN, RELU, distribution);
      String expected =
          assertThrows(IllegalArgumentException.class, () -> fill(distribution, tensor, 1e-39))
              .getMessage();
      assertFailsUntouched(
          IllegalArgumentException.class,
          expected,
          weight,
          () -> Kaiming.check(tensor, FanMode.FAN_IN, 1e-39, distribution));
    }
    assertFailsUntouched(
        IllegalArgumentException.class,
        "tensor: " + Rules.FEWER_THAN_TWO_DIMENSIONS + "; shape [8]",
        weight,
        () -> Kaiming.check(FloatTensor.of(weight), FanMode.FAN_IN, RELU, Distribution.UNIFORM));
    Kaiming.check(FloatTensor.of(new float[0][3]), FanMode.FAN_IN, RELU, Distribution.NORMAL);
  }

  private static void fill(Distribution distribution, Tensor tensor, double gain) {
    if (distribution == Distribution.NORMAL) {
      Kaiming.normal(tensor, FanMode.FAN_IN, gain, new SplittableRandom(1));
    } else {
      Kaiming.uniform(tensor, FanMode.FAN_IN, gain, new SplittableRandom(1));
    }
  }

  private static float[] normalConv(int out, long seed) {
    float[] weight = new float[out * 6 * 3 * 3];
    Kaiming.normal(
        FloatTensor.of(weight, out, 6, 3, 3), FanMode.FAN_OUT, RELU, new SplittableRandom(seed));
    return weight;
  }

  private static float[] filled(int length) {
    float[] data = new float[length];
    Arrays.fill(data, UNTOUCHED);
    return data;
  }

  private static void assertFailsUntouched(
      Class<? extends RuntimeException> type, String message, float[] data, Executable call) {
    assertEquals(message, assertThrows(type, call).getMessage());
    assertUntouched(data);
  }

  private static void assertUntouched(float[] data) {
    for (float value : data) {
      assertEquals(UNTOUCHED, value);
    }
  }
}
