package layers;

import dev.kinit.FloatTensor;
import dev.kinit.Init;
import dev.kinit.InitPlan;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.annotation.processing.Generated;

/**
 * Initialises the parameters of {@link PatchEmbedding}, as its annotations say.
 */
@Generated(
    value = "dev.kinit.processor.KaimingInitProcessor",
    comments = "kinit: from the kinit annotations; do not edit"
)
public final class PatchEmbeddingInitializer {
  private PatchEmbeddingInitializer() {
  }

  /**
   * Fills, in place and in this order: PatchEmbedding.projection, PatchEmbedding.projectionBias, PatchEmbedding.normWeight, PatchEmbedding.normBias, PatchEmbedding.layerScale.
   * Every array is checked before any is written: if this throws, none has changed.
   */
  public static void initialize(PatchEmbedding layer, RandomGenerator random) {
    plan(layer).run(random);
  }

  /**
   * The parameters of {@link PatchEmbedding}, each with its initialisation, all checked:
   * what {@link #initialize} runs.
   */
  public static InitPlan plan(PatchEmbedding layer) {
    Objects.requireNonNull(layer, "layer");
    InitPlan.Builder plan = InitPlan.builder(layer, PatchEmbedding.class);
    FloatTensor projection = FloatTensor.of("PatchEmbedding.projection", layer.projection);
    FloatTensor projectionBias = FloatTensor.of("PatchEmbedding.projectionBias",
        layer.projectionBias);
    FloatTensor normWeight = FloatTensor.of("PatchEmbedding.normWeight", layer.normWeight);
    FloatTensor normBias = FloatTensor.of("PatchEmbedding.normBias", layer.normBias);
    FloatTensor layerScale = FloatTensor.of("PatchEmbedding.layerScale", layer.layerScale);
    // PatchEmbedding.projection: normal, mean 0.0, std 0.02, truncated to [-0.04, 0.04]
    plan.add("projection", projection, Init.truncatedNormal(0.0, 0.02, -0.04, 0.04));
    // PatchEmbedding.projectionBias: zeros
    plan.add("projectionBias", projectionBias, Init.zeros());
    // PatchEmbedding.normWeight: ones
    plan.add("normWeight", normWeight, Init.ones());
    // PatchEmbedding.normBias: zeros
    plan.add("normBias", normBias, Init.zeros());
    // PatchEmbedding.layerScale: constant 0.1
    plan.add("layerScale", layerScale, Init.constant(0.1));
    return plan.build();
  }
}
