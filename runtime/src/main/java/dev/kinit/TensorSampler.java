package dev.kinit;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import dev.kinit.internal.TorchMath;
import java.util.List;
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

  /**
   * Fills {@code tensor} with samples of {@code N(mean, std²)}.
   *
   * @param tensor the tensor to fill, every element
   * @param mean the mean, finite
   * @param std the standard deviation, a normal number of the tensor's element type
   * @throws IllegalArgumentException if {@code mean} or {@code std} is out of range (see the class
   *     comment), naming the tensor and the value, before any write
   */
  void normal(Tensor tensor, double mean, double std);

  /**
   * Fills {@code tensor} with samples of {@code U(from, to)}.
   *
   * @param tensor the tensor to fill, every element
   * @param from the lower end, finite and below {@code to}
   * @param to the upper end, finite; {@code (to - from) / 2} a normal number and {@code to - from}
   *     finite in the tensor's element type
   * @throws IllegalArgumentException if the interval is out of range (see the class comment),
   *     naming the tensor and the value, before any write
   */
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
   * @param tensor the tensor to fill, every element
   * @param mean the mean of the normal distribution before truncation, finite
   * @param std the standard deviation before truncation, a normal number of the element type
   * @param a the lower end of the interval, a value (not a number of standard deviations), finite
   * @param b the upper end of the interval, finite and above {@code a}
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
   * {@return whether this sampler is counter-based} Then the values of a fill depend only on the
   * sampler's seed, the fill's number (how many fills the sampler made before it) and each
   * element's position, never on what other fills drew. Then a fill whose every element a later
   * fill overwrites may be left out, {@link #skipFill()} taking its number instead, and every value
   * written after it is the one the full sequence of fills writes: an {@link InitPlan} run on such
   * a sampler leaves out the default initialisations that a network's scheme overwrites. {@code
   * false} by default: a stream generator, such as {@code dev.kinit.torch.TorchGenerator} (each
   * fill moves the stream the next one starts from), makes every fill. {@code
   * dev.kinit.block.BlockSampler} is counter-based.
   */
  default boolean counterBased() {
    return false;
  }

  /**
   * Takes the next fill number without filling anything, in place of a fill that is left out: the
   * fills after it get the numbers, and so the values, they would get had it been made. Only for a
   * {@link #counterBased()} sampler.
   *
   * @throws UnsupportedOperationException if this sampler is not counter-based
   */
  default void skipFill() {
    throw new UnsupportedOperationException(
        getClass().getName() + " is not counter-based; expected every fill to be made");
  }

  /**
   * Makes {@code fills} in order, as one call per fill would: a {@link Sampling.Normal}, {@link
   * Sampling.Uniform} or {@link Sampling.TruncatedNormal} fill is {@link #normal}, {@link #uniform}
   * or {@link #truncatedNormal} with its numbers, a {@link Sampling.Fixed} one writes its values, a
   * {@link Sampling.Unchanged} one nothing, and a {@link Fill#skipped() skipped} one writes nothing
   * and, if it draws, takes its fill number ({@link #skipFill()}). The default makes them one after
   * the other; {@code dev.kinit.block.BlockSampler} makes them as one parallel job, so that its
   * threads do not wait for each other between fills. An {@link InitPlan} run on a counter-based
   * sampler hands it its steps this way.
   *
   * <p>The values are those of the calls in order also where two tensors share elements: a sampler
   * that makes fills at the same time makes those that share an array ({@link Tensor#shareArrays})
   * in order, as {@code BlockSampler} does.
   *
   * @param fills the fills, in the order of their fill numbers
   * @throws IllegalArgumentException if a fill that is made is {@link Sampling.Unshardable} or its
   *     numbers are out of range for its tensor (see the class comment), naming the tensor; nothing
   *     is written then
   * @throws UnsupportedOperationException if a skipped fill draws and this sampler is not {@link
   *     #counterBased()}; nothing is written then
   */
  default void fillAll(List<Fill> fills) {
    List<Fill> all = List.copyOf(fills);
    for (Fill fill : all) {
      if (fill.skipped() && fill.sampling().draws() && !counterBased()) {
        throw new UnsupportedOperationException(
            getClass().getName()
                + " is not counter-based, so it cannot skip the fill of "
                + fill.tensor().name()
                + "; expected every fill to be made");
      }
      fill.check();
    }
    for (Fill fill : all) {
      Tensor tensor = fill.tensor();
      Sampling sampling = fill.sampling();
      if (fill.skipped()) {
        if (sampling.draws()) {
          skipFill();
        }
      } else if (sampling instanceof Sampling.Normal normal) {
        normal(tensor, normal.mean(), normal.std());
      } else if (sampling instanceof Sampling.Uniform uniform) {
        uniform(tensor, uniform.from(), uniform.to());
      } else if (sampling instanceof Sampling.TruncatedNormal truncated) {
        truncatedNormal(tensor, truncated.mean(), truncated.std(), truncated.a(), truncated.b());
      } else if (sampling instanceof Sampling.Fixed values) {
        values.write(tensor, 0);
      }
      // Sampling.Unchanged: nothing to write; Unshardable was refused by check()
    }
  }

  /**
   * One fill of {@link #fillAll}: {@code tensor}, whole, gets what {@code sampling} says ({@link
   * Init#sampling}); a skipped fill writes nothing, in place of a fill that a later one overwrites.
   *
   * @param tensor the tensor the fill writes, every element
   * @param sampling what it writes
   * @param skipped whether the fill is left out: it writes nothing and, if {@code sampling} draws,
   *     only takes its fill number
   */
  record Fill(Tensor tensor, Sampling sampling, boolean skipped) {
    /**
     * A fill.
     *
     * @param tensor the tensor the fill writes
     * @param sampling what it writes
     * @param skipped whether it is left out
     * @throws NullPointerException if {@code tensor} or {@code sampling} is {@code null}
     */
    public Fill {
      Objects.requireNonNull(tensor, "tensor");
      Objects.requireNonNull(sampling, "sampling");
    }

    /**
     * Checks that the fill can be made, as {@link #normal}, {@link #uniform} and {@link
     * #truncatedNormal} check their numbers; a skipped fill always can.
     *
     * @throws IllegalArgumentException if the fill is made and its sampling is {@link
     *     Sampling.Unshardable}, or its numbers are out of range for the tensor (see the class
     *     comment), naming the tensor and the value
     */
    public void check() {
      if (skipped) {
        return;
      }
      String name = tensor.name();
      ElementType type = ElementType.of(tensor);
      if (sampling instanceof Sampling.Normal normal) {
        Rules.require(Rules.normalProblem(name, type, normal.mean(), normal.std()));
      } else if (sampling instanceof Sampling.Uniform uniform) {
        Rules.require(Rules.uniformProblem(name, type, uniform.from(), uniform.to()));
      } else if (sampling instanceof Sampling.TruncatedNormal truncated) {
        Rules.require(
            Rules.truncatedNormalProblem(
                name, type, truncated.mean(), truncated.std(), truncated.a(), truncated.b()));
      } else if (sampling instanceof Sampling.Unshardable unshardable) {
        throw new IllegalArgumentException(
            name + ": " + unshardable.reason() + "; expected a sampling that says what it writes");
      }
    }
  }

  /**
   * The sampler for {@code random}: {@code random} itself if it implements this interface,
   * otherwise one that draws each element, in row-major order, as {@code mean + std *
   * random.nextGaussian()} or {@code random.nextDouble(from, to)}, rounded to the element type; it
   * checks the numbers of each fill as the class comment says.
   *
   * @param random the generator to sample with
   * @return {@code random} as a sampler, or an element-by-element sampler drawing from it
   */
  static TensorSampler of(RandomGenerator random) {
    return random instanceof TensorSampler sampler ? sampler : new ElementwiseSampler(random);
  }
}
