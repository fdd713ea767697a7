package layers;

import dev.kinit.TorchDefaultInit;

/** nn.Linear(20, 6) as PyTorch initialises it: the weight, then its bias. */
public class TorchLinear {
  @TorchDefaultInit final float[][] weight = new float[6][20];

  @TorchDefaultInit(biasOf = "weight")
  final float[] bias = new float[6];
}
