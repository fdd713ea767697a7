package dev.kinit;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Checks on tensor shapes shared by {@link Fans}, {@link Layout} and the fills. */
final class Shapes {
  private Shapes() {}

  /**
   * Throws an {@link IllegalArgumentException} naming {@code tensor} and its shape with {@code
   * problem} (PyTorch's message, for the rank rules), unless it is {@code null}.
   */
  static void require(Tensor tensor, @Nullable String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(
          tensor.name() + ": " + problem + "; shape " + Arrays.toString(tensor.shape()));
    }
  }

  static void requireNonNegative(String name, int[] shape) {
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 0) {
        throw new IllegalArgumentException(
            name
                + ": shape "
                + Arrays.toString(shape)
                + " has size "
                + shape[i]
                + " at dimension "
                + i
                + "; expected sizes >= 0");
      }
    }
  }

  /** The number of elements of {@code shape}, or -1 if it does not fit in a {@code long}. */
  static long elementCount(int[] shape) {
    for (int size : shape) {
      if (size == 0) {
        return 0;
      }
    }
    long count = 1;
    for (int size : shape) {
      try {
        count = Math.multiplyExact(count, size);
      } catch (ArithmeticException overflow) {
        return -1;
      }
    }
    return count;
  }
}
