package dev.kinit.torch;

import dev.kinit.DoubleTensor;
import dev.kinit.FloatTensor;
import dev.kinit.Tensor;

/**
 * The one place where this package reaches into a tensor's elements: the contiguous runs of the
 * arrays that hold a range of row-major positions, in order.
 */
final class TensorRuns {
  private TensorRuns() {}

  /** Receives the runs of a float or of a double tensor. */
  interface Visitor {
    /** One run of a float tensor, {@code array[offset .. offset + length)}. */
    void floats(float[] array, int offset, int length);

    /** One run of a double tensor, {@code array[offset .. offset + length)}. */
    void doubles(double[] array, int offset, int length);
  }

  /** Calls {@code visitor} for each run of the positions {@code [from, to)} of {@code tensor}. */
  static void forEach(Tensor tensor, long from, long to, Visitor visitor) {
    if (tensor instanceof FloatTensor floats) {
      floats.forEachSegment(from, to, visitor::floats);
    } else {
      ((DoubleTensor) tensor).forEachSegment(from, to, visitor::doubles);
    }
  }
}
