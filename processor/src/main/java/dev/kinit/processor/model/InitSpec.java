package dev.kinit.processor.model;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.ScalingDistribution;
import dev.kinit.ScalingMode;
import dev.kinit.WeightLayout;
import org.jspecify.annotations.Nullable;

/**
 * How one parameter is initialised: the runtime {@code Init} the initializer builds, with every
 * constant folded at compile time. One record per kind of initialisation; the writer has one case
 * each.
 */
public sealed interface InitSpec {

  /** Where a gain comes from: a constant, folded, or a nonlinearity read off the layer. */
  sealed interface Gain {

    /**
     * A gain known at compile time.
     *
     * @param value the gain
     * @param formula how it is computed, for the comment: {@code sqrt(2)}, {@code 5 / 3}
     * @param source what it is the gain of: {@code relu}, or {@code gain} when given as a number
     */
    record Constant(double value, String formula, String source) implements Gain {}

    /**
     * {@code layer.nonlinearity.gain(a)}, read when the initializer runs.
     *
     * @param nonlinearity how to read the {@code Nonlinearity} member
     * @param label the member, {@code Linear.activation}, for messages
     * @param slope how to read the {@code double} slope member, or null for the constant {@code a}
     * @param a the slope when there is no slope member
     */
    record PerInstance(Access nonlinearity, String label, @Nullable Access slope, double a)
        implements Gain {}
  }

  /** {@code @KaimingInit}: {@code Init.kaimingNormal} or {@code Init.kaimingUniform}. */
  record KaimingSpec(Distribution distribution, WeightLayout layout, FanMode mode, Gain gain)
      implements InitSpec {}

  /** {@code @XavierInit}: {@code Init.xavierNormal} or {@code Init.xavierUniform}. */
  record XavierSpec(Distribution distribution, WeightLayout layout, Gain gain)
      implements InitSpec {}

  /** {@code @NormalInit}: {@code Init.normal}. */
  record NormalSpec(double mean, double std) implements InitSpec {}

  /** {@code @UniformInit}: {@code Init.uniform}. */
  record UniformSpec(double from, double to) implements InitSpec {}

  /** {@code @TruncatedNormalInit}: {@code Init.truncatedNormal}. */
  record TruncatedNormalSpec(double mean, double std, double a, double b) implements InitSpec {}

  /** {@code @ConstantInit}, {@code @ZerosInit}, {@code @OnesInit}. */
  record ConstantSpec(double value, Kind kind) implements InitSpec {
    /** Which annotation, which decides the runtime call: {@code Init.zeros()} reads better. */
    public enum Kind {
      CONSTANT,
      ZEROS,
      ONES
    }
  }

  /** {@code @EyeInit}: {@code Init.eye}. */
  record EyeSpec() implements InitSpec {}

  /** {@code @DiracInit}: {@code Init.dirac}. */
  record DiracSpec(int groups) implements InitSpec {}

  /** {@code @OrthogonalInit}: {@code Init.orthogonal}. */
  record OrthogonalSpec(double gain) implements InitSpec {}

  /** {@code @VarianceScalingInit}: {@code Init.varianceScaling}. */
  record VarianceScalingSpec(
      double scale, ScalingMode mode, ScalingDistribution distribution, WeightLayout layout)
      implements InitSpec {}

  /** {@code @TorchDefaultInit} on a weight: {@code Init.torchDefaultWeight}. */
  record TorchWeightSpec() implements InitSpec {}

  /**
   * {@code @TorchDefaultInit(biasOf = ...)}: {@code Init.torchDefaultBias}.
   *
   * @param weightId the {@link Parameter#id} of the weight whose fan_in bounds the bias
   * @param transposed whether that weight is a transposed convolution's, {@code [in][out/g][k…]}
   */
  record TorchBiasSpec(String weightId, boolean transposed) implements InitSpec {}
}
