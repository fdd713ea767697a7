package dev.kinit;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import java.lang.System.Logger.Level;
import java.util.Arrays;
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
   * The standard deviation {@code gain / sqrt(fan)} for a weight of shape {@code shape}.
   *
   * @throws IllegalArgumentException if {@code gain} is not finite and positive, or for a shape
   *     that has no fans ({@link Fans#of}) or whose selected fan is 0
   */
  public static double std(int[] shape, FanMode mode, double gain) {
    Objects.requireNonNull(mode, "mode");
    requireValidGain(gain);
    long fan = mode.of(Fans.of(shape));
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
   * The bound {@code sqrt(3) · std} of the uniform distribution with the variance of {@link #std}:
   * {@code U(-b, b)} has variance {@code b² / 3}.
   *
   * @throws IllegalArgumentException as {@link #std}
   */
  public static double bound(int[] shape, FanMode mode, double gain) {
    return Math.sqrt(3.0) * std(shape, mode, gain);
  }

  /**
   * Fills {@code tensor} from {@code N(0, std²)} with {@code std = gain / sqrt(fan)}: PyTorch's
   * {@code kaiming_normal_}.
   *
   * @param random the source of randomness; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException as {@link #std}, or if the std is not a normal number of the
   *     element type ({@link TensorSampler}: a gain so small that the values would be subnormal or
   *     0, or so large that they would be infinite); before any element is written
   */
  public static void normal(Tensor tensor, FanMode mode, double gain, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    double std = checkedScale(tensor, mode, gain, Distribution.NORMAL);
    if (tensor.size() == 0) {
      warnZeroElements(tensor);
      return;
    }
    TensorSampler.of(random).normal(tensor, 0.0, std);
  }

  /**
   * Fills {@code tensor} from {@code U(-bound, bound)} with {@code bound = sqrt(3) · gain /
   * sqrt(fan)}: PyTorch's {@code kaiming_uniform_}. Values lie in {@code [-bound, bound]} once
   * rounded to the element type.
   *
   * @param random the source of randomness; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException as {@link #std}, or if the bound is not a normal number of the
   *     element type with a finite width {@code 2 · bound} ({@link TensorSampler}: a gain so small
   *     that the values would be subnormal or 0, or so large that the range overflows); before any
   *     element is written
   */
  public static void uniform(Tensor tensor, FanMode mode, double gain, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    double bound = checkedScale(tensor, mode, gain, Distribution.UNIFORM);
    if (tensor.size() == 0) {
      warnZeroElements(tensor);
      return;
    }
    TensorSampler.of(random).uniform(tensor, -bound, bound);
  }

  /**
   * Checks what {@link #normal} or {@link #uniform} (as {@code distribution} says) checks for these
   * arguments, and writes nothing: for code that fills several tensors and must fail before its
   * first write, as the initializers that the annotation processor generates do.
   *
   * @throws IllegalArgumentException as {@link #normal} or {@link #uniform}
   */
  public static void check(Tensor tensor, FanMode mode, double gain, Distribution distribution) {
    Objects.requireNonNull(distribution, "distribution");
    checkedScale(tensor, mode, gain, distribution);
  }

  /**
   * The std ({@link Distribution#NORMAL}) or bound of a fill of {@code tensor}, checked; 0 for a
   * tensor with no elements, which a fill leaves as it is.
   */
  private static double checkedScale(
      Tensor tensor, FanMode mode, double gain, Distribution distribution) {
    Objects.requireNonNull(tensor, "tensor");
    Objects.requireNonNull(mode, "mode");
    requireValidGain(gain);
    if (tensor.size() == 0) {
      return 0;
    }
    int[] shape = tensor.shape();
    ElementType type = ElementType.of(tensor);
    boolean normal = distribution == Distribution.NORMAL;
    double scale = normal ? std(shape, mode, gain) : bound(shape, mode, gain);
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
              + mode.of(Fans.of(shape)));
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
    if (!(gain > 0 && gain < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "gain: " + gain + " is not a valid gain; expected a finite positive number");
    }
  }
}
