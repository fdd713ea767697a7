package dev.kinit.processor.rules;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Fans;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import dev.kinit.internal.ElementType;
import dev.kinit.internal.Gains;
import dev.kinit.internal.Rules;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Shape;
import java.util.Arrays;

/**
 * The rules of {@code @KaimingInit}'s attributes: a negative slope {@code a} the gain can be
 * computed from, and warnings where PyTorch ignores or discourages a choice.
 */
final class KaimingRules {

  private final FieldDeclaration field;
  private final AnnotationUse annotation;
  private final FieldReport report;

  KaimingRules(FieldDeclaration field, AnnotationUse annotation, FieldReport report) {
    this.field = field;
    this.annotation = annotation;
    this.report = report;
  }

  /** The Kaiming fill of an array of {@code elementType} and {@code shape}. */
  InitSpec.KaimingSpec kaiming(ElementType elementType, Shape shape) {
    Nonlinearity nonlinearity = Nonlinearity.valueOf(annotation.enumValue("nonlinearity"));
    double a = annotation.doubleValue("a");
    InitSpec.KaimingSpec kaiming =
        new InitSpec.KaimingSpec(
            Distribution.valueOf(annotation.enumValue("distribution")),
            FanMode.valueOf(annotation.enumValue("mode")),
            nonlinearity,
            a,
            gain(nonlinearity, a));
    if (Double.isFinite(kaiming.gain())) {
      checkScale(kaiming, elementType, shape);
    }
    return kaiming;
  }

  /**
   * The runtime's scale rule, where the compiler can already see it fail: the std (or the bound) of
   * a constant shape, or, for any shape, the largest one, at fan 1, when even that is not a normal
   * number of the element type (a gain made tiny by a huge {@code a}).
   */
  private void checkScale(InitSpec.KaimingSpec kaiming, ElementType elementType, Shape shape) {
    int[] sizes = new int[] {1, 1};
    String at = "fan 1, the largest std of any shape";
    if (shape instanceof Shape.Constants constants) {
      sizes = constants.sizes().stream().mapToInt(Integer::intValue).toArray();
      if (Rules.fanRankProblem(sizes.length) != null
          || Arrays.stream(sizes).anyMatch(size -> size <= 0)) {
        return; // the shape rules report it, or the fill is a no-op
      }
      at = kaiming.mode().torchName() + " " + kaiming.mode().of(Fans.of(sizes));
    }
    boolean normal = kaiming.distribution() == Distribution.NORMAL;
    String problem =
        normal
            ? Rules.stdProblem(
                field.label(), elementType, Kaiming.std(sizes, kaiming.mode(), kaiming.gain()))
            : Rules.boundProblem(
                field.label(), elementType, Kaiming.bound(sizes, kaiming.mode(), kaiming.gain()));
    if (problem != null) {
      report.error(Message.SCALE_NOT_NORMAL, "a", problem, kaiming.gain(), at);
    }
  }

  private double gain(Nonlinearity nonlinearity, double a) {
    String label = field.label();
    String slope = Rules.slopeProblem(a, label);
    if (slope != null) {
      report.error(Double.isFinite(a) ? Message.A_TOO_LARGE : Message.A_NOT_FINITE, "a", slope);
      return Double.NaN;
    }
    if (a != 0 && !Gains.usesNegativeSlope(nonlinearity)) {
      report.warning(Message.A_IGNORED, "a", a, label, nonlinearity);
    }
    if (nonlinearity == Nonlinearity.SELU) {
      report.warning(Message.SELU_GAIN, "nonlinearity", label);
    }
    return nonlinearity.gain(a);
  }
}
