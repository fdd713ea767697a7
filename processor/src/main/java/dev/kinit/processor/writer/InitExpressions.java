package dev.kinit.processor.writer;

import com.palantir.javapoet.CodeBlock;
import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Init;
import dev.kinit.ScalingDistribution;
import dev.kinit.ScalingMode;
import dev.kinit.WeightLayout;
import dev.kinit.processor.model.Access;
import dev.kinit.processor.model.InitSpec;
import dev.kinit.processor.model.Parameter;
import java.util.Locale;
import java.util.Objects;

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
    return parameter.label() + ": " + what(parameter.init(), weight);
  }

  /** What a rule's initialisation does, for its comment. */
  static String what(InitSpec init) {
    return what(init, null);
  }

  private static String what(InitSpec init, Parameter weight) {
    if (init instanceof InitSpec.KaimingSpec kaiming) {
      return "kaiming "
          + lower(kaiming.distribution())
          + ", "
          + kaiming.mode().torchName()
          + layout(kaiming.layout())
          + "; gain = "
          + gain(kaiming.gain());
    } else if (init instanceof InitSpec.XavierSpec xavier) {
      return "xavier "
          + lower(xavier.distribution())
          + layout(xavier.layout())
          + "; gain = "
          + gain(xavier.gain());
    } else if (init instanceof InitSpec.NormalSpec normal) {
      return "normal, mean " + normal.mean() + ", std " + normal.std();
    } else if (init instanceof InitSpec.UniformSpec uniform) {
      return "uniform in [" + uniform.from() + ", " + uniform.to() + ")";
    } else if (init instanceof InitSpec.TruncatedNormalSpec truncated) {
      return "normal, mean "
          + truncated.mean()
          + ", std "
          + truncated.std()
          + ", truncated to ["
          + truncated.a()
          + ", "
          + truncated.b()
          + "]";
    } else if (init instanceof InitSpec.ConstantSpec constant) {
      return constant.kind() == InitSpec.ConstantSpec.Kind.CONSTANT
          ? "constant " + constant.value()
          : lower(constant.kind());
    } else if (init instanceof InitSpec.EyeSpec) {
      return "identity matrix, ones on the diagonal";
    } else if (init instanceof InitSpec.DiracSpec dirac) {
      return "Dirac delta, the identity convolution, in " + dirac.groups() + " group(s)";
    } else if (init instanceof InitSpec.OrthogonalSpec orthogonal) {
      return "orthogonal, gain " + orthogonal.gain();
    } else if (init instanceof InitSpec.VarianceScalingSpec scaling) {
      return "Keras' variance scaling, scale "
          + scaling.scale()
          + " / "
          + lower(scaling.mode())
          + ", "
          + lower(scaling.distribution())
          + layout(scaling.layout());
    } else if (init instanceof InitSpec.TorchBiasSpec bias) {
      return "PyTorch's default bias, U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in of "
          + weight.label()
          + (bias.transposed() ? ", a transposed convolution's weight" : "");
    }
    return "PyTorch's default weight, kaiming_uniform_(a = sqrt(5)), fan_in";
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static String layout(WeightLayout layout) {
    return layout == WeightLayout.TORCH ? "" : ", Keras' layout [k…][in][out]";
  }

  private static String gain(InitSpec.Gain gain) {
    if (gain instanceof InitSpec.Gain.Constant constant) {
      return constant.source().equals("gain")
          ? constant.formula()
          : constant.formula() + ", " + constant.source();
    }
    InitSpec.Gain.PerInstance perInstance = (InitSpec.Gain.PerInstance) gain;
    return "the gain of " + perInstance.label() + ", read when the initializer runs";
  }

  /** The {@link Init} of {@code parameter}; a bias's weight is viewed as {@code weightTensor}. */
  static CodeBlock expression(Parameter parameter, CodeBlock weightTensor) {
    return expression(parameter.init(), weightTensor);
  }

  /** The {@link Init} of a rule, which has no bias. */
  static CodeBlock rule(InitSpec init) {
    return expression(init, CodeBlock.of("null"));
  }

  private static CodeBlock expression(InitSpec init, CodeBlock weightTensor) {
    if (init instanceof InitSpec.KaimingSpec kaiming) {
      String factory =
          kaiming.distribution() == Distribution.NORMAL ? "kaimingNormal" : "kaimingUniform";
      return CodeBlock.of(
          "$T.$L($L$T.$L, $L)",
          Init.class,
          factory,
          layoutArgument(kaiming.layout()),
          FanMode.class,
          kaiming.mode().name(),
          gainExpression(kaiming.gain()));
    } else if (init instanceof InitSpec.XavierSpec xavier) {
      String factory =
          xavier.distribution() == Distribution.NORMAL ? "xavierNormal" : "xavierUniform";
      return CodeBlock.of(
          "$T.$L($L$L)",
          Init.class,
          factory,
          layoutArgument(xavier.layout()),
          gainExpression(xavier.gain()));
    } else if (init instanceof InitSpec.NormalSpec normal) {
      return CodeBlock.of("$T.normal($L, $L)", Init.class, normal.mean(), normal.std());
    } else if (init instanceof InitSpec.UniformSpec uniform) {
      return CodeBlock.of("$T.uniform($L, $L)", Init.class, uniform.from(), uniform.to());
    } else if (init instanceof InitSpec.TruncatedNormalSpec truncated) {
      return CodeBlock.of(
          "$T.truncatedNormal($L, $L, $L, $L)",
          Init.class,
          truncated.mean(),
          truncated.std(),
          truncated.a(),
          truncated.b());
    } else if (init instanceof InitSpec.ConstantSpec constant) {
      return switch (constant.kind()) {
        case ZEROS -> CodeBlock.of("$T.zeros()", Init.class);
        case ONES -> CodeBlock.of("$T.ones()", Init.class);
        case CONSTANT -> CodeBlock.of("$T.constant($L)", Init.class, constant.value());
      };
    } else if (init instanceof InitSpec.EyeSpec) {
      return CodeBlock.of("$T.eye()", Init.class);
    } else if (init instanceof InitSpec.DiracSpec dirac) {
      return CodeBlock.of("$T.dirac($L)", Init.class, dirac.groups());
    } else if (init instanceof InitSpec.OrthogonalSpec orthogonal) {
      return CodeBlock.of("$T.orthogonal($L)", Init.class, orthogonal.gain());
    } else if (init instanceof InitSpec.VarianceScalingSpec scaling) {
      return CodeBlock.of(
          "$T.varianceScaling($L, $T.$L, $T.$L, $T.$L)",
          Init.class,
          scaling.scale(),
          ScalingMode.class,
          scaling.mode().name(),
          ScalingDistribution.class,
          scaling.distribution().name(),
          WeightLayout.class,
          scaling.layout().name());
    } else if (init instanceof InitSpec.TorchBiasSpec bias) {
      return CodeBlock.of(
          "$T.$L($L)",
          Init.class,
          bias.transposed() ? "torchDefaultTransposedBias" : "torchDefaultBias",
          weightTensor);
    }
    return CodeBlock.of("$T.torchDefaultWeight()", Init.class);
  }

  /** {@code WeightLayout.KERAS, }, or nothing for PyTorch's layout, the default. */
  private static CodeBlock layoutArgument(WeightLayout layout) {
    return layout == WeightLayout.TORCH
        ? CodeBlock.of("")
        : CodeBlock.of("$T.$L, ", WeightLayout.class, layout.name());
  }

  /**
   * A constant gain's value, or {@code Objects.requireNonNull(layer.activation, "…").gain(slope)}
   * for a nonlinearity read per instance.
   */
  private static CodeBlock gainExpression(InitSpec.Gain gain) {
    if (gain instanceof InitSpec.Gain.Constant constant) {
      return CodeBlock.of("$L", constant.value());
    }
    InitSpec.Gain.PerInstance perInstance = (InitSpec.Gain.PerInstance) gain;
    CodeBlock slope =
        perInstance.slope() == null
            ? CodeBlock.of("$L", perInstance.a())
            : Statements.read(perInstance.slope());
    CodeBlock nonlinearity = Statements.read(perInstance.nonlinearity());
    if (perInstance.nonlinearity() instanceof Access.Constant) {
      return CodeBlock.of("$L.gain($L)", nonlinearity, slope);
    }
    return CodeBlock.of(
        "$T.requireNonNull($L, $S).gain($L)",
        Objects.class,
        nonlinearity,
        perInstance.label() + " is null",
        slope);
  }
}
