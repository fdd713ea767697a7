package dev.kinit;

/**
 * The distribution Kaiming initialisation samples from; both have mean 0 and standard deviation
 * {@code std = gain / sqrt(fan)} (He et al. 2015).
 */
public enum Distribution {
  /** {@code N(0, std²)}, PyTorch's {@code kaiming_normal_} and the paper's choice. */
  NORMAL,
  /**
   * {@code U(-bound, bound)} with {@code bound = sqrt(3) · std}, PyTorch's {@code
   * kaiming_uniform_}.
   */
  UNIFORM
}
