package dev.kinit.processor.rules;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import dev.kinit.processor.model.InitSpec;

/**
 * The rules of the initialisations given by their values, whatever the shape: {@code @NormalInit},
 * {@code @UniformInit}, {@code @TruncatedNormalInit}, {@code @ConstantInit}, {@code @ZerosInit},
 * {@code @OnesInit}. Each value is checked as the runtime checks it, for the array's element type.
 */
final class ValueRules {

  private final FieldDeclaration field;
  private final AnnotationUse annotation;
  private final FieldReport report;

  ValueRules(FieldDeclaration field, AnnotationUse annotation, FieldReport report) {
    this.field = field;
    this.annotation = annotation;
    this.report = report;
  }

  InitSpec spec(InitAnnotation kind, ElementType type) {
    return switch (kind) {
      case NORMAL_INIT -> normal(type);
      case UNIFORM_INIT -> uniform(type);
      case TRUNCATED_NORMAL_INIT -> truncatedNormal(type);
      case CONSTANT_INIT -> constant(type);
      case ZEROS_INIT -> new InitSpec.ConstantSpec(0, InitSpec.ConstantSpec.Kind.ZEROS);
      case ONES_INIT -> new InitSpec.ConstantSpec(1, InitSpec.ConstantSpec.Kind.ONES);
      default -> throw new IllegalArgumentException(kind.toString());
    };
  }

  private InitSpec.NormalSpec normal(ElementType type) {
    double mean = annotation.doubleValue("mean");
    double std = annotation.doubleValue("std");
    checkNormal(type, mean, std);
    return new InitSpec.NormalSpec(mean, std);
  }

  private void checkNormal(ElementType type, double mean, double std) {
    String problem = Rules.normalProblem(field.label(), type, mean, std);
    if (problem != null) {
      boolean meanAtFault = !(Math.abs(mean) <= type.max());
      report.error(Message.VALUE_OUT_OF_RANGE, meanAtFault ? "mean" : "std", problem);
    }
  }

  private InitSpec.UniformSpec uniform(ElementType type) {
    double from = annotation.doubleValue("from");
    double to = annotation.doubleValue("to");
    String problem = Rules.uniformProblem(field.label(), type, from, to);
    if (problem != null) {
      boolean fromAtFault = !(Math.abs(from) <= type.max());
      report.error(Message.VALUE_OUT_OF_RANGE, fromAtFault ? "from" : "to", problem);
    }
    return new InitSpec.UniformSpec(from, to);
  }

  private InitSpec.TruncatedNormalSpec truncatedNormal(ElementType type) {
    double mean = annotation.doubleValue("mean");
    double std = annotation.doubleValue("std");
    double a = annotation.doubleValue("a");
    double b = annotation.doubleValue("b");
    String problem = Rules.truncatedNormalProblem(field.label(), type, mean, std, a, b);
    if (problem != null) {
      // The interval's problems (empty, no probability) are reported at its upper end.
      String attribute =
          !(Math.abs(mean) <= type.max())
              ? "mean"
              : Rules.stdProblem(field.label(), type, std) != null
                  ? "std"
                  : !(Math.abs(a) <= type.max()) ? "a" : "b";
      report.error(Message.VALUE_OUT_OF_RANGE, attribute, problem);
    }
    return new InitSpec.TruncatedNormalSpec(mean, std, a, b);
  }

  private InitSpec.ConstantSpec constant(ElementType type) {
    double value = annotation.doubleValue("value");
    if (!(Math.abs(value) <= type.max())) {
      report.error(
          Message.VALUE_OUT_OF_RANGE,
          "value",
          field.label()
              + ": value "
              + value
              + " is not a finite "
              + type
              + "; expected |value| <= "
              + type.max());
    }
    return new InitSpec.ConstantSpec(value, InitSpec.ConstantSpec.Kind.CONSTANT);
  }
}
