package dev.kinit.processor.rules;

import dev.kinit.Distribution;
import dev.kinit.Fans;
import dev.kinit.WeightLayout;
import dev.kinit.internal.ElementType;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Shape;

/**
 * The rules of {@code @XavierInit}: one source of the gain ({@link GainRules}) and, where the
 * compiler can see it, a std or bound in the element type's range.
 */
final class XavierRules {

  private final FieldDeclaration field;
  private final AnnotationUse annotation;
  private final FieldReport report;
  private final GainRules gains;

  XavierRules(
      FieldDeclaration field, AnnotationUse annotation, FieldReport report, GainRules gains) {
    this.field = field;
    this.annotation = annotation;
    this.report = report;
    this.gains = gains;
  }

  InitSpec.XavierSpec xavier(ElementType elementType, Shape shape) {
    Distribution distribution = Distribution.valueOf(annotation.enumValue("distribution"));
    WeightLayout layout = WeightLayout.valueOf(annotation.enumValue("layout"));
    InitSpec.Gain gain = gains.gain(true);
    if (gain instanceof InitSpec.Gain.Constant constant
        && constant.value() > 0
        && constant.value() < Double.POSITIVE_INFINITY) {
      boolean normal = distribution == Distribution.NORMAL;
      ScaleRules.check(
          report,
          annotation.isWritten("gain") ? "gain" : "a",
          field.label(),
          elementType,
          normal,
          layout,
          shape,
          sizes -> {
            // Glorot and Bengio 2010: std = gain * sqrt(2 / (fan_in + fan_out)).
            Fans fans = Fans.of(layout, sizes);
            double std = constant.value() * Math.sqrt(2.0 / (fans.fanIn() + fans.fanOut()));
            return normal ? std : Math.sqrt(3.0) * std;
          },
          "the gain " + constant.value());
    }
    return new InitSpec.XavierSpec(distribution, layout, gain);
  }
}
