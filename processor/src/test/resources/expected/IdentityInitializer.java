package layers;

import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link Identity}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class IdentityInitializer {
  private IdentityInitializer() {
  }

  /**
   * Fills, in place and in this order: Identity.skip, Identity.conv, Identity.flat.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(Identity layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link Identity}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(Identity layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, Identity.class);
    FloatTensor skip = FloatTensor.of("Identity.skip", layer.skip);
    FloatTensor conv = FloatTensor.of("Identity.conv", layer.conv);
    FloatTensor flat = FloatTensor.of("Identity.flat", layer.flat, 4, 6);
    // Identity.skip: identity matrix, ones on the diagonal
    plan.add("skip", skip, Init.eye());
    // Identity.conv: Dirac delta, the identity convolution, in 2 group(s)
    plan.add("conv", conv, Init.dirac(2));
    // Identity.flat: identity matrix, ones on the diagonal
    plan.add("flat", flat, Init.eye());
    return plan.build();
  }
}
