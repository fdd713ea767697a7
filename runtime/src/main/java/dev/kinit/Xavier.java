package dev.kinit;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Xavier (Glorot) initialisation: PyTorch's {@code xavier_normal_} and {@code xavier_uniform_}.
 *
 * <p>Glorot and Bengio, "Understanding the difficulty of training deep feedforward neural
 * networks", AISTATS 2010: with
 *
 * <pre>
 *   std   = gain · sqrt(2 / (fan_in + fan_out))
 *   bound = sqrt(3) · std
 * </pre>
 *
 * <p>weights drawn from {@code N(0, std²)} ({@link #normal normal}) or {@code U(-bound, bound)}
 * ({@link #uniform uniform}, same variance) balance the variance of activations (which {@code
 * fan_in} keeps) against that of gradients ({@code fan_out}), for symmetric activations such as
 * {@code tanh} ({@link Nonlinearity#TANH} gives its gain, 5/3). The fans come from the shape
 * ({@link Fans}); Keras' {@code glorot_uniform} is {@code uniform} with gain 1 and {@link
 * WeightLayout#KERAS} fans (its {@code glorot_normal} truncates: see {@link VarianceScaling}).
 *
 * <pre>{@code
 * float[][] weight = new float[64][128];
 * Xavier.uniform(FloatTensor.of("weight", weight), Nonlinearity.TANH.gain(0), random);
 * }</pre>
 *
 * <p>Arguments are checked before any element is written: a call that throws leaves the data
 * untouched.
 */
public final class Xavier {

  private Xavier() {}

  /**
   * The standard deviation {@code gain · sqrt(2 / (fan_in + fan_out))} for a weight of shape {@code
   * shape}, computed as PyTorch's {@code xavier_normal_} computes it.
   *
   * @throws IllegalArgumentException if {@code gain} is not finite and positive, for a shape that
   *     has no fans ({@link Fans#of}) or whose fans are both 0 (PyTorch divides by zero there)
   */
  public static double std(int[] shape, double gain) {
    return std(WeightLayout.TORCH, shape, gain);
  }

  /** {@link #std(int[], double)} with the fans of {@code layout}. */
  public static double std(WeightLayout layout, int[] shape, double gain) {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(shape, "shape");
    Rules.require(Rules.gainProblem(gain));
    return gain * Math.sqrt(2.0 / fanSum(Fans.of(layout, shape), shape));
  }

  /**
   * The bound {@code sqrt(3) · std} of the uniform distribution with the variance of {@link
   * #std(int[], double)}: PyTorch's {@code xavier_uniform_} bound, {@code gain · sqrt(6 / (fan_in +
   * fan_out))}.
   *
   * @throws IllegalArgumentException as {@link #std(int[], double)}
   */
  public static double bound(int[] shape, double gain) {
    return bound(WeightLayout.TORCH, shape, gain);
  }

  /** {@link #bound(int[], double)} with the fans of {@code layout}. */
  public static double bound(WeightLayout layout, int[] shape, double gain) {
    return Math.sqrt(3.0) * std(layout, shape, gain);
  }

  /**
   * Fills {@code tensor} from {@code N(0, std²)}, {@code std = gain · sqrt(2 / (fan_in +
   * fan_out))}: PyTorch's {@code xavier_normal_}.
   *
   * @param random the source of randomness; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException as {@link #std(int[], double)}, or if the std is not a normal
   *     number of the element type ({@link TensorSampler}); before any element is written
   */
  public static void normal(Tensor tensor, double gain, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Init.xavierNormal(gain).fill(Objects.requireNonNull(tensor, "tensor"), random);
  }

  /**
   * Fills {@code tensor} from {@code U(-bound, bound)}, {@code bound = gain · sqrt(6 / (fan_in +
   * fan_out))}: PyTorch's {@code xavier_uniform_}.
   *
   * @param random the source of randomness; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException as {@link #std(int[], double)}, or if the bound is not a
   *     normal number of the element type with a finite width ({@link TensorSampler}); before any
   *     element is written
   */
  public static void uniform(Tensor tensor, double gain, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Init.xavierUniform(gain).fill(Objects.requireNonNull(tensor, "tensor"), random);
  }

  /** {@code fan_in + fan_out}, which must be positive: the std divides by it. */
  private static double fanSum(Fans fans, int[] shape) {
    long sum = fans.fanIn() + fans.fanOut(); // each is at most the element count: no overflow
    if (sum == 0) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(shape)
              + " has fan_in + fan_out = 0; expected a positive sum, since std = gain * sqrt(2 /"
              + " (fan_in + fan_out))");
    }
    return sum;
  }

  /** A Xavier fill as a value ({@link Init#xavierNormal}, {@link Init#xavierUniform}). */
  record Spec(Distribution distribution, WeightLayout layout, double gain) implements Init {

    Spec {
      Objects.requireNonNull(distribution, "distribution");
      Objects.requireNonNull(layout, "layout");
      Rules.require(Rules.gainProblem(gain));
    }

    @Override
    public void check(Tensor tensor) {
      checkedScale(tensor);
    }

    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      Objects.requireNonNull(random, "random");
      double scale = checkedScale(tensor);
      if (tensor.size() > 0) {
        distribution.sample(TensorSampler.of(random), tensor, scale);
      }
    }

    @Override
    public boolean draws(Tensor tensor) {
      return tensor.size() > 0;
    }

    @Override
    public Sampling sampling(Tensor tensor) {
      double scale = checkedScale(tensor);
      if (tensor.size() == 0) {
        return new Sampling.Unchanged();
      }
      return distribution == Distribution.NORMAL
          ? new Sampling.Normal(0.0, scale)
          : new Sampling.Uniform(-scale, scale);
    }

    @Override
    public String describe(Tensor tensor) {
      String call =
          "xavier_"
              + distribution.name().toLowerCase(Locale.ROOT)
              + "_(gain="
              + gain
              + (layout == WeightLayout.TORCH ? "" : ", layout=" + layout)
              + ")";
      if (tensor.size() == 0) {
        return call + ": no elements";
      }
      Fans fans = Fans.of(layout, tensor.shape());
      return call
          + ": fan_in "
          + fans.fanIn()
          + ", fan_out "
          + fans.fanOut()
          + (distribution == Distribution.NORMAL ? ", std " : ", bound ")
          + checkedScale(tensor);
    }

    /** The std or bound of a fill of {@code tensor}, checked; 0 for a tensor with no elements. */
    private double checkedScale(Tensor tensor) {
      Objects.requireNonNull(tensor, "tensor");
      if (layout == WeightLayout.TORCH) {
        Shapes.require(tensor, Rules.fanRankProblem(tensor.shape().length));
      }
      boolean normal = distribution == Distribution.NORMAL;
      int[] shape = tensor.shape();
      double scale = normal ? std(layout, shape, gain) : bound(layout, shape, gain);
      if (tensor.size() == 0) {
        return 0;
      }
      ElementType type = ElementType.of(tensor);
      String problem =
          normal
              ? Rules.stdProblem(tensor.name(), type, scale)
              : Rules.boundProblem(tensor.name(), type, scale);
      if (problem != null) {
        Fans fans = Fans.of(layout, shape);
        throw new IllegalArgumentException(
            problem
                + "; it is "
                + (normal ? "" : "sqrt(3) * ")
                + "gain * sqrt(2 / (fan_in + fan_out)) with gain "
                + gain
                + ", fan_in "
                + fans.fanIn()
                + " and fan_out "
                + fans.fanOut());
      }
      return scale;
    }
  }
}
