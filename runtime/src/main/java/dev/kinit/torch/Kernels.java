package dev.kinit.torch;

/**
 * The arithmetic in which one build of PyTorch's CPU kernels ({@code
 * aten/src/ATen/native/cpu/DistributionTemplates.h}) turns uniform bits into samples. The builds
 * differ in two ways only: whether the compiler fused {@code a * b + c} into one rounding, and how
 * the float Box-Muller block of {@code normal_} evaluates log, sin and cos.
 */
interface Kernels {

  /** {@code a * b + c}, fused or rounded twice as this build compiles it. */
  float multiplyAdd(float a, float b, float c);

  /** {@code a * b + c}, fused or rounded twice as this build compiles it. */
  double multiplyAdd(double a, double b, double c);

  /**
   * Box-Muller on 16 float uniforms in {@code [0, 1)}, in place: elements {@code j} and {@code j +
   * 8} become {@code mean + std · r·cos θ} and {@code mean + std · r·sin θ} with {@code r = sqrt(-2
   * ln(1 - u_j))}, {@code θ = 2π u_{j+8}} ({@code normal_fill_16} / {@code normal_fill_16_AVX2}).
   */
  void normal16(float[] block, float mean, float std);

  /**
   * {@code normal_fill_16<double>}: the same Box-Muller on 16 double uniforms, with the C library's
   * double log, sin and cos in every build (here {@link StrictMath}'s).
   */
  default void normal16(double[] block, double mean, double std) {
    for (int j = 0; j < 8; j++) {
      double u1 = 1 - block[j]; // [0, 1) -> (0, 1] for the logarithm
      double u2 = block[j + 8];
      double radius = Math.sqrt(-2 * StrictMath.log(u1));
      double theta = 2.0 * Math.PI * u2;
      block[j] = multiplyAdd(radius * StrictMath.cos(theta), std, mean);
      block[j + 8] = multiplyAdd(radius * StrictMath.sin(theta), std, mean);
    }
  }
}
