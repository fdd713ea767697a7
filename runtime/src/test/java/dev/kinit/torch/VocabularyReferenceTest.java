package dev.kinit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.kinit.DoubleTensor;
import dev.kinit.FloatTensor;
import dev.kinit.TorchReference;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the vocabulary reference files through kinit's public API ({@code Xavier}, {@code
 * Normal}, {@code Uniform}, {@code Constant}, {@code Identity}, {@code Orthogonal}) on a {@link
 * TorchGenerator}: after {@code manualSeed(seed)}, one call on a fresh tensor, or a {@code
 * sequence} of calls on one generator; and PyTorch's error texts.
 *
 * <p>What must hold:
 *
 * <ul>
 *   <li>bit-exact: {@code xavier_uniform_}, {@code uniform_}, {@code constant_}, {@code zeros_},
 *       {@code ones_}, {@code eye_}, {@code dirac_}, and the normal fills where PyTorch computes
 *       them itself (the AVX2 float block, the scalar path below 16 elements);
 *   <li>{@code normal_}/{@code xavier_normal_} where PyTorch's default kernels call the C library's
 *       {@code logf}/{@code cosf}/{@code sinf}: a value that is not bit-exact must be PyTorch's
 *       formula with those moved by one ulp ({@link LibmExplanation}), as in {@link
 *       StreamsReferenceTest};
 *   <li>{@code trunc_normal_}: its values go through {@code erfinv_}, whose Newton steps call the C
 *       library's {@code erff} and {@code expf} (and {@code logf} in the tails), ported from glibc
 *       2.36; values that are not bit-exact must be within 2 ulps (the counts are printed);
 *   <li>{@code orthogonal_} goes through LAPACK's QR in PyTorch: the rows (or columns) must be
 *       orthonormal times the gain within 1e-5, the values must be PyTorch's within {@link
 *       #ORTHOGONAL_TOLERANCE}, and the generator must be left exactly where one {@code normal_} of
 *       the same size leaves it (the next calls of a sequence are checked bit for bit).
 * </ul>
 */
class VocabularyReferenceTest {

  /**
   * How far kinit's orthogonal values may lie from PyTorch's: PyTorch factors the float32 matrix
   * with LAPACK in float32, whose relative backward error is a small multiple of {@code n · u} with
   * {@code u = 2^-24}; for the matrices here ({@code n <= 64}, condition numbers below 10) that
   * moves an element of {@code Q} by less than {@code 64 · 10 · 2^-24 ≈ 4e-5}. kinit computes in
   * double, so the difference is PyTorch's own error.
   */
  private static final double ORTHOGONAL_TOLERANCE = 4e-5;

  /** {@code QᵀQ = I} (or {@code QQᵀ}) within this, element by element. */
  private static final double ORTHONORMAL_TOLERANCE = 1e-5;

  private static final List<StreamsReferenceTest.Tally> TALLIES = new ArrayList<>();

  /** The largest |QᵀQ - I| and distance from PyTorch's values seen in orthogonal cases. */
  private static final double[] ORTHOGONAL_WORST = new double[2];

  private static int orthogonalCases;

  @TestFactory
  Stream<DynamicTest> float32Avx2() {
    return cases("vocabulary.json", CpuCapability.AVX2);
  }

  @TestFactory
  Stream<DynamicTest> float32Default() {
    return cases("scalar-kernels/vocabulary.json", CpuCapability.DEFAULT);
  }

  @TestFactory
  Stream<DynamicTest> moreAvx2() {
    return cases("vocabulary-extra.json", CpuCapability.AVX2);
  }

  @TestFactory
  Stream<DynamicTest> moreDefault() {
    return cases("scalar-kernels/vocabulary-extra.json", CpuCapability.DEFAULT);
  }

  @TestFactory
  Stream<DynamicTest> pytorchErrorTexts() {
    return TorchReference.objects("vocabulary.json", "errors").stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.get("op").getAsString() + " " + c.get("shape"),
                    () -> {
                      int[] shape = TorchReference.shape(c, "shape");
                      float[] values = new float[sizeOf(shape)];
                      String op = c.get("op").getAsString();
                      TorchGenerator random = TorchGenerator.manualSeed(0);
                      IllegalArgumentException e =
                          assertThrows(
                              IllegalArgumentException.class,
                              () ->
                                  ReferenceOps.run(
                                      random,
                                      op,
                                      FloatTensor.of("w", values, shape),
                                      c.getAsJsonObject("args")));
                      String text = c.get("error").getAsString().replace("ValueError: ", "");
                      assertTrue(e.getMessage().contains(text), e.getMessage());
                      assertTrue(e.getMessage().startsWith("w: "), e.getMessage());
                      assertEquals(
                          TorchGenerator.manualSeed(0).nextInt(), random.nextInt(), "drew");
                    }));
  }

  @AfterAll
  static void printExactCounts() {
    TALLIES.forEach(System.out::println);
    System.out.println(
        "orthogonal: "
            + orthogonalCases
            + " matrices, |QᵀQ - I| up to "
            + ORTHOGONAL_WORST[0]
            + ", up to "
            + ORTHOGONAL_WORST[1]
            + " from PyTorch's values (times the gain)");
  }

  private static Stream<DynamicTest> cases(String file, CpuCapability capability) {
    StreamsReferenceTest.Tally tally =
        new StreamsReferenceTest.Tally(file + " [" + capability.torchName() + "]");
    TALLIES.add(tally);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonObject c : TorchReference.cases(file)) {
      long seed = c.get("seed").getAsLong();
      List<JsonObject> steps = new ArrayList<>();
      if (c.has("steps")) {
        c.getAsJsonArray("steps").forEach(step -> steps.add(step.getAsJsonObject()));
      } else {
        steps.add(c);
      }
      String name =
          seed
              + " "
              + c.get("op").getAsString()
              + (c.has("shape") ? " " + c.get("shape") + " " + c.get("args") : "")
              + (c.has("dtype") ? " " + c.get("dtype").getAsString() : "");
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                TorchGenerator random = TorchGenerator.manualSeed(seed, capability);
                for (int k = 0; k < steps.size(); k++) {
                  List<JsonObject> before = steps.subList(0, k);
                  StreamsReferenceTest.Replay replay =
                      () -> {
                        TorchGenerator again = TorchGenerator.manualSeed(seed, capability);
                        before.forEach(s -> run(again, s));
                        return again;
                      };
                  check(random, steps.get(k), k == 0, replay, tally);
                }
                if (steps.size() == 1 && c.get("op").getAsString().equals("orthogonal")) {
                  checkGeneratorMovedAsNormal(random, seed, capability, steps.get(0));
                }
              }));
    }
    return tests.stream();
  }

  private static boolean float64(JsonObject step) {
    return step.has("dtype") && step.get("dtype").getAsString().equals("float64");
  }

  private static double[] run(TorchGenerator random, JsonObject step) {
    String op = step.get("op").getAsString();
    int[] shape = TorchReference.shape(step, "shape");
    JsonObject args = step.getAsJsonObject("args");
    int size = sizeOf(shape);
    if (float64(step)) {
      double[] values = new double[size];
      ReferenceOps.run(random, op, DoubleTensor.of(values, shape), args);
      return values;
    }
    float[] values = new float[size];
    ReferenceOps.run(random, op, FloatTensor.of(values, shape), args);
    double[] widened = new double[size];
    for (int i = 0; i < size; i++) {
      widened[i] = values[i];
    }
    return widened;
  }

  private static void check(
      TorchGenerator random,
      JsonObject step,
      boolean freshGenerator,
      StreamsReferenceTest.Replay replay,
      StreamsReferenceTest.Tally tally) {
    String op = step.get("op").getAsString();
    if (op.equals("orthogonal")) {
      checkOrthogonal(step, expected(step), run(random, step));
    } else if (op.equals("trunc_normal")) {
      checkWithin2Ulps(random, step, tally);
    } else {
      StreamsReferenceTest.check(random, step, false, freshGenerator, replay, tally.category(op));
    }
  }

  /**
   * {@code trunc_normal_} goes through the C library's {@code erf}, {@code exp} and {@code log}: a
   * value that is not bit-exact must be within 2 ulps.
   */
  private static void checkWithin2Ulps(
      TorchGenerator random, JsonObject step, StreamsReferenceTest.Tally tally) {
    boolean float64 = float64(step);
    StreamsReferenceTest.Tally.Category category =
        tally.category("trunc_normal" + (float64 ? " float64" : ""));
    double[] expected = expected(step);
    double[] actual = run(random, step);
    for (int i = 0; i < actual.length; i++) {
      long ulps =
          float64
              ? Bits.ulpDistance(expected[i], actual[i])
              : Bits.ulpDistance((float) expected[i], (float) actual[i]);
      category.add(ulps);
      assertTrue(
          ulps <= 2,
          "trunc_normal "
              + step.get("shape")
              + " element "
              + i
              + ": "
              + ulps
              + " ulps from "
              + expected[i]
              + "; expected within 2 ulps");
      if (ulps > 0) {
        category.explained();
      }
    }
  }

  private static double[] expected(JsonObject step) {
    JsonArray hex = step.getAsJsonArray("values");
    return float64(step) ? Bits.doubles(hex) : widen(Bits.floats(hex));
  }

  /**
   * The matrix {@code w = [rows][cols]} must have orthonormal rows ({@code rows <= cols}) or
   * columns times the gain, and PyTorch's values within {@link #ORTHOGONAL_TOLERANCE} times it.
   */
  private static void checkOrthogonal(JsonObject step, double[] expected, double[] actual) {
    int[] shape = TorchReference.shape(step, "shape");
    double gain = ReferenceOps.number(step.getAsJsonObject("args"), "gain");
    int rows = shape[0];
    int cols = actual.length / rows;
    boolean byRows = rows <= cols;
    int vectors = byRows ? rows : cols;
    int length = byRows ? cols : rows;
    double worst = 0;
    for (int p = 0; p < vectors; p++) {
      for (int q = 0; q < vectors; q++) {
        double dot = 0;
        for (int k = 0; k < length; k++) {
          dot +=
              byRows
                  ? actual[p * cols + k] * actual[q * cols + k]
                  : actual[k * cols + p] * actual[k * cols + q];
        }
        worst = Math.max(worst, Math.abs(dot / (gain * gain) - (p == q ? 1 : 0)));
      }
    }
    assertTrue(
        worst <= ORTHONORMAL_TOLERANCE,
        "orthogonal " + step.get("shape") + ": |QᵀQ - I| up to " + worst);
    double farthest = 0;
    for (int i = 0; i < actual.length; i++) {
      farthest = Math.max(farthest, Math.abs(actual[i] - expected[i]));
    }
    synchronized (ORTHOGONAL_WORST) {
      orthogonalCases++;
      ORTHOGONAL_WORST[0] = Math.max(ORTHOGONAL_WORST[0], worst);
      ORTHOGONAL_WORST[1] = Math.max(ORTHOGONAL_WORST[1], farthest / gain);
    }
    assertTrue(
        farthest <= ORTHOGONAL_TOLERANCE * gain,
        "orthogonal " + step.get("shape") + ": " + farthest + " from PyTorch's values");
  }

  /**
   * After {@code orthogonal_}, the generator is where {@code normal_} of the same size leaves it.
   */
  private static void checkGeneratorMovedAsNormal(
      TorchGenerator random, long seed, CpuCapability capability, JsonObject step) {
    int[] shape = TorchReference.shape(step, "shape");
    int rows = shape[0];
    int cols = sizeOf(shape) / rows;
    TorchGenerator twin = TorchGenerator.manualSeed(seed, capability);
    twin.normal(FloatTensor.of(new float[rows * cols], rows, cols), 0, 1);
    assertEquals(twin.nextGaussian(), random.nextGaussian(), "the cached normal sample");
    assertEquals(twin.nextLong(), random.nextLong(), "the bits");
  }

  private static double[] widen(float[] values) {
    double[] widened = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      widened[i] = values[i];
    }
    return widened;
  }

  private static int sizeOf(int[] shape) {
    int size = 1;
    for (int s : shape) {
      size *= s;
    }
    return size;
  }
}
