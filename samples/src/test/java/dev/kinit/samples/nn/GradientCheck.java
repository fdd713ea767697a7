package dev.kinit.samples.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks a layer's hand-written backward pass against central differences of its forward pass.
 *
 * <p>The loss is {@code L = Σ y ⊙ R} for a fixed random {@code R}, so {@code dL/dy = R}. Every
 * layer here is piecewise linear (affine maps, rectifiers, max pooling, padding), so away from a
 * kink the central difference {@code (L(θ + ε) - L(θ - ε)) / 2ε} has no truncation error, only
 * float rounding: about {@code ulp(L) / ε ≈ 1e-6 / 1e-3 = 1e-3} for the losses here (|L| < 10). The
 * tolerance, {@value #ABSOLUTE} + {@value #RELATIVE} · |gradient|, leaves room for that; an
 * indexing error in a backward pass is off by the size of a whole gradient element (≈ 0.1 to 1).
 * Inputs are kept at least 0.1 from the ReLU kink, which ε = 1e-3 cannot cross.
 */
final class GradientCheck {

  static final double EPSILON = 1e-3;
  static final double ABSOLUTE = 5e-3;
  static final double RELATIVE = 1e-2;

  private GradientCheck() {}

  /** {@code rows × features} values from N(0, 1), none closer than 0.1 to 0. */
  static float[][] input(int rows, int features, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] x = new float[rows][features];
    for (float[] row : x) {
      for (int i = 0; i < features; i++) {
        double v = random.nextGaussian();
        row[i] = (float) (Math.signum(v) * (0.1 + Math.abs(v)));
      }
    }
    return x;
  }

  /**
   * Checks dL/dInput and dL/dParameter of {@code layer} (already initialised) at {@code input}, for
   * every input element and up to {@code perParameter} elements of each parameter row.
   */
  static void check(Layer layer, float[][] input, int perParameter, long seed) {
    float[][] output = layer.forward(input);
    float[][] r = GradientCheck.input(output.length, output[0].length, seed);
    List<Parameter> parameters = layer.parameters();
    parameters.forEach(p -> java.util.Arrays.fill(p.gradient(), 0));
    float[][] inputGradient = layer.backward(r);
    List<float[]> parameterGradients = parameters.stream().map(p -> p.gradient().clone()).toList();

    for (int b = 0; b < input.length; b++) {
      for (int i = 0; i < input[b].length; i++) {
        float[] row = input[b];
        int at = i;
        double numeric = derivative(layer, input, r, () -> row[at], v -> row[at] = v);
        assertClose(numeric, inputGradient[b][i], layer + ": dL/dx[" + b + "][" + i + "]");
      }
    }
    SplittableRandom pick = new SplittableRandom(seed);
    for (int p = 0; p < parameters.size(); p++) {
      float[] values = parameters.get(p).values();
      for (int k = 0; k < Math.min(perParameter, values.length); k++) {
        int at = perParameter >= values.length ? k : pick.nextInt(values.length);
        double numeric = derivative(layer, input, r, () -> values[at], v -> values[at] = v);
        assertClose(
            numeric, parameterGradients.get(p)[at], layer + ": parameter " + p + "[" + at + "]");
      }
    }
  }

  private interface FloatSetter {
    void set(float value);
  }

  private interface FloatGetter {
    float get();
  }

  private static double derivative(
      Layer layer, float[][] input, float[][] r, FloatGetter get, FloatSetter set) {
    float original = get.get();
    set.set((float) (original + EPSILON));
    double plus = loss(layer.forward(input), r);
    set.set((float) (original - EPSILON));
    double minus = loss(layer.forward(input), r);
    set.set(original);
    return (plus - minus) / (2 * EPSILON);
  }

  static double loss(float[][] y, float[][] r) {
    double sum = 0;
    for (int b = 0; b < y.length; b++) {
      for (int i = 0; i < y[b].length; i++) {
        sum += (double) y[b][i] * r[b][i];
      }
    }
    return sum;
  }

  private static void assertClose(double numeric, double analytic, String what) {
    assertEquals(numeric, analytic, ABSOLUTE + RELATIVE * Math.abs(numeric), what);
  }
}
