package dev.kinit;

import java.util.Arrays;
import java.util.Objects;

/**
 * The fan-in and fan-out of a weight tensor, computed from its shape exactly as PyTorch's {@code
 * torch.nn.init._calculate_fan_in_and_fan_out}:
 *
 * <pre>
 *   receptive_field = shape[2] · shape[3] · …   (1 for a 2-D shape)
 *   fan_in          = shape[1] · receptive_field
 *   fan_out         = shape[0] · receptive_field
 * </pre>
 *
 * <p>So a {@code Linear} weight {@code [out, in]} has fan_in {@code in}; a {@code Conv2d} weight
 * {@code [out, in, kh, kw]} has fan_in {@code in · kh · kw}. The products are computed in {@code
 * long} with overflow checks, so any shape of {@code int} sizes that fits in memory is exact.
 *
 * @param fanIn the number of inputs that feed one output unit
 * @param fanOut the number of outputs that one input unit feeds
 */
public record Fans(long fanIn, long fanOut) {

  /** PyTorch's message for a shape of fewer than two dimensions. */
  static final String FEWER_THAN_TWO_DIMENSIONS =
      "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions";

  /**
   * Fans given directly; {@link #of(int...)} computes them from a shape.
   *
   * @param fanIn the number of inputs that feed one output unit
   * @param fanOut the number of outputs that one input unit feeds
   * @throws IllegalArgumentException if a fan is negative
   */
  public Fans {
    if (fanIn < 0 || fanOut < 0) {
      throw new IllegalArgumentException(
          "fans: fanIn " + fanIn + " and fanOut " + fanOut + "; expected both >= 0");
    }
  }

  /**
   * {@return the fans of a tensor of shape {@code shape}}
   *
   * @param shape the sizes, outermost first: {@code shape[0]} outputs, {@code shape[1]} inputs,
   *     then the kernel
   * @throws IllegalArgumentException with PyTorch's message if {@code shape} has fewer than two
   *     dimensions; if a size is negative; if a fan overflows {@code long}
   */
  public static Fans of(int... shape) {
    Objects.requireNonNull(shape, "shape");
    if (shape.length < 2) {
      throw new IllegalArgumentException(FEWER_THAN_TWO_DIMENSIONS);
    }
    Shapes.requireNonNegative("shape", shape);
    // fan_in is the product of every size but shape[0], fan_out of every size but shape[1]. A
    // product with a 0 is 0 however large the other sizes, as in PyTorch: it cannot overflow.
    long fanIn = Shapes.elementCount(Arrays.copyOfRange(shape, 1, shape.length));
    int[] withoutIn = shape.clone();
    withoutIn[1] = 1;
    long fanOut = Shapes.elementCount(withoutIn);
    if (fanIn < 0 || fanOut < 0) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " is too large: its fans overflow a long");
    }
    return new Fans(fanIn, fanOut);
  }
}
