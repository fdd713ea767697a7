package dev.kinit.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kinit.Distribution;
import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Getters;
import dev.kinit.Kaiming;
import dev.kinit.LayerDefaults;
import dev.kinit.internal.ElementType;
import dev.kinit.internal.Gains;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Parameter;
import dev.kinit.processor.model.Shape;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The statements of an initializer: reading a parameter's array, viewing it as a tensor (which
 * checks its shape), and filling it with one runtime call, commented with its formula.
 */
final class Statements {

  static final String LAYER = "layer";
  static final String RANDOM = "random";

  /** The runtime types the statements name, whose simple names a local must not hide. */
  static final List<ClassName> RUNTIME_TYPES =
      List.of(
          ClassName.get(Objects.class),
          ClassName.get(Getters.class),
          ClassName.get(Kaiming.class),
          ClassName.get(LayerDefaults.class),
          ClassName.get(FanMode.class),
          ClassName.get(Distribution.class),
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

  /**
   * The statement that checks, without writing, what the fill of {@code parameter} will check on
   * sizes known only at run time: the std or bound of a Kaiming fill, a bias's length. Empty for
   * PyTorch's default weight, whose bound 1 / sqrt(fan_in) is always valid.
   */
  static CodeBlock check(Parameter parameter, CodeBlock tensor, CodeBlock weightTensor) {
    if (parameter.init() instanceof InitSpec.KaimingSpec kaiming) {
      return CodeBlock.builder()
          .addStatement(
              "$T.check($L, $T.$L, $L, $T.$L)",
              Kaiming.class,
              tensor,
              FanMode.class,
              kaiming.mode().name(),
              kaiming.gain(),
              Distribution.class,
              kaiming.distribution().name())
          .build();
    }
    if (parameter.init() instanceof InitSpec.TorchBiasSpec) {
      return CodeBlock.builder()
          .addStatement("$T.checkBias($L, $L)", LayerDefaults.class, tensor, weightTensor)
          .build();
    }
    return CodeBlock.of("");
  }

  /**
   * The commented statement that fills {@code parameter}, viewed as {@code tensor}; a bias's weight
   * is {@code weight}, viewed as {@code weightTensor}.
   */
  static CodeBlock fill(
      Parameter parameter, CodeBlock tensor, Parameter weight, CodeBlock weightTensor) {
    if (parameter.init() instanceof InitSpec.KaimingSpec kaiming) {
      return CodeBlock.builder()
          .add(
              "// $L: kaiming $L, $L; gain = $L, $L\n",
              parameter.label(),
              kaiming.distribution().name().toLowerCase(Locale.ROOT),
              kaiming.mode().torchName(),
              Gains.formula(kaiming.nonlinearity(), kaiming.a()),
              kaiming.nonlinearity().torchName())
          .addStatement(
              "$T.$L($L, $T.$L, $L, $L)",
              Kaiming.class,
              kaiming.distribution() == Distribution.NORMAL ? "normal" : "uniform",
              tensor,
              FanMode.class,
              kaiming.mode().name(),
              kaiming.gain(),
              RANDOM)
          .build();
    }
    if (parameter.init() instanceof InitSpec.TorchBiasSpec) {
      return CodeBlock.builder()
          .add(
              "// $L: PyTorch's default bias, U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in of $L\n",
              parameter.label(),
              weight.label())
          .addStatement("$T.bias($L, $L, $L)", LayerDefaults.class, tensor, weightTensor, RANDOM)
          .build();
    }
    return CodeBlock.builder()
        .add(
            "// $L: PyTorch's default weight, kaiming_uniform_(a = sqrt(5)), fan_in\n",
            parameter.label())
        .addStatement("$T.weight($L, $L)", LayerDefaults.class, tensor, RANDOM)
        .build();
  }
}
