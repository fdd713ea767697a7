package dev.kinit.samples;

import dev.kinit.Tensor;

/** A float tensor's values, read through its segments, for tests that compare them. */
public final class TensorValues {

  private TensorValues() {}

  /** Every value of {@code tensor}, a {@code float} one, flat in row-major order. */
  public static float[] flat(Tensor tensor) {
    float[] values = new float[Math.toIntExact(tensor.size())];
    int[] at = {0};
    tensor.forEachSegment(
        0,
        tensor.size(),
        new Tensor.SegmentVisitor() {
          @Override
          public void floats(float[] array, int offset, int length) {
            System.arraycopy(array, offset, values, at[0], length);
            at[0] += length;
          }

          @Override
          public void doubles(double[] array, int offset, int length) {
            throw new AssertionError(tensor.name() + ": expected float values");
          }
        });
    return values;
  }
}
