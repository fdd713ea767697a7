package dev.kinit;

/**
 * Writes {@code mean + std·z} with {@code z ~ N(0, 1)} from the {@link Ziggurat}: one attempt from
 * each 32-bit half of a word for {@code float} elements, from each whole word for {@code double}.
 * The loops keep the stream's state in a local and hand it back only on the rare way out of the
 * fast case (about 0.7% of attempts), so the fast case is a multiply-shift hash, a table look-up and
 * a compare.
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
  void floats(float[] array, int from, int to) {
    int i = from;
    if (halfPending && i < to) {
      array[i++] = (float) (mean + std * half((int) (pendingWord >>> 32)));
      halfPending = false;
    }
    long seed = stream.seed;
    long gamma = stream.gamma;
    for (; i + 1 < to; i += 2) {
      long word = SplitMix.mix64(seed += gamma);
      int low = (int) word;
      int high = (int) (word >>> 32);
      double x0 = Ziggurat.propose(low);
      double x1 = Ziggurat.propose(high);
      if (!Ziggurat.inside(x0, low & 0xFF) || !Ziggurat.inside(x1, high & 0xFF)) {
        stream.seed = seed;
        x0 = Ziggurat.settle(x0, low & 0xFF, stream);
        x1 = Ziggurat.settle(x1, high & 0xFF, stream);
        seed = stream.seed;
      }
      array[i] = (float) (mean + std * x0);
      array[i + 1] = (float) (mean + std * x1);
    }
    stream.seed = seed;
    if (i < to) {
      pendingWord = stream.nextLong();
      halfPending = true;
      array[i] = (float) (mean + std * half((int) pendingWord));
    }
  }

  private double half(int word) {
    return Ziggurat.settle(Ziggurat.propose(word), word & 0xFF, stream);
  }

  @Override
  void doubles(double[] array, int from, int to) {
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
