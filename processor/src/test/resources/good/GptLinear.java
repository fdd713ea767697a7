package layers;

import dev.kinit.NormalInit;
import dev.kinit.ZerosInit;

/** A linear layer as GPT-2 initialises it: weights N(0, 0.02²), zero biases. */
public class GptLinear {
  @NormalInit(std = 0.02)
  final float[][] weight;

  @ZerosInit final float[] bias;

  public GptLinear(int in, int out) {
    weight = new float[out][in];
    bias = new float[out];
  }
}
