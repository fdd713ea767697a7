package layers;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link Linear}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class LinearInitializer {
  private LinearInitializer() {
  }

  /**
   * Fills, in place and in this order: Linear.weight.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Linear layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link Linear}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(Linear layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, Linear.class);
    FloatTensor weight = FloatTensor.of("Linear.weight", layer.weight);
    // Linear.weight: kaiming normal, fan_in; gain = sqrt(2), relu
    plan.add("weight", weight, Init.kaimingNormal(FanMode.FAN_IN, 1.4142135623730951));
    return plan.build();
  }
}
