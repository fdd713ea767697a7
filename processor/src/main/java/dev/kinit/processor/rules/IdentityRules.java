package dev.kinit.processor.rules;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Shape;

/**
 * The rules of the initialisations that set a structure rather than draw a scale: {@code @EyeInit},
 * {@code @DiracInit} (groups that divide the output channels) and {@code @OrthogonalInit} (a finite
 * positive gain, finite in the element type). Their ranks are the shape rules'.
 */
final class IdentityRules {

  private final FieldDeclaration field;
  private final AnnotationUse annotation;
  private final FieldReport report;

  IdentityRules(FieldDeclaration field, AnnotationUse annotation, FieldReport report) {
    this.field = field;
    this.annotation = annotation;
    this.report = report;
  }

  InitSpec spec(InitAnnotation kind, ElementType type, Shape shape) {
    return switch (kind) {
      case EYE_INIT -> new InitSpec.EyeSpec();
      case DIRAC_INIT -> dirac(shape);
      case ORTHOGONAL_INIT -> orthogonal(type);
      default -> throw new IllegalArgumentException(kind.toString());
    };
  }

  private InitSpec.DiracSpec dirac(Shape shape) {
    int groups = annotation.intValue("groups");
    if (groups < 1) {
      report.error(
          Message.DIRAC_GROUPS,
          "groups",
          field.label()
              + ": groups "
              + groups
              + " is not a number of groups; expected groups >= 1");
    } else if (shape instanceof Shape.Constants constants
        && !constants.sizes().isEmpty()
        && constants.sizes().get(0) % groups != 0) {
      report.error(
          Message.DIRAC_GROUPS,
          "groups",
          field.label()
              + ": dim 0 must be divisible by groups: shape[0] "
              + constants.sizes().get(0)
              + " is not a multiple of groups "
              + groups);
    }
    return new InitSpec.DiracSpec(groups);
  }

  private InitSpec.OrthogonalSpec orthogonal(ElementType type) {
    double gain = annotation.doubleValue("gain");
    if (!(gain > 0 && gain < Double.POSITIVE_INFINITY)) {
      report.error(Message.GAIN_NOT_POSITIVE, "gain", "gain = " + gain + " for " + field.label());
    } else {
      // The matrix is multiplied by the gain in the element type, where it must be finite.
      String problem = Rules.constantProblem(field.label(), type, gain);
      if (problem != null) {
        report.error(Message.VALUE_OUT_OF_RANGE, "gain", problem);
      }
    }
    return new InitSpec.OrthogonalSpec(gain);
  }
}
