package dev.kinit.samples.pytorch;

import dev.kinit.TorchDefaultInit;

/** The parameters of PyTorch's {@code nn.Conv2d(in, out, k)}, initialised as PyTorch does. */
public final class TorchConv2d {

  /** {@code [out][in][k][k]}: {@code kaiming_uniform_(a = sqrt(5))}. */
  @TorchDefaultInit final float[][][][] weight;

  /** {@code [out]}: {@code U(-1/sqrt(in·k·k), 1/sqrt(in·k·k))}, drawn after the weight. */
  @TorchDefaultInit(biasOf = "weight")
  final float[] bias;

  /** A {@code k × k} convolution from {@code in} channels to {@code out}. */
  public TorchConv2d(int in, int out, int k) {
    weight = new float[out][in][k][k];
    bias = new float[out];
  }

  /** The weight, {@code [out][in][k][k]}. */
  public float[][][][] weight() {
    return weight;
  }

  /** The bias, {@code [out]}. */
  public float[] bias() {
    return bias;
  }
}
