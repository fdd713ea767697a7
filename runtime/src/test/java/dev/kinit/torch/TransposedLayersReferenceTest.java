package dev.kinit.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import dev.kinit.Fans;
import dev.kinit.FloatTensor;
import dev.kinit.LayerDefaults;
import dev.kinit.TorchReference;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code transposed-layers.json}: {@code nn.ConvTranspose1d/2d} built right after
 * {@code torch.manual_seed(seed)}, whose weight is {@code [in][out / groups][k…]} and bias {@code
 * [out]}, reproduced bit for bit by {@link LayerDefaults#weight} and {@link
 * LayerDefaults#biasForFanIn} with the weight's fan_in; {@link LayerDefaults#bias(dev.kinit.Tensor,
 * dev.kinit.Tensor, java.util.random.RandomGenerator)}, made for {@code [out][in][k…]} weights,
 * rejects the bias.
 */
class TransposedLayersReferenceTest {

  static Stream<Arguments> cases() {
    return TorchReference.cases("transposed-layers.json").stream()
        .map(c -> Arguments.of(c.get("seed").getAsLong(), c.get("layer").getAsString(), c));
  }

  @ParameterizedTest(name = "seed {0} {1}")
  @MethodSource("cases")
  void weightThenBiasForFanInAreBitExact(long seed, String layer, JsonObject c) {
    int[] shape = TorchReference.shape(c, "weight_shape");
    float[] weight = new float[Arrays.stream(shape).reduce(1, Math::multiplyExact)];
    float[] bias = new float[TorchReference.shape(c, "bias_shape")[0]];
    TorchGenerator random = TorchGenerator.manualSeed(seed);

    FloatTensor weightTensor = FloatTensor.of("weight", weight, shape);
    LayerDefaults.weight(weightTensor, random);
    assertThrows(
        IllegalArgumentException.class,
        () -> LayerDefaults.bias(FloatTensor.of("bias", bias), weightTensor, random),
        layer + ": the bias's length is not shape[0]");
    LayerDefaults.biasForFanIn(FloatTensor.of("bias", bias), Fans.of(shape).fanIn(), random);

    assertArrayEquals(Bits.floats(c.getAsJsonArray("weight")), weight, layer + " weight");
    assertArrayEquals(Bits.floats(c.getAsJsonArray("bias")), bias, layer + " bias");
  }
}
