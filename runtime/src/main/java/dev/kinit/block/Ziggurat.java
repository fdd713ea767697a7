package dev.kinit.block;

/**
 * Standard normal samples by the ziggurat method: Marsaglia and Tsang, "The Ziggurat Method for
 * Generating Random Variables", Journal of Statistical Software 5(8), 2000, with the correction of
 * Doornik, "An Improved Ziggurat Method to Generate Normal Random Samples", 2005 (the layer index
 * and the uniform come from different random bits). 256 layers, Marsaglia and Tsang's constants
 * {@code r = 3.6541528853610088}, {@code v = 0.00492867323399}.
 *
 * <p>The area under {@code f(x) = exp(-x²/2)}, {@code x >= 0}, is covered by 256 layers of equal
 * area {@code v}: layer {@code i >= 1} is the rectangle {@code [0, X[i]] × [F[i], F[i+1]]}, layer 0
 * the strip {@code [0, X[0]] × [0, F[1]]} that also stands for the tail beyond {@code r = X[1]}.
 * One attempt draws a layer {@code i} and {@code u} uniform in [-1, 1) and proposes {@code x =
 * u·X[i]}:
 *
 * <ul>
 *   <li>{@code |x| < X[i+1]}: inside the rectangle, under the curve: accept (98.5% of attempts);
 *   <li>layer 0: sample the tail {@code |x| > r} by Marsaglia's (1964) method, on the side of x;
 *   <li>otherwise {@code x} is in the wedge: accept if {@code F[i+1] + U·(F[i] − F[i+1]) < f(x)}
 *       for a fresh uniform {@code U}, else make a new attempt.
 * </ul>
 *
 * <p>The rectangles' parts above the curve make 0.67% of their area: 99.33% of attempts give a
 * value.
 *
 * <p>An attempt reads a 32-bit word (for {@code float} tensors: 8 bits of layer, 24 of {@code u},
 * as many as PyTorch's and the JDK's {@code float} samples start from) or a 64-bit word (for {@code
 * double}: 8 bits of layer, 53 of {@code u}). The fast case is written out in the writers ({@link
 * NormalWriter}); {@link #settle} does the rest. Tables and the rare paths use {@link StrictMath},
 * or decisions that provably agree with it ({@link #underCurve}), so every JVM computes the same
 * samples.
 */
final class Ziggurat {

  static final int LAYERS = 256;

  /** Where the tail starts: {@code X[1]}. */
  static final double R = 3.6541528853610088;

  /** The area of each layer. */
  static final double V = 0.00492867323399;

  /** Layer widths, decreasing: {@code X[0] = V / f(R)}, {@code X[1] = R}, …, {@code X[256] = 0}. */
  static final double[] X = new double[LAYERS + 1];

  /** {@code F[i] = f(X[i])}, increasing to {@code F[256] = 1}. */
  static final double[] F = new double[LAYERS + 1];

  /**
   * The slope of layer {@code i}'s chord, from {@code (X[i+1], F[i+1])} to {@code (X[i], F[i])}.
   */
  private static final double[] CHORD_SLOPE = new double[LAYERS];

  /** How far beyond a squeeze line a point must be to be decided by it: far above rounding. */
  private static final double SQUEEZE_MARGIN = 1e-12;

  /** {@code X[i] / 2^23}: turns the signed 24-bit integer of a 32-bit word into {@code u·X[i]}. */
  static final double[] SCALE_24 = new double[LAYERS];

  /** {@code X[i] / 2^52}: turns the signed 53-bit integer of a 64-bit word into {@code u·X[i]}. */
  static final double[] SCALE_53 = new double[LAYERS];

  static {
    // Doornik's zigNorInit: each layer i >= 1 has area X[i]·(F[i+1] − F[i]) = V.
    double f = StrictMath.exp(-0.5 * R * R);
    X[0] = V / f;
    X[1] = R;
    F[0] = 0; // unused: layer 0 never reaches the wedge test
    F[1] = f;
    for (int i = 2; i < LAYERS; i++) {
      X[i] = StrictMath.sqrt(-2 * StrictMath.log(V / X[i - 1] + f));
      f = StrictMath.exp(-0.5 * X[i] * X[i]);
      F[i] = f;
    }
    X[LAYERS] = 0;
    F[LAYERS] = 1;
    for (int i = 0; i < LAYERS; i++) {
      SCALE_24[i] = X[i] * 0x1p-23;
      SCALE_53[i] = X[i] * 0x1p-52;
      CHORD_SLOPE[i] = (F[i] - F[i + 1]) / (X[i] - X[i + 1]);
    }
  }

  private Ziggurat() {}

  /** The proposal of a 32-bit word: layer = its low 8 bits, {@code u} = the high 24 bits / 2^23. */
  static double propose(int word) {
    return (word >> 8) * SCALE_24[word & 0xFF];
  }

  /** The proposal of a 64-bit word: layer = its low 8 bits, {@code u} = the high 53 bits / 2^52. */
  static double propose(long word) {
    return (word >> 11) * SCALE_53[(int) word & 0xFF];
  }

  /** A sample from the 32-bit word {@code word}, drawing from {@code stream} if it needs more. */
  static double sample(int word, SplitMix stream) {
    return settle(propose(word), word & 0xFF, stream);
  }

  /** A sample from the 64-bit word {@code word}, drawing from {@code stream} if it needs more. */
  static double sample(long word, SplitMix stream) {
    return settle(propose(word), (int) word & 0xFF, stream);
  }

  /** Whether proposal {@code x} of layer {@code layer} lies inside the layer's rectangle. */
  static boolean inside(double x, int layer) {
    return Math.abs(x) < X[layer + 1];
  }

  /**
   * Finishes the attempt that proposed {@code x} in {@code layer}: {@code x} itself if it is inside
   * the rectangle, else the tail, the wedge test and new 64-bit attempts, drawing from {@code
   * stream}.
   */
  static double settle(double x, int layer, SplitMix stream) {
    while (!inside(x, layer)) {
      if (layer == 0) {
        return tail(x < 0, stream);
      }
      if (underCurve(F[layer + 1] + stream.nextDouble() * (F[layer] - F[layer + 1]), x, layer)) {
        return x;
      }
      long word = stream.nextLong();
      layer = (int) word & 0xFF;
      x = propose(word);
    }
    return x;
  }

  /**
   * The wedge test {@code y < f(x)} for a point of layer {@code layer}'s wedge, exactly as {@code y
   * < StrictMath.exp(-x²/2)} decides it, but mostly without the exponential. Two shortcuts:
   *
   * <ul>
   *   <li>a squeeze by convexity (McFarland, "A modified ziggurat algorithm", J. Stat. Comput.
   *       Simul. 86(7), 2016, uses the same idea): where {@code f} is convex ({@code |x| >= 1}) it
   *       lies under the chord of the wedge and over its tangents at both ends, where it is concave
   *       ({@code |x| <= 1}) the other way round; a point beyond the chord or the tangents by more
   *       than {@link #SQUEEZE_MARGIN} (far above rounding) is decided by that line;
   *   <li>{@link Math#exp} in place of {@code StrictMath.exp} when they cannot disagree: both are
   *       within 1 ulp of the exact value (Math's by its specification, fdlibm's by design), so a
   *       {@code y} more than 4 ulps from {@code Math.exp} is on the same side of both.
   * </ul>
   */
  static boolean underCurve(double y, double x, int layer) {
    double size = Math.abs(x);
    double outer = X[layer];
    double inner = X[layer + 1];
    double chord = F[layer + 1] + (size - inner) * CHORD_SLOPE[layer];
    double tangent =
        Math.max(
            F[layer] * (1 - outer * (size - outer)),
            F[layer + 1] * (1 - inner * (size - inner))); // f'(t) = -t·f(t)
    if (inner >= 1) {
      if (y > chord + SQUEEZE_MARGIN) {
        return false;
      }
      if (y < tangent - SQUEEZE_MARGIN) {
        return true;
      }
    } else if (outer <= 1) {
      if (y < chord - SQUEEZE_MARGIN) {
        return true;
      }
      if (y > tangent + SQUEEZE_MARGIN) {
        return false;
      }
    }
    double z = -0.5 * x * x;
    double fast = Math.exp(z);
    if (Math.abs(y - fast) > 4 * Math.ulp(fast)) {
      return y < fast;
    }
    return y < StrictMath.exp(z);
  }

  /** Marsaglia (1964): {@code R + e₁} with {@code e₁ ~ Exp(R)}, kept if {@code 2e₂ >= e₁²}. */
  private static double tail(boolean negative, SplitMix stream) {
    double x;
    double y;
    do {
      x = StrictMath.log(1 - stream.nextDouble()) / R; // 1 - U is in (0, 1]: the log is finite
      y = StrictMath.log(1 - stream.nextDouble());
    } while (-2 * y < x * x);
    return negative ? x - R : R - x;
  }
}
