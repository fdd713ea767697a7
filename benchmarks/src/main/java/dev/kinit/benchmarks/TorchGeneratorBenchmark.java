package dev.kinit.benchmarks;

import dev.kinit.FanMode;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import dev.kinit.torch.CpuCapability;
import dev.kinit.torch.TorchGenerator;
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
 * The exact replay of PyTorch: {@link Kaiming} fills (fan_in, ReLU gain) of a square {@code float}
 * weight with a {@link TorchGenerator}, the same fills as {@code scripts/bench_torch.py} times in
 * PyTorch ({@code kaiming_normal_}, {@code kaiming_uniform_}). The weight is one flat array with a
 * shape or a nested {@code float[side][side]} ({@link #layout}); each generator is created once and
 * its stream goes on from fill to fill, as in a network's initialisation.
 *
 * <ul>
 *   <li>{@code torchNormal}, {@code torchUniform}: {@link TorchGenerator#sequential}, one thread;
 *   <li>{@code torchNormalAllCores}: {@link TorchGenerator#manualSeed(long)}, whose float {@code
 *       normal_} fills of 2^18 elements or more use the common pool and the calling thread ({@code
 *       uniform_} has no parallel path).
 * </ul>
 *
 * <p>Scores are microseconds per fill; {@code scripts/bench_report.py} turns them into values per
 * second and ratios to PyTorch (BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TorchGeneratorBenchmark {

  private static final double GAIN = Nonlinearity.RELU.gain(0);

  /**
   * Elements of the weight: a square of side 32, 256, 1024 or 4096 (1M: the size of most of GPT-2
   * small's weights).
   */
  @Param({"1024", "65536", "1048576", "16777216"})
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
  private TorchGenerator oneThread;
  private TorchGenerator allCores;

  @Setup
  public void setUp() {
    side = (int) Math.sqrt(size);
    if (side * side != size) {
      throw new IllegalArgumentException("size: " + size + " is not a square");
    }
    switch (layout) {
      case "flat" -> flat = new float[size];
      case "nested" -> nested = new float[side][side];
      default ->
          throw new IllegalArgumentException("layout: " + layout + "; expected flat or nested");
    }
    oneThread = TorchGenerator.sequential(42, CpuCapability.AVX2);
    allCores = TorchGenerator.manualSeed(42);
  }

  /** The weight viewed as a tensor, as a generated initializer does on every call. */
  private FloatTensor weight() {
    return flat != null
        ? FloatTensor.of("weight", flat, side, side)
        : FloatTensor.of("weight", nested);
  }

  @Benchmark
  public void torchNormal() {
    Kaiming.normal(weight(), FanMode.FAN_IN, GAIN, oneThread);
  }

  @Benchmark
  public void torchUniform() {
    Kaiming.uniform(weight(), FanMode.FAN_IN, GAIN, oneThread);
  }

  @Benchmark
  public void torchNormalAllCores() {
    Kaiming.normal(weight(), FanMode.FAN_IN, GAIN, allCores);
  }
}
