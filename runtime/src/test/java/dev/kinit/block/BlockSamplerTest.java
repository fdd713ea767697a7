package dev.kinit.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.DoubleTensor;
import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import dev.kinit.Sampling;
import dev.kinit.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Streams, thread-count independence, shards and layouts of {@link BlockSampler}. */
class BlockSamplerTest {

  /** 10.25 blocks and odd, so that the last block is partial and ends in half a word. */
  private static final int SIZE = 10 * BlockSampler.BLOCK_SIZE + 4097;

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

  /** A whole-tensor fill of one sampler, for both distributions. */
  enum Fill {
    NORMAL {
      @Override
      void whole(BlockSampler sampler, Tensor tensor) {
        sampler.normal(tensor, 0.5, 2.0);
      }

      @Override
      void shard(BlockSampler sampler, long fill, long from, Tensor shard) {
        sampler.normal(fill, from, shard, 0.5, 2.0);
      }
    },
    UNIFORM {
      @Override
      void whole(BlockSampler sampler, Tensor tensor) {
        sampler.uniform(tensor, -1.5, 0.25);
      }

      @Override
      void shard(BlockSampler sampler, long fill, long from, Tensor shard) {
        sampler.uniform(fill, from, shard, -1.5, 0.25);
      }
    },
    /** Rejection from the ziggurat: [-2, 3] std. */
    TRUNCATED_WIDE(0.5, 2.0, -3.5, 6.5),
    /** Uniform proposals around the mean: [-0.1, 0.2] std. */
    TRUNCATED_NARROW(0.5, 2.0, 0.3, 0.9),
    /** Uniform proposals in the right tail: [2.5, 2.6] std. */
    TRUNCATED_RIGHT_TAIL(0.0, 1.0, 2.5, 2.6),
    /** Exponential proposals in the left tail, mirrored: [-5, -2.5] std. */
    TRUNCATED_LEFT_TAIL(1.0, 0.5, -1.5, -0.25);

    private final double[] truncation;

    Fill(double... truncation) {
      this.truncation = truncation;
    }

    void whole(BlockSampler sampler, Tensor tensor) {
      double[] t = truncation;
      sampler.truncatedNormal(tensor, t[0], t[1], t[2], t[3]);
    }

    void shard(BlockSampler sampler, long fill, long from, Tensor shard) {
      double[] t = truncation;
      sampler.truncatedNormal(fill, from, shard, t[0], t[1], t[2], t[3]);
    }

    float[] floats(BlockSampler sampler, int size) {
      float[] data = new float[size];
      whole(sampler, FloatTensor.of("w", data));
      return data;
    }

    double[] doubles(BlockSampler sampler, int size) {
      double[] data = new double[size];
      whole(sampler, DoubleTensor.of("w", data));
      return data;
    }
  }

  @Test
  void streamsAreTheSplitTreeOfSplittableRandom() {
    long seed = 20260101;
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom scalar = root.split();
    for (int fill = 0; fill < 3; fill++) {
      SplittableRandom fillRandom = root.split();
      for (int block = 0; block < 4; block++) {
        SplittableRandom blockRandom = fillRandom.split();
        SplitMix ours = SplitMix.split(SplitMix.split(SplitMix.seeded(seed), fill + 1), block);
        for (int n = 0; n < 100; n++) {
          assertEquals(blockRandom.nextLong(), ours.nextLong(), "fill " + fill + " block " + block);
        }
      }
    }
    BlockSampler sampler = BlockSampler.sequential(seed);
    for (int n = 0; n < 100; n++) {
      assertEquals(scalar.nextLong(), sampler.nextLong(), "scalar draw " + n);
    }
  }

  @Test
  void everyChildIsTheChildSplittableRandomSplitsOff() {
    // SplittableRandom gives a child whose gamma has fewer than 24 bit transitions another gamma
    // (about 3% of children, and 2% have exactly 24): 5,000 children include both kinds. The
    // second output of a child depends on its gamma.
    SplittableRandom parent = new SplittableRandom(7);
    SplitMix ours = SplitMix.seeded(7);
    for (int k = 0; k < 5000; k++) {
      SplittableRandom child = parent.split();
      SplitMix ourChild = SplitMix.split(ours, k);
      assertEquals(child.nextLong(), ourChild.nextLong(), "child " + k);
      assertEquals(child.nextLong(), ourChild.nextLong(), "child " + k + ", second output");
    }
  }

  @Test
  void uniformDoublesStayBelowUpperWhereTheSumRoundsToIt() {
    // On [1, 1 + 2^-52] lower + width·u rounds to upper for every u above 1/2: those values are
    // the largest double below upper, as RandomGenerator.nextDouble(origin, bound) makes them.
    double upper = Math.nextUp(1.0);
    double[] data = new double[1000];
    BlockSampler.seeded(15).uniform(DoubleTensor.of("w", data), 1, upper);
    for (double value : data) {
      assertEquals(1.0, value);
    }
  }

  @Test
  void aSamplerWithItsOwnPoolFillsTensorsOfSeveralBlocksOnIt() {
    AtomicInteger threads = new AtomicInteger();
    ForkJoinPool pool = countingPool(threads);
    try {
      BlockSampler sampler = BlockSampler.seeded(14, pool);
      int block = BlockSampler.BLOCK_SIZE;
      sampler.normal(FloatTensor.of("w", new float[block]), 0, 1);
      sampler.normal(2, 3L * block, FloatTensor.of("w", new float[block]), 0, 1);
      sampler.normal(2, 3L * block + 5, FloatTensor.of("w", new float[block - 5]), 0, 1);
      assertEquals(0, threads.get(), "one block is filled on the calling thread: no pool thread");
      sampler.normal(FloatTensor.of("w", new float[block + 1]), 0, 1);
      assertTrue(threads.get() > 0, "two blocks are filled on the pool, which starts a thread");
    } finally {
      pool.shutdownNow();
    }
    for (long from : new long[] {0, 3L * BlockSampler.BLOCK_SIZE + 5}) {
      AtomicInteger started = new AtomicInteger();
      ForkJoinPool another = countingPool(started);
      try {
        BlockSampler.seeded(14, another)
            .uniform(0, from, FloatTensor.of("w", new float[5 * BlockSampler.BLOCK_SIZE]), 0, 1);
        assertTrue(
            started.get() > 0, "a shard of five blocks from " + from + " is filled on the pool");
      } finally {
        another.shutdownNow();
      }
    }
  }

  /** A pool of two threads, started on demand, that counts the threads it starts. */
  private static ForkJoinPool countingPool(AtomicInteger started) {
    return new ForkJoinPool(
        2,
        pool -> {
          started.incrementAndGet();
          return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        },
        null,
        false);
  }

  @Test
  void aShardMayEndAtTheLastPositionALongNumbers() {
    BlockSampler sampler = BlockSampler.sequential(13);
    float[] eight = new float[8];
    float[] four = new float[4];
    sampler.normal(0, Long.MAX_VALUE - 8, FloatTensor.of("eight", eight), 0, 1);
    sampler.normal(0, Long.MAX_VALUE - 4, FloatTensor.of("four", four), 0, 1);
    assertArrayEquals(Arrays.copyOfRange(eight, 4, 8), four);
  }

  @Test
  void uniformDoublesAreNextDoubleOfTheBlockStreams() {
    long seed = 5;
    double[] data = Fill.UNIFORM.doubles(BlockSampler.seeded(seed), SIZE);
    SplittableRandom root = new SplittableRandom(seed);
    root.split(); // the scalar stream
    SplittableRandom fill = root.split();
    for (int block = 0; block * BlockSampler.BLOCK_SIZE < SIZE; block++) {
      SplittableRandom blockRandom = fill.split();
      int end = Math.min(SIZE, (block + 1) * BlockSampler.BLOCK_SIZE);
      for (int i = block * BlockSampler.BLOCK_SIZE; i < end; i++) {
        assertEquals(blockRandom.nextDouble(-1.5, 0.25), data[i], "element " + i);
      }
    }
  }

  @Test
  void uniformFloatsTakeTheTop24BitsOfEachHalfWord() {
    long seed = 6;
    float[] data = Fill.UNIFORM.floats(BlockSampler.sequential(seed), 9);
    SplittableRandom root = new SplittableRandom(seed);
    root.split();
    SplittableRandom block = root.split().split();
    for (int i = 0; i < data.length; i += 2) {
      long word = block.nextLong();
      assertEquals(-1.5f + (float) (1.75 * 0x1p-24) * (word >>> 8 & 0xFFFFFF), data[i]);
      if (i + 1 < data.length) {
        assertEquals(-1.5f + (float) (1.75 * 0x1p-24) * (word >>> 40), data[i + 1]);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Fill.class)
  void sameValuesForOneTwoAndEightThreads(Fill fill) {
    float[] one = fill.floats(BlockSampler.sequential(3), SIZE);
    double[] oneDouble = fill.doubles(BlockSampler.sequential(3), SIZE);
    for (BlockSampler parallel :
        List.of(
            BlockSampler.seeded(3, twoThreads),
            BlockSampler.seeded(3, eightThreads),
            BlockSampler.seeded(3))) {
      assertArrayEquals(one, fill.floats(parallel, SIZE));
    }
    for (BlockSampler parallel :
        List.of(
            BlockSampler.seeded(3, twoThreads),
            BlockSampler.seeded(3, eightThreads),
            BlockSampler.seeded(3))) {
      assertArrayEquals(oneDouble, fill.doubles(parallel, SIZE));
    }
  }

  @ParameterizedTest
  @EnumSource(Fill.class)
  void shardsEqualTheSameRangeOfTheWholeFill(Fill fill) {
    BlockSampler sampler = BlockSampler.seeded(11, twoThreads);
    float[] first = fill.floats(sampler, SIZE); // fill 0
    float[] second = fill.floats(sampler, SIZE); // fill 1
    double[] firstDoubles = fill.doubles(BlockSampler.seeded(11), SIZE);
    SplittableRandom ranges = new SplittableRandom(99);
    List<long[]> checked =
        new ArrayList<>(
            List.of(
                new long[] {0, SIZE},
                new long[] {SIZE - 1, SIZE},
                new long[] {1, 2},
                new long[] {BlockSampler.BLOCK_SIZE - 1, BlockSampler.BLOCK_SIZE + 2}));
    for (int n = 0; n < 12; n++) {
      int from = ranges.nextInt(SIZE);
      checked.add(new long[] {from, ranges.nextInt(from, SIZE + 1)});
    }
    for (long[] range : checked) {
      int from = (int) range[0];
      int to = (int) range[1];
      String name = "range [" + from + ", " + to + ")";
      for (long fillNumber : new long[] {0, 1}) {
        float[] shard = new float[to - from];
        BlockSampler shardSampler = BlockSampler.seeded(11, eightThreads);
        fill.shard(shardSampler, fillNumber, from, FloatTensor.of("shard", shard));
        assertArrayEquals(
            Arrays.copyOfRange(fillNumber == 0 ? first : second, from, to),
            shard,
            name + " of fill " + fillNumber);
        assertEquals(0, shardSampler.fills(), "a shard is not a whole fill");
      }
      double[] doubleShard = new double[to - from];
      fill.shard(BlockSampler.sequential(11), 0, from, DoubleTensor.of("shard", doubleShard));
      assertArrayEquals(Arrays.copyOfRange(firstDoubles, from, to), doubleShard, name);
    }
  }

  @ParameterizedTest
  @EnumSource(Fill.class)
  void rowsOfANestedWeightAreAShard(Fill fill) {
    int rows = 5000;
    int columns = 7; // odd: word pairs straddle rows
    float[] whole = fill.floats(BlockSampler.seeded(8), rows * columns);
    float[][] mine = new float[1200][columns];
    fill.shard(BlockSampler.seeded(8), 0, 2100L * columns, FloatTensor.of("rows", mine));
    for (int r = 0; r < mine.length; r++) {
      assertArrayEquals(
          Arrays.copyOfRange(whole, (2100 + r) * columns, (2101 + r) * columns),
          mine[r],
          "row " + r);
    }
  }

  @Test
  void aKaimingFillIsTheSameAsItsRowsFilledOnTheirOwn() {
    int[] shape = {300, 120};
    double gain = Nonlinearity.RELU.gain(0);
    BlockSampler machine = BlockSampler.seeded(12);
    float[][] first = new float[300][120];
    float[][] second = new float[300][120];
    Kaiming.normal(FloatTensor.of("w1", first), FanMode.FAN_IN, gain, machine); // fill 0
    Kaiming.uniform(FloatTensor.of("w2", second), FanMode.FAN_OUT, gain, machine); // fill 1

    float[][] rows = new float[150][120]; // rows [100, 250) of each, on another machine
    BlockSampler other = BlockSampler.sequential(12);
    other.normal(
        0, 100L * 120, FloatTensor.of("rows", rows), 0, Kaiming.std(shape, FanMode.FAN_IN, gain));
    assertArrayEquals(Arrays.copyOfRange(first, 100, 250), rows);
    double bound = Kaiming.bound(shape, FanMode.FAN_OUT, gain);
    other.uniform(1, 100L * 120, FloatTensor.of("rows", rows), -bound, bound);
    assertArrayEquals(Arrays.copyOfRange(second, 100, 250), rows);
  }

  @ParameterizedTest
  @EnumSource(Fill.class)
  void nestedAndFlatArraysOfOneShapeGetTheSameValues(Fill fill) {
    float[][][] nested = new float[2000][3][3]; // 18,000 elements: rows of 3 cross a block border
    fill.whole(BlockSampler.seeded(4), FloatTensor.of("w", nested));
    float[] flat = fill.floats(BlockSampler.seeded(4), 18_000);
    for (int i = 0; i < flat.length; i++) {
      assertEquals(flat[i], nested[i / 9][i / 3 % 3][i % 3], "element " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(Fill.class)
  void eachFillOfASamplerGetsNewValuesAndTheSequenceRepeats(Fill fill) {
    BlockSampler sampler = BlockSampler.seeded(21);
    float[] first = fill.floats(sampler, 1000);
    float[] second = fill.floats(sampler, 1000);
    assertEquals(2, sampler.fills());
    int equal = 0;
    for (int i = 0; i < first.length; i++) {
      equal += first[i] == second[i] ? 1 : 0;
    }
    assertEquals(0, equal, "elements equal in two fills");

    BlockSampler again = BlockSampler.sequential(21);
    assertArrayEquals(first, fill.floats(again, 1000));
    assertArrayEquals(second, fill.floats(again, 1000));
    assertTrue(!Arrays.equals(first, fill.floats(BlockSampler.seeded(22), 1000)), "other seed");
  }

  @Test
  void invalidArgumentsAreNamedAndNothingIsWritten() {
    float[] data = new float[10];
    Arrays.fill(data, 42f);
    FloatTensor tensor = FloatTensor.of("w", data, 2, 5);
    BlockSampler sampler = BlockSampler.seeded(1);
    assertFailsUntouched(
        "w: std NaN is not a normal float; expected Float.MIN_NORMAL (1.1754944E-38) <= std <="
            + " Float.MAX_VALUE (3.4028235E38)",
        data,
        () -> sampler.normal(tensor, 0, Double.NaN));
    assertFailsUntouched(
        "w: std -1.0 is not a normal float; expected Float.MIN_NORMAL (1.1754944E-38) <= std <="
            + " Float.MAX_VALUE (3.4028235E38)",
        data,
        () -> sampler.normal(0, 0, tensor, 0, -1));
    assertFailsUntouched(
        "w: mean Infinity is not a finite float; expected |mean| <= Float.MAX_VALUE (3.4028235E38)",
        data,
        () -> sampler.normal(tensor, Double.POSITIVE_INFINITY, 1));
    assertFailsUntouched(
        "w: U(1.0, 1.0) is empty; expected from < to", data, () -> sampler.uniform(tensor, 1, 1));
    assertFailsUntouched(
        "w: from -1.7976931348623157E308 is not a finite float; expected |from| <= Float.MAX_VALUE"
            + " (3.4028235E38)",
        data,
        () -> sampler.uniform(tensor, -Double.MAX_VALUE, Double.MAX_VALUE));
    assertFailsUntouched(
        "w: to NaN is not a finite float; expected |to| <= Float.MAX_VALUE (3.4028235E38)",
        data,
        () -> sampler.uniform(0, 0, tensor, 0, Double.NaN));
    assertFailsUntouched(
        "fill: -1 is negative; expected a fill number >= 0",
        data,
        () -> sampler.normal(-1, 0, tensor, 0, 1));
    assertFailsUntouched(
        "from: -5 is not a valid start for 10 elements; expected 0 <= from <= "
            + (Long.MAX_VALUE - 10),
        data,
        () -> sampler.uniform(0, -5, tensor, 0, 1));
    assertFailsUntouched(
        "from: "
            + (Long.MAX_VALUE - 9)
            + " is not a valid start for 10 elements;"
            + " expected 0 <= from <= "
            + (Long.MAX_VALUE - 10),
        data,
        () -> sampler.normal(0, Long.MAX_VALUE - 9, tensor, 0, 1));
    assertFailsUntouched(
        "w: N(0.0, 1.0^2) truncated to [1.0, 1.0] is empty; expected a < b",
        data,
        () -> sampler.truncatedNormal(tensor, 0, 1, 1, 1));
    assertFailsUntouched(
        "w: N(0.0, 1.0^2) truncated to [40.0, 41.0] holds no probability in double: Phi((a - mean)"
            + " / std) = Phi((b - mean) / std) = 1.0; expected an interval nearer the mean",
        data,
        () -> sampler.truncatedNormal(0, 0, tensor, 0, 1, 40, 41));
    assertFailsUntouched(
        "w: std 0.0 is not a normal float; expected Float.MIN_NORMAL (1.1754944E-38) <= std <="
            + " Float.MAX_VALUE (3.4028235E38)",
        data,
        () -> sampler.fill(3, 0, tensor, new Sampling.TruncatedNormal(0, 0, -2, 2)));
    assertEquals(0, sampler.fills(), "failed fills are not counted");
  }

  @ParameterizedTest
  @EnumSource(Fill.class)
  void fillsStartedFromSeveralThreadsTakeEachFillNumberOnce(Fill fill) throws Exception {
    int threads = 4;
    int fillsPerThread = 2000;
    int size = 8; // small fills, so that the threads contend for the counter all the time
    BlockSampler shared = BlockSampler.seeded(31, twoThreads);
    List<float[]> results = Collections.synchronizedList(new ArrayList<>());
    runTogether(
        threads,
        () -> {
          for (int i = 0; i < fillsPerThread; i++) {
            results.add(fill.floats(shared, size));
          }
        });

    int total = threads * fillsPerThread;
    assertEquals(total, shared.fills());
    // Which thread got which number depends on their order; each number must appear once.
    Map<String, Integer> expected = new HashMap<>();
    BlockSampler reference = BlockSampler.sequential(31);
    for (long number = 0; number < total; number++) {
      float[] values = new float[size];
      fill.shard(reference, number, 0, FloatTensor.of("w", values));
      expected.merge(Arrays.toString(values), 1, Integer::sum);
    }
    Map<String, Integer> actual = new HashMap<>();
    for (float[] values : results) {
      actual.merge(Arrays.toString(values), 1, Integer::sum);
    }
    assertEquals(expected, actual);
  }

  @Test
  void scalarWordsDrawnFromSeveralThreadsGoToOneCallerEach() throws Exception {
    int threads = 4;
    int wordsPerThread = 50_000;
    BlockSampler shared = BlockSampler.seeded(32);
    List<Long> words = Collections.synchronizedList(new ArrayList<>());
    runTogether(
        threads,
        () -> {
          long[] mine = new long[wordsPerThread];
          for (int i = 0; i < mine.length; i++) {
            mine[i] = shared.nextLong();
          }
          for (long word : mine) {
            words.add(word);
          }
        });

    SplittableRandom scalar = new SplittableRandom(32).split();
    Set<Long> expected = new HashSet<>();
    for (int i = 0; i < threads * wordsPerThread; i++) {
      expected.add(scalar.nextLong());
    }
    assertEquals(threads * wordsPerThread, words.size());
    assertEquals(expected, new HashSet<>(words), "the first words of the scalar stream, once each");
  }

  /** Runs {@code work} on {@code threads} new threads released at once; rethrows a failure. */
  private static void runTogether(int threads, Runnable work) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        done.add(
            executor.submit(
                () -> {
                  start.await();
                  work.run();
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private static void assertFailsUntouched(String message, float[] data, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    for (float value : data) {
      assertEquals(42f, value);
    }
  }
}
