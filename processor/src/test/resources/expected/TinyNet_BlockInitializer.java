package layers;

import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link TinyNet.Block}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class TinyNet_BlockInitializer {
  private TinyNet_BlockInitializer() {
  }

  /**
   * Fills, in place, the parameters of this module and of its children in PyTorch's order:
   * each module's own initialisation in construction order, then the rules of
   * {@code @Reinit}, pass by pass.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(TinyNet.Block layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link TinyNet.Block}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(TinyNet.Block layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, TinyNet.Block.class);
    plan.child("conv", layer.conv, TinyNet_ConvInitializer::plan);
    plan.child("norm", layer.norm, TinyNet_NormInitializer::plan);
    plan.child("projection", layer.projection, TinyNet_LinearInitializer::plan);
    // PyTorch builds projection before conv, but registers it after
    plan.constructBefore("projection", "conv");
    return plan.build();
  }
}
