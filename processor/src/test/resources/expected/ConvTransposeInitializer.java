package layers;

import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link ConvTranspose}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class ConvTransposeInitializer {
  private ConvTransposeInitializer() {
  }

  /**
   * Fills, in place and in this order: ConvTranspose.weight, ConvTranspose.bias.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(ConvTranspose layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link ConvTranspose}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(ConvTranspose layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, ConvTranspose.class);
    FloatTensor weight = FloatTensor.of("ConvTranspose.weight", layer.weight);
    FloatTensor bias = FloatTensor.of("ConvTranspose.bias", layer.bias);
    // ConvTranspose.weight: PyTorch's default weight, kaiming_uniform_(a = sqrt(5)), fan_in
    plan.add("weight", weight, Init.torchDefaultWeight());
    // ConvTranspose.bias: PyTorch's default bias, U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in of ConvTranspose.weight, a transposed convolution's weight
    plan.add("bias", bias, Init.torchDefaultTransposedBias(weight));
    return plan.build();
  }
}
