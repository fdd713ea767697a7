package dev.kinit.torch;

/**
 * Shows that a normal value differs from PyTorch's only through the C library: it recomputes the
 * value from its two uniforms with PyTorch's formula, written out here independently of the code
 * under test, with the logarithm and the cosine or sine each moved by -1, 0 or +1 ulp, and reports
 * whether one of the nine combinations gives PyTorch's value exactly. The formulas are {@code
 * normal_fill_16} ({@code aten/src/ATen/native/cpu/DistributionTemplates.h}) for 16 elements or
 * more, and {@code normal_distribution<double>} ({@code aten/src/ATen/core/DistributionsHelper.h})
 * below, which must start without a cached sample.
 */
final class LibmExplanation {
  private final boolean scalarPath;
  private final double[] uniforms;
  private final double[] tail;
  private final int size;
  private final boolean float64;
  private final CpuCapability capability;
  private final float mean32;
  private final float std32;
  private final double mean64;
  private final double std64;

  /** {@code random} must be in the state the normal fill of {@code size} elements starts from. */
  LibmExplanation(
      TorchGenerator random,
      int size,
      boolean float64,
      float mean32,
      float std32,
      double mean64,
      double std64) {
    this.size = size;
    this.float64 = float64;
    this.capability = random.capability();
    this.mean32 = mean32;
    this.std32 = std32;
    this.mean64 = mean64;
    this.std64 = std64;
    scalarPath = size < NormalBlocks.SIZE;
    if (scalarPath) {
      uniforms = new double[size + size % 2];
      for (int i = 0; i < uniforms.length; i++) {
        uniforms[i] = random.nextDouble();
      }
      tail = new double[0];
    } else {
      uniforms = draw(random, size);
      tail = size % NormalBlocks.SIZE == 0 ? new double[0] : draw(random, NormalBlocks.SIZE);
    }
  }

  private double[] draw(TorchGenerator random, int count) {
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = float64 ? random.nextDouble() : random.nextFloat();
    }
    return values;
  }

  /** The element by the formula with the C library's results as {@link StrictMath} gives them. */
  double formula(int element) {
    return value(element, 0, 0);
  }

  /** Whether the formula gives {@code expected} with the log and cos/sin each moved by <= 1 ulp. */
  boolean explains(int element, double expected) {
    for (int logUlps = -1; logUlps <= 1; logUlps++) {
      for (int trigUlps = -1; trigUlps <= 1; trigUlps++) {
        double value = value(element, logUlps, trigUlps);
        if (value == expected || Double.isNaN(value) && Double.isNaN(expected)) {
          return true;
        }
      }
    }
    return false;
  }

  private double value(int element, int logUlps, int trigUlps) {
    if (scalarPath) {
      int pair = element - element % 2;
      return scalar(uniforms[pair], uniforms[pair + 1], element % 2 == 0, logUlps, trigUlps);
    }
    double[] block = uniforms;
    int start = element - element % 16;
    int index = element % 16;
    if (tail.length > 0 && element >= size - 16) {
      block = tail;
      start = 0;
      index = element - (size - 16);
    }
    double u1 = block[start + index % 8];
    double u2 = block[start + index % 8 + 8];
    boolean cosine = index < 8;
    return float64
        ? double64(u1, u2, cosine, logUlps, trigUlps)
        : float32(u1, u2, cosine, logUlps, trigUlps);
  }

  /**
   * {@code normal_fill_16<float>} of the default kernels, with {@code logf}, {@code cosf}, {@code
   * sinf}.
   */
  private float float32(double first, double second, boolean cosine, int logUlps, int trigUlps) {
    float u1 = 1 - (float) first;
    float theta = (float) (2.0f * Math.PI * (float) second);
    float log = step((float) StrictMath.log(u1), logUlps);
    float trig = step((float) (cosine ? StrictMath.cos(theta) : StrictMath.sin(theta)), trigUlps);
    float radius = (float) Math.sqrt(-2 * log);
    return radius * trig * std32 + mean32;
  }

  /** {@code normal_fill_16<double>}, fused multiply-add in the AVX2 build. */
  private double double64(double first, double second, boolean cosine, int logUlps, int trigUlps) {
    double u1 = 1 - first;
    double theta = 2.0f * Math.PI * second;
    double log = step(StrictMath.log(u1), logUlps);
    double trig = step(cosine ? StrictMath.cos(theta) : StrictMath.sin(theta), trigUlps);
    double radius = Math.sqrt(-2 * log);
    return capability == CpuCapability.AVX2
        ? Math.fma(radius * trig, std64, mean64)
        : radius * trig * std64 + mean64;
  }

  /** {@code normal_distribution<double>}: {@code r = sqrt(-2 log(1 - u2))}, {@code θ = 2π u1}. */
  private double scalar(double u1, double u2, boolean cosine, int logUlps, int trigUlps) {
    double radius = Math.sqrt(-2.0 * step(StrictMath.log(1.0 - u2), logUlps));
    double theta = 2.0 * Math.PI * u1;
    double trig = step(cosine ? StrictMath.cos(theta) : StrictMath.sin(theta), trigUlps);
    double value =
        capability == CpuCapability.AVX2
            ? Math.fma(radius * trig, std64, mean64)
            : radius * trig * std64 + mean64;
    return float64 ? value : (float) value;
  }

  private static float step(float value, int ulps) {
    return ulps == 0 ? value : ulps > 0 ? Math.nextUp(value) : Math.nextDown(value);
  }

  private static double step(double value, int ulps) {
    return ulps == 0 ? value : ulps > 0 ? Math.nextUp(value) : Math.nextDown(value);
  }
}
