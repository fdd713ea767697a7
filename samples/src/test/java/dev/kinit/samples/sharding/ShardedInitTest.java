package dev.kinit.samples.sharding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.InitPlan;
import dev.kinit.Sampling;
import dev.kinit.block.BlockSampler;
import dev.kinit.samples.TensorValues;
import dev.kinit.samples.models.GptMini;
import dev.kinit.samples.models.GptMiniInitializer;
import dev.kinit.samples.models.ResNet;
import dev.kinit.samples.models.ResNetInitializer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A network filled slice by slice by simulated workers, each with the description and the seed
 * alone, is the network one generated call fills on one machine with a {@link BlockSampler} of that
 * seed: GPT-mini (61,296 parameters, a tied weight initialised three times) and ResNet-18
 * (11,689,512, slices across blocks of the sampler and across parameters).
 */
class ShardedInitTest {

  private static final long SEED = 7;

  @Test
  void gptMiniBySlicesIsTheWholeFill() {
    GptMini whole = new GptMini();
    GptMiniInitializer.initialize(whole, BlockSampler.seeded(SEED));
    // The coordinator describes a network it never fills: shapes, fill numbers, samplings.
    List<ShardedInit.ParameterFill> description =
        ShardedInit.describe(GptMiniInitializer.plan(new GptMini()));
    List<float[]> expected = values(GptMiniInitializer.plan(whole));
    assertEquals("transformer.wte.weight", description.get(0).name());
    assertEquals(new Sampling.Normal(0, 0.02), description.get(0).sampling());
    assertSlicesAreTheWholeFill(description, expected, 3);
    assertSlicesAreTheWholeFill(description, expected, 7);
  }

  @Test
  void resNet18BySlicesIsTheWholeFill() {
    ResNet whole = ResNet.resnet18();
    ResNetInitializer.initialize(whole, BlockSampler.seeded(SEED));
    List<ShardedInit.ParameterFill> description =
        ShardedInit.describe(ResNetInitializer.plan(ResNet.resnet18()));
    List<float[]> expected = values(ResNetInitializer.plan(whole));
    assertEquals(62, description.size());
    assertTrue(description.stream().anyMatch(p -> p.sampling() instanceof Sampling.Constant));
    assertSlicesAreTheWholeFill(description, expected, 4);
  }

  @Test
  void aParameterCutIntoRowsDealtToWorkersIsTheWholeFill() {
    GptMini whole = new GptMini();
    GptMiniInitializer.initialize(whole, BlockSampler.seeded(SEED));
    List<ShardedInit.ParameterFill> description =
        ShardedInit.describe(GptMiniInitializer.plan(new GptMini()));
    // c_fc of block 1: [192][48], its rows dealt to 5 workers in turn (a tensor-parallel cut).
    int index = 0;
    while (!description.get(index).name().equals("transformer.h.1.mlp.c_fc.weight")) {
      index++;
    }
    ShardedInit.ParameterFill cFc = description.get(index);
    float[][] rows = whole.transformer.h.get(1).mlp.c_fc.weight;
    for (int worker = 0; worker < 5; worker++) {
      for (int row = worker; row < rows.length; row += 5) {
        assertArrayEquals(
            rows[row],
            ShardedInit.fill(SEED, cFc, (long) row * rows[row].length, rows[row].length));
      }
    }
  }

  /**
   * Every worker of {@code workers}, holding the parameters end to end as {@link
   * ShardedInit#contiguous} cuts them, fills its slices, which are the whole fill's values there.
   */
  private static void assertSlicesAreTheWholeFill(
      List<ShardedInit.ParameterFill> description, List<float[]> expected, int workers) {
    long filled = 0;
    for (List<ShardedInit.Slice> slices : ShardedInit.contiguous(description, workers)) {
      for (ShardedInit.Slice slice : slices) {
        ShardedInit.ParameterFill parameter = description.get(slice.parameter());
        float[] values = ShardedInit.fill(SEED, parameter, slice.from(), slice.length());
        float[] whole = expected.get(slice.parameter());
        int from = Math.toIntExact(slice.from());
        for (int i = 0; i < values.length; i++) {
          if (Float.floatToRawIntBits(values[i]) != Float.floatToRawIntBits(whole[from + i])) {
            throw new AssertionError(
                parameter.name()
                    + "["
                    + (from + i)
                    + "]: "
                    + values[i]
                    + ", whole fill "
                    + whole[from + i]);
          }
        }
        filled += values.length;
      }
    }
    assertEquals(expected.stream().mapToLong(v -> v.length).sum(), filled);
  }

  /** Each parameter's values, flat, in the plan's order. */
  private static List<float[]> values(InitPlan plan) {
    return plan.parameters().stream().map(p -> TensorValues.flat(p.tensor())).toList();
  }
}
