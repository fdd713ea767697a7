package dev.kinit.torch;

/**
 * PyTorch's AVX2 kernels ({@code CPU_CAPABILITY_AVX2}, compiled with {@code -mavx2 -mfma}): every
 * {@code a * b + c} is one fused multiply-add, and the float {@code normal_} block is {@code
 * normal_fill_16_AVX2} with the polynomial {@link AvxMathFun} log, sin and cos.
 */
final class Avx2Kernels implements Kernels {

  /** {@code _mm256_set1_ps(2.0f * c10::pi<double>)}: 2π rounded to float. */
  private static final float TWO_PI = (float) (2.0 * Math.PI);

  @Override
  public float multiplyAdd(float a, float b, float c) {
    return Math.fma(a, b, c);
  }

  @Override
  public double multiplyAdd(double a, double b, double c) {
    return Math.fma(a, b, c);
  }

  @Override
  public void normal16(float[] block, float mean, float std) {
    for (int j = 0; j < 8; j++) {
      float u1 = 1f - block[j];
      float u2 = block[j + 8];
      float radius = (float) Math.sqrt(-2f * AvxMathFun.log(u1)); // exact: float sqrt of a float
      float theta = TWO_PI * u2;
      block[j] = Math.fma(radius * AvxMathFun.cos(theta), std, mean);
      block[j + 8] = Math.fma(radius * AvxMathFun.sin(theta), std, mean);
    }
  }
}
