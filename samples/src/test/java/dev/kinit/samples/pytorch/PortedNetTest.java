package dev.kinit.samples.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PortedNet}'s weights equal, bit for bit, those PyTorch 1.13 gives the same modules after
 * {@code torch.manual_seed(seed)}: {@code src/test/resources/pytorch/ported_net.json}, written by
 * {@code make_ported_net.py} beside it.
 */
class PortedNetTest {

  static Stream<JsonObject> cases() throws IOException {
    try (InputStream in = PortedNetTest.class.getResourceAsStream("/pytorch/ported_net.json")) {
      JsonObject root =
          JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
              .getAsJsonObject();
      List<JsonObject> cases = new ArrayList<>();
      root.getAsJsonArray("cases").forEach(c -> cases.add(c.getAsJsonObject()));
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases")
  void weightsEqualPyTorchs(JsonObject c) {
    PortedNet net = PortedNet.manualSeed(c.get("seed").getAsLong());
    Map<String, float[]> ours =
        Map.of(
            "conv.weight", flatten(net.conv.weight()),
            "conv.bias", net.conv.bias(),
            "fc1.weight", flatten(net.fc1.weight()),
            "fc1.bias", net.fc1.bias(),
            "fc2.weight", flatten(net.fc2.weight()),
            "fc2.bias", net.fc2.bias());
    JsonObject parameters = c.getAsJsonObject("parameters");
    assertEquals(ours.keySet(), parameters.keySet());
    for (String name : parameters.keySet()) {
      JsonArray torch = parameters.getAsJsonObject(name).getAsJsonArray("values");
      float[] values = ours.get(name);
      assertEquals(torch.size(), values.length, name);
      for (int i = 0; i < values.length; i++) {
        assertEquals(
            torch.get(i).getAsString(),
            String.format("%08x", Float.floatToRawIntBits(values[i])),
            name + "[" + i + "]");
      }
    }
  }

  private static float[] flatten(float[][] matrix) {
    float[] flat = new float[matrix.length * matrix[0].length];
    for (int i = 0; i < matrix.length; i++) {
      System.arraycopy(matrix[i], 0, flat, i * matrix[0].length, matrix[0].length);
    }
    return flat;
  }

  private static float[] flatten(float[][][][] weight) {
    float[][] rows =
        Stream.of(weight).flatMap(Stream::of).flatMap(Stream::of).toArray(float[][]::new);
    return flatten(rows);
  }
}
