package layers;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import dev.kinit.ScalingDistribution;
import dev.kinit.ScalingMode;
import dev.kinit.WeightLayout;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link KerasDense}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class KerasDenseInitializer {
  private KerasDenseInitializer() {
  }

  /**
   * Fills, in place and in this order: KerasDense.kernel, KerasDense.glorot, KerasDense.conv, KerasDense.head.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(KerasDense layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link KerasDense}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(KerasDense layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, KerasDense.class);
    FloatTensor kernel = FloatTensor.of("KerasDense.kernel", layer.kernel);
    FloatTensor glorot = FloatTensor.of("KerasDense.glorot", layer.glorot);
    FloatTensor conv = FloatTensor.of("KerasDense.conv", layer.conv);
    FloatTensor head = FloatTensor.of("KerasDense.head", layer.head, 128, 10);
    // KerasDense.kernel: Keras' variance scaling, scale 2.0 / fan_in, truncated_normal, Keras' layout [k…][in][out]
    plan.add("kernel", kernel,
        Init.varianceScaling(2.0, ScalingMode.FAN_IN, ScalingDistribution.TRUNCATED_NORMAL, WeightLayout.KERAS));
    // KerasDense.glorot: Keras' variance scaling, scale 1.0 / fan_avg, uniform, Keras' layout [k…][in][out]
    plan.add("glorot", glorot,
        Init.varianceScaling(1.0, ScalingMode.FAN_AVG, ScalingDistribution.UNIFORM, WeightLayout.KERAS));
    // KerasDense.conv: xavier normal, Keras' layout [k…][in][out]; gain = 1, linear
    plan.add("conv", conv, Init.xavierNormal(WeightLayout.KERAS, 1.0));
    // KerasDense.head: kaiming normal, fan_in, Keras' layout [k…][in][out]; gain = sqrt(2 / (1 + 0.0^2)), leaky_relu
    plan.add("head", head,
        Init.kaimingNormal(WeightLayout.KERAS, FanMode.FAN_IN, 1.4142135623730951));
    return plan.build();
  }
}
