package layers;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Getters;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link Conv2d}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class Conv2dInitializer {
  private Conv2dInitializer() {
  }

  /**
   * Fills, in place and in this order: Conv2d.weight.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Conv2d layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link Conv2d}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(Conv2d layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, Conv2d.class);
    FloatTensor weight = FloatTensor.of("Conv2d.weight", Getters.field(layer, "Conv2d.weight",
        "layers.Conv2d", "getWeight", layer.getWeight(), layer.getWeight()));
    // Conv2d.weight: kaiming normal, fan_in; gain = sqrt(2 / (1 + 0.2^2)), leaky_relu
    plan.add("weight", weight, Init.kaimingNormal(FanMode.FAN_IN, 1.3867504905630728));
    return plan.build();
  }
}
