package dev.kinit.processor.rules;

import dev.kinit.Fans;
import dev.kinit.WeightLayout;
import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import dev.kinit.processor.model.Shape;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The runtime's scale rule at compile time, for the fills whose std or bound comes from the fans:
 * it must be a normal number of the element type. The compiler can see it fail for a constant
 * shape, and, for any shape, when even the largest std there is, at fan 1, is too small (a gain
 * made tiny by a huge slope).
 */
final class ScaleRules {

  private ScaleRules() {}

  /**
   * Reports at {@code attribute} if the std ({@code normal}) or bound that {@code scale} computes
   * from a shape is not a normal number of {@code type}: for {@code shape} if it is constant, else
   * if even the largest there is, at fans 1 ({@code [1, 1]}), is too small; {@code from} says what
   * it comes from ({@code "the gain 1.4"}).
   */
  static void check(
      FieldReport report,
      String attribute,
      String label,
      ElementType type,
      boolean normal,
      WeightLayout layout,
      Shape shape,
      ToDoubleFunction<int[]> scale,
      String from) {
    int[] sizes = {1, 1};
    String at = "fan 1, the largest std of any shape";
    if (shape instanceof Shape.Constants constants) {
      sizes = constants.sizes().stream().mapToInt(Integer::intValue).toArray();
      if ((layout == WeightLayout.TORCH && Rules.fanRankProblem(sizes.length) != null)
          || Arrays.stream(sizes).anyMatch(size -> size <= 0)) {
        return; // the shape rules report it, or the fill is a no-op
      }
      Fans fans = Fans.of(layout, sizes);
      at = "fan_in " + fans.fanIn() + " and fan_out " + fans.fanOut();
    }
    double value = scale.applyAsDouble(sizes);
    if (!(shape instanceof Shape.Constants) && value >= type.minNormal()) {
      return; // a larger fan gives a smaller scale: only one too small at fan 1 fails everywhere
    }
    String problem =
        normal ? Rules.stdProblem(label, type, value) : Rules.boundProblem(label, type, value);
    if (problem != null) {
      report.error(Message.SCALE_NOT_NORMAL, attribute, problem, from, at);
    }
  }
}
