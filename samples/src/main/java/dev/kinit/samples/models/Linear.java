package dev.kinit.samples.models;

import dev.kinit.TorchDefaultInit;
import org.jspecify.annotations.Nullable;

/**
 * PyTorch's {@code nn.Linear(in, out, bias=…)}: constructed with {@code
 * kaiming_uniform_(a=sqrt(5))} and a bias {@code U(-1/sqrt(in), 1/sqrt(in))}.
 */
public final class Linear implements Layer {

  /** {@code [out][in]}. */
  @TorchDefaultInit public final float[][] weight;

  /** {@code [out]}, or {@code null} for {@code bias=False}. */
  @TorchDefaultInit(biasOf = "weight")
  public final float @Nullable [] bias;

  /** {@code nn.Linear(in, out, bias=bias)}. */
  public Linear(int in, int out, boolean bias) {
    this(new float[out][in], bias);
  }

  /**
   * A linear layer whose weight is {@code weight}, {@code [out][in]}, which another module may hold
   * too (a tied weight, as GPT's {@code lm_head} and {@code wte}).
   */
  public Linear(float[][] weight, boolean bias) {
    this.weight = weight;
    this.bias = bias ? new float[weight.length] : null;
  }
}
