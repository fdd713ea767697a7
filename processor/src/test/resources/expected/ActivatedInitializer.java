package layers;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import dev.kinit.Nonlinearity;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link Activated}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class ActivatedInitializer {
  private ActivatedInitializer() {
  }

  /**
   * Fills, in place and in this order: Activated.weight, Activated.gate, Activated.leaky.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Activated layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link Activated}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(Activated layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, Activated.class);
    FloatTensor weight = FloatTensor.of("Activated.weight", layer.weight);
    FloatTensor gate = FloatTensor.of("Activated.gate", layer.gate);
    FloatTensor leaky = FloatTensor.of("Activated.leaky", layer.leaky);
    // Activated.weight: kaiming normal, fan_in; gain = the gain of Activated.activation, read when the initializer runs
    plan.add("weight", weight,
        Init.kaimingNormal(FanMode.FAN_IN, Objects.requireNonNull(layer.activation, "Activated.activation is null").gain(layer.getSlope())));
    // Activated.gate: xavier uniform; gain = the gain of Activated.activation, read when the initializer runs
    plan.add("gate", gate,
        Init.xavierUniform(Objects.requireNonNull(layer.activation, "Activated.activation is null").gain(0.0)));
    // Activated.leaky: kaiming normal, fan_in; gain = the gain of leaky_relu with a = Activated.slope, read when the initializer runs
    plan.add("leaky", leaky,
        Init.kaimingNormal(FanMode.FAN_IN, Nonlinearity.LEAKY_RELU.gain(layer.getSlope())));
    return plan.build();
  }
}
