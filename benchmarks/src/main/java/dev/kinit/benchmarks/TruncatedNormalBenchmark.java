package dev.kinit.benchmarks;

import dev.kinit.FloatTensor;
import dev.kinit.Normal;
import dev.kinit.block.BlockSampler;
import dev.kinit.torch.TorchGenerator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Truncated normal fills ({@link Normal#truncated}, PyTorch's {@code trunc_normal_}) of a flat
 * {@code float} weight of {@link #size} elements:
 *
 * <ul>
 *   <li>{@code vit}: {@code std = 0.02, [a, b] = [-2, 2]}, as vision transformers call it (nothing
 *       in practice lies outside), {@link BlockSampler#sequential} (one thread);
 *   <li>{@code twoStd}: {@code std = 1, [-2, 2]}, a real truncation (4.6% of normal samples lie
 *       outside), one thread; {@code twoStdParallel} the same with {@link
 *       BlockSampler#seeded(long)} on all cores;
 *   <li>{@code narrow} ({@code [-0.1, 0.2]} std) and {@code tail} ({@code [1.5, 4]} std): the
 *       intervals {@code BlockSampler} samples with Robert's proposals, one thread;
 *   <li>{@code torchGenerator}: {@code twoStd} with a {@link TorchGenerator}, which reproduces
 *       PyTorch's algorithm ({@code uniform_}, {@code erfinv_}, …) bit for bit;
 *   <li>{@code splittable}: {@code twoStd} with {@link SplittableRandom}, drawn element by element
 *       through PyTorch's algorithm.
 * </ul>
 *
 * <p>Scores are microseconds per fill; {@code scripts/bench_torch.py} times PyTorch's {@code
 * trunc_normal_} on the same sizes (BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TruncatedNormalBenchmark {

  /** Elements of the weight: a square of side 32, 256 or 4096. */
  @Param({"1024", "65536", "16777216"})
  public int size;

  private float[] weight;
  private int side;
  private BlockSampler oneThread;
  private BlockSampler allCores;
  private TorchGenerator torch;
  private SplittableRandom splittable;

  @Setup
  public void setUp() {
    side = (int) Math.sqrt(size);
    weight = new float[size];
    oneThread = BlockSampler.sequential(42);
    allCores = BlockSampler.seeded(42);
    torch = TorchGenerator.manualSeed(42);
    splittable = new SplittableRandom(42);
  }

  private FloatTensor tensor() {
    return FloatTensor.of("weight", weight, side, side);
  }

  @Benchmark
  public void vit() {
    Normal.truncated(tensor(), 0, 0.02, -2, 2, oneThread);
  }

  @Benchmark
  public void twoStd() {
    Normal.truncated(tensor(), 0, 1, -2, 2, oneThread);
  }

  @Benchmark
  public void twoStdParallel() {
    Normal.truncated(tensor(), 0, 1, -2, 2, allCores);
  }

  @Benchmark
  public void narrow() {
    Normal.truncated(tensor(), 0, 1, -0.1, 0.2, oneThread);
  }

  @Benchmark
  public void tail() {
    Normal.truncated(tensor(), 0, 1, 1.5, 4, oneThread);
  }

  @Benchmark
  public void torchGenerator() {
    Normal.truncated(tensor(), 0, 1, -2, 2, torch);
  }

  @Benchmark
  public void splittable() {
    Normal.truncated(tensor(), 0, 1, -2, 2, splittable);
  }
}
