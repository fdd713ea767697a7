package dev.kinit.torch;

/**
 * The arithmetic in which one build of PyTorch's CPU kernels ({@code
 * aten/src/ATen/native/cpu/DistributionTemplates.h}) turns uniform bits into samples. The builds
 * differ in two ways only: whether the compiler fused {@code a * b + c} into one rounding, and how
 * the float Box-Muller block of {@code normal_} evaluates log, sin and cos.
 */
interface Kernels {

  /** {@code a * b + c}, fused or rounded twice as this build compiles it. */
  double multiplyAdd(double a, double b, double c);

  /**
   * {@code values[i] * factor + addend} in float, fused or rounded twice as this build compiles it,
   * in place, for each {@code i} of {@code [offset, offset + length)}: {@code uniform_} of a run.
   */
  void multiplyAdd(float[] values, int offset, int length, float factor, float addend);

  /** The float Box-Muller of {@code normal_} ({@link FloatNormals}), for one thread. */
  FloatNormals floatNormals();

  /**
   * {@code normal_fill_16<double>}: Box-Muller on the 16 double uniforms in {@code [0, 1)} from
   * {@code offset}, in place, with the C library's double log, sin and cos in every build (here
   * {@link StrictMath}'s): elements {@code j} and {@code j + 8} become {@code mean + std · r·cos θ}
   * and {@code mean + std · r·sin θ} with {@code r = sqrt(-2 ln(1 - u_j))}, {@code θ = 2π u_{j+8}}.
   */
  default void normal16(double[] block, int offset, double mean, double std) {
    for (int j = offset; j < offset + 8; j++) {
      double u1 = 1 - block[j]; // [0, 1) -> (0, 1] for the logarithm
      double u2 = block[j + 8];
      double radius = Math.sqrt(-2 * StrictMath.log(u1));
      double theta = 2.0 * Math.PI * u2;
      block[j] = multiplyAdd(radius * StrictMath.cos(theta), std, mean);
      block[j + 8] = multiplyAdd(radius * StrictMath.sin(theta), std, mean);
    }
  }

  /**
   * {@code normal_fill_16} / {@code normal_fill_16_AVX2} for float blocks. It may keep scratch
   * space: one per thread.
   */
  interface FloatNormals {
    /** Blocks of 16 at most a transform takes at once. */
    int MAX_BLOCKS = 64;

    /**
     * Box-Muller on the float uniforms ({@link Mt19937#unitFloat}) of {@code words[offset .. offset
     * + length)}, whole blocks of 16, at most {@link #MAX_BLOCKS}, each on its own: elements {@code
     * j} and {@code j + 8} of a block become {@code mean + std · r·cos θ} and {@code mean + std ·
     * r·sin θ} in {@code values}, with {@code r = sqrt(-2 ln(1 - u_j))}, {@code θ = 2π u_{j+8}}.
     */
    void transform(int[] words, float[] values, int offset, int length, float mean, float std);

    /**
     * The element of Box-Muller pair {@code pair} (from 0) of the blocks from {@code offset} that
     * gets the cosine: element {@code pair mod 8} of block {@code pair / 8}; its sine goes 8
     * elements further.
     */
    static int cosineIndex(int offset, int pair) {
      return offset + pair + (pair & ~7);
    }
  }
}
