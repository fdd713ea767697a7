package dev.kinit;

import java.util.Objects;

/**
 * A {@link Tensor} of {@code double} elements: a flat {@code double[]} with an explicit shape, or a
 * nested {@code double[][]} to {@code double[][][][][]} whose shape is read from the arrays.
 *
 * <pre>{@code
 * double[][][][] weight = new double[64][3][3][3];          // Conv2d: [out][in][kh][kw]
 * DoubleTensor t = DoubleTensor.of("weight", weight);        // shape [64, 3, 3, 3]
 * DoubleTensor flat = DoubleTensor.of("w", new double[120], 6, 20);
 * }</pre>
 *
 * <p>Every factory validates before returning: a {@code null} array or sub-array gives a {@link
 * NullPointerException} naming it, a jagged nested array or a shape that is negative or does not
 * match the data length gives an {@link IllegalArgumentException} naming the problem. The factories
 * without a {@code name} use {@code "tensor"} in their messages.
 */
public final class DoubleTensor implements Tensor {

  /** Receives one contiguous run of elements, {@code array[offset .. offset + length)}. */
  @FunctionalInterface
  public interface SegmentAction {
    /**
     * Called for one run of elements.
     *
     * @param array the array that holds the run
     * @param offset the index of the run's first element in {@code array}
     * @param length the number of elements in the run
     */
    void accept(double[] array, int offset, int length);
  }

  private static final String DEFAULT_NAME = "tensor";

  private final Layout layout;

  private DoubleTensor(Layout layout) {
    this.layout = layout;
  }

  /**
   * {@return a 1-D tensor (a bias, say) of shape {@code [data.length]}}
   *
   * @param name the name in error messages, such as the field the tensor views
   * @param data the elements
   */
  public static DoubleTensor of(String name, double[] data) {
    return new DoubleTensor(Layout.flat(name, data, new int[] {data == null ? 0 : data.length}));
  }

  /**
   * {@return the flat array {@code data} in row-major order, viewed with {@code shape}}
   *
   * @param name the name in error messages, such as the field the tensor views
   * @param data the elements in row-major order
   * @param shape the sizes of the dimensions, outermost first; their product is {@code data.length}
   */
  public static DoubleTensor of(String name, double[] data, int... shape) {
    return new DoubleTensor(Layout.flat(name, data, shape));
  }

  /**
   * {@return a 2-D tensor {@code [rows][columns]}, such as a {@code Linear} weight {@code
   * [out][in]}}
   *
   * @param name the name in error messages, such as the field the tensor views
   * @param data the elements; every row of a dimension must have the same length
   */
  public static DoubleTensor of(String name, double[][] data) {
    return new DoubleTensor(Layout.nested(name, data, 2));
  }

  /**
   * {@return a 3-D tensor, such as a {@code Conv1d} weight {@code [out][in][k]}}
   *
   * @param name the name in error messages, such as the field the tensor views
   * @param data the elements; every row of a dimension must have the same length
   */
  public static DoubleTensor of(String name, double[][][] data) {
    return new DoubleTensor(Layout.nested(name, data, 3));
  }

  /**
   * {@return a 4-D tensor, such as a {@code Conv2d} weight {@code [out][in][kh][kw]}}
   *
   * @param name the name in error messages, such as the field the tensor views
   * @param data the elements; every row of a dimension must have the same length
   */
  public static DoubleTensor of(String name, double[][][][] data) {
    return new DoubleTensor(Layout.nested(name, data, 4));
  }

  /**
   * {@return a 5-D tensor, such as a {@code Conv3d} weight {@code [out][in][kd][kh][kw]}}
   *
   * @param name the name in error messages, such as the field the tensor views
   * @param data the elements; every row of a dimension must have the same length
   */
  public static DoubleTensor of(String name, double[][][][][] data) {
    return new DoubleTensor(Layout.nested(name, data, 5));
  }

  /**
   * {@return {@link #of(String, double[])} named {@code "tensor"}}
   *
   * @param data the elements
   */
  public static DoubleTensor of(double[] data) {
    return of(DEFAULT_NAME, data);
  }

  /**
   * {@return {@link #of(String, double[], int...)} named {@code "tensor"}}
   *
   * @param data the elements
   * @param shape as for {@link #of(String, double[], int...)}
   */
  public static DoubleTensor of(double[] data, int... shape) {
    return of(DEFAULT_NAME, data, shape);
  }

  /**
   * {@return {@link #of(String, double[][])} named {@code "tensor"}}
   *
   * @param data the elements
   */
  public static DoubleTensor of(double[][] data) {
    return of(DEFAULT_NAME, data);
  }

  /**
   * {@return {@link #of(String, double[][][])} named {@code "tensor"}}
   *
   * @param data the elements
   */
  public static DoubleTensor of(double[][][] data) {
    return of(DEFAULT_NAME, data);
  }

  /**
   * {@return {@link #of(String, double[][][][])} named {@code "tensor"}}
   *
   * @param data the elements
   */
  public static DoubleTensor of(double[][][][] data) {
    return of(DEFAULT_NAME, data);
  }

  /**
   * {@return {@link #of(String, double[][][][][])} named {@code "tensor"}}
   *
   * @param data the elements
   */
  public static DoubleTensor of(double[][][][][] data) {
    return of(DEFAULT_NAME, data);
  }

  @Override
  public String name() {
    return layout.name();
  }

  @Override
  public int[] shape() {
    return layout.shape();
  }

  @Override
  public long size() {
    return layout.size();
  }

  /**
   * Calls {@code action} for each contiguous run of the elements at row-major positions {@code
   * [from, to)}, in order; a sampler writes through the arrays it is given.
   *
   * @param from the first position
   * @param to the position after the last
   * @param action called with each run
   * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
   */
  public void forEachSegment(long from, long to, SegmentAction action) {
    Objects.requireNonNull(action, "action");
    layout.forEachSegment(
        from, to, (array, offset, length) -> action.accept((double[]) array, offset, length));
  }

  /**
   * Copies {@code values[offset .. offset + count)} to the elements at row-major positions {@code
   * [position, position + count)}.
   *
   * @param position the row-major position of the first element written
   * @param values the values to copy
   * @param offset the index in {@code values} of the first value to copy
   * @param count the number of values to copy
   * @throws IndexOutOfBoundsException if either range is out of bounds; nothing is written then
   */
  public void write(long position, double[] values, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, values.length);
    int[] next = {offset};
    layout.forEachSegment(
        position,
        position + count,
        (array, at, length) -> {
          System.arraycopy(values, next[0], array, at, length);
          next[0] += length;
        });
  }

  @Override
  public String toString() {
    return "DoubleTensor " + layout;
  }
}
