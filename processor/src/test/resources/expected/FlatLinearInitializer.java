package layers;

import dev.kinit.Distribution;
import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the weights of {@link FlatLinear} marked {@code @KaimingInit}
 * (He et al. 2015: {@code std = gain / sqrt(fan)})
 * or {@code @TorchDefaultInit} (PyTorch's layer defaults).
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from @KaimingInit / @TorchDefaultInit; do not edit"
)
public final class FlatLinearInitializer {
  private FlatLinearInitializer() {
  }

  /**
   * Fills, in place and in this order: FlatLinear.fixed, FlatLinear.sized.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(FlatLinear layer, RandomGenerator random) {
    Objects.requireNonNull(layer, "layer");
    FloatTensor fixed = FloatTensor.of("FlatLinear.fixed", layer.fixed, 6, 20);
    DoubleTensor sized = DoubleTensor.of("FlatLinear.sized", layer.sized, layer.out, layer.getIn());
    Kaiming.check(fixed, FanMode.FAN_IN, 1.4142135623730951, Distribution.NORMAL);
    Kaiming.check(sized, FanMode.FAN_IN, 1.4142135623730951, Distribution.NORMAL);

    // FlatLinear.fixed: kaiming normal, fan_in; gain = sqrt(2), relu
    Kaiming.normal(fixed, FanMode.FAN_IN, 1.4142135623730951, random);

    // FlatLinear.sized: kaiming normal, fan_in; gain = sqrt(2), relu
    Kaiming.normal(sized, FanMode.FAN_IN, 1.4142135623730951, random);
  }
}
