package dev.kinit.processor.rules;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Kaiming;
import dev.kinit.WeightLayout;
import dev.kinit.internal.ElementType;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Shape;

/**
 * The rules of {@code @KaimingInit}: a gain the runtime can use ({@link GainRules}) and, where the
 * compiler can see it, a std or bound in the element type's range.
 */
final class KaimingRules {

  private final FieldDeclaration field;
  private final AnnotationUse annotation;
  private final FieldReport report;
  private final GainRules gains;

  KaimingRules(
      FieldDeclaration field, AnnotationUse annotation, FieldReport report, GainRules gains) {
    this.field = field;
    this.annotation = annotation;
    this.report = report;
    this.gains = gains;
  }

  /** The Kaiming fill of an array of {@code elementType} and {@code shape}. */
  InitSpec.KaimingSpec kaiming(ElementType elementType, Shape shape) {
    Distribution distribution = Distribution.valueOf(annotation.enumValue("distribution"));
    FanMode mode = FanMode.valueOf(annotation.enumValue("mode"));
    WeightLayout layout = WeightLayout.valueOf(annotation.enumValue("layout"));
    InitSpec.Gain gain = gains.gain(false);
    if (gain instanceof InitSpec.Gain.Constant constant && Double.isFinite(constant.value())) {
      boolean normal = distribution == Distribution.NORMAL;
      ScaleRules.check(
          report,
          "a",
          field.label(),
          elementType,
          normal,
          layout,
          shape,
          sizes ->
              normal
                  ? Kaiming.std(layout, sizes, mode, constant.value())
                  : Kaiming.bound(layout, sizes, mode, constant.value()),
          "the gain " + constant.value());
    }
    return new InitSpec.KaimingSpec(distribution, layout, mode, gain);
  }
}
