package dev.kinit.benchmarks;

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
 * The random fills of building and initialising GPT-2 small ({@link Gpt2SmallFills}, 124M
 * parameters) with a {@link TorchGenerator}: {@code oneThread} with {@link
 * TorchGenerator#sequential}, {@code allCores} with {@link TorchGenerator#manualSeed(long)}. Each
 * call is timed on its own (about a second); {@code scripts/bench_torch.py --gpt2} times PyTorch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class Gpt2SmallBenchmark {

  private Gpt2SmallFills network;
  private TorchGenerator oneThread;
  private TorchGenerator allCores;

  @Setup
  public void setUp() {
    network = new Gpt2SmallFills();
    oneThread = TorchGenerator.sequential(42, CpuCapability.AVX2);
    allCores = TorchGenerator.manualSeed(42);
  }

  @Benchmark
  public void oneThread() {
    network.initialize(oneThread);
  }

  @Benchmark
  public void allCores() {
    network.initialize(allCores);
  }
}
