package layers;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the weights of {@link Conv3d} marked {@code @KaimingInit}
 * (He et al. 2015: {@code std = gain / sqrt(fan)})
 * or {@code @TorchDefaultInit} (PyTorch's layer defaults).
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from @KaimingInit / @TorchDefaultInit; do not edit"
)
public final class Conv3dInitializer {
  private Conv3dInitializer() {
  }

  /**
   * Fills, in place and in this order: Conv3d.weight.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Conv3d layer, RandomGenerator random) {
    Objects.requireNonNull(layer, "layer");
    FloatTensor weight = FloatTensor.of("Conv3d.weight", layer.weight);
    Kaiming.check(weight, FanMode.FAN_IN, 1.4142135623730951, Distribution.NORMAL);

    // Conv3d.weight: kaiming normal, fan_in; gain = sqrt(2 / (1 + 0.0^2)), leaky_relu
    Kaiming.normal(weight, FanMode.FAN_IN, 1.4142135623730951, random);
  }
}
