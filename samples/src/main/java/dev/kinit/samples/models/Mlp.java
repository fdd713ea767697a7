package dev.kinit.samples.models;

import dev.kinit.Network;

/** nanoGPT's {@code MLP}: four times wider, then back, into the residual stream. */
@Network
public final class Mlp {

  /** {@code Linear(n_embd, 4 * n_embd)}. */
  public final Linear c_fc;

  /** {@code Linear(4 * n_embd, n_embd)}: the output projection. */
  public final Linear c_proj;

  Mlp(int embedding) {
    c_fc = new Linear(embedding, 4 * embedding, true);
    c_proj = new Linear(4 * embedding, embedding, true);
  }
}
