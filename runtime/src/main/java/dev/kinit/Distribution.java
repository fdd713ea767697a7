package dev.kinit;

/**
 * The distribution Kaiming and Xavier initialisation sample from; both have mean 0 and the standard
 * deviation of the method: {@code std = gain / sqrt(fan)} (Kaiming: He et al. 2015), {@code std =
 * gain · sqrt(2 / (fan_in + fan_out))} (Xavier: Glorot and Bengio 2010).
 */
public enum Distribution {
  /** {@code N(0, std²)}: PyTorch's {@code kaiming_normal_}, {@code xavier_normal_}. */
  NORMAL,
  /**
   * {@code U(-bound, bound)} with {@code bound = sqrt(3) · std}: PyTorch's {@code
   * kaiming_uniform_}, {@code xavier_uniform_}.
   */
  UNIFORM;

  /**
   * Fills {@code tensor} from this distribution with its scale: {@code N(0, scale²)} or {@code
   * U(-scale, scale)}.
   */
  void sample(TensorSampler sampler, Tensor tensor, double scale) {
    if (this == NORMAL) {
      sampler.normal(tensor, 0.0, scale);
    } else {
      sampler.uniform(tensor, -scale, scale);
    }
  }
}
