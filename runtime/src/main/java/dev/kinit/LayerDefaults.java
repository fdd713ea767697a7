package dev.kinit;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * PyTorch's default initialisation of {@code nn.Linear} and {@code nn.Conv1d/2d/3d} (and the
 * transposed convolutions), their {@code reset_parameters()} in PyTorch 1.13 ({@code
 * torch/nn/modules/linear.py}, {@code conv.py}):
 *
 * <pre>
 *   init.kaiming_uniform_(self.weight, a=math.sqrt(5))
 *   fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
 *   bound = 1 / math.sqrt(fan_in)
 *   init.uniform_(self.bias, -bound, bound)
 * </pre>
 *
 * <p>So the weight is {@code U(-b, b)} with {@code b = sqrt(3) · gain / sqrt(fan_in)} and the
 * leaky-ReLU gain of slope {@code sqrt(5)}, {@code gain = sqrt(2 / 6) = sqrt(1/3)}: in effect
 * {@code b = 1 / sqrt(fan_in)}, the same bound as the bias (up to the last bits). Call {@link
 * #weight} then {@link #bias} on one generator to draw in PyTorch's order; with a {@code
 * dev.kinit.torch.TorchGenerator} the values are PyTorch's.
 *
 * <pre>{@code
 * LayerDefaults.weight(FloatTensor.of("weight", weight), random);
 * LayerDefaults.bias(FloatTensor.of("bias", bias), FloatTensor.of("weight", weight), random);
 * }</pre>
 */
public final class LayerDefaults {

  /** The {@code a} of the weight's {@code kaiming_uniform_}: {@code math.sqrt(5)}. */
  public static final double WEIGHT_NEGATIVE_SLOPE = Math.sqrt(5);

  private static final System.Logger LOG = System.getLogger(LayerDefaults.class.getName());

  private LayerDefaults() {}

  /**
   * Fills {@code weight} as {@code kaiming_uniform_(weight, a=math.sqrt(5))}: fan_in mode,
   * leaky-ReLU gain. A weight with no elements is left alone with a warning ({@link Kaiming}).
   *
   * @param weight the layer's weight, {@code [out, in, kernel...]}
   * @param random the source of randomness; a {@code TorchGenerator} gives PyTorch's values
   * @throws IllegalArgumentException for a shape of fewer than two dimensions, before any write
   */
  public static void weight(Tensor weight, RandomGenerator random) {
    Kaiming.uniform(
        weight, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU.gain(WEIGHT_NEGATIVE_SLOPE), random);
  }

  /**
   * Fills {@code bias} from {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}, {@code fan_in} being that
   * of {@code weight}. Draw it after {@link #weight} to follow PyTorch's order.
   *
   * @param bias the layer's bias, {@code [out]}
   * @param weight the layer's weight, whose fan_in sets the bound; it is not written
   * @param random the source of randomness; a {@code TorchGenerator} gives PyTorch's values
   * @throws IllegalArgumentException if {@code weight} has fewer than two dimensions, before any
   *     write
   */
  public static void bias(Tensor bias, Tensor weight, RandomGenerator random) {
    Objects.requireNonNull(weight, "weight");
    bias(bias, weight.shape(), random);
  }

  /**
   * {@link #bias(Tensor, Tensor, RandomGenerator)} given only the weight's shape. When the weight's
   * fan_in is 0 the bound is undefined and the bias is left alone, with a warning: that is what
   * PyTorch's {@code Conv*d} does, while its {@code Linear} writes zeros, drawing from the
   * generator.
   *
   * @param bias the layer's bias, {@code [out]}
   * @param weightShape the shape of the layer's weight, whose fan_in sets the bound
   * @param random the source of randomness; a {@code TorchGenerator} gives PyTorch's values
   * @throws IllegalArgumentException if {@code weightShape} has fewer than two dimensions or a
   *     negative size, before any write
   */
  public static void bias(Tensor bias, int[] weightShape, RandomGenerator random) {
    Objects.requireNonNull(bias, "bias");
    Objects.requireNonNull(random, "random");
    long fanIn = Fans.of(weightShape).fanIn();
    if (fanIn == 0) {
      LOG.log(
          Level.WARNING,
          "{0} is left as it is: the weight of shape {1} has fan_in 0, so the"
              + " bias bound 1 / sqrt(fan_in) is undefined",
          bias.name(),
          Arrays.toString(weightShape));
      return;
    }
    if (bias.size() == 0) {
      return;
    }
    double bound = 1 / Math.sqrt(fanIn);
    TensorSampler.of(random).uniform(bias, -bound, bound);
  }
}
