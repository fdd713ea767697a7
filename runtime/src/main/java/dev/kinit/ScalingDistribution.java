package dev.kinit;

/**
 * The distribution Keras' {@code VarianceScaling} samples from ({@link VarianceScalingInit}), each
 * with variance {@code scale / n}.
 */
public enum ScalingDistribution {
  /**
   * A normal truncated at two standard deviations, its std corrected by {@code 0.87962566103423978}
   * (the std of a standard normal truncated to [-2, 2]) so that the samples have the intended
   * variance: {@code std = sqrt(scale / n) / 0.87962566103423978}. Keras' default.
   */
  TRUNCATED_NORMAL,
  /** {@code N(0, scale / n)}. */
  UNTRUNCATED_NORMAL,
  /** {@code U(-limit, limit)} with {@code limit = sqrt(3 · scale / n)}. */
  UNIFORM
}
