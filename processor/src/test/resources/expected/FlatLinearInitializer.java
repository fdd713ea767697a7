package layers;

import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link FlatLinear}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class FlatLinearInitializer {
  private FlatLinearInitializer() {
  }

  /**
   * Fills, in place and in this order: FlatLinear.fixed, FlatLinear.sized.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(FlatLinear layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link FlatLinear}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(FlatLinear layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, FlatLinear.class);
    FloatTensor fixed = FloatTensor.of("FlatLinear.fixed", layer.fixed, 6, 20);
    DoubleTensor sized = DoubleTensor.of("FlatLinear.sized", layer.sized, layer.out, layer.getIn());
    // FlatLinear.fixed: kaiming normal, fan_in; gain = sqrt(2), relu
    plan.add("fixed", fixed, Init.kaimingNormal(FanMode.FAN_IN, 1.4142135623730951));
    // FlatLinear.sized: kaiming normal, fan_in; gain = sqrt(2), relu
    plan.add("sized", sized, Init.kaimingNormal(FanMode.FAN_IN, 1.4142135623730951));
    return plan.build();
  }
}
