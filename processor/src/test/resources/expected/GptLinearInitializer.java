package layers;

import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link GptLinear}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class GptLinearInitializer {
  private GptLinearInitializer() {
  }

  /**
   * Fills, in place and in this order: GptLinear.weight, GptLinear.bias.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(GptLinear layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link GptLinear}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(GptLinear layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, GptLinear.class);
    FloatTensor weight = FloatTensor.of("GptLinear.weight", layer.weight);
    FloatTensor bias = FloatTensor.of("GptLinear.bias", layer.bias);
    // GptLinear.weight: normal, mean 0.0, std 0.02
    plan.add("weight", weight, Init.normal(0.0, 0.02));
    // GptLinear.bias: zeros
    plan.add("bias", bias, Init.zeros());
    return plan.build();
  }
}
