package layers;

import dev.kinit.FloatTensor;
import dev.kinit.LayerDefaults;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the weights of {@link TorchLinear} marked {@code @KaimingInit}
 * (He et al. 2015: {@code std = gain / sqrt(fan)})
 * or {@code @TorchDefaultInit} (PyTorch's layer defaults).
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from @KaimingInit / @TorchDefaultInit; do not edit"
)
public final class TorchLinearInitializer {
  private TorchLinearInitializer() {
  }

  /**
   * Fills, in place and in this order: TorchLinear.weight, TorchLinear.bias.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(TorchLinear layer, RandomGenerator random) {
    Objects.requireNonNull(layer, "layer");
    FloatTensor weight = FloatTensor.of("TorchLinear.weight", layer.weight);
    FloatTensor bias = FloatTensor.of("TorchLinear.bias", layer.bias);
    LayerDefaults.checkBias(bias, weight);

    // TorchLinear.weight: PyTorch's default weight, kaiming_uniform_(a = sqrt(5)), fan_in
    LayerDefaults.weight(weight, random);

    // TorchLinear.bias: PyTorch's default bias, U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in of TorchLinear.weight
    LayerDefaults.bias(bias, weight, random);
  }
}
