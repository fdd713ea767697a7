package dev.kinit;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The uniform fill with given ends: PyTorch's {@code uniform_(tensor, a, b)}, {@code U(from, to)}.
 *
 * <pre>{@code
 * Uniform.fill(FloatTensor.of("embedding", embedding), -0.1, 0.1, random);
 * }</pre>
 *
 * <p>Any shape works. Arguments are checked before any element is written: a call that throws
 * leaves the data untouched.
 */
public final class Uniform {

  private Uniform() {}

  /**
   * Fills {@code tensor} from {@code U(from, to)}: PyTorch's {@code uniform_(tensor, from, to)}.
   * Values lie in {@code [from, to]} once rounded to the element type.
   *
   * @param random the source of randomness; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException unless {@code from < to}, both finite, with a half-width that
   *     is a normal number and a finite width in the element type ({@link TensorSampler}); before
   *     any element is written
   */
  public static void fill(Tensor tensor, double from, double to, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Init.uniform(from, to).fill(Objects.requireNonNull(tensor, "tensor"), random);
  }

  /** {@code uniform_} as a value ({@link Init#uniform}). */
  record Spec(double from, double to) implements Init {

    @Override
    public void check(Tensor tensor) {
      Rules.require(Rules.uniformProblem(tensor.name(), ElementType.of(tensor), from, to));
    }

    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      Objects.requireNonNull(random, "random");
      check(tensor);
      if (tensor.size() > 0) {
        TensorSampler.of(random).uniform(tensor, from, to);
      }
    }

    @Override
    public boolean draws(Tensor tensor) {
      return tensor.size() > 0;
    }

    @Override
    public Sampling sampling(Tensor tensor) {
      check(tensor);
      return tensor.size() > 0 ? new Sampling.Uniform(from, to) : new Sampling.Unchanged();
    }

    @Override
    public String describe(Tensor tensor) {
      return "uniform_(a=" + from + ", b=" + to + ")";
    }
  }
}
