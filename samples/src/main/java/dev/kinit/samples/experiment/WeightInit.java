package dev.kinit.samples.experiment;

import dev.kinit.FanMode;
import dev.kinit.Fans;
import dev.kinit.FloatTensor;
import dev.kinit.Kaiming;
import dev.kinit.TensorSampler;
import java.util.random.RandomGenerator;

/**
 * The initialisations the experiments compare: Kaiming (the product, through the runtime) and the
 * two baselines He et al. 2015 compare it with. All draw weights from a zero-mean normal
 * distribution; they differ in its standard deviation:
 *
 * <pre>
 *   KAIMING_FAN_IN    gain / sqrt(fan_in)             He et al. 2015, eq. 10
 *   KAIMING_FAN_OUT   gain / sqrt(fan_out)            He et al. 2015, eq. 14
 *   XAVIER            sqrt(2 / (fan_in + fan_out))    Glorot and Bengio 2010, eq. 12; PyTorch's
 *                                                     xavier_normal_ with its default gain 1
 *   NORMAL_0_01       0.01                            Krizhevsky et al. 2012, Simonyan and
 *                                                     Zisserman 2014
 * </pre>
 *
 * <p>The baselines ignore the nonlinearity: that is what they are (Xavier assumes a linear
 * activation), and why they fail in deep ReLU networks.
 */
public enum WeightInit {
  KAIMING_FAN_IN("Kaiming fan_in"),
  KAIMING_FAN_OUT("Kaiming fan_out"),
  XAVIER("Xavier/Glorot"),
  NORMAL_0_01("N(0, 0.01²)");

  private final String label;

  WeightInit(String label) {
    this.label = label;
  }

  /** The name in tables and plots. */
  public String label() {
    return label;
  }

  /**
   * The standard deviation for a weight of {@code shape} followed by a nonlinearity of gain {@code
   * gain} (used by the Kaiming schemes only).
   */
  public double std(int[] shape, double gain) {
    return switch (this) {
      case KAIMING_FAN_IN -> Kaiming.std(shape, FanMode.FAN_IN, gain);
      case KAIMING_FAN_OUT -> Kaiming.std(shape, FanMode.FAN_OUT, gain);
      case XAVIER -> {
        Fans fans = Fans.of(shape);
        yield Math.sqrt(2.0 / (fans.fanIn() + fans.fanOut()));
      }
      case NORMAL_0_01 -> 0.01;
    };
  }

  /**
   * Fills {@code weight} from {@code N(0, std²)}. The Kaiming schemes make the same call as the
   * initializers generated for {@code @KaimingInit}: {@link Kaiming#normal}.
   */
  public void fill(FloatTensor weight, double gain, RandomGenerator random) {
    switch (this) {
      case KAIMING_FAN_IN -> Kaiming.normal(weight, FanMode.FAN_IN, gain, random);
      case KAIMING_FAN_OUT -> Kaiming.normal(weight, FanMode.FAN_OUT, gain, random);
      default -> TensorSampler.of(random).normal(weight, 0, std(weight.shape(), gain));
    }
  }
}
