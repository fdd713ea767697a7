package dev.kinit.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.kinit.FloatTensor;
import dev.kinit.TorchReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fills of about a million floats, against PyTorch's ({@code large-fills.json}: per seed, a
 * sequence of {@code normal_} and {@code uniform_} calls on one generator, each with the SHA-256 of
 * the tensor's bytes and its first and last values): on one thread and on all cores, into a flat
 * array and into rows. Every value must be PyTorch's, except where PyTorch calls the C library (the
 * float {@code normal_} of the default kernels; see {@link StreamsReferenceTest}): those fills
 * still have to consume the stream as PyTorch does, which the fills after them show.
 */
class LargeFillsReferenceTest {

  static Stream<Arguments> cases() {
    return Stream.of(CpuCapability.values())
        .flatMap(
            capability ->
                TorchReference.cases(
                        capability == CpuCapability.AVX2
                            ? "large-fills.json"
                            : "scalar-kernels/large-fills.json")
                    .stream()
                    .flatMap(
                        c ->
                            Stream.of(false, true)
                                .map(
                                    parallel ->
                                        Arguments.of(
                                            capability, c.get("seed").getAsLong(), parallel, c))));
  }

  @ParameterizedTest(name = "{0} seed {1}, all cores {2}")
  @MethodSource("cases")
  void sequencesOfLargeFillsArePyTorchs(
      CpuCapability capability, long seed, boolean parallel, JsonObject c) {
    TorchGenerator random =
        parallel
            ? TorchGenerator.manualSeed(seed, capability)
            : TorchGenerator.sequential(seed, capability);
    int step = 0;
    for (var element : c.getAsJsonArray("steps")) {
      JsonObject expected = element.getAsJsonObject();
      int[] shape = TorchReference.shape(expected, "shape");
      float[] flat = new float[size(shape)];
      int rows = shape[0];
      int columns = flat.length / rows;
      float[][] data = new float[rows][columns];
      // Odd steps fill rows, even steps one flat array, so that both meet every kind of fill.
      boolean nested = step++ % 2 == 1;
      FloatTensor tensor =
          nested ? FloatTensor.of("weight", data) : FloatTensor.of("weight", flat, shape);
      JsonObject args = expected.getAsJsonObject("args");
      String op = expected.get("op").getAsString();
      if (op.equals("normal")) {
        random.normal(tensor, args.get("mean").getAsDouble(), args.get("std").getAsDouble());
      } else {
        random.uniform(tensor, args.get("from").getAsDouble(), args.get("to").getAsDouble());
      }
      if (nested) {
        for (int r = 0; r < rows; r++) {
          System.arraycopy(data[r], 0, flat, r * columns, columns);
        }
      }
      if (op.equals("normal") && capability == CpuCapability.DEFAULT) {
        continue; // the C library's last bits; the next fill shows the stream position
      }
      String where = op + " " + expected.get("shape");
      assertArrayEquals(hex(expected.getAsJsonArray("first")), first(flat), where + " first");
      assertArrayEquals(hex(expected.getAsJsonArray("last")), last(flat), where + " last");
      assertEquals(expected.get("sha256").getAsString(), sha256(flat), where + " SHA-256");
    }
  }

  private static int size(int[] shape) {
    int size = 1;
    for (int n : shape) {
      size *= n;
    }
    return size;
  }

  private static String[] hex(JsonArray values) {
    String[] hex = new String[values.size()];
    for (int i = 0; i < hex.length; i++) {
      hex[i] = values.get(i).getAsString();
    }
    return hex;
  }

  private static String[] first(float[] values) {
    String[] hex = new String[8];
    for (int i = 0; i < 8; i++) {
      hex[i] = Bits.hex(values[i]);
    }
    return hex;
  }

  private static String[] last(float[] values) {
    String[] hex = new String[8];
    for (int i = 0; i < 8; i++) {
      hex[i] = Bits.hex(values[values.length - 8 + i]);
    }
    return hex;
  }

  private static String sha256(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
