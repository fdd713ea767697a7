package dev.kinit;

/**
 * Which fan Keras' {@code VarianceScaling} divides {@code scale} by ({@link VarianceScalingInit}).
 */
public enum ScalingMode {
  /**
   * {@code scale / fan_in}: He ({@code scale = 2}) and LeCun ({@code scale = 1}) initialisation.
   */
  FAN_IN,
  /** {@code scale / fan_out}. */
  FAN_OUT,
  /**
   * {@code scale / ((fan_in + fan_out) / 2)}: Glorot (Xavier) initialisation with {@code scale =
   * 1}.
   */
  FAN_AVG
}
