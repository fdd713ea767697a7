package dev.kinit;

/**
 * A weight tensor: a validated view of a plain Java array with a shape, its elements in row-major
 * (C) order, as in PyTorch. {@link FloatTensor} views {@code float} data, {@link DoubleTensor}
 * {@code double} data; both are created by their {@code of} factories, which check the shape before
 * anything is written.
 *
 * <p>A tensor views the caller's arrays; filling it writes into them. It captures the array
 * structure when created: replacing a row of a nested array afterwards is not seen by the view.
 */
public sealed interface Tensor permits FloatTensor, DoubleTensor {

  /** {@return the name used in error messages, such as the field the tensor views} */
  String name();

  /** {@return the sizes of the dimensions, outermost first (a copy)} */
  int[] shape();

  /** {@return the number of elements: the product of the sizes} */
  long size();
}
