package dev.kinit.processor.rules;

import dev.kinit.Fans;
import dev.kinit.ScalingDistribution;
import dev.kinit.ScalingMode;
import dev.kinit.WeightLayout;
import dev.kinit.internal.ElementType;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Shape;

/**
 * The rules of {@code @VarianceScalingInit}: a finite positive scale and, where the compiler can
 * see it, a std or limit in the element type's range.
 */
final class VarianceScalingRules {

  /** Keras' correction: the std of a standard normal truncated to [-2, 2]. */
  static final double TRUNCATION_STD = 0.87962566103423978;

  private final FieldDeclaration field;
  private final AnnotationUse annotation;
  private final FieldReport report;

  VarianceScalingRules(FieldDeclaration field, AnnotationUse annotation, FieldReport report) {
    this.field = field;
    this.annotation = annotation;
    this.report = report;
  }

  /** The layout, which decides how many dimensions the array needs: Keras' needs none. */
  static WeightLayout layout(AnnotationUse annotation) {
    return WeightLayout.valueOf(annotation.enumValue("layout"));
  }

  InitSpec.VarianceScalingSpec varianceScaling(ElementType elementType, Shape shape) {
    double scale = annotation.doubleValue("scale");
    ScalingMode mode = ScalingMode.valueOf(annotation.enumValue("mode"));
    ScalingDistribution distribution =
        ScalingDistribution.valueOf(annotation.enumValue("distribution"));
    WeightLayout layout = layout(annotation);
    if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
      report.error(
          Message.VALUE_OUT_OF_RANGE,
          "scale",
          "scale = "
              + scale
              + " for "
              + field.label()
              + " is not a valid scale; expected a finite positive number");
    } else if (!(shape instanceof Shape.Vector)) {
      boolean uniform = distribution == ScalingDistribution.UNIFORM;
      ScaleRules.check(
          report,
          "scale",
          field.label(),
          elementType,
          !uniform,
          layout,
          shape,
          sizes -> {
            Fans fans = Fans.of(layout, sizes);
            double n =
                switch (mode) {
                  case FAN_IN -> fans.fanIn();
                  case FAN_OUT -> fans.fanOut();
                  case FAN_AVG -> (fans.fanIn() + fans.fanOut()) / 2.0;
                };
            return switch (distribution) {
              case TRUNCATED_NORMAL -> Math.sqrt(scale / n) / TRUNCATION_STD;
              case UNTRUNCATED_NORMAL -> Math.sqrt(scale / n);
              case UNIFORM -> Math.sqrt(3.0 * scale / n);
            };
          },
          "scale " + scale);
    }
    return new InitSpec.VarianceScalingSpec(scale, mode, distribution, layout);
  }
}
