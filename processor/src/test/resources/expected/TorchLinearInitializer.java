package layers;

import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link TorchLinear}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class TorchLinearInitializer {
  private TorchLinearInitializer() {
  }

  /**
   * Fills, in place and in this order: TorchLinear.weight, TorchLinear.bias.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(TorchLinear layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link TorchLinear}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(TorchLinear layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, TorchLinear.class);
    FloatTensor weight = FloatTensor.of("TorchLinear.weight", layer.weight);
    FloatTensor bias = FloatTensor.of("TorchLinear.bias", layer.bias);
    // TorchLinear.weight: PyTorch's default weight, kaiming_uniform_(a = sqrt(5)), fan_in
    plan.add("weight", weight, Init.torchDefaultWeight());
    // TorchLinear.bias: PyTorch's default bias, U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in of TorchLinear.weight
    plan.add("bias", bias, Init.torchDefaultBias(weight));
    return plan.build();
  }
}
