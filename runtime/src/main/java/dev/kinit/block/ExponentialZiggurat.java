package dev.kinit.block;

/**
 * Standard exponential samples, {@code Exp(1)}, by the ziggurat method: Marsaglia and Tsang, "The
 * Ziggurat Method for Generating Random Variables", Journal of Statistical Software 5(8), 2000,
 * with 256 layers and their constants {@code r = 7.69711747013104972}, {@code v =
 * 0.0039496598225815571993}, and (as {@link Ziggurat} does for the normal) the layer index and the
 * uniform from different bits of one 64-bit word.
 *
 * <p>The area under {@code f(x) = exp(-x)}, {@code x >= 0}, is covered by 256 layers of equal area
 * {@code v}: layer {@code i >= 1} is the rectangle {@code [0, X[i]] × [F[i], F[i+1]]}, layer 0 the
 * strip {@code [0, X[0]] × [0, F[1]]} that also stands for the tail beyond {@code r = X[1]}. One
 * attempt draws a layer {@code i} and {@code u} uniform in [0, 1) and proposes {@code x = u·X[i]}:
 * accepted at once if {@code x < X[i+1]} (98.9% of attempts); in layer 0 beyond that, the tail is
 * {@code r} plus a new sample (the exponential forgets); otherwise {@code x} is in the wedge, and
 * is accepted if a uniform point of the wedge lies under the curve.
 *
 * <p>Used for the exponential proposals of truncated normals in a tail ({@link
 * TruncatedNormalWriter}); the tables and the rare paths use {@link StrictMath}, so every JVM
 * computes the same samples.
 */
final class ExponentialZiggurat {

  static final int LAYERS = 256;

  /** Where the tail starts: {@code X[1]}. */
  static final double R = 7.69711747013104972;

  /** The area of each layer. */
  static final double V = 0.0039496598225815571993;

  /** Layer widths, decreasing: {@code X[0] = V / f(R)}, {@code X[1] = R}, …, {@code X[256] = 0}. */
  static final double[] X = new double[LAYERS + 1];

  /** {@code F[i] = f(X[i])}, increasing to {@code F[256] = 1}. */
  static final double[] F = new double[LAYERS + 1];

  /** {@code X[i] / 2^53}: turns the top 53 bits of a word into {@code u·X[i]}. */
  private static final double[] SCALE = new double[LAYERS];

  static {
    double f = StrictMath.exp(-R);
    X[0] = V / f;
    X[1] = R;
    F[1] = f;
    for (int i = 2; i < LAYERS; i++) {
      X[i] = -StrictMath.log(V / X[i - 1] + f); // layer i - 1 has area X[i-1]·(F[i] − F[i-1]) = V
      f = StrictMath.exp(-X[i]);
      F[i] = f;
    }
    X[LAYERS] = 0;
    F[LAYERS] = 1;
    for (int i = 0; i < LAYERS; i++) {
      SCALE[i] = X[i] * 0x1p-53;
    }
  }

  private ExponentialZiggurat() {}

  /**
   * A sample of {@code Exp(1)}, drawing 64-bit words (and, rarely, uniforms) from {@code stream}.
   */
  static double sample(SplitMix stream) {
    double tail = 0;
    while (true) {
      long word = stream.nextLong();
      int layer = (int) word & 0xFF;
      double x = (word >>> 11) * SCALE[layer];
      if (x < X[layer + 1]) {
        return tail + x;
      }
      if (layer == 0) {
        tail += R; // beyond R the exponential starts afresh
      } else if (F[layer] + stream.nextDouble() * (F[layer + 1] - F[layer]) < StrictMath.exp(-x)) {
        return tail + x;
      }
    }
  }
}
