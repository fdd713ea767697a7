package dev.kinit.samples.models;

import dev.kinit.Network;

/** nanoGPT's {@code Block}: attention and MLP, each after a layer norm. */
@Network
public final class Block {

  /** {@code LayerNorm(n_embd)}. */
  public final LayerNorm ln_1;

  /** {@code CausalSelfAttention(config)}. */
  public final CausalSelfAttention attn;

  /** {@code LayerNorm(n_embd)}. */
  public final LayerNorm ln_2;

  /** {@code MLP(config)}. */
  public final Mlp mlp;

  Block(int embedding) {
    ln_1 = new LayerNorm(embedding);
    attn = new CausalSelfAttention(embedding);
    ln_2 = new LayerNorm(embedding);
    mlp = new Mlp(embedding);
  }
}
