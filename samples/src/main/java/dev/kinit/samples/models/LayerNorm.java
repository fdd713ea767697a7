package dev.kinit.samples.models;

import dev.kinit.OnesInit;
import dev.kinit.ZerosInit;

/** A layer norm with a bias (nanoGPT's {@code LayerNorm(ndim, bias=True)}): weight 1, bias 0. */
public final class LayerNorm implements Layer {

  /** {@code [dim]}: the scale, 1. */
  @OnesInit public final float[] weight;

  /** {@code [dim]}: the shift, 0. */
  @ZerosInit public final float[] bias;

  /** {@code LayerNorm(dim)}. */
  public LayerNorm(int dim) {
    weight = new float[dim];
    bias = new float[dim];
  }
}
