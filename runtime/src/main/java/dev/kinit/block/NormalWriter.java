package dev.kinit.block;

/**
 * Writes {@code mean + std·z} with {@code z ~ N(0, 1)} from the {@link Ziggurat}: one attempt from
 * each 32-bit half of a word for {@code float} elements, from each whole word for {@code double}.
 * The loops keep the stream's state in a local and hand it back only on the rare way out of the
 * fast case (a proposal outside its rectangle: 1.5% of attempts), so the fast case is a
 * multiply-shift hash, a table look-up and a compare.
 */
final class NormalWriter extends BlockWriter {

  private final double mean;
  private final double std;

  NormalWriter(SplitMix fill, double mean, double std) {
    super(fill);
    this.mean = mean;
    this.std = std;
  }

  @Override
  float half(int word) {
    return (float) (mean + std * Ziggurat.sample(word, stream));
  }

  @Override
  void pairs(float[] array, int from, int to) {
    writePairs(array, from, to, stream, mean, std);
  }

  /**
   * Two elements per word. The hot loop ({@link #insidePairs}) stops at the first pair with a
   * proposal outside its rectangle, which this method finishes before going on: with the rare path
   * out of the loop, C2 compiles the loop to straight-line code, about 15% faster.
   */
  private static void writePairs(
      float[] array, int from, int to, SplitMix stream, double mean, double std) {
    int i = insidePairs(array, from, to, stream, mean, std);
    while (i < to) {
      long word = stream.nextLong();
      array[i] = (float) (mean + std * Ziggurat.sample((int) word, stream));
      array[i + 1] = (float) (mean + std * Ziggurat.sample((int) (word >>> 32), stream));
      i = insidePairs(array, i + 2, to, stream, mean, std);
    }
  }

  /** Writes pairs from {@code from} up to the first pair that leaves its rectangles; returns it. */
  private static int insidePairs(
      float[] array, int from, int to, SplitMix stream, double mean, double std) {
    long seed = stream.seed;
    long gamma = stream.gamma;
    int i = from;
    for (; i < to; i += 2) {
      long word = SplitMix.mix64(seed + gamma);
      int low = (int) word;
      int high = (int) (word >>> 32);
      double x0 = Ziggurat.propose(low);
      double x1 = Ziggurat.propose(high);
      if (!Ziggurat.inside(x0, low & 0xFF) || !Ziggurat.inside(x1, high & 0xFF)) {
        break;
      }
      seed += gamma;
      array[i] = (float) (mean + std * x0);
      array[i + 1] = (float) (mean + std * x1);
    }
    stream.seed = seed;
    return i;
  }

  @Override
  void writeDoubles(double[] array, int from, int to) {
    long seed = stream.seed;
    long gamma = stream.gamma;
    for (int i = from; i < to; i++) {
      long word = SplitMix.mix64(seed += gamma);
      double x = Ziggurat.propose(word);
      if (!Ziggurat.inside(x, (int) word & 0xFF)) {
        stream.seed = seed;
        x = Ziggurat.settle(x, (int) word & 0xFF, stream);
        seed = stream.seed;
      }
      array[i] = mean + std * x;
    }
    stream.seed = seed;
  }
}
