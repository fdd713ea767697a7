package layers;

import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.Kaiming;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Kaiming initialisation (He et al. 2015) of the {@code @KaimingInit} fields of {@link Conv1d}:
 * {@code std = gain / sqrt(fan)}, weights from {@code N(0, std²)}
 * or {@code U(-sqrt(3)·std, sqrt(3)·std)}.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from @dev.kinit.KaimingInit; do not edit"
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

    // Conv1d.weight: kaiming uniform, fan_out; gain = 5 / 3, tanh
    Kaiming.uniform(weight, FanMode.FAN_OUT, 1.6666666666666667, random);
  }
}
