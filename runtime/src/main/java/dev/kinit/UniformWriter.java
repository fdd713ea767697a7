package dev.kinit;

/**
 * Writes {@code lower + (upper − lower)·u} with {@code u} uniform in [0, 1):
 *
 * <ul>
 *   <li>{@code float}: {@code u = k / 2^24} with {@code k} the top 24 bits of each 32-bit half of a
 *       word (the JDK's {@code nextFloat()} of each half), computed in {@code float} as PyTorch does
 *       ({@code x·(to − from) + from}, {@code aten/src/ATen/core/TransformationHelper.h}): {@code
 *       float(lower) + float((upper − lower)/2^24)·k}, {@code k} exact in a float;
 *   <li>{@code double}: {@code u} the top 53 bits of a word over 2^53 ({@code nextDouble()}), kept
 *       below {@code upper} as {@code RandomGenerator.nextDouble(origin, bound)} does.
 * </ul>
 */
final class UniformWriter extends BlockWriter {

  private final double lower;
  private final double upper;
  private final double width53;
  private final float floatLower;
  private final float width24;

  UniformWriter(SplitMix fill, double lower, double upper) {
    super(fill);
    this.lower = lower;
    this.upper = upper;
    this.width53 = (upper - lower) * 0x1p-53;
    this.floatLower = (float) lower;
    this.width24 = (float) ((upper - lower) * 0x1p-24);
  }

  @Override
  void floats(float[] array, int from, int to) {
    int i = from;
    if (halfPending && i < to) {
      array[i++] = value((int) (pendingWord >>> 32));
      halfPending = false;
    }
    int pairsEnd = i + ((to - i) & ~1);
    stream.seed = pairs(array, i, pairsEnd, stream.seed, stream.gamma, floatLower, width24);
    if (pairsEnd < to) {
      pendingWord = stream.nextLong();
      halfPending = true;
      array[pairsEnd] = value((int) pendingWord);
    }
  }

  private float value(int half) {
    return floatLower + width24 * (half >>> 8);
  }

  /**
   * The hot loop, two elements per word, in a method of its own: a loop that starts where the
   * caller's pending half left off is not unrolled by C2, and runs at half the speed.
   */
  private static long pairs(float[] array, int from, int to, long seed, long gamma, float lower,
      float width24) {
    for (int i = from; i < to; i += 2) {
      long word = SplitMix.mix64(seed += gamma);
      array[i] = lower + width24 * ((int) word >>> 8);
      array[i + 1] = lower + width24 * (int) (word >>> 40);
    }
    return seed;
  }

  @Override
  void doubles(double[] array, int from, int to) {
    long seed = stream.seed;
    long gamma = stream.gamma;
    for (int i = from; i < to; i++) {
      double x = lower + width53 * (SplitMix.mix64(seed += gamma) >>> 11);
      array[i] = x < upper ? x : Math.nextDown(upper);
    }
    stream.seed = seed;
  }
}
