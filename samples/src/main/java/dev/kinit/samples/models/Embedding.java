package dev.kinit.samples.models;

import dev.kinit.NormalInit;

/** PyTorch's {@code nn.Embedding(count, dim)}: constructed with {@code normal_(0, 1)}. */
public final class Embedding implements Layer {

  /** {@code [count][dim]}: one row per token or position. */
  @NormalInit public final float[][] weight;

  /** {@code nn.Embedding(count, dim)}. */
  public Embedding(int count, int dim) {
    this(new float[count][dim]);
  }

  /** An embedding whose table is {@code weight}, which another module may hold too (tied). */
  public Embedding(float[][] weight) {
    this.weight = weight;
  }
}
