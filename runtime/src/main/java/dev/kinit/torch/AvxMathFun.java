package dev.kinit.torch;

/**
 * One lane of the float logarithm, sine and cosine that PyTorch's AVX2 {@code normal_} kernel
 * evaluates eight at a time: {@code log256_ps} and {@code sincos256_ps} of {@code
 * aten/src/ATen/native/cpu/avx_mathfun.h} (Giovanni Garberoglio's AVX port of Julien Pommier's
 * {@code sse_mathfun.h}, itself the Cephes {@code logf}/{@code sinf}/{@code cosf}).
 *
 * <p>Every rounding operation is the float operation of that code, in its order, and each
 * multiply-add is a fused {@link Math#fma(float, float, float)} exactly where GCC 12 contracted
 * {@code _mm256_mul_ps} followed by {@code _mm256_add_ps} into one {@code vfmadd} instruction in
 * PyTorch 1.13.1's {@code libtorch_cpu.so} (read from its disassembly). The results are not
 * correctly rounded; they are PyTorch's, bit for bit.
 *
 * <p>The algorithms come in steps, so that a caller can run the steps that need the bits of a float
 * ({@link #logArgument}, {@link #logExponent}, {@link #octant}) in one loop, and the float
 * arithmetic in others, which C2 compiles to vector instructions. What the vector code does with
 * bit masks (selecting, negating) is done in float arithmetic that gives the same values exactly;
 * each step says why.
 */
final class AvxMathFun {
  private AvxMathFun() {}

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

  private static final int EXPONENT_BITS = 0x7f800000;
  private static final int HALF_BITS = 0x3f000000;
  private static final int SQRT_HALF_BITS = Float.floatToRawIntBits(SQRT_HALF);

  /**
   * The argument of {@code log256_ps}'s polynomial for a positive, normal {@code value}: its
   * mantissa {@code m} in {@code [0.5, 1)}, doubled when below {@code sqrt(1/2)}. The original then
   * takes 1 and, below {@code sqrt(1/2)}, adds {@code m} back: {@code m - 1} and {@code (m - 1) +
   * m} are exact, so they equal {@code m - 1} and {@code 2m - 1}, which is this value minus 1.
   */
  static float logArgument(float value) {
    int mantissa = (Float.floatToRawIntBits(value) & ~EXPONENT_BITS) | HALF_BITS;
    int below =
        (mantissa - SQRT_HALF_BITS)
            >> 31; // all ones when m < sqrt(1/2): positive floats order as their bits
    return Float.intBitsToFloat(mantissa + (below & (1 << 23)));
  }

  /**
   * The exponent {@code e} that goes with {@link #logArgument}: {@code log256_ps}'s {@code (bits >>
   * 23) - 0x7f}, plus 1, minus 1 when the mantissa is below {@code sqrt(1/2)}.
   */
  static float logExponent(float value) {
    int bits = Float.floatToRawIntBits(value);
    int mantissa = (bits & ~EXPONENT_BITS) | HALF_BITS;
    int below = (mantissa - SQRT_HALF_BITS) >> 31;
    return (bits >>> 23) - 0x7e + below; // a small integer: exact in float, as in the original
  }

  /**
   * {@code log256_ps} of a value in {@code [2^-24, 1]} (what the kernel passes), from its {@link
   * #logArgument} and {@link #logExponent}: {@code log(m)} by a degree-9 polynomial in {@code m -
   * 1} for the mantissa {@code m} in {@code [sqrt(1/2), sqrt(2))}, plus {@code e · ln 2}. (The
   * original also cuts off subnormal and non-positive values, which never come here.)
   */
  static float log(float argument, float exponent) {
    float x = argument - 1f; // exact
    float e = exponent;
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

  /**
   * {@code sincos256_ps}'s {@code j} for an {@code x} in {@code [0, 8192)}: {@code (trunc(x · 4/π)
   * + 1) & ~1}, the even multiple of π/4 by which it reduces {@code x}, as a float.
   */
  static float octant(float x) {
    int j = (int) (x * FOUR_OVER_PI);
    return (j + 1) & ~1;
  }

  /** {@code x - j·π/4} in extended precision, for {@code j} the {@link #octant} of {@code x}. */
  static float reduce(float x, float octant) {
    float reduced = Math.fma(octant, MINUS_DP1, x);
    reduced = Math.fma(octant, MINUS_DP2, reduced);
    return Math.fma(octant, MINUS_DP3, reduced);
  }

  /** The sine polynomial of Cephes {@code sinf}, for a {@link #reduce reduced} {@code x}. */
  static float sinPolynomial(float x) {
    float z = x * x;
    float polynomial = Math.fma(SIN_P0, z, SIN_P1);
    polynomial = Math.fma(z, polynomial, SIN_P2);
    polynomial = z * polynomial;
    return Math.fma(polynomial, x, x);
  }

  /** The cosine polynomial of Cephes {@code cosf}, for a {@link #reduce reduced} {@code x}. */
  static float cosPolynomial(float x) {
    float z = x * x;
    float polynomial = Math.fma(COS_P0, z, COS_P1);
    polynomial = Math.fma(z, polynomial, COS_P2);
    polynomial = z * polynomial;
    polynomial = Math.fma(polynomial, z, -(z * 0.5f));
    return polynomial + 1f;
  }

  /**
   * 1 when the sine is the cosine polynomial and the other way round, else 0, for an {@link
   * #octant} {@code j}: {@code j & 2}. With {@code q = j/2} in {@code 0 .. 4}: {@code q -
   * 2·rint(q/2)} is 0, 1, 0, -1, 0 (rint rounds halves to even), and its square {@code q mod 2}.
   */
  static float swap(float octant) {
    float q = octant * 0.5f;
    float odd = q - 2f * rint(q * 0.5f);
    return odd * odd;
  }

  /**
   * The sign of the sine for an {@link #octant} {@code j}, as 1 or -1: negative when {@code j & 4}.
   * For {@code q = j/2} in {@code 0 .. 4} that is 1, 1, -1, -1, 1: {@link #evenSign} for even
   * {@code q}, {@code 2 - q} for odd ({@link #swap}).
   */
  static float sinSign(float octant, float swap) {
    float q = octant * 0.5f;
    float even = evenSign(q);
    return even + swap * ((2f - q) - even);
  }

  /**
   * The sign of the cosine for an {@link #octant} {@code j}, as 1 or -1: negative when {@code ~(j -
   * 2) & 4}. For {@code q = j/2} in {@code 0 .. 4} that is 1, -1, -1, 1, 1: {@link #evenSign} for
   * even {@code q}, {@code q - 2} for odd.
   */
  static float cosSign(float octant, float swap) {
    float q = octant * 0.5f;
    float even = evenSign(q);
    return even + swap * ((q - 2f) - even);
  }

  /** 1, -1, 1 for {@code q} = 0, 2, 4: {@code 1 - q(4 - q)/2}, small integers, exact. */
  private static float evenSign(float q) {
    return 1f - q * (4f - q) * 0.5f;
  }

  /**
   * The sine or cosine from the polynomials: {@code own}, or {@code other} when {@code swap} is 1,
   * times {@code sign}. The original masks both polynomials and adds them, {@code own + 0} or
   * {@code 0 + other}, which turns a -0 into +0, and then flips the sign bit: the products by 1 and
   * 0 are the value and a zero, the {@code + 0f} does the rest, and a product by ±1 is exact.
   */
  static float select(float own, float other, float swap, float sign) {
    return ((own * (1f - swap) + other * swap) + 0f) * sign;
  }

  /** {@code x} rounded to the nearest integer, halves to even, for {@code |x| <= 2^22}. */
  private static float rint(float x) {
    return (x + 0x1.8p23f) - 0x1.8p23f;
  }
}
