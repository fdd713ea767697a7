package dev.kinit.processor;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.Nonlinearity;

/** How a field is initialised. */
sealed interface Init {

  /**
   * {@code @KaimingInit}: {@code Kaiming.normal} or {@code Kaiming.uniform}.
   *
   * @param gain {@code nonlinearity.gain(a)}, folded at compile time by the runtime's own rule
   */
  record Kaiming(
      Distribution distribution, FanMode mode, Nonlinearity nonlinearity, double a, double gain)
      implements Init {}

  /** {@code @TorchDefaultInit} on a weight: {@code LayerDefaults.weight}. */
  record TorchWeight() implements Init {}

  /**
   * {@code @TorchDefaultInit(biasOf = ...)}: {@code LayerDefaults.bias}.
   *
   * @param weight the {@link WeightField#id} of the weight whose fan_in bounds the bias
   */
  record TorchBias(String weight) implements Init {}
}
