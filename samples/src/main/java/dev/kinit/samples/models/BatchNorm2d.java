package dev.kinit.samples.models;

import dev.kinit.OnesInit;
import dev.kinit.ZerosInit;

/**
 * PyTorch's {@code nn.BatchNorm2d(channels)}: its affine parameters, weight 1 and bias 0 (its
 * running statistics are buffers, not parameters, and are not kept here). Draws nothing.
 */
public final class BatchNorm2d implements Layer {

  /** {@code [channels]}: the scale, 1. */
  @OnesInit public final float[] weight;

  /** {@code [channels]}: the shift, 0. */
  @ZerosInit public final float[] bias;

  /** {@code nn.BatchNorm2d(channels)}. */
  public BatchNorm2d(int channels) {
    weight = new float[channels];
    bias = new float[channels];
  }
}
