package dev.kinit.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Getters;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import dev.kinit.Nonlinearity;
import dev.kinit.ScalingDistribution;
import dev.kinit.ScalingMode;
import dev.kinit.WeightLayout;
import dev.kinit.internal.ElementType;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.Parameter;
import dev.kinit.processor.model.Shape;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an initializer reaches a parameter: reading its array off the layer (a field, a checked
 * getter, a cast where names are hidden) and viewing it as a tensor, which checks its shape.
 */
final class Statements {

  static final String LAYER = "layer";
  static final String RANDOM = "random";
  static final String PLAN = "plan";

  /** The runtime types the statements name, whose simple names a local must not hide. */
  static final List<ClassName> RUNTIME_TYPES =
      List.of(
          ClassName.get(Objects.class),
          ClassName.get(Getters.class),
          ClassName.get(Init.class),
          ClassName.get(InitPlan.class),
          ClassName.get(FanMode.class),
          ClassName.get(WeightLayout.class),
          ClassName.get(ScalingMode.class),
          ClassName.get(ScalingDistribution.class),
          ClassName.get(Nonlinearity.class),
          ClassName.get(FloatTensor.class),
          ClassName.get(DoubleTensor.class));

  private Statements() {}

  static ClassName tensorType(Parameter parameter) {
    return ClassName.get(
        parameter.elementType() == ElementType.DOUBLE ? DoubleTensor.class : FloatTensor.class);
  }

  /**
   * {@code FloatTensor.of("Conv2d.weight", array[, shape...])}, where {@code array} is an
   * expression that reads the parameter's array.
   */
  static CodeBlock view(Parameter parameter, CodeBlock array) {
    CodeBlock.Builder code =
        CodeBlock.builder().add("$T.of($S,$W$L", tensorType(parameter), parameter.label(), array);
    if (parameter.shape() instanceof Shape.Constants constants) {
      constants.sizes().forEach(size -> code.add(", $L", size));
    } else if (parameter.shape() instanceof Shape.Fields fields) {
      fields.sizes().forEach(size -> code.add(", $L", read(size)));
    }
    return code.add(")").build();
  }

  /** The Java type of the parameter's array: {@code float[][]}. */
  static TypeName arrayType(Parameter parameter) {
    TypeName type =
        parameter.elementType() == ElementType.DOUBLE ? TypeName.DOUBLE : TypeName.FLOAT;
    int rank = parameter.shape() instanceof Shape.Nested nested ? nested.rank() : 1;
    for (int i = 0; i < rank; i++) {
      type = com.palantir.javapoet.ArrayTypeName.of(type);
    }
    return type;
  }

  /** The expression that reads {@code access} off the layer. */
  static CodeBlock read(Access access) {
    if (access instanceof Access.Field field) {
      return CodeBlock.of("$L.$L", layer(field.via()), field.name());
    }
    if (access instanceof Access.Getter getter) {
      return CodeBlock.of("$L.$L()", LAYER, getter.method());
    }
    Access.Constant constant = (Access.Constant) access;
    return CodeBlock.of("$T.$L", constant.owner(), constant.name());
  }

  private static CodeBlock layer(@Nullable TypeName via) {
    return via == null ? CodeBlock.of(LAYER) : CodeBlock.of("(($T) $L)", via, LAYER);
  }

  /**
   * Reads an array through its getter, checked at run time to return the field itself: {@code
   * Getters.field(layer, "Conv2d.weight", "layers.Conv2d", "getWeight", layer.getWeight(),
   * layer.getWeight())}.
   */
  static CodeBlock readThroughGetter(Parameter parameter, Access.Getter getter) {
    CodeBlock read = read(getter);
    return CodeBlock.of(
        "$T.field($L,$W$S,$W$S,$W$S,$W$L,$W$L)",
        Getters.class,
        LAYER,
        parameter.label(),
        getter.declaringClass(),
        getter.method(),
        read,
        read);
  }
}
