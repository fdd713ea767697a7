package dev.kinit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A weight tensor: a validated view of a plain Java array with a shape, its elements in row-major
 * (C) order, as in PyTorch. {@link FloatTensor} views {@code float} data, {@link DoubleTensor}
 * {@code double} data; both are created by their {@code of} factories, which check the arrays
 * before anything is written.
 *
 * <p>A tensor views the caller's arrays; filling it writes into them. It checks them when created
 * and keeps the outermost array: a field given a new array afterwards is not seen by the view, but
 * a row replaced inside a nested array is, unchecked (a fill writes whatever row is there then; a
 * shorter one fails part way). Make a new view after changing the arrays. A nested array whose
 * sizes Java cannot see is read as having size 0 there: {@code new float[0][3]} has shape {@code
 * [0, 0]}, not {@code [0, 3]} (it has no row to measure), which changes nothing for a fill (no
 * elements either way) but shows in {@link #shape()} and messages.
 *
 * <p>Two views, or two fields, may hold the same array (a tied weight, shared by two layers): each
 * fill writes all of it, and the last one wins, as when PyTorch initialises a tied weight twice.
 * Within one nested array, though, a row that appears at two positions ({@code w[1] == w[0]}) is
 * rejected when the view is created, since a fill would write it twice and leave the two positions
 * equal.
 *
 * <h2>For samplers</h2>
 *
 * <p>A {@link TensorSampler} writes a tensor's elements through {@link #setAll} (one value per
 * element, in row-major order) or, for speed, through {@link #forEachSegment}, which hands it the
 * contiguous runs of the underlying arrays. Either way:
 *
 * <ul>
 *   <li>Order: runs and elements come in row-major order, on the calling thread, each element of
 *       the range once.
 *   <li>What a sampler may do: read and write {@code array[offset .. offset + length)} of each run
 *       during the call. What it may not do: touch other indices of the array (they belong to other
 *       positions, or to no position of this tensor), or keep the array after the call.
 *   <li>Thread safety: a view is immutable and may be shared; calls for disjoint ranges may run on
 *       different threads at once, each writing only its own elements (this is how a parallel
 *       sampler works). Calls whose ranges overlap, from several threads, race on the shared
 *       elements.
 *   <li>Failure: a sampler checks its arguments before its first write, so that a fill that throws
 *       leaves the data untouched.
 * </ul>
 */
public sealed interface Tensor permits FloatTensor, DoubleTensor {

  /**
   * Receives the contiguous runs of a tensor's elements, {@code array[offset .. offset + length)}:
   * {@link #floats} for a {@link FloatTensor}, {@link #doubles} for a {@link DoubleTensor}, never
   * both for one tensor. The contract is the class comment's ("For samplers").
   */
  interface SegmentVisitor {

    /**
     * One run of a {@code float} tensor.
     *
     * @param array the tensor's array (a flat tensor's data, or one innermost row of a nested one),
     *     to read and write in {@code [offset, offset + length)} during the call only
     * @param offset the index in {@code array} of the run's first element
     * @param length the number of elements in the run, at least 1
     */
    void floats(float[] array, int offset, int length);

    /**
     * One run of a {@code double} tensor.
     *
     * @param array the tensor's array (a flat tensor's data, or one innermost row of a nested one),
     *     to read and write in {@code [offset, offset + length)} during the call only
     * @param offset the index in {@code array} of the run's first element
     * @param length the number of elements in the run, at least 1
     */
    void doubles(double[] array, int offset, int length);
  }

  /** {@return the name used in error messages, such as the field the tensor views} */
  String name();

  /** {@return the sizes of the dimensions, outermost first (a copy)} */
  int[] shape();

  /** {@return the number of elements: the product of the sizes} */
  long size();

  /**
   * Calls {@code visitor} for each contiguous run of the elements at row-major positions {@code
   * [from, to)}, in order. A flat array is one run; a nested array gives one run per innermost row
   * (or part of one, at the ends of the range).
   *
   * @param from the row-major position of the first element to visit, from 0
   * @param to the row-major position after the last element to visit, at most {@link #size()}
   * @param visitor receives the runs; its {@link SegmentVisitor#floats floats} for a {@link
   *     FloatTensor}, its {@link SegmentVisitor#doubles doubles} for a {@link DoubleTensor}
   * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}; nothing is visited
   *     then
   */
  void forEachSegment(long from, long to, SegmentVisitor visitor);

  /**
   * Sets every element, in row-major order, to the next value of {@code values}, rounded to the
   * element type ({@code (float)} for a {@link FloatTensor}): the element-by-element fill. {@code
   * values} is called exactly {@link #size()} times.
   *
   * @param values the values, in row-major order
   */
  void setAll(DoubleSupplier values);

  /**
   * Whether two of {@code tensors} share an array, so that fills of the two write the same
   * elements: both view the same array (a tensor listed twice, a tied parameter), or a row of one
   * is a row of the other, or the whole flat array of the other. Reads every row reference, not the
   * elements.
   *
   * @param tensors the tensors, in any order
   * @return whether an element of one is an element of another
   * @throws NullPointerException if {@code tensors} is or holds {@code null}
   */
  static boolean shareArrays(List<? extends Tensor> tensors) {
    List<Layout> layouts = new ArrayList<>(tensors.size());
    for (Tensor tensor : tensors) {
      Objects.requireNonNull(tensor, "tensor");
      layouts.add(
          tensor instanceof FloatTensor floats
              ? floats.layout()
              : ((DoubleTensor) tensor).layout());
    }
    return Layout.share(layouts);
  }
}
