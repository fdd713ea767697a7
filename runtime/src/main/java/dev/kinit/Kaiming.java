package dev.kinit;

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
   * {@return the standard deviation {@code gain / sqrt(fan)} for a weight of shape {@code shape}}
   *
   * @param shape the weight's shape, outermost first: {@code [out, in, kernel...]}
   * @param mode the fan to divide by
   * @param gain the gain of the nonlinearity after the layer ({@link Nonlinearity#gain(double)})
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
   * {@return the bound {@code sqrt(3) · std} of the uniform distribution with the variance of
   * {@link #std}} {@code U(-b, b)} has variance {@code b² / 3}.
   *
   * @param shape the weight's shape, outermost first: {@code [out, in, kernel...]}
   * @param mode the fan to divide by
   * @param gain the gain of the nonlinearity after the layer ({@link Nonlinearity#gain(double)})
   * @throws IllegalArgumentException as {@link #std}
   */
  public static double bound(int[] shape, FanMode mode, double gain) {
    return Math.sqrt(3.0) * std(shape, mode, gain);
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
   * @throws IllegalArgumentException as {@link #std}, before any element is written
   */
  public static void normal(Tensor tensor, FanMode mode, double gain, RandomGenerator random) {
    requireValid(tensor, mode, gain, random);
    if (tensor.size() == 0) {
      warnZeroElements(tensor);
      return;
    }
    double std = std(tensor.shape(), mode, gain);
    TensorSampler.of(random).normal(tensor, 0.0, std);
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
   * @throws IllegalArgumentException as {@link #std}, or if the bound is 0 (a gain so small that
   *     the std underflows) or so large that the width {@code 2 · bound} of the range overflows a
   *     double; before any element is written
   */
  public static void uniform(Tensor tensor, FanMode mode, double gain, RandomGenerator random) {
    requireValid(tensor, mode, gain, random);
    if (tensor.size() == 0) {
      warnZeroElements(tensor);
      return;
    }
    double bound = bound(tensor.shape(), mode, gain);
    if (!(bound > 0 && bound <= Double.MAX_VALUE / 2)) {
      // A sampler needs from < to and a finite to - from (RandomGenerator.nextDouble does).
      throw new IllegalArgumentException(
          "gain: "
              + gain
              + " gives "
              + tensor.name()
              + " the bound "
              + bound
              + "; expected a"
              + " gain for which bound = sqrt(3) * gain / sqrt(fan) is in (0, "
              + Double.MAX_VALUE / 2
              + "]");
    }
    TensorSampler.of(random).uniform(tensor, -bound, bound);
  }

  private static void requireValid(
      Tensor tensor, FanMode mode, double gain, RandomGenerator random) {
    Objects.requireNonNull(tensor, "tensor");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(random, "random");
    requireValidGain(gain);
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
