package dev.kinit;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Kaiming (He) initialisation: PyTorch's {@code kaiming_normal_} and {@code kaiming_uniform_}.
 *
 * <p>He, Zhang, Ren and Sun, "Delving Deep into Rectifiers", ICCV 2015: with
 *
 * <pre>
 *   std   = gain / sqrt(fan)
 *   bound = sqrt(3) · std
 * </pre>
 *
 * <p>weights drawn from {@code N(0, std²)} ({@link #normal normal}) or {@code U(-bound, bound)}
 * ({@link #uniform uniform}, same variance) keep the variance of activations ({@link
 * FanMode#FAN_IN}) or of gradients ({@link FanMode#FAN_OUT}) constant from layer to layer. The fan
 * comes from the tensor's shape ({@link Fans}), the gain from the nonlinearity that follows the
 * layer ({@link Nonlinearity#gain(double)}):
 *
 * <pre>{@code
 * float[][][][] weight = new float[64][3][3][3];
 * Kaiming.normal(FloatTensor.of("weight", weight), FanMode.FAN_IN, Nonlinearity.RELU.gain(0),
 *     RandomGenerator.of("L64X128MixRandom"));
 * }</pre>
 *
 * <p>Arguments are checked before any element is written: a call that throws leaves the data
 * untouched. A tensor with no elements is left as it is, with a warning, as in PyTorch.
 */
public final class Kaiming {

  private static final System.Logger LOG = System.getLogger(Kaiming.class.getName());

  private Kaiming() {}

  /**
   * {@return the standard deviation {@code gain / sqrt(fan)} for a weight of shape {@code shape}}
   *
   * @param shape the weight's shape, outermost first: {@code [out, in, kernel...]}
   * @param mode the fan to divide by
   * @param gain the gain of the nonlinearity after the layer ({@link Nonlinearity#gain(double)})
   * @throws IllegalArgumentException if {@code gain} is not finite and positive, or for a shape
   *     that has no fans ({@link Fans#of}) or whose selected fan is 0
   */
  public static double std(int[] shape, FanMode mode, double gain) {
    return std(WeightLayout.TORCH, shape, mode, gain);
  }

  /**
   * {@link #std(int[], FanMode, double)} with the fans of {@code layout} ({@link
   * Fans#of(WeightLayout, int...)}).
   *
   * @param layout the order of the weight's dimensions, which decides its fans
   * @param shape the weight's shape, outermost first, as {@code layout} orders it
   * @param mode the fan to divide by
   * @param gain the gain of the nonlinearity after the layer ({@link Nonlinearity#gain(double)})
   * @return the standard deviation {@code gain / sqrt(fan)}
   * @throws IllegalArgumentException as {@link #std(int[], FanMode, double)}
   */
  public static double std(WeightLayout layout, int[] shape, FanMode mode, double gain) {
    Objects.requireNonNull(mode, "mode");
    requireValidGain(gain);
    long fan = mode.of(Fans.of(layout, shape));
    if (fan == 0) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(shape)
              + " has "
              + mode.torchName()
              + " 0; expected a"
              + " positive fan, since std = gain / sqrt(fan)");
    }
    return gain / Math.sqrt(fan);
  }

  /**
   * {@return the bound {@code sqrt(3) · std} of the uniform distribution with the variance of
   * {@link #std}} {@code U(-b, b)} has variance {@code b² / 3}.
   *
   * @param shape the weight's shape, outermost first: {@code [out, in, kernel...]}
   * @param mode the fan to divide by
   * @param gain the gain of the nonlinearity after the layer ({@link Nonlinearity#gain(double)})
   * @throws IllegalArgumentException as {@link #std}
   */
  public static double bound(int[] shape, FanMode mode, double gain) {
    return bound(WeightLayout.TORCH, shape, mode, gain);
  }

  /**
   * {@link #bound(int[], FanMode, double)} with the fans of {@code layout}.
   *
   * @param layout the order of the weight's dimensions, which decides its fans
   * @param shape the weight's shape, outermost first, as {@code layout} orders it
   * @param mode the fan to divide by
   * @param gain the gain of the nonlinearity after the layer ({@link Nonlinearity#gain(double)})
   * @return the bound {@code sqrt(3) · gain / sqrt(fan)}
   * @throws IllegalArgumentException as {@link #std(int[], FanMode, double)}
   */
  public static double bound(WeightLayout layout, int[] shape, FanMode mode, double gain) {
    return Math.sqrt(3.0) * std(layout, shape, mode, gain);
  }

  /**
   * Fills {@code tensor} from {@code N(0, std²)} with {@code std = gain / sqrt(fan)}: PyTorch's
   * {@code kaiming_normal_}.
   *
   * @param tensor the weight to fill; its shape gives the fans
   * @param mode the fan to divide by
   * @param gain the gain of the nonlinearity after the layer ({@link Nonlinearity#gain(double)})
   * @param random the source of randomness; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException as {@link #std}, or if the std is not a normal number of the
   *     element type ({@link TensorSampler}: a gain so small that the values would be subnormal or
   *     0, or so large that they would be infinite); before any element is written
   */
  public static void normal(Tensor tensor, FanMode mode, double gain, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(tensor, "tensor");
    Init.kaimingNormal(mode, gain).fill(tensor, random);
  }

  /**
   * Fills {@code tensor} from {@code U(-bound, bound)} with {@code bound = sqrt(3) · gain /
   * sqrt(fan)}: PyTorch's {@code kaiming_uniform_}. Values lie in {@code [-bound, bound]} once
   * rounded to the element type.
   *
   * @param tensor the weight to fill; its shape gives the fans
   * @param mode the fan to divide by
   * @param gain the gain of the nonlinearity after the layer ({@link Nonlinearity#gain(double)})
   * @param random the source of randomness; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException as {@link #std}, or if the bound is not a normal number of the
   *     element type with a finite width {@code 2 · bound} ({@link TensorSampler}: a gain so small
   *     that the values would be subnormal or 0, or so large that the range overflows); before any
   *     element is written
   */
  public static void uniform(Tensor tensor, FanMode mode, double gain, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(tensor, "tensor");
    Init.kaimingUniform(mode, gain).fill(tensor, random);
  }

  /**
   * Checks what {@link #normal} or {@link #uniform} (as {@code distribution} says) checks for these
   * arguments, and writes nothing: for code that fills several tensors and must fail before its
   * first write, as the initializers that the annotation processor generates do.
   *
   * @param tensor the weight that would be filled; its shape gives the fans
   * @param mode the fan to divide by
   * @param gain the gain of the nonlinearity after the layer ({@link Nonlinearity#gain(double)})
   * @param distribution which fill to check: {@link #normal} or {@link #uniform}
   * @throws IllegalArgumentException as {@link #normal} or {@link #uniform}
   */
  public static void check(Tensor tensor, FanMode mode, double gain, Distribution distribution) {
    Objects.requireNonNull(distribution, "distribution");
    new Spec(distribution, WeightLayout.TORCH, mode, gain).check(tensor);
  }

  /** A Kaiming fill as a value ({@link Init#kaimingNormal}, {@link Init#kaimingUniform}). */
  record Spec(Distribution distribution, WeightLayout layout, FanMode mode, double gain)
      implements Init {

    Spec {
      Objects.requireNonNull(distribution, "distribution");
      Objects.requireNonNull(layout, "layout");
      Objects.requireNonNull(mode, "mode");
      requireValidGain(gain);
    }

    @Override
    public void check(Tensor tensor) {
      checkedScale(tensor, this);
    }

    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      Objects.requireNonNull(random, "random");
      double scale = checkedScale(tensor, this);
      if (tensor.size() == 0) {
        warnZeroElements(tensor);
      } else {
        distribution.sample(TensorSampler.of(random), tensor, scale);
      }
    }

    @Override
    public boolean draws(Tensor tensor) {
      return tensor.size() > 0;
    }

    @Override
    public Sampling sampling(Tensor tensor) {
      double scale = checkedScale(tensor, this);
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
          "kaiming_"
              + distribution.name().toLowerCase(Locale.ROOT)
              + "_(mode='"
              + mode.torchName()
              + "', gain="
              + gain
              + (layout == WeightLayout.TORCH ? "" : ", layout=" + layout)
              + ")";
      if (tensor.size() == 0) {
        return call + ": no elements";
      }
      return call
          + ": "
          + mode.torchName()
          + " "
          + mode.of(Fans.of(layout, tensor.shape()))
          + ", "
          + (distribution == Distribution.NORMAL ? "std " : "bound ")
          + checkedScale(tensor, this);
    }
  }

  /**
   * The std ({@link Distribution#NORMAL}) or bound of a fill of {@code tensor}, checked; 0 for a
   * tensor with no elements, which a fill leaves as it is.
   */
  private static double checkedScale(Tensor tensor, Spec spec) {
    Objects.requireNonNull(tensor, "tensor");
    FanMode mode = spec.mode();
    double gain = spec.gain();
    if (tensor.size() == 0) {
      return 0;
    }
    if (spec.layout() == WeightLayout.TORCH) {
      Shapes.require(tensor, Rules.fanRankProblem(tensor.shape().length));
    }
    int[] shape = tensor.shape();
    ElementType type = ElementType.of(tensor);
    boolean normal = spec.distribution() == Distribution.NORMAL;
    double scale =
        normal ? std(spec.layout(), shape, mode, gain) : bound(spec.layout(), shape, mode, gain);
    String problem =
        normal
            ? Rules.stdProblem(tensor.name(), type, scale)
            : Rules.boundProblem(tensor.name(), type, scale);
    if (problem != null) {
      throw new IllegalArgumentException(
          problem
              + "; it is "
              + (normal ? "" : "sqrt(3) * ")
              + "gain / sqrt("
              + mode.torchName()
              + ") with gain "
              + gain
              + " and "
              + mode.torchName()
              + " "
              + mode.of(Fans.of(spec.layout(), shape)));
    }
    return scale;
  }

  /** PyTorch leaves a tensor with no elements alone, with this warning. */
  private static void warnZeroElements(Tensor tensor) {
    LOG.log(
        Level.WARNING,
        "Initializing zero-element tensors is a no-op: {0} has shape {1}",
        tensor.name(),
        Arrays.toString(tensor.shape()));
  }

  private static void requireValidGain(double gain) {
    Rules.require(Rules.gainProblem(gain));
  }
}
