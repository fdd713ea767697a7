package dev.kinit.samples.models;

import dev.kinit.TorchDefaultInit;
import org.jspecify.annotations.Nullable;

/**
 * PyTorch's {@code nn.Conv2d(in, out, kernel, bias=…)} (stride, padding and dilation change no
 * parameter): constructed with {@code kaiming_uniform_(a=sqrt(5))} and a bias {@code
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in))}.
 */
public final class Conv2d implements Layer {

  /** {@code [out][in / groups][kernel][kernel]}. */
  @TorchDefaultInit public final float[][][][] weight;

  /** {@code [out]}, or {@code null} for {@code bias=False}. */
  @TorchDefaultInit(biasOf = "weight")
  public final float @Nullable [] bias;

  /** {@code nn.Conv2d(in, out, kernel, bias=bias)}. */
  public Conv2d(int in, int out, int kernel, boolean bias) {
    this(in, out, kernel, 1, bias);
  }

  /** {@code nn.Conv2d(in, out, kernel, groups=groups, bias=bias)}. */
  public Conv2d(int in, int out, int kernel, int groups, boolean bias) {
    if (groups < 1 || in % groups != 0 || out % groups != 0) {
      throw new IllegalArgumentException(
          "groups: " + groups + "; expected a positive divisor of in " + in + " and out " + out);
    }
    this.weight = new float[out][in / groups][kernel][kernel];
    this.bias = bias ? new float[out] : null;
  }
}
