package dev.kinit;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where the elements of a tensor live: one flat primitive array with an explicit shape, or a nested
 * array ({@code float[][][]}, …) whose shape is read from the arrays. Validated once, at creation;
 * then walks any range of row-major positions as contiguous segments of primitive arrays.
 *
 * <p>Shared by {@link FloatTensor} and {@link DoubleTensor}; a leaf is a {@code float[]} or a
 * {@code double[]}, which they cast back.
 */
final class Layout {

  /** Receives one contiguous run of elements: {@code array[offset .. offset + length)}. */
  interface Segments {
    void accept(Object array, int offset, int length);
  }

  private final String name;
  private final Object root;
  private final int[] shape;
  private final long size;

  /** For a nested array: how many elements one index at each depth spans. */
  private final long[] strides;

  private Layout(String name, Object root, int[] shape, long size, long[] strides) {
    this.name = name;
    this.root = root;
    this.shape = shape;
    this.size = size;
    this.strides = strides;
  }

  /** A flat array {@code data} viewed with {@code shape}. */
  static Layout flat(String name, Object data, int[] shape) {
    Objects.requireNonNull(name, "name");
    requireArray(name, data);
    Objects.requireNonNull(shape, "shape");
    int[] dims = shape.clone();
    Shapes.requireNonNegative(name, dims);
    int length = Array.getLength(data);
    long count = Shapes.elementCount(dims);
    if (count != length) {
      throw new IllegalArgumentException(
          name
              + ": shape "
              + Arrays.toString(dims)
              + " has "
              + (count < 0 ? "more than " + Long.MAX_VALUE : count)
              + " elements but the array has "
              + length
              + "; expected the product of the sizes"
              + " to equal the array length");
    }
    return new Layout(name, data, dims, count, null);
  }

  /**
   * A nested array of {@code rank} dimensions. Its shape is read from the first element at each
   * depth; every other array at that depth must have the same length.
   *
   * @throws NullPointerException naming the path of a null sub-array ({@code weight[2][0] is null})
   * @throws IllegalArgumentException for a jagged array, naming the first row that differs
   */
  static Layout nested(String name, Object[] root, int rank) {
    Objects.requireNonNull(name, "name");
    requireArray(name, root);
    int[] shape = new int[rank];
    Object node = root;
    for (int depth = 0; depth < rank; depth++) {
      shape[depth] = Array.getLength(node);
      if (depth + 1 < rank) {
        if (shape[depth] == 0) {
          break; // nothing below: the remaining sizes are unknown, and 0 is as good as any
        }
        node = ((Object[]) node)[0];
        if (node == null) {
          throw new NullPointerException(name + "[0]".repeat(depth + 1) + " is null");
        }
      }
    }
    requireRectangular(name, root, shape, 0, new int[rank]);
    long[] strides = new long[rank];
    strides[rank - 1] = 1;
    for (int depth = rank - 2; depth >= 0; depth--) {
      strides[depth] = strides[depth + 1] * shape[depth + 1];
    }
    return new Layout(name, root, shape, strides[0] * shape[0], strides);
  }

  private static void requireArray(String name, Object array) {
    if (array == null) {
      throw new NullPointerException(name + " is null");
    }
  }

  private static void requireRectangular(
      String name, Object node, int[] shape, int depth, int[] path) {
    int length = Array.getLength(node);
    if (length != shape[depth]) {
      throw new IllegalArgumentException(
          name
              + ": jagged array: "
              + name
              + index(path, depth)
              + " has length "
              + length
              + " but "
              + name
              + "[0]".repeat(depth)
              + " has length "
              + shape[depth]
              + "; expected every array at depth "
              + depth
              + " to have the same length");
    }
    if (depth + 1 == shape.length) {
      return;
    }
    Object[] children = (Object[]) node;
    for (int i = 0; i < children.length; i++) {
      path[depth] = i;
      if (children[i] == null) {
        throw new NullPointerException(name + index(path, depth + 1) + " is null");
      }
      requireRectangular(name, children[i], shape, depth + 1, path);
    }
  }

  private static String index(int[] path, int depth) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      text.append('[').append(path[i]).append(']');
    }
    return text.toString();
  }

  String name() {
    return name;
  }

  int[] shape() {
    return shape.clone();
  }

  long size() {
    return size;
  }

  /**
   * Calls {@code segments} for each contiguous run of the elements at row-major positions {@code
   * [from, to)}, in order.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
   */
  void forEachSegment(long from, long to, Segments segments) {
    Objects.requireNonNull(segments, "segments");
    if (from < 0 || from > to || to > size) {
      throw new IndexOutOfBoundsException(
          name + ": range [" + from + ", " + to + ") is outside [0, " + size + ")");
    }
    if (from == to) {
      return;
    }
    if (strides == null) {
      segments.accept(root, (int) from, (int) (to - from));
    } else {
      visit(root, 0, 0, from, to, segments);
    }
  }

  private void visit(Object node, int depth, long base, long from, long to, Segments segments) {
    if (depth == shape.length - 1) {
      int offset = (int) Math.max(0, from - base);
      int end = (int) Math.min(shape[depth], to - base);
      segments.accept(node, offset, end - offset);
      return;
    }
    Object[] children = (Object[]) node;
    long stride = strides[depth];
    for (int i = (int) (Math.max(0, from - base) / stride); i < children.length; i++) {
      long childBase = base + i * stride;
      if (childBase >= to) {
        return;
      }
      visit(children[i], depth + 1, childBase, from, to, segments);
    }
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
