package layers;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link Conv3d}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class Conv3dInitializer {
  private Conv3dInitializer() {
  }

  /**
   * Fills, in place and in this order: Conv3d.weight.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Conv3d layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link Conv3d}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(Conv3d layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, Conv3d.class);
    FloatTensor weight = FloatTensor.of("Conv3d.weight", layer.weight);
    // Conv3d.weight: kaiming normal, fan_in; gain = sqrt(2 / (1 + 0.0^2)), leaky_relu
    plan.add("weight", weight, Init.kaimingNormal(FanMode.FAN_IN, 1.4142135623730951));
    return plan.build();
  }
}
