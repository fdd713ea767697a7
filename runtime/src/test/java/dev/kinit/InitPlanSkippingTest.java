package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.block.BlockSampler;
import dev.kinit.torch.TorchGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A plan run on a counter-based sampler ({@link BlockSampler}) leaves out the steps that later
 * steps overwrite, with the same bits as making every step; steps that write nothing, or do not say
 * what they write, overwrite nothing; the checks still come before any write; a stream generator
 * makes every step.
 */
class InitPlanSkippingTest {

  private static final long SEED = 11;

  /** A small GPT-like module: defaults at construction, then a scheme that overwrites them. */
  private static final class Net {
    final float[][] tokens = new float[40][8]; // tied: the embedding's and the head's weight
    final float[][] positions = new float[6][8];
    final float[][] weight = new float[12][8];
    final float[] bias = new float[12];
    final float[] norm = new float[8];

    InitPlan plan() {
      InitPlan.Builder plan = InitPlan.builder(this);
      FloatTensor weightView = FloatTensor.of("fc.weight", weight);
      plan.add("wte", FloatTensor.of("wte.weight", tokens), Init.normal(0, 1));
      plan.add("wpe", FloatTensor.of("wpe.weight", positions), Init.normal(0, 1));
      plan.add("fc_weight", weightView, Init.torchDefaultWeight());
      plan.add("fc_bias", FloatTensor.of("fc.bias", bias), Init.torchDefaultBias(weightView));
      plan.add("norm", FloatTensor.of("norm.weight", norm), Init.ones());
      plan.add("head", FloatTensor.of("head.weight", tokens), Init.torchDefaultWeight());
      plan.reinit(
          List.of(
              new InitPlan.Rule(1, Traversal.APPLY, Net.class, "wte", Init.normal(0, 0.02)),
              new InitPlan.Rule(1, Traversal.APPLY, Net.class, "fc_weight", Init.normal(0, 0.02)),
              new InitPlan.Rule(1, Traversal.APPLY, Net.class, "fc_bias", Init.zeros()),
              new InitPlan.Rule(1, Traversal.APPLY, Net.class, "head", Init.normal(0, 0.02)),
              new InitPlan.Rule(
                  2, Traversal.APPLY, Net.class, "fc_weight", Init.uniform(-0.1, 0.1))));
      return plan.build();
    }

    List<float[]> values() {
      List<float[]> values = new ArrayList<>();
      for (float[][] matrix : List.of(tokens, positions, weight)) {
        for (float[] row : matrix) {
          values.add(row.clone());
        }
      }
      values.add(bias.clone());
      values.add(norm.clone());
      return values;
    }
  }

  @Test
  void skippingGivesTheBitsOfMakingEveryStep() {
    Net skipped = new Net();
    CountingSampler counting = new CountingSampler(BlockSampler.sequential(SEED), true);
    skipped.plan().run(counting);
    Net full = new Net();
    CountingSampler every = new CountingSampler(BlockSampler.sequential(SEED), false);
    full.plan().run(every);

    assertValuesEqual(full.values(), skipped.values());
    // Drawing steps: 5 at construction (the ones draw nothing) and 4 of the scheme (the zeros draw
    // nothing). Left out: the construction fills of wte, fc_weight, fc_bias and head, and the
    // scheme's first normal_ of the tied weight and of fc_weight (head's and the uniform pass
    // overwrite them). Made: wpe's, head's normal_ and the uniform pass.
    assertEquals(9, every.made);
    assertEquals(0, every.skipped);
    assertEquals(3, counting.made);
    assertEquals(6, counting.skipped);
    assertEquals(every.sampler.fills(), counting.sampler.fills());
    // The same on all cores, and straight on a BlockSampler.
    Net parallel = new Net();
    parallel.plan().run(BlockSampler.seeded(SEED));
    assertValuesEqual(full.values(), parallel.values());
  }

  @Test
  void onAllCoresAPlanGivesTheBitsOfMakingEveryStepInOrder() {
    // Steps large enough for the pool, around a step that fills its own way (orthogonal_, which
    // draws); then with a row that two parameters share (the later fill's values must stay) and a
    // constant in a row of a later random fill.
    ForkJoinPool four = new ForkJoinPool(4);
    try {
      for (boolean share : new boolean[] {false, true}) {
        for (BlockSampler parallel :
            List.of(BlockSampler.seeded(SEED), BlockSampler.seeded(SEED, four))) {
          Shared inOrder = new Shared(share);
          inOrder.plan().run(new CountingSampler(BlockSampler.sequential(SEED), false));
          Shared onAllCores = new Shared(share);
          onAllCores.plan().run(parallel);
          assertValuesEqual(inOrder.values(), onAllCores.values());
          assertEquals(5, parallel.fills(), "four random steps and orthogonal_'s");
        }
      }
    } finally {
      four.shutdownNow();
    }
  }

  /** Parameters of several blocks each; if asked, two of them share a row, a third another. */
  private static final class Shared {
    final float[][] first = new float[8][BlockSampler.BLOCK_SIZE / 2];
    final float[][] second = new float[8][];
    final float[][] square = new float[16][16];
    final float[] last = new float[3 * BlockSampler.BLOCK_SIZE];

    final boolean share;

    Shared(boolean share) {
      this.share = share;
      for (int i = 0; i < second.length; i++) {
        second[i] = share && i == 3 ? first[5] : new float[first[0].length];
      }
    }

    InitPlan plan() {
      InitPlan.Builder plan = InitPlan.builder(this);
      plan.add("first", FloatTensor.of("first", first), Init.normal(0, 1));
      if (share) {
        plan.add("row", FloatTensor.of("row", first[2]), Init.constant(7));
      }
      plan.add("square", FloatTensor.of("square", square), Init.orthogonal(1));
      plan.add("second", FloatTensor.of("second", second), Init.uniform(-1, 1));
      plan.add("last", FloatTensor.of("last", last), Init.normal(0, 1));
      plan.add("firstAgain", FloatTensor.of("first", first), Init.truncatedNormal(0, 1, -2, 2));
      return plan.build();
    }

    List<float[]> values() {
      List<float[]> values = new ArrayList<>(List.of(first));
      values.addAll(List.of(second));
      values.addAll(List.of(square));
      values.add(last);
      return values;
    }
  }

  @Test
  void laterStepsThatWriteNothingOrDoNotSayOverwriteNothing() {
    float[][] weight = new float[4][5];
    float[] empty = new float[0];
    Init writesNothing =
        new Init() { // says nothing of what it writes (Sampling.Unshardable), and writes nothing
          @Override
          public void check(Tensor tensor) {}

          @Override
          public void fill(Tensor tensor, RandomGenerator random) {}

          @Override
          public boolean draws(Tensor tensor) {
            return false;
          }

          @Override
          public String describe(Tensor tensor) {
            return "nothing";
          }
        };
    InitPlan.Builder builder = InitPlan.builder(new Object());
    builder.add("weight", FloatTensor.of("weight", weight), Init.normal(0, 1));
    builder.add("empty", FloatTensor.of("empty", empty), Init.normal(0, 1));
    builder.add("again", FloatTensor.of("again", weight), writesNothing);
    builder.add("emptyAgain", FloatTensor.of("emptyAgain", empty), Init.zeros());
    CountingSampler counting = new CountingSampler(BlockSampler.sequential(SEED), true);
    builder.build().run(counting);

    assertEquals(1, counting.made);
    assertEquals(0, counting.skipped);
    float[][] expected = new float[4][5];
    BlockSampler.sequential(SEED).normal(FloatTensor.of("weight", expected), 0, 1);
    assertArrayEquals(expected, weight);
  }

  @Test
  void aStepOnTheSameArrayWithAnotherShapeIsNotTakenForTheSameElements() {
    float[] flat = new float[6];
    InitPlan.Builder builder = InitPlan.builder(new Object());
    builder.add("first", FloatTensor.of("first", flat, 2, 3), Init.normal(0, 1));
    builder.add("second", FloatTensor.of("second", flat, 6), Init.uniform(-1, 1));
    CountingSampler counting = new CountingSampler(BlockSampler.sequential(SEED), true);
    builder.build().run(counting);
    assertEquals(2, counting.made);
  }

  @Test
  void aStepThatWouldBeLeftOutIsStillCheckedBeforeAnyWrite() {
    float[][] weight = new float[3][4];
    float[] bias = new float[3];
    float[] vector = new float[5];
    InitPlan.Builder builder = InitPlan.builder(new Object());
    builder.add("weight", FloatTensor.of("weight", weight), Init.normal(0, 1));
    // kaiming_normal_ needs 2 dimensions: refused though a later step overwrites the vector.
    builder.add("vector", FloatTensor.of("vector", vector), Init.kaimingNormal(FanMode.FAN_IN, 1));
    builder.add("bias", FloatTensor.of("bias", bias), Init.normal(0, 1));
    builder.add("vectorAgain", FloatTensor.of("vectorAgain", vector), Init.zeros());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("fewer than 2 dimensions"), e.getMessage());
    assertArrayEquals(new float[3][4], weight);
    assertArrayEquals(new float[3], bias);
  }

  @Test
  void aStreamGeneratorMakesEveryStep() {
    TorchGenerator torch = TorchGenerator.manualSeed(SEED);
    assertFalse(torch.counterBased());
    assertThrows(UnsupportedOperationException.class, torch::skipFill);
    assertTrue(BlockSampler.sequential(SEED).counterBased());

    // Every step made: the values are those of the construction fills followed by the scheme's,
    // and the generator's stream moved past all of them (the next draw is the same).
    Net net = new Net();
    TorchGenerator planned = TorchGenerator.manualSeed(SEED);
    net.plan().run(planned);
    Net byHand = new Net();
    TorchGenerator manual = TorchGenerator.manualSeed(SEED);
    InitPlan plan = byHand.plan();
    for (InitPlan.Step step : plan.steps()) {
      step.init().fill(step.tensor(), manual);
    }
    assertValuesEqual(byHand.values(), net.values());
    assertEquals(manual.nextLong(), planned.nextLong());
  }

  private static void assertValuesEqual(List<float[]> expected, List<float[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "array " + i);
    }
  }
}
