package dev.kinit;

import dev.kinit.internal.Rules;
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
 *
 * <p>The bias must fit its weight (length {@code shape[0]}); a transposed convolution, whose weight
 * is laid out {@code [in][out / groups][k…]}, uses {@link #biasForFanIn}. Two layers that share one
 * array (a tied weight) may both fill it: each fill runs and the last one wins, as when PyTorch
 * initialises a tied weight twice.
 */
public final class LayerDefaults {

  /** The {@code a} of the weight's {@code kaiming_uniform_}: {@code math.sqrt(5)}. */
  public static final double WEIGHT_NEGATIVE_SLOPE = Math.sqrt(5);

  private static final System.Logger LOG = System.getLogger(LayerDefaults.class.getName());

  /** The weight's initialisation as a value ({@link Init#torchDefaultWeight}). */
  static final Init WEIGHT = new Weight();

  private LayerDefaults() {}

  /**
   * Fills {@code weight} as {@code kaiming_uniform_(weight, a=math.sqrt(5))}: fan_in mode,
   * leaky-ReLU gain. A weight with no elements is left alone with a warning ({@link Kaiming}).
   *
   * @param weight the layer's weight {@code [out][in][k…]}, at least 2-D; its shape gives fan_in
   * @param random the generator to draw from; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException for a shape of fewer than two dimensions, before any write
   */
  public static void weight(Tensor weight, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(weight, "weight");
    WEIGHT.fill(weight, random);
  }

  /**
   * Fills {@code bias} from {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}, {@code fan_in} being that
   * of {@code weight}, laid out {@code [out][in][k…]} as in {@code nn.Linear} and {@code
   * nn.Conv*d}: {@code bias} must be 1-D of length {@code out}, the weight's {@code shape[0]}. Draw
   * it after {@link #weight} to follow PyTorch's order. (A transposed convolution's weight is laid
   * out otherwise: use {@link #biasForFanIn}.)
   *
   * @param bias the bias to fill, 1-D of length {@code out}
   * @param weight the layer's weight {@code [out][in][k…]}, read for its shape only
   * @param random the generator to draw from; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException if {@code weight} has fewer than two dimensions, or if {@code
   *     bias} is not 1-D of the weight's output size; before any write
   */
  public static void bias(Tensor bias, Tensor weight, RandomGenerator random) {
    Objects.requireNonNull(weight, "weight");
    bias(bias, weight.name(), weight.shape(), random);
  }

  /**
   * Checks what {@link #bias(Tensor, Tensor, RandomGenerator)} checks, and writes nothing: for code
   * that fills several tensors and must fail before its first write, as the initializers that the
   * annotation processor generates do.
   *
   * @param bias the bias that would be filled
   * @param weight the layer's weight {@code [out][in][k…]}, read for its shape only
   * @throws IllegalArgumentException as {@link #bias(Tensor, Tensor, RandomGenerator)}
   */
  public static void checkBias(Tensor bias, Tensor weight) {
    Objects.requireNonNull(weight, "weight");
    checkedFanIn(bias, weight.name(), weight.shape());
  }

  /**
   * {@link #bias(Tensor, Tensor, RandomGenerator)} given only the weight's shape, {@code
   * [out][in][k…]}. When the weight's fan_in is 0 the bound is undefined and the bias is left
   * alone, with a warning: that is what PyTorch's {@code Conv*d} does, while its {@code Linear}
   * writes zeros, drawing from the generator.
   *
   * @param bias the bias to fill, 1-D of length {@code weightShape[0]}
   * @param weightShape the shape of the layer's weight, {@code [out, in, k…]}, outermost first;
   *     named {@code "weight"} in messages
   * @param random the generator to draw from; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException if {@code weightShape} has fewer than two dimensions or a
   *     negative size, or if {@code bias} is not 1-D of length {@code weightShape[0]}; before any
   *     write
   */
  public static void bias(Tensor bias, int[] weightShape, RandomGenerator random) {
    bias(bias, "weight", weightShape, random);
  }

  /**
   * Fills {@code bias} from {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))} whatever its length: the bias
   * of a layer whose weight is not laid out {@code [out][in][k…]}. A transposed convolution ({@code
   * nn.ConvTranspose1d/2d/3d}) has a weight {@code [in][out / groups][k…]} and a bias {@code
   * [out]}; PyTorch bounds the bias with the fan_in of that weight, {@code (out / groups) · k…}:
   *
   * <pre>{@code
   * float[][][][] weight = new float[16][8][3][3];  // ConvTranspose2d(16, 8, 3): [in][out][kh][kw]
   * float[] bias = new float[8];
   * LayerDefaults.weight(FloatTensor.of("weight", weight), random);
   * LayerDefaults.biasForFanIn(
   *     FloatTensor.of("bias", bias), Fans.of(16, 8, 3, 3).fanIn(), random);
   * }</pre>
   *
   * <p>A fan_in of 0 leaves the bias alone, with a warning, as {@link #bias(Tensor, int[],
   * RandomGenerator)} does.
   *
   * @param bias the bias to fill, 1-D or not, any length
   * @param fanIn the fan_in of the layer's weight, not negative: the bound is {@code 1 /
   *     sqrt(fanIn)}
   * @param random the generator to draw from; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException if {@code fanIn} is negative, before any write
   */
  public static void biasForFanIn(Tensor bias, long fanIn, RandomGenerator random) {
    Objects.requireNonNull(bias, "bias");
    Objects.requireNonNull(random, "random");
    if (fanIn < 0) {
      throw new IllegalArgumentException(
          "fanIn: " + fanIn + " is negative; expected the fan_in of " + bias.name() + "'s weight");
    }
    fill(bias, fanIn, "the weight", random);
  }

  private static void bias(
      Tensor bias, String weightName, int[] weightShape, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    long fanIn = checkedFanIn(bias, weightName, weightShape);
    fill(bias, fanIn, "the weight of shape " + Arrays.toString(weightShape), random);
  }

  /** The fan_in of a weight {@code [out][in][k…]}, checked, and that {@code bias} fits it. */
  private static long checkedFanIn(Tensor bias, String weightName, int[] weightShape) {
    Objects.requireNonNull(bias, "bias");
    long fanIn = Fans.of(weightShape).fanIn();
    Rules.require(Rules.biasProblem(bias.name(), bias.shape(), weightName, weightShape));
    return fanIn;
  }

  /** {@code kaiming_uniform_(weight, a=math.sqrt(5))}, described as PyTorch writes it. */
  private static final class Weight implements Init {
    private final Init kaiming =
        Init.kaimingUniform(FanMode.FAN_IN, Nonlinearity.LEAKY_RELU.gain(WEIGHT_NEGATIVE_SLOPE));

    @Override
    public void check(Tensor tensor) {
      kaiming.check(tensor);
    }

    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      kaiming.fill(tensor, random);
    }

    @Override
    public boolean draws(Tensor tensor) {
      return kaiming.draws(tensor);
    }

    @Override
    public Sampling sampling(Tensor tensor) {
      return kaiming.sampling(tensor);
    }

    @Override
    public String describe(Tensor tensor) {
      String scale = kaiming.describe(tensor);
      return "kaiming_uniform_(a=math.sqrt(5))" + scale.substring(scale.indexOf(':'));
    }
  }

  /**
   * The bias's initialisation as a value ({@link Init#torchDefaultBias}, {@link
   * Init#torchDefaultTransposedBias}).
   *
   * @param weight the weight whose fan_in bounds the bias
   * @param transposed whether the weight is a transposed convolution's, laid out {@code [in][out /
   *     groups][k…]}, so that the bias's length is not its {@code shape[0]}
   */
  record Bias(Tensor weight, boolean transposed) implements Init {

    @Override
    public void check(Tensor bias) {
      fanIn(bias);
    }

    @Override
    public void fill(Tensor bias, RandomGenerator random) {
      Objects.requireNonNull(random, "random");
      long fanIn = fanIn(bias);
      LayerDefaults.fill(
          bias, fanIn, "the weight of shape " + Arrays.toString(weight.shape()), random);
    }

    @Override
    public boolean draws(Tensor bias) {
      return bias.size() > 0 && fanIn(bias) > 0;
    }

    @Override
    public Sampling sampling(Tensor bias) {
      long fanIn = fanIn(bias);
      if (bias.size() == 0 || fanIn == 0) {
        return new Sampling.Unchanged();
      }
      double bound = 1 / Math.sqrt(fanIn); // in [3.3e-10, 1] for a long fan_in >= 1: usable
      return new Sampling.Uniform(-bound, bound);
    }

    @Override
    public String describe(Tensor bias) {
      long fanIn = fanIn(bias);
      return "uniform_(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in of "
          + weight.name()
          + ": fan_in "
          + fanIn
          + (fanIn == 0 ? ", left as it is" : ", bound " + 1 / Math.sqrt(fanIn));
    }

    private long fanIn(Tensor bias) {
      return transposed
          ? Fans.of(weight.shape()).fanIn()
          : checkedFanIn(bias, weight.name(), weight.shape());
    }
  }

  private static void fill(Tensor bias, long fanIn, String weight, RandomGenerator random) {
    if (fanIn == 0) {
      LOG.log(
          Level.WARNING,
          "{0} is left as it is: {1} has fan_in 0, so the bias bound 1 / sqrt(fan_in) is"
              + " undefined",
          bias.name(),
          weight);
      return;
    }
    if (bias.size() == 0) {
      return;
    }
    double bound = 1 / Math.sqrt(fanIn); // in [3.3e-10, 1] for a long fan_in >= 1: usable
    TensorSampler.of(random).uniform(bias, -bound, bound);
  }
}
