package layers;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Kaiming initialisation (He et al. 2015) of the {@code @KaimingInit} fields of {@link Conv2d}:
 * {@code std = gain / sqrt(fan)}, weights from {@code N(0, std²)}
 * or {@code U(-sqrt(3)·std, sqrt(3)·std)}.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from @dev.kinit.KaimingInit; do not edit"
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
    FloatTensor weight = FloatTensor.of("Conv2d.weight", layer.getWeight());

    // Conv2d.weight: kaiming normal, fan_in; gain = sqrt(2 / (1 + 0.2^2)), leaky_relu
    Kaiming.normal(weight, FanMode.FAN_IN, 1.3867504905630728, random);
  }
}
