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
   * Fills {@code tensor}, drawing from {@code random} (if {@link #draws(Tensor) draws}) in
   * PyTorch's order.
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
   * What {@link #fill fill(tensor, …)} writes, as plain numbers computed from the whole tensor (its
   * shape gives the fans, hence the std or bound): a distribution, a value for each position, or
   * nothing. With it and the fill's number, a slice of the tensor can be filled where only the
   * slice is held, as the whole fill would fill it ({@code dev.kinit.block.BlockSampler.fill(fill,
   * from, shard, sampling)}). An implementation that does not override this is {@link
   * Sampling.Unshardable}.
   *
   * @throws IllegalArgumentException as {@link #check}
   */
  default Sampling sampling(Tensor tensor) {
    check(tensor);
    return new Sampling.Unshardable(
        getClass().getName() + " does not say what it draws", draws(tensor));
  }

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
   * Xavier (Glorot) normal, PyTorch's {@code xavier_normal_}: {@code N(0, std²)}, {@code std = gain
   * · sqrt(2 / (fan_in + fan_out))} ({@link Xavier#normal}).
   *
   * @throws IllegalArgumentException if {@code gain} is not finite and positive
   */
  static Init xavierNormal(double gain) {
    return xavierNormal(WeightLayout.TORCH, gain);
  }

  /** {@link #xavierNormal(double)} with the fans of {@code layout}. */
  static Init xavierNormal(WeightLayout layout, double gain) {
    return new Xavier.Spec(Distribution.NORMAL, layout, gain);
  }

  /**
   * Xavier (Glorot) uniform, PyTorch's {@code xavier_uniform_}: {@code U(-bound, bound)}, {@code
   * bound = gain · sqrt(6 / (fan_in + fan_out))} ({@link Xavier#uniform}); with gain 1 and {@link
   * WeightLayout#KERAS} fans, Keras' {@code glorot_uniform}.
   *
   * @throws IllegalArgumentException if {@code gain} is not finite and positive
   */
  static Init xavierUniform(double gain) {
    return xavierUniform(WeightLayout.TORCH, gain);
  }

  /** {@link #xavierUniform(double)} with the fans of {@code layout}. */
  static Init xavierUniform(WeightLayout layout, double gain) {
    return new Xavier.Spec(Distribution.UNIFORM, layout, gain);
  }

  /**
   * {@code N(mean, std²)}, PyTorch's {@code normal_} ({@link Normal#fill}): {@code normal(0, 0.02)}
   * for GPT-style weights and embeddings. Any shape.
   */
  static Init normal(double mean, double std) {
    return new Normal.Spec(mean, std);
  }

  /** {@code U(from, to)}, PyTorch's {@code uniform_(a=from, b=to)} ({@link Uniform#fill}). */
  static Init uniform(double from, double to) {
    return new Uniform.Spec(from, to);
  }

  /**
   * {@code N(mean, std²)} conditioned on {@code [a, b]}, PyTorch's {@code trunc_normal_} ({@link
   * Normal#truncated}): {@code truncatedNormal(0, 0.02, -2, 2)} for vision transformers. {@code a}
   * and {@code b} are values, not standard deviations.
   */
  static Init truncatedNormal(double mean, double std, double a, double b) {
    return new Normal.Truncated(mean, std, a, b);
  }

  /** Every element {@code value}, PyTorch's {@code constant_} ({@link Constant#fill}); no draw. */
  static Init constant(double value) {
    return new Constant.Spec(value, Constant.call(value));
  }

  /** Every element 0, PyTorch's {@code zeros_} ({@link Constant#zeros}): biases; no draw. */
  static Init zeros() {
    return Constant.ZEROS;
  }

  /** Every element 1, PyTorch's {@code ones_} ({@link Constant#ones}): norm scales; no draw. */
  static Init ones() {
    return Constant.ONES;
  }

  /**
   * The identity matrix of a 2-D weight, PyTorch's {@code eye_} ({@link Identity#eye}); no draw.
   */
  static Init eye() {
    return Identity.EYE;
  }

  /**
   * The Dirac delta of a 3- to 5-D convolution weight with {@code groups} groups, PyTorch's {@code
   * dirac_} ({@link Identity#dirac}); no draw.
   *
   * @throws IllegalArgumentException if {@code groups < 1}
   */
  static Init dirac(int groups) {
    return new Identity.Dirac(groups);
  }

  /**
   * A (semi-)orthogonal matrix times {@code gain}, PyTorch's {@code orthogonal_} ({@link
   * Orthogonal#fill}): recurrent weights.
   *
   * @throws IllegalArgumentException if {@code gain} is not finite and positive
   */
  static Init orthogonal(double gain) {
    return new Orthogonal.Spec(gain);
  }

  /**
   * Keras' {@code VarianceScaling(scale, mode, distribution)} with the fans of {@code layout}
   * ({@link VarianceScaling}, whose factories give Keras' presets: {@code he_normal}, …).
   *
   * @throws IllegalArgumentException if {@code scale} is not finite and positive
   */
  static Init varianceScaling(
      double scale, ScalingMode mode, ScalingDistribution distribution, WeightLayout layout) {
    return new VarianceScaling.Spec(scale, mode, distribution, layout);
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
