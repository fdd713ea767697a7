package dev.kinit.internal;

import dev.kinit.Tensor;
import dev.kinit.TensorSampler;
import java.lang.System.Logger.Level;

/**
 * PyTorch 1.13's {@code trunc_normal_} and the scalar functions behind it, as PyTorch computes them
 * on an x86-64 Linux machine, so that kinit's truncated normal fill can reproduce it bit for bit.
 * Not API (see the package comment of {@code dev.kinit.internal}).
 *
 * <ul>
 *   <li>{@link #truncNormal}: the algorithm of {@code torch/nn/init.py} on top of a sampler's
 *       uniform fill;
 *   <li>{@link #normCdf}: its helper {@code norm_cdf(x) = (1 + math.erf(x / sqrt(2))) / 2},
 *       Python's {@code math.erf} being glibc's ({@link Glibc#erf});
 *   <li>{@link #erfinv(float, boolean)}, {@link #erfinv(double, boolean)}: ATen's {@code
 *       calc_erfinv} ({@code aten/src/ATen/native/Math.h}), the kernel of {@code erfinv_}: a
 *       rational first guess, then two Newton steps that call the C library's {@code erf} and
 *       {@code exp}, the guess in the tails calling {@code log} ({@link Glibc}).
 * </ul>
 *
 * <p>Checked exhaustively: over every float in {@code [0, 1]} (the function is odd), {@link
 * #erfinv(float, boolean)} equals PyTorch 1.13.1's {@code torch.erfinv} in both kernel builds.
 */
public final class TorchMath {

  private static final System.Logger LOG = System.getLogger(TensorSampler.class.getName());

  private TorchMath() {}

  /**
   * PyTorch's {@code trunc_normal_} ({@code torch/nn/init.py}, after Burkardt's "The Truncated
   * Normal Distribution") on top of {@code sampler}'s uniform fill, in the element type of {@code
   * tensor}:
   *
   * <pre>
   *   l = norm_cdf((a - mean) / std);  u = norm_cdf((b - mean) / std)
   *   tensor.uniform_(2l - 1, 2u - 1)
   *   tensor.erfinv_();  tensor.mul_(std * sqrt(2.));  tensor.add_(mean)
   *   tensor.clamp_(min=a, max=b)
   * </pre>
   *
   * <p>Like PyTorch, it logs a warning when {@code mean} is more than two standard deviations
   * outside {@code [a, b]}, where the inverse CDF loses precision. The arguments must pass {@link
   * Rules#truncatedNormalProblem}.
   *
   * @param sampler the sampler whose uniform fill draws the values, before they are transformed
   * @param tensor the tensor to fill, every element
   * @param mean the mean before truncation
   * @param std the standard deviation before truncation
   * @param a the lower end of the interval, a value
   * @param b the upper end of the interval
   * @param fused whether {@code erfinv_} runs as in PyTorch's AVX2 kernels ({@link #erfinv(float,
   *     boolean)})
   */
  public static void truncNormal(
      TensorSampler sampler,
      Tensor tensor,
      double mean,
      double std,
      double a,
      double b,
      boolean fused) {
    if (mean < a - 2 * std || mean > b + 2 * std) {
      LOG.log(
          Level.WARNING,
          "mean is more than 2 std from [a, b] in nn.init.trunc_normal_. The distribution of"
              + " values may be incorrect. ({0}: mean {1}, std {2}, [a, b] = [{3}, {4}])",
          // as text: MessageFormat would round the numbers to three decimals
          tensor.name(),
          Double.toString(mean),
          Double.toString(std),
          Double.toString(a),
          Double.toString(b));
    }
    double lower = normCdf((a - mean) / std);
    double upper = normCdf((b - mean) / std);
    sampler.uniform(tensor, 2 * lower - 1, 2 * upper - 1);
    double scale = std * Math.sqrt(2.0);
    tensor.forEachSegment(
        0,
        tensor.size(),
        new Tensor.SegmentVisitor() {
          @Override
          public void floats(float[] array, int offset, int length) {
            float scale32 = (float) scale; // a Python float scalar meets a float32 tensor
            float mean32 = (float) mean;
            float a32 = (float) a;
            float b32 = (float) b;
            for (int i = offset; i < offset + length; i++) {
              float x = erfinv(array[i], fused) * scale32 + mean32;
              array[i] = Math.min(Math.max(x, a32), b32);
            }
          }

          @Override
          public void doubles(double[] array, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
              double x = erfinv(array[i], fused) * scale + mean;
              array[i] = Math.min(Math.max(x, a), b);
            }
          }
        });
  }

  /**
   * {@return PyTorch's {@code norm_cdf(x) = (1. + math.erf(x / math.sqrt(2.))) / 2.}} It is the
   * standard normal distribution function as {@code trunc_normal_} computes it: {@code Φ(x)}, 0
   * below about -38.5 and 1 above about 8.3 (where {@code erf} rounds to ±1).
   *
   * @param x the point, in standard deviations from the mean
   */
  public static double normCdf(double x) {
    return (1.0 + Glibc.erf(x / Math.sqrt(2.0))) / 2.0;
  }

  /**
   * {@return ATen's {@code calc_erfinv<float>}: the inverse error function, {@code NaN} outside
   * {@code [-1, 1]}, {@code ±∞} at {@code ±1}}
   *
   * @param y the argument
   * @param fused whether the polynomials of the first guess are evaluated with fused multiply-adds,
   *     as GCC compiled them in PyTorch's AVX2 kernels ({@code true}), or rounded after each
   *     operation, as in the default kernels ({@code false})
   */
  public static float erfinv(float y, boolean fused) {
    float yAbs = Math.abs(y);
    if (yAbs > 1.0f) {
      return Float.NaN;
    }
    if (yAbs == 1.0f) {
      return Math.copySign(Float.POSITIVE_INFINITY, y);
    }
    float x;
    if (yAbs <= CENTRAL_RANGE) {
      float z = y * y;
      float num = poly(fused, z, A3, A2, A1, A0);
      float dem = poly(fused, z, B3, B2, B1, B0, 1.0f);
      x = y * num / dem;
    } else {
      float z =
          (float) Math.sqrt(-Glibc.logf((1.0f - yAbs) * 0.5f)); // float sqrt of a float: exact
      float num = poly(fused, z, C3, C2, C1, C0);
      float dem = poly(fused, z, D1, D0, 1.0f);
      x = Math.copySign(num, y) / dem;
    }
    x = x - (Glibc.erff(x) - y) / (TWO_OVER_SQRT_PI * Glibc.expf(-x * x));
    x = x - (Glibc.erff(x) - y) / (TWO_OVER_SQRT_PI * Glibc.expf(-x * x));
    return x;
  }

  /**
   * {@return ATen's {@code calc_erfinv<double>}}
   *
   * @param y the argument
   * @param fused as in {@link #erfinv(float, boolean)}
   */
  public static double erfinv(double y, boolean fused) {
    double yAbs = Math.abs(y);
    if (yAbs > 1.0) {
      return Double.NaN;
    }
    if (yAbs == 1.0) {
      return Math.copySign(Double.POSITIVE_INFINITY, y);
    }
    double x;
    if (yAbs <= 0.7) {
      double z = y * y;
      double num = poly(fused, z, 4, ERFINV_A);
      double dem = poly(fused, z, 5, ERFINV_B);
      x = y * num / dem;
    } else {
      double z = Math.sqrt(-Glibc.log((1.0 - yAbs) / 2.0));
      double num = poly(fused, z, 4, ERFINV_C);
      double dem = poly(fused, z, 3, ERFINV_D);
      x = Math.copySign(num, y) / dem;
    }
    double twoOverSqrtPi = 2.0 / Math.sqrt(Math.PI);
    x = x - (Glibc.erf(x) - y) / (twoOverSqrtPi * Glibc.exp(-x * x));
    x = x - (Glibc.erf(x) - y) / (twoOverSqrtPi * Glibc.exp(-x * x));
    return x;
  }

  // calc_erfinv's coefficients: T(0.886226899) is a double literal rounded to float, as here.
  private static final float CENTRAL_RANGE = (float) 0.7;
  private static final float A0 = (float) 0.886226899;
  private static final float A1 = (float) -1.645349621;
  private static final float A2 = (float) 0.914624893;
  private static final float A3 = (float) -0.140543331;
  private static final float B0 = (float) -2.118377725;
  private static final float B1 = (float) 1.442710462;
  private static final float B2 = (float) -0.329097515;
  private static final float B3 = (float) 0.012229801;
  private static final float C0 = (float) -1.970840454;
  private static final float C1 = (float) -1.624906493;
  private static final float C2 = (float) 3.429567803;
  private static final float C3 = (float) 1.641345311;
  private static final float D0 = (float) 3.543889200;
  private static final float D1 = (float) 1.637067800;

  /** {@code static_cast<T>(2.0) / static_cast<T>(std::sqrt(c10::pi<double>))}: a float quotient. */
  private static final float TWO_OVER_SQRT_PI = 2.0f / (float) Math.sqrt(Math.PI);

  /** The same coefficients in double, highest power first; the last is the constant term. */
  private static final double[] ERFINV_A = {-0.140543331, 0.914624893, -1.645349621, 0.886226899};

  private static final double[] ERFINV_B = {
    0.012229801, -0.329097515, 1.442710462, -2.118377725, 1.0
  };
  private static final double[] ERFINV_C = {1.641345311, 3.429567803, -1.624906493, -1.970840454};
  private static final double[] ERFINV_D = {1.637067800, 3.543889200, 1.0};

  /** Horner's rule, {@code (c[0]·z + c[1])·z + …}, each step fused or rounded twice. */
  private static float poly(boolean fused, float z, float... coefficients) {
    float p = coefficients[0];
    for (int i = 1; i < coefficients.length; i++) {
      p = fused ? Math.fma(p, z, coefficients[i]) : p * z + coefficients[i];
    }
    return p;
  }

  private static double poly(boolean fused, double z, int count, double[] coefficients) {
    double p = coefficients[0];
    for (int i = 1; i < count; i++) {
      p = fused ? Math.fma(p, z, coefficients[i]) : p * z + coefficients[i];
    }
    return p;
  }
}
