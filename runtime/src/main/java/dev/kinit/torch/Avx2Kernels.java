package dev.kinit.torch;

/**
 * PyTorch's AVX2 kernels ({@code CPU_CAPABILITY_AVX2}, compiled with {@code -mavx2 -mfma}): every
 * {@code a * b + c} is one fused multiply-add, and the float {@code normal_} block is {@code
 * normal_fill_16_AVX2} with the polynomial {@link AvxMathFun} log, sin and cos.
 */
final class Avx2Kernels implements Kernels {

  @Override
  public double multiplyAdd(double a, double b, double c) {
    return Math.fma(a, b, c);
  }

  @Override
  public void multiplyAdd(float[] values, int offset, int length, float factor, float addend) {
    for (int i = offset; i < offset + length; i++) {
      values[i] = Math.fma(values[i], factor, addend);
    }
  }

  @Override
  public FloatNormals floatNormals() {
    return new BoxMuller();
  }

  /**
   * {@code normal_fill_16_AVX2} over many blocks: the vector code computes the eight Box-Muller
   * pairs of a block at once; here the pairs of all the blocks go through loops over arrays of
   * lanes, each lane with the operations of the vector code in its order, so every rounding is the
   * same. The loop that splits the logarithm's argument into exponent and mantissa needs the bits
   * and stays scalar, as do the gather and scatter between blocks and lanes; the loops of log, sin
   * and cos are float arithmetic only, which C2 turns into vector instructions.
   */
  static final class BoxMuller implements FloatNormals {
    private static final int MAX_PAIRS = MAX_BLOCKS * 8;

    /** {@code _mm256_set1_ps(2.0f * c10::pi<double>)}: 2π rounded to float. */
    private static final float TWO_PI = (float) (2.0 * Math.PI);

    // Lanes, one per Box-Muller pair (arrays are reused once their values are no longer needed).
    private final float[] arguments = new float[MAX_PAIRS];
    private final float[] exponents = new float[MAX_PAIRS];
    private final float[] angles = new float[MAX_PAIRS];
    private final float[] octants = new float[MAX_PAIRS];
    private final float[] swaps = new float[MAX_PAIRS];
    private final float[] sinPolynomials = new float[MAX_PAIRS];
    private final float[] cosPolynomials = new float[MAX_PAIRS];

    @Override
    public void transform(
        int[] words, float[] values, int offset, int length, float mean, float std) {
      int pairs = length / 2;
      // The steps that need the bits of a float, one loop.
      for (int pair = 0; pair < pairs; pair++) {
        int cosine = FloatNormals.cosineIndex(offset, pair);
        float u1 = 1f - Mt19937.unitFloat(words[cosine]);
        arguments[pair] = AvxMathFun.logArgument(u1);
        exponents[pair] = AvxMathFun.logExponent(u1);
        float theta = TWO_PI * Mt19937.unitFloat(words[cosine + 8]);
        angles[pair] = theta;
        octants[pair] = AvxMathFun.octant(theta);
      }
      // Float arithmetic, in loops small enough for C2 to vectorize: Java 17's C2 left the same
      // work scalar when it was fused into fewer, larger loops (measured).
      float[] radii = arguments;
      for (int pair = 0; pair < pairs; pair++) {
        float log = AvxMathFun.log(arguments[pair], exponents[pair]);
        radii[pair] = (float) Math.sqrt(-2f * log); // exact: float sqrt of a float
      }
      for (int pair = 0; pair < pairs; pair++) {
        float reduced = AvxMathFun.reduce(angles[pair], octants[pair]);
        sinPolynomials[pair] = AvxMathFun.sinPolynomial(reduced);
        cosPolynomials[pair] = AvxMathFun.cosPolynomial(reduced);
      }
      for (int pair = 0; pair < pairs; pair++) {
        swaps[pair] = AvxMathFun.swap(octants[pair]);
      }
      float[] sines = exponents;
      for (int pair = 0; pair < pairs; pair++) {
        float swap = swaps[pair];
        float sign = AvxMathFun.sinSign(octants[pair], swap);
        float sin = AvxMathFun.select(sinPolynomials[pair], cosPolynomials[pair], swap, sign);
        sines[pair] = Math.fma(radii[pair] * sin, std, mean);
      }
      float[] cosines = angles;
      for (int pair = 0; pair < pairs; pair++) {
        float swap = swaps[pair];
        float sign = AvxMathFun.cosSign(octants[pair], swap);
        float cos = AvxMathFun.select(cosPolynomials[pair], sinPolynomials[pair], swap, sign);
        cosines[pair] = Math.fma(radii[pair] * cos, std, mean);
      }
      for (int block = 0; block < pairs / 8; block++) {
        System.arraycopy(cosines, 8 * block, values, offset + 16 * block, 8);
        System.arraycopy(sines, 8 * block, values, offset + 16 * block + 8, 8);
      }
    }
  }
}
