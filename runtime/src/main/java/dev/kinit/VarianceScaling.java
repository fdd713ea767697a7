package dev.kinit;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Keras' {@code VarianceScaling} initializer ({@code keras.initializers.VarianceScaling}): samples
 * whose variance is {@code scale / n}, {@code n} the fan the mode selects, as Keras computes it:
 *
 * <pre>
 *   n = max(1, fan_in)                     FAN_IN
 *       max(1, fan_out)                    FAN_OUT
 *       max(1, (fan_in + fan_out) / 2)     FAN_AVG
 *
 *   TRUNCATED_NORMAL:   N(0, std²) truncated to [-2·std, 2·std], std = sqrt(scale / n) / 0.87962566103423978
 *   UNTRUNCATED_NORMAL: N(0, std²), std = sqrt(scale / n)
 *   UNIFORM:            U(-limit, limit), limit = sqrt(3 · scale / n)
 * </pre>
 *
 * <p>{@code 0.87962566103423978} is the standard deviation of a standard normal truncated to {@code
 * [-2, 2]}, so the truncated samples too have variance {@code scale / n}. Keras' presets are
 * settings of it, here as factories ({@link #heNormal}, …):
 *
 * <table>
 *   <caption>Keras presets</caption>
 *   <tr><th>Keras</th><th>scale</th><th>mode</th><th>distribution</th>
 *       <th>PyTorch near equivalent</th></tr>
 *   <tr><td>{@code he_normal}</td><td>2</td><td>FAN_IN</td><td>TRUNCATED_NORMAL</td>
 *       <td>{@code kaiming_normal_} (untruncated)</td></tr>
 *   <tr><td>{@code he_uniform}</td><td>2</td><td>FAN_IN</td><td>UNIFORM</td>
 *       <td>{@code kaiming_uniform_(nonlinearity='relu')}</td></tr>
 *   <tr><td>{@code lecun_normal}</td><td>1</td><td>FAN_IN</td><td>TRUNCATED_NORMAL</td>
 *       <td>—</td></tr>
 *   <tr><td>{@code lecun_uniform}</td><td>1</td><td>FAN_IN</td><td>UNIFORM</td>
 *       <td>{@code kaiming_uniform_(nonlinearity='linear')}</td></tr>
 *   <tr><td>{@code glorot_normal}</td><td>1</td><td>FAN_AVG</td><td>TRUNCATED_NORMAL</td>
 *       <td>{@code xavier_normal_} (untruncated)</td></tr>
 *   <tr><td>{@code glorot_uniform}</td><td>1</td><td>FAN_AVG</td><td>UNIFORM</td>
 *       <td>{@code xavier_uniform_}</td></tr>
 * </table>
 *
 * <p>Fans follow the {@link WeightLayout}: a model ported from Keras keeps its {@code
 * [k…][in][out]} weights and passes {@link WeightLayout#KERAS}. The truncated normal is drawn by
 * the sampler's {@link TensorSampler#truncatedNormal} (TensorFlow's own algorithm is not
 * reproduced, so a seeded fill does not give TensorFlow's values):
 *
 * <pre>{@code
 * float[][] kernel = new float[784][128];  // Dense(128) on 784 inputs: [in][out]
 * VarianceScaling.heNormal(WeightLayout.KERAS).fill(FloatTensor.of("kernel", kernel), random);
 * }</pre>
 */
public final class VarianceScaling {

  /**
   * The standard deviation of a standard normal truncated to {@code [-2, 2]}, Keras' correction
   * ({@code scipy.stats.truncnorm.std(a=-2, b=2)}).
   */
  public static final double TRUNCATED_STD = 0.87962566103423978;

  /** Where Keras' truncated normal is cut, in standard deviations from the mean. */
  private static final double TRUNCATION = 2.0;

  private VarianceScaling() {}

  /**
   * The variance {@code scale / n} that a fill of a weight of shape {@code shape} aims at, {@code
   * n} as the class comment says.
   *
   * @throws IllegalArgumentException if {@code scale} is not finite and positive, or for a shape
   *     that has no fans in {@code layout} ({@link Fans#of(WeightLayout, int...)})
   */
  public static double variance(WeightLayout layout, int[] shape, double scale, ScalingMode mode) {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(mode, "mode");
    Rules.require(Rules.scaleProblem(scale));
    return scale / fan(Fans.of(layout, shape), mode);
  }

  /**
   * Fills {@code tensor} as Keras' {@code VarianceScaling(scale, mode, distribution)} would, with
   * the fans of {@code layout}.
   *
   * @param random the source of randomness; if it implements {@link TensorSampler} it samples the
   *     whole tensor itself
   * @throws IllegalArgumentException as {@link #variance}, or if the std or limit is not usable in
   *     the element type ({@link TensorSampler}); before any element is written
   */
  public static void fill(
      Tensor tensor,
      double scale,
      ScalingMode mode,
      ScalingDistribution distribution,
      WeightLayout layout,
      RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Init.varianceScaling(scale, mode, distribution, layout)
        .fill(Objects.requireNonNull(tensor, "tensor"), random);
  }

  /** Keras' {@code he_normal}: scale 2, fan_in, truncated normal. */
  public static Init heNormal(WeightLayout layout) {
    return Init.varianceScaling(
        2.0, ScalingMode.FAN_IN, ScalingDistribution.TRUNCATED_NORMAL, layout);
  }

  /** Keras' {@code he_uniform}: scale 2, fan_in, uniform. */
  public static Init heUniform(WeightLayout layout) {
    return Init.varianceScaling(2.0, ScalingMode.FAN_IN, ScalingDistribution.UNIFORM, layout);
  }

  /** Keras' {@code lecun_normal}: scale 1, fan_in, truncated normal. */
  public static Init lecunNormal(WeightLayout layout) {
    return Init.varianceScaling(
        1.0, ScalingMode.FAN_IN, ScalingDistribution.TRUNCATED_NORMAL, layout);
  }

  /** Keras' {@code lecun_uniform}: scale 1, fan_in, uniform. */
  public static Init lecunUniform(WeightLayout layout) {
    return Init.varianceScaling(1.0, ScalingMode.FAN_IN, ScalingDistribution.UNIFORM, layout);
  }

  /** Keras' {@code glorot_normal}: scale 1, fan_avg, truncated normal. */
  public static Init glorotNormal(WeightLayout layout) {
    return Init.varianceScaling(
        1.0, ScalingMode.FAN_AVG, ScalingDistribution.TRUNCATED_NORMAL, layout);
  }

  /** Keras' {@code glorot_uniform}: scale 1, fan_avg, uniform. */
  public static Init glorotUniform(WeightLayout layout) {
    return Init.varianceScaling(1.0, ScalingMode.FAN_AVG, ScalingDistribution.UNIFORM, layout);
  }

  /** Keras' divisor {@code n}: the selected fan, at least 1. */
  private static double fan(Fans fans, ScalingMode mode) {
    return switch (mode) {
      case FAN_IN -> Math.max(1.0, fans.fanIn());
      case FAN_OUT -> Math.max(1.0, fans.fanOut());
      case FAN_AVG -> Math.max(1.0, (fans.fanIn() + fans.fanOut()) / 2.0);
    };
  }

  private static String kerasName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** A {@code VarianceScaling} fill as a value ({@link Init#varianceScaling}). */
  record Spec(double scale, ScalingMode mode, ScalingDistribution distribution, WeightLayout layout)
      implements Init {

    Spec {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(distribution, "distribution");
      Objects.requireNonNull(layout, "layout");
      Rules.require(Rules.scaleProblem(scale));
    }

    @Override
    public void check(Tensor tensor) {
      checkedScale(tensor);
    }

    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      Objects.requireNonNull(random, "random");
      double s = checkedScale(tensor);
      if (tensor.size() == 0) {
        return;
      }
      TensorSampler sampler = TensorSampler.of(random);
      switch (distribution) {
        case TRUNCATED_NORMAL ->
            sampler.truncatedNormal(tensor, 0.0, s, -TRUNCATION * s, TRUNCATION * s);
        case UNTRUNCATED_NORMAL -> sampler.normal(tensor, 0.0, s);
        case UNIFORM -> sampler.uniform(tensor, -s, s);
      }
    }

    @Override
    public boolean draws(Tensor tensor) {
      return tensor.size() > 0;
    }

    @Override
    public Sampling sampling(Tensor tensor) {
      double s = checkedScale(tensor);
      if (tensor.size() == 0) {
        return new Sampling.Unchanged();
      }
      return switch (distribution) {
        case TRUNCATED_NORMAL ->
            new Sampling.TruncatedNormal(0.0, s, -TRUNCATION * s, TRUNCATION * s);
        case UNTRUNCATED_NORMAL -> new Sampling.Normal(0.0, s);
        case UNIFORM -> new Sampling.Uniform(-s, s);
      };
    }

    @Override
    public String describe(Tensor tensor) {
      String call =
          "VarianceScaling(scale="
              + scale
              + ", mode='"
              + kerasName(mode)
              + "', distribution='"
              + kerasName(distribution)
              + "'"
              + (layout == WeightLayout.TORCH ? "" : ", layout=" + layout)
              + ")";
      if (tensor.size() == 0) {
        return call + ": no elements";
      }
      return call
          + ": n "
          + fan(Fans.of(layout, tensor.shape()), mode)
          + (distribution == ScalingDistribution.UNIFORM ? ", limit " : ", std ")
          + checkedScale(tensor)
          + (distribution == ScalingDistribution.TRUNCATED_NORMAL ? ", truncated at 2 std" : "");
    }

    /**
     * The std (normal distributions) or limit (uniform) of a fill of {@code tensor}, checked; 0 for
     * a tensor with no elements.
     */
    private double checkedScale(Tensor tensor) {
      Objects.requireNonNull(tensor, "tensor");
      if (layout == WeightLayout.TORCH) {
        Shapes.require(tensor, Rules.fanRankProblem(tensor.shape().length));
      }
      double variance = variance(layout, tensor.shape(), scale, mode);
      if (tensor.size() == 0) {
        return 0;
      }
      ElementType type = ElementType.of(tensor);
      String name = tensor.name();
      return switch (distribution) {
        case TRUNCATED_NORMAL -> {
          double std = Math.sqrt(variance) / TRUNCATED_STD;
          Rules.require(
              Rules.truncatedNormalProblem(
                  name, type, 0.0, std, -TRUNCATION * std, TRUNCATION * std));
          yield std;
        }
        case UNTRUNCATED_NORMAL -> {
          double std = Math.sqrt(variance);
          Rules.require(Rules.stdProblem(name, type, std));
          yield std;
        }
        case UNIFORM -> {
          double limit = Math.sqrt(3.0 * variance);
          Rules.require(Rules.boundProblem(name, type, limit));
          yield limit;
        }
      };
    }
  }
}
