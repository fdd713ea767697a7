package dev.kinit.samples.models;

import dev.kinit.Network;

/**
 * nanoGPT's {@code CausalSelfAttention}: the query, key and value projection and the output one.
 */
@Network
public final class CausalSelfAttention {

  /** {@code Linear(n_embd, 3 * n_embd)}: query, key and value for all heads. */
  public final Linear c_attn;

  /** {@code Linear(n_embd, n_embd)}: the output projection, into the residual stream. */
  public final Linear c_proj;

  CausalSelfAttention(int embedding) {
    c_attn = new Linear(embedding, 3 * embedding, true);
    c_proj = new Linear(embedding, embedding, true);
  }
}
