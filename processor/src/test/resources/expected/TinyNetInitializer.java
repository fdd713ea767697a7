package layers;

import dev.kinit.FanMode;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import dev.kinit.Traversal;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link TinyNet}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class TinyNetInitializer {
  private TinyNetInitializer() {
  }

  /**
   * Fills, in place, the parameters of this module and of its children in PyTorch's order:
   * each module's own initialisation in construction order, then the rules of
   * {@code @Reinit}, pass by pass.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(TinyNet layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link TinyNet}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(TinyNet layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, TinyNet.class);
    plan.child("stem", layer.stem, TinyNet_ConvInitializer::plan);
    plan.children("features", layer.features, TinyNetInitializer::planOfPiece);
    plan.children("blocks", layer.blocks, TinyNet_BlockInitializer::plan);
    plan.child("head", layer.head, TinyNet_LinearInitializer::plan);

    // @Reinit(module = Conv.class, parameter = "weight"): kaiming normal, fan_out; gain = sqrt(2), relu
    // @Reinit(module = Norm.class, parameter = "weight"): zeros
    plan.reinit(List.of(
          new InitPlan.Rule(1, Traversal.MODULES, TinyNet.Conv.class, "weight",
              Init.kaimingNormal(FanMode.FAN_OUT, 1.4142135623730951)),
          new InitPlan.Rule(2, Traversal.MODULES, TinyNet.Norm.class, "weight", Init.zeros())));
    return plan.build();
  }

  /**
   * The plan of a Piece, which is sealed: as the class the module is.
   */
  private static InitPlan planOfPiece(TinyNet.Piece module) {
    if (module instanceof TinyNet.Conv) return TinyNet_ConvInitializer.plan((TinyNet.Conv) module);
    if (module instanceof TinyNet.Norm) return TinyNet_NormInitializer.plan((TinyNet.Norm) module);
    if (module instanceof TinyNet.Relu) return InitPlan.builder(module, TinyNet.Relu.class).build();
    throw new IllegalArgumentException("not a permitted subclass of Piece: " + module.getClass().getName());
  }
}
