package dev.kinit.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.DoubleTensor;
import dev.kinit.FloatTensor;
import dev.kinit.Sampling;
import dev.kinit.Tensor;
import dev.kinit.TensorSampler.Fill;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockSampler#fillAll}: the values and fill numbers of one call per fill, in order, on any
 * number of threads; fills that share an array made in order; nothing written when a fill is
 * refused; a failure on any thread reaches the caller.
 */
class BlockSamplerFillAllTest {

  private static final int BLOCK = BlockSampler.BLOCK_SIZE;
  private static final long SEED = 31;

  private static ForkJoinPool twoThreads;
  private static ForkJoinPool eightThreads;

  @BeforeAll
  static void startPools() {
    twoThreads = new ForkJoinPool(2);
    eightThreads = new ForkJoinPool(8);
  }

  @AfterAll
  static void stopPools() {
    twoThreads.shutdownNow();
    eightThreads.shutdownNow();
  }

  /** The samplers of one seed: on the caller, the common pool, a pool of two and one of eight. */
  private static List<LongFunction<BlockSampler>> samplers() {
    return List.of(
        BlockSampler::sequential,
        BlockSampler::seeded,
        seed -> BlockSampler.seeded(seed, twoThreads),
        seed -> BlockSampler.seeded(seed, eightThreads));
  }

  /** Arrays of every kind of fill, several blocks each where a fill draws. */
  private static final class Arrays {
    final float[][] nested = new float[5][BLOCK / 2 + 3]; // 2.5 blocks, rows across blocks
    final float[] skipped = new float[3 * BLOCK];
    final double[] doubles = new double[2 * BLOCK + 1];
    final float[] constant = new float[7];
    final float[][][] truncated = new float[3][4][BLOCK / 3];
    final float[] unchanged = {1, 2, 3};
    final float[][] eye = new float[5][7];
    final float[] last = new float[BLOCK + 9];

    List<Fill> fills() {
      return List.of(
          new Fill(FloatTensor.of("nested", nested), new Sampling.Normal(0.5, 2), false),
          new Fill(FloatTensor.of("skipped", skipped), new Sampling.Normal(0, 1), true),
          new Fill(DoubleTensor.of("doubles", doubles), new Sampling.Uniform(-1, 3), false),
          new Fill(FloatTensor.of("constant", constant), new Sampling.Constant(0.25), false),
          new Fill(
              FloatTensor.of("truncated", truncated),
              new Sampling.TruncatedNormal(0, 1, -0.5, 2),
              false),
          new Fill(FloatTensor.of("unchanged", unchanged), new Sampling.Unchanged(), false),
          new Fill(FloatTensor.of("eye", eye), new Sampling.Eye(5, 7), false),
          new Fill(FloatTensor.of("skippedConstant", last), new Sampling.Constant(9), true),
          new Fill(FloatTensor.of("last", last), new Sampling.Uniform(0, 1), false));
    }

    /** The same fills, one call each, in order, on one thread. */
    void fillOneByOne(BlockSampler sampler) {
      sampler.normal(FloatTensor.of("nested", nested), 0.5, 2);
      sampler.skipFill();
      sampler.uniform(DoubleTensor.of("doubles", doubles), -1, 3);
      java.util.Arrays.fill(constant, 0.25f);
      sampler.truncatedNormal(FloatTensor.of("truncated", truncated), 0, 1, -0.5, 2);
      for (int i = 0; i < 5; i++) {
        eye[i][i] = 1;
      }
      sampler.uniform(FloatTensor.of("last", last), 0, 1);
    }

    List<Object> values() {
      return List.of(nested, skipped, doubles, constant, truncated, unchanged, eye, last);
    }
  }

  @Test
  void fillAllGivesTheValuesAndFillNumbersOfOneCallPerFillInOrder() {
    Arrays expected = new Arrays();
    BlockSampler oneByOne = BlockSampler.sequential(SEED);
    oneByOne.skipFill(); // a fill before the batch: its numbers start where the sampler is
    expected.fillOneByOne(oneByOne);
    for (LongFunction<BlockSampler> sampler : samplers()) {
      Arrays actual = new Arrays();
      BlockSampler batch = sampler.apply(SEED);
      batch.skipFill();
      batch.fillAll(actual.fills());
      assertDeepEquals(expected.values(), actual.values());
      assertEquals(oneByOne.fills(), batch.fills(), "five fills draw, one of them skipped");
      assertEquals(6, batch.fills());
    }
  }

  @Test
  void fillsThatShareAnArrayAreMadeInOrder() {
    // Made together, the constant (fixed values, written before the random fills) would be
    // overwritten by the normal fill of the array that holds it; in order it comes last.
    for (LongFunction<BlockSampler> sampler : samplers()) {
      float[][] first = new float[4][BLOCK];
      float[][] second = new float[4][];
      for (int i = 0; i < 4; i++) {
        second[i] = i == 2 ? first[1] : new float[BLOCK];
      }
      float[] flat = first[3];
      sampler
          .apply(SEED)
          .fillAll(
              List.of(
                  new Fill(FloatTensor.of("first", first), new Sampling.Normal(0, 1), false),
                  new Fill(FloatTensor.of("second", second), new Sampling.Uniform(5, 6), false),
                  new Fill(FloatTensor.of("flat", flat), new Sampling.Constant(-1), false)));

      float[][] expectedFirst = new float[4][BLOCK];
      float[][] expectedSecond = new float[4][BLOCK];
      BlockSampler oneByOne = BlockSampler.sequential(SEED);
      oneByOne.normal(FloatTensor.of("first", expectedFirst), 0, 1);
      oneByOne.uniform(FloatTensor.of("second", expectedSecond), 5, 6);
      assertArrayEquals(expectedFirst[0], first[0]);
      assertArrayEquals(expectedSecond[2], first[1], "the shared row: second's fill, made later");
      assertArrayEquals(expectedFirst[2], first[2]);
      float[] minusOnes = new float[BLOCK];
      java.util.Arrays.fill(minusOnes, -1);
      assertArrayEquals(minusOnes, flat, "the flat array, first's last row: the last fill's");
      assertArrayEquals(expectedSecond[3], second[3]);

      float[] twice = new float[3 * BLOCK];
      FloatTensor view = FloatTensor.of("twice", twice);
      sampler
          .apply(SEED)
          .fillAll(
              List.of(
                  new Fill(view, new Sampling.Uniform(0, 1), false),
                  new Fill(view, new Sampling.Constant(4), false)));
      float[] fours = new float[3 * BLOCK];
      java.util.Arrays.fill(fours, 4);
      assertArrayEquals(fours, twice, "a tensor listed twice: its last fill");
    }
  }

  @Test
  void fillsOfShortRowsGiveTheSameValues() {
    // Convolution kernels: rows of 3 floats, made one fill after the other (each on all cores).
    List<float[][][][]> expected = List.of(new float[64][32][3][3], new float[32][16][3][3]);
    BlockSampler oneByOne = BlockSampler.sequential(SEED);
    expected.forEach(weight -> oneByOne.normal(FloatTensor.of("w", weight), 0, 1));
    for (LongFunction<BlockSampler> sampler : samplers()) {
      List<float[][][][]> actual = List.of(new float[64][32][3][3], new float[32][16][3][3]);
      sampler
          .apply(SEED)
          .fillAll(
              actual.stream()
                  .map(w -> new Fill(FloatTensor.of("w", w), new Sampling.Normal(0, 1), false))
                  .toList());
      for (int i = 0; i < 2; i++) {
        assertTrue(java.util.Arrays.deepEquals(expected.get(i), actual.get(i)), "weight " + i);
      }
    }
  }

  @Test
  void fillsAreMadeAsOneJobOnAPoolWhenTheirRowsAreLongAndShareNoArray() {
    float[][] rows512 = new float[4][512];
    List<Tensor> long512 =
        List.of(FloatTensor.of("a", rows512), FloatTensor.of("b", new float[2][512]));
    List<Tensor> short511 =
        List.of(FloatTensor.of("a", new float[4][511]), FloatTensor.of("b", new float[2][512]));
    BlockSampler pooled = BlockSampler.seeded(SEED, twoThreads);
    assertTrue(pooled.together(long512), "rows of 512 on average");
    assertFalse(pooled.together(short511), "rows of 511 on average");
    assertFalse(BlockSampler.sequential(SEED).together(long512), "no pool");
    assertFalse(pooled.together(long512.subList(0, 1)), "a single fill: nothing to gain");
    assertFalse(
        pooled.together(List.of(FloatTensor.of("w", new float[64][32][3][3]), long512.get(1))),
        "convolution kernels: rows of 3");
    assertTrue(
        pooled.together(
            List.of(
                FloatTensor.of("bias", new float[1100]),
                FloatTensor.of("scalar", new float[1]),
                FloatTensor.of("empty", new float[3][0]),
                FloatTensor.of("none", new float[0][2]))),
        "flat arrays are one row each; tensors without elements have none");
    assertFalse(
        pooled.together(List.of(FloatTensor.of("a", rows512), FloatTensor.of("row", rows512[2]))),
        "a shared row");
  }

  @Test
  void aRefusedFillWritesNothingAndTakesNoFillNumber() {
    for (LongFunction<BlockSampler> sampler : samplers()) {
      float[] valid = new float[3 * BLOCK];
      float[] invalid = new float[4];
      BlockSampler random = sampler.apply(SEED);
      List<Fill> fills =
          List.of(
              new Fill(FloatTensor.of("valid", valid), new Sampling.Normal(0, 1), false),
              new Fill(FloatTensor.of("constant", valid), new Sampling.Constant(2), false),
              new Fill(FloatTensor.of("invalid", invalid), new Sampling.Normal(0, 0), false));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> random.fillAll(fills));
      assertTrue(e.getMessage().startsWith("invalid: std"), e.getMessage());
      assertArrayEquals(new float[3 * BLOCK], valid);
      assertEquals(0, random.fills());

      List<Fill> unshardable =
          List.of(
              new Fill(FloatTensor.of("valid", valid), new Sampling.Normal(0, 1), false),
              new Fill(
                  FloatTensor.of("orthogonal", invalid),
                  new Sampling.Unshardable("orthogonal_ needs the whole tensor", true),
                  false));
      e = assertThrows(IllegalArgumentException.class, () -> random.fillAll(unshardable));
      assertEquals(
          "orthogonal: orthogonal_ needs the whole tensor; expected a sampling that says what it"
              + " writes",
          e.getMessage());
      assertArrayEquals(new float[3 * BLOCK], valid);
      assertEquals(0, random.fills());
    }
  }

  @Test
  void aSkippedFillIsNotCheckedAndTakesItsNumberIfItDraws() {
    BlockSampler random = BlockSampler.seeded(SEED);
    float[] data = new float[5];
    random.fillAll(
        List.of(
            new Fill(FloatTensor.of("zero", data), new Sampling.Normal(0, 0), true),
            new Fill(FloatTensor.of("whole", data), new Sampling.Unshardable("why", true), true),
            new Fill(FloatTensor.of("fixed", data), new Sampling.Constant(3), true),
            new Fill(
                FloatTensor.of("writesNothing", data), new Sampling.Unshardable("", false), true)));
    assertEquals(2, random.fills());
    assertArrayEquals(new float[5], data);
    random.fillAll(List.of());
    assertEquals(2, random.fills());
    assertThrows(NullPointerException.class, () -> random.fillAll(null));
    List<Fill> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> random.fillAll(withNull));
  }

  @Test
  void aFailureOnAnyThreadReachesTheCaller() {
    for (LongFunction<BlockSampler> sampler : samplers()) {
      float[][] weight = new float[16][BLOCK];
      FloatTensor view = FloatTensor.of("weight", weight);
      weight[13] = new float[1]; // shortened after the view was checked: the fill overruns it
      float[] other = new float[4 * BLOCK];
      List<Fill> fills =
          List.of(
              new Fill(FloatTensor.of("other", other), new Sampling.Normal(0, 1), false),
              new Fill(view, new Sampling.Normal(0, 1), false));
      assertThrows(ArrayIndexOutOfBoundsException.class, () -> sampler.apply(SEED).fillAll(fills));
    }
  }

  @Test
  void onAPoolAShardMayEndAtTheLastPositionALongNumbers() {
    int size = 3 * BLOCK + 5;
    float[] expected = new float[size];
    BlockSampler.sequential(SEED)
        .normal(4, Long.MAX_VALUE - size, FloatTensor.of("w", expected), 0, 1);
    for (LongFunction<BlockSampler> sampler : samplers()) {
      float[] actual = new float[size];
      sampler.apply(SEED).normal(4, Long.MAX_VALUE - size, FloatTensor.of("w", actual), 0, 1);
      assertArrayEquals(expected, actual);
    }
  }

  @Test
  void aCallerThatIsInterruptedStillGetsEveryValueAndKeepsItsInterrupt() {
    float[] expected = new float[6 * BLOCK];
    BlockSampler.sequential(SEED).normal(FloatTensor.of("w", expected), 0, 1);
    for (LongFunction<BlockSampler> sampler : samplers()) {
      float[] actual = new float[6 * BLOCK];
      Thread.currentThread().interrupt();
      sampler.apply(SEED).normal(FloatTensor.of("w", actual), 0, 1);
      assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
      assertArrayEquals(expected, actual);
      sampler.apply(SEED).normal(FloatTensor.of("w", actual), 0, 1);
      assertFalse(Thread.currentThread().isInterrupted(), "no interrupt made up");
    }
  }

  @Test
  void aShardOfATruncatedNormalFillIsCheckedAsTheOthersAre() {
    float[] shard = new float[BLOCK + 1];
    BlockSampler random = BlockSampler.seeded(SEED);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> random.truncatedNormal(-1, 0, FloatTensor.of("s", shard), 0, 1, -1, 1));
    assertEquals("fill: -1 is negative; expected a fill number >= 0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> random.truncatedNormal(0, -1, FloatTensor.of("s", shard), 0, 1, -1, 1));
    assertTrue(e.getMessage().startsWith("from: -1 is not a valid start"), e.getMessage());
    assertArrayEquals(new float[BLOCK + 1], shard);
  }

  @Test
  void aPoolThatIsShutDownLeavesTheFillsToTheCaller() {
    ForkJoinPool closed = new ForkJoinPool(2);
    closed.shutdown();
    float[] expected = new float[5 * BLOCK];
    BlockSampler.sequential(SEED).normal(FloatTensor.of("w", expected), 0, 1);
    float[] actual = new float[5 * BLOCK];
    BlockSampler.seeded(SEED, closed).normal(FloatTensor.of("w", actual), 0, 1);
    assertArrayEquals(expected, actual);
  }

  @Test
  void aThreadOfThePoolMayFillOnIt() throws Exception {
    Arrays expected = new Arrays();
    expected.fillOneByOne(BlockSampler.sequential(SEED));
    Arrays actual = new Arrays();
    twoThreads.submit(() -> BlockSampler.seeded(SEED, twoThreads).fillAll(actual.fills())).get();
    assertDeepEquals(expected.values(), actual.values());
    Arrays common = new Arrays();
    ForkJoinPool.commonPool().submit(() -> BlockSampler.seeded(SEED).fillAll(common.fills())).get();
    assertDeepEquals(expected.values(), common.values());
  }

  private static void assertDeepEquals(List<Object> expected, List<Object> actual) {
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(
          java.util.Arrays.deepEquals(new Object[] {expected.get(i)}, new Object[] {actual.get(i)}),
          "array " + i);
    }
  }
}
