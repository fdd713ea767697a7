package dev.kinit.torch;

/**
 * The test oracle of {@link AvxMathFun}: {@code log256_ps} and {@code sincos256_ps} of {@code
 * aten/src/ATen/native/cpu/avx_mathfun.h} transcribed line by line for one lane, with the bit masks
 * and integer lanes of the vector code kept as bit operations and branches. (kinit's first
 * implementation; {@link AvxMathFun} reorganises the same arithmetic so that C2 can vectorize it.)
 *
 * <p>Every operation is the float operation of that code, in its order, and each multiply-add is a
 * fused {@link Math#fma(float, float, float)} exactly where GCC 12 contracted {@code _mm256_mul_ps}
 * followed by {@code _mm256_add_ps} into one {@code vfmadd} instruction in PyTorch 1.13.1's {@code
 * libtorch_cpu.so} (read from its disassembly). The results are not correctly rounded; they are
 * PyTorch's, bit for bit.
 */
final class AvxMathFunLanes {
  private AvxMathFunLanes() {}

  private static final float SQRT_HALF = (float) 0.707106781186547524;
  private static final float LOG_P0 = (float) 7.0376836292E-2;
  private static final float LOG_P1 = (float) -1.1514610310E-1;
  private static final float LOG_P2 = (float) 1.1676998740E-1;
  private static final float LOG_P3 = (float) -1.2420140846E-1;
  private static final float LOG_P4 = (float) 1.4249322787E-1;
  private static final float LOG_P5 = (float) -1.6668057665E-1;
  private static final float LOG_P6 = (float) 2.0000714765E-1;
  private static final float LOG_P7 = (float) -2.4999993993E-1;
  private static final float LOG_P8 = (float) 3.3333331174E-1;

  /** ln 2 split in two, {@code Q2 + Q1}, so that {@code e · Q2} is exact. */
  private static final float LOG_Q1 = (float) -2.12194440e-4;

  private static final float LOG_Q2 = (float) 0.693359375;

  /** 4 / π. */
  private static final float FOUR_OVER_PI = (float) 1.27323954473516;

  /** -π/4 split in three for an extended-precision argument reduction. */
  private static final float MINUS_DP1 = (float) -0.78515625;

  private static final float MINUS_DP2 = (float) -2.4187564849853515625e-4;
  private static final float MINUS_DP3 = (float) -3.77489497744594108e-8;
  private static final float SIN_P0 = (float) -1.9515295891E-4;
  private static final float SIN_P1 = (float) 8.3321608736E-3;
  private static final float SIN_P2 = (float) -1.6666654611E-1;
  private static final float COS_P0 = (float) 2.443315711809948E-005;
  private static final float COS_P1 = (float) -1.388731625493765E-003;
  private static final float COS_P2 = (float) 4.166664568298827E-002;

  private static final int SIGN_BIT = 0x80000000;
  private static final int EXPONENT_BITS = 0x7f800000;
  private static final int HALF_BITS = 0x3f000000;

  /**
   * {@code log256_ps} for one positive, finite {@code value}: {@code value = m · 2^e} with {@code
   * m} in {@code [sqrt(1/2), sqrt(2))}, then {@code log(m)} by a degree-9 polynomial in {@code m -
   * 1}, plus {@code e · ln 2}. The kernel only passes values in {@code [2^-24, 1]}.
   */
  static float log(float value) {
    float x = Math.max(value, Float.MIN_NORMAL); // the original cuts off subnormals
    int bits = Float.floatToRawIntBits(x);
    float e = (float) ((bits >>> 23) - 0x7f);
    e = e + 1f;
    x = Float.intBitsToFloat((bits & ~EXPONENT_BITS) | HALF_BITS); // mantissa in [0.5, 1)
    boolean belowSqrtHalf = x < SQRT_HALF;
    float addBack = belowSqrtHalf ? x : 0f;
    x = x - 1f;
    e = e - (belowSqrtHalf ? 1f : 0f);
    x = x + addBack;

    float z = x * x;
    float y = LOG_P0;
    y = Math.fma(y, x, LOG_P1);
    y = Math.fma(y, x, LOG_P2);
    y = Math.fma(y, x, LOG_P3);
    y = Math.fma(y, x, LOG_P4);
    y = Math.fma(y, x, LOG_P5);
    y = Math.fma(y, x, LOG_P6);
    y = Math.fma(y, x, LOG_P7);
    y = Math.fma(y, x, LOG_P8);
    y = y * x;
    y = Math.fma(y, z, e * LOG_Q1);
    y = Math.fma(-z, 0.5f, y);
    x = x + y;
    return Math.fma(e, LOG_Q2, x);
  }

  /** The sine of {@code sincos256_ps} for one finite {@code x} with {@code |x| < 8192}. */
  static float sin(float x) {
    return sinOrCos(x, false);
  }

  /** The cosine of {@code sincos256_ps} for one finite {@code x} with {@code |x| < 8192}. */
  static float cos(float x) {
    return sinOrCos(x, true);
  }

  /**
   * Reduces {@code |x|} by the multiple {@code j} of π/4 nearest above (rounded to even), then
   * evaluates the sine and cosine polynomials on the remainder; {@code j} picks which polynomial is
   * the sine and which the cosine, and their signs.
   */
  private static float sinOrCos(float value, boolean cosine) {
    float x = Math.abs(value);
    int signSin = Float.floatToRawIntBits(value) & SIGN_BIT;
    int j = (int) (x * FOUR_OVER_PI);
    j = (j + 1) & ~1;
    float y = (float) j;
    signSin ^= (j & 4) << 29;
    int signCos = (~(j - 2) & 4) << 29;
    boolean sineIsPolynomialS = (j & 2) == 0;

    x = Math.fma(y, MINUS_DP1, x);
    x = Math.fma(y, MINUS_DP2, x);
    x = Math.fma(y, MINUS_DP3, x);
    float z = x * x;

    float polyC = Math.fma(COS_P0, z, COS_P1);
    polyC = Math.fma(z, polyC, COS_P2);
    polyC = z * polyC;
    polyC = Math.fma(polyC, z, -(z * 0.5f));
    polyC = polyC + 1f;

    float polyS = Math.fma(SIN_P0, z, SIN_P1);
    polyS = Math.fma(z, polyS, SIN_P2);
    polyS = z * polyS;
    polyS = Math.fma(polyS, x, x);

    // The original selects with bit masks and adds the zeroed-out polynomial back; the additions
    // of +0 are kept because they turn a -0 into +0.
    float sinFromS = sineIsPolynomialS ? polyS : 0f;
    float sinFromC = sineIsPolynomialS ? 0f : polyC;
    if (cosine) {
      float cos = (polyS - sinFromS) + (polyC - sinFromC);
      return Float.intBitsToFloat(Float.floatToRawIntBits(cos) ^ signCos);
    }
    float sin = sinFromC + sinFromS;
    return Float.intBitsToFloat(Float.floatToRawIntBits(sin) ^ signSin);
  }
}
