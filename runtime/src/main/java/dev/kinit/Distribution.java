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
  UNIFORM
}
