package layers;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link Block}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class BlockInitializer {
  private BlockInitializer() {
  }

  /**
   * Fills, in place and in this order: Stem.stem, Block.conv1, Block.conv2, Block.projection.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Block layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link Block}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(Block layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, Block.class);
    FloatTensor stem = FloatTensor.of("Stem.stem", layer.stem);
    FloatTensor conv1 = FloatTensor.of("Block.conv1", layer.conv1);
    FloatTensor conv2 = FloatTensor.of("Block.conv2", layer.conv2);
    FloatTensor projection = FloatTensor.of("Block.projection", layer.projection);
    // Stem.stem: kaiming normal, fan_in; gain = sqrt(2), relu
    plan.add("stem", stem, Init.kaimingNormal(FanMode.FAN_IN, 1.4142135623730951));
    // Block.conv1: kaiming normal, fan_in; gain = sqrt(2), relu
    plan.add("conv1", conv1, Init.kaimingNormal(FanMode.FAN_IN, 1.4142135623730951));
    // Block.conv2: kaiming normal, fan_out; gain = sqrt(2), relu
    plan.add("conv2", conv2, Init.kaimingNormal(FanMode.FAN_OUT, 1.4142135623730951));
    // Block.projection: kaiming normal, fan_in; gain = 1, linear
    plan.add("projection", projection, Init.kaimingNormal(FanMode.FAN_IN, 1.0));
    return plan.build();
  }
}
