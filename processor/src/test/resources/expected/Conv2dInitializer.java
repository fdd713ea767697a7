package layers;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Getters;
import dev.kinit.Kaiming;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the weights of {@link Conv2d} marked {@code @KaimingInit}
 * (He et al. 2015: {@code std = gain / sqrt(fan)})
 * or {@code @TorchDefaultInit} (PyTorch's layer defaults).
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from @KaimingInit / @TorchDefaultInit; do not edit"
)
public final class Conv2dInitializer {
  private Conv2dInitializer() {
  }

  /**
   * Fills, in place and in this order: Conv2d.weight.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Conv2d layer, RandomGenerator random) {
    Objects.requireNonNull(layer, "layer");
    FloatTensor weight = FloatTensor.of("Conv2d.weight", Getters.field(layer, "Conv2d.weight",
        "layers.Conv2d", "getWeight", layer.getWeight(), layer.getWeight()));
    Kaiming.check(weight, FanMode.FAN_IN, 1.3867504905630728, Distribution.NORMAL);

    // Conv2d.weight: kaiming normal, fan_in; gain = sqrt(2 / (1 + 0.2^2)), leaky_relu
    Kaiming.normal(weight, FanMode.FAN_IN, 1.3867504905630728, random);
  }
}
