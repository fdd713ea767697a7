package dev.kinit.benchmarks;

import dev.kinit.block.BlockSampler;
import dev.kinit.samples.models.Gpt2Small;
import dev.kinit.samples.models.Gpt2SmallInitializer;
import dev.kinit.torch.CpuCapability;
import dev.kinit.torch.TorchGenerator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GPT-2 small as a user builds it: the samples' nanoGPT port ({@link Gpt2Small}: 12 layers, width
 * 768, vocabulary 50,257, context 1,024, 124.4M parameters) constructed and initialised by its
 * generated call, {@code Gpt2SmallInitializer.initialize(new Gpt2Small(), random)}, which replays
 * PyTorch's construction (every module's default init) and then nanoGPT's scheme. Each call is what
 * {@code GPT(config)} is in PyTorch ({@code scripts/bench_gpt2.py} times that): the parameters'
 * arrays are allocated in the call, so that bytes allocated per call ({@code -prof gc}) are the
 * parameters' 498 MB plus whatever initialising them costs; {@link #construct} alone is that
 * baseline.
 *
 * <ul>
 *   <li>{@link #blockOneThread}: {@link BlockSampler#sequential}, on the calling thread.
 *   <li>{@link #blockAllCores}: {@link BlockSampler#seeded(long)}, on the common pool.
 *   <li>{@link #torchGenerator}: {@link TorchGenerator#sequential}, PyTorch's values bit for bit
 *       ({@code PyTorchNetworksTest} checks the port on smaller GPTs), on one thread.
 *   <li>{@link #torchGeneratorAllCores}: {@link TorchGenerator#manualSeed(long)}, the same values,
 *       its large {@code normal_} fills on all cores.
 * </ul>
 *
 * <p>The {@code reinit…} benchmarks initialise one network made beforehand, again on each call, the
 * same ways: the initialisation alone, without the allocation, and what it allocates itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class Gpt2NetworkBenchmark {

  private static final long SEED = 42;

  private Gpt2Small made;

  @Setup
  public void setUp() {
    made = new Gpt2Small();
  }

  /** The allocation and the zeroing of the parameters, nothing initialised. */
  @Benchmark
  public Gpt2Small construct() {
    return new Gpt2Small();
  }

  @Benchmark
  public Gpt2Small blockOneThread() {
    Gpt2Small net = new Gpt2Small();
    Gpt2SmallInitializer.initialize(net, BlockSampler.sequential(SEED));
    return net;
  }

  @Benchmark
  public Gpt2Small blockAllCores() {
    Gpt2Small net = new Gpt2Small();
    Gpt2SmallInitializer.initialize(net, BlockSampler.seeded(SEED));
    return net;
  }

  @Benchmark
  public Gpt2Small torchGenerator() {
    Gpt2Small net = new Gpt2Small();
    Gpt2SmallInitializer.initialize(net, TorchGenerator.sequential(SEED, CpuCapability.AVX2));
    return net;
  }

  @Benchmark
  public Gpt2Small torchGeneratorAllCores() {
    Gpt2Small net = new Gpt2Small();
    Gpt2SmallInitializer.initialize(net, TorchGenerator.manualSeed(SEED));
    return net;
  }

  @Benchmark
  public Gpt2Small reinitBlockOneThread() {
    Gpt2SmallInitializer.initialize(made, BlockSampler.sequential(SEED));
    return made;
  }

  @Benchmark
  public Gpt2Small reinitBlockAllCores() {
    Gpt2SmallInitializer.initialize(made, BlockSampler.seeded(SEED));
    return made;
  }

  @Benchmark
  public Gpt2Small reinitTorchGenerator() {
    Gpt2SmallInitializer.initialize(made, TorchGenerator.sequential(SEED, CpuCapability.AVX2));
    return made;
  }

  @Benchmark
  public Gpt2Small reinitTorchGeneratorAllCores() {
    Gpt2SmallInitializer.initialize(made, TorchGenerator.manualSeed(SEED));
    return made;
  }
}
