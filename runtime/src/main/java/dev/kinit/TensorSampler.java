package dev.kinit;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import dev.kinit.internal.TorchMath;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Fills a whole {@link Tensor} with random values. The random fills ({@link Kaiming}, {@link
 * Xavier}, {@link Normal}, {@link Uniform}, {@link Orthogonal}, {@link VarianceScaling}, {@link
 * LayerDefaults}) take a {@link RandomGenerator}; when that generator also implements this
 * interface, it samples the tensor its own way (a PyTorch-compatible stream, a block-parallel
 * sampler); any other generator is drawn from element by element, in row-major order, by {@link
 * #of(RandomGenerator)}.
 *
 * <h2>Implementing a sampler</h2>
 *
 * <p>A sampler writes through the tensor: {@link Tensor#setAll} for one value per element, or
 * {@link Tensor#forEachSegment} for the contiguous runs of the arrays (see {@link Tensor} for the
 * order and what a sampler may do with a run). It must fill every element, and the same generator
 * state must give the same values on every run and JVM. {@link #normal} and {@link #uniform} are
 * required; {@link #truncatedNormal} has a default, PyTorch's algorithm on top of {@link #uniform}.
 *
 * <p>The numbers of a fill must be usable in the tensor's element type: for {@link #normal}, a
 * {@code mean} that is finite and a {@code std} that is a normal number of the element type ({@code
 * Float.MIN_NORMAL <= std <= Float.MAX_VALUE} for a {@link FloatTensor}, the same with {@code
 * Double} for a {@link DoubleTensor}); for {@link #uniform}, {@code from < to}, both finite, with a
 * half-width {@code (to - from) / 2} that is a normal number and a width {@code to - from} that is
 * finite in the element type; for {@link #truncatedNormal}, see there. Smaller scales would give
 * subnormal values or a tensor of equal values, larger ones infinities. The fills check this before
 * they call a sampler; kinit's samplers check it again when called directly, and throw an {@link
 * IllegalArgumentException} naming the tensor, the value and the expected range, before any write.
 */
public interface TensorSampler {

  /** Fills {@code tensor} with samples of {@code N(mean, std²)}. */
  void normal(Tensor tensor, double mean, double std);

  /** Fills {@code tensor} with samples of {@code U(from, to)}. */
  void uniform(Tensor tensor, double from, double to);

  /**
   * Fills {@code tensor} with samples of {@code N(mean, std²)} conditioned on {@code [a, b]}: the
   * normal distribution truncated to the interval, every value in {@code [a, b]} as rounded to the
   * element type. The arguments must pass the rule of {@link Normal#truncated}: {@code mean}
   * finite, {@code std} a normal number, {@code a < b} both finite in the element type, and an
   * interval that holds enough probability for PyTorch's algorithm; a sampler that overrides this
   * method checks the same before its first write.
   *
   * <p>The default is PyTorch's {@code trunc_normal_} on top of {@link #uniform}, in the element
   * type ({@code Φ} the standard normal distribution function, computed in double):
   *
   * <pre>
   *   l = Φ((a - mean) / std),  u = Φ((b - mean) / std)
   *   x = U(2l - 1, 2u - 1)                    (this sampler's uniform fill)
   *   x = erfinv(x) · (std · sqrt(2)) + mean   (ATen's calc_erfinv)
   *   x = min(max(x, a), b)
   * </pre>
   *
   * <p>{@code erfinv(2p - 1) · sqrt(2)} is the standard normal quantile of {@code p}, so {@code x}
   * follows the truncated distribution up to the rounding of the element type; PyTorch warns (and
   * this logs) when {@code mean} lies more than two standard deviations outside {@code [a, b]},
   * where that rounding shows. {@code dev.kinit.torch.TorchGenerator} gives PyTorch's values this
   * way; {@code dev.kinit.block.BlockSampler} samples the truncated distribution exactly, by
   * rejection.
   *
   * @throws IllegalArgumentException naming the tensor, the value and what was expected, before any
   *     write
   */
  default void truncatedNormal(Tensor tensor, double mean, double std, double a, double b) {
    Objects.requireNonNull(tensor, "tensor");
    Rules.require(
        Rules.truncatedNormalProblem(tensor.name(), ElementType.of(tensor), mean, std, a, b));
    TorchMath.truncNormal(this, tensor, mean, std, a, b, false);
  }

  /**
   * The sampler for {@code random}: {@code random} itself if it implements this interface,
   * otherwise one that draws each element, in row-major order, as {@code mean + std *
   * random.nextGaussian()} or {@code random.nextDouble(from, to)}, rounded to the element type; it
   * checks the numbers of each fill as the class comment says.
   */
  static TensorSampler of(RandomGenerator random) {
    return random instanceof TensorSampler sampler ? sampler : new ElementwiseSampler(random);
  }
}
