package dev.kinit.processor.writer;

import com.palantir.javapoet.CodeBlock;
import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Init;
import dev.kinit.internal.Gains;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Parameter;
import java.util.Locale;

/**
 * For each kind of initialisation, the runtime {@link Init} the initializer builds, with its
 * constants folded at compile time, and a comment that gives the formula they come from.
 */
final class InitExpressions {

  private InitExpressions() {}

  /**
   * The comment on the step of {@code parameter}: {@code Conv2d.weight: kaiming normal, fan_in;
   * gain = sqrt(2), relu}; a bias names its weight, {@code weight}.
   */
  static String comment(Parameter parameter, Parameter weight) {
    String label = parameter.label();
    if (parameter.init() instanceof InitSpec.KaimingSpec kaiming) {
      return label
          + ": kaiming "
          + kaiming.distribution().name().toLowerCase(Locale.ROOT)
          + ", "
          + kaiming.mode().torchName()
          + "; gain = "
          + Gains.formula(kaiming.nonlinearity(), kaiming.a())
          + ", "
          + kaiming.nonlinearity().torchName();
    }
    if (parameter.init() instanceof InitSpec.TorchBiasSpec) {
      return label
          + ": PyTorch's default bias, U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in of "
          + weight.label();
    }
    return label + ": PyTorch's default weight, kaiming_uniform_(a = sqrt(5)), fan_in";
  }

  /** The {@link Init} of {@code parameter}; a bias's weight is viewed as {@code weightTensor}. */
  static CodeBlock expression(Parameter parameter, CodeBlock weightTensor) {
    if (parameter.init() instanceof InitSpec.KaimingSpec kaiming) {
      String factory =
          kaiming.distribution() == Distribution.NORMAL ? "kaimingNormal" : "kaimingUniform";
      return CodeBlock.of(
          "$T.$L($T.$L, $L)",
          Init.class,
          factory,
          FanMode.class,
          kaiming.mode().name(),
          kaiming.gain());
    }
    if (parameter.init() instanceof InitSpec.TorchBiasSpec) {
      return CodeBlock.of("$T.torchDefaultBias($L)", Init.class, weightTensor);
    }
    return CodeBlock.of("$T.torchDefaultWeight()", Init.class);
  }
}
