package dev.kinit.samples.models;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kinit.InitPlan;
import dev.kinit.Tensor;
import dev.kinit.samples.TensorValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A network's parameters as PyTorch 1.13 gives them after {@code torch.manual_seed(seed)}, read
 * from {@code src/test/resources/pytorch/networks/} (see the README there), and the comparison of a
 * plan's parameters with them.
 */
final class PyTorchReference {

  /** One parameter of one run: its name, shape, digest, ends and, for small ones, every value. */
  record Parameter(
      String name,
      int[] shape,
      String sha256,
      List<String> first,
      List<String> last,
      List<String> values) {}

  /** One seed's parameters, in {@code named_parameters()} order. */
  record Run(String network, long seed, List<Parameter> parameters) {}

  private PyTorchReference() {}

  /** Every run of {@code file} ({@code resnet18.json}). */
  static List<Run> runs(String file) {
    String resource = "/pytorch/networks/" + file;
    try (InputStream in = PyTorchReference.class.getResourceAsStream(resource)) {
      Objects.requireNonNull(in, resource);
      JsonObject root =
          JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
              .getAsJsonObject();
      List<Run> runs = new ArrayList<>();
      for (var run : root.getAsJsonArray("runs")) {
        List<Parameter> parameters = new ArrayList<>();
        for (var p : run.getAsJsonObject().getAsJsonArray("parameters")) {
          JsonObject parameter = p.getAsJsonObject();
          parameters.add(
              new Parameter(
                  parameter.get("name").getAsString(),
                  toInts(parameter.getAsJsonArray("shape")),
                  parameter.get("sha256").getAsString(),
                  strings(parameter.getAsJsonArray("first")),
                  strings(parameter.getAsJsonArray("last")),
                  parameter.has("values") ? strings(parameter.getAsJsonArray("values")) : null));
        }
        runs.add(
            new Run(
                root.get("network").getAsString(),
                run.getAsJsonObject().get("seed").getAsLong(),
                List.copyOf(parameters)));
      }
      return runs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How each parameter of {@code plan} differs from {@code run}'s, one line each; empty if every
   * parameter has PyTorch's name, position, shape and bits.
   */
  static List<String> differences(InitPlan plan, Run run) {
    List<String> differences = new ArrayList<>();
    List<InitPlan.Parameter> ours = plan.parameters();
    List<String> names = ours.stream().map(InitPlan.Parameter::name).toList();
    List<String> theirs = run.parameters().stream().map(Parameter::name).toList();
    if (!names.equals(theirs)) {
      differences.add("names: " + names + "; PyTorch's " + theirs);
      return differences;
    }
    for (int i = 0; i < ours.size(); i++) {
      Tensor tensor = ours.get(i).tensor();
      Parameter reference = run.parameters().get(i);
      String name = reference.name();
      if (!Arrays.equals(tensor.shape(), reference.shape())) {
        differences.add(
            name
                + ": shape "
                + Arrays.toString(tensor.shape())
                + ", PyTorch's "
                + Arrays.toString(reference.shape()));
        continue;
      }
      Digest digest = Digest.of(tensor);
      if (!digest.first().equals(reference.first()) || !digest.last().equals(reference.last())) {
        differences.add(
            name
                + ": first/last "
                + digest.first()
                + " "
                + digest.last()
                + ", PyTorch's "
                + reference.first()
                + " "
                + reference.last());
      } else if (reference.values() != null && !bits(tensor).equals(reference.values())) {
        List<String> values = bits(tensor);
        int at = 0;
        while (values.get(at).equals(reference.values().get(at))) {
          at++;
        }
        differences.add(
            name
                + ": value "
                + at
                + " is "
                + values.get(at)
                + ", PyTorch's "
                + reference.values().get(at));
      } else if (!digest.sha256().equals(reference.sha256())) {
        differences.add(
            name + ": SHA-256 " + digest.sha256() + ", PyTorch's " + reference.sha256());
      }
    }
    return differences;
  }

  /** The SHA-256 of a tensor's float32 little-endian bytes, and its first and last 8 values. */
  record Digest(String sha256, List<String> first, List<String> last) {

    static Digest of(Tensor tensor) {
      MessageDigest sha;
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      long size = tensor.size();
      List<String> first = new ArrayList<>();
      List<String> last = new ArrayList<>();
      ByteBuffer bytes = ByteBuffer.allocate(4 * 4096).order(ByteOrder.LITTLE_ENDIAN);
      long[] position = {0};
      tensor.forEachSegment(
          0,
          size,
          new Tensor.SegmentVisitor() {
            @Override
            public void floats(float[] array, int offset, int length) {
              for (int i = offset; i < offset + length; i++) {
                long at = position[0]++;
                if (at < 8) {
                  first.add(hex(array[i]));
                }
                if (at >= size - 8) {
                  last.add(hex(array[i]));
                }
                bytes.putFloat(array[i]);
                if (!bytes.hasRemaining()) {
                  sha.update(bytes.flip());
                  bytes.clear();
                }
              }
            }

            @Override
            public void doubles(double[] array, int offset, int length) {
              throw new AssertionError("the ported models are float32");
            }
          });
      sha.update(bytes.flip());
      return new Digest(HexFormat.of().formatHex(sha.digest()), first, last);
    }
  }

  /** Every value of {@code tensor} as its bit pattern, in row-major order. */
  static List<String> bits(Tensor tensor) {
    List<String> values = new ArrayList<>();
    for (float value : TensorValues.flat(tensor)) {
      values.add(hex(value));
    }
    return values;
  }

  private static String hex(float value) {
    return String.format("%08x", Float.floatToRawIntBits(value));
  }

  private static int[] toInts(JsonArray array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).getAsInt();
    }
    return values;
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.getAsString()));
    return List.copyOf(values);
  }
}
