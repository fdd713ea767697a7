package dev.kinit;

/**
 * Which fan Kaiming initialisation divides by (PyTorch's {@code mode}).
 *
 * <p>He et al. 2015 (§2.2) show that {@code std = gain / sqrt(fan_in)} keeps the variance of the
 * activations constant through the forward pass, and {@code std = gain / sqrt(fan_out)} keeps the
 * variance of the gradients constant through the backward pass.
 */
public enum FanMode {
  /** Divide by {@link Fans#fanIn()}: preserves the magnitude of activations in the forward pass. */
  FAN_IN("fan_in"),
  /** Divide by {@link Fans#fanOut()}: preserves the magnitude of gradients in the backward pass. */
  FAN_OUT("fan_out");

  private final String torchName;

  FanMode(String torchName) {
    this.torchName = torchName;
  }

  /**
   * {@return the fan this mode selects from {@code fans}}
   *
   * @param fans a weight's fans
   */
  public long of(Fans fans) {
    return this == FAN_IN ? fans.fanIn() : fans.fanOut();
  }

  /** {@return PyTorch's spelling of this mode: {@code "fan_in"} or {@code "fan_out"}} */
  public String torchName() {
    return torchName;
  }

  /**
   * {@return the mode PyTorch spells {@code name}}
   *
   * @param name {@code "fan_in"} or {@code "fan_out"}
   * @throws IllegalArgumentException with PyTorch's message when {@code name} is neither
   */
  public static FanMode fromTorchName(String name) {
    for (FanMode mode : values()) {
      if (mode.torchName.equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "Mode " + name + " not supported, please use one of ['fan_in', 'fan_out']");
  }
}
