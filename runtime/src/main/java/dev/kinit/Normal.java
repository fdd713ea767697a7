package dev.kinit;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Normal fills with a given mean and standard deviation: PyTorch's {@code normal_} and {@code
 * trunc_normal_}. GPT-2 and nanoGPT initialise their linear weights and embeddings with {@code
 * normal_(0, 0.02)}, vision transformers with {@code trunc_normal_(std=0.02)}:
 *
 * <pre>{@code
 * Normal.fill(FloatTensor.of("wte", wte), 0.0, 0.02, random);
 * Normal.truncated(FloatTensor.of("weight", weight), 0.0, 0.02, -2.0, 2.0, random);
 * }</pre>
 *
 * <p>The scale is given, not computed from a fan, so any shape works, a 1-D bias included.
 * Arguments are checked before any element is written: a call that throws leaves the data
 * untouched.
 */
public final class Normal {

  private Normal() {}

  /**
   * Fills {@code tensor} from {@code N(mean, std²)}: PyTorch's {@code normal_(tensor, mean, std)}.
   *
   * @param random the source of randomness; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException unless {@code mean} is finite and {@code std} a normal number
   *     in the element type ({@link TensorSampler}); before any element is written
   */
  public static void fill(Tensor tensor, double mean, double std, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Init.normal(mean, std).fill(Objects.requireNonNull(tensor, "tensor"), random);
  }

  /**
   * Fills {@code tensor} from {@code N(mean, std²)} conditioned on {@code [a, b]}: PyTorch's {@code
   * trunc_normal_(tensor, mean, std, a, b)}. The interval is in the values' units, not in standard
   * deviations: {@code std = 0.02, a = -2, b = 2} truncates nothing that matters. Every value lies
   * in {@code [a, b]} as rounded to the element type.
   *
   * <p>How the samples are drawn is up to the {@link TensorSampler} ({@link
   * TensorSampler#truncatedNormal}): PyTorch's inverse-CDF algorithm by default, bit for bit with a
   * {@code dev.kinit.torch.TorchGenerator}; exact rejection from the ziggurat in a {@code
   * dev.kinit.block.BlockSampler}.
   *
   * @throws IllegalArgumentException unless {@code mean} is finite, {@code std} a normal number,
   *     {@code a < b} both finite in the element type, and the interval holds enough probability
   *     for PyTorch's algorithm ({@link TensorSampler#truncatedNormal}); before any element is
   *     written
   */
  public static void truncated(
      Tensor tensor, double mean, double std, double a, double b, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Init.truncatedNormal(mean, std, a, b).fill(Objects.requireNonNull(tensor, "tensor"), random);
  }

  /** {@code normal_} as a value ({@link Init#normal}). */
  record Spec(double mean, double std) implements Init {

    @Override
    public void check(Tensor tensor) {
      Rules.require(Rules.normalProblem(tensor.name(), ElementType.of(tensor), mean, std));
    }

    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      Objects.requireNonNull(random, "random");
      check(tensor);
      if (tensor.size() > 0) {
        TensorSampler.of(random).normal(tensor, mean, std);
      }
    }

    @Override
    public boolean draws(Tensor tensor) {
      return tensor.size() > 0;
    }

    @Override
    public Sampling sampling(Tensor tensor) {
      check(tensor);
      return tensor.size() > 0 ? new Sampling.Normal(mean, std) : new Sampling.Unchanged();
    }

    @Override
    public String describe(Tensor tensor) {
      return "normal_(mean=" + mean + ", std=" + std + ")";
    }
  }

  /** {@code trunc_normal_} as a value ({@link Init#truncatedNormal}). */
  record Truncated(double mean, double std, double a, double b) implements Init {

    @Override
    public void check(Tensor tensor) {
      Rules.require(
          Rules.truncatedNormalProblem(tensor.name(), ElementType.of(tensor), mean, std, a, b));
    }

    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      Objects.requireNonNull(random, "random");
      check(tensor);
      if (tensor.size() > 0) {
        TensorSampler.of(random).truncatedNormal(tensor, mean, std, a, b);
      }
    }

    @Override
    public boolean draws(Tensor tensor) {
      return tensor.size() > 0;
    }

    @Override
    public Sampling sampling(Tensor tensor) {
      check(tensor);
      return tensor.size() > 0
          ? new Sampling.TruncatedNormal(mean, std, a, b)
          : new Sampling.Unchanged();
    }

    @Override
    public String describe(Tensor tensor) {
      return "trunc_normal_(mean=" + mean + ", std=" + std + ", a=" + a + ", b=" + b + ")";
    }
  }
}
