package layers;

import dev.kinit.Distribution;
import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.Kaiming;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the weights of {@link Conv1d} marked {@code @KaimingInit}
 * (He et al. 2015: {@code std = gain / sqrt(fan)})
 * or {@code @TorchDefaultInit} (PyTorch's layer defaults).
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from @KaimingInit / @TorchDefaultInit; do not edit"
)
public final class Conv1dInitializer {
  private Conv1dInitializer() {
  }

  /**
   * Fills, in place and in this order: Conv1d.weight.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Conv1d layer, RandomGenerator random) {
    Objects.requireNonNull(layer, "layer");
    DoubleTensor weight = DoubleTensor.of("Conv1d.weight", layer.weight);
    Kaiming.check(weight, FanMode.FAN_OUT, 1.6666666666666667, Distribution.UNIFORM);

    // Conv1d.weight: kaiming uniform, fan_out; gain = 5 / 3, tanh
    Kaiming.uniform(weight, FanMode.FAN_OUT, 1.6666666666666667, random);
  }
}
