package dev.kinit.torch;

import dev.kinit.FloatTensor;
import dev.kinit.Tensor;
import dev.kinit.TensorSampler;
import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import dev.kinit.internal.TorchMath;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * PyTorch 1.13's CPU random generator after {@code torch.manual_seed(seed)}: the same bits, and
 * through {@link TensorSampler} the same {@code uniform_}, {@code normal_} and {@code
 * trunc_normal_} values, so the fills of {@code dev.kinit} ({@link dev.kinit.Kaiming}, {@link
 * dev.kinit.Xavier}, {@link dev.kinit.Normal}, {@link dev.kinit.Uniform}, {@link
 * dev.kinit.LayerDefaults}, …) fill float arrays exactly as {@code torch.nn.init} and {@code
 * nn.Linear}/{@code nn.Conv2d} fill a fresh float32 tensor ({@link dev.kinit.Orthogonal} draws the
 * same normal matrix as {@code orthogonal_}, whose QR decomposition agrees to float precision).
 *
 * <pre>{@code
 * TorchGenerator random = TorchGenerator.manualSeed(0);            // torch.manual_seed(0)
 * Kaiming.normal(FloatTensor.of("w1", w1), FAN_IN, RELU.gain(0), random);
 * Kaiming.normal(FloatTensor.of("w2", w2), FAN_IN, RELU.gain(0), random);  // continues the stream
 * }</pre>
 *
 * <p>The algorithms (sources in {@code aten/src/ATen/}):
 *
 * <ul>
 *   <li>Bits: MT19937 ({@code core/MT19937RNGEngine.h}) seeded by {@code init_genrand} with the low
 *       32 bits of the seed ({@code CPUGeneratorImpl.cpp}). {@link #nextInt()} is one 32-bit draw
 *       ({@code random()}), {@link #nextLong()} two, the first in the high half ({@code
 *       random64()}).
 *   <li>Uniform ({@code core/TransformationHelper.h}, {@code uniform_real}): float {@code x = (bits
 *       & (2^24 - 1)) · 2^-24} from one draw, double {@code x = (bits & (2^53 - 1)) · 2^-53} from
 *       {@code random64()}; then {@code x · (to - from) + from} in the element type, with {@code
 *       from} and {@code to} first rounded to it.
 *   <li>Normal on 16 elements or more ({@code native/cpu/DistributionTemplates.h}, {@code
 *       normal_fill}): every element gets a uniform in {@code [0, 1)} first; then each block of 16
 *       becomes Box-Muller pairs (element {@code j} with {@code j + 8}); when the size is not a
 *       multiple of 16, the last 16 elements draw new uniforms and are computed again.
 *   <li>Normal below 16 elements ({@code core/DistributionsHelper.h}, {@code
 *       normal_distribution<double>}): per element, double Box-Muller on two double uniforms,
 *       {@code r = sqrt(-2 ln(1 - u2))}, {@code θ = 2π u1}; {@code r·cos θ} is used and {@code
 *       r·sin θ} is kept in the generator for the next such sample, across calls, as PyTorch does.
 *   <li>Truncated normal ({@code torch/nn/init.py}, {@code trunc_normal_}): {@code uniform_(2l − 1,
 *       2u − 1)} with {@code l, u} the normal distribution function at the standardised ends, then
 *       {@code erfinv_} ({@code native/Math.h}, {@code calc_erfinv}), {@code mul_}, {@code add_}
 *       and {@code clamp_} in the element type ({@link #truncatedNormal}).
 *   <li>The rounding of each step follows the chosen {@link CpuCapability}.
 * </ul>
 *
 * <p>The scalar methods are PyTorch's scalar samplers: {@link #nextFloat()} is {@code
 * torch.rand(1)}, {@link #nextDouble()} {@code torch.rand(1, dtype=torch.float64)}, {@link
 * #nextGaussian()} {@code torch.randn(1, dtype=torch.float64)}, all on the same stream.
 *
 * <p>Float fills are made in batches: the engine regenerates its 624 words of state at once, the
 * {@code normal_} blocks go through the transform a few hundred at a time, in loops that C2 turns
 * into vector instructions, and the values go straight into the tensor's arrays. Float {@code
 * normal_} fills of 2^18 (262,144) elements or more also use several threads: those of {@link
 * ForkJoinPool#commonPool()} (the calling thread takes part), of a pool of your choice ({@link
 * #manualSeed(long, CpuCapability, ForkJoinPool)}), or none ({@link #sequential}). The calling
 * thread walks the stream (regenerating the state, the cheap part) and hands each range of the
 * tensor a copy of the engine at its first word, so the values are the same on any number of
 * threads.
 *
 * <p>Results are tied to PyTorch 1.13's CPU algorithms (other versions and CUDA differ). Values are
 * bit-exact except where PyTorch calls the C library's log, sin or cos (the {@link
 * CpuCapability#DEFAULT} float block and the double Box-Muller): there {@link StrictMath} stands in
 * for glibc, and a sample can differ in the last bit. The C functions behind {@code trunc_normal_}
 * ({@code erf}, {@code exp}, {@code log}, in double and float) are ported from glibc 2.36 as it
 * runs on x86-64 CPUs with FMA, so truncated normal values are bit-exact too. Not thread-safe, like
 * any stateful generator; give each thread its own.
 */
public final class TorchGenerator implements RandomGenerator, TensorSampler {

  /**
   * Elements from which a float {@code normal_} fill runs on several threads: a few milliseconds of
   * work, against a few microseconds to start a thread's part.
   */
  static final long PARALLEL_SIZE = 262_144;

  private final long initialSeed;
  private final CpuCapability capability;
  private final Kernels kernels;
  private final Mt19937 engine;

  /** Where float {@code normal_} fills of {@link #PARALLEL_SIZE} elements or more run; or none. */
  private final @Nullable ForkJoinPool pool;

  /** {@code next_double_normal_sample_}: the second sample of the last scalar Box-Muller pair. */
  private boolean hasNextNormal;

  private double nextNormal;

  /** The buffers of float {@code normal_} fills on this thread, made at the first one. */
  private NormalBlocks.Floats.@Nullable Scratch scratch;

  private TorchGenerator(long seed, CpuCapability capability, @Nullable ForkJoinPool pool) {
    this.initialSeed = seed;
    this.capability = Objects.requireNonNull(capability, "capability");
    this.kernels = capability.kernels();
    this.engine = new Mt19937((int) seed);
    this.pool = pool;
  }

  /**
   * {@return the generator {@code torch.manual_seed(seed)} leaves, with the {@link
   * CpuCapability#AVX2} kernels} They are PyTorch's choice on x86-64 CPUs with AVX2. Large float
   * {@code normal_} fills use all cores ({@link ForkJoinPool#commonPool()}, the calling thread
   * takes part), with the same values as on one.
   *
   * @param seed PyTorch's seed; only its low 32 bits take effect, as in PyTorch
   */
  public static TorchGenerator manualSeed(long seed) {
    return manualSeed(seed, CpuCapability.AVX2);
  }

  /**
   * {@return {@link #manualSeed(long)} with the kernels of {@code capability}: the generator {@code
   * torch.manual_seed(seed)} leaves in that build of PyTorch}
   *
   * @param seed PyTorch's seed; only its low 32 bits take effect, as in PyTorch
   * @param capability the kernel build whose rounding to reproduce
   */
  public static TorchGenerator manualSeed(long seed, CpuCapability capability) {
    return new TorchGenerator(seed, capability, ForkJoinPool.commonPool());
  }

  /**
   * {@return {@link #manualSeed(long, CpuCapability)} with large float {@code normal_} fills on the
   * threads of {@code pool}} Same values.
   *
   * @param seed PyTorch's seed; only its low 32 bits take effect, as in PyTorch
   * @param capability the kernel build whose rounding to reproduce
   * @param pool the threads of large float {@code normal_} fills
   */
  public static TorchGenerator manualSeed(long seed, CpuCapability capability, ForkJoinPool pool) {
    return new TorchGenerator(seed, capability, Objects.requireNonNull(pool, "pool"));
  }

  /**
   * {@return {@link #manualSeed(long, CpuCapability)} with every fill on the calling thread only}
   * Same values.
   *
   * @param seed PyTorch's seed; only its low 32 bits take effect, as in PyTorch
   * @param capability the kernel build whose rounding to reproduce
   */
  public static TorchGenerator sequential(long seed, CpuCapability capability) {
    return new TorchGenerator(seed, capability, null);
  }

  /** {@return the seed this generator was created with ({@code torch.initial_seed()})} */
  public long initialSeed() {
    return initialSeed;
  }

  /** {@return the kernel build whose rounding this generator reproduces} */
  public CpuCapability capability() {
    return capability;
  }

  /** One 32-bit MT19937 output: PyTorch's {@code CPUGeneratorImpl::random()}. */
  @Override
  public int nextInt() {
    return engine.nextInt();
  }

  /** Two 32-bit outputs, the first in the high half: {@code CPUGeneratorImpl::random64()}. */
  @Override
  public long nextLong() {
    return engine.nextLong();
  }

  /** A float in {@code [0, 1)} from the low 24 bits of one draw: {@code torch.rand(1)}. */
  @Override
  public float nextFloat() {
    return engine.nextFloat();
  }

  /**
   * A double in {@code [0, 1)} from the low 53 bits of {@link #nextLong()}: {@code torch.rand(1,
   * dtype=torch.float64)}.
   */
  @Override
  public double nextDouble() {
    return engine.nextDouble();
  }

  /**
   * A standard normal sample of PyTorch's {@code normal_distribution<double>}, using and refilling
   * the cached second sample of a Box-Muller pair: {@code torch.randn(1, dtype=torch.float64)}.
   */
  @Override
  public double nextGaussian() {
    return nextGaussian(0.0, 1.0);
  }

  /**
   * {@code mean + stddev ·} {@link #nextGaussian()}, rounded as the chosen kernels round it: {@code
   * torch.empty(1, dtype=torch.float64).normal_(mean, stddev)}.
   *
   * @throws IllegalArgumentException if {@code stddev} is negative or NaN
   */
  @Override
  public double nextGaussian(double mean, double stddev) {
    requireValidStd(stddev);
    return gaussian(mean, stddev);
  }

  /**
   * Fills {@code tensor} as {@code tensor.normal_(mean, std)} does in PyTorch 1.13 on a fresh
   * contiguous tensor of the same dtype and shape (see the class comment for the two paths).
   *
   * @throws IllegalArgumentException if {@code std} is negative or NaN (PyTorch: {@code std >=
   *     0.0}), or unless {@code mean} is finite and {@code std} a normal number in the element type
   *     ({@link TensorSampler}: a stricter rule than PyTorch's, which also takes 0 or infinities);
   *     nothing is written or drawn then
   */
  @Override
  public void normal(Tensor tensor, double mean, double std) {
    Objects.requireNonNull(tensor, "tensor");
    requireValidStd(std);
    Rules.require(Rules.normalProblem(tensor.name(), ElementType.of(tensor), mean, std));
    long size = tensor.size();
    if (size < NormalBlocks.SIZE) {
      tensor.forEachSegment(0, size, new ScalarNormal(mean, std));
    } else if (tensor instanceof FloatTensor) {
      float mean32 = (float) mean;
      float std32 = (float) std;
      if (pool == null || size < PARALLEL_SIZE) {
        if (scratch == null) {
          scratch = new NormalBlocks.Floats.Scratch(kernels);
        }
        tensor.forEachSegment(
            0, size, new NormalBlocks.Floats(engine, scratch, size, 0, mean32, std32));
      } else {
        ParallelFill.run(
            pool,
            tensor,
            engine,
            NormalBlocks.words(size),
            NormalBlocks.CHUNK,
            (from, copy) ->
                new NormalBlocks.Floats(
                    copy,
                    NormalBlocks.Floats.Scratch.ofThisThread(kernels),
                    size,
                    from,
                    mean32,
                    std32));
      }
    } else {
      tensor.forEachSegment(0, size, new NormalBlocks.Doubles(engine, kernels, size, mean, std));
    }
  }

  /**
   * Fills {@code tensor} as {@code tensor.uniform_(from, to)} does in PyTorch 1.13: element by
   * element in row-major order, {@code x · (to - from) + from} with {@code x} from {@link
   * #nextFloat()} or {@link #nextDouble()} and {@code from}, {@code to} rounded to the element
   * type.
   *
   * @throws IllegalArgumentException unless {@code from <= to} (PyTorch's check), and unless the
   *     range is usable in the element type ({@link TensorSampler}: {@code from < to}, a normal
   *     half-width, a finite width); nothing is written or drawn then
   */
  @Override
  public void uniform(Tensor tensor, double from, double to) {
    Objects.requireNonNull(tensor, "tensor");
    if (!(from <= to)) {
      throw new IllegalArgumentException(
          "uniform: expected from <= to, but found from=" + from + " > to=" + to);
    }
    Rules.require(Rules.uniformProblem(tensor.name(), ElementType.of(tensor), from, to));
    tensor.forEachSegment(0, tensor.size(), new Uniforms(from, to));
  }

  /**
   * Fills {@code tensor} as {@code torch.nn.init.trunc_normal_(tensor, mean, std, a, b)} does in
   * PyTorch 1.13: {@link #uniform} on {@code [2l - 1, 2u - 1)}, then {@code erfinv_}, {@code
   * mul_(std * sqrt(2))}, {@code add_(mean)} and {@code clamp_(a, b)} in the element type ({@link
   * TensorSampler#truncatedNormal}), {@code erfinv_} rounding as the chosen kernels round it.
   *
   * @throws IllegalArgumentException as {@link TensorSampler#truncatedNormal}; nothing is written
   *     or drawn then
   */
  @Override
  public void truncatedNormal(Tensor tensor, double mean, double std, double a, double b) {
    Objects.requireNonNull(tensor, "tensor");
    Rules.require(
        Rules.truncatedNormalProblem(tensor.name(), ElementType.of(tensor), mean, std, a, b));
    TorchMath.truncNormal(this, tensor, mean, std, a, b, capability == CpuCapability.AVX2);
  }

  @Override
  public String toString() {
    return "TorchGenerator[seed=" + initialSeed + ", " + capability.torchName() + "]";
  }

  /** {@code normal_distribution<double>(mean, std)}: one sample, cached pair half first. */
  private double gaussian(double mean, double std) {
    double standard;
    if (hasNextNormal) {
      hasNextNormal = false;
      standard = nextNormal;
    } else {
      double u1 = nextDouble();
      double u2 = nextDouble();
      double radius = Math.sqrt(-2.0 * StrictMath.log(1.0 - u2));
      double theta = 2.0 * Math.PI * u1;
      nextNormal = radius * StrictMath.sin(theta);
      hasNextNormal = true;
      standard = radius * StrictMath.cos(theta);
    }
    return kernels.multiplyAdd(standard, std, mean);
  }

  /** {@code uniform_}: element by element, {@code x · (to - from) + from} in the element type. */
  private final class Uniforms implements Tensor.SegmentVisitor {
    /** Floats made at a time: drawn into the tensor, then scaled while in the cache. */
    private static final int BATCH = 1024;

    private final double from;
    private final double range;
    private final float fromFloat;
    private final float rangeFloat;

    Uniforms(double from, double to) {
      this.from = from;
      this.range = to - from;
      this.fromFloat = (float) from;
      this.rangeFloat = (float) to - fromFloat;
    }

    @Override
    public void floats(float[] array, int offset, int length) {
      for (int done = 0; done < length; done += BATCH) {
        int count = Math.min(BATCH, length - done);
        engine.nextFloats(array, offset + done, count);
        kernels.multiplyAdd(array, offset + done, count, rangeFloat, fromFloat);
      }
    }

    @Override
    public void doubles(double[] array, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        array[i] = kernels.multiplyAdd(engine.nextDouble(), range, from);
      }
    }
  }

  /** The path of tensors below 16 elements: one scalar sample per element, rounded to its type. */
  private final class ScalarNormal implements Tensor.SegmentVisitor {
    private final double mean;
    private final double std;

    ScalarNormal(double mean, double std) {
      this.mean = mean;
      this.std = std;
    }

    @Override
    public void floats(float[] array, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        array[i] = (float) gaussian(mean, std);
      }
    }

    @Override
    public void doubles(double[] array, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        array[i] = gaussian(mean, std);
      }
    }
  }

  private static void requireValidStd(double std) {
    if (!(std >= 0)) {
      throw new IllegalArgumentException("std: " + std + "; expected std >= 0.0");
    }
  }
}
