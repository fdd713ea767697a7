package dev.kinit;

import dev.kinit.internal.Rules;
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
 * long} with overflow checks, so any shape of {@code int} sizes that fits in memory is exact. A
 * weight laid out as Keras lays it out, {@code [k…][in][out]}, has its fans from {@link
 * #of(WeightLayout, int...)}.
 *
 * @param fanIn the number of inputs that feed one output unit
 * @param fanOut the number of outputs that one input unit feeds
 */
public record Fans(long fanIn, long fanOut) {

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
    Rules.require(Rules.fanRankProblem(shape.length));
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

  /**
   * The fans of a weight laid out as {@code layout} says: {@link #of(int...)} for {@link
   * WeightLayout#TORCH}; for {@link WeightLayout#KERAS} as Keras' {@code _compute_fans}, the
   * receptive field being the product of every size but the last two, fan_in {@code shape[-2] · rf}
   * and fan_out {@code shape[-1] · rf}, and a 1-D shape having fan_in = fan_out = its size, a 0-D
   * one 1.
   *
   * @param layout the order of the weight's dimensions
   * @param shape the weight's shape, outermost first; no size negative
   * @return the weight's fan_in and fan_out
   * @throws IllegalArgumentException as {@link #of(int...)}: for {@code TORCH} a shape of fewer
   *     than two dimensions; a negative size; fans that overflow {@code long}
   */
  public static Fans of(WeightLayout layout, int... shape) {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(shape, "shape");
    if (layout == WeightLayout.TORCH) {
      return of(shape);
    }
    Shapes.requireNonNegative("shape", shape);
    if (shape.length < 2) {
      long fan = shape.length == 0 ? 1 : shape[0];
      return new Fans(fan, fan);
    }
    int last = shape.length - 1;
    int[] withoutOut = Arrays.copyOf(shape, last);
    int[] withoutIn = shape.clone();
    withoutIn[last - 1] = 1;
    long fanIn = Shapes.elementCount(withoutOut);
    long fanOut = Shapes.elementCount(withoutIn);
    if (fanIn < 0 || fanOut < 0) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " is too large: its fans overflow a long");
    }
    return new Fans(fanIn, fanOut);
  }
}
