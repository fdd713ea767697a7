package dev.kinit.processor.model;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;

/**
 * How one parameter is initialised: the runtime call the initializer makes, with every constant
 * folded at compile time. One record per kind of initialisation; the writer has one case each.
 */
public sealed interface InitSpec {

  /**
   * {@code @KaimingInit}: {@code Kaiming.normal} or {@code Kaiming.uniform}.
   *
   * @param gain {@code nonlinearity.gain(a)}, folded at compile time by the runtime's own rule
   */
  record KaimingSpec(
      Distribution distribution, FanMode mode, Nonlinearity nonlinearity, double a, double gain)
      implements InitSpec {}

  /** {@code @TorchDefaultInit} on a weight: {@code LayerDefaults.weight}. */
  record TorchWeightSpec() implements InitSpec {}

  /**
   * {@code @TorchDefaultInit(biasOf = ...)}: {@code LayerDefaults.bias}.
   *
   * @param weightId the {@link Parameter#id} of the weight whose fan_in bounds the bias
   */
  record TorchBiasSpec(String weightId) implements InitSpec {}
}
