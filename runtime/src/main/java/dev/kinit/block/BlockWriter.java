package dev.kinit.block;

import dev.kinit.FloatTensor;
import dev.kinit.Tensor;

/**
 * Writes the values of one fill of a {@link BlockSampler} into a range of row-major positions.
 *
 * <p>Positions are cut into blocks of {@link #BLOCK_SIZE} elements. Block {@code b} draws from its
 * own stream, {@code split(fill, b)} ({@link SplitMix}), starting afresh at the block's first
 * element; so the value at a position depends only on the fill and the position, not on which
 * writer, thread or shard produces it. A range that starts inside a block first draws, and throws
 * away, the block's values before the range.
 *
 * <p>Each subclass turns stream words into values; a {@code float} tensor takes two values from
 * each 64-bit word (low 32 bits first, then high), a {@code double} tensor one. A pair may straddle
 * two segments of a nested array: the word then waits in {@link #pendingWord} for the next segment.
 * One writer per task; not thread-safe.
 */
abstract class BlockWriter implements Tensor.SegmentVisitor {

  /**
   * Elements per block: the unit of stream derivation (and of parallel work). Part of the
   * definition of the values, so it never changes.
   */
  static final int BLOCK_SIZE = 1 << 14;

  private static final int BLOCK_SHIFT = Integer.numberOfTrailingZeros(BLOCK_SIZE);
  private static final int SKIP_CHUNK = 1024;

  private final SplitMix fill;

  /** The current block's stream. */
  final SplitMix stream = new SplitMix(0, 0);

  /** A word whose high 32 bits are still to be used for the next {@code float} element. */
  private long pendingWord;

  private boolean halfPending;

  /** The row-major position of the next element to write. */
  private long position;

  BlockWriter(SplitMix fill) {
    this.fill = fill;
  }

  /**
   * Writes positions {@code [from, to)} into {@code shard}, whose element 0 is position {@code
   * origin}.
   */
  final void write(Tensor shard, long origin, long from, long to) {
    long blockStart = from & -BLOCK_SIZE;
    position = blockStart;
    enterBlock(blockStart >>> BLOCK_SHIFT);
    skip((int) (from - blockStart), shard instanceof FloatTensor);
    shard.forEachSegment(from - origin, to - origin, this);
  }

  @Override
  public final void floats(float[] array, int offset, int length) {
    while (length > 0) {
      int n = enterRun(length);
      writeFloats(array, offset, offset + n);
      offset += n;
      length -= n;
    }
  }

  @Override
  public final void doubles(double[] array, int offset, int length) {
    while (length > 0) {
      int n = enterRun(length);
      writeDoubles(array, offset, offset + n);
      offset += n;
      length -= n;
    }
  }

  /**
   * Fills {@code array[from .. to)} with the next values of the current block's stream, two per
   * word: a pending high half first, then whole pairs ({@link #pairs}), then a low half whose high
   * half waits for the next call.
   */
  private void writeFloats(float[] array, int from, int to) {
    int i = from;
    if (halfPending && i < to) {
      array[i++] = half((int) (pendingWord >>> 32));
      halfPending = false;
    }
    int pairsEnd = i + ((to - i) & ~1);
    pairs(array, i, pairsEnd);
    if (pairsEnd < to) {
      pendingWord = stream.nextLong();
      halfPending = true;
      array[pairsEnd] = half((int) pendingWord);
    }
  }

  /** The value of one 32-bit half word; may draw more words from {@link #stream}. */
  abstract float half(int word);

  /**
   * Fills {@code array[from .. to)}, an even count, with one word per pair, low half first. The hot
   * loop: implementations keep it in a static method whose loop runs from a parameter to a
   * parameter, the shape C2 unrolls (a loop that starts after a pending half runs at half speed).
   */
  abstract void pairs(float[] array, int from, int to);

  /** Fills {@code array[from .. to)} with the next values of the current block's stream. */
  abstract void writeDoubles(double[] array, int from, int to);

  /** How many of the next {@code length} elements lie in the current block; starts a new one. */
  private int enterRun(int length) {
    int inBlock = (int) (position & (BLOCK_SIZE - 1));
    if (inBlock == 0) {
      enterBlock(position >>> BLOCK_SHIFT);
    }
    int n = Math.min(length, BLOCK_SIZE - inBlock);
    position += n;
    return n;
  }

  private void enterBlock(long block) {
    stream.becomeSplit(fill, block);
    halfPending = false;
  }

  /** Draws, in the current block, the {@code count} values before a range, as a writer would. */
  private void skip(int count, boolean floats) {
    if (count == 0) {
      return;
    }
    float[] floatScratch = floats ? new float[SKIP_CHUNK] : null;
    double[] doubleScratch = floats ? null : new double[SKIP_CHUNK];
    for (int done = 0; done < count; done += SKIP_CHUNK) {
      int n = Math.min(SKIP_CHUNK, count - done);
      if (floats) {
        writeFloats(floatScratch, 0, n);
      } else {
        writeDoubles(doubleScratch, 0, n);
      }
    }
    position += count;
  }
}
