package dev.kinit;

/**
 * Writes {@code lower + (upper − lower)·u} with {@code u} uniform in [0, 1): for {@code float}
 * elements {@code u} is the top 24 bits of each 32-bit half of a word over 2^24 (the JDK's {@code
 * nextFloat()} of each half; PyTorch also uses 24 bits), for {@code double} the top 53 bits of a word
 * over 2^53 ({@code nextDouble()}), kept below {@code upper} as {@code
 * RandomGenerator.nextDouble(origin, bound)} does.
 */
final class UniformWriter extends BlockWriter {

  private final double lower;
  private final double upper;
  private final double width24;
  private final double width53;

  UniformWriter(SplitMix fill, double lower, double upper) {
    super(fill);
    this.lower = lower;
    this.upper = upper;
    this.width24 = (upper - lower) * 0x1p-24;
    this.width53 = (upper - lower) * 0x1p-53;
  }

  @Override
  void floats(float[] array, int from, int to) {
    int i = from;
    if (halfPending && i < to) {
      array[i++] = (float) (lower + width24 * (pendingWord >>> 40));
      halfPending = false;
    }
    long seed = stream.seed;
    long gamma = stream.gamma;
    for (; i + 1 < to; i += 2) {
      long word = SplitMix.mix64(seed += gamma);
      array[i] = (float) (lower + width24 * ((int) word >>> 8));
      array[i + 1] = (float) (lower + width24 * (word >>> 40));
    }
    stream.seed = seed;
    if (i < to) {
      pendingWord = stream.nextLong();
      halfPending = true;
      array[i] = (float) (lower + width24 * ((int) pendingWord >>> 8));
    }
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
