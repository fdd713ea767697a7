package dev.kinit.processor;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The scale rule of the fills whose std or bound comes from the fans, as {@code
 * docs/diagnostics.md} states it ({@code [kinit.scale-not-normal]}, runtime exceptions): the std of
 * a normal fill must be a normal number of the element type, at most its largest value; the bound
 * of a uniform one a normal number at most half the largest value (so that the width {@code 2 *
 * bound} is finite). The processor reports what it can already see failing: the exact scale of a
 * constant shape, or, for any shape, the largest scale there is, at fan 1, when even that is too
 * small.
 */
final class Scales {

  private Scales() {}

  /** Whether {@code scale}, a std ({@code normal}) or a bound, breaks the rule. */
  static boolean outside(double scale, boolean isDouble, boolean normal) {
    double minNormal = isDouble ? Double.MIN_NORMAL : Float.MIN_NORMAL;
    double max = isDouble ? Double.MAX_VALUE : Float.MAX_VALUE;
    return !(scale >= minNormal && scale <= (normal ? max : max / 2));
  }

  /**
   * Whether the processor must report {@code [kinit.scale-not-normal]}: {@code constant} is the
   * constant shape (null when the shape is known only at run time), {@code scale} the std or bound
   * of a shape; a constant shape with fewer than {@code minRank} sizes, or a size 0, has no scale
   * to check (the shape rules report it, or the fill is a no-op), nor one whose fans overflow a
   * long (the runtime rejects that shape itself).
   */
  static boolean compileTimeProblem(
      List<Integer> constant,
      ToDoubleFunction<int[]> scale,
      boolean isDouble,
      boolean normal,
      int minRank) {
    if (constant != null) {
      if (constant.size() < minRank || constant.stream().anyMatch(size -> size <= 0)) {
        return false;
      }
      double value;
      try {
        value = scale.applyAsDouble(constant.stream().mapToInt(Integer::intValue).toArray());
      } catch (IllegalArgumentException fansOverflow) {
        return false;
      }
      return outside(value, isDouble, normal);
    }
    // The largest std or bound of any shape: at fan 1.
    return scale.applyAsDouble(new int[] {1, 1})
        < (isDouble ? Double.MIN_NORMAL : Float.MIN_NORMAL);
  }
}
