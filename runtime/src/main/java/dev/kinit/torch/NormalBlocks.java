package dev.kinit.torch;

import dev.kinit.Tensor;

/**
 * PyTorch's {@code normal_fill} for a contiguous tensor of 16 elements or more ({@code
 * aten/src/ATen/native/cpu/DistributionTemplates.h}): it first writes a uniform in {@code [0, 1)}
 * to every element, then turns each whole block of 16 into normal samples ({@link
 * Kernels.FloatNormals}, {@link Kernels#normal16(double[], int, double, double)}); when the size is
 * not a multiple of 16, it draws 16 new uniforms for the last 16 elements and computes them again.
 *
 * <p>Here the values are made a chunk of whole blocks at a time in a small buffer, uniforms then
 * transforms, and copied into the tensor's runs as they come ({@link Tensor.SegmentVisitor}), which
 * consumes the stream in the same order: the tensor is written once and no buffer grows with it.
 * The uniforms of the elements after the last whole block are skipped, since PyTorch overwrites
 * them, and the recomputed last 16 values replace the end of the last chunk.
 *
 * <p>A fill can start at any whole block {@code from} of the tensor, with an engine that is at the
 * uniform of that element: so that blocks of one fill can be made on several threads.
 */
abstract class NormalBlocks implements Tensor.SegmentVisitor {

  static final int SIZE = 16;

  /** Float elements made at a time: whole blocks, so that the buffers stay in the L1 cache. */
  static final int CHUNK = Kernels.FloatNormals.MAX_BLOCKS * SIZE;

  final Mt19937 engine;

  /** The values made, a {@code float[]} or {@code double[]} of {@code chunk + SIZE}. */
  private final Object buffer;

  /** Elements made at a time, whole blocks. */
  private final int chunk;

  /** The elements of the tensor. */
  private final long size;

  /** The elements in whole blocks. */
  private final long whole;

  /** The positions whose values the buffer holds, {@code [start, end)}; the next one to copy. */
  private long start;

  private long end;
  private long position;

  private NormalBlocks(Mt19937 engine, Object buffer, int chunk, long size, long from) {
    if (size < SIZE || from % SIZE != 0 || from < 0 || from > size - SIZE) {
      throw new IllegalArgumentException(
          "from: " + from + "; expected a whole block of the " + size + " elements");
    }
    this.engine = engine;
    this.buffer = buffer;
    this.chunk = chunk;
    this.size = size;
    this.whole = size - size % SIZE;
    this.start = from;
    this.end = from;
    this.position = from;
  }

  /**
   * The words a float fill of {@code size} elements draws: one per element, and 16 more for the
   * recomputed last block when the size is not a multiple of 16.
   */
  static long words(long size) {
    return size % SIZE == 0 ? size : size + SIZE;
  }

  /**
   * Draws {@code count} uniforms to the buffer from {@code offset}; turns the blocks to normals.
   */
  abstract void makeBlocks(int offset, int count);

  /** Draws the uniforms of {@code count} elements and drops them. */
  abstract void skipUniforms(long count);

  @Override
  public final void floats(float[] array, int offset, int length) {
    copyTo(array, offset, length);
  }

  @Override
  public final void doubles(double[] array, int offset, int length) {
    copyTo(array, offset, length);
  }

  /**
   * Copies the values of the next {@code length} positions to {@code array} from {@code offset}.
   */
  private void copyTo(Object array, int offset, int length) {
    while (length > 0) {
      if (position == end) {
        nextChunk();
      }
      int count = (int) Math.min(length, end - position);
      System.arraycopy(buffer, (int) (position - start), array, offset, count);
      position += count;
      offset += count;
      length -= count;
    }
  }

  /** Makes the values from {@code end} on: whole blocks, and with the last one the last 16. */
  private void nextChunk() {
    start = end;
    int count = (int) Math.min(chunk, whole - start);
    makeBlocks(0, count);
    if (start + count == whole && whole < size) {
      skipUniforms(size - whole);
      makeBlocks(count, SIZE);
      System.arraycopy(buffer, count, buffer, (int) (size - SIZE - start), SIZE);
      count = (int) (size - start);
    }
    end = start + count;
  }

  /** The float32 path: {@code normal_fill_AVX2} or {@code normal_fill<float>}. */
  static final class Floats extends NormalBlocks {
    private final Scratch scratch;
    private final float mean;
    private final float std;

    Floats(Mt19937 engine, Scratch scratch, long size, long from, float mean, float std) {
      super(engine, scratch.values, CHUNK, size, from);
      this.scratch = scratch;
      this.mean = mean;
      this.std = std;
    }

    @Override
    void makeBlocks(int offset, int count) {
      engine.nextInts(scratch.words, offset, count);
      scratch.normals.transform(scratch.words, scratch.values, offset, count, mean, std);
    }

    @Override
    void skipUniforms(long count) {
      engine.skip(count);
    }

    /** The buffers of float fills, about 23 KB: for one fill at a time. */
    static final class Scratch {
      /**
       * Each thread's buffers for the ranges of parallel fills it makes, one range after the other:
       * so that a fill of many ranges allocates no buffers per range.
       */
      private static final ThreadLocal<Scratch> OF_THREAD = new ThreadLocal<>();

      private final int[] words = new int[CHUNK + SIZE];
      private final float[] values = new float[CHUNK + SIZE];
      private final Kernels kernels;
      private final Kernels.FloatNormals normals;

      Scratch(Kernels kernels) {
        this.kernels = kernels;
        normals = kernels.floatNormals();
      }

      /**
       * The calling thread's buffers for {@code kernels}, for one fill (or range of one) at a time:
       * a range of a parallel fill takes them when it runs, on its thread.
       */
      static Scratch ofThisThread(Kernels kernels) {
        Scratch kept = OF_THREAD.get();
        if (kept == null || kept.kernels != kernels) {
          kept = new Scratch(kernels);
          OF_THREAD.set(kept);
        }
        return kept;
      }
    }
  }

  /** The float64 path: {@code normal_fill<double>}, one block at a time. */
  static final class Doubles extends NormalBlocks {
    private final Kernels kernels;
    private final double mean;
    private final double std;
    private final double[] values;

    Doubles(Mt19937 engine, Kernels kernels, long size, double mean, double std) {
      this(engine, kernels, size, mean, std, new double[2 * SIZE]);
    }

    private Doubles(
        Mt19937 engine, Kernels kernels, long size, double mean, double std, double[] values) {
      super(engine, values, SIZE, size, 0);
      this.kernels = kernels;
      this.mean = mean;
      this.std = std;
      this.values = values;
    }

    @Override
    void makeBlocks(int offset, int count) {
      for (int i = offset; i < offset + count; i++) {
        values[i] = engine.nextDouble();
      }
      kernels.normal16(values, offset, mean, std);
    }

    @Override
    void skipUniforms(long count) {
      engine.skip(2 * count); // a double uniform takes two words
    }
  }
}
