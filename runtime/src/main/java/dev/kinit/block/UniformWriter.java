package dev.kinit.block;

/**
 * Writes {@code lower + (upper − lower)·u} with {@code u} uniform in [0, 1):
 *
 * <ul>
 *   <li>{@code float}: {@code u = k / 2^24} with {@code k} the top 24 bits of each 32-bit half of a
 *       word (the JDK's {@code nextFloat()} of each half), computed in {@code float} as PyTorch
 *       does ({@code x·(to − from) + from}, {@code aten/src/ATen/core/TransformationHelper.h}):
 *       {@code float(lower) + float((upper − lower)/2^24)·k}, {@code k} exact in a float;
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
  float half(int word) {
    return floatLower + width24 * (word >>> 8);
  }

  @Override
  void pairs(float[] array, int from, int to) {
    stream.seed = writePairs(array, from, to, stream.seed, stream.gamma, floatLower, width24);
  }

  private static long writePairs(
      float[] array, int from, int to, long seed, long gamma, float lower, float width24) {
    for (int i = from; i < to; i += 2) {
      long word = SplitMix.mix64(seed += gamma);
      array[i] = lower + width24 * ((int) word >>> 8);
      array[i + 1] = lower + width24 * (int) (word >>> 40);
    }
    return seed;
  }

  @Override
  void writeDoubles(double[] array, int from, int to) {
    long seed = stream.seed;
    long gamma = stream.gamma;
    for (int i = from; i < to; i++) {
      double x = lower + width53 * (SplitMix.mix64(seed += gamma) >>> 11);
      array[i] = x < upper ? x : Math.nextDown(upper);
    }
    stream.seed = seed;
  }
}
