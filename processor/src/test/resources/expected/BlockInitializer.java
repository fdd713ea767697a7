package layers;

import dev.kinit.Distribution;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the weights of {@link Block} marked {@code @KaimingInit}
 * (He et al. 2015: {@code std = gain / sqrt(fan)})
 * or {@code @TorchDefaultInit} (PyTorch's layer defaults).
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from @KaimingInit / @TorchDefaultInit; do not edit"
)
public final class BlockInitializer {
  private BlockInitializer() {
  }

  /**
   * Fills, in place and in this order: Stem.stem, Block.conv1, Block.conv2, Block.projection.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Block layer, RandomGenerator random) {
    Objects.requireNonNull(layer, "layer");
    FloatTensor stem = FloatTensor.of("Stem.stem", layer.stem);
    FloatTensor conv1 = FloatTensor.of("Block.conv1", layer.conv1);
    FloatTensor conv2 = FloatTensor.of("Block.conv2", layer.conv2);
    FloatTensor projection = FloatTensor.of("Block.projection", layer.projection);
    Kaiming.check(stem, FanMode.FAN_IN, 1.4142135623730951, Distribution.NORMAL);
    Kaiming.check(conv1, FanMode.FAN_IN, 1.4142135623730951, Distribution.NORMAL);
    Kaiming.check(conv2, FanMode.FAN_OUT, 1.4142135623730951, Distribution.NORMAL);
    Kaiming.check(projection, FanMode.FAN_IN, 1.0, Distribution.NORMAL);

    // Stem.stem: kaiming normal, fan_in; gain = sqrt(2), relu
    Kaiming.normal(stem, FanMode.FAN_IN, 1.4142135623730951, random);

    // Block.conv1: kaiming normal, fan_in; gain = sqrt(2), relu
    Kaiming.normal(conv1, FanMode.FAN_IN, 1.4142135623730951, random);

    // Block.conv2: kaiming normal, fan_out; gain = sqrt(2), relu
    Kaiming.normal(conv2, FanMode.FAN_OUT, 1.4142135623730951, random);

    // Block.projection: kaiming normal, fan_in; gain = 1, linear
    Kaiming.normal(projection, FanMode.FAN_IN, 1.0, random);
  }
}
