package dev.kinit.processor.rules;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;
import dev.kinit.internal.Gains;
import dev.kinit.processor.model.ElementType;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Shape;

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
    return new InitSpec.KaimingSpec(
        Distribution.valueOf(annotation.enumValue("distribution")),
        FanMode.valueOf(annotation.enumValue("mode")),
        nonlinearity,
        a,
        gain(nonlinearity, a));
  }

  private double gain(Nonlinearity nonlinearity, double a) {
    String label = field.label();
    if (!Double.isFinite(a)) {
      report.error(Message.A_NOT_FINITE, "a", a, label);
      return Double.NaN;
    }
    if (Double.isInfinite(a * a)) {
      report.error(Message.A_TOO_LARGE, "a", a, label);
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
