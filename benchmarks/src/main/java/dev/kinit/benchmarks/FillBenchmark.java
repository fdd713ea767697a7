package dev.kinit.benchmarks;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import dev.kinit.block.BlockSampler;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kaiming fills of a square {@code float} weight of {@link #size} elements, one flat array with a
 * shape or a nested {@code float[side][side]} ({@link #layout}), with fan_in and the ReLU gain:
 *
 * <ul>
 *   <li>{@code normal}, {@code uniform}: {@link Kaiming} with a {@link BlockSampler#sequential}
 *       sampler (one thread), called directly: view the array, then fill, as user code does;
 *   <li>{@code normalParallel}, {@code uniformParallel}: the same with {@link
 *       BlockSampler#seeded(long)}, on all cores;
 *   <li>{@code generatedNormal}, {@code generatedUniform}: the initializer that the processor
 *       generated for a layer with this weight ({@link Layers}), with the one-thread sampler;
 *   <li>baselines, each a plain loop over the same arrays: {@code java.util.Random.nextGaussian},
 *       {@code SplittableRandom.nextGaussian} (both times the same std), and {@link Arrays#fill}.
 * </ul>
 *
 * <p>Scores are microseconds per fill; {@code scripts/bench_report.py} turns them into values per
 * second and ratios (BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FillBenchmark {

  private static final double GAIN = Nonlinearity.RELU.gain(0);

  /** Elements of the weight: a square of side 32, 256 or 4096. */
  @Param({"1024", "65536", "16777216"})
  public int size;

  /**
   * {@code flat}: one {@code float[]} with shape {@code [side, side]}; {@code nested}: {@code
   * float[side][side]}.
   */
  @Param({"flat", "nested"})
  public String layout;

  private int side;
  private float[] flat;
  private float[][] nested;

  /** The arrays the baselines loop over: {@code {flat}} or {@code nested}. */
  private float[][] rows;

  private double std;

  private BlockSampler oneThread;
  private BlockSampler allCores;
  private Consumer<RandomGenerator> generatedNormal;
  private Consumer<RandomGenerator> generatedUniform;
  private Random random;
  private SplittableRandom splittable;

  @Setup
  public void setUp() {
    side = (int) Math.sqrt(size);
    if (side * side != size) {
      throw new IllegalArgumentException("size: " + size + " is not a square");
    }
    switch (layout) {
      case "flat" -> {
        flat = new float[size];
        rows = new float[][] {flat};
        generatedNormal = Layers.normalFlat(side, flat);
        generatedUniform = Layers.uniformFlat(side, flat);
      }
      case "nested" -> {
        nested = new float[side][side];
        rows = nested;
        generatedNormal = Layers.normalNested(side, nested);
        generatedUniform = Layers.uniformNested(side, nested);
      }
      default ->
          throw new IllegalArgumentException("layout: " + layout + "; expected flat or nested");
    }
    std = Kaiming.std(new int[] {side, side}, FanMode.FAN_IN, GAIN);
    oneThread = BlockSampler.sequential(42);
    allCores = BlockSampler.seeded(42);
    random = new Random(42);
    splittable = new SplittableRandom(42);
  }

  /** The weight viewed as a tensor, as the generated initializer does on every call. */
  private FloatTensor weight() {
    return flat != null
        ? FloatTensor.of("weight", flat, side, side)
        : FloatTensor.of("weight", nested);
  }

  @Benchmark
  public void normal() {
    Kaiming.normal(weight(), FanMode.FAN_IN, GAIN, oneThread);
  }

  @Benchmark
  public void uniform() {
    Kaiming.uniform(weight(), FanMode.FAN_IN, GAIN, oneThread);
  }

  @Benchmark
  public void normalParallel() {
    Kaiming.normal(weight(), FanMode.FAN_IN, GAIN, allCores);
  }

  @Benchmark
  public void uniformParallel() {
    Kaiming.uniform(weight(), FanMode.FAN_IN, GAIN, allCores);
  }

  @Benchmark
  public void generatedNormal() {
    generatedNormal.accept(oneThread);
  }

  @Benchmark
  public void generatedUniform() {
    generatedUniform.accept(oneThread);
  }

  @Benchmark
  public void baselineRandomLoop() {
    for (float[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) (std * random.nextGaussian());
      }
    }
  }

  @Benchmark
  public void baselineSplittableLoop() {
    for (float[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) (std * splittable.nextGaussian());
      }
    }
  }

  @Benchmark
  public void baselineArraysFill() {
    for (float[] row : rows) {
      Arrays.fill(row, 0.5f);
    }
  }
}
