package layers;

import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link Conv1d}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class Conv1dInitializer {
  private Conv1dInitializer() {
  }

  /**
   * Fills, in place and in this order: Conv1d.weight.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Conv1d layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link Conv1d}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(Conv1d layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, Conv1d.class);
    DoubleTensor weight = DoubleTensor.of("Conv1d.weight", layer.weight);
    // Conv1d.weight: kaiming uniform, fan_out; gain = 5 / 3, tanh
    plan.add("weight", weight, Init.kaimingUniform(FanMode.FAN_OUT, 1.6666666666666667));
    return plan.build();
  }
}
