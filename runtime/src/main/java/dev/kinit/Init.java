package dev.kinit;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One way to initialise a tensor, as a value: PyTorch's {@code torch.nn.init} functions (and Keras'
 * {@code VarianceScaling}), each checked before it writes. Generated initializers make one per
 * parameter and collect them in an {@link InitPlan}, which checks every parameter before it fills
 * any; code that fills a tensor directly may use them as well:
 *
 * <pre>{@code
 * Init.kaimingNormal(FanMode.FAN_OUT, Nonlinearity.RELU.gain(0))
 *     .fill(FloatTensor.of("weight", weight), random);
 * }</pre>
 *
 * <p>An implementation checks in {@link #check} everything {@link #fill} would reject, and writes
 * nothing and draws nothing there; {@link #fill} checks again, so that it is safe alone.
 */
public interface Init {

  /**
   * Checks that this initialisation can fill {@code tensor} (its shape, the scale it gives), and
   * writes and draws nothing.
   *
   * @throws IllegalArgumentException naming the tensor, the value at fault and what was expected
   */
  void check(Tensor tensor);

  /**
   * Fills {@code tensor}, drawing from {@code random} (if {@link #draws()}) in PyTorch's order.
   *
   * @throws IllegalArgumentException as {@link #check}, before any element is written
   */
  void fill(Tensor tensor, RandomGenerator random);

  /**
   * Whether {@link #fill fill(tensor, …)} draws from the generator: each such fill is one fill of a
   * {@link TensorSampler} (one fill number of a {@code BlockSampler}). Constants and identities
   * draw nothing, nor does a fill of a tensor with no elements, which PyTorch leaves alone.
   */
  boolean draws(Tensor tensor);

  /**
   * What this initialisation does to {@code tensor}, for people: PyTorch's call and, for the fills
   * whose scale comes from the shape, the fans and the std or bound: {@code "kaiming_normal_(mode=
   * 'fan_in', gain=1.4142135623730951): fan_in 300, std 0.08164965809277261"}.
   */
  String describe(Tensor tensor);

  /**
   * Kaiming (He) normal, PyTorch's {@code kaiming_normal_}: {@code N(0, std²)}, {@code std = gain /
   * sqrt(fan)} ({@link Kaiming#normal}).
   */
  static Init kaimingNormal(FanMode mode, double gain) {
    return kaimingNormal(WeightLayout.TORCH, mode, gain);
  }

  /** {@link #kaimingNormal(FanMode, double)} with the fans of {@code layout}. */
  static Init kaimingNormal(WeightLayout layout, FanMode mode, double gain) {
    return new Kaiming.Spec(Distribution.NORMAL, layout, mode, gain);
  }

  /**
   * Kaiming (He) uniform, PyTorch's {@code kaiming_uniform_}: {@code U(-bound, bound)}, {@code
   * bound = sqrt(3) · gain / sqrt(fan)} ({@link Kaiming#uniform}).
   */
  static Init kaimingUniform(FanMode mode, double gain) {
    return kaimingUniform(WeightLayout.TORCH, mode, gain);
  }

  /** {@link #kaimingUniform(FanMode, double)} with the fans of {@code layout}. */
  static Init kaimingUniform(WeightLayout layout, FanMode mode, double gain) {
    return new Kaiming.Spec(Distribution.UNIFORM, layout, mode, gain);
  }

  /**
   * PyTorch's default weight of {@code nn.Linear} and {@code nn.Conv*d}, {@code
   * kaiming_uniform_(a=sqrt(5))} ({@link LayerDefaults#weight}).
   */
  static Init torchDefaultWeight() {
    return LayerDefaults.WEIGHT;
  }

  /**
   * PyTorch's default bias of {@code nn.Linear} and {@code nn.Conv*d}: {@code U(-1/sqrt(fan_in),
   * 1/sqrt(fan_in))} with the fan_in of {@code weight}, whose output size the bias's length must be
   * ({@link LayerDefaults#bias(Tensor, Tensor, RandomGenerator)}).
   */
  static Init torchDefaultBias(Tensor weight) {
    return new LayerDefaults.Bias(Objects.requireNonNull(weight, "weight"), false);
  }

  /**
   * The default bias of a transposed convolution ({@code nn.ConvTranspose*d}), whose weight is laid
   * out {@code [in][out / groups][k…]}: bounded like {@link #torchDefaultBias} by the weight's
   * fan_in, whatever the bias's length ({@link LayerDefaults#biasForFanIn}).
   */
  static Init torchDefaultTransposedBias(Tensor weight) {
    return new LayerDefaults.Bias(Objects.requireNonNull(weight, "weight"), true);
  }
}
