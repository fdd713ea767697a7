package dev.kinit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.kinit.DoubleTensor;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import dev.kinit.TorchReference;
import dev.kinit.Xavier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the reference streams, through kinit's public API: after {@code manualSeed(seed)},
 * {@code uniform_}, {@code normal_}, {@code kaiming_uniform_} and {@code kaiming_normal_} on fresh
 * tensors, sequences of them on one generator, and (float64 files) {@code torch.rand}/{@code
 * torch.randn} against the scalar methods.
 *
 * <p>Uniform values, scalar samples and the normal path below 16 elements must be bit-exact, and so
 * must every value of the AVX2 float32 block path, whose arithmetic is reproduced step by step.
 * Where PyTorch's block path calls the C library's log, sin and cos (float in the default kernels,
 * double in both builds), {@link StrictMath} stands in for glibc; a value that is not bit-exact
 * there must be reproduced exactly by PyTorch's formula with the log and the cos/sin each moved by
 * at most one ulp ({@link LibmExplanation}), i.e. differ only through a last-bit difference of the
 * C library. The exact counts are printed per file.
 */
class StreamsReferenceTest {

  private static final List<Tally> TALLIES = new ArrayList<>();

  @TestFactory
  Stream<DynamicTest> float32Avx2() {
    return cases("streams.json", CpuCapability.AVX2);
  }

  @TestFactory
  Stream<DynamicTest> float32Default() {
    return cases("scalar-kernels/streams.json", CpuCapability.DEFAULT);
  }

  @TestFactory
  Stream<DynamicTest> float64Avx2() {
    return cases("streams-float64.json", CpuCapability.AVX2);
  }

  @TestFactory
  Stream<DynamicTest> float64Default() {
    return cases("scalar-kernels/streams-float64.json", CpuCapability.DEFAULT);
  }

  @AfterAll
  static void printExactCounts() {
    TALLIES.forEach(System.out::println);
  }

  private static Stream<DynamicTest> cases(String file, CpuCapability capability) {
    boolean float64 = file.contains("float64");
    Tally tally = new Tally(file + " [" + capability.torchName() + "]");
    TALLIES.add(tally);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonObject c : TorchReference.cases(file)) {
      long seed = c.get("seed").getAsLong();
      String op = c.get("op").getAsString();
      List<JsonObject> steps = new ArrayList<>();
      if (c.has("steps")) {
        c.getAsJsonArray("steps").forEach(step -> steps.add(step.getAsJsonObject()));
      } else {
        steps.add(c);
      }
      tests.add(
          DynamicTest.dynamicTest(
              seed + " " + op + " " + c.get("shape"),
              () -> {
                TorchGenerator random = TorchGenerator.manualSeed(seed, capability);
                for (int k = 0; k < steps.size(); k++) {
                  JsonObject step = steps.get(k);
                  List<JsonObject> before = steps.subList(0, k);
                  Replay replay =
                      () -> {
                        TorchGenerator again = TorchGenerator.manualSeed(seed, capability);
                        before.forEach(s -> run(again, s, float64));
                        return again;
                      };
                  if (op.equals("scalars")) {
                    checkScalar(random, step, tally.category(op));
                  } else {
                    check(random, step, float64, k == 0, replay, tally.category(op));
                  }
                }
              }));
    }
    return tests.stream();
  }

  /** A generator in the state the current step starts from. */
  interface Replay {
    TorchGenerator generator();
  }

  private static double[] run(TorchGenerator random, JsonObject step, boolean float64) {
    String op = step.get("op").getAsString();
    int[] shape = TorchReference.shape(step, "shape");
    int size = step.getAsJsonArray("values").size();
    JsonObject args = step.getAsJsonObject("args");
    if (float64) {
      double[] values = new double[size];
      ReferenceOps.run(random, op, DoubleTensor.of(values, shape), args);
      return values;
    }
    float[] values = new float[size];
    ReferenceOps.run(random, op, FloatTensor.of(values, shape), args);
    return widen(values);
  }

  private static double[] widen(float[] values) {
    double[] widened = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      widened[i] = values[i];
    }
    return widened;
  }

  /**
   * Runs {@code step} on {@code random} and compares with PyTorch's values: bit-exact, or (where
   * PyTorch's normal fill calls the C library) explained by {@link LibmExplanation}.
   */
  static void check(
      TorchGenerator random,
      JsonObject step,
      boolean float64,
      boolean freshGenerator,
      Replay replay,
      Tally.Category tally) {
    String op = step.get("op").getAsString();
    JsonArray hex = step.getAsJsonArray("values");
    double[] actual = run(random, step, float64);
    // The C library computes: the float block path of the default kernels, every double block, and
    // the double scalar path (below 16 elements), which only a float64 result can show.
    boolean normal = op.endsWith("normal");
    boolean blockPath = actual.length >= NormalBlocks.SIZE;
    boolean callsLibm =
        normal
            && (blockPath
                ? float64 || random.capability() == CpuCapability.DEFAULT
                : float64 && freshGenerator);
    double[] expectedValues = float64 ? Bits.doubles(hex) : widen(Bits.floats(hex));
    LibmExplanation explanation = null;
    for (int i = 0; i < actual.length; i++) {
      double expected = expectedValues[i];
      long ulps =
          float64
              ? Bits.ulpDistance(expected, actual[i])
              : Bits.ulpDistance((float) expected, (float) actual[i]);
      tally.add(ulps);
      if (ulps == 0) {
        continue;
      }
      String where =
          op
              + " "
              + step.get("shape")
              + " element "
              + i
              + ": expected "
              + hex.get(i).getAsString()
              + ", was "
              + actual[i]
              + " ("
              + ulps
              + " ulps)";
      assertTrue(callsLibm, where + "; expected bit-exact here");
      if (explanation == null) {
        explanation =
            new LibmExplanation(
                replay.generator(),
                actual.length,
                float64,
                (float) mean(step),
                (float) std(step),
                mean(step),
                std(step));
      }
      assertEquals(explanation.formula(i), actual[i], where + "; expected PyTorch's formula");
      assertTrue(
          explanation.explains(i, expected),
          where + "; not explained by a one-ulp difference of the C library's log, cos or sin");
      tally.explained();
    }
  }

  private static double mean(JsonObject step) {
    JsonObject args = step.getAsJsonObject("args");
    return args.has("mean") ? args.get("mean").getAsDouble() : 0.0;
  }

  private static double std(JsonObject step) {
    JsonObject args = step.getAsJsonObject("args");
    int[] shape = TorchReference.shape(step, "shape");
    if (args.has("std")) {
      return args.get("std").getAsDouble();
    }
    return args.has("mode")
        ? Kaiming.std(shape, ReferenceOps.mode(args), ReferenceOps.gain(args))
        : Xavier.std(shape, args.get("gain").getAsDouble());
  }

  private static void checkScalar(TorchGenerator random, JsonObject step, Tally.Category tally) {
    JsonElement expected = step.getAsJsonArray("values").get(0);
    String actual =
        switch (step.get("op").getAsString() + " " + step.get("dtype").getAsString()) {
          case "rand float32" -> Bits.hex(random.nextFloat());
          case "rand float64" -> Bits.hex(random.nextDouble());
          case "randn float64" -> Bits.hex(random.nextGaussian());
          default -> throw new IllegalArgumentException("unknown step " + step);
        };
    tally.add(expected.getAsString().equals(actual) ? 0 : 1);
    assertEquals(expected.getAsString(), actual, step.toString());
  }

  /** Counts exact values, per kind of case, of one file. */
  static final class Tally {
    private final String title;
    private final Map<String, Category> categories = new LinkedHashMap<>();

    Tally(String title) {
      this.title = title;
    }

    synchronized Category category(String name) {
      return categories.computeIfAbsent(name, Category::new);
    }

    @Override
    public synchronized String toString() {
      StringBuilder text = new StringBuilder(title).append(':');
      categories.values().forEach(c -> text.append(' ').append(c));
      return text.toString();
    }

    static final class Category {
      private final String name;
      private long values;
      private long exact;
      private long explained;
      private long maxUlps;

      Category(String name) {
        this.name = name;
      }

      synchronized void add(long ulps) {
        values++;
        exact += ulps == 0 ? 1 : 0;
        maxUlps = Math.max(maxUlps, ulps);
      }

      synchronized void explained() {
        explained++;
      }

      @Override
      public synchronized String toString() {
        return name
            + " "
            + exact
            + "/"
            + values
            + " exact"
            + (exact < values
                ? " (" + explained + " by a C-library ulp, largest distance " + maxUlps + " ulps)"
                : "")
            + ";";
      }
    }
  }
}
