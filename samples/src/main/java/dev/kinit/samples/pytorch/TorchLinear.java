package dev.kinit.samples.pytorch;

import dev.kinit.TorchDefaultInit;

/** The parameters of PyTorch's {@code nn.Linear(in, out)}, initialised as PyTorch does. */
public final class TorchLinear {

  /** {@code [out][in]}: {@code kaiming_uniform_(a = sqrt(5))}. */
  @TorchDefaultInit final float[][] weight;

  /** {@code [out]}: {@code U(-1/sqrt(in), 1/sqrt(in))}, drawn after the weight. */
  @TorchDefaultInit(biasOf = "weight")
  final float[] bias;

  /** A layer from {@code in} features to {@code out}, its parameters zero until initialised. */
  public TorchLinear(int in, int out) {
    weight = new float[out][in];
    bias = new float[out];
  }

  /** The weight, {@code [out][in]}. */
  public float[][] weight() {
    return weight;
  }

  /** The bias, {@code [out]}. */
  public float[] bias() {
    return bias;
  }
}
