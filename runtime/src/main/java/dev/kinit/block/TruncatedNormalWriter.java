package dev.kinit.block;

import dev.kinit.internal.TorchMath;

/**
 * Writes samples of {@code N(mean, std²)} conditioned on {@code [a, b]}, exactly: each value is a
 * standard normal {@code z} drawn on the standardised interval {@code [lo, hi] = [(a − mean) / std,
 * (b − mean) / std]}, then {@code mean + std·z}, kept in {@code [a, b]} against rounding. How
 * {@code z} is drawn depends on the interval ({@link Plan}), never on the position, so the values
 * keep the block streams' guarantees (the same for any thread count and shard).
 *
 * <ul>
 *   <li>An interval that holds at least {@link #ZIGGURAT_MASS} of the probability: rejection from
 *       the {@link Ziggurat}, a normal sample outside {@code [lo, hi]} being replaced by the next
 *       (at most 1 / {@link #ZIGGURAT_MASS} attempts on average; for ±2 std, 1.05). The first
 *       attempt of a {@code float} element uses its 32-bit half word, as a normal fill does, the
 *       others whole 64-bit words.
 *   <li>Otherwise, Robert's proposals ("Simulation of truncated normal variables", Statistics and
 *       Computing 5, 1995), each accepted with the ratio of the densities, from 53-bit uniforms of
 *       the block's stream ({@code float} elements then use their half word for nothing but their
 *       place): an interval with 0 inside ({@code lo < 0 < hi}) is narrow and takes uniform
 *       proposals, accepted with probability {@code exp(−z²/2)}; one in a tail, or ending at 0
 *       (mirrored to {@code 0 <= lo}), takes uniform proposals, accepted with {@code exp((lo² −
 *       z²)/2)}, or shifted exponential ones of rate {@code λ = (lo + sqrt(lo² + 4))/2} from {@code
 *       lo} (drawn by the {@link ExponentialZiggurat}), accepted with {@code exp(−(z − λ)²/2)} and
 *       {@code z <= hi}, whichever accepts more often.
 * </ul>
 *
 * <p>The transcendental functions are {@link StrictMath}'s, or decisions that provably agree with
 * them ({@link #belowExp}), so the values are the same on every JVM.
 */
final class TruncatedNormalWriter extends BlockWriter {

  /** How far beyond a squeeze bound a uniform must be to be decided by it ({@link #belowExp}). */
  private static final double SQUEEZE_MARGIN = 1e-12;

  /** The least probability of {@code [lo, hi]} for which rejection from the ziggurat is used. */
  static final double ZIGGURAT_MASS = 0.25;

  /** How the standard normal samples are drawn for one interval. */
  enum Method {
    /** Normal samples from the ziggurat, redrawn until one lies in {@code [lo, hi]}. */
    ZIGGURAT,
    /** Uniform proposals on {@code [lo, hi]} (which contains 0), accepted w.p. exp(−z²/2). */
    UNIFORM_AROUND_ZERO,
    /** Uniform proposals on {@code [lo, hi]}, {@code 0 <= lo}, accepted w.p. exp((lo² − z²)/2). */
    UNIFORM_IN_TAIL,
    /**
     * Exponential proposals {@code lo + E/λ}, accepted w.p. exp(−(z − λ)²/2) when {@code <= hi}.
     */
    EXPONENTIAL_IN_TAIL
  }

  /**
   * One truncated normal fill: the numbers and the method, chosen once per fill.
   *
   * @param lo the lower end of the standardised interval, mirrored ({@code -hi}) for a left tail
   * @param hi the upper end, mirrored likewise
   * @param mirrored whether the samples are negated: the interval lies left of 0
   * @param rate the rate {@code λ} of the exponential proposals
   */
  record Plan(
      double mean,
      double std,
      double a,
      double b,
      Method method,
      double lo,
      double hi,
      boolean mirrored,
      double rate) {

    /** The plan for {@code N(mean, std²)} on {@code [a, b]}, arguments already checked. */
    static Plan of(double mean, double std, double a, double b) {
      double lo = (a - mean) / std;
      double hi = (b - mean) / std;
      if (TorchMath.normCdf(hi) - TorchMath.normCdf(lo) >= ZIGGURAT_MASS) {
        return new Plan(mean, std, a, b, Method.ZIGGURAT, lo, hi, false, 0);
      }
      if (lo < 0 && hi > 0) {
        return new Plan(mean, std, a, b, Method.UNIFORM_AROUND_ZERO, lo, hi, false, 0);
      }
      boolean mirrored = hi <= 0;
      double tailLo = mirrored ? -hi : lo;
      double tailHi = mirrored ? -lo : hi;
      double rate = (tailLo + Math.sqrt(tailLo * tailLo + 4)) / 2;
      // Acceptance of the exponential proposals over that of the uniform ones (Robert, §2.2)
      double ratio =
          rate * (tailHi - tailLo) * StrictMath.exp(-(rate - tailLo) * (rate - tailLo) / 2);
      Method method = ratio > 1 ? Method.EXPONENTIAL_IN_TAIL : Method.UNIFORM_IN_TAIL;
      return new Plan(mean, std, a, b, method, tailLo, tailHi, mirrored, rate);
    }

    /** {@code mean + std·z}, kept in {@code [a, b]}. */
    double value(double z) {
      return Math.min(Math.max(mean + std * z, a), b);
    }
  }

  private final Plan plan;

  TruncatedNormalWriter(SplitMix fill, Plan plan) {
    super(fill);
    this.plan = plan;
  }

  @Override
  float half(int word) {
    if (plan.method() != Method.ZIGGURAT) {
      return (float) plan.value(robert(plan, stream));
    }
    double z = Ziggurat.sample(word, stream);
    while (z < plan.lo() || z > plan.hi()) {
      z = Ziggurat.sample(stream.nextLong(), stream);
    }
    return (float) plan.value(z);
  }

  @Override
  void pairs(float[] array, int from, int to) {
    int i = plan.method() == Method.ZIGGURAT ? acceptedPairs(array, from, to, stream, plan) : from;
    while (i < to) {
      long word = stream.nextLong();
      array[i] = half((int) word);
      array[i + 1] = half((int) (word >>> 32));
      i = plan.method() == Method.ZIGGURAT ? acceptedPairs(array, i + 2, to, stream, plan) : i + 2;
    }
  }

  /**
   * Writes pairs from {@code from} up to the first pair with a proposal outside its rectangle or
   * outside {@code [lo, hi]}; returns it. The hot loop of the ziggurat method, kept free of the
   * rare paths as {@link NormalWriter}'s is.
   */
  private static int acceptedPairs(float[] array, int from, int to, SplitMix stream, Plan plan) {
    long seed = stream.seed;
    long gamma = stream.gamma;
    double lo = plan.lo();
    double hi = plan.hi();
    int i = from;
    for (; i < to; i += 2) {
      long word = SplitMix.mix64(seed + gamma);
      int low = (int) word;
      int high = (int) (word >>> 32);
      double x0 = Ziggurat.propose(low);
      double x1 = Ziggurat.propose(high);
      if (!Ziggurat.inside(x0, low & 0xFF)
          || !Ziggurat.inside(x1, high & 0xFF)
          || x0 < lo
          || x0 > hi
          || x1 < lo
          || x1 > hi) {
        break;
      }
      seed += gamma;
      array[i] = (float) plan.value(x0);
      array[i + 1] = (float) plan.value(x1);
    }
    stream.seed = seed;
    return i;
  }

  @Override
  void writeDoubles(double[] array, int from, int to) {
    for (int i = from; i < to; i++) {
      long word = stream.nextLong();
      double z;
      if (plan.method() == Method.ZIGGURAT) {
        z = Ziggurat.sample(word, stream);
        while (z < plan.lo() || z > plan.hi()) {
          z = Ziggurat.sample(stream.nextLong(), stream);
        }
      } else {
        z = robert(plan, stream);
      }
      array[i] = plan.value(z);
    }
  }

  /**
   * {@code u < exp(-t)} for {@code t >= 0}, exactly as {@code u < StrictMath.exp(-t)} decides it,
   * but mostly without {@code StrictMath}:
   *
   * <ul>
   *   <li>{@code 1 - t <= exp(-t) <= 1 / (1 + t)}, so a {@code u} below the first or above the
   *       second by more than {@link #SQUEEZE_MARGIN} (far above rounding, and above {@code
   *       StrictMath.exp}'s error of less than an ulp) is decided by them;
   *   <li>{@link Math#exp} and {@code StrictMath.exp} are both within 1 ulp of the exact value, so
   *       a {@code u} more than 4 ulps from {@code Math.exp} is on the same side of both (as {@link
   *       Ziggurat#underCurve} does).
   * </ul>
   */
  static boolean belowExp(double u, double t) {
    if (u < 1 - t - SQUEEZE_MARGIN) {
      return true;
    }
    if (u > 1 / (1 + t) + SQUEEZE_MARGIN) {
      return false;
    }
    double fast = Math.exp(-t);
    if (Math.abs(u - fast) > 4 * Math.ulp(fast)) {
      return u < fast;
    }
    return u < StrictMath.exp(-t);
  }

  /** A standard normal sample on the plan's interval by Robert's proposals (see the class). */
  private static double robert(Plan plan, SplitMix stream) {
    double lo = plan.lo();
    double hi = plan.hi();
    double z;
    switch (plan.method()) {
      case UNIFORM_AROUND_ZERO -> {
        do {
          z = lo + (hi - lo) * stream.nextDouble();
        } while (!belowExp(stream.nextDouble(), z * z / 2));
      }
      case UNIFORM_IN_TAIL -> {
        do {
          z = lo + (hi - lo) * stream.nextDouble();
        } while (!belowExp(stream.nextDouble(), (z - lo) * (z + lo) / 2));
      }
      case EXPONENTIAL_IN_TAIL -> {
        double rate = plan.rate();
        do {
          z = lo + ExponentialZiggurat.sample(stream) / rate;
        } while (z > hi || !belowExp(stream.nextDouble(), (z - rate) * (z - rate) / 2));
      }
      default -> throw new AssertionError(plan.method());
    }
    return plan.mirrored() ? -z : z;
  }
}
