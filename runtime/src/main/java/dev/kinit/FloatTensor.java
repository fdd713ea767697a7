package dev.kinit;

import java.util.function.DoubleSupplier;

/**
 * A {@link Tensor} of {@code float} elements: a flat {@code float[]} with an explicit shape, or a
 * nested {@code float[][]} to {@code float[][][][][]} whose shape is read from the arrays.
 *
 * <pre>{@code
 * float[][][][] weight = new float[64][3][3][3];          // Conv2d: [out][in][kh][kw]
 * FloatTensor t = FloatTensor.of("weight", weight);        // shape [64, 3, 3, 3]
 * FloatTensor flat = FloatTensor.of("w", new float[120], 6, 20);
 * }</pre>
 *
 * <p>Every factory validates before returning: a {@code null} array or sub-array gives a {@link
 * NullPointerException} naming it, a jagged nested array or a shape that is negative or does not
 * match the data length, or a nested array with a row at two positions ({@code w[1] == w[0]}),
 * gives an {@link IllegalArgumentException} naming the problem. The factories without a {@code
 * name} use {@code "tensor"} in their messages.
 *
 * <p>A nested array's shape is read from its first row at each depth: {@code new float[0][3]} has
 * no row, so it reads as shape {@code [0, 0]} (see {@link Tensor}).
 */
public final class FloatTensor implements Tensor {

  private static final String DEFAULT_NAME = "tensor";

  private final Layout layout;

  private FloatTensor(Layout layout) {
    this.layout = layout;
  }

  /**
   * A 1-D tensor (a bias, say) of shape {@code [data.length]}.
   *
   * @param name what messages call the tensor, such as the field's name
   * @param data the elements
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code name} or {@code data} is {@code null}
   */
  public static FloatTensor of(String name, float[] data) {
    return new FloatTensor(Layout.flat(name, data, new int[] {data == null ? 0 : data.length}));
  }

  /**
   * The flat array {@code data} in row-major order, viewed with {@code shape}.
   *
   * @param name what messages call the tensor, such as the field's name
   * @param data the elements, in row-major order
   * @param shape the sizes of the dimensions, outermost first ({@code 6, 20} for a {@code
   *     Linear(20, 6)} weight); none is negative and their product is {@code data.length}
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code name}, {@code data} or {@code shape} is {@code null}
   * @throws IllegalArgumentException if a size is negative, or the sizes' product is not {@code
   *     data.length}
   */
  public static FloatTensor of(String name, float[] data, int... shape) {
    return new FloatTensor(Layout.flat(name, data, shape));
  }

  /**
   * A 2-D tensor {@code [rows][columns]}, such as a {@code Linear} weight {@code [out][in]}.
   *
   * @param name what messages call the tensor, such as the field's name
   * @param data the elements; rectangular, its shape read from the first row at each depth
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code name} or {@code data}, or one of its rows, is {@code
   *     null}; the message names it ({@code weight[0][2]})
   * @throws IllegalArgumentException if {@code data} is jagged, or holds one row at two positions
   *     ({@code w[1] == w[0]})
   */
  public static FloatTensor of(String name, float[][] data) {
    return new FloatTensor(Layout.nested(name, data, 2));
  }

  /**
   * A 3-D tensor, such as a {@code Conv1d} weight {@code [out][in][k]}.
   *
   * @param name what messages call the tensor, such as the field's name
   * @param data the elements; rectangular, its shape read from the first row at each depth
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code name} or {@code data}, or one of its rows, is {@code
   *     null}; the message names it ({@code weight[0][2]})
   * @throws IllegalArgumentException if {@code data} is jagged, or holds one row at two positions
   *     ({@code w[1] == w[0]})
   */
  public static FloatTensor of(String name, float[][][] data) {
    return new FloatTensor(Layout.nested(name, data, 3));
  }

  /**
   * A 4-D tensor, such as a {@code Conv2d} weight {@code [out][in][kh][kw]}.
   *
   * @param name what messages call the tensor, such as the field's name
   * @param data the elements; rectangular, its shape read from the first row at each depth
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code name} or {@code data}, or one of its rows, is {@code
   *     null}; the message names it ({@code weight[0][2]})
   * @throws IllegalArgumentException if {@code data} is jagged, or holds one row at two positions
   *     ({@code w[1] == w[0]})
   */
  public static FloatTensor of(String name, float[][][][] data) {
    return new FloatTensor(Layout.nested(name, data, 4));
  }

  /**
   * A 5-D tensor, such as a {@code Conv3d} weight {@code [out][in][kd][kh][kw]}.
   *
   * @param name what messages call the tensor, such as the field's name
   * @param data the elements; rectangular, its shape read from the first row at each depth
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code name} or {@code data}, or one of its rows, is {@code
   *     null}; the message names it ({@code weight[0][2]})
   * @throws IllegalArgumentException if {@code data} is jagged, or holds one row at two positions
   *     ({@code w[1] == w[0]})
   */
  public static FloatTensor of(String name, float[][][][][] data) {
    return new FloatTensor(Layout.nested(name, data, 5));
  }

  /**
   * {@link #of(String, float[])} named {@code "tensor"}.
   *
   * @param data the elements
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code data} is {@code null}
   */
  public static FloatTensor of(float[] data) {
    return of(DEFAULT_NAME, data);
  }

  /**
   * {@link #of(String, float[], int...)} named {@code "tensor"}.
   *
   * @param data the elements, in row-major order
   * @param shape the sizes of the dimensions, outermost first; their product is {@code data.length}
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code data} or {@code shape} is {@code null}
   * @throws IllegalArgumentException as {@link #of(String, float[], int...)}
   */
  public static FloatTensor of(float[] data, int... shape) {
    return of(DEFAULT_NAME, data, shape);
  }

  /**
   * {@link #of(String, float[][])} named {@code "tensor"}.
   *
   * @param data the elements; rectangular
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code data}, or one of its rows, is {@code null}; the message
   *     names it ({@code weight[0][2]})
   * @throws IllegalArgumentException as {@link #of(String, float[][])}
   */
  public static FloatTensor of(float[][] data) {
    return of(DEFAULT_NAME, data);
  }

  /**
   * {@link #of(String, float[][][])} named {@code "tensor"}.
   *
   * @param data the elements; rectangular
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code data}, or one of its rows, is {@code null}; the message
   *     names it ({@code weight[0][2]})
   * @throws IllegalArgumentException as {@link #of(String, float[][][])}
   */
  public static FloatTensor of(float[][][] data) {
    return of(DEFAULT_NAME, data);
  }

  /**
   * {@link #of(String, float[][][][])} named {@code "tensor"}.
   *
   * @param data the elements; rectangular
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code data}, or one of its rows, is {@code null}; the message
   *     names it ({@code weight[0][2]})
   * @throws IllegalArgumentException as {@link #of(String, float[][][][])}
   */
  public static FloatTensor of(float[][][][] data) {
    return of(DEFAULT_NAME, data);
  }

  /**
   * {@link #of(String, float[][][][][])} named {@code "tensor"}.
   *
   * @param data the elements; rectangular
   * @return a view of {@code data}; a fill writes into it
   * @throws NullPointerException if {@code data}, or one of its rows, is {@code null}; the message
   *     names it ({@code weight[0][2]})
   * @throws IllegalArgumentException as {@link #of(String, float[][][][][])}
   */
  public static FloatTensor of(float[][][][][] data) {
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

  @Override
  public void forEachSegment(long from, long to, SegmentVisitor visitor) {
    layout.forEachSegment(from, to, visitor);
  }

  @Override
  public void setAll(DoubleSupplier values) {
    layout.setAll(values);
  }

  /** The array this tensor views, for telling tied parameters apart from distinct ones. */
  Object array() {
    return layout.root();
  }

  /** Where its elements are, for telling whether two tensors share any. */
  Layout layout() {
    return layout;
  }

  @Override
  public String toString() {
    return "FloatTensor " + layout;
  }
}
