package dev.kinit.torch;

import dev.kinit.DoubleTensor;
import dev.kinit.FloatTensor;
import dev.kinit.Tensor;

/**
 * PyTorch's {@code normal_fill} for a contiguous tensor of 16 elements or more ({@code
 * aten/src/ATen/native/cpu/DistributionTemplates.h}): it first writes a uniform in {@code [0, 1)}
 * to every element, then turns each whole block of 16 into normal samples ({@link
 * Kernels#normal16}); when the size is not a multiple of 16, it draws 16 new uniforms for the last
 * 16 elements and computes them again.
 *
 * <p>Here each block draws its 16 uniforms just before its transform, which consumes the stream in
 * the same order; the uniforms of the elements after the last whole block are drawn and dropped,
 * since PyTorch overwrites them.
 */
abstract class NormalBlocks {

  static final int SIZE = 16;

  final TorchGenerator random;

  private NormalBlocks(TorchGenerator random) {
    this.random = random;
  }

  final void fill(long size) {
    long whole = size - size % SIZE;
    for (long start = 0; start < whole; start += SIZE) {
      nextBlock();
      writeAt(start);
    }
    if (whole < size) {
      drawUniforms(size - whole);
      nextBlock();
      writeAt(size - SIZE);
    }
  }

  /** Draws {@code count} uniforms in {@code [0, 1)}, the block's or discarded ones. */
  abstract void drawUniforms(long count);

  /** Draws 16 uniforms into the block and transforms them. */
  abstract void nextBlock();

  /** Copies the block to the 16 elements from {@code position}. */
  abstract void writeAt(long position);

  /** Copies {@code block}, a {@code float[]} or {@code double[]} as the tensor's elements are. */
  static void copy(Object block, Tensor tensor, long position) {
    tensor.forEachSegment(
        position,
        position + SIZE,
        new Tensor.SegmentVisitor() {
          private int next;

          @Override
          public void floats(float[] array, int offset, int length) {
            copyRun(array, offset, length);
          }

          @Override
          public void doubles(double[] array, int offset, int length) {
            copyRun(array, offset, length);
          }

          private void copyRun(Object array, int offset, int length) {
            System.arraycopy(block, next, array, offset, length);
            next += length;
          }
        });
  }

  /** The float32 path: {@code normal_fill_AVX2} or {@code normal_fill<float>}. */
  static final class Floats extends NormalBlocks {
    private final FloatTensor tensor;
    private final float mean;
    private final float std;
    private final float[] block = new float[SIZE];

    Floats(TorchGenerator random, FloatTensor tensor, float mean, float std) {
      super(random);
      this.tensor = tensor;
      this.mean = mean;
      this.std = std;
    }

    @Override
    void drawUniforms(long count) {
      for (long i = 0; i < count; i++) {
        random.nextFloat();
      }
    }

    @Override
    void nextBlock() {
      for (int k = 0; k < SIZE; k++) {
        block[k] = random.nextFloat();
      }
      random.kernels().normal16(block, mean, std);
    }

    @Override
    void writeAt(long position) {
      copy(block, tensor, position);
    }
  }

  /** The float64 path: {@code normal_fill<double>}. */
  static final class Doubles extends NormalBlocks {
    private final DoubleTensor tensor;
    private final double mean;
    private final double std;
    private final double[] block = new double[SIZE];

    Doubles(TorchGenerator random, DoubleTensor tensor, double mean, double std) {
      super(random);
      this.tensor = tensor;
      this.mean = mean;
      this.std = std;
    }

    @Override
    void drawUniforms(long count) {
      for (long i = 0; i < count; i++) {
        random.nextDouble();
      }
    }

    @Override
    void nextBlock() {
      for (int k = 0; k < SIZE; k++) {
        block[k] = random.nextDouble();
      }
      random.kernels().normal16(block, mean, std);
    }

    @Override
    void writeAt(long position) {
      copy(block, tensor, position);
    }
  }
}
