package layers;

import dev.kinit.DoubleTensor;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link Recurrent}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class RecurrentInitializer {
  private RecurrentInitializer() {
  }

  /**
   * Fills, in place and in this order: Recurrent.input, Recurrent.recurrent, Recurrent.bias.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Recurrent layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link Recurrent}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(Recurrent layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, Recurrent.class);
    FloatTensor input = FloatTensor.of("Recurrent.input", layer.input);
    FloatTensor recurrent = FloatTensor.of("Recurrent.recurrent", layer.recurrent);
    DoubleTensor bias = DoubleTensor.of("Recurrent.bias", layer.bias);
    // Recurrent.input: xavier uniform; gain = 5 / 3, tanh
    plan.add("input", input, Init.xavierUniform(1.6666666666666667));
    // Recurrent.recurrent: orthogonal, gain 1.5
    plan.add("recurrent", recurrent, Init.orthogonal(1.5));
    // Recurrent.bias: uniform in [-0.1, 0.1)
    plan.add("bias", bias, Init.uniform(-0.1, 0.1));
    return plan.build();
  }
}
