package dev.kinit.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.gson.JsonObject;
import dev.kinit.FloatTensor;
import dev.kinit.LayerDefaults;
import dev.kinit.TorchReference;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code layers.json} (AVX2 kernels) and {@code scalar-kernels/layers.json} (default
 * kernels): {@code nn.Linear} and {@code nn.Conv2d} built right after {@code
 * torch.manual_seed(seed)}, weight then bias, reproduced bit for bit by {@link LayerDefaults} on a
 * {@link TorchGenerator}.
 */
class LayersReferenceTest {

  static Stream<Arguments> cases() {
    return Stream.of(CpuCapability.values())
        .flatMap(
            capability ->
                TorchReference.cases(
                        capability == CpuCapability.AVX2
                            ? "layers.json"
                            : "scalar-kernels/layers.json")
                    .stream()
                    .map(
                        c ->
                            Arguments.of(
                                capability,
                                c.get("seed").getAsLong(),
                                c.get("layer").getAsString(),
                                c)));
  }

  @ParameterizedTest(name = "{0} seed {1} {2}")
  @MethodSource("cases")
  void weightThenBiasAreBitExact(CpuCapability capability, long seed, String layer, JsonObject c) {
    int[] shape = TorchReference.shape(c, "weight_shape");
    float[] weight =
        new float
            [Math.toIntExact(Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact))];
    float[] bias = new float[TorchReference.shape(c, "bias_shape")[0]];
    TorchGenerator random = TorchGenerator.manualSeed(seed, capability);

    FloatTensor weightTensor = FloatTensor.of("weight", weight, shape);
    LayerDefaults.weight(weightTensor, random);
    LayerDefaults.bias(FloatTensor.of("bias", bias), weightTensor, random);

    assertArrayEquals(hex(Bits.floats(c.getAsJsonArray("weight"))), hex(weight), layer + " weight");
    assertArrayEquals(hex(Bits.floats(c.getAsJsonArray("bias"))), hex(bias), layer + " bias");
  }

  private static String[] hex(float[] values) {
    String[] hex = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      hex[i] = Bits.hex(values[i]);
    }
    return hex;
  }
}
